"""The words around a place phrase, and the cheap tests before the patterns that read them.

A place phrase may trail connectives that are no place ("..., on", "in Lyon, 2024"),
be led by words that belong to it ("in the frontline Donbas city of"), end with a
region word ("Donetsk region", "province of"), or follow a place word ("in", "near the").
Each end-anchored pattern here comes with a test on the last words that is much
cheaper than searching it and never rejects what it would match (``places`` asks them).
"""

from __future__ import annotations

import re

from catalog.captions import placenames
from catalog.captions.dates import find_dates
from catalog.captions.normalize import fold_case
from catalog.captions.placenames import Chunk, Span
from catalog.regexcache import regex

REGION_WORDS = regex(
    r"\b(?:region|province|oblast|state|county|prefecture|district|governorate|department|"
    r"territory|canton|krai|republic|municipality|regency|banner|taluka|tehsil|raion|rayon|countryside)\b",
    re.IGNORECASE,
)
#: A chunk that ends with a region word ("Donetsk region", "Kyiv Oblast"), not "district of Izmir".
REGION_AT_END = regex(REGION_WORDS.pattern + r"\W*$", re.IGNORECASE)
REGION_OF = regex(
    r"\b(?:(?:region|province|state|oblast|governorate|prefecture|county|department|canton)\s+of"
    r"|(?:provincia|estado|distrito|departamento|regi[oó]n|regi[aã]o|municipio|concelho|oblast)\s+de"  # Spanish, Portuguese
    r"|(?:provincia|regione)\s+di"  # Italian: "Cefalù, in provincia di Palermo"
    r"|(?:canton|d[ée]partement|commune|r[ée]gion)\s+(?:de|du)"  # French: "dans le canton de Fribourg"
    r"|(?:Kanton|Landkreis|Bezirk))\s+$",  # German: "im Kanton Graubünden"
    re.IGNORECASE,
)

_CONNECTIVE = (r"(?:on|in|at|taken|el|le|am|em|no|na|on\s+the|late|early|(?-i:este|esta|neste|nesta)|[(][^()]{0,30}[)]|"
               r"(?:on\s+)?(?-i:the\s+same|that|the\s+next|the\s+following)\s+day|"  # "... of Benghazi on the same day"
               r"(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d)")
#: ``(?:[\s,]+CONNECTIVE)+[\s.]*$``, written to start with its first character class so that the
#: search skips, at C speed, every position that cannot start a match.
TRAILING_CONNECTIVE = regex(rf"[\s,][\s,]*{_CONNECTIVE}(?:[\s,]+{_CONNECTIVE})*[\s.]*$", re.IGNORECASE)
#: Words before a place that belong to the place phrase: "in", "near the frontline Donbas city of".
#: (ends in "of": the only one that can match) "near the frontline Donbas city of ".
LEAD_PHRASE_OF = regex(
    r"\b(?:(?:in|at|near|from|outside|inside|over|across|to)\s+)?the\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:city|town|village|port|capital|suburb|district|region|province|area|"
    r"outskirts|streets|state|island|commune|municipality|hamlet|resort)\s+of\s+$",
    re.IGNORECASE,
)
#: (ends in a preposition or "the") "in ", "near the ".
LEAD_PHRASE_IN = regex(r"\b(?:in|at|near|from|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)
#: Last words that the end-anchored patterns below can end with (cheap tests before them).
_CONNECTIVE_ENDINGS = ("on", "in", "at", "taken", "el", "le", "am", "em", "no", "na", "the", "este", "esta",
                       "late", "early", "day")  # "in Damascus late on December 22", "... on the same day"
_CONNECTIVE_WORDS = frozenset(_CONNECTIVE_ENDINGS) | {"neste", "nesta"}
_LEAD_PHRASE_ENDINGS = ("in", "at", "near", "from", "outside", "inside", "the")
_PLACE_LEAD_WORDS = tuple(placenames.words(
    """in at near outside from of to into across over around off through toward towards above along
    inside on onto past en em no na im am bei nahe de del da do por pelo dans à au près di"""
))


def may_end_connective(segment: str) -> bool:
    """Cheap test: ``segment`` may end in what ``TRAILING_CONNECTIVE`` removes."""
    tail = segment[-60:]
    while tail and (tail[-1].isspace() or tail[-1] == "."):
        tail = tail.rstrip().rstrip(".")
    if not tail:
        return False
    if tail[-1] == ")" or tail[-1].isdigit():
        return True
    folded = fold_case(tail)  # a removed word follows a space or a comma: "London" does not end in "on"
    return (folded.endswith(_CONNECTIVE_ENDINGS)
            and folded.rsplit(None, 1)[-1].rsplit(",", 1)[-1] in _CONNECTIVE_WORDS)


def ends_in_word(text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """Cheap test: ``text[start:end]`` ends in a space after a word ending one of ``endings``."""
    if end <= start or not text[end - 1].isspace():
        return False
    return fold_case(text[start:end].rstrip()[-12:]).endswith(endings)


_REGION_WORD_LIST = ("region", "province", "oblast", "state", "county", "prefecture", "district", "governorate",
                     "department", "territory", "canton", "krai", "republic", "municipality", "regency",
                     "banner", "taluka", "tehsil", "raion", "rayon", "countryside")


def region_at_end(words: str) -> bool:
    """``REGION_AT_END`` after a cheap test: the last word ends like a region word."""
    end = len(words)
    while end and not (words[end - 1].isalnum() or words[end - 1] == "_"):
        end -= 1  # the pattern allows non-word characters after the region word
    return fold_case(words[max(0, end - 16) : end]).endswith(_REGION_WORD_LIST) and (
        REGION_AT_END.search(words) is not None)


def lead_phrase(text: str, start: int, end: int) -> re.Match[str] | None:
    """Words before a place that belong to its phrase, ending ``text[start:end]``.

    The last word tells which of the two patterns can match; each is searched only over the
    words it can span (8: "in the frontline Donbas city of "; 2: "near the ").
    """
    if end <= start or not text[end - 1].isspace():
        return None
    last = fold_case(text[start:end].rstrip()[-12:])
    if last.endswith("of"):
        return LEAD_PHRASE_OF.search(text, last_words_start(text, start, end, 8), end)
    if last.endswith(_LEAD_PHRASE_ENDINGS):
        return LEAD_PHRASE_IN.search(text, last_words_start(text, start, end, 2), end)
    return None


def last_words_start(text: str, start: int, end: int, n: int) -> int:
    """Where the last ``n`` whitespace-separated words of ``text[start:end]`` begin (about)."""
    parts = text[start:end].rsplit(None, n)
    return start + len(parts[0]) if len(parts) > n else start


def region_of(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends "region of ", "province of " ..."""
    return (ends_in_word(text, start, end, _REGION_OF_ENDINGS)
            and REGION_OF.search(text, start, end) is not None)


_REGION_OF_ENDINGS = ("of", "de", "di", "du", "kanton", "landkreis", "bezirk")


_PLACE_LEAD = regex(
    r"\b(?:in|at|near|outside|from|of|to|into|across|over|around|off|through|towards?|above|along|"
    r"inside|on|onto|past|en|em|no|na|im|am|bei|nahe|de|del|da|do|por|pelo|dans|à|au|près|di)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


_PLACE_LEAD_SET = frozenset(_PLACE_LEAD_WORDS)
_PLACE_LEAD_LENGTHS = sorted({len(w) for w in _PLACE_LEAD_WORDS})


def placed(text: str, chunk: Chunk, name: Span) -> bool:
    """A city candidate stands alone in its chunk or follows a place word ("in", "city of")."""
    lead = text[max(chunk.start, name[0] - 40) : name[0]]
    if not lead.strip() or name[0] - chunk.start <= 4:
        return True
    if not lead[-1:].isspace():
        return False  # cheap exits before the pattern: it ends in a space, after a place word
    # A match spans at most 5 words ("in the old walled Lyon ") and its place word ends one of
    # them: try the pattern only where a place word ends a word, from the last word back.
    folded = fold_case(lead)  # as long as ``lead``: offsets agree
    pos = len(folded)
    for word in reversed(folded.split()[-5:]):
        pos = folded.rindex(word, 0, pos)
        if word.endswith(_PLACE_LEAD_WORDS):
            for n in _PLACE_LEAD_LENGTHS:
                if n <= len(word) and word[-n:] in _PLACE_LEAD_SET and _PLACE_LEAD.match(lead, pos + len(word) - n):
                    return True
    return False


#: Words that make a weekday a holiday ("Ash Wednesday", "Good Friday", "Black Friday").
_HOLIDAY_WORDS = r"(?:Ash|Good|Black|Super|Holy|Easter|Maundy|Cyber|Palm|Shrove|Whit)"
#: Such a word left before a date that took its weekday: "... on Ash " before "Wednesday, Feb. 22, 2023".
_HOLIDAY_BEFORE_DATE = regex(rf"\s+on\s+{_HOLIDAY_WORDS}\s*$")
_TRAILING_WEEKDAY = regex(
    r"[\s,]+(?:(?:on|this|last|le|el|am|este|esta|ce|nesta|neste|questo)\s+)?"
    rf"(?:{_HOLIDAY_WORDS}\s+)?"  # "on Ash Wednesday": a day
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:lun|mar|mercre|jeu|vendre|same|diman)di|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|(?:lune|marte|mercole|giove|vener)dì|sabato|domenica"
    r"|(?:Mon|Diens|Mittwo|Donners|Frei|Sams|Sonn)(?:tag|ch))[\s.,]*$", re.IGNORECASE)


#: The cheap test before _TRAILING_WEEKDAY: how a weekday ends, in the languages it knows.
_WEEKDAY_END = regex(r"(?:day|di|che|es|go|dì|ato|ica|tag|woch)[\s.,]*$", re.IGNORECASE)


_PART_OF_A_NAME = regex(r"\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z]\w+[\s.,]*$")


_DIGIT = regex(r"\d")


def day_tail(segment: str) -> int | None:
    """Where a weekday without a date ends ``segment`` ("..., mardi", "on Tuesday."), or a date
    that the caller left there (a day without its year: "em 18 de junho."), or where a
    holiday's first word does, the weekday having gone with the date ("... on Ash " before
    "Wednesday, Feb. 22, 2023"); else None."""
    if segment and segment[-1] in " hdkrymet" and (holiday := _HOLIDAY_BEFORE_DATE.search(segment[-16:])) is not None:
        return len(segment) - len(segment[-16:]) + holiday.start()
    if _DIGIT.search(segment, max(0, len(segment) - 30)) is not None:
        tail = segment[-30:]  # "em Figueiro dos Vinhos em 18 de junho.": a day without its year
        dated = [d for d in find_dates(tail) if not tail[d.end :].strip(" .,")]
        if dated:
            return len(segment) - len(tail) + dated[-1].start
    if _WEEKDAY_END.search(segment[-14:]) is None:
        return None
    m = _TRAILING_WEEKDAY.search(segment[-24:])
    if m is None or _PART_OF_A_NAME.match(m.group(0)):
        return None  # "in Santo Domingo": a capitalised foreign weekday after a name is the name's
    return len(segment) - len(segment[-24:]) + m.start()


#: "their win against Saudi Arabia", "Spain v Italy": a country just after these words is a team.
OPPONENT_BEFORE = regex(r"\b(?:against|versus|vs\.?|v\.?|beat|beats|defeat|defeats|defeated)\s+(?:the\s+)?$")
