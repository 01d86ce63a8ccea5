"""Picture-desk rough edges found by using the app, each pinned by a Pilot test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import build_archive, settle
from textual.widgets import Input

from tui.app import CatalogApp
from tui.screens.detail import DetailScreen
from tui.screens.edit import EditScreen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "desk.db")


async def test_results_cursor_stays_on_the_corrected_photo(db: Path) -> None:
    app = CatalogApp(db, editor="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.results_table
        table.focus()
        await pilot.press("down", "down")
        chosen = table.photo_id_at_cursor()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one("#edit-city", Input).value = "Somewhere Else"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # Back on the results, the cursor is where the editor left it, not on row 1.
        assert table.cursor_row == 2
        assert table.photo_id_at_cursor() == chosen
