"""Picture-desk rough edges found by using the app, each pinned by a Pilot test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import build_archive, plain, settle
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from catalog.archive import Archive
from tui.app import CatalogApp
from tui.screens.detail import DetailScreen
from tui.screens.edit import EditScreen
from tui.screens.export import ExportScreen
from tui.screens.history import HistoryScreen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "desk.db")


async def open_highlighted(app: CatalogApp, pilot) -> DetailScreen:
    """Enter on the results' highlighted row; the photo page it opens."""
    app.results_table.focus()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DetailScreen)
    return app.screen


async def open_form(app: CatalogApp, pilot) -> EditScreen:
    """``e`` on the photo page; the correction form it opens."""
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, EditScreen)
    return app.screen


async def open_export(app: CatalogApp, pilot) -> ExportScreen:
    """``ctrl+o`` on the results; the export dialog it opens."""
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def test_results_cursor_stays_on_the_corrected_photo(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.results_table
        table.focus()
        await pilot.press("down", "down")
        chosen = table.photo_id_at_cursor()
        await open_highlighted(app, pilot)
        form = await open_form(app, pilot)
        form.query_one("#edit-city", Input).value = "Somewhere Else"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # Back on the results, the cursor is where the editor left it, not on row 1.
        assert table.cursor_row == 2
        assert table.photo_id_at_cursor() == chosen


@pytest.mark.parametrize(("typed", "said"), [
    ("2024-02-30", "Date 2024-02-30 does not exist: that month has no day 30."),
    ("2024-13-01", "Date 2024-13-01 does not exist: there is no month 13."),
    ("3 Sept 2024", "Date '3 Sept 2024' is not a date: write YYYY-MM-DD, e.g. 2024-09-03."),
])
async def test_correction_form_says_why_a_date_is_refused(db: Path, typed: str,
                                                          said: str) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_highlighted(app, pilot)
        form = await open_form(app, pilot)
        form.query_one("#edit-date", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused, the form stays open on the date
        assert str(form.query_one("#edit-error", Static).render()) == said
        assert app.focused is form.query_one("#edit-date", Input)
        # A real day (29 February of a leap year) is taken.
        form.query_one("#edit-date", Input).value = "2024-02-29"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.detail is not None and app.screen.detail.row["date"] == "2024-02-29"


async def test_a_field_cleared_by_a_correction_still_shows_on_the_photo(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_highlighted(app, pilot)
        form = await open_form(app, pilot)
        form.query_one("#edit-photographer", Input).value = ""  # the parser's name was wrong
        await pilot.press("ctrl+s")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert detail.detail is not None and not detail.detail.row.get("photographer")
        shown = plain(detail.query_one("#parsed", Static))
        assert "Photographer ∅ (cleared by a correction)" in " ".join(shown.split())


async def test_f2_goes_into_the_narrowing_panel_and_out_again(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.filter_panel
        assert not panel.display  # no room beside the results at 80 columns
        await pilot.press("f2")
        await settle(pilot)
        assert panel.display
        assert app.focused is panel.query_one("#facet-agency", Select)
        await pilot.press("tab")  # the next choice, not the panel itself
        assert app.focused is panel.query_one("#facet-photographer", Select)
        await pilot.press("f2")
        assert not panel.display
        assert app.focused is app.results_table
    async with CatalogApp(db, editor="ana").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app = pilot.app
        assert app.filter_panel.display and app.focused is app.search_input
        await pilot.press("f2")  # the panel is open already: f2 goes into it
        assert app.filter_panel.display
        assert app.focused is app.filter_panel.query_one("#facet-agency", Select)
        app.search_input.focus()
        await pilot.press("tab")
        assert app.focused is app.filter_panel.query_one("#facet-agency", Select)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_corrections_history_fits_its_dialog(db: Path, size: tuple[int, int]) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_highlighted(app, pilot)
        form = await open_form(app, pilot)
        form.query_one("#edit-photographer", Input).value = "Maria Fernanda Gonzalez-Iglesias"
        form.query_one("#edit-city", Input).value = "Santa Cruz de la Sierra Township"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#history-table", DataTable)
        # Every column, State last, is inside the dialog: nothing cut off at the right.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert list(table.get_column_at(5)) == ["in force", "in force"]
        shown = [str(cell) for cell in table.get_column_at(4)]
        assert any(cell.startswith("Maria Fer") for cell in shown), shown


def footer_keys(screen) -> list[str]:
    """What the footer at the bottom of ``screen`` offers."""
    from textual.widgets._footer import FooterKey

    return [key.description for key in screen.query(FooterKey)]


async def test_each_dialog_footer_shows_its_own_keys(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_highlighted(app, pilot)
        await open_form(app, pilot)
        # Not the photo page's "Correct", "History"… that the form's fields would eat.
        assert footer_keys(app.screen) == ["Save", "Cancel"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert footer_keys(app.screen) == ["Undo selected", "Close"]
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert footer_keys(app.screen) == ["Cancel"]
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert footer_keys(app.screen) == ["Close help"]


async def test_photo_footer_shows_next_and_previous_at_80_columns(db: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_highlighted(app, pilot)
        await pilot.pause()
        shown = {key.description: key.region for key in app.screen.query(FooterKey)}
        palette_left = 80 - len("▏^p palette")
        for wanted in ("Back", "Next", "Previous", "Correct", "History", "Copy caption"):
            region = shown[wanted]
            assert region.width and region.right <= palette_left, (wanted, region)


async def test_next_and_previous_say_so_at_either_end(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.results_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        first = detail.photo_id
        await pilot.press("p")  # nothing before the first result
        await pilot.pause()
        assert detail.photo_id == first
        assert [n.message for n in app._notifications] == ["This is the first result."]
        for _ in range(len(detail.result_ids)):
            await pilot.press("n")
            await settle(pilot)
        assert detail.photo_id == detail.result_ids[-1]
        assert list(app._notifications)[-1].message == "This is the last result (5)."


async def test_next_past_the_loaded_results_says_how_to_load_more(tmp_path: Path) -> None:
    app = CatalogApp(build_archive(tmp_path / "big.db", filler=120), editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = await open_highlighted(app, pilot)
        assert len(detail.result_ids) == 100
        detail.show_photo(detail.result_ids[-1])
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert list(app._notifications)[-1].message.startswith(
            "Result 100 is the last one loaded")


async def test_status_says_what_narrows_the_results_when_the_panel_is_closed(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.filter_panel.choose("agency", "Reuters")
        await settle(pilot)
        app.query_one("#file-photo", Checkbox).value = True
        await settle(pilot)
        app.query_one("#date-from", Input).value = "2023"
        await settle(pilot)
        await pilot.press("f2")  # closed again: only the status tells why so few
        await settle(pilot)
        assert not app.filter_panel.display
        status = str(app.status_line.render())
        assert status.startswith(
            "2 photos  ·  only Reuters, from 2023-01-01, file photos (ctrl+l clears)"), status
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "only" not in str(app.status_line.render())
        assert str(app.status_line.render()).startswith("5 photos  ·  newest first")


async def test_export_asks_before_replacing_an_earlier_export(db: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "results.csv"
    earlier.write_text("the Reuters list from this morning\n", encoding="utf-8")
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = await open_export(app, pilot)
        dialog.query_one("#export-path", Input).value = str(earlier)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # not yet: the file is there
        warning = str(dialog.query_one("#export-warning", Static).render())
        assert "already exists" in warning
        assert earlier.read_text(encoding="utf-8").startswith("the Reuters list")
        await pilot.press("enter")  # yes, replace it
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
        assert earlier.read_text(encoding="utf-8").startswith("id,date,agency")


async def test_undo_names_the_correction_it_undid(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = await open_highlighted(app, pilot)
        assert detail.detail is not None
        before = detail.detail.row["city"]
        (await open_form(app, pilot)).query_one("#edit-city", Input).value = "Nowhere"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("u")
        await settle(pilot)
        assert detail.detail.row["city"] == before
        assert list(app._notifications)[-1].message == (
            f"Undone: ana's correction of city ({before} → Nowhere).")


async def test_export_to_a_missing_folder_keeps_the_dialog_open(db: Path, tmp_path: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = await open_export(app, pilot)
        path_input = dialog.query_one("#export-path", Input)
        path_input.value = str(tmp_path / "no-such-folder" / "out.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # what was typed is still there to fix
        assert str(dialog.query_one("#export-warning", Static).render()) == (
            f"There is no folder {tmp_path / 'no-such-folder'}: export somewhere that exists.")
        path_input.value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "is a folder" in str(dialog.query_one("#export-warning", Static).render())
        path_input.value = str(tmp_path / "out.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "out.csv").exists()


async def test_correction_form_sets_the_country_code_and_the_credit_flags(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = await open_highlighted(app, pilot)
        photo_id = detail.detail.row["id"]
        form = await open_form(app, pilot)
        code = form.query_one("#edit-country_code", Input)
        code.value = "XQ"  # two letters, but no country's
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.focused is code
        assert "'XQ' is not an ISO 3166 code" in str(form.query_one("#edit-error", Static).render())
        code.value = "pt"  # any case is taken, stored in capitals
        form.query_one("#edit-country", Input).value = "Portugal"
        form.query_one("#edit-pool", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        row = app.screen.detail.row
        assert (row["country_code"], row["country_name"], row["pool"]) == ("PT", "Portugal", 1)
    with Archive(db, readonly=True) as archive:
        fields = {c["field"] for c in archive.history(photo_id)}
    assert {"country_code", "country", "pool"} <= fields
