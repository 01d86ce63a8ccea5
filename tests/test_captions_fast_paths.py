"""The parser's cheap tests and hand-written scans agree with the patterns they stand in for.

Speed work put cheap tests (substrings, last words) before regular expressions and
replaced a few patterns by plain scans. These properties check, on hostile
alphabets (Turkish I, long s, Kelvin sign, marks, spaces), that a cheap test never
rejects what the pattern would match and that each scan gives the pattern's answer.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.captions import credits, notes
from catalog.captions import placelocators as loc
from catalog.captions import placewords as pw
from catalog.captions.formats import base
from catalog.captions.normalize import fold_case

_WORDS = ["in", "IN", "İN", "ın", "of", "the", "near", "outside", "uſe", "use", "warehouse", "city",
          "region", "Oblast", "on", "2024", "(AFP)", "at", "taken", "Police", "ministry", "via", "VİA",
          "Lyon", "border", "of the", "—", "-", ",", ".", "OUT", "ABOUT", "No", "Use", "restricted"]
_SEPARATORS = [" ", "  ", ", ", "\n", ". ", "-", ""]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=10).map(
    lambda pairs: "".join(w + s for w, s in pairs))


def test_fold_case_matches_ignorecase_letters() -> None:
    assert fold_case("İN ıN ſ K Lyon") == "in in s k lyon"
    assert fold_case("ASCII Only") == "ascii only"


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cheap_tests_never_reject_a_pattern_match(text: str) -> None:
    end = len(text)
    if pw.LEAD_PHRASE_OF.search(text) or pw.LEAD_PHRASE_IN.search(text):
        found = pw.lead_phrase(text, 0, end)
        assert found is not None
    if pw.TRAILING_CONNECTIVE.search(text[-60:]):
        assert pw.may_end_connective(text)
    if pw.REGION_AT_END.search(text):
        assert pw.region_at_end(text)
    if pw.REGION_OF.search(text):
        assert pw.region_of(text, 0, end)
    if loc.NOT_PLACE_CHUNK.match(text):
        assert fold_case(text[:12]).startswith(loc.NOT_PLACE_STARTS)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scans_agree_with_the_patterns_they_replace(text: str) -> None:
    assert credits._has_org_word(text) == (credits._ORG_WORDS.search(text) is not None)
    squashed = " ".join(text.split())
    stripped = squashed.rstrip(" .([")
    cut = max(0, len(stripped) - 60)
    dangling = base._DANGLING.search(stripped, cut)
    expected = dangling.start() if dangling else len(stripped)
    assert base._dangling_start(stripped, cut) == expected


def test_lead_phrase_keeps_its_start() -> None:
    text = "Soldiers walk in the frontline Donbas city of Bakhmut"
    at = text.index("Bakhmut")
    assert pw.lead_phrase(text, 0, at).start() == text.index("in the frontline")


def test_word_start_note_rules_ignore_words_that_only_contain_the_key_word() -> None:
    assert notes.find_notes("Workers at a warehouse about to close, museum staff") == []
    kinds = [n.value for n in notes.find_notes("Use restricted to news sites. CHINA OUT")]
    assert kinds == ["usage_terms", "territory_out:CN"]
