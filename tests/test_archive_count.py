"""Archive.count: text alone is counted in the FTS index; with filters, as search finds."""

from __future__ import annotations

import pytest

from catalog.archive import Archive

CAPTIONS = [
    ("Firefighters battle a blaze in Lyon", "Reuters", "2024-03-01"),
    ("Firefighters rest after the blaze", "AFP", "2023-07-09"),
    ("A ferry leaves the harbour", "Reuters", "2022-01-15"),
    ("Ferry passengers wave", "AP", None),
]


@pytest.fixture
def counted(tmp_archive: Archive) -> Archive:
    tmp_archive.db["photos"].insert_all(
        {"id": n, "content_hash": str(n), "caption": text, "agency": agency, "date": date}
        for n, (text, agency, date) in enumerate(CAPTIONS, 1))
    return tmp_archive


@pytest.mark.parametrize("query", ["firefighters", "blaze", "ferr", '"the blaze"', "ferry -",
                                   "AND", "nothing-here", ""])
def test_count_agrees_with_search(counted: Archive, query: str) -> None:
    assert counted.count(query) == len(counted.search(query, limit=None))
    assert counted.count(query, agency="Reuters") == len(
        counted.search(query, agency="Reuters", limit=None))


def test_text_alone_is_counted_without_reading_photos(counted: Archive) -> None:
    statements: list[str] = []
    counted.db.conn.set_trace_callback(statements.append)
    try:
        assert counted.count("firefighters") == 2
        assert counted.count("ferry", date_from="2022") == 1
    finally:
        counted.db.conn.set_trace_callback(None)
    counts = [s for s in statements if s.startswith("SELECT count(*)")]  # not FTS5's own
    assert len(counts) == 2
    assert "FROM photos_fts WHERE" in counts[0] and "FROM photos " not in counts[0]
    assert "FROM photos WHERE" in counts[1]  # a filter reads the photos rows
