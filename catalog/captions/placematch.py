"""A place as the parser returns it, and how a reading of a phrase's chunks becomes one.

``places`` reads the chunks of a place phrase into a :class:`Reading` (spans of the city,
region and country it found, the country code); :func:`build` checks the city against the
gazetteer, trims the words around it (a district, a venue, a possessive, an elided
particle) and returns the :class:`PlaceMatch`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from catalog.captions.citynames import (
    country_of,
    known_suffix,
    natural_feature,
    possessive_city,
    venue_city,
    venue_region,
    without_subject,
)
from catalog.captions.gazetteer import (
    City,
    city_named_in_context,
    demonym_country,
    find_city,
    region_country,
)
from catalog.captions.normalize import is_shouting
from catalog.captions.placenames import BIG_TOWN, Span, is_acronym
from catalog.captions.placespans import city_before
from catalog.regexcache import regex


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: names as written, plus ISO code and coordinates when known."""

    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class PlaceMatch:
    """A place found in text; spans index the text that was searched (None: not written)."""

    place: Place
    start: int
    end: int
    city_span: Span | None = None
    region_span: Span | None = None
    country_span: Span | None = None
    phrase_start: int | None = None  # where words like "in the town of" begin
    inside_name: bool = False  # the city is part of a longer name ("Gran Vía de Madrid", "Tokyo's Chiyoda Ward")


class Reading:
    """What the chunks of a place phrase have given so far (spans into the text searched)."""

    def __init__(self) -> None:
        self.cc: str | None = None
        self.state: str | None = None
        self.country: Span | None = None
        self.region: Span | None = None
        self.city: Span | None = None
        self.far_country = False  # the country came from outside the phrase
        self.led_by_in = False  # "in Tal al-Sultan": an unknown name the phrase itself calls a place
        self.locator: Span | None = None  # "in Potocari near Srebrenica": the known place that locates the city


CITY_STATES = frozenset({"SG", "MC", "VA", "HK", "MO", "SM", "GI", "BH", "KW", "QA", "LU", "DJ"})
CITY_STATE_NAMES = frozenset({"singapore", "monaco", "vatican city", "hong kong", "macau", "macao",
                               "san marino", "gibraltar", "kuwait city", "luxembourg", "djibouti"})


_ON_ISLAND = regex(r"\son\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}\s(?:Island|Islands|Isle)$")
_TOWN_OF_CITY = regex(r"(?P<town>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:Town|Township|Village|City) of [A-Z][\w'’ -]* "
                      r"(?:City|County|League|Prefecture)")
#: A community named before the county it lies in: "the Altadena community in Los Angeles County".
_COMMUNITY_IN = regex(r"\bthe (?P<name>(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*) (?:community|neighbou?rhood|enclave|hamlet)"
                      r" (?:in|of) $")
#: An area named before the town it belongs to, inside one name: "Renze District of Xingtai City".
_AREA_OF = regex(r" (?:District|County|Prefecture|Borough) of (?=[A-Z])")
#: A name ending in a capitalised administrative word names an area, not a town.
_ADMIN_LAST = regex(r"\s(?:County|Prefecture|Province|Governorate|Oblast|Regency|Autonomous\s+Region|Taluka|Tehsil"
                         r"|Banner|Raion|Rayon)$")
_COMPASS_WORDS = frozenset({"North", "South", "East", "West"})


def _route_start(text: str, span: Span) -> Span | None:
    """"between A and B": A when the gazetteer knows it as a town, else no town (two teams)."""
    first = text[span[0] : span[1]].split(" and ", 1)[0]
    if find_city(text[span[0] : span[1]]) is not None:
        return span
    return (span[0], span[0] + len(first)) if find_city(first) is not None else None


#: A preposition that opens a sentence, before the place it leads ("In Salah" is a town, though).
_CAPITAL_LEAD = regex(r"(?:En|Em|À|Au|Aux|Dans|Na|No|Nel|Nella|In|At|Near|Im|Bei)\s+(?=[A-ZÀ-Ý])")


def build(text: str, got: Reading, segment_start: int = -1) -> PlaceMatch | None:
    """The place the reading names, its city checked against the gazetteer; None when nothing
    confirms that a capitalised name is a place."""
    if (got.city is None and got.country and got.cc in CITY_STATES
            and text[got.country[0] : got.country[1]].lower() in CITY_STATE_NAMES):
        got.city = got.country  # "The skyline of Singapore": city and country ("at the Vatican": country only)
    elif (got.city and got.country and got.cc in CITY_STATES
            and text[got.country[0] : got.country[1]].lower() in CITY_STATE_NAMES
            and find_city(text[got.city[0] : got.city[1]], country=got.cc) is None):
        got.city = got.country  # "in St. Peter's Basilica, Vatican City": a landmark in the city-state
    if got.city and (island := _ON_ISLAND.search(text, *got.city)) is not None:
        got.city = (got.city[0], island.start())  # "the town of Tatsugo on Amami-Oshima Island"
    if got.city is None and got.region and text.endswith(" Municipality", *got.region):
        owned = text.rfind(" ", got.region[0], got.region[1] - 13) + 1 or got.region[0]
        if find_city(text[owned : got.region[1] - 13], country=got.cc) is not None:
            got.city = (owned, got.region[1] - 13)  # "southwest China's Chongqing Municipality": the city
    if got.city and got.region and text.endswith(" Borough", *got.city) and text.startswith(" of ", got.city[1]):
        got.city, got.region = got.region, None  # "in the Brooklyn Borough of New York": the city follows
    if got.city and " of " in text[got.city[0] : got.city[1]] and (part := _AREA_OF.search(text, *got.city)):
        got.city = (part.end(), got.city[1])  # "in Renze District of Xingtai City": the city, not its district
    if got.city and (town := _TOWN_OF_CITY.fullmatch(text, *got.city)) is not None:
        got.city = town.span("town")  # Xinhua's "Jing'an Town of Zhangye City": the town
    elif got.city and (_ADMIN_LAST.search(text, *got.city) is not None or text.startswith("Co. ", got.city[0])):
        area, got.region = got.city, got.region or got.city  # "in Huanxian County", "Co. Galway": an area
        got.city = city_before(text, max(segment_start, 0), area[0], False) if got.region == area else None
        if got.city is None and (community := _COMMUNITY_IN.search(text, max(0, area[0] - 60), area[0])) is not None:
            got.city = community.span("name")  # "the Altadena community in Los Angeles County": the community
        # "in Kesennuma in Miyagi Prefecture on Children's Day in Japan": the town before the area
    if got.city and (lead := _CAPITAL_LEAD.match(text, got.city[0], got.city[1])) and not find_city(
            text[got.city[0] : got.city[1]]):
        got.city = (lead.end(), got.city[1])  # a sentence that opens "En Madrid, ...", "À Cap Skirring, ..."
    if got.city and " and " in text[got.city[0] : got.city[1]] and text[max(0, got.city[0] - 8) : got.city[0]] == "between ":
        got.city = _route_start(text, got.city)  # a stage "between Saint-Lo and Cherbourg": where it starts
    if got.city and text[got.city[0] : got.city[1]].lower().startswith("city of "):
        got.city = (got.city[0] + 8, got.city[1])  # "the City of London" -> London
    inside_name = False
    if got.city:
        as_written = got.city
        if not text.endswith(("village of ", "hamlet of "), 0, got.city[0]):  # "the village of Zarcilla de Ramos"
            got.city = known_suffix(text, got.city, got.cc)
        if text[got.city[1] - 2 : got.city[1]] in ("'s", "’s") and not find_city(text[got.city[0] : got.city[1]]):
            got.city = (got.city[0], got.city[1] - 2)  # "in Beirut's southern suburbs" -> Beirut
        elif "s " in text[got.city[0] : got.city[1]]:
            got.city = possessive_city(text, got.city, got.cc)  # "in Tokyo's Chiyoda Ward" -> Tokyo
        got.city = venue_city(text, _city_of_district(text, got.city, got.cc), got.cc)
        if got.region is None and got.cc is None and (region := venue_region(text, got.city)) is not None:
            got.region, got.cc, got.city = region, region_country(text[region[0] : region[1]]), None
            return build(text, got, segment_start)  # "in the KwaZulu-Natal High Court": the region
        if "district of" in text[max(0, got.city[0] - 13) : got.city[0]]:
            got.city = _town_of_district(text, got.city, got.cc)
        inside_name = got.city != as_written
        if got.city[0] == segment_start:
            got.city = without_subject(text, got.city, segment_start)
        if (natural_feature(text[got.city[0] : got.city[1]]) or _the_valley(text, got.city)
                or _FEATURE_AFTER.match(text, got.city[1])):
            got.city = None  # "on Inle Lake, Myanmar", "in the Gobi desert": a lake, a desert is no city
    if got.city:
        got.city = _without_elision(text, got.city)  # French "près d'Epernay": the town is "Epernay"
    city_span, region_span, country_span, cc = got.city, got.region, got.country, got.cc
    city_name = text[city_span[0] : city_span[1]] if city_span else ""
    if city_name and is_acronym(city_name) and not is_shouting(text):
        city_span, city_name = None, ""  # "at UN headquarters": an acronym, not the Indian town of Un
    if "-" in city_name and all(country_of(part) or demonym_country(part) for part in city_name.split("-")):
        city_span, city_name = None, ""  # "near the Israel-Gaza border", "the Syrian-Turkish border": no town
    if (cc is None and " " in city_name and city_name.split(" ", 1)[0] in _COMPASS_WORDS
            and find_city(city_name) is None):
        rest = city_name.split(" ", 1)[1]
        big = find_city(rest, primary_only=True)
        if city_name and city_span and big is not None and big.population >= BIG_TOWN:  # "in South Mogadishu" (not "East Rutherford, N.J.")
            city_span, city_name = (city_span[1] - len(rest), city_span[1]), rest
    if city_name and city_span and (home := region_country(city_name)) is not None and cc in (None, home) and (
            find_city(city_name, country=home) is None):
        inner = city_before(text, max(segment_start, 0), city_span[0], False)  # "in Long Sutton in Somerset in ..."
        if inner is not None and natural_feature(text[inner[0] : inner[1]]):
            inner = None  # "at the Jaws Surf Break on the island of Maui": a spot, no town
        if region_span is None:  # "from Turkey to Lesbos": a region (an island), no town
            region_span = city_span
        cc = cc or home
        city_span, city_name = inner, text[inner[0] : inner[1]] if inner else ""  # "Costa Teguise in Lanzarote"
    city: City | None = None
    if city_name:
        city = find_city(city_name, country=cc, admin1=got.state) or (
            find_city(city_name, country=cc) if cc else None
        )
        if city is None and cc == "CG" and (congo_town := find_city(city_name, country="CD")) is not None:
            city, cc = congo_town, "CD"  # "Goma, Congo": the Congo whose town it is
        if city is None and cc is None:
            city = find_city(city_name, primary_only=True)
            if city is not None:
                city = city_named_in_context(text, city_name, city)  # "Palestinian ... in Bethlehem"
        if city is not None and cc is None:
            cc = city.country_code
        if city is None and cc is None and got.locator is not None and (
                near := find_city(text[got.locator[0] : got.locator[1]], primary_only=True)) is not None:
            cc = near.country_code  # a village the gazetteer does not know: the country of the town it is near
    if not (city_name or country_span or region_span):
        return None
    if city_name and not (cc or region_span or city or got.led_by_in):
        return None  # a capitalised word with nothing to confirm it is a place
    written = [s for s in (city_span, region_span, country_span) if s]
    place = Place(
        city=city_name,
        region=text[region_span[0] : region_span[1]] if region_span else "",
        country=text[country_span[0] : country_span[1]] if country_span else "",
        country_code=cc or "",
        lat=city.lat if city else None,
        lon=city.lon if city else None,
    )
    spans = [s for s in written if s is not country_span] or written if got.far_country else written
    return PlaceMatch(place, min([s[0] for s in spans]), max([s[1] for s in spans]),
                      city_span, region_span, country_span, inside_name=inside_name)


def _city_of_district(text: str, span: Span, cc: str | None) -> Span:
    """German style's "Berlin-Kreuzberg", "Hamburg-Altona": the city, when the part before the
    hyphen is a larger place than the whole name is (GeoNames keeps such names for the
    district). "Donostia-San Sebastian" and "Decines-Charpieu" name one town twice: kept whole."""
    name = text[span[0] : span[1]]
    head, dash, district = name.partition("-")
    if not dash or not district[:1].isupper() or " " in head:
        return span
    city = find_city(head, country=cc)
    whole = find_city(name, country=cc)
    if city is None or city.population < BIG_TOWN or (
            whole is not None and (whole == city or whole.population >= city.population)):
        return span  # (a district so named is a big city's: "Joal-Fadiouth" is one small town)
    return (span[0], span[0] + len(head))


#: A lower-case word after a name that makes it a natural feature ("the Gobi desert", "the Jordan river").
_FEATURE_AFTER = regex(r" (?:desert|river|lake|mountains?|peninsula|plateau|forest|basin)\b")
_DISTRICT_OF_END = regex(r"\b(?P<town>[A-ZÀ-Þİ][\w'’-]+(?:\s[A-ZÀ-Þİ][\w'’-]+)?)\s+district\s+of\s+$")


def _town_of_district(text: str, span: Span, cc: str | None) -> Span:
    """"in Iskenderun district of Hatay": a district named after its town, of a province named
    after its capital (the gazetteer knows "Hatay" only as another name of Antakya): the town.
    "Karsiyaka district of Izmir" stays Izmir, a city by its own name."""
    before = text[max(0, span[0] - 40) : span[0]]
    m = _DISTRICT_OF_END.search(before)
    if m is None:
        return span
    written = text[span[0] : span[1]]
    outer = find_city(written, country=cc)
    town = find_city(m.group("town"), country=cc)
    if outer is None or town is None or town.population < BIG_TOWN or _plain(outer.name) == _plain(written):
        return span
    start = span[0] - len(before) + m.start("town")
    return (start, start + len(m.group("town")))


def _plain(name: str) -> str:
    """A name without its accents and case ("İzmir" and "Izmir" are one)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _the_valley(text: str, span: Span) -> bool:
    """"in the Barossa Valley": a valley with "the" is a region ("Fort Valley, Ga." is a town)."""
    return text.endswith(" Valley", span[0], span[1]) and text[max(0, span[0] - 4) : span[0]].lower() == "the "


def _without_elision(text: str, span: Span) -> Span:
    """The name after a lower-case elided article or particle ("d'Epernay" -> "Epernay")."""
    if text[span[0] : span[0] + 2] in ("d'", "d’", "l'", "l’") and text[span[0] + 2 : span[0] + 3].isupper():
        return (span[0] + 2, span[1])
    return span
