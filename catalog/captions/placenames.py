"""Place names in running text: the proper name that ends a segment, and comma chunks.

Shared by ``places`` (and by formats that read datelines). A name is a run of
capitalised words, with particles inside ("Rio de Janeiro"), read from the end
of a segment; in text written in capitals, function and descriptive words end it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from catalog.captions.gazetteer import (
    City,
    country_code,
    demonym_country,
    find_city,
    region_country,
    us_state,
)
from catalog.regexcache import regex

Span = tuple[int, int]

_TOKEN = regex(r"[^\s,;:()\[\]\"“”]+")
_SHOUTED_LINE_START = regex(r"[A-Z]{2}[A-Z'’-]*\b")


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


#: Lower-case words that may sit inside a proper name ("Rio de Janeiro", "Stratford-upon-Avon").
_CONNECTORS = words(
    "de da do dos das del della delle dei di la las los le les el al upon on am an der den sur en y of and et im au aux"
    " pri nad pod sul sulla"  # "Brdo pri Kranju", "Ústí nad Labem", "Sant’Agata sul Santerno"
)
#: Words that end a place name even in capitals ("IN PARIS", "THE CITY OF").
FUNCTION_WORDS = words(
    """a an the in at on near from outside inside of to into by for with during after before
    as while and or but his her their its where which who that this these those
    is are was were be been being"""
)
#: Descriptive words: part of a name when capitalised ("Gaza City"), not in capitals text.
DESCRIPTORS = words(
    """city town village capital port region province district suburb area
    neighbourhood neighborhood county state oblast governorate prefecture municipality
    outskirts streets street centre center downtown northern southern
    eastern western central northeastern northwestern southeastern southwestern frontline
    island islands border camp"""
)
_TRAILING_JUNK = " \n,.;:-–—"
#: A place name is never longer than this many characters.
NAME_WINDOW = 90
_ARABIC_ARTICLE = regex(r"(?:al|el|ad|as|ash|ar|an|az|at)-[A-Z]")
#: An elided particle glued to a name: "Cortina d'Ampezzo", "Reggio nell'Emilia", "Villeneuve-d'Ascq".
_ELIDED_PARTICLE = regex(r"(?:(?:d|l|dell|nell|sull|all|dall)['’]|s-)[A-ZÀ-Þ]")  # also 's-Hertogenbosch
_INITIALS_END = regex(r"(?:\b[A-Z]\.){2,}$")


def is_proper(token: str, shouting: bool, *, last: bool = False) -> bool:
    word = token.strip(".'’-")
    if not word:
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS and not (last and not shouting and word[0].isupper()):
        return False  # but "Hoi An": a capitalised last word is a name
    if shouting and not last and lower in DESCRIPTORS:
        return False
    if word[0].isupper():
        return True
    return _ARABIC_ARTICLE.match(word) is not None or _ELIDED_PARTICLE.match(word) is not None


@lru_cache(maxsize=1024)
def tail_name(text: str, start: int, end: int, shouting: bool = False) -> Span | None:
    """Span of the proper name that ends the segment ``text[start:end]``, if any.

    Cached: the place reader asks about the same chunks several times per caption (it passes
    ``shouting`` by position: a keyword makes every cache look-up slower).
    """
    start = max(start, end - NAME_WINDOW)  # a place name is never longer than this
    if (line := text.rfind("\n", start, end)) >= 0 and _SHOUTED_LINE_START.match(text, line + 1, end):
        start = line + 1  # "... arrives in Fukushima\nTOKYO, Japan - ...": a headline, then a dateline
    if text.endswith(" city", start, end) and end - start > 6:  # "in Gaza city", "Kuwait city"
        named = tail_name(text, start, end - 5, shouting)
        if named is not None and find_city(text[named[0] : end]) is not None:
            return named[0], end
    for word in (" village", " town", " township", " municipality", " City Centre", " city centre", " town centre"):
        # "in Molyvos village", "in Catano municipality", "in York City Centre"
        if text.endswith(word, start, end) and end - start > len(word) + 2:
            return tail_name(text, start, end - len(word), shouting)
    # Words from the last one back (the token class reads the same reversed): stop at the first non-name.
    backwards = text[start:end][::-1]
    tokens: list[Span] = []  # last word first
    first = None
    for m in _TOKEN.finditer(backwards):
        s, e = m.span()
        s, e = end - e, end - s
        tokens.append((s, e))
        tok = text[s:e]
        if is_proper(tok, shouting, last=len(tokens) == 1):
            first = len(tokens) - 1
        elif tok == "i" and first is not None and not shouting and text[tokens[-2][0] : tokens[-2][1]] in ("la", "el", "les"):
            continue  # Catalan "Vilanova i la Geltrú" (not Nordic "Sala i Västmanland": "in")
        elif first is None or shouting or tok.lower() not in _CONNECTORS:
            if tok == "/" and first == len(tokens) - 2:
                named = _name_before_slash(text, start, s)
                if named is not None:
                    return named  # Getty's "in Sydney / Gadigal": the city, then its First Nations name
            break
    if first is None:
        return None
    if text[tokens[0][0] : tokens[0][1]] in _MONTHS:  # "in Berlin October, 2012", "in March."
        if first == 0:
            return None
        del tokens[0]
        first -= 1
    if (inner := _after_inner_preposition(text, tokens, first)) is not None:
        return inner
    if first + 1 < len(tokens):
        article = text[tokens[first + 1][0] : tokens[first + 1][1]]
        if article == "The":
            first += 1  # "The Hague", "The Gambia": a capitalised article belongs to the name
        elif article in ("A", "O") and find_city(text[tokens[first + 1][0] : tokens[0][1]]) is not None:
            first += 1  # Galician and Portuguese articles: "A Coruña", "O Porriño"
    s = tokens[first][0]
    e = tokens[0][1]
    if "(" in text[s:e] and ")" not in text[s:e] and (opening := text.index("(", s, e)) > s and (
            text[opening + 1 : e].isupper() and e - opening <= 4):
        e = len(text[:opening].rstrip())  # "em Porto Alegre (RS": a state's abbreviation is not the name's
    while e > s and text[e - 1] in ".'’-" and not keeps_period(text[s:e]):
        e -= 1
    if e - s > 8 and text.endswith(("Day", "Eve"), s, e) and (cut := text.rfind(" on ", s, e)) > s:
        e = cut  # "in Miyagi Prefecture on Children's Day": the place, then a holiday
    if (feature := _FEATURE_THEN_TOWN.match(text, s, e)) is not None and find_city(text[feature.end() : e]):
        s = feature.end()  # "in the Neva River St. Petersburg": a comma left out between river and city
    if (settlement := _SETTLEMENT_OF.match(text, s, e)) is not None:
        s = settlement.end()  # "in the Medieval Village of Ourem": Ourem
    if text[tokens[0][0] : tokens[0][1]] in _STREET_WORDS and first > 0:
        return None  # "on Koshytsa Street, a suburb of Kyiv": a street is no town
    if first > 0 and text[s:e].rpartition(" ")[2] in _HOLIDAY_ENDS and find_city(text[s:e]) is None:
        return None  # "the eve of Ethiopian Orthodox Easter", "Ahead of Children's Day": a holiday, not a town
    if first == 0 and (text[s:e] in _SKY or text[s:e] in _VENUE_WORDS):
        return None  # a lone "Center" of "Golden 1 Center" is no town either
    if text[e - 1] == "s" and _people(text[s:e].rpartition(" ")[2][:-1]) and not _known_place(text[s:e]):
        return None  # "a group of 300 sub-Saharan Africans", "the Houston Texans": people, not a town
    if text.startswith(("World War", "World Cup", "Richtung "), s):
        return None  # "in World War II", "at the 2014 World Cup in Brazil", German "in Richtung Berlin" (towards)
    return (s, e) if e > s else None


#: A capitalised settlement word before the name ("Historic Town of", "Village of", Xinhua's "Kazak
#: Autonomous County of Aksay"; not "City of London").
_SETTLEMENT_OF = regex(r"(?:(?:(?:Medieval|Historic|Ancient|Old|Fishing|Mountain|Border)\s+)?(?:Village|Town|Hamlet|Municipality)"
                       r"|(?:[A-Z][\w'’-]+\s+){0,2}Autonomous\s+(?:County|Prefecture|Banner))\s+of\s+(?=[A-Z])"  # not Xinhua's "Beiling Town of Xiayi County"
                       r"|(?:Stadt|Gemeinde|Ortschaft|Dorf)\s+(?=[A-Z])")  # German "in der Stadt Canoas"
#: A named river, lake, park or bridge run into the town's name ("Neva River St. Petersburg").
_FEATURE_THEN_TOWN = regex(r"(?:[A-Z][\w'’-]*\s+){1,3}(?:River|Lake|Park|Bridge|Square|Bay|Beach|Island)\s+(?=[A-Z])")
_STREET_WORDS = frozenset({"Street", "Avenue", "Boulevard", "Road", "Lane", "Square"})
_VENUE_WORDS = frozenset({"Center", "Centre", "Arena", "Stadium", "Hall", "Plaza", "Field", "Dome"})
#: Names of the sky, of the calendar and of armed groups that are also towns somewhere: never where
#: a picture was taken ("a coronal mass ejection on the Sun", "the holy month of Ramadan", "Hamas").
_HOLIDAYS = frozenset({"Ramadan", "Christmas", "Easter", "Eid", "Diwali", "Hanukkah", "Passover", "Lent", "Advent",
                       "Thanksgiving", "Halloween"})
_SKY = _HOLIDAYS | {"Sun", "Moon", "Mars", "Venus", "Jupiter", "Saturn", "Mercury", "Hamas", "Hezbollah",
                    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
#: Last words of a holiday's name ("Chinese New Year", "Christmas Eve", "Orthodox Easter").
_HOLIDAY_ENDS = _HOLIDAYS | {"Day", "Eve", "Year"}


#: Peoples named beyond nationality adjectives (demonyms.json), whose plural is no town.
_PEOPLES = frozenset({"African", "European", "Asian", "Arab", "Kurd", "Berber", "Bedouin", "Tamil", "Uyghur",
                      "Uighur", "Yazidi", "Pashtun", "Baloch", "Hazara", "Sikh", "Hindu", "Muslim", "Christian"})


def _people(word: str) -> bool:
    """``word`` names a people: a nationality's adjective ("Syrian") or one of _PEOPLES."""
    return word in _PEOPLES or demonym_country(word) is not None


def _known_place(name: str) -> bool:
    """The gazetteer knows ``name`` as a town, a country, a region or a US state."""
    return bool(find_city(name) or country_code(name) or region_country(name) or us_state(name))


def big_city(name: str) -> City | None:
    """A big city known by ``name``, also as an alternate spelling ("Herat" for Herāt)."""
    city = find_city(name)
    return city if city is not None and city.population >= BIG_TOWN else None


#: A month's name that ends a name run is a date's start, never the place ("March" is a town).
_MONTHS = frozenset(["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"])


#: Connectors that are also "in": a name run through one may be a venue, then its town.
_INNER_IN = frozenset({"en", "im"})
#: Divisions named after "im": the town comes before them ("Lebus im Landkreis Märkisch-Oderland").
_DIVISION_WORDS = frozenset({"Kanton", "Landkreis", "Kreis", "Bezirk", "Bundesland"})


def _after_inner_preposition(text: str, tokens: list[Span], first: int) -> Span | None:
    """"el Monumento a la Bandera en Rosario": the run of names holds an "en" (or German "im"),
    the whole run is no town the gazetteer knows and the part after it is (a town or a region:
    "Gebäuden im Donbass"): that part
    ("Freiburg im Breisgau" stays whole; its tail names no town)."""
    for k in range(1, first):
        if text[tokens[k][0] : tokens[k][1]] in _INNER_IN:
            if text[tokens[k - 1][0] : tokens[k - 1][1]] in _DIVISION_WORDS:  # "Filisur im Kanton Graubünden"
                return (tokens[first][0], tokens[k + 1][1])
            after, whole = text[tokens[k - 1][0] : tokens[0][1]], text[tokens[first][0] : tokens[0][1]]
            if find_city(whole) is not None:
                return None
            if find_city(after) is not None:
                return (tokens[k - 1][0], tokens[0][1])
            if region_country(after) is not None:  # "Grindelwald im Berner Oberland": the town, if known
                before = (tokens[first][0], tokens[k + 1][1])
                return before if find_city(text[before[0] : before[1]]) is not None else (tokens[k - 1][0], tokens[0][1])
            return None
    return None


def _name_before_slash(text: str, start: int, slash: int) -> Span | None:
    """The city the gazetteer knows just before a " / " ("Sydney / Gadigal"), else None."""
    before = text[start:slash].rstrip()
    cut = max(before.rfind(" "), before.rfind(","), -1) + 1
    name = before[cut:]
    if not name or not name[0].isupper() or find_city(name, primary_only=True) is None:
        return None
    return (start + cut, start + len(before))


def keeps_period(name: str) -> bool:
    """Abbreviations such as U.S., Ill., N.Y., D.C. keep their final period."""
    if _INITIALS_END.search(name):
        return True
    return us_state(name) is not None or country_code(name) is not None or (
        name.endswith(".") and region_country(name) is not None)  # Canadian Press's "Ont.", "Man."


def _last_token(text: str, start: int, end: int) -> str:
    cut = max(text.rfind(" ", start, end), start - 1)
    return text[cut + 1 : end]


#: People a town needs before a name that could mean something else is read as it ("Antakya of
#: Hatay province", "Iskenderun district of Hatay", the "Berlin" of "Berlin-Kreuzberg").
BIG_TOWN = 100_000


def is_acronym(name: str) -> bool:
    """"UN", "EU", "NHS": capitals of three letters or fewer, never a town in mixed-case text."""
    return len(name) <= 3 and name.isupper()


@dataclass(slots=True)
class Chunk:
    """A comma-separated piece of a segment: ``text[start:end]``, trimmed."""

    start: int
    end: int


def chunks(text: str, start: int, end: int) -> list[Chunk]:
    """The comma-separated pieces of ``text[start:end]``, each trimmed (empty ones left out)."""
    trimmed = []
    pos = start
    segment = text[start:end]
    pieces = segment.split(",")
    if "," in segment and _THOUSANDS.search(segment):  # "about 1,900 km from Jakarta": one piece
        pieces = _glue_thousands(pieces)
    for piece in pieces:
        piece_end = pos + len(piece)
        stripped = piece.lstrip()
        s = piece_end - len(stripped)
        e = s + len(stripped.rstrip(_TRAILING_JUNK))
        if e > s:
            if e < piece_end and text[e] == "." and keeps_period(_last_token(text, s, e + 1)):
                e += 1
            trimmed.append(Chunk(s, e))
        pos = piece_end + 1
    return trimmed


_THOUSANDS = regex(r"\d,\d{3}\b")


def _glue_thousands(pieces: list[str]) -> list[str]:
    """Join the pieces that a thousands separator split ("1" + "900 km ..." -> "1,900 km ...")."""
    joined: list[str] = []
    for piece in pieces:
        if (joined and joined[-1][-1:].isdigit() and len(piece) >= 3 and piece[:3].isdigit()
                and (len(piece) == 3 or not piece[3].isdigit())):
            joined[-1] = f"{joined[-1]},{piece}"
        else:
            joined.append(piece)
    return joined


def shouting(segment: str) -> bool:
    """True when the letters of ``segment`` are (almost) all capitals."""
    if sum(map(str.islower, segment[:24])) * 10 >= len(segment):
        return False  # cheap exit: already too many small letters (upper <= len - lower)
    upper = sum(map(str.isupper, segment))
    lower = sum(map(str.islower, segment))
    return upper + lower >= 8 and upper > 9 * lower


def token_spans(text: str, start: int, end: int) -> list[Span]:
    """Spans of the words of ``text[start:end]`` (commas, brackets and quotes excluded)."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def chunk_start(chunks: list[Chunk], pos: int) -> int:
    """Start of the first chunk that holds ``pos`` (``pos`` if none does)."""
    for c in chunks:
        if c.start <= pos <= c.end:
            return c.start
    return pos
