"""Where a picture was taken: split the final place phrase into city, region and country.

``find_place(text, start, end)`` reads the comma-separated chunks of a segment
(usually the first sentence up to its date) from the end: a country or US state,
then an optional region, then the city, which is the trailing proper name of its
chunk ("the frontline Donbas city of Bakhmut" -> Bakhmut). Distance phrases ("245 km east
of Budapest") are skipped; "Iraq's ... city of Basra" and "the southeastern Spanish town of
Ibi" give the country. ``resolve(phrase)`` reads a phrase that is only a place.

Beside it: ``placematch`` (the Place record, built from a reading), ``placespans`` (spans in
a chunk), ``placefallbacks``, ``placecountry``, ``placelocators``, ``placenames``, ``placewords``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.captions import placecountry as pc
from catalog.captions import placefallbacks as fb
from catalog.captions import placelocators as loc
from catalog.captions import placenames
from catalog.captions import placeneighbours as nb
from catalog.captions import placespans as ps
from catalog.captions.citynames import (
    country_of,
    natural_feature,
    venue_city,
)
from catalog.captions.gazetteer import (
    demonym_country,
    find_city,
    region_country,
    us_state,
)
from catalog.captions.placematch import CITY_STATE_NAMES, Place, PlaceMatch, Reading, build
from catalog.captions.placenames import NAME_WINDOW, Chunk, Span, tail_name
from catalog.captions.placewords import OPPONENT_BEFORE, day_tail
from catalog.captions.placewords import REGION_WORDS as _REGION_WORDS
from catalog.captions.placewords import TRAILING_CONNECTIVE as _TRAILING_CONNECTIVE
from catalog.captions.placewords import lead_phrase as _lead_phrase
from catalog.captions.placewords import may_end_connective as _may_end_connective
from catalog.captions.placewords import placed as _placed
from catalog.captions.placewords import region_at_end as _region_at_end
from catalog.captions.placewords import region_of as _region_of
from catalog.regexcache import regex

_DIGIT = regex(r"\d")
_CAPITAL_REGION_WORD = regex(r"\s(?:Prefecture|Province|Region|County|Governorate|Oblast)$")
_CONTROL_QUALIFIER = regex(r"[A-Z][\w]*-(?:controlled|occupied|held|annexed|backed|run)", re.IGNORECASE)


def find_place(text: str, start: int = 0, end: int | None = None, *,
               default_country: tuple[str, Span] | None = None) -> PlaceMatch | None:
    """The place phrase that ends ``text[start:end]`` (see module docstring).

    ``default_country`` (code, span) is a country written elsewhere (after the
    date, for instance) that applies when the phrase names none.
    """
    end = loc.without_origin(text, start, len(text) if end is None else end)  # "... procedentes de Marruecos"
    segment = text[start:end]
    if (day := day_tail(segment)) is not None:
        end = start + day  # "in Haridwar on Tuesday.", "em Pedrogao em 18 de junho": a day, no (full) date
        segment = text[start:end]
    bracketed = None
    if default_country is None and ") " in segment and (lead := _NAME_THEN_COUNTRY.search(text, start, end)) is not None and (
            country_of(lead.group("country")) is not None and _LATER_LEAD.search(text, lead.end(), end) is None):
        end = lead.end()  # "Des soignants à Kenema (Sierra Leone) dansent ...": the place ends at its country
        segment = text[start:end]
    if default_country is None and ")" in segment[-50:]:
        default_country = bracketed = pc.country_in_brackets(text, max(start, end - 50), end)
    cut = _TRAILING_CONNECTIVE.search(segment[-60:]) if _may_end_connective(segment) else None
    if cut:
        end = start + len(segment) - (len(segment[-60:]) - cut.start())
    if " side of the " in text[max(start, end - 160) : end]:
        side = loc.SIDE_OF_BORDER.search(text, max(start, end - 90), end)
        if side:  # "at Desaguadero, on the Bolivian side of the frontier with Peru": Bolivia
            end = side.start()
        else:  # "on a hill in the Lebanese side of the Qalamun mountains on the border with Syria"
            side = loc.SIDE_OF.search(text, max(start, end - 160), end)
        if side and default_country is None and (code := demonym_country(side.group("people"))) is not None:
            default_country = (code, side.span("people"))
    if "border" in text[max(start, end - 70) : end]:
        border = loc.TRAILING_BORDER.search(text, max(start, end - 70), end)
        if border:  # "in southern Lebanon near the border with Israel": the border locates, it is not the place
            end = border.start()
    elif "border between" in text[max(start, end - 180) : end]:
        between = loc.BORDER_BETWEEN.search(text, max(start, end - 180), end)
        if between:  # "in Wuying Village on the border between south China's Guangxi ... and ... Guizhou Province"
            end = between.start()
            if default_country is None:
                default_country = loc.one_owner_country(text, between.start(), between.end())
    shouting = placenames.shouting(text[start:end])
    chunks = placenames.chunks(text, start, end)
    ps.split_compass_country(text, chunks)  # "at Stathe near Taunton southwest England"
    if " of " in text[start:end]:
        loc.without_direction_tails(text, chunks)  # "in Jalalabad, Nangarhar province east of Kabul"
    if len(chunks) > 1 and (" a " in segment or " an " in segment):  # "in Teknaf, a town in southeastern Bangladesh"
        default_country = loc.without_appositives(text, chunks) or default_country
    if ")" in segment:
        ps.without_inner_brackets(text, chunks)
    if "across the border" in text[start:end]:
        for k in range(max(1, len(chunks) - 3), len(chunks)):  # "..., across the border from El Paso, Texas"
            if text.startswith("across the border", chunks[k].start):
                del chunks[k:]
                break
    located: Chunk | None = None  # the locating phrase that gave the country, if one did
    while chunks and loc.skippable(text, chunks[-1], shouting):
        dropped = chunks.pop()
        words = text[dropped.start : dropped.end]
        if chunks and default_country is None and (loc.DIRECTION_OF.match(words) or loc.DISTANCE.search(words)):
            default_country = loc.country_of_locator(text, dropped, shouting)  # "30 km from Kherson": UA
            located = dropped if default_country is not None else None
    if not chunks:
        return None
    if bracketed is not None and chunks[-1].start < bracketed[1][0] <= chunks[-1].end:
        # "en Ciudad de México (México).": the phrase ends before the brackets
        opening = bracketed[1][0] - 1
        chunks[-1] = Chunk(chunks[-1].start, len(text[:opening].rstrip()))
        named = tail_name(text, chunks[-1].start, chunks[-1].end, shouting)
        if named is not None and country_of(text[named[0] : named[1]]) == bracketed[0]:
            capital = Reading()  # EFE's "MÉXICO (MÉXICO)", "PANAMÁ (PANAMÁ)": the capital
            capital.city, capital.cc, capital.country = named, bracketed[0], bracketed[1]
            return build(text, capital, chunks[0].start)
    last = chunks[-1]
    if len(chunks) > 1 and text[last.start] in "adf" and loc.EVENT_CHUNK.match(text, last.start, last.end) and (
            (earlier := _read_chunks(text, chunks[:-1], shouting, default_country)) is not None and earlier.place.city):
        return earlier  # the town written before the event named after one
    if (len(chunks) > 1 and text[last.start] in "aAsSpP"
            and (seen := _SEEN_FROM.match(text, last.start, last.end)) is not None):
        return _seen_from(text, chunks, seen, shouting, default_country)
    for _ in range(3):  # a last chunk that is no place ("on New Year's Eve") is dropped
        match = _read_chunks(text, chunks, shouting, default_country)
        if match is not None or len(chunks) < 2:
            break
        chunks.pop()
        if default_country is None and text[chunks[-1].end - 1] == ")":
            # "en el estado de Chiapas (México), participan en ...": the brackets end the phrase now
            default_country = pc.country_in_brackets(text, chunks[-1].start, chunks[-1].end)
            if default_country is not None:
                opening = default_country[1][0] - 1
                chunks[-1] = Chunk(chunks[-1].start, len(text[:opening].rstrip()))
    if match is None and not shouting:
        match = fb.in_the_last_chunk(text, last, chunks[0].start, default_country)
    if match is None and ("'" in segment or "’" in segment):
        match = fb.city_with_case_ending(text, start, end)
    if (match is not None and match.city_span is not None and match.city_span == match.country_span
            and country_of(match.place.city) is None and demonym_country(match.place.city) is not None):
        match = replace(match, place=replace(match.place, city="", lat=None, lon=None), city_span=None)  # "the Lebanese side"
    if match is None and not shouting:
        match = (fb.big_city_owner(text, start, end) or fb.big_city_people(text, start, end)
                 or fb.state_institution(text, start, end) or fb.town_as_subject(text, start, end))
    if match is None and located is not None and default_country is not None:
        # "... at the reservoir, north of Barcelona": no town, the country of the city it is near
        match = PlaceMatch(Place(country_code=default_country[0]), located.start, located.end)
    return nb.settlement_before(text, start, match)


#: A town led by a preposition, its country in brackets ("à Kenema (Sierra Leone)"), and a later lead.
_NAME_THEN_COUNTRY = regex(r"\b(?:à|en|em|in|at|near|près\s+de)\s+[A-ZÀ-Þ][\w'’ -]{1,40}\s\((?P<country>[A-ZÀ-Þ][^()]{2,30})\)")
_LATER_LEAD = regex(r"\s(?:à|en|em|in|at|au|aux|dans|near|près\s+de)\s+[A-ZÀ-Þ]")
_SEEN_FROM = regex(r"(?:as\s+)?(?:seen|photographed|pictured)\s+from\s+(?:the\s+)?(?=[A-ZÀ-Þ])", re.IGNORECASE)


def _seen_from(text: str, chunks: list[Chunk], seen: re.Match[str], shouting: bool,
               default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    """"a strike on Khiam in southern Lebanon, as seen from Marjayoun": the picture was taken
    where the camera stood. That is often across a border ("Khiam, Lebanon, as seen from Metula"),
    so the camera's town counts only when the gazetteer knows it (in the country named before it,
    if it is there); a country counts as written ("as seen from Israel")."""
    last = chunks[-1]
    span = tail_name(text, seen.end(), last.end, shouting)
    before = find_place(text, chunks[0].start, chunks[-2].end, default_country=default_country)
    if span is None or span[0] != seen.end():
        return before
    name = text[span[0] : span[1]]
    if (code := country_of(name)) is not None:  # "as seen from Israel"
        return PlaceMatch(Place(country=name, country_code=code), span[0], span[1], country_span=span,
                          phrase_start=seen.start())
    cc = before.place.country_code if before is not None else None
    city = (find_city(name, country=cc) if cc else None) or find_city(name, primary_only=True)
    if city is None:
        return before
    place = Place(city=name, country_code=city.country_code, lat=city.lat, lon=city.lon)
    return PlaceMatch(place, span[0], span[1], city_span=span, phrase_start=seen.start())


def _city_namesake(text: str, tail: Span, code: str) -> bool:
    """A region's name standing alone ("in Durham", "in Kherson") that is also a city of the
    same country: the city, unless a region word follows or leads it ("Durham county")."""
    after = text[tail[1] : tail[1] + 12].lower()
    before = text[max(0, tail[0] - 12) : tail[0]].lower()
    if any(word in after or word in before for word in _REGION_WORDS_NEAR):
        return False
    return find_city(text[tail[0] : tail[1]], country=code) is not None


_REGION_WORDS_NEAR = ("province", "region", "county", "state", "oblast", "prefecture", "district",
                      "governorate", "department", "canton", "provincia", "região", "región")


def _read_chunks(text: str, chunks: list[Chunk], shouting: bool,
                 default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    i = len(chunks) - 1
    last = chunks[i]
    if i > 0 and text[last.start] in "noNOjJaAsSeEwWlL" and loc.LOCATOR_CHUNK.match(text, last.start, last.end):
        located = _located_by_last(text, chunks, shouting, default_country)
        if located is not None:
            return located
    tail = tail_name(text, last.start, last.end, shouting)
    got = Reading()
    if ((tail is None or (not shouting and text[tail[1] - 1] in "eEyYnNtT" and _CAPITAL_REGION_WORD.search(text, *tail)))
            and _region_at_end(text[max(last.start, last.end - 30) : last.end])):
        # "near Chasiv Yar, in the Donetsk region": a region names no city; the city comes before
        # (also written "Chiba Prefecture", "Kandahar Province")
        return _region_last(text, chunks, shouting, default_country)
    if tail is None:
        tail = fb.after_last_in(text, last, shouting)
        if tail is None:
            return None
    if text[tail[0]] in "CNSEW" and (trimmed := pc.without_direction(text, tail)) is not None:
        tail = trimmed  # "in Dair El-Balah in the Central Gaza Strip": the country, the city before it
    name = text[tail[0] : tail[1]]
    if ("'s " in name or "’s " in name) and OPPONENT_BEFORE.search(text, max(0, tail[0] - 10), tail[0]) and (
            country_of(re.split(r"['’]s ", name, maxsplit=1)[0]) is not None):
        return None  # "the match against Poland's Hubert Hurkacz": a player's country, no place
    prev_tail = nb.prev_city_tail(text, chunks, i, shouting)
    country = country_of(name)
    if country is not None and text.endswith(("village of ", "town of ", "hamlet of "), max(0, tail[0] - 12), tail[0]):
        country = None  # "the village of Macao, near Castelo Branco": a village named like a country
    if " of " not in text[last.start : tail[0]] and (owned := pc.owner_of_city(text, tail)) is not None:
        got.cc, got.city = owned  # Xinhua's "Yangpu District, east China's Shanghai" (no "District of")
    elif country is not None and (OPPONENT_BEFORE.search(text, max(0, tail[0] - 10), tail[0])
                                  or pc.persons_country(text, tail)):
        return None  # "their win against Saudi Arabia", "Japan's Tatsuma Ito": a team's, a person's country
    elif country is not None and not pc.georgia_state(country, name, text, prev_tail):
        got.cc, got.country = country, _with_article(text, tail)
    elif (st := us_state(name)) is not None and (name.endswith(".") or not pc.state_is_city(st, text, prev_tail)):
        got.cc, got.state, got.region = "US", st, tail
    elif len(name) == 2 and pc.brazilian_state(text, last, tail):
        got.cc, got.region = "BR", tail  # "em Roca Sales, no RS": a Brazilian state's abbreviation
    elif (region := region_country(name)) is not None and i == 0 and _city_namesake(text, tail, region):
        got.cc, got.city = region, tail  # "at a cathedral in Durham": the city, not the county named after it
    elif (code := region or pc.possessive_region(text, last)) is not None:
        got.cc, got.region = code, ps.region_phrase(text, last, tail, shouting)
    elif i > 0 and text[last.start : tail[0]].strip().lower() == "metro":
        got.region = (last.start, tail[1])  # "in Pasay city, metro Manila": a metropolitan area, the town before
    elif _region_of(text, max(last.start, tail[0] - 30), tail[0]):
        # "in the southeastern Spanish region of Alicante": a region, the city comes before
        got.region = tail
        got.cc, got.country = pc.country_from_context(text, chunks, tail)
    else:
        split = ps.split_inside(text, tail)
        if split is None:
            got.city, got.locator, near_cc = loc.located(text, last, tail, shouting)
            if i > 0 and got.city == tail and (village := loc.village_before(text, chunks[i - 1], shouting)):
                got.city, got.locator = village, tail  # "in the village of Zarcilla de Ramos, Murcia"
            got.led_by_in = fb.led_by_in(text, last, got.city)
            if near_cc is not None:
                got.cc = near_cc  # "in Northern New Mexico outside Santa Fe": US, not Argentina's Santa Fe
        else:
            got.city, (got.cc, got.state, got.region, got.country) = split
            if got.city is not None and _CONTROL_QUALIFIER.fullmatch(text, *got.city):
                got.city = None  # "Donetsk, Russian-controlled Ukraine": a qualifier, the city comes before
    if (got.city is not None and got.cc is None and (own := pc.COUNTRY_OWNS.match(text, got.city[0])) is not None
            and (code := country_of(own.group(1))) is not None and not pc.names_a_place(text[own.end() : last.end])):
        # "in Merzouga in Morocco's Sahara desert" (not "in Wanzhou District of China's Chongqing")
        got.cc, got.country, got.city = code, own.span(1), None
    if got.city is None:
        area = ps.region_of_country(text, last.start, got.country[0]) if got.region is None and got.country else None
        # The same chunk may hold the city before "in <country>": "in Khan Yunis in the southern Gaza Strip",
        # or before "the <Name> region of <country>": "near the village of Tibiri in the Zinder region of Niger"
        inner = ps.city_before(text, last.start, (area or got.region or got.country or tail)[0], shouting, got.cc)
        if inner is not None:
            got.city, got.region = inner, got.region or area
        else:
            _read_previous(text, chunks, i - 1, shouting, got)
    if got.cc is None and default_country is not None:
        got.cc, got.country = default_country
        got.far_country = True
        if got.city == tail and got.region is None and i > 0:
            nb.town_before_province(text, chunks, i, shouting, got)
    if got.cc is None and got.region is not None:
        # "em Monchique, no distrito de Faro", "in the region of Murcia": a region named after its city gives the country
        namesake = find_city(text[got.region[0] : got.region[1]], primary_only=True)
        if namesake is not None:
            got.cc = namesake.country_code
    if got.cc is None and got.city is not None:
        got.cc, got.country = pc.country_from_context(text, chunks, got.city)
    match = build(text, got, chunks[0].start)
    if match is not None:
        chunk_start = placenames.chunk_start(chunks, match.start)
        lead = _lead_phrase(text, max(chunk_start, match.start - NAME_WINDOW), match.start)
        if lead is not None:
            match.phrase_start = lead.start()
    return match


def _located_by_last(text: str, chunks: list[Chunk], shouting: bool,
                     default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    """"at a camp in Ukhia, near Cox's Bazar": a last near-phrase only locates the place named
    before it; its city still gives the country when nothing else does."""
    before = nb.prev_city_tail(text, chunks, len(chunks) - 1, shouting)
    if ((before is None or not loc.PLACE_LEAD_END.search(text[max(chunks[-2].start, before[0] - 20) : before[0]]))
            and not nb.state_between(text, chunks, shouting)):  # "in Moore, Oklahoma, on the outskirts of ..."
        return None
    located = loc.locator_country(text, chunks[-1], shouting)
    fallback = default_country or ((located, (chunks[-1].start, chunks[-1].start)) if located else None)
    match = _read_chunks(text, chunks[:-1], shouting, fallback)
    if match is None or not match.place.city:
        return None
    written = match.country_span is not None and match.country_span[0] >= chunks[-2].start
    if not written and located and located != match.place.country_code:
        # a country guessed from the context yields to the locating phrase's
        match.place = replace(match.place, country="", country_code=located)
        match.country_span = None
    return match


def _region_last(text: str, chunks: list[Chunk], shouting: bool,
                 default_country: tuple[str, Span] | None) -> PlaceMatch | None:
    """The phrase ends with a region ("..., in the Donetsk region"): the city is in the chunk
    before, or before "in the ... region" in the same chunk; the country, if not written
    elsewhere, is the one of the region's namesake city (Donetsk, Kharkiv, Kursk)."""
    got = Reading()
    last = chunks[-1]
    got.region = ps.region_span(text, last, shouting)
    words = text[got.region[0] : got.region[1]].split()
    if len(words) < 2 or not words[-2][:1].isupper():
        return None  # "in the countryside", "in the region": no region named
    got.city = ps.city_before(text, last.start, got.region[0], shouting)
    if got.city is None and (owner := nb.possessing_city(text, got.region) or nb.city_before_district(text, got.region)):
        got.city, got.region = owner[0], (owner[1], got.region[1])
    if got.city is None:
        _read_previous(text, chunks, len(chunks) - 2, shouting, got)
    got.cc = pc.possessive_region(text, last)  # "in Morocco's Al-Haouz province"
    if got.cc is None and default_country is not None:
        got.cc, got.country = default_country
        got.far_country = True
    city = find_city(text[got.city[0] : got.city[1]], primary_only=True) if got.city else None
    if got.cc is None and city is not None:
        got.cc = city.country_code
    if got.cc is None:
        head = _REGION_WORDS.split(text[got.region[0] : got.region[1]], maxsplit=1)[0].strip()
        namesake = (find_city(head, primary_only=True) or placenames.big_city(head)) if head else None
        got.cc = namesake.country_code if namesake is not None else region_country(head) if head else None
    if got.cc is None and got.city is not None:
        got.cc, got.country = pc.country_from_context(text, chunks, got.city)
    match = build(text, got, chunks[0].start)
    if match is not None and match.city_span is not None:
        lead = _lead_phrase(text, max(chunks[0].start, match.start - NAME_WINDOW), match.start)
        if lead is not None:
            match.phrase_start = lead.start()
    return match


def _province(name: str, cc: str | None) -> bool:
    """A province named after its capital ("Valencia", "Milano") of country ``cc``."""
    return bool(cc) and pc.province_country(name) == cc


#: Nations inside a country, written between the county and the country ("England, UK").
_NATIONS = {"GB": frozenset({"England", "Scotland", "Wales", "Northern Ireland"})}


def _read_previous(text: str, chunks: list[Chunk], i: int, shouting: bool, got: Reading) -> None:
    """Region and city from the chunks before the country or state."""
    while i >= 0 and loc.skippable(text, chunks[i], shouting):
        i -= 1
    if (i > 0 and loc.CAPITAL_OF.match(text, chunks[i].start, chunks[i].end)
            and not _region_at_end(text[max(chunks[i].start, chunks[i].end - 30) : chunks[i].end])):
        i -= 1  # "in Srinagar, the summer capital of Indian-administered Kashmir, India": Srinagar
    if i < 0:
        return
    if i > 0 and got.region is None and (area := loc.direction_area(text, chunks[i], got.cc)) is not None:
        got.region = area  # "in Arsal, eastern Bekaa Valley, Lebanon": an area of the country; the town before
        i -= 1
    first = i
    chunk = chunks[i]
    ctail = tail_name(text, chunk.start, chunk.end, shouting)
    cname = text[ctail[0] : ctail[1]] if ctail else ""
    before = nb.prev_city_tail(text, chunks, i, shouting)
    at_end = None  # _region_at_end of this chunk, once asked
    if (got.cc == "US" and got.state is None and ctail and (st := us_state(cname))
            and (cname.endswith(".") or not pc.state_is_city(st, text, before))):
        got.state, got.region = st, ctail
        i -= 1
    elif got.region is None and ctail and got.country and got.cc and cname in _NATIONS.get(got.cc, ()):
        got.region = ctail  # "Kendal, Cumbria, England, UK": a nation of the country, then the county
        i -= 1
        if i > 0 and (county := tail_name(text, chunks[i].start, chunks[i].end, shouting)) is not None:
            town = nb.prev_city_tail(text, chunks, i, shouting)
            name = text[county[0] : county[1]]
            if (town is not None and find_city(name, country=got.cc, primary_only=True) is None
                    and (find_city(text[town[0] : town[1]], country=got.cc) is not None
                         or nb.in_named_before(text, chunks, i, shouting) is not None)):
                got.region, got.city = county, town
                return
    elif got.region is None and (at_end := _region_at_end(text[max(chunk.start, chunk.end - 30) : chunk.end])):
        got.region = ps.region_span(text, chunk, shouting)
        inner = ps.city_before(text, chunk.start, got.region[0], shouting)
        if inner is None and (owner := nb.possessing_city(text, got.region) or nb.city_before_district(text, got.region)):
            got.city, got.region = owner[0], (owner[1], got.region[1])  # "in Seoul's Itaewon district, South Korea"
            return
        if inner is not None:
            earlier = (nb.in_named_before(text, chunks, i, shouting)
                       if i > 0 and loc.LOCATOR_CHUNK.match(text, chunk.start, chunk.end) else None)
            got.city = earlier or inner  # "the village of Yambali, near Wabag in Enga province": Yambali
            return
        i -= 1
    elif got.region is None and ctail and ctail[0] == ps.lead_trimmed(text, chunk) and before:
        bname = text[before[0] : before[1]]
        led = _lead_phrase(text, max(chunks[i - 1].start, before[0] - NAME_WINDOW), before[0]) is not None
        cname_city = find_city(cname, country=got.cc, primary_only=True)
        province = cname_city is not None and _province(cname, got.cc) and bname != cname
        if ((led or find_city(bname, country=got.cc)) and (cname_city is None or province)
                and not natural_feature(bname) and region_country(bname) is None):  # not "island of Sardinia, in Pattada"
            got.region = ctail  # "Paiporta, Valencia, Spain": the town, then the province named after its capital
            i -= 1
    while i != first and i >= 0 and loc.skippable(text, chunks[i], shouting):
        i -= 1  # "Kostiantynivka, about 25 km (15 miles) from Bakhmut, in Donetsk region": a distance
    if i > 0 and loc.LOCATOR_CHUNK.match(text, chunks[i].start, chunks[i].end):
        # "in Nanterre, near Paris, France": the near-phrase only locates the place before it
        before = nb.prev_city_tail(text, chunks, i, shouting)
        if before is not None and loc.PLACE_LEAD_END.search(text[max(chunks[i - 1].start, before[0] - 20) : before[0]]):
            i -= 1
    if 0 <= i < len(chunks):
        chunk = chunks[i]
        if (at_end if i == first and at_end is not None
                else _region_at_end(text[max(chunk.start, chunk.end - 30) : chunk.end])):
            # "in the village of X in the Y regency, Z province": the city before the inner region
            inner_region = ps.region_span(text, chunk, shouting)
            inner = ps.city_before(text, chunk.start, inner_region[0], shouting)
            if inner is not None:
                got.region = got.region or inner_region
                got.city = inner
                return
            if i > 0 and got.region is not None:
                # "in Dahejia, in Jishishan county, northwest China's Gansu province": a county
                # between the town and the province; the town is in the chunk before
                _read_previous(text, chunks, i - 1, shouting, got)
                if got.city is not None:
                    return
        ctail = tail_name(text, chunk.start, chunk.end, shouting)
        if ctail is not None and _PERSON_FROM.search(text, max(chunk.start, ctail[0] - 40), ctail[0]):
            return  # "Omar, a Syrian man from Aleppo, cooks ... in Kilis province, Turkey": his hometown
        if ctail is None:
            ctail = fb.after_last_in(text, chunk, shouting) or fb.possessive_owner(text, chunk, got.cc)
        if (ctail and got.country is not None and got.city is None
                and text[ctail[0] : ctail[1]].lower() in CITY_STATE_NAMES
                and (code := country_of(text[ctail[0] : ctail[1]])) is not None and code != got.cc):
            got.city, got.cc = ctail, code  # "in Hong Kong, China": the territory is the city and the code
        elif ctail and got.region is None and got.cc and ps.known_region_no_town(text[ctail[0] : ctail[1]], got.cc):
            got.region = ctail  # "at Worthy Farm in Somerset, United Kingdom": a county, no town
            if (town := ps.town_before_region_of(text, chunk, ctail, shouting)) is not None:
                got.city = town  # "in Kom Hamada in the northern province of Beheira, Egypt"
            elif i > 0:
                _read_previous(text, chunks, i - 1, shouting, got)
        elif ctail and (country_of(text[ctail[0] : ctail[1]]) is None or _town_of_a_state(got, ctail)) and (
                _placed(text, chunk, ctail)  # after "in", "city of" ...; or a town of the country that follows
                or (got.cc and find_city(text[ctail[0] : ctail[1]], country=got.cc, primary_only=True))
                or (got.cc and venue_city(text, ctail, got.cc) != ctail)):  # "Cannes Film Festival, France"
            if (_region_of(text, max(chunk.start, ctail[0] - 30), ctail[0])
                    and (got.region is None or i > 0)):
                nested = got.region is not None  # "São Teotónio, concelho de Odemira, distrito de Beja"
                got.region = got.region or ctail  # "in the province of Helmand, Afghanistan"
                if not nested and (town := ps.town_before_region_of(text, chunk, ctail, shouting)) is not None:
                    got.city = town  # "in Kom Hamada in the northern province of Beheira, Egypt"
                    return
                if i > 0:  # "in the village of Letur, in the province of Albacete, Spain"
                    _read_previous(text, chunks, i - 1, shouting, got)
                if nested and got.city is None:
                    got.city = ctail
            else:
                city, got.locator, _ = loc.located(text, chunk, ctail, shouting)
                got.city = nb.earlier_known_city(text, chunks, i, shouting, got.cc, city)


#: Someone's hometown before the name ("a Syrian man from", "refugees from the").
_PERSON_FROM = regex(r"\b(?:man|woman|boy|girl|child|children|refugees?|residents?|natives?|family|families|"
                     r"farmers?|workers?|migrants?)\s+from\s+(?:the\s+)?$")


def _town_of_a_state(got: Reading, name: Span) -> bool:
    """"Lebanon, Pa.", "Mexico, Mo.": a country's name before a US state (written after it) is a town."""
    return got.cc == "US" and got.state is not None and got.region is not None and got.region[0] > name[1]


def _with_article(text: str, span: Span) -> Span:
    """Include a written "the" ("the Netherlands")."""
    if span[0] >= 4 and text[span[0] - 4 : span[0]].lower() == "the ":
        return (span[0] - 4, span[1])
    return span


def resolve(phrase: str) -> Place | None:
    """Resolve a phrase that is only a place ("Lyon, France", "Springfield, Ill.", "Bakhmut")."""
    match = find_place(phrase)
    return match.place if match else None
