"""Spans inside one chunk of a place phrase: the city before an inner region ("Khan Yunis in
the southern Gaza Strip"), a country or state written inside a name ("Lyon France"), the span
of a region ("Donetsk region") and where the words before a name end.
"""

from __future__ import annotations

import re

from catalog.captions import placecountry as pc
from catalog.captions import placelocators as loc
from catalog.captions import placenames
from catalog.captions.citynames import country_of, natural_feature
from catalog.captions.gazetteer import find_city, region_country, us_state
from catalog.captions.placenames import BIG_TOWN, Chunk, Span, tail_name
from catalog.captions.placewords import REGION_WORDS, last_words_start
from catalog.regexcache import regex

_IN_THE_END = regex(  # "in the southern ", "in the Central " (Gaza Strip)
    r"\s(?:in|on)\s+the\s+(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][a-z]+(?:an|ese|ish|i)\s+)?"  # (a people: "Indian")
    r"(?:island|isle|region|province|state|district|county)\s+of\s+$"  # "in the island of Evia", "in the northern Indian state of"
    r"|\s(?:in|of|on\s+the|i|en|em)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+)?"  # "in Nigeria's northern "
    r"(?:[a-z]+(?:-[a-z]+)?\s+|(?:Central|Northern|Southern|Eastern|Western)\s+)?$")  # ("south-western "; Nordic "i": "Sala i Västmanland";
    # Spanish "en": "en Izalco en El Salvador")
_PREP_WORDS_END = regex(
    r"\b(?:in|near|at|outside|of|over|across|around|inside|ved|vid|av|i|bei|nahe|em|en|à|près\s+de|perto\s+de"
    r"|nei\s+pressi\s+di|(?:seen|taken|photographed|pictured|shot)\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_LEAD_WORDS = regex(r"(?:(?:in|at|near|the|outside)\s+)*", re.IGNORECASE)


def city_before(text: str, chunk_start: int, place_start: int, shouting: bool, known_in: str | None = None) -> Span | None:
    """A city named just before "in the southern <Region>" inside one chunk, after a preposition
    (or after any word, when the gazetteer knows it in country ``known_in``: "Kor på bete utanför
    Ystad i Skåne")."""
    # a match spans at most 3 words (" in the southern "): search only the last ones
    lead = _IN_THE_END.search(text, last_words_start(text, chunk_start, place_start, 6), place_start)
    if lead is None:
        return None
    end = lead.start()
    settlement = False
    for suffix in (" area", " border crossing", " refugee camp", " camp", " district", " town", " village", " city", " beach",
                   " airport"):  # ("at Kitakyushu airport in southwestern Japan")
        if text.endswith(suffix, chunk_start, end):  # "in the Jabalia area of the northern Gaza Strip",
            end -= len(suffix)  # "at the Islam Qala border crossing in Herat province": the town
            if suffix == " district" and not _district_town_counts(text, chunk_start, place_start):
                return None
            settlement = suffix in (" town", " village", " beach")  # "on Boscombe beach in Dorset"
            break
    span = tail_name(text, chunk_start, end, shouting)
    if span is None or country_of(text[span[0] : span[1]]) is not None:
        return None  # "near the border with Russia in the Kharkiv region": Russia is not the city
    if not shouting and text[span[0] : span[1]].isupper() and span[1] - span[0] <= 6:
        return None  # "at the UNHCR camp in the Charsadda district": an organisation's camp
    if text.endswith(" district", chunk_start, lead.start()):
        village = loc.settlement_in(text, Chunk(chunk_start, end), span, shouting)[0]
        if village != span:
            return village  # "in Degaon village in Solapur district of Maharashtra": the village
    before = text[max(chunk_start, span[0] - 40) : span[0]]
    if (_PREP_WORDS_END.search(before, last_words_start(before, 0, len(before), 6))
            and not loc.BORDER_WITH.search(before)):
        return span
    if settlement and before.endswith(" on "):
        return span  # "an air strike on Kafar Joum village in West Aleppo countryside"
    if known_in is not None and find_city(text[span[0] : span[1]], country=known_in, primary_only=True) is not None:
        return span
    return None


def split_compass_country(text: str, chunks: list[Chunk]) -> None:
    """Split a last chunk that ends "<Name> <compass point> <Country>" with no comma ("at Stathe
    near Taunton southwest England") as if the comma stood before the compass point."""
    if chunks and (m := _COMPASS_COUNTRY.search(text, chunks[-1].start, chunks[-1].end)) and country_of(m.group("country")):
        chunks[-1:] = [Chunk(chunks[-1].start, m.end("name")), Chunk(m.end("name") + 1, chunks[-1].end)]


_COMPASS_COUNTRY = regex(r"(?P<name>\b[A-Z][\w'’-]*[a-z]) (?:north|south|east|west|central|north-?east|north-?west|"
                         r"south-?east|south-?west)(?:ern)? (?P<country>[A-Z][\w ]{2,30})$")


def region_of_country(text: str, chunk_start: int, country_start: int) -> Span | None:
    """The region of "in the village of Tibiri in the southern Zinder region of Niger" (its name
    and its word), written just before "of <Country>"; else None."""
    m = _AREA_BEFORE_OF.search(text, max(chunk_start, country_start - 60), country_start)
    return m.span("area") if m is not None else None


_AREA_BEFORE_OF = regex(r"(?P<area>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2} (?:region|province|district|state|county|"
                        r"governorate|oblast|prefecture|department)) of (?:the )?$")
_VILLAGE_BEFORE = regex(r"\b(?:village|town|hamlet|settlement)\s+of\s+[^,.;]{2,40},\s*$")
_OWNER_NAME = regex(r"(?:[A-Z][\w'’-]*\s?){1,4}")


def _district_town_counts(text: str, chunk_start: int, place_start: int) -> bool:
    """"in Morigaon district of Assam": the district's town is the place, unless a village was
    named just before ("the village of X, in the Y district of Z") or the district belongs to a
    big city ("the Mong Kok district of Hong Kong" is Hong Kong, as "Karsiyaka district of Izmir")."""
    if _VILLAGE_BEFORE.search(text, max(0, chunk_start - 80), chunk_start):
        return False
    owner = _OWNER_NAME.match(text, place_start)
    if owner is None or REGION_WORDS.match(text, owner.end()):
        return True  # "in Zindajan district of Herat province": a province, named after its city
    city = find_city(owner.group(0).strip())
    return city is None or city.population < BIG_TOWN


_REGION_OF_END = regex(
    r"\b(?:province|region|state|governorate|district|county|department|prefecture)\s+of\s+$", re.IGNORECASE)


def town_before_region_of(text: str, chunk: Chunk, region: Span, shouting: bool) -> Span | None:
    """The town named before "in the northern province of <region>" or "in <region>" in the same
    chunk ("at Minsterworth in Gloucestershire"; "at Worthy Farm in Somerset" names none)."""
    m = _REGION_OF_END.search(text, max(chunk.start, region[0] - 40), region[0])
    town = city_before(text, chunk.start, m.start() if m is not None else region[0], shouting)
    return None if town is None or natural_feature(text[town[0] : town[1]]) else town


def known_region_no_town(name: str, cc: str) -> bool:
    """A region of country ``cc`` the gazetteer knows no town of that name in ("Somerset")."""
    return region_country(name) == cc and find_city(name, country=cc) is None


def region_phrase(text: str, chunk: Chunk, tail: Span, shouting: bool) -> Span:
    if REGION_WORDS.search(text[tail[1] : chunk.end]) or pc.POSSESSIVE.search(text[chunk.start : chunk.end]):
        return region_span(text, chunk, shouting)
    return tail


_WATER_OF = regex(r"(?:Gulf|Sea|Bay|Strait|Straits)\s+of", re.IGNORECASE)


def _after_city_of(text: str, name: Span) -> int:
    """Where a region's name starts: after "<city> of" (Xinhua's "Antakya of Hatay province"),
    else where the name starts. The city must be a big one: "Bay of Plenty region" is a region
    though a town in the Philippines is called Bay."""
    of = text.rfind(" of ", name[0], name[1])
    if of > name[0] and (city := find_city(text[name[0] : of])) is not None and city.population >= BIG_TOWN:
        return of + 4
    return name[0]



def split_inside(text: str, tail: Span) -> tuple[Span | None, tuple] | None:
    """"Lyon France" without a comma: a country or state at the end of the name."""
    tokens = placenames.token_spans(text, tail[0], tail[1])
    for k in range(min(4, len(tokens) - 1), 0, -1):
        s = tokens[-k][0]
        suffix = text[s : tail[1]]
        city_end = tokens[-k - 1][1]
        city_span: Span | None = (tail[0], city_end)
        if text[tokens[-k - 1][0]].islower():
            city_span = None  # "Jammu and Kashmir", "Saint-Pierre au Vatican": a joining word, no town
        if (code := country_of(suffix)) is not None:
            if _WATER_OF.fullmatch(text, tail[0], city_end):
                return None, (None, None, None, None)  # "in the Gulf of Oman": a sea, in no country
            named = next((t[0] for t in tokens[:-k] if text[t[0]].isupper()
                          and find_city(text[t[0] : tail[1]], country=code) is not None), None)
            if named is not None:  # "(el Zócalo de) Ciudad de México", "Port Sudan": a city named for its country
                return (named, tail[1]), (code, None, None, None)
            if text[city_end - 2 : city_end] in ("'s", "’s") and country_of(text[tail[0] : city_end - 2]):
                city_span = None  # "Taipei, southeast China's Taiwan": a country's territory, the city before
            elif text[tail[0] : city_end].endswith((" y", " and", " e", " et", " und", " i")):
                city_span = None  # "la frontera entre Brasil y Paraguay": two countries, no town
            elif code == "US" and (st := us_state(text[tail[0] : city_end])) is not None:
                return None, ("US", st, (tail[0], city_end), (s, tail[1]))  # "Robert, La. USA": the state
            return city_span, (code, None, None, (s, tail[1]))
        if (st := us_state(suffix)) is not None and len(suffix) > 2:
            return city_span, ("US", st, (s, tail[1]), None)
        if (city_span is not None and (code := region_country(suffix)) is not None
                and find_city(text[tail[0] : tail[1]]) is None):
            return city_span, (code, None, (s, tail[1]), None)  # "in Fort McMurray Alberta on ..."
    return None


def lead_trimmed(text: str, chunk: Chunk) -> int:
    m = _LEAD_WORDS.match(text, chunk.start, chunk.end)
    return m.end() if m else chunk.start


def region_span(text: str, chunk: Chunk, shouting: bool) -> Span:
    """"Rio Grande do Sul state", "Donetsk region": the name before the region word, with it."""
    s = lead_trimmed(text, chunk)
    words = list(REGION_WORDS.finditer(text, s, chunk.end))
    word = words[-1] if words else None
    if word is not None:
        name = tail_name(text, s, word.start(), shouting)
        if name is not None and text[name[1] : word.start()].strip() == "":
            return (_after_city_of(text, name), word.end())
    return tail_name(text, chunk.start, chunk.end, shouting) or (s, chunk.end)


def without_inner_brackets(text: str, chunks: list[Chunk]) -> None:
    """"Alba (Cuneo), Italia", "Bormio (SO), Italia": a town's province in brackets, before
    the country, qualifies the town; the chunk ends before it."""
    for k in range(len(chunks) - 1):
        chunk = chunks[k]
        if text[chunk.end - 1] != ")":
            continue
        opening = text.rfind("(", chunk.start, chunk.end)
        inside = text[opening + 1 : chunk.end - 1]
        if opening > chunk.start and 0 < len(inside) <= 30 and inside[:1].isupper():
            chunks[k] = Chunk(chunk.start, len(text[:opening].rstrip()))
