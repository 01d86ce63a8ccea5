"""Text typed by a person becomes a safe FTS5 query: hostile strings never raise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.archive import Archive
from catalog.archive.fts import to_fts_query
from catalog.captions.model import Caption
from catalog.records import PhotoRecord


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """Two photos: Bakhmut (id 1) and Lyon (id 2)."""
    captions = [Caption(raw="Smoke over Bakhmut, Ukraine. REUTERS/Ann Lee", city="Bakhmut",
                        country="Ukraine", agency="Reuters", photographer="Ann Lee"),
                Caption(raw="A ferry in Lyon, France. REUTERS/Ana Costa", city="Lyon",
                        country="France", agency="Reuters", photographer="Ana Costa")]
    with Archive(tmp_path_factory.mktemp("fts") / "a.db") as archive:
        archive.upsert_photos([
            PhotoRecord(f"{n:064x}", f"/p/{n}.jpg", 1, 1, columns={"caption": c.raw}, caption=c)
            for n, c in enumerate(captions)], None)
        yield archive


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


HOSTILE = ['"', '""', '"""', "-", "--", "AND", "OR", "NOT", "a AND", "AND b", "NOT bakhmut",
           "bakhmut NOT", "*", "bakh*", "(", ")", "(bakhmut", "^", "^bakhmut", ":", "city:",
           "nope:bakhmut", "NEAR(a b)", "a + b", "'", "bakhmut's", '"unclosed phrase',
           "x AND -y", "\x00", "\\", "%", "_", "🙂", "Zürich", "a" * 2000, "OR OR OR", "-bakhmut",
           "{col}", "[x]", "photos_fts", "rank", "'; DROP TABLE photos; --"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_never_raises(small_archive: Archive, query: str) -> None:
    for order in ("relevance", "date"):
        assert isinstance(small_archive.search(query, order=order), list)
    assert small_archive.count(query) >= 0
    assert isinstance(small_archive.facets("agency", query), list)
    assert small_archive.count() == 2


def test_hostile_queries_still_find(small_archive: Archive) -> None:
    assert ids(small_archive.search('"bakhmut')) == [1]
    assert ids(small_archive.search("bakhmut AND")) == [1]
    assert ids(small_archive.search("-bakhmut")) == [1]       # nothing to subtract from: a plain word
    assert ids(small_archive.search("bakhmut's")) == []        # tokenised as "bakhmut" "s"


QUERY_ALPHABET = st.sampled_from([*'"-*^:()+ \'ANDORNOTnear', "AND", "OR", "NOT", "city:",
                                  "bakhmut", "lyon", " ", "\t", "é", "東京", "\x00"])


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(max_size=40), st.lists(QUERY_ALPHABET, max_size=12).map("".join)))
def test_any_typed_text_searches_without_error(small_archive: Archive, text: str) -> None:
    for order in ("relevance", "date"):
        rows = small_archive.search(text, order=order)
        assert len(rows) <= 2
    assert small_archive.count(text) == len(small_archive.search(text, limit=None))


@pytest.mark.parametrize(("typed", "fts"), [
    ("bakh", '"bakh"*'),
    ("bakhmut ", '"bakhmut"'),
    ('"file photo" reut', '"file photo" "reut"*'),
    ('"unclosed', '"unclosed"*'),
    ("kyiv -protest ", '"kyiv" NOT "protest"'),
    ("kyiv AND -protest ", '"kyiv" NOT "protest"'),
    ("AND -protest ", '"-protest"'),
    ("a OR OR b ", '"a" OR "b"'),
    ("NOT x ", '"x"'),
    ("city:lyon ", 'city : "lyon"'),
    ("nope:lyon ", '"nope:lyon"'),
    ('say "hi', '"say" "hi"*'),
    ("- * ^ ( ) :", ""),
])
def test_typed_text_to_fts(typed: str, fts: str) -> None:
    assert to_fts_query(typed) == fts
