"""The country of a place phrase when the phrase does not name it plainly: a country in brackets
("en Córdoba (Argentina)"), a possessive ("Iraq's southern port city of Basra", "Morocco's
Al-Haouz province"), a nationality or country in the words before the city ("the southeastern
Spanish town of Ibi"), and whether "Georgia", "Washington" or "New York" is a state or not.

``places`` asks these while it reads a phrase's chunks.
"""

from __future__ import annotations

from functools import cache

from catalog.captions import placenames
from catalog.captions.citynames import country_of
from catalog.captions.gazetteer import (
    NAMESAKE_SHARE,
    city_named_in_context,
    demonym_country,
    find_city,
    region_country,
    us_state,
)
from catalog.captions.placenames import Chunk, Span
from catalog.captions.placewords import REGION_WORDS, TRAILING_CONNECTIVE, may_end_connective
from catalog.captions.vocab import load_json
from catalog.regexcache import regex

POSSESSIVE = regex(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})['’]s\b")
_CAP_RUN = regex(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}")

#: Capitalised words that name a building or an institution, not a town ("in Parliament").
NOT_TOWNS = placenames.words(
    """parliament congress senate court church cathedral mosque synagogue temple stadium arena hall
    palace house square street avenue road park hospital school university college museum airport
    station market centre center office ministry headquarters chamber assembly capitol kremlin
    bay river lake sea ocean mountains valley forest desert beach harbour harbor port zoo"""
)
_IN_NEAR_END = regex(r"\b(?:in|near|outside)\s+$")
_LANDMARK_WORDS = frozenset({"hill", "bridge", "center", "centre", "garden", "gardens", "plaza", "mall", "building"})


def country_in_brackets(text: str, start: int, end: int) -> tuple[str, Span] | None:
    """EFE's "en Córdoba (Argentina)": a country in brackets that ends the phrase (only
    connective words such as "este" may follow it)."""
    closing = text.rfind(")", start, end)
    opening = text.rfind("(", start, closing) if closing > 0 else -1
    if opening < 0:
        return None
    after = text[closing + 1 : end]
    if after.strip(" .,") and not (may_end_connective(after) and TRAILING_CONNECTIVE.match(after)):
        return None
    inside = text[opening + 1 : closing].strip()
    code = country_of(inside)
    if code is None and (code := region_country(inside) or province_country(inside)) is not None:
        return code, (opening + 1, opening + 1)  # "en Oviedo (Asturias)", "a Pozzuoli (Napoli)": a region
    return (code, (opening + 1, closing)) if code is not None else None


def province_country(name: str) -> str | None:
    """The country of a province, département or prefecture (vocab/provinces.json: "Napoli" -> IT)."""
    return _provinces().get(name) or _provinces_folded().get(name.casefold())


@cache
def _provinces() -> dict[str, str]:
    return {name: code for code, names in load_json("provinces.json").items() if not code.startswith("_")
            for name in names}


@cache
def _provinces_folded() -> dict[str, str]:
    """The same in any case: EFE's datelines are in capitals ("ALBARRACÍN (TERUEL)")."""
    return {name.casefold(): code for name, code in _provinces().items()}


def possessive_region(text: str, chunk: Chunk) -> str | None:
    """"in China's southwestern Tibet region": the country of a possessive region phrase."""
    words = text[chunk.start : chunk.end]
    m = POSSESSIVE.search(words)
    if m is None:
        return None
    if not REGION_WORDS.search(words[m.end() :]):
        return None
    owner = m.group(1)
    if owner.split(" ", 1)[0] in _DIRECTIONS and " " in owner and country_of(owner) is None:
        owner = owner.split(" ", 1)[1]  # Xinhua's "East China's Jiangxi province"
    return country_of(owner)


_DIRECTIONS = frozenset(["Central", "Northern", "Southern", "Eastern", "Western", "Northeastern",
                         "Northwestern", "Southeastern", "Southwestern", "North", "South", "East", "West",
                         "Southcentral", "Northcentral"])


def without_direction(text: str, name: Span) -> Span | None:
    """"the Central Gaza Strip", "South West England", "Southcentral Alaska": the country (or US
    state) after capitalised directions, when the whole is no name of its own ("Northern
    Ireland", "South Africa" stay whole)."""
    whole = text[name[0] : name[1]]
    words = whole.split()
    skip = 0
    while skip < min(2, len(words) - 1) and words[skip] in _DIRECTIONS:
        skip += 1
    if not skip or country_of(whole) is not None or region_country(whole) is not None:
        return None
    rest_start = name[0] + whole.index(words[skip], len(" ".join(words[:skip])))
    rest = (rest_start, name[1])
    named = text[rest[0] : rest[1]]
    return rest if country_of(named) is not None or us_state(named) is not None else None


def georgia_state(code: str, name: str, text: str, prev_tail: Span | None) -> bool:
    """"Georgia" after a US city is the state."""
    if code != "GE" or prev_tail is None:
        return False
    city = find_city(text[prev_tail[0] : prev_tail[1]])
    us_city = find_city(text[prev_tail[0] : prev_tail[1]], country="US", admin1="GA")
    return us_city is not None and (city is None or city.country_code != "GE")


def state_is_city(state: str, text: str, prev_tail: Span | None) -> bool:
    """"Washington" or "New York" is the city unless a city of that state comes before it
    ("Rome, New York", "Seattle, Washington"; but "Times Square, New York", "Capitol Hill, Washington")."""
    if state not in ("WA", "NY"):
        return False
    if prev_tail is None:
        return True
    prev = text[prev_tail[0] : prev_tail[1]]
    if find_city(prev, country="US", admin1=state) is not None:
        return False
    # "in Farmingdale, New York": a town the gazetteer does not know, named as a town is, then the state
    led = _IN_NEAR_END.search(text, max(0, prev_tail[0] - 10), prev_tail[0]) is not None
    return not (led and prev.split()[-1].lower() not in NOT_TOWNS | _LANDMARK_WORDS)


def country_from_context(text: str, chunks: list[Chunk], city_span: Span) -> tuple[str | None, Span | None]:
    """"Iraq's southern port city of Basra" (Iraq, written), "the southeastern Spanish town of Ibi" (ES)."""
    start = placenames.chunk_start(chunks, city_span[0])
    lead = text[start : city_span[0]]
    for m in reversed(list(POSSESSIVE.finditer(lead))):
        if m.start() == 0 and lead[m.end() : m.end() + 2].strip()[:1].isupper():
            continue  # "Norway's Jakob Ingebrigtsen competes ... in Saint-Denis": the athlete's country
        if _PERSON_AFTER.match(lead, m.end()) or _ROLE_AFTER.match(lead, m.end()):
            continue  # "knocks out Mexico's Luis Nery", "South Africa's hockey player": a person's country
        if (code := country_of(m.group(1))) is not None:
            if _elsewhere(text[city_span[0] : city_span[1]], code):
                continue  # "Spain's forward ... against Italy's Sinner ... in Paris": the players' countries
            return code, (start + m.start(1), start + m.end(1))
    lead = lead[-80:]  # the words just before the city
    teams = [t.span() for t in _TEAMS.finditer(lead)] if "between " in lead else []
    for m in reversed(list(_CAP_RUN.finditer(lead))):
        if lead[max(0, m.start() - 5) : m.start()].endswith("from "):
            continue  # "crossing the Aegean from Turkey to Lesbos": where they came from
        if any(a <= m.start() < b for a, b in teams):
            continue  # "the match between Scotland and England in Christchurch": the teams
        if _ROLE_AFTER.match(lead, m.end()):
            continue  # "Australian surfer Molly Picklum ... in Teahupo'o": a person's country
        if lead[m.end() : m.end() + 2] in ("'s", "’s") and _PERSON_AFTER.match(lead, m.end() + 2):
            continue  # "Mexico's Luis Nery": a person's country
        words = m.group(0).split()
        for n in range(len(words), 0, -1):  # "the West Bank city of Hebron": a place named in the lead
            name = " ".join(words[-n:])
            if n > 1 and _SETTLEMENT_AFTER.match(lead, m.end()) and (code := region_country(name)) is not None:
                return code, None  # "the New South Wales town of Taree": AU, not the Wales inside it
            if (code := country_of(name)) is not None:
                if _elsewhere(text[city_span[0] : city_span[1]], code):
                    break  # "a match between Spain and France ... in Munich": not the city's country
                return code, None
        if m.end() < len(lead) and lead[m.end()] == "-":
            continue  # "the Russian-controlled city of": not the country
        if (code := demonym_country(words[-1])) is not None and not _names_an_animal(lead, m.end()):
            return _known_city_country(text[city_span[0] : city_span[1]], code, text), None
        if _SETTLEMENT_AFTER.match(lead, m.end()) and (code := region_country(" ".join(words[-2:]))
                                                       or region_country(words[-1])) is not None:
            return code, None  # "the Somerset village of Moorland": the county's country
    return None, None


#: Brazil's states as its press abbreviates them after "no", "na", "em" ("em Muçum, no RS").
_BRAZILIAN_STATES = frozenset(["AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"])


def brazilian_state(text: str, chunk: Chunk, tail: Span) -> bool:
    """The chunk is "no RS", "na BA", "em SP": a Brazilian state, in Portuguese."""
    return (text[tail[0] : tail[1]] in _BRAZILIAN_STATES
            and text[chunk.start : tail[0]].strip().lower() in ("no", "na", "em", "do", "da"))


def persons_country(text: str, country: Span) -> bool:
    """A country named as a person's: "Japan's Tatsuma Ito", "Kylian Mbappe (right) of France"."""
    if text.startswith(("'s", "’s"), country[1]):
        return _PERSON_AFTER.match(text, country[1] + 2) is not None
    return text.endswith("of ", 0, country[0]) and _PERSON_OF.search(text, max(0, country[0] - 60), country[0]) is not None


#: "Kylian Mbappe (right) of ", "Jason Day of ": a full name, perhaps where he stands, then "of".
_PERSON_OF = regex(r"[A-Z][a-zà-ÿ'’-]+\s[A-Z][a-zà-ÿ'’-]+(?:\s\((?:left|right|center|centre|below|above|"
                        r"top|front|back|L|R|C)\))?\sof\s$")
_SETTLEMENT_AFTER = regex(r"\s(?:village|town|city|hamlet|port|suburb)\s+of\s")
#: Two capitalised words after a country's possessive, the second no region word: a person.
_PERSON_AFTER = regex(
    r"\s(?:[A-Z][a-zà-ÿ'’-]+)\s(?!(?:Oblast|Province|Region|Prefecture|County|State|District|Governorate|"
    r"Valley|Island|Islands|Peninsula|Republic|Mountains?|River|Sea|Strait|Gulf|Bay|Coast|Airport|Square|"
    r"Street|Park|Palace|Stadium|Cathedral|Basilica|Church)\b)[A-Z][a-zà-ÿ'’-]+\b"
)


#: Sports and show people, whose country is theirs, not the place's ("Australian surfer").
_ROLE_AFTER = regex(
    r"(?:['’]s)?(?:\s[a-z-]+){0,2}\s(?:player|surfer|athlete|runner|swimmer|skier|boxer|driver|rider|cyclist|"
    r"striker|forward|goalkeeper|defender|midfielder|gymnast|fencer|wrestler|archer|sprinter|skater|golfer|"
    r"climber|sailor|jockey|referee|coach|rapper|singer|actor|actress)s?\b"
)
#: "the match between Egypt and DR Congo": two teams.
_TEAMS = regex(r"\bbetween\s+(?:the\s+)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}\s+and\s+(?:the\s+)?"
                    r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}")


#: Breeds and species named after a country's people: "a Burmese python", "a Siberian husky".
_ANIMALS = placenames.words(
    """python pythons tiger tigers elephant elephants bear bears cat cats dog dogs horse horses
    shepherd shepherds husky huskies cattle goat goats sheep wolf wolves lynx leopard leopards
    eagle eagles crocodile crocodiles camel camels buffalo bison pony ponies terrier terriers
    mastiff bulldog spaniel setter snake snakes lion lions macaque macaques panda pandas falcon
    falcons hornet hornets crane cranes stork storks mastiffs greyhound hound hounds"""
)


def _names_an_animal(lead: str, end: int) -> bool:
    """The adjective that ends at ``end`` names a breed or a species, not a place."""
    following = lead[end:].split(maxsplit=1)
    return bool(following) and following[0].strip(".,;'’s").lower() in _ANIMALS


def _elsewhere(name: str, code: str) -> bool:
    """The gazetteer knows the city ``name``, but not in the country ``code``."""
    return find_city(name, country=code) is None and find_city(name, primary_only=True) is not None


def _known_city_country(name: str, adjective_code: str, text: str) -> str:
    """"Russian tanks near Chernihiv": a nationality adjective gives the country unless the
    gazetteer knows the city elsewhere and not in that country (Chernihiv is in Ukraine), or
    knows it there only as a far smaller namesake ("an American tourist in Paris" is in France).
    Another country the caption names may then hold the city ("Palestinian ... Israeli forces
    ... in Bethlehem")."""
    if name.endswith(("'s", "’s")) and find_city(name) is None:
        name = name[:-2]  # "an Israeli strike ... in Beirut's southern suburbs": Beirut
    own = find_city(name, country=adjective_code)
    top = find_city(name, primary_only=True) or find_city(name)
    if own is not None and (top is None or own.population >= NAMESAKE_SHARE * top.population):
        return adjective_code  # "the Spanish city of Valencia": Valencia, Spain
    if top is None:
        return adjective_code
    return city_named_in_context(text, name, top).country_code


#: "Morocco's Sahara desert": a country's possessive before what it owns.
COUNTRY_OWNS = regex(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})['’]s\s")


def names_a_place(name: str) -> bool:
    """A city or region of the gazetteer, as what a country's possessive owns ("China's Chongqing")."""
    name = name.strip(" .,")
    return find_city(name) is not None or region_country(name) is not None


_OWNS_CITY = regex(COUNTRY_OWNS.pattern + r"\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")


def owner_of_city(text: str, name: Span) -> tuple[str, Span] | None:
    """The country and the city its possessive names ("east China's Shanghai" -> CN, Shanghai), or None."""
    owned = _OWNS_CITY.fullmatch(text, *name)
    if owned is None:
        return None
    code = country_of(owned.group(1))
    if code is None or find_city(owned.group(2), country=code) is None:
        return None
    return code, owned.span(2)
