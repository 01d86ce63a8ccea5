"""The parser's faster scans give the answers of the plainer code they replaced.

Each property runs the scan and the plain version it stands in for (kept here, as it
was written before) on hostile text: Turkish I, long s, Kelvin sign, marks, odd spaces.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.captions import credits, dates, notes, placenames, placewords
from catalog.captions.formats import base, getty
from catalog.captions.normalize import fold_case
from catalog.captions.placenames import Chunk

_WORDS = ["in", "IN", "İN", "ın", "of", "the", "near", "outside", "into", "à", "près", "Kevin", "fountain",
          "city", "the old walled", "Lyon", "on", "2024", "(AFP)", "at", "taken", "London", "Berlin", "este",
          "ESTE", "nesta", "March", "MARCH", "march", "Sept.", "Mai", "mayo", "Jan.Feb", "Kasım", "KASIM",
          "ſept", "5", "05", "—", "-", ",", ".", "'", "’", "(", ")", "_"]
_SEPARATORS = [" ", "  ", ", ", ",", "\n", ". ", "-", "", "\u00a0", "\t"]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs))


def _placed_by_search(text: str, chunk: Chunk, name: tuple[int, int]) -> bool:
    """``placewords.placed`` as it was: the cheap word test, then the pattern searched."""
    lead = text[max(chunk.start, name[0] - 40) : name[0]]
    if not lead.strip() or name[0] - chunk.start <= 4:
        return True
    if not lead[-1:].isspace():
        return False
    if not any(fold_case(word).endswith(placewords._PLACE_LEAD_WORDS) for word in lead.split()[-5:]):
        return False
    start = placewords.last_words_start(lead, 0, len(lead), 5)
    return placewords._PLACE_LEAD.search(lead, start) is not None


@settings(max_examples=400, deadline=None)
@given(texts, st.text(alphabet="Lyon", min_size=1, max_size=4))
def test_placed_tries_the_pattern_where_the_search_would_find_it(lead: str, name: str) -> None:
    text = lead + name
    chunk, span = Chunk(0, len(text)), (len(lead), len(text))
    assert placewords.placed(text, chunk, span) == _placed_by_search(text, chunk, span)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_trailing_connective_keeps_its_matches(text: str) -> None:
    old = r"(?:[\s,]+" + placewords._CONNECTIVE + r")+[\s.]*$"
    expected = re.compile(old, re.IGNORECASE).search(text[-60:])
    found = placewords.TRAILING_CONNECTIVE.search(text[-60:])
    assert (found and found.span()) == (expected and expected.span())
    if expected is not None:
        assert placewords.may_end_connective(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_month_words_are_the_words_the_loop_found(text: str) -> None:
    by_loop = [m.span() for m in dates._WORD.finditer(text) if m.group(0).rstrip(".").lower() in dates._MONTHS]
    found = [(s, e + (text[e : e + 1] == ".")) for s, e in dates._month_words(text, 0)]
    assert found == by_loop


_MORE = ["ARCHIVO", "Archiv", "archıv", "ARQUIVO", "rchie", "Staff", "ſtaff", "STAFF", "Photo", "photo", "Foto",
         "Picture", "by", ":", "Livepic", "LIVEPIC", "Action", "Images", "IMAGES", "ımages", "ıMAGES", "OUT",
         "ABOUT", "warehouse", "USE", "uſe", "SALE", "SALES", "tpx", "NOTE", "Editorial", "Mandatory", "Credit",
         "Kyiv", "on", "in", "the", "north", "southern", "China's", "de", "el", "x"]
more_texts = st.lists(st.tuples(st.sampled_from(_WORDS + _MORE), st.sampled_from(_SEPARATORS)), max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs))


def _chunks_as_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``placenames.chunks`` as it was written before it became one pass."""
    out, pos = [], start
    comma = text.find(",", start, end)
    while comma >= 0:
        out.append((pos, comma))
        pos = comma + 1
        comma = text.find(",", pos, end)
    out.append((pos, end))
    trimmed = []
    for c_start, c_end in out:
        piece = text[c_start:c_end]
        stripped = piece.lstrip()
        s = c_start + len(piece) - len(stripped)
        e = s + len(stripped.rstrip(placenames._TRAILING_JUNK))
        if e > s and e < c_end and text[e] == "." and placenames.keeps_period(placenames._last_token(text, s, e + 1)):
            e += 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


@settings(max_examples=400, deadline=None)
@given(more_texts)
def test_cheap_guards_never_reject_what_their_pattern_matches(text: str) -> None:
    upper = text.upper()
    any_keyword = any(word in upper for words in notes._KEYWORDS for word in words)
    assert (notes._ANY_KEYWORD.search(upper) is not None) == any_keyword
    if base._FILE_MARKER_STEM.search(text):
        folded = fold_case(text)
        assert "rchi" in folded or "rquiv" in folded
    if credits._LABEL_START.match(text):
        assert fold_case(text[:12]).startswith(credits._LABEL_FIRST_WORDS)
    old_dangling = re.compile(getty._DANGLING_WORDS.pattern.removeprefix("(?=[, ])"))
    assert getty._DANGLING_WORDS.sub("", text) == old_dangling.sub("", text)
    for start in (0, len(text) // 3):
        assert [(c.start, c.end) for c in placenames.chunks(text, start, len(text))] == \
            _chunks_as_before(text, start, len(text))


def _dates_as_before(text: str, year_hint: int | None, day_first: bool) -> list[dates.DateMatch]:
    """``dates.find_dates`` as it was: every word of the text tried as a month, numbers from the start."""
    found: list[dates.DateMatch] = []
    if dates._DIGIT.search(text) is None:
        return found
    for word in dates._WORD.finditer(text):
        if word.group(0).rstrip(".").lower() not in dates._MONTHS:
            continue
        m = dates._MONTH_FIRST.match(text, word.start())
        if m is None:
            m = dates._DAY_FIRST.search(text, max(0, word.start() - 16), min(len(text), word.end() + 14))
            if m is not None and m.start("month") != word.start():
                m = None
        if m is None or not dates._month_word_ok(m.group("month")):
            continue
        match = dates._named(m, year_hint, m.group("month"), m.group("day"), m.group("year"))
        if match is not None:
            found.append(match if m.group("weekday") else dates._with_weekday(text, match))
    for m in dates._NUMERIC.finditer(text):
        if m.group("sep") == "-" and len(m.group("year")) < 4:
            continue  # dashes only with a four-digit year (PA's "14-07-2024")
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if year < 100:
            if not day_first:
                continue
            year += 2000 if year <= 69 else 1900
        if a > 12 or b > 12:
            day, month = (a, b) if a > 12 else (b, a)
        else:
            day, month = (a, b) if (day_first or m.group("sep") != "/") else (b, a)
        if (date := dates._make(year, month, day)) is not None:
            found.append(dates.DateMatch(date, m.start(), m.end(), m.group(0), False, True, month, day))
    for m in dates._ISO.finditer(text):
        month, day = int(m.group("month")), int(m.group("day"))
        if (date := dates._make(int(m.group("year")), month, day)) is not None:
            found.append(dates.DateMatch(date, m.start(), m.end(), m.group(0), False, True, month, day))
    return dates._without_overlaps(found)


_DATE_WORDS = ["March", "MARCH", "march", "Sept.", "Mai", "Tuesday", "Tuesday,", "5", "05", "31", "2024", "1999",
               "5.", "05/03/2024", "5.3.24", "2024-03-05", "14-07-2024", "5-5-05", "de", "of", "Kasım", "KASIM", "Jan.Feb", "x", "in Lyon"]
date_texts = st.lists(st.tuples(st.sampled_from(_DATE_WORDS + _WORDS), st.sampled_from(_SEPARATORS)),
                      max_size=14).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=600, deadline=None)
@given(date_texts, st.sampled_from([None, 2019]), st.booleans())
def test_dates_are_found_as_before(text: str, year_hint: int | None, day_first: bool) -> None:
    found = dates.find_dates(text, year_hint=year_hint, day_first=day_first)
    assert found == _dates_as_before(text, year_hint, day_first)
