"""Find dates in caption text, in every agency's style.

Handled: ``March 5, 2024`` · ``Sept. 3, 2024`` · ``MARCH 05`` · ``Tuesday, Sept. 3,
2024`` · ``05 March 2024`` · ``5. März 2024`` · ``5 de marzo de 2024`` · ``01/10/2016``
· ``05.03.2024`` · ``2024-03-05``. Month names come from ``vocab/months.json``.
A date without a year takes ``year_hint`` and says so (``year_from_hint``); without
a hint it is reported with ``date=None`` so a format can still see and remove it.
Every pattern is linear: bounded repeats only.

Numeric dates: a number above 12 is the day wherever it stands; otherwise a dotted
date (05.03.2024) is always day-first (no house style writes month.day.year), and a
slashed one (05/03/2024) is day-first only when the caller says so (``day_first``):
the formats choose, day-first everywhere except US house styles (AP, a US place;
see ``formats.body.describe``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from catalog.captions.normalize import fold_case, word_tree
from catalog.captions.vocab import load_json
from catalog.regexcache import regex

_MONTHS: dict[str, int] = {}
for _lang, _table in load_json("months.json").items():
    if not _lang.startswith("_"):
        _MONTHS.update(_table)
_WEEKDAYS: list[str] = load_json("weekdays.json")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_RE = rf"(?P<month>{_alternation(list(_MONTHS))})\.?"
_WEEKDAY_RE = rf"(?:(?P<weekday>{_alternation(_WEEKDAYS)})\.?,?\s{{1,3}})?"
_YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"  # French "1er juin", Spanish "1º de mayo"

#: Month first: "Sept. 3, 2024", "MARCH 05", "March 5 2024", matched where a month word starts
#: (the loop in ``find_dates`` has checked the word; no weekday name is also a month name, so the
#: weekday group never takes part here: ``_with_weekday`` looks for one before the month).
_MONTH_FIRST = regex(
    rf"(?:(?P<weekday>(?!)))?(?P<month>[^\W\d_]{{3,12}})(?:\.?\s{{1,3}}|\.(?=\d)){_DAY_RE}\b(?:\s?[-–]\s?[0-3]?\d\b)?(?:(?:,\s{{0,3}}|\s{{1,3}}){_YEAR_RE}\b)?",  # also "September 1,2016"
    re.IGNORECASE,
)
#: "March, 27, 2017": a comma after the month, only with a year ("in March, 27 people ..." is no date).
_MONTH_COMMA_DAY = regex(
    rf"(?:(?P<weekday>(?!)))?(?P<month>[^\W\d_]{{3,12}}),\s{{1,2}}{_DAY_RE},\s{{0,2}}{_YEAR_RE}\b", re.IGNORECASE)
#: Day first: "05 March 2024", "5. März 2024", "5 de marzo de 2024", "Tuesday 5 March".
_DAY_FIRST = regex(
    rf"\b{_WEEKDAY_RE}{_DAY_RE}\.?\s{{1,3}}(?:de\s|of\s)?\s{{0,2}}{_MONTH_RE}"
    rf"(?:,?\s{{1,3}}(?:de\s{{1,3}})?{_YEAR_RE}\b)?(?![\w-])",
    re.IGNORECASE,
)
_DIGIT = regex(r"\d")
#: A word of 3 to 12 letters that starts like a month name (the loop checks the month table).
_WORD = regex(
    rf"\b(?=[{''.join(sorted({m[0] for m in _MONTHS} | {m[0].upper() for m in _MONTHS}))}])[^\W\d_]{{3,12}}\b\.?"
)
#: The ASCII month names as whole words of lower-case text (see ``_month_words``).
_ASCII_MONTH = regex(rf"\b{word_tree([m for m in _MONTHS if m.isascii()])}\b")
_WEEKDAY_BEFORE = regex(rf"\b(?:{_alternation(_WEEKDAYS)})\.?,?\s{{1,3}}$", re.IGNORECASE)
_WEEKDAY_ENDINGS = tuple(w.lower() for w in _WEEKDAYS)
#: Numeric: 01/10/2016, 01.10.2016, 2016-10-01.
#: "05/03/2024", "05.03.2024", and PA's "14-07-2024" (with dashes, only with a four-digit year).
_NUMERIC = regex(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)\b")
_NUMERIC_HINT = regex(r"\d[/.-]\d")  # every numeric date holds one: a cheap scan first
_ISO = regex(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in text: ``text[start:end]`` is what was matched."""

    date: dt.date | None
    start: int
    end: int
    text: str
    year_from_hint: bool = False
    has_year: bool = True
    month: int = 0
    day: int = 0


def is_month_word(word: str) -> bool:
    """Whether ``word`` (any case, a period allowed) names a month in a language we read."""
    return word.lower().rstrip(".") in _MONTHS


def _make(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _named(m: re.Match[str], year_hint: int | None, month_word: str, day_text: str,
           year_text: str | None) -> DateMatch | None:
    """The date that a month-name match ``m`` writes (its groups given, as read once)."""
    month = _MONTHS.get(month_word.lower().rstrip("."))
    day = int(day_text)
    if month is None or not 1 <= day <= 31:
        return None
    start, end = m.span()
    if year_text:
        date = _make(int(year_text), month, day)
        if date is None:
            return None
        return DateMatch(date, start, end, m.group(0), False, True, month, day)
    date = _make(year_hint, month, day)
    return DateMatch(date, start, end, m.group(0), date is not None, False, month, day)


def _with_weekday(text: str, match: DateMatch) -> DateMatch:
    """Extend a match over a weekday just before it ("Tuesday, Sept. 3, 2024")."""
    before = text[max(0, match.start - 16) : match.start]
    if not before[-1:].isspace() or not fold_case(before.rstrip().rstrip(",").rstrip(".")).endswith(_WEEKDAY_ENDINGS):
        return match  # cheap exit: no weekday just before
    wd = _WEEKDAY_BEFORE.search(before)
    if wd is None:
        return match
    start = match.start - (len(before) - wd.start())
    if (text[start].isupper() and _NAME_BEFORE_WEEKDAY.search(text, max(0, start - 20), start)
            and not wd.group(0).lower().rstrip(" ,.").endswith("day")):
        return match  # "in Santo Domingo October 24": a name's last word, not Sunday
    return DateMatch(match.date, start, match.end, text[start : match.end], match.year_from_hint,
                     match.has_year, match.month, match.day)  # dataclasses.replace, without its cost


_NAME_BEFORE_WEEKDAY = regex(r"\b[A-Z][\w'’-]*\s$")
#: English month words that are also ordinary words, in lower case ("you may", "the march").
_ORDINARY_MONTH_WORDS = frozenset({"may", "march", "august"})


def _month_word_ok(word: str) -> bool:
    """Reject month words that are ordinary words ("may", "march") in mixed-case text (EFE's
    lower-case "10 mar 2024" is a month)."""
    return word[0].isupper() or word.lower().rstrip(".") not in _ORDINARY_MONTH_WORDS


def _month_words(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the words from ``pos`` on that ``_WORD`` reads and the month table knows, each
    without its period. In ASCII text the prefix-tree pattern finds exactly those (lower()
    keeps offsets and word edges there), without a Python step per word."""
    if text.isascii():
        return [m.span() for m in _ASCII_MONTH.finditer(text.lower(), pos)]
    return [(w.start(), w.end() - w.group(0).endswith(".")) for w in _WORD.finditer(text, pos)
            if w.group(0).rstrip(".").lower() in _MONTHS]


def find_dates(
    text: str, *, year_hint: int | None = None, day_first: bool = False
) -> list[DateMatch]:
    """Every date in ``text``, in order of position, overlapping matches resolved.

    ``day_first`` reads slashed dates such as 01/10/2016 as day/month (sports
    headers, European agencies); otherwise month/day. Either way a number above
    12 is the day, and dotted dates (01.10.2016) are day/month.
    """
    found: list[DateMatch] = []
    digit = _DIGIT.search(text)
    if digit is None:
        return found
    # Every date holds a digit, and a month word more than 14 characters before the first one
    # cannot join a day (month first: at most 10 letters, a period and 3 spaces before it).
    first = digit.start()
    words_from = max(0, first - 20)
    for word_start, word_end in _month_words(text, words_from):
        m = _MONTH_FIRST.match(text, word_start)
        if m is None and text[word_end : word_end + 1] == ",":
            m = _MONTH_COMMA_DAY.match(text, word_start)  # "Monday, March, 27, 2017": a stray comma
        if m is None:
            if text[word_end : word_end + 1] == ".":
                word_end += 1  # (as _WORD reads the word: with its period)
            m = _DAY_FIRST.search(text, max(0, word_start - 16), min(len(text), word_end + 14))
            if m is not None and m.start("month") != word_start:
                m = None
        if m is None:
            continue
        month_word, day_text, year_text, weekday = m.group("month", "day", "year", "weekday")
        if not _month_word_ok(month_word):
            continue
        match = _named(m, year_hint, month_word, day_text, year_text)
        if match is not None:
            found.append(match if weekday else _with_weekday(text, match))
    numeric = ("/" in text or "." in text or "-" in text) and _NUMERIC_HINT.search(text, first) is not None
    for m in _NUMERIC.finditer(text, first) if numeric else ():
        a_text, sep, b_text, year_text = m.group("a", "sep", "b", "year")
        if sep == "-" and len(year_text) < 4:
            continue  # "3-1-24" is no date anyone writes; a score or a code
        a, b, year = int(a_text), int(b_text), int(year_text)
        if year < 100:
            if not day_first:
                continue  # "24/9/16" only in day-first sports headers
            year += 2000 if year <= 69 else 1900
        if a > 12 or b > 12:  # a day above 12 decides by itself
            day, month = (a, b) if a > 12 else (b, a)
        else:
            day, month = (a, b) if (day_first or sep != "/") else (b, a)
        date = _make(year, month, day)
        if date is not None:
            found.append(DateMatch(date, m.start(), m.end(), m.group(0), False, True, month, day))
    for m in _ISO.finditer(text, first) if ("-0" in text or "-1" in text) else ():
        month, day = int(m.group("month")), int(m.group("day"))
        date = _make(int(m.group("year")), month, day)
        if date is not None:
            found.append(DateMatch(date, m.start(), m.end(), m.group(0), False, True, month, day))
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    """Keep the longest (then year-bearing) match where matches overlap."""
    if len(found) < 2:
        return found
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            prev = kept[-1]
            better = (match.has_year, match.end - match.start) > (prev.has_year, prev.end - prev.start)
            if better:
                kept[-1] = match
            continue
        kept.append(match)
    return kept


def first_date(
    text: str, *, year_hint: int | None = None, day_first: bool = False
) -> DateMatch | None:
    """The first date in ``text`` or ``None``."""
    dates = find_dates(text, year_hint=year_hint, day_first=day_first)
    return dates[0] if dates else None


_RELEASE_CONTEXT = regex(
    r"\b(?:released|issued|distributed|obtained|provided|published|posted|made\s+available|"
    r"handed\s+out|dated|filed|received)\s{1,3}"
    r"(?:on\s{1,3}|(?:by|from|through|on|to)\s(?:(?:the|of|and|for|official|state|state-run|news|agency|"
    r"(?-i:[A-Z(])[\w'’().-]*|(?!(?:shows?|showing|depicts?|taken|shot|captured|where|which|who|while|"
    r"during|as|in|at|near)\s)(?-i:[a-z][a-z-]{2,}))\s){1,12}on\s)?$",
    re.IGNORECASE,
)


_RELEASE_LAST_WORDS = frozenset({
    "on", "released", "issued", "distributed", "obtained", "provided", "published", "posted",
    "available", "out", "dated", "filed", "received",
})
_RELEASE_VERBS = ("released", "issued", "distributed", "obtained", "provided", "published", "posted",
                  "available", "handed", "dated", "filed", "received")
_TAKEN = regex(r"\btaken\s+(?:and|on|by)\b", re.IGNORECASE)
_RELEASED_IN_PLACE = regex(  # also "released to Reuters June 24, 2015"
    r"\b(?:released|distributed|issued|provided|supplied)\s+(?:(?:by|from)\s+[^.,]{0,80}?\s+in\s+|to\s+)"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s*,?\s*$", re.IGNORECASE)
_SAID_ON = regex(r"\b(?:said|announced|reported)\s{1,3}on\s{1,3}$", re.IGNORECASE)
_ISSUE_DATE = regex(r"\b(?:Issue|Release|Transmission)\s+date:\s*$", re.IGNORECASE)
_POSTED_AT = regex(r"\b(?:Posted|Published|Updated)\s+at\s*$", re.IGNORECASE)
_FILE_PICTURE_DATED = regex(r"\bfile\s+(?:picture|photo|photograph|image)\s+dated\s+$", re.IGNORECASE)


_RANGE_WORDS = frozenset({"and", "to", "until", "through"})
#: The end of a range of days: "between March 1 and", "from 1 to", "from Jan. 3 until".
_RANGE_BEFORE = regex(
    r"\b(?:between\s+(?:\w+\.?\s+)?\d{1,2}(?:\s+\w+)?(?:,?\s+\d{4})?\s+and|"
    r"from\s+(?:\w+\.?\s+)?\d{1,2}(?:\s+\w+)?(?:,?\s+\d{4})?\s+(?:to|until|through))\s+$",
    re.IGNORECASE,
)

_RANGE_AFTER = regex(r",?\s+(?:and|to|until|through)\s+(?:\w+\.?\s+)?\d{1,2}\b", re.IGNORECASE)

_RANGE_EDGE_WORDS = _RANGE_WORDS | {"between", "from"}


def in_range(text: str, match: DateMatch) -> bool:
    """True for either end of a range of days ("between March 1 and March 3, 2024"): no single
    day is the picture's, and the range stays in the subject as written."""
    before = text[max(0, match.start - 60) : match.start]
    words = before.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].lower()
    if last in _RANGE_WORDS:
        return _RANGE_BEFORE.search(before) is not None  # the range's last day
    if last in ("between", "from"):
        return _RANGE_AFTER.match(text, match.end) is not None  # the range's first day
    return False


def is_release_date(text: str, match: DateMatch) -> bool:
    """True when the words just before ``match`` make it a release/filing date, or the end of a
    range of days ("between March 1 and March 3, 2024"), not the picture's date."""
    before = text[max(0, match.start - 130) : match.start]
    words = before.rsplit(None, 1)
    if words and words[-1] == "date:" and _ISSUE_DATE.search(before):
        return True  # PA's "Issue date: Friday September 16, 2022" (its picture date is "Picture date:")
    if words and words[-1] == "at" and _POSTED_AT.search(before):
        return True  # a page's "Posted at Sep 07 2022 09:45 PM" above the caption
    if words and words[-1].lower() in _RANGE_EDGE_WORDS:
        return in_range(text, match)
    if words and words[-1][:1].isupper() and (" in " in before or " to " in before) and _RELEASED_IN_PLACE.search(before):
        return True  # Reuters' "in this picture released by KCNA in Pyongyang March 8, 2013"
    if not words or words[-1].lower().rstrip(",") not in _RELEASE_LAST_WORDS:
        return False  # cheap exit: the word before the date must be "on", "released", ...
    if _SAID_ON.search(before):
        return True  # "..., the Red Cross said on December 20, 2018": a statement's day
    lowered = fold_case(before)
    if not any(verb in lowered for verb in _RELEASE_VERBS):
        return False  # cheap exit: none of the pattern's verbs is written
    found = _RELEASE_CONTEXT.search(before)
    if found is None or _FILE_PICTURE_DATED.search(before, max(0, found.start() - 30)) is not None:
        return False  # EPA's "A file picture dated 05 October 2019 shows ...": the picture's own date
    taken = _TAKEN.search(before, max(0, found.start() - 30))
    # "taken and released on X": X is the picture's date too; but "taken on X and released on Y": Y is not
    return taken is None or (fold_case(taken.group(0)).endswith("on")
                             and _DIGIT.search(before, taken.end(), found.start()) is not None)
