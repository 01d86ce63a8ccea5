"""Snapshots of the picture desk at 80x24: fixed data, no clock, half-block pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import build_archive, settle
from textual_image._terminal import CellSize, get_cell_size

from tui.app import CatalogApp

SIZE = (80, 24)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CatalogApp:
    # The same picture in any terminal: half blocks, and the fallback cell size that
    # textual-image assumes when it cannot ask a terminal (under a tty it would ask).
    monkeypatch.setenv("CATALOG_TUI_IMAGES", "halfcell")
    monkeypatch.setattr(get_cell_size, "_result", CellSize(10, 20), raising=False)
    return CatalogApp(build_archive(tmp_path / "snap.db"), editor="snap", show_timing=False)


async def _search_bakhmut(pilot) -> None:
    await settle(pilot)
    pilot.app.search_input.value = "bakhmut"
    await pilot.pause(0.2)
    await settle(pilot)


async def _open_first(pilot) -> None:
    await _search_bakhmut(pilot)
    pilot.app.results_table.focus()
    await pilot.press("down", "enter")  # the second row: the first sending, with its picture
    await settle(pilot)


async def _edit_first(pilot) -> None:
    await _open_first(pilot)
    await pilot.press("e")
    await pilot.pause()


class TestMainScreen:
    def test_results(self, snap_compare, app: CatalogApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_narrowing_panel(self, snap_compare, app: CatalogApp) -> None:
        async def run_before(pilot) -> None:
            await _search_bakhmut(pilot)
            await pilot.press("f2")
            await settle(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


class TestDetail:
    def test_detail_pane(self, snap_compare, app: CatalogApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=_open_first)


class TestLightTheme:
    def test_detail_pane_light(self, snap_compare, app: CatalogApp) -> None:
        async def run_before(pilot) -> None:
            pilot.app.theme = "textual-light"
            await _open_first(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


class TestEditForm:
    def test_edit_form(self, snap_compare, app: CatalogApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=_edit_first)
