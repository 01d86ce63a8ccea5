"""The parser's faster scans give the answers of the plainer code they replaced.

Each property runs the scan and the plain version it stands in for (kept here, as it
was written before) on hostile text: Turkish I, long s, Kelvin sign, marks, odd spaces.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.captions import dates, placewords
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
    if text.isascii():
        by_pattern = [m.start() for m in dates._ASCII_MONTH.finditer(text.lower())]
        words = [dates._WORD.match(text, pos) for pos in by_pattern]
        found = [w.span() for w in words if w is not None and w.group(0).rstrip(".").lower() in dates._MONTHS]
        assert found == by_loop
