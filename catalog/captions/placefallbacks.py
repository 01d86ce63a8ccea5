"""What ``find_place`` tries when the chunks of a phrase give no place: a city the gazetteer
knows after the last "in" (or "à", "a", "près de"), a known city before a lower-case venue word
("the Kabul airport"), a Turkish name with its case ending ("İstanbul'da"), a town that is the
sentence's subject ("The Black Sea town of Sozopol hosts ...").
"""

from __future__ import annotations

import re

from catalog.captions import placecountry as pc
from catalog.captions.gazetteer import capital_of, demonym_country, find_city, us_state
from catalog.captions.placematch import Place, PlaceMatch, Reading, build
from catalog.captions.placenames import BIG_TOWN, NAME_WINDOW, Chunk, Span, is_acronym, tail_name
from catalog.captions.placewords import lead_phrase
from catalog.regexcache import regex

_LAST_IN = regex(  # "in central London during the rush hour": a direction word may come between
    r"(?:\b(?:in|im|en|em|no|na|i|near|at|outside|through|across|à|au|a|près\s+de)\s+(?:the\s+)?"
    r"|\b(?:d|all|dell|nell|près\s+d)['’])"  # the agencies' own languages: "à Avignon", "a Venezia", "d'Epernay"
    r"(?:(?:central|northern|southern|eastern|western|downtown|north|south|east|west)\s+)?"
    r"(?:(?:capital|city|town|village|port)\s+)?(?=[A-ZÀ-Ý])")  # "in the capital Khartoum against the coup"


def known_after_in(text: str, chunk: Chunk, default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    """"Die Elbphilharmonie in Hamburg bei Sonnenuntergang": when the name that ends the phrase
    is no place (German capitalises its nouns), a city the gazetteer knows after the last "in"."""
    span = after_last_in(text, chunk, False)
    if span is None:
        return None
    cc = default_country[0] if default_country is not None else None
    name = text[span[0] : span[1]]
    if is_acronym(name):
        return None  # "at UN headquarters" (the text is not in capitals: no chunk is)
    city = find_city(name, country=cc, primary_only=cc is None)
    if city is None:
        return None
    place = Place(city=text[span[0] : span[1]], country_code=city.country_code, lat=city.lat, lon=city.lon)
    match = PlaceMatch(place, span[0], span[1], city_span=span)
    lead = lead_phrase(text, max(chunk.start, span[0] - NAME_WINDOW), span[0])
    match.phrase_start = lead.start() if lead is not None else None
    return match


def after_last_in(text: str, chunk: Chunk, shouting: bool) -> Span | None:
    """"... am Rhein in Köln spazieren": the proper name after the last "in" (or "à", "près de";
    Italian "a" only before a town the gazetteer knows: not English "during a Tube strike")."""
    for found in reversed(list(_LAST_IN.finditer(text, chunk.start, chunk.end))):
        span = _name_after(text, found.end(), chunk.end, shouting)
        if found.group(0).startswith("a ") and (span is None or find_city(text[span[0] : span[1]]) is None):
            continue
        return span
    return None


def _name_after(text: str, start: int, limit: int, shouting: bool) -> Span | None:
    e = start
    while e < limit and not text[e].isspace() and text[e] not in ",;":
        e += 1
    span = tail_name(text, start, e, shouting)
    if span is not None and e < limit and text[e] == " ":
        longer = _known_longer(text, span, limit)
        if longer is not None:
            return longer  # "in Frankfurt am Main ein": the gazetteer's longer name
        if (not shouting and (named := _ENGLISH_NAME_RUN.match(text, span[1], limit)) is not None
                and named.group(0).rsplit(None, 1)[-1].lower() not in pc.NOT_TOWNS):
            return (span[0], named.end())  # "in Agia Anna on Evia island": a two-word town before an English word
    return span


#: More capitalised words, then an English word that no German capitalised noun is
#: ("in Köln Menschen am Rhein" stays Köln).
_ENGLISH_NAME_RUN = regex(r"(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+){1,2}(?= (?:village|town|area|neighbou?rhood|camp|on|in|at|near|during|as|after|where|with|is|are|was|were)\b)")


_NEXT_WORDS = regex(r"(?: (?:am|an|de|del|da|do|di|la|le|sur|upon|on))? [A-ZÀ-Þ][\w'’-]*")


def _known_longer(text: str, span: Span, limit: int) -> Span | None:
    """The longest run of up to three more words after ``span`` ("am Main", "Aviv") that makes
    a town or a country the gazetteer knows."""
    best = None
    end = span[1]
    for _ in range(3):
        m = _NEXT_WORDS.match(text, end, limit)
        if m is None:
            break
        end = m.end()
        name = text[span[0] : end]
        if find_city(name, primary_only=True) is not None or pc.country_of(name) is not None:
            best = (span[0], end)  # (or a country: "demonstrators in South Africa call on ...")
    return best


#: "the Kabul airport", "a Paris cathedral": a known city's name before a lower-case venue word.
CITY_VENUE = regex(
    r"\b(?:the|a|an)\s+(?P<city>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:airport|cathedral|stadium|station|port|"
    r"hospital|university|market|mosque|church|prison|courthouse|court|zoo|harbou?r|suburb|neighbou?rhood)\b")


#: "the London 2012 Olympic Games", "the Paris 2024 Paralympics": a host city, a year, the games.
CITY_EVENT = regex(
    r"\b(?P<city>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s(?:19|20)\d\d\s(?:Olympic|Olympics|Paralympic|Paralympics"
    r"|Commonwealth\s+Games|Asian\s+Games|Youth\s+Olympic|Winter\s+(?:Olympic|Games)|Summer\s+(?:Olympic|Games)|Expo)\b"
    r"|\b(?P<host>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s(?:fashion\s+week|film\s+festival|motor\s+show|marathon)\b")


#: "in the Chinese capital", "in the Afghan capital": the capital of the country its adjective names.
THE_CAPITAL = regex(r"\b(?:in|at|near|around|outside)\s+the\s+(?P<people>[A-Z][\w'’-]+)\s+capital\b")


def capital_city(text: str, m: re.Match[str], segment_start: int) -> PlaceMatch | None:
    """The capital named by its country's adjective ("the Chinese capital" -> Beijing), with
    its coordinates; the name is not written, so no city span is taken from the text."""
    code = demonym_country(m.group("people"))
    if code is None:
        return None
    city = find_city(capital_of(code), country=code)
    if city is None:
        return None
    place = Place(city=capital_of(code), country_code=code, lat=city.lat, lon=city.lon)
    return PlaceMatch(place, m.start("people"), m.end())


def city_of_venue(text: str, venue: re.Match[str], segment_start: int) -> PlaceMatch | None:
    """The city of "the Kabul airport" (or of "the London 2012 Olympic Games"), when the
    gazetteer knows it as a city's own name."""
    group = "city" if venue.groupdict().get("city") else "host"  # CITY_EVENT's second form
    city = find_city(venue.group(group), primary_only=True)
    if city is None:
        return None
    got = Reading()
    got.city, got.cc = venue.span(group), city.country_code
    return build(text, got, segment_start)


#: Turkish writes the case on the name: "İstanbul'da" (in Istanbul), "Ankara'daki", "Rize'den".
_CASE_ENDING = regex(r"\b([A-ZÇĞİÖŞÜ][\wçğıöşü]+)['’](?:da|de|ta|te|daki|deki|taki|teki|dan|den|tan|ten)\b")


def city_with_case_ending(text: str, start: int, end: int) -> PlaceMatch | None:
    """The first city the gazetteer knows written with a locative or ablative ending."""
    for m in _CASE_ENDING.finditer(text, start, end):
        city = find_city(m.group(1), primary_only=True)
        if city is not None:
            place = Place(city=m.group(1), country_code=city.country_code, lat=city.lat, lon=city.lon)
            return PlaceMatch(place, m.start(1), m.end(1), city_span=m.span(1))
    return None


_IN_KNOWN = regex(r"\b(?:in|im)\s+(?P<name>[A-ZÀ-Þ][\w'’-]+)")


def known_in_before(text: str, start: int, end: int) -> bool:
    """A town the gazetteer knows after an "in" earlier in the chunk."""
    return any(find_city(m.group("name")) is not None for m in _IN_KNOWN.finditer(text, start, end))


_OWNER_AT_END = regex(r"\b(?P<city>[A-ZÀ-Þ][\w-]+(?: [A-ZÀ-Þ][\w-]+)?)['’]s(?: [a-z]+){1,3}$")


def possessive_owner(text: str, chunk: Chunk, cc: str | None) -> Span | None:
    """"an airstrike on Beirut's southern suburbs, Lebanon": the city that owns the place
    named in lower case, when the gazetteer knows it in the country that follows."""
    if cc is None or ("'s " not in text[chunk.start : chunk.end] and "’s " not in text[chunk.start : chunk.end]):
        return None
    m = _OWNER_AT_END.search(text, max(chunk.start, chunk.end - 60), chunk.end)
    if m is None or find_city(m.group("city"), country=cc) is None:
        return None
    return (m.start("city"), m.end())  # the whole phrase: build() keeps the owner, and the phrase in the subject


_BIG_OWNER = regex(r"\b(?:in|at|on|of|near|through|along|across|outside|during|amid|over)\s+(?:(?:the\s+\w+|one)\s+of\s+)?"
                        r"(?P<city>[A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s\s")


def big_city_owner(text: str, start: int, end: int) -> PlaceMatch | None:
    """"sits in the middle of New York's Fifth Avenue": no place phrase, but a big city owns the
    street or the landmark the picture shows (the last such owner; a country is not one)."""
    if "'s " not in text[start:end] and "’s " not in text[start:end]:
        return None
    for m in reversed(list(_BIG_OWNER.finditer(text, start, end))):
        name = m.group("city")
        if pc.country_of(name) is not None:
            continue
        city = find_city(name, primary_only=True)
        if city is not None and city.population >= BIG_TOWN:
            place = Place(city=name, country_code=city.country_code, lat=city.lat, lon=city.lon)
            return PlaceMatch(place, m.start("city"), m.end("city"), city_span=m.span("city"))
    return None


#: "Sarajevo citizens queue for water": a big city's people open the caption.
_CITY_PEOPLE = regex(r"(?P<city>[A-Z][\w-]+(?: [A-Z][\w-]+)?)\s+(?:citizens|residents|commuters|shoppers|"
                          r"voters|locals|pedestrians|motorists|firefighters|police(?:men)?)\b")


def big_city_people(text: str, start: int, end: int) -> PlaceMatch | None:
    """No place phrase, but the sentence opens with a big city's residents ("Kyiv residents
    shelter in a metro station"): they are in that city."""
    m = _CITY_PEOPLE.match(text, start, end)
    if m is None or pc.country_of(m.group("city")) is not None:
        return None
    city = find_city(m.group("city"), primary_only=True)
    if city is None or city.population < BIG_TOWN:
        return None
    place = Place(city=m.group("city"), country_code=city.country_code, lat=city.lat, lon=city.lon)
    return PlaceMatch(place, m.start("city"), m.end("city"), city_span=m.span("city"))


#: "The northeast Bulgarian town of Isperikh enjoys ...": a settlement named as the sentence's subject.
_TOWN_AS_SUBJECT = regex(r"(?:^|(?<=, ))[Tt]he\s+(?P<lead>(?:[\w'’-]+\s+){0,3}?)(?:town|village|city|resort|hamlet)\s+of\s+"
                         r"(?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def town_as_subject(text: str, start: int, end: int) -> PlaceMatch | None:
    """No place phrase, but the sentence opens with "The <...> town of X" (or does so after a first
    clause: "For the 14th year in a row, the Black Sea town of Sozopol plays host ...")."""
    m = _TOWN_AS_SUBJECT.search(text, start, min(end, start + 80))
    if m is None or pc.country_of(m.group("city")) is not None:
        return None
    people = [code for word in m.group("lead").split() if (code := demonym_country(word)) is not None]
    city = find_city(m.group("city"), country=people[0] if people else None)
    if city is not None and not people and city.population < BIG_TOWN:
        city = None  # "The town of Westport ...": too small a name to tell its country (US, IE, NZ)
    code = city.country_code if city is not None else (people[0] if people else "")
    place = Place(city=m.group("city"), country_code=code, lat=city.lat if city else None, lon=city.lon if city else None)
    return PlaceMatch(place, m.start("city"), m.end("city"), city_span=m.span("city"))


#: "on the South Lawn of the White House" (not "a White House official").
_WHITE_HOUSE = regex(r"\b(?:at|in|of|outside|to)\s+the\s+White\s+House\b(?!\s+(?:official|spokes|press|aide|staff|adviser|advisor|chief|counsel))")
#: "at the Iowa State Fair", "the Texas State Capitol": a US state's own institution.
_STATE_INSTITUTION = regex(r"\b(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?) State (?:Fair|Fairgrounds|Capitol|"
                                r"Legislature|Senate|House|Penitentiary|Prison)\b")


def state_institution(text: str, start: int, end: int) -> PlaceMatch | None:
    """No place phrase, but a US state's fair or capitol names the state (and the country), or
    the White House the country."""
    if "White House" in text[start:end] and (house := _WHITE_HOUSE.search(text, start, end)) is not None:
        return PlaceMatch(Place(country_code="US"), house.start(), house.end())
    m = _STATE_INSTITUTION.search(text, start, end) if " State " in text[start:end] else None
    if m is None or us_state(m.group("state")) is None:
        return None
    return PlaceMatch(Place(region=m.group("state"), country_code="US"), m.start(), m.end("state"),
                      region_span=m.span("state"))


def in_the_last_chunk(text: str, last: Chunk, segment_start: int,
                      default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    """When the chunks named no place: a known town after "in" ("in Kyiv's centre"), the city of
    "the Kabul airport" or of "the London 2012 Olympic Games", or "the Chinese capital"."""
    match = known_after_in(text, last, default_country)
    if match is None and (venue := CITY_VENUE.search(text, last.start, last.end)) is not None:
        match = city_of_venue(text, venue, segment_start)
    if match is None and (event := CITY_EVENT.search(text, last.start, last.end)) is not None:
        match = city_of_venue(text, event, segment_start)
    if (match is None and " capital" in text[last.start : last.end]
            and (capital := THE_CAPITAL.search(text, last.start, last.end)) is not None):
        match = capital_city(text, capital, segment_start)  # "in the Chinese capital": Beijing
    return match


_ITALIAN_WORDS = regex(r"\b(?:il|della|dei|nella|nel|degli|delle|alla|dopo|durante|sono|gli|dell|ai)\b")


_IN_END = regex(
    r"(?:\b(?:in|near|outside)\s+(?:the\s+(?:[\w'’-]+\s+){0,2}(?:village|town|city|camp|resort)\s+of\s+)?"
    r"|\bthe\s+(?:[\w'’-]+\s+){0,3}(?:village|town|city|hamlet|resort)\s+of\s+"  # "a tour to the coastal town of X", "the Black Sea resort of X"
    # and the agencies' own languages: "bei Kandersteg", "en la localidad de Albarracín", "près de Durbuy"
    r"|\b(?:en|em|bei|nahe|à|oberhalb\s+von|unterhalb\s+von|nei\s+pressi\s+di|vicino\s+a|perto\s+de|près\s+de"
    r"|i|ved|vid|utanför|nära|nær|udenfor)\s+"  # ... and Nordic: "i Sälen", "ved Loen", "utanför Leksand"
    r"(?:(?:der\s+Gemeinde|el\s+municipio\s+de|la\s+localidad\s+de|la\s+commune\s+de)\s+)?"
    r"|\b(?:no\s+concelho\s+de|dans\s+la\s+commune\s+de|in\s+der\s+Gemeinde|in\s+der\s+Stadt|in\s+der\s+Nähe\s+von)\s+"
    # "nel villaggio di Shingair", "dans le village de Sanabis", "en el pueblo de", "na aldeia de"
    r"|\b(?:nel\s+villaggio\s+di|nella\s+città\s+di|dans\s+le\s+village\s+de|dans\s+la\s+ville\s+de"
    r"|en\s+el\s+pueblo\s+de|en\s+la\s+ciudad\s+de|na\s+aldeia\s+de|na\s+cidade\s+de|im\s+Dorf)\s+)$"
)


def led_by_in(text: str, chunk: Chunk, tail: Span) -> bool:
    """The last chunk ends "... in <Name>" and the name is not a building or an institution."""
    name = text[tail[0] : tail[1]]
    if name.split()[-1].lower() in pc.NOT_TOWNS or len(name) > 40 or demonym_country(name):
        return False  # "in Parliament", "in English"
    lead = _IN_END.search(text, max(chunk.start, tail[0] - 30), tail[0])
    if lead is None:
        # Italian "a Livigno": only in a caption written in Italian (English "a" is an article)
        return text.endswith(" a ", 0, tail[0]) and len(_ITALIAN_WORDS.findall(text, 0, 600)) >= 2
    # "Die Elbphilharmonie in Hamburg bei Sonnenuntergang": German nouns are capitalised
    word = lead.group(0).split(None, 1)[0]
    return not (word in _GERMAN_NEAR and known_in_before(text, chunk.start, lead.start()))


#: German leads after which a capitalised word may be a noun, not a town.
_GERMAN_NEAR = frozenset({"bei", "nahe"})
