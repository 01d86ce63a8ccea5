"""Where a picture was taken: split the final place phrase into city, region and country.

``find_place(text, start, end)`` reads the comma-separated chunks of a segment
(usually the first sentence up to its date) from the end: a country or US state,
then an optional region, then the city, which is the trailing proper name of its
chunk ("the frontline Donbas city of Bakhmut" -> Bakhmut). Distance phrases
("245 km east of Budapest") are skipped; "Iraq's ... city of Basra" and "the
southeastern Spanish town of Ibi" give the country. ``resolve(phrase)`` does the
same for a phrase that is only a place ("Springfield, Ill.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from catalog.captions.gazetteer import (
    City,
    country_code,
    country_name,
    demonym_country,
    find_city,
    us_state,
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: names as written, plus ISO code and coordinates when known."""

    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place found in text; spans index the text that was searched (None: not written)."""

    place: Place
    start: int
    end: int
    city_span: Span | None = None
    region_span: Span | None = None
    country_span: Span | None = None
    phrase_start: int | None = None  # where words like "in the town of" begin


_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")
#: Lower-case words that may sit inside a proper name ("Rio de Janeiro", "Stratford-upon-Avon").
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONNECTORS = _words(
    "de da do dos das del della di la le les el al upon on am an der den sur en y of and et im"
)
#: Words that end a place name even in capitals ("IN PARIS", "THE CITY OF").
_FUNCTION_WORDS = _words(
    """a an the in at on near from outside inside of to into by for with during after before
    as while and or but his her their its where which who that this these those
    is are was were be been being"""
)
#: Descriptive words: part of a name when capitalised ("Gaza City"), not in capitals text.
_DESCRIPTORS = _words(
    """city town village capital port region province district suburb area
    neighbourhood neighborhood county state oblast governorate prefecture municipality
    outskirts streets street centre center downtown northern southern
    eastern western central northeastern northwestern southeastern southwestern frontline
    island islands border camp"""
)
_REGION_WORDS = re.compile(
    r"\b(?:region|province|oblast|state|county|prefecture|district|governorate|department|"
    r"territory|canton|krai|republic|municipality)\b",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    r"\b\d[\d,.]*\s?(?:km|kms|kilomet(?:er|re)s?|miles?|mi|metres|meters|m)\b.{0,40}?\b(?:of|from)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})['’]s\b")
_TRAILING_JUNK = " \n,.;:-–—"
_AMBIGUOUS_STATES = {"WA": ("washington", "US"), "NY": ("new york", "US"), "GA": ("georgia", "GE")}


def _is_proper(token: str, shouting: bool, *, last: bool = False) -> bool:
    word = token.strip(".'’-")
    if not word:
        return False
    lower = word.lower()
    if lower in _FUNCTION_WORDS or (shouting and not last and lower in _DESCRIPTORS):
        return False
    if word[0].isupper():
        return True
    return bool(re.match(r"(?:al|el|ad|as|ash|ar|an|az|at|ad-)-[A-Z]", word))


def tail_name(text: str, start: int, end: int, *, shouting: bool = False) -> Span | None:
    """Span of the proper name that ends the segment ``text[start:end]``, if any."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    if not tokens:
        return None
    first = None
    i = len(tokens) - 1
    while i >= 0:
        s, e = tokens[i]
        tok = text[s:e]
        if _is_proper(tok, shouting, last=i == len(tokens) - 1):
            first = i
        elif tok.lower() in _CONNECTORS and first is not None and not shouting:
            pass
        else:
            break
        i -= 1
    if first is None:
        return None
    s = tokens[first][0]
    e = tokens[-1][1]
    while e > s and text[e - 1] in ".'’-" and not _keeps_period(text[s:e]):
        e -= 1
    return (s, e) if e > s else None


def _keeps_period(name: str) -> bool:
    """Abbreviations such as U.S., Ill., N.Y., D.C. keep their final period."""
    return us_state(name) is not None or country_code(name) is not None


def _last_token(text: str, start: int, end: int) -> str:
    cut = max(text.rfind(" ", start, end), start - 1)
    return text[cut + 1 : end]


@dataclass
class _Chunk:
    start: int
    end: int


def _chunks(text: str, start: int, end: int) -> list[_Chunk]:
    out: list[_Chunk] = []
    pos = start
    for m in re.finditer(r",", text[start:end]):
        out.append(_Chunk(pos, start + m.start()))
        pos = start + m.end()
    out.append(_Chunk(pos, end))
    trimmed = []
    for c in out:
        s, e = c.start, c.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in _TRAILING_JUNK:
            e -= 1
        if e > s and e < c.end and text[e] == "." and _keeps_period(_last_token(text, s, e + 1)):
            e += 1
        if e > s:
            trimmed.append(_Chunk(s, e))
    return trimmed


_TRAILING_CONNECTIVE = re.compile(r"(?:[\s,]+(?:on|in|at|taken|el|le|am|em|no|na|on\s+the))+\s*$", re.IGNORECASE)


def _country_of(name: str) -> str | None:
    code = country_code(name)
    if code is None and name.lower().startswith("the "):
        code = country_code(name[4:])
    return code


def find_place(text: str, start: int = 0, end: int | None = None) -> PlaceMatch | None:
    """The place phrase that ends ``text[start:end]`` (see module docstring)."""
    end = len(text) if end is None else end
    segment = text[start:end]
    cut = _TRAILING_CONNECTIVE.search(segment[-40:]) if segment else None
    if cut:
        end = start + len(segment) - (len(segment[-40:]) - cut.start())
    shouting = _shouting(text[start:end])
    chunks = _chunks(text, start, end)
    while chunks and _DISTANCE.search(text[chunks[-1].start : chunks[-1].end]):
        chunks.pop()
    if not chunks:
        return None
    return _read_chunks(text, chunks, shouting)


def _shouting(segment: str) -> bool:
    letters = [ch for ch in segment if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) / len(letters) > 0.9


def _read_chunks(text: str, chunks: list[_Chunk], shouting: bool) -> PlaceMatch | None:
    i = len(chunks) - 1
    last = chunks[i]
    tail = tail_name(text, last.start, last.end, shouting=shouting)
    if tail is None:
        return None
    cc: str | None = None
    state: str | None = None
    country_span: Span | None = None
    region_span: Span | None = None
    city_span: Span | None = None
    name = text[tail[0] : tail[1]]
    prev_tail = _prev_city_tail(text, chunks, i, shouting)
    if (code := _country_of(name)) is not None and not _georgia_state(code, name, text, prev_tail):
        cc, country_span = code, tail
    elif (st := us_state(name)) is not None and not _state_is_city(st, text, prev_tail):
        cc, state, region_span = "US", st, tail
    else:
        split = _split_inside(text, tail)
        if split is None:
            city_span = tail
        else:
            city_span, (cc, state, region_span, country_span) = split
    if city_span is None:
        i -= 1
        while i >= 0 and _DISTANCE.search(text[chunks[i].start : chunks[i].end]):
            i -= 1
        if i >= 0:
            chunk = chunks[i]
            ctail = tail_name(text, chunk.start, chunk.end, shouting=shouting)
            cname = text[ctail[0] : ctail[1]] if ctail else ""
            if (cc == "US" and state is None and ctail and (st := us_state(cname))
                    and not _state_is_city(st, text, _prev_city_tail(text, chunks, i, shouting))):
                state, region_span = st, ctail
                i -= 1
            elif region_span is None and _REGION_WORDS.search(text[chunk.start : chunk.end]):
                region_span = _region_span(text, chunk, shouting)
                i -= 1
            elif region_span is None and ctail and ctail[0] == _lead_trimmed(text, chunk):
                before = _prev_city_tail(text, chunks, i, shouting)
                if before and find_city(text[before[0] : before[1]], country=cc) and not find_city(cname, country=cc):
                    region_span = ctail
                    i -= 1
            if i >= 0 and i < len(chunks):
                chunk = chunks[i]
                ctail = tail_name(text, chunk.start, chunk.end, shouting=shouting)
                if ctail and _country_of(text[ctail[0] : ctail[1]]) is None:
                    city_span = ctail
    if cc is None and city_span is not None:
        cc = _country_from_context(text, chunks, city_span)
    match = _build(text, city_span, region_span, country_span, cc, state)
    if match is not None:
        chunk_start = next((c.start for c in chunks if c.start <= match.start <= c.end), match.start)
        lead = _LEAD_PHRASE.search(text, chunk_start, match.start)
        if lead is not None:
            match = replace(match, phrase_start=lead.start())
    return match


#: Words before a place that belong to the place phrase: "in", "near the frontline Donbas city of".
_LEAD_PHRASE = re.compile(
    r"(?:\b(?:in|at|near|from|outside|inside|over|across|to)\s+)?(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,5}?(?:city|town|village|port|capital|suburb|district|region|province|area|"
    r"outskirts|streets|state|island|commune|municipality|hamlet)\s+of\s+$"
    r"|\b(?:in|at|near|from|outside|inside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _georgia_state(code: str, name: str, text: str, prev_tail: Span | None) -> bool:
    """"Georgia" after a US city is the state."""
    if code != "GE" or prev_tail is None:
        return False
    city = find_city(text[prev_tail[0] : prev_tail[1]])
    us_city = find_city(text[prev_tail[0] : prev_tail[1]], country="US", admin1="GA")
    return us_city is not None and (city is None or city.country_code != "GE")


def _state_is_city(state: str, text: str, prev_tail: Span | None) -> bool:
    """"Washington" or "New York" with no city before it is the city, not the state."""
    if state not in ("WA", "NY"):
        return False
    if prev_tail is None:
        return True
    return find_city(text[prev_tail[0] : prev_tail[1]], country="US") is None and state == "WA"


def _prev_city_tail(text: str, chunks: list[_Chunk], i: int, shouting: bool) -> Span | None:
    if i == 0:
        return None
    chunk = chunks[i - 1]
    return tail_name(text, chunk.start, chunk.end, shouting=shouting)


def _split_inside(text: str, tail: Span) -> tuple[Span, tuple] | None:
    """"Lyon France" without a comma: a country or state at the end of the name."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, tail[0], tail[1])]
    for k in range(min(4, len(tokens) - 1), 0, -1):
        s = tokens[-k][0]
        suffix = text[s : tail[1]]
        city_end = tokens[-k - 1][1]
        city_span = (tail[0], city_end)
        if (code := _country_of(suffix)) is not None:
            return city_span, (code, None, None, (s, tail[1]))
        if (st := us_state(suffix)) is not None and len(suffix) > 2:
            return city_span, ("US", st, (s, tail[1]), None)
    return None


def _lead_trimmed(text: str, chunk: _Chunk) -> int:
    m = re.match(r"(?:(?:in|at|near|the|outside)\s+)*", text[chunk.start : chunk.end], re.IGNORECASE)
    return chunk.start + (m.end() if m else 0)


def _region_span(text: str, chunk: _Chunk, shouting: bool) -> Span:
    s = _lead_trimmed(text, chunk)
    prev = tail_name(text, chunk.start, chunk.end, shouting=shouting)
    words = text[s : chunk.end]
    m = re.search(r"(?:[A-Z][\w'’-]*\s+){1,4}" + _REGION_WORDS.pattern, words)
    if m:
        return (s + m.start(), s + m.end())
    return prev or (s, chunk.end)


def _country_from_context(text: str, chunks: list[_Chunk], city_span: Span) -> str | None:
    """"Iraq's southern port city of Basra", "the southeastern Spanish town of Ibi"."""
    chunk_start = next((c.start for c in chunks if c.start <= city_span[0] <= c.end), city_span[0])
    lead = text[chunk_start : city_span[0]]
    for m in reversed(list(_POSSESSIVE.finditer(lead))):
        if (code := _country_of(m.group(1))) is not None:
            return code
    for word in reversed(re.findall(r"[A-Z][a-z]+", lead)):
        if (code := demonym_country(word)) is not None:
            return code
    return None


def _build(text: str, city_span: Span | None, region_span: Span | None,
           country_span: Span | None, cc: str | None, state: str | None) -> PlaceMatch | None:
    city_name = text[city_span[0] : city_span[1]] if city_span else ""
    city: City | None = None
    if city_name:
        city = find_city(city_name, country=cc, admin1=state) or (
            find_city(city_name, country=cc) if cc else None
        )
        if city is None and cc is None:
            city = find_city(city_name, primary_only=True)
        if city is not None and cc is None:
            cc = city.country_code
    if not (city_name or country_span or region_span):
        return None
    if city_name and not (cc or region_span or city):
        return None  # a capitalised word with nothing to confirm it is a place
    country = text[country_span[0] : country_span[1]] if country_span else (country_name(cc) if cc else "")
    place = Place(
        city=city_name,
        region=text[region_span[0] : region_span[1]] if region_span else "",
        country=country,
        country_code=cc or "",
        lat=city.lat if city else None,
        lon=city.lon if city else None,
    )
    spans = [s for s in (city_span, region_span, country_span) if s]
    return PlaceMatch(place, min(s[0] for s in spans), max(s[1] for s in spans),
                      city_span, region_span, country_span)


def resolve(phrase: str) -> Place | None:
    """Resolve a phrase that is only a place ("Lyon, France", "Springfield, Ill.", "Bakhmut")."""
    match = find_place(phrase)
    return match.place if match else None
