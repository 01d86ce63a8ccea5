"""Names in the chunks around the one being read: the town before a state, a province or a
locating phrase ("in Moore, Oklahoma, on the outskirts of ..."), a city owning a district."""

from __future__ import annotations

from dataclasses import replace

from catalog.captions import placelocators as loc
from catalog.captions import placespans as ps
from catalog.captions.citynames import country_of
from catalog.captions.gazetteer import find_city, us_state
from catalog.captions.placematch import PlaceMatch, Reading
from catalog.captions.placenames import BIG_TOWN, Chunk, Span, tail_name
from catalog.regexcache import regex


def state_between(text: str, chunks: list[Chunk], shouting: bool) -> bool:
    """A US state or a country between a town led by "in" and the locating last chunk."""
    if len(chunks) < 3:
        return False
    named = tail_name(text, chunks[-2].start, chunks[-2].end, shouting)
    if named is None or named[0] != ps.lead_trimmed(text, chunks[-2]):
        return False
    name = text[named[0] : named[1]]
    return ((us_state(name) is not None or country_of(name) is not None)
            and in_named_before(text, chunks, len(chunks) - 2, shouting) is not None)


def in_named_before(text: str, chunks: list[Chunk], i: int, shouting: bool) -> Span | None:
    """The name that ends chunk ``i - 1`` when that chunk ends "in <Name>" (or "en", "at")."""
    before = prev_city_tail(text, chunks, i, shouting)
    if before is None or not loc.PLACE_LEAD_END.search(text[max(chunks[i - 1].start, before[0] - 20) : before[0]]):
        return None
    return before


def earlier_known_city(text: str, chunks: list[Chunk], i: int, shouting: bool, cc: str | None,
                        city: Span) -> Span:
    """"in La Orotava, Tenerife, Canary Islands, Spain": between the town and the region an
    island or an area the gazetteer does not know as a town; the town is the earlier name (and
    a village one or two names before: Indonesian "Desa X", Xinhua's "X Village (of Y Town)")."""
    if i == 0 or city[0] != chunks[i].start:
        return city  # only a bare name between the town and the region ("..., Tenerife, ...")
    for k in range(i - 1, max(-1, i - 3), -1):  # "di Desa Munggu, Badung, Bali", "in X Village of Y Town, Z City"
        if (village := _VILLAGE_END.search(text, chunks[k].start, chunks[k].end)) is not None and (
                village.group(1) or village.group(2).split(" ", 1)[0] not in loc.QUARTER_VILLAGES):
            return village.span(1) if village.group(1) else village.span(2)  # (not "Greenwich Village")
    if cc is None:
        return city
    if find_city(text[city[0] : city[1]], country=cc, primary_only=True) is not None:
        return city
    before = in_named_before(text, chunks, i, shouting)
    if before is None or find_city(text[before[0] : before[1]], country=cc) is None:
        return city
    return before


#: A village that ends a chunk: Antara's "Desa Munggu", Xinhua's "Huayuan Village (of Nanma Town)".
_VILLAGE_END = regex(r"\bDesa ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})$"
                     r"|\b([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) Village(?: of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? "
                     r"(?:Town|Township|District|County))?$")


def town_before_province(text: str, chunks: list[Chunk], i: int, shouting: bool, got: Reading) -> None:
    """EFE's "en Paiporta, Valencia (España)": town, then province, then the country in brackets."""
    before = in_named_before(text, chunks, i, shouting)
    if before is not None and country_of(text[before[0] : before[1]]) is None:
        got.region, got.city = got.city, before


POSSESSOR = regex(
    r"(?:^|(?<=\s)(?:in|at|near|outside|across)\s+)((?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*)['’]s\s")


def possessing_city(text: str, region: Span) -> tuple[Span, int] | None:
    """"in Baghdad's Karrada district": the district of a city is in that city; (the city's
    span, where the district's name starts)."""
    m = POSSESSOR.search(text[region[0] : region[1]])
    if m is None or country_of(m.group(1)) is not None or find_city(m.group(1), primary_only=True) is None:
        return None
    return (region[0] + m.start(1), region[0] + m.end(1)), region[0] + m.end()


def prev_city_tail(text: str, chunks: list[Chunk], i: int, shouting: bool) -> Span | None:
    if i == 0:
        return None
    chunk = chunks[i - 1]
    return tail_name(text, chunk.start, chunk.end, shouting)


_CITY_THEN_DISTRICT = regex(r"((?:[A-Z][\w-]*\s){0,2}?[A-Z][\w-]*)\s(?=[A-Z][\w'’-]*\s(?:district|neighbou?rhood|area|quarter)\b)")


def city_before_district(text: str, region: Span) -> tuple[Span, int] | None:
    """"in Baghdad Adhamiya district": a big city's name, then its district's (the city's span,
    where the district's name starts)."""
    m = _CITY_THEN_DISTRICT.match(text, region[0], region[1])
    if m is None or country_of(m.group(1)) is not None:
        return None
    city = find_city(m.group(1), primary_only=True)
    if city is None or city.population < BIG_TOWN:
        return None
    return m.span(1), m.end()


#: Xinhua's chain from a village to its city: "in Beishan Village of Boao Township in ",
#: "in Meihua Town of Daoxian County in ", "in Tashan Township, " (the city follows).
_SETTLEMENT_CHAIN = regex(
    r"\b(?:in|at)\s+(?P<name>(?:[A-Z][\w'’-]*\s){1,2}(?:Village|Town|Township))"
    r"(?P<chain>(?:(?:\s+of|\s+in|,)\s+(?:[A-Z][\w'’-]*\s){1,3}(?:County|District|Township|Town|City|Banner)\b)*)"
    r"(?:\s+of|\s+in|,)\s+(?:(?:[a-z]+\s+)?China['’]s\s+)?$")


def settlement_before(text: str, start: int, match: PlaceMatch | None) -> PlaceMatch | None:
    """The village or township named before the city, in China's chain of units ("in Shanshu
    Village of Qianjiang District, southwest China's Chongqing"): the picture's place is the
    village (whose coordinates the gazetteer does not have)."""
    if match is None or match.city_span is None:
        return match
    found = _SETTLEMENT_CHAIN.search(text, max(start, match.city_span[0] - 160), match.city_span[0])
    if found is None or not (match.place.country_code == "CN" or found.group("chain")):
        return match
    place = replace(match.place, city=found.group("name"), lat=None, lon=None)
    return replace(match, place=place, city_span=found.span("name"), start=min(match.start, found.start("name")))
