"""The picture desk's flows, driven headless through Textual's Pilot on real archives."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_tui_support import FIXED_ROWS, build_archive, plain, record_for, settle
from textual.widgets import Checkbox, Input, Select, Static

from catalog.archive import Archive
from tui.app import CatalogApp
from tui.screens.detail import DetailScreen
from tui.screens.edit import EditScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.widgets.detail import DetailPane
from tui.widgets.filters import FilterPanel

SIZE = (100, 30)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "desk.db")


def cells(app: CatalogApp, column: int) -> list[str]:
    """The text of one column of the results table, top to bottom."""
    table = app.results_table
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def type_search(pilot, text: str, *, keys: bool = False) -> None:
    """Search for ``text``: pressed key by key, or pasted in one go (quicker)."""
    search = pilot.app.search_input
    search.focus()
    if keys:
        await pilot.press(*text)
    else:
        search.value = text
    await pilot.pause(0.2)  # past the debounce
    await settle(pilot)


async def test_search_as_you_type(db: Path) -> None:
    app = CatalogApp(db, editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # First screen: every photo, newest first (* marks file photos), with the count.
        assert cells(app, 0) == ["2024-09-03", "2024-03-05", "2023-01-07*", "2023-01-07*",
                                 "2022-06-12"]
        assert "5 photos" in str(app.status_line.render())
        await type_search(pilot, "bakh", keys=True)  # half a word is enough
        assert cells(app, 3) == ["Bakhmut, Ukraine", "Bakhmut, Ukraine"]
        assert set(cells(app, 2)) == {"Clodagh Kilcoyne"}
        assert "2 photos" in str(app.status_line.render())
        # What people really type never breaks the screen.
        for text in ['"', "AND", "-", 'howitzer "near', "(*)", "bakhmut OR"]:
            await type_search(pilot, text)
            assert "failed" not in str(app.status_line.render()), text
        assert app.is_running


async def test_narrow_by_agency_file_photo_and_dates(db: Path) -> None:
    app = CatalogApp(db, editor="tester", show_filters=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        agency = app.query_one("#facet-agency", Select)
        labels = [str(prompt) for prompt, _ in agency._options]
        assert "Reuters (2)" in labels and "AP (1)" in labels
        app.query_one(FilterPanel).choose("agency", "AFP")
        await settle(pilot)
        assert cells(app, 1) == ["AFP"]
        app.query_one(FilterPanel).choose("agency", None)
        await settle(pilot)
        app.query_one("#file-photo", Checkbox).value = True
        await settle(pilot)
        assert cells(app, 1) == ["Reuters", "Reuters"]
        app.query_one("#file-photo", Checkbox).value = False
        app.query_one("#date-from", Input).value = "2024"
        await settle(pilot)
        assert cells(app, 0) == ["2024-09-03", "2024-03-05"]
        app.query_one("#date-to", Input).value = "2024-06"
        await settle(pilot)
        assert cells(app, 0) == ["2024-03-05"]
        app.query_one("#date-to", Input).value = ""
        app.query_one("#date-from", Input).value = ""
        await settle(pilot)
        years = app.query_one("#facet-year", Select)
        assert [value for _, value in years._options if isinstance(value, str)] == [
            "2024", "2023", "2022"]
        assert "2023 (2)" in [str(prompt) for prompt, _ in years._options]
        app.query_one(FilterPanel).choose("year", "2023")  # a year fills the range
        await settle(pilot)
        assert app.query_one("#date-from", Input).value == "2023"
        assert (app.request.date_from, app.request.date_to) == ("2023-01-01", "2023-12-31")
        assert cells(app, 1) == ["Reuters", "Reuters"]
        app.query_one("#date-from", Input).value = "2024"
        app.query_one("#date-to", Input).value = "2024-06"
        await settle(pilot)
        # Half-typed or wrong: marked invalid, the last good bound stays in force.
        app.query_one("#date-to", Input).value = "2024-13"
        await settle(pilot)
        assert app.query_one("#date-to", Input).has_class("-invalid")
        assert app.request.date_to == "2024-06-30"
        app.query_one("#date-to", Input).value = ""
        app.query_one("#date-from", Input).value = ""
        app.query_one("#has-conflict", Checkbox).value = True
        await settle(pilot)
        assert cells(app, 1) == ["AFP"]
        await pilot.press("f3")
        await settle(pilot)
        assert app.request.order == "relevance"
        assert "newest first" in str(app.status_line.render())  # no words: nothing to rank
        await type_search(pilot, "ferry")
        assert "by relevance" in str(app.status_line.render())


async def test_results_page_lazily_as_the_cursor_nears_the_end(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "big.db", filler=245)
    app = CatalogApp(db, editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.results_table.row_count == 100
        assert "100+ photos" in str(app.status_line.render()) or "250 photos" in str(
            app.status_line.render())
        app.results_table.focus()
        for _ in range(4):
            await pilot.press("pagedown", "pagedown", "pagedown", "end")
            await settle(pilot)
        assert app.results_table.row_count == 250
        assert "250 photos" in str(app.status_line.render())
        assert len(set(app.results_table.photo_ids())) == 250


async def test_open_detail_shows_caption_fields_picture_and_other_uses(db: Path) -> None:
    app = CatalogApp(db, editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await type_search(pilot, "howitzer frontline")
        app.results_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DetailScreen) and screen.photo_id == 1
        pane = screen.query_one(DetailPane)
        caption = pane.query_one("#caption", Static).render()
        assert "frontline town of Bakhmut" in str(caption)
        styled = {str(caption)[span.start:span.end] for span in caption.spans}
        assert {"Bakhmut", "Clodagh Kilcoyne", "January 7, 2023"} <= styled
        assert "Canon EOS R5" in plain(pane.query_one("#camera", Static))
        assert pane.query_one("#picture").display is True
        uses = pane.query_one("#other-uses")
        assert uses.option_count == 1 and uses.get_option_at_index(0).id == "2"
        uses.focus()
        await pilot.press("enter")  # jump to the other use
        await settle(pilot)
        assert screen.photo_id == 2
        assert "Photo 2" in str(screen.query_one("#detail-status", Static).render())
        await pilot.press("ctrl+f")  # straight back to typing
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen) and app.focused is app.search_input
        # Conflicts between caption and camera are spelled out.
        await type_search(pilot, "ferry")
        app.results_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        text = plain(app.screen.query_one("#conflicts", Static))
        assert "3 days" in text and "2024-03-02" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen) and app.focused is app.results_table


async def test_correction_saved_survives_reimport_and_is_undone(db: Path) -> None:
    app = CatalogApp(db, editor="ed.itor")
    async with app.run_test(size=SIZE) as pilot:
        await type_search(pilot, "springfield")
        app.results_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one("#edit-date", Input).value = "3 Sept 2024"  # refused: not ISO
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "not a date" in str(form.query_one("#edit-error", Static).render())
        form.query_one("#edit-date", Input).value = "2024-09-03"
        form.query_one("#edit-city", Input).value = "Springfield Township"
        form.query_one("#edit-file_photo", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)

        with Archive(db) as archive:
            row = archive.get(3)
            assert row["city"] == "Springfield Township" and row["file_photo"] == 1
            assert {c["field"] for c in archive.history(3)} == {"city", "file_photo"}
            assert {c["editor"] for c in archive.history(3)} == {"ed.itor"}
            # A re-import of the same file must not overwrite the editor's value.
            archive.upsert_photos([record_for(FIXED_ROWS[2], 3)])
            assert archive.get(3)["city"] == "Springfield Township"
        assert cells(app, 3) == ["Springfield Township, United States"]

        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        city_row = next(i for i, item in enumerate(history.history) if item["field"] == "city")
        history.query_one("#history-table").move_cursor(row=city_row)
        await pilot.press("u")
        await settle(pilot)
        with Archive(db, readonly=True) as archive:
            assert archive.get(3)["city"] == "Springfield"
            assert archive.get(3)["file_photo"] == 1
            undone = [c for c in archive.history(3) if c["field"] == "city"]
            assert undone[0]["undone_at"]


async def test_export_current_results_as_csv_and_json_lines(db: Path, tmp_path: Path) -> None:
    app = CatalogApp(db, editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await type_search(pilot, "bakhmut")
        for suffix in ("csv", "jsonl"):
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#export-path", Input).value = str(tmp_path / "out.csv")
            app.screen.query_one(f"#fmt-{suffix}").value = True  # the name follows the format
            await pilot.pause()
            assert app.screen.query_one("#export-path", Input).value.endswith(f"out.{suffix}")
            await pilot.press("enter")
            await settle(pilot)
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()))
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    for exported in (rows, [json.loads(line) for line in lines]):
        assert [row["city"] for row in exported] == ["Bakhmut", "Bakhmut"]
        assert {row["photographer"] for row in exported} == {"Clodagh Kilcoyne"}


async def test_copy_help_theme_and_command_palette(db: Path) -> None:
    app = CatalogApp(db, editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await type_search(pilot, "madrid")
        await pilot.press("ctrl+y")
        assert app.clipboard == FIXED_ROWS[4]["caption"]
        app.results_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("k")
        assert app.clipboard == "EPA-EFE/JUAN PEREZ"
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = plain(app.screen.query_one("#help-body", Static))
        for screen_class in (CatalogApp, DetailScreen, EditScreen, HistoryScreen, ExportScreen):
            for binding in screen_class.BINDINGS:
                assert binding.description in body, binding
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"export")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExportScreen)


async def test_missing_archive_is_reported_not_a_traceback(tmp_path: Path) -> None:
    app = CatalogApp(tmp_path / "nope.db", editor="tester")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert "Search failed" in str(app.status_line.render())
