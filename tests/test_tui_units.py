"""The TUI's pure helpers and its CLI entry, without running the app."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_tui_support import FIXED_ROWS, build_archive

from tui.export import CSV_COLUMNS, export_rows, format_for
from tui.query import SearchRequest, parse_date_bound, place_of, settled_query
from tui.readers import ReaderPool, Superseded
from tui.screens.edit import changed_fields, history_text, valid_iso_date
from tui.widgets.caption_view import caption_text_and_spans, highlight_caption
from tui.widgets.detail import camera_name, camera_pairs, conflict_lines, parsed_pairs


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("", False, None), ("2023", False, "2023-01-01"), ("2023", True, "2023-12-31"),
    ("2024-02", True, "2024-02-29"), ("2023-12", True, "2023-12-31"),
    ("2023-02", False, "2023-02-01"), (" 2023-01-07 ", False, "2023-01-07"),
])
def test_date_bounds_from_what_an_editor_types(text: str, end: bool, expected: str) -> None:
    assert parse_date_bound(text, end=end) == expected


@pytest.mark.parametrize("text", ["2023-13", "20", "7 Jan 2023", "2023-02-30"])
def test_date_bounds_refuse_nonsense_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError, match=r"month|date"):
        parse_date_bound(text, end=False)


@pytest.mark.parametrize(("typed", "searched"), [
    ("p", ""), ("pr", "pr"), ("protesters h", "protesters"), ("protesters ha", "protesters ha"),
    ("protesters ", "protesters"), ("  ", ""), ('"a', '"a'), ("kyiv 2", "kyiv"),
])
def test_a_lone_first_letter_waits_for_the_second(typed: str, searched: str) -> None:
    assert settled_query(typed) == searched


def test_request_filters_and_order() -> None:
    request = SearchRequest(query="", agency="AP", file_photo=True, order="relevance")
    assert request.filters() == {"agency": "AP", "file_photo": True}
    assert request.effective_order() == "date"  # nothing to rank without words
    assert SearchRequest(query="ferry", order="relevance").effective_order() == "relevance"
    assert request.without("agency").filters() == {"file_photo": True}
    dated = SearchRequest(date_from="2023-01-01", date_to="2023-12-31", country="Ukraine")
    assert dated.without("year").filters() == {"country": "Ukraine"}


def test_place_column() -> None:
    assert place_of({"city": "Lyon", "country": "France"}) == "Lyon, France"
    assert place_of({"region": "Donetsk region"}) == "Donetsk region"
    assert place_of({}) == ""


def test_highlight_uses_the_parsers_text_and_ignores_bad_spans() -> None:
    row = {"caption": "RAW  text", "parsed_json": json.dumps({"text": "Lyon, France"}),
           "spans": json.dumps({"city": [0, 4], "country": [6, 12], "date": [5, 99],
                                "credit": "junk"})}
    text, spans = caption_text_and_spans(row)
    assert text == "Lyon, France" and spans == {"city": (0, 4), "country": (6, 12)}
    rendered = highlight_caption(row)
    assert {rendered.plain[s.start:s.end] for s in rendered.spans} == {"Lyon", "France"}
    assert caption_text_and_spans({"caption": "x", "spans": "{not json"}) == ("x", {})


def test_narrow_fields_paint_over_the_wider_ones_around_them() -> None:
    caption = "REUTERS/Ana Costa"
    row = {"caption": caption, "spans": json.dumps({"photographer": [8, 17], "credit": [0, 17]})}
    rendered = highlight_caption(row)
    # Rich applies later spans on top: the credit (wider) must come first.
    assert [caption[s.start:s.end] for s in rendered.spans] == [caption, "Ana Costa"]


def test_detail_pairs_mark_corrections_and_explain_conflicts() -> None:
    row = dict(FIXED_ROWS[3], id=4, corrected_fields='["city"]')
    parsed = dict(parsed_pairs(row))
    assert str(parsed["City"]) == "Lyon (corrected)" and parsed["Place"] == "Lyon, France [FR]"
    assert dict(camera_pairs(row, ["/a.jpg", "/b.jpg"]))["Paths"] == "/a.jpg\n/b.jpg"
    assert conflict_lines(row) == [
        "Caption date 2024-03-05 is 3 days from the camera's 2024-03-02."]
    assert conflict_lines({"has_conflict": 0}) == []
    assert camera_name("Canon", "Canon EOS R3") == "Canon EOS R3"
    assert camera_name("NIKON CORPORATION", "NIKON Z 9") == "NIKON CORPORATION NIKON Z 9"
    assert camera_name(None, "ILCE-1") == "ILCE-1"


def test_edit_form_helpers() -> None:
    assert valid_iso_date("") and valid_iso_date("2024-02-29")
    assert not valid_iso_date("2023-02-29") and not valid_iso_date("2024-2-9")
    row = {"city": "Lyon", "region": None, "file_photo": 0}
    assert changed_fields(row, {"city": "Lyon", "region": "", "file_photo": False}) == {}
    assert changed_fields(row, {"city": "Paris", "file_photo": True}) == {
        "city": "Paris", "file_photo": 1}
    history = [{"field": "city", "value": "Paris", "previous": "Lyon", "editor": "ana",
                "created_at": "2026-01-02T03:04:05", "undone_at": "2026-01-03T00:00:00"}]
    assert history_text(history, "city") == "2026-01-02 03:04 ana: Lyon → Paris (undone)"
    assert history_text(history, "date") == "No corrections yet."


def test_export_rows_csv_and_jsonl(tmp_path: Path) -> None:
    rows = [dict(FIXED_ROWS[0], id=1, rank=-3.2), dict(FIXED_ROWS[2], id=3)]
    assert export_rows(rows, tmp_path / "a.csv", "csv") == 2
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert list(read[0]) == list(CSV_COLUMNS)
    assert read[0]["caption"] == FIXED_ROWS[0]["caption"]
    assert export_rows(iter(rows), tmp_path / "a.jsonl", "jsonl") == 2
    first = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["photographer"] == "Clodagh Kilcoyne" and "rank" not in first
    with pytest.raises(ValueError, match="unknown export format"):
        export_rows(rows, tmp_path / "a.x", "xml")  # type: ignore[arg-type]
    assert format_for("x.CSV") == "csv" and format_for("x.json") == "jsonl"


def test_reader_pool_refuses_an_older_job_that_starts_late(tmp_path: Path) -> None:
    pool = ReaderPool(build_archive(tmp_path / "a.db"))
    old, new = pool.ticket(), pool.ticket()
    with pool.reader("search", new) as archive:
        assert archive.count() == 5
    with pytest.raises(Superseded), pool.reader("search", old):
        pass


def test_reader_pool_cancel_refuses_jobs_asked_for_earlier(tmp_path: Path) -> None:
    pool = ReaderPool(build_archive(tmp_path / "a.db"))
    earlier = pool.ticket()
    pool.cancel("count")
    with pytest.raises(Superseded), pool.reader("count", earlier):
        pass
    with pool.reader("count", pool.ticket()) as archive:
        assert archive.count("bakhmut") == 2


def test_reader_pool_interrupts_a_superseded_query(tmp_path: Path) -> None:
    pool = ReaderPool(build_archive(tmp_path / "a.db"))
    started, outcome = threading.Event(), []
    endless = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
               "SELECT count(*) FROM n")

    def slow() -> None:
        try:
            with pool.reader("search", pool_ticket) as archive:
                started.set()
                archive.db.execute(endless).fetchone()
        except Superseded:
            outcome.append("superseded")

    pool_ticket = pool.ticket()
    worker = threading.Thread(target=slow)
    worker.start()
    assert started.wait(5)
    with pool.reader("search", pool.ticket()):
        worker.join(5)
    assert outcome == ["superseded"] and not worker.is_alive()


def test_catalog_tui_command_is_added_without_importing_textual() -> None:
    code = ("import sys, catalog.cli as c; c.cli.load_plugins() if hasattr(c.cli, 'load_plugins') "
            "else None; import tui.plugin; "
            "print('tui' in c.cli.commands, 'textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()
    assert out == ["True", "False"]


def test_catalog_tui_refuses_a_missing_archive(tmp_path: Path) -> None:
    from catalog.cli import cli

    result = CliRunner().invoke(cli, ["tui", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no archive at" in result.output
