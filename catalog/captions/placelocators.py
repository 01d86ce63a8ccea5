"""Phrases that locate a place rather than name it: distances, directions, near-phrases,
coasts, islands and borders ("245 km east of Budapest", "in Ukhia, near Cox's Bazar",
"at Kiama, on the NSW South Coast", "near the border with Israel").

``places`` skips them as the place, and asks them for a country when the place named
before them gives none.
"""

from __future__ import annotations

import re

from catalog.captions.citynames import country_of, natural_feature
from catalog.captions.gazetteer import demonym_country, find_city, region_country, us_state
from catalog.captions.normalize import fold_case
from catalog.captions.placecountry import without_direction
from catalog.captions.placenames import Chunk, Span, tail_name
from catalog.captions.placewords import ends_in_word
from catalog.regexcache import regex

#: What any distance phrase holds (the cheap test before DISTANCE): a digit or a unit's word.
_DISTANCE_HINT = regex(r"\d|mile|kilomet|km\b|metre|meter")
#: A compass direction: "north", "south-eastern", "north west" (in two words).
_COMPASS = r"(?:north|south|east|west)(?:ern)?(?:[-\s]?(?:east|west)(?:ern)?)?"
#: "245 km east of", "25 km (15 miles) from", "10 miles north-west of" (not "the 5000m final of").
DISTANCE = regex(
    r"(?:\b\d[\d,.]*\s?|\b(?:a|one|two|three|four|five|ten|a\s+few|several|half\s+a)\s+)"  # "less than a mile from"
    r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi|metres|meters|m)\b(?:\s?\([^()]{1,24}\))?"
    rf"\s(?:(?:to\s+the\s+)?{_COMPASS}\s+|away\s+|outside\s+)?"
    r"(?:of|from|outside)\b",
    re.IGNORECASE,
)
DIRECTION_OF = regex(r"^(?:just\s+|about\s+)?\S+\s+of\b")
#: "the summer capital of Indian-administered Kashmir": a chunk that locates the town before it.
CAPITAL_OF = regex(r"(?:the\s+)?(?:[\w-]+\s+){0,2}capital\s+of\b", re.IGNORECASE)
#: "near", also "near the Black Sea resort of" (then the town that only locates the place).
NEAR_END = regex(r"\s(?:near|outside|on\s+the\s+outskirts\s+of)"
                 r"(?:\s+the\s+(?:[\w'’-]+\s+){0,3}(?:town|city|village|resort|port)\s+of)?\s+$")
LOCATOR_CHUNK = regex(
    r"(?:(?:located|situated|lying)\s+)?"  # "in Moagang village, located on the outskirts of Shanghai"
    r"(?:on\s+the\s+(?:[\w-]+\s+){0,3}coast\b"  # "on the NSW South Coast", "on the east coast of ..."
    r"|(?:near|outside|on\s+the\s+(?:[\w-]+\s+)?outskirts\s+of|on\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}island\s+of"
    rf"|(?:just\s+|about\s+)?{_COMPASS}\s+of"
    r"|an?\s+(?:[\w-]+\s+){0,2}(?:town|city|village|suburb|port)\s+"
    rf"(?:{_COMPASS}\s+)?(?:of|near|outside))\s)",
    re.IGNORECASE)
TRAILING_BORDER = regex(
    r"[\s,]+(?:near|on|along|at|by|close\s+to|towards?)\s+(?:the\s+)?(?:[\w-]+\s+)?border\b[^,.]{0,50}$", re.IGNORECASE
)
#: "on the border between south China's Guangxi ... and southwest China's Guizhou Province".
BORDER_BETWEEN = regex(r"[\s,]+(?:on|near|along|at)\s+the\s+border\s+between\s[^.;]{3,160}$")
SIDE_OF_BORDER = regex(
    r"[\s,]+on\s+the\s+(?P<people>[A-Z][\w-]+)\s+side\s+of\s+the\s+(?:border|frontier)\b[^,.]{0,50}[\s,]*$"
)
SIDE_OF = regex(r"\b(?:in|on)\s+the\s+(?P<people>[A-Z][\w-]+)\s+side\s+of\s+the\s+")
BORDER_WITH = regex(r"\bborder\s+with\s+(?:the\s+)?$", re.IGNORECASE)
IN_AT_END = regex(r"\b(?:in|at|en|em)\s+$")
#: What ends the words before a named place: "in", "at", or "the town of" ("swept through the
#: town of Paiporta, on the outskirts of Valencia": the town is the place, Valencia locates it).
PLACE_LEAD_END = regex(
    r"\b(?:in|at|en|em|through|(?:town|village|city|suburb|district|hamlet|municipality|neighbou?rhood|port)\s+of)\s+$",
    re.IGNORECASE)


#: A trailing chunk that is an event or a direction, not a place ("during the festival", "south of Paris").
NOT_PLACE_CHUNK = regex(
    r"^(?:during|for|as|while|after|before|ahead\s+of|amid|following|where|which|who|when)\b"
    r"|^(?:near|on|along)\s+the\s+(?:[\w-]+\s+)?border\b"  # "near the Turkish border"
    r"|^across\s+the\s+(?:[\w-]+\s+)?border\s+from\b"  # "in Ciudad Juarez, across the border from El Paso"
    r"|^(?:just\s+|about\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of\b",
    re.IGNORECASE,
)
#: A last chunk that names an event after its town, the place written before it ("at Worthy Farm,
#: Pilton, Somerset, at the 2004 Glastonbury Festival").
EVENT_CHUNK = regex(r"(?:at|during|for)\s+the\s+(?:\d{4}\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:Festival|Fashion\s+Week|"
                    r"Championships?|Games|Carnival|Fair|Awards|Expo|Marathon|Open)\b")
NOT_PLACE_STARTS = ("during", "for", "as", "while", "after", "before", "ahead", "amid", "following", "where",
                     "which", "who", "when", "near", "on", "along", "just", "about", "north", "south", "east",
                     "west", "across")


#: "..., in this photo taken by Kyodo February 5, 2016": who took or released it, not where.
_PHOTO_BY_CHUNK = regex(r"in\s+(?:this|a|an)\s+(?:handout\s+|file\s+)?(?:photo(?:graph)?|picture|image)\s+"
                             r"(?:taken|released|provided|obtained|issued|distributed|made\s+available)\s+by\b",
                             re.IGNORECASE)


def without_origin(text: str, start: int, end: int) -> int:
    """Where the place phrase ends once a trailing "coming from <Place>" is set aside ("los migrantes
    que han entrado en Ceuta procedentes de Marruecos": Ceuta, not Morocco)."""
    window = text[max(start, end - 60) : end]
    if "from" not in window and "proced" not in window and "proven" not in window and "vind" not in window:
        return end  # cheap exit
    m = _COMING_FROM.search(text, max(start, end - 60), end)
    return m.start() if m is not None and m.start() > start else end


_COMING_FROM = regex(r"\s(?:(?:procedentes?|provenientes?|vindos?|vindas?)\s+d[eo]|(?:coming|arriving|fleeing)\s+from)"
                     r"\s+[^,.;]{2,40}?(?=[\s,]*(?:\ba\s+)?$)")  # (Spanish "a" before the date)


def skippable(text: str, chunk: Chunk, shouting: bool) -> bool:
    words = text[chunk.start : chunk.end]
    if words[:3].lower() == "in " and _PHOTO_BY_CHUNK.match(words):
        return True
    if words[:6] in ("which ", "who ", "whose "):
        # "..., which was heavily shelled by Israel": a clause about the place, never one; but
        # "in a school, which was turned into a shelter in Kochi": the town is where it stands
        end_in = _IN_TOWN_END.search(words)
        return end_in is None or find_city(end_in.group(1), primary_only=True) is None
    if _DISTANCE_HINT.search(words) and DISTANCE.search(words):
        return True
    if not fold_case(words[:12]).startswith(NOT_PLACE_STARTS) or NOT_PLACE_CHUNK.match(words) is None:
        return False  # (cheap test first: the chunk's first word must start like one of the pattern's)
    direction = DIRECTION_OF.match(words) is not None and words[:5].lower() != "ahead"  # "ahead of X in Y": Y
    if _BORDER_WITH_CHUNK.match(words) or _BORDER_PAIR.search(words):
        return True  # "near the border with South Korea", "near the Syrian-Turkish border": it locates, it is no place
    return direction or tail_name(text, chunk.start, chunk.end, shouting) is None


_IN_TOWN_END = regex(r"\s(?:in|at)\s+([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})$")
_BORDER_PAIR = regex(r"\b[A-Z][a-z]+-[A-Z][a-z]+\s+(?:border|frontier)\b")
_BORDER_WITH_CHUNK = regex(r"(?:near|on|along|at)\s+the\s+(?:[\w-]+\s+)?border\s+with\b", re.IGNORECASE)


def country_of_locator(text: str, chunk: Chunk, shouting: bool) -> tuple[str, Span] | None:
    """"in Saint-Denis, north of Paris": the city a direction is taken from gives the country
    (an empty span: the country is not written)."""
    near = tail_name(text, chunk.start, chunk.end, shouting)
    city = find_city(text[near[0] : near[1]], primary_only=True) if near else None
    return (city.country_code, (chunk.start, chunk.start)) if city is not None else None


POSSESSIVE_NAME = regex(r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})['’]s\b")


def one_owner_country(text: str, start: int, end: int) -> tuple[str, Span] | None:
    """The one country that owns every region a phrase names ("China's Guangxi ... and China's
    Guizhou"), with its first span; None when none or two are named."""
    found = [(code, m.span(1)) for m in POSSESSIVE_NAME.finditer(text, start, end)
             if (code := country_of(m.group(1))) is not None]
    return found[0] if found and all(code == found[0][0] for code, _ in found) else None


def locator_country(text: str, chunk: Chunk, shouting: bool) -> str | None:
    """The country a locating phrase points to: its city's ("near Cox's Bazar"), a country or
    region it names ("on the NSW South Coast", "on the east coast of New Zealand's North Island")."""
    words = text[chunk.start : chunk.end]
    for m in POSSESSIVE_NAME.finditer(words):
        if (code := country_of(m.group(1))) is not None:
            return code
    near = tail_name(text, chunk.start, chunk.end, shouting)
    name = text[near[0] : near[1]] if near is not None else ""
    if name and (code := country_of(name) or region_country(name)) is not None:
        return code  # "on the French island of La Réunion": a territory with a code of its own
    before = words[: near[0] - chunk.start] if near is not None else words
    for word in before.split():  # "on the Portuguese island of Madeira"
        if word[:1].isupper() and (code := demonym_country(word)) is not None:
            return code
    if name and (city := find_city(name)) is not None:
        return city.country_code
    for word in words.split():
        if word[:1].isupper() and (code := region_country(word.strip(".,")) or country_of(word.strip(".,"))):
            return code
    return None


def in_x_near_y(text: str, chunk: Chunk, tail: Span, shouting: bool) -> tuple[Span, str | None]:
    """"in Potocari near Srebrenica", "in the town of Obiliq on the outskirts of Pristina": the
    place is Potocari, Obiliq; Srebrenica, Pristina only locate it. Also the
    country of a state or country named before "near" ("in Northern New Mexico outside Santa Fe":
    Santa Fe, US), else None."""
    if not ends_in_word(text, chunk.start, tail[0], ("near", "outside", "of")):
        return tail, None  # cheap exit: the words before the name do not end in "near", "outside", "of"
    m = NEAR_END.search(text[chunk.start : tail[0]])
    inner = tail_name(text, chunk.start, chunk.start + m.start(), shouting) if m else None
    if inner is None or not PLACE_LEAD_END.search(text[chunk.start : inner[0]]):
        return tail, None
    if (code := _state_or_country(text, inner)) is not None:
        return tail, code
    if natural_feature(text[inner[0] : inner[1]]):  # "in Yellowstone National Park near Gardiner"
        return tail, None
    return inner, None


#: "Helin village in Anqing", "Hongcun Village of Huangshan": a village, then the larger place it
#: lies in (a "township in Cape Town" is a part of the city, and stays the city's).
_SETTLEMENT_IN_END = regex(r"(?P<word>\s(?:[Vv]illage|[Hh]amlet)|\stown(?=\sof\s))\s+(?:in|of)\s+"
                           r"(?:(?:north|south|east|west)ern\s+)?$")  # and "Marodijeex town of southern Hargeysa"
_VILLAGE_OF_X_IN = regex(r"\b(?:village|hamlet)\s+of\s+(?P<name>[A-ZÀ-Þ][\w'’-]*(?: [\w'’-]+){0,4}?)\s+in\s+$")
#: First words of a "Village" that is a city's quarter or a venue, not a village of its own.
QUARTER_VILLAGES = frozenset({"Olympic", "Athletes", "Athletes'", "Greenwich", "East", "West", "Media",
                               "Christmas", "Youth", "Global", "Games", "Paralympic"})


def located(text: str, chunk: Chunk, tail: Span, shouting: bool) -> tuple[Span, Span | None, str | None]:
    """The place that the chunk's last name ``tail`` may only locate ("in Potocari near Srebrenica",
    "in Helin village in Anqing"): (the place, the name that locates it or None, the country code
    of a state or country named before "near", see :func:`in_x_near_y`)."""
    near, code = in_x_near_y(text, chunk, tail, shouting)
    place, locator = settlement_in(text, chunk, near, shouting)
    return place, locator or (tail if near != tail else None), code


def village_before(text: str, chunk: Chunk, shouting: bool) -> Span | None:
    """The name that ends ``chunk`` when "the village of" leads it ("in the village of Zarcilla de
    Ramos" before ", Murcia"): the village, which the next chunk only locates."""
    name = tail_name(text, chunk.start, chunk.end, shouting)
    if name is None or _VILLAGE_OF_END.search(text, max(chunk.start, name[0] - 16), name[0]) is None:
        return None
    return name


_VILLAGE_OF_END = regex(r"\b(?:village|hamlet)\s+of\s+$", re.IGNORECASE)


def settlement_in(text: str, chunk: Chunk, tail: Span, shouting: bool) -> tuple[Span, Span | None]:
    """The village of "in Helin village in Anqing", "in Hongcun Village of Huangshan" or "in the
    village of Los Martínez del Puerto in Murcia", and the place that only locates it (Anqing,
    Huangshan, Murcia); else (``tail``, None)."""
    whole = _VILLAGE_OF_NAME.match(text, tail[0], tail[1])
    village: Span | None
    if whole is not None:  # the name reader kept "Hongcun Village of Huangshan" as one name
        village, locator = whole.span("village"), whole.span("locator")
    elif ends_in_word(text, chunk.start, tail[0], ("in", "of", "northern", "southern", "eastern", "western")) and (
            m := _SETTLEMENT_IN_END.search(text, max(chunk.start, tail[0] - 34), tail[0])) is not None:
        village, locator = tail_name(text, chunk.start, m.end("word"), shouting), tail
    elif ends_in_word(text, chunk.start, tail[0], ("in",)) and (
            m := _VILLAGE_OF_X_IN.search(text, max(chunk.start, tail[0] - 64), tail[0])) is not None:
        village, locator = m.span("name"), tail  # "in the village of Los Martínez del Puerto in Murcia"
    else:
        return tail, None
    if (village is None or not PLACE_LEAD_END.search(text, max(chunk.start, village[0] - 24), village[0])
            or text[village[0] : village[1]].split(" ", 1)[0] in QUARTER_VILLAGES):
        return tail, None
    return village, locator


#: One name that holds a village and its town: "Hongcun Village of Huangshan".
_VILLAGE_OF_NAME = regex(r"(?P<village>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? (?:Village|Hamlet)) of (?P<locator>[A-Z][\w'’ -]*)$")


def _state_or_country(text: str, name: Span) -> str | None:
    """The country code of a US state or a country, maybe after directions ("Northern New Mexico")."""
    rest = without_direction(text, name) or name
    named = text[rest[0] : rest[1]]
    return "US" if us_state(named) is not None else country_of(named)


#: "Nangarhar province east of Kabul": a region, then a direction from a city that only locates it.
_REGION_THEN_DIRECTION = regex(
    r"\b(?:province|region|state|district|county|governorate)(?=\s+(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)?\s+of\s)", re.IGNORECASE)


#: "in the town of Nahrawan east of Baghdad": a name, then a direction from another place.
_NAME_THEN_DIRECTION = regex(
    r"\b[A-Z][\w'’-]{1,30}(?:\s+(?:village|town|city|district|municipality))?(?P<gap>\s+)"
    r"(?=(?:some\s+|about\s+)?(?:\d[\d,.]*\s*(?:km|kms|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+[A-Z])")


def without_direction_tails(text: str, chunks: list[Chunk]) -> None:
    """Cut a chunk's "east of Kabul" after a region word: the region is the place's, not Kabul; and
    split "Nahrawan east of Baghdad" in two, as if a comma stood before the direction."""
    for k in range(len(chunks) - 1, -1, -1):
        chunk = chunks[k]
        if " of " not in text[chunk.start : chunk.end]:
            continue
        if (m := _REGION_THEN_DIRECTION.search(text, chunk.start, chunk.end)) is not None:
            chunks[k] = Chunk(chunk.start, m.end())
        elif (m := _NAME_THEN_DIRECTION.search(text, chunk.start, chunk.end)) is not None:
            chunks[k : k + 1] = [Chunk(chunk.start, m.start("gap")), Chunk(m.end("gap"), chunk.end)]


#: "eastern Ghouta", "the western Bekaa": a compass word (lower case) before a name fills the chunk.
DIRECTION_AREA = regex(
    r"(?:(?:in|at|on)\s+)?(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|"
    r"central|upper|lower)\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s*$"
)


def direction_area(text: str, chunk: Chunk, cc: str | None) -> Span | None:
    """The span of an area named with a compass word that is no town of the country."""
    m = DIRECTION_AREA.match(text, chunk.start, chunk.end)
    if m is None or (cc and find_city(m.group("name"), country=cc) is not None):
        return None
    return m.span("name")


#: "..., a town in southeastern Bangladesh", "..., a host city for the 2018 World Cup": a phrase
#: that describes the place named before it.
_APPOSITIVE = regex(
    r"an?\s+(?P<words>(?:[\w-]+\s+){0,3}?)(?:town|city|village|suburb|port|district|area|region|province|island|commune)"
    r"\b(?:\s+(?P<prep>in|of|on|near|for|outside)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?P<where>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}))?"
)


def without_appositives(text: str, chunks: list[Chunk]) -> tuple[str, Span] | None:
    """Drop the appositive chunks among the last three (the place is the chunk before one);
    the country a last one names ("a town in southeastern Bangladesh"), if it names one."""
    country = None
    for k in range(len(chunks) - 1, max(0, len(chunks) - 4), -1):
        chunk = chunks[k]
        if text[chunk.start] not in "aA" or (m := _APPOSITIVE.match(text, chunk.start, chunk.end)) is None:
            continue
        if m.group("where") and m.group("prep") in ("in", "of") and (code := country_of(m.group("where"))):
            country = country or (code, m.span("where"))
        elif m.group("where") and m.group("prep") in ("in", "of", "near", "outside") and (
                code := region_country(m.group("where"))
                or getattr(find_city(m.group("where"), primary_only=True), "country_code", None)):
            country = country or (code, (chunk.start, chunk.start))  # "a suburb of Rome": Italy
        elif (people := [c for w in m.group("words").split() if w[:1].isupper() and (c := demonym_country(w))]):
            country = country or (people[-1], (chunk.start, chunk.start))  # "Lampedusa, an Italian island"
        del chunks[k]
    return country
