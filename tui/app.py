"""The picture desk's terminal UI: search as you type, narrow, look, correct, export.

Every archive read runs in a thread worker with its own read-only connection
(tui.readers); each search carries a generation number and answers for an older
generation are dropped. Corrections are written on the UI thread through one
writable Archive, opened when first needed.
"""

from __future__ import annotations

import getpass
import sqlite3
from dataclasses import replace
from pathlib import Path
from time import perf_counter
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from catalog.archive import Archive, ArchiveError
from tui.actions import DeskActions
from tui.commands import CatalogCommands
from tui.messages import CountReady, FacetsReady, ResultsReady, SearchFailed
from tui.query import PAGE_SIZE, SearchRequest, settled_query
from tui.readers import ReaderPool, Superseded
from tui.screens.detail import DetailScreen
from tui.screens.edit import EditScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.widgets.filters import FACETS_SHOWN, FilterPanel
from tui.widgets.results import ResultsTable

#: Wait this long after the last keystroke before searching.
DEBOUNCE_SECONDS = 0.15

_RESULTS_KEYS: list[BindingType] = [
    Binding("enter", "open_selected", "Open the highlighted photo"),
    Binding("up,down,pageup,pagedown", "move", "Move through the results (more load as you go)"),
]


class CatalogApp(DeskActions):
    """Search and correct a catalog archive."""

    CSS_PATH = "app.tcss"
    TITLE = "Picture desk"
    COMMANDS: ClassVar = App.COMMANDS | {CatalogCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+f", "focus_search", "Search"),
        Binding("f2", "toggle_filters", "Narrow"),
        Binding("f3", "toggle_order", "Sort"),
        Binding("ctrl+o", "export", "Export"),
        Binding("ctrl+y", "copy_caption", "Copy caption", show=False),
        Binding("ctrl+r", "copy_credit", "Copy credit", show=False),
        Binding("ctrl+l", "clear", "Clear search and filters", show=False),
        Binding("ctrl+t", "toggle_dark", "Light/dark theme", show=False),
        Binding("escape,down", "focus_results", "Go to the results", show=False),
    ]

    def __init__(self, db_path: str | Path, *, editor: str | None = None,
                 show_filters: bool | None = None, show_timing: bool = True) -> None:
        """Open ``db_path``; ``editor`` names who corrects (default: the OS user name).

        ``show_filters`` opens the narrowing panel (default: when the terminal is at
        least 100 columns wide); ``show_timing`` puts each search's time in the status.
        """
        super().__init__()
        self.db_path = str(db_path)
        self.editor = editor or getpass.getuser()
        self.readers = ReaderPool(self.db_path)
        self.request = SearchRequest()
        self.generation = 0
        self.shown_generation = 0
        self.last_search_ms: float | None = None
        self.last_page_ms: float | None = None
        self._page_started = perf_counter()
        self.total: int | None = None
        self.has_more = False
        self._search_started = perf_counter()
        self.loading_more = False
        self._debounce: Timer | None = None
        self._writer: Archive | None = None
        self._show_filters = show_filters
        self._show_timing = show_timing
        self._keep_photo: int | None = None  # where the cursor stays when a search re-runs

    # ----- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Kept as attributes: workers answer while another screen is on top.
        self.search_input = Input(placeholder="Search captions, places, names…  (ctrl+f)",
                                  id="search")
        self.filter_panel = FilterPanel(id="filters")
        self.results_table = ResultsTable(id="results")
        self.status_line = Static("Searching…", id="status")
        yield Header()
        yield self.search_input
        with Horizontal(id="body"):
            yield self.filter_panel
            with Vertical(id="results-area"):
                yield self.results_table
                yield self.status_line
        yield Footer()

    def on_mount(self) -> None:
        # The narrowing panel starts open where there is room for it beside the results.
        wide = self.size.width >= 100
        self.filter_panel.display = wide if self._show_filters is None else self._show_filters
        self.search_input.focus()
        self.run_search(self.request)

    def on_unmount(self) -> None:
        self.readers.interrupt_all()
        if self._writer is not None:
            self._writer.close()

    # ----- searching ----------------------------------------------------------------
    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS,
                                        lambda: self._search_for(settled_query(event.value)))

    def _search_for(self, query: str) -> None:
        if query != self.request.query:
            self.run_search(replace(self.request, query=query))

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.action_focus_results()

    def on_filter_panel_changed(self, event: FilterPanel.Changed) -> None:
        request = replace(self.request, **event.values.as_dict())
        if request != self.request:
            self.run_search(request)

    def run_search(self, request: SearchRequest, *, keep_cursor: bool = False) -> None:
        """Start a new search; earlier ones still running are superseded.

        ``keep_cursor`` leaves the cursor on the highlighted photo (the same search run
        again after a correction) instead of moving it to the top.
        """
        self._keep_photo = self.results_table.photo_id_at_cursor() if keep_cursor else None
        self.request = request
        self.generation += 1
        self._search_started = perf_counter()
        self.loading_more = False
        self.total = None
        # The old search's page, count and facets would only compete with the new one.
        self.readers.cancel("page", "count", "facets")
        self._search_worker(self.generation, request, 0, self.readers.ticket())

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, generation: int, request: SearchRequest, offset: int,
                       ticket: int) -> None:
        self._fetch_page(generation, request, offset, "search", ticket)

    @work(thread=True, exclusive=True, group="page")
    def _page_worker(self, generation: int, request: SearchRequest, offset: int,
                     ticket: int) -> None:
        self._fetch_page(generation, request, offset, "page", ticket)

    def _fetch_page(self, generation: int, request: SearchRequest, offset: int,
                    group: str, ticket: int) -> None:
        started = perf_counter()
        try:
            with self.readers.reader(group, ticket) as archive:
                rows = archive.search(request.query, order=request.effective_order(),
                                      limit=PAGE_SIZE + 1, offset=offset, **request.filters())
        except Superseded:
            return
        except ArchiveError as exc:
            self.post_message(SearchFailed(generation, str(exc)))
            return
        self.post_message(ResultsReady(generation, offset, rows[:PAGE_SIZE],
                                       (perf_counter() - started) * 1000,
                                       len(rows) > PAGE_SIZE))

    def on_results_ready(self, message: ResultsReady) -> None:
        if message.generation != self.generation:
            return  # an answer to a search the editor has already changed
        table = self.results_table
        table.show_rows(message.rows, append=message.offset > 0,
                        keep=None if message.offset else self._keep_photo)
        self.has_more = message.has_more
        self.loading_more = False
        if message.offset > 0:
            self.last_page_ms = (perf_counter() - self._page_started) * 1000
        else:
            self.last_search_ms = (perf_counter() - self._search_started) * 1000
            self.shown_generation = message.generation
            if message.has_more:
                self._count_worker(message.generation, self.request, self.readers.ticket())
            else:
                self.total = len(message.rows)
            if self.filter_panel.display:
                self._facets_worker(message.generation, self.request, self.readers.ticket())
        self._show_status()

    def on_results_table_need_more(self, message: ResultsTable.NeedMore) -> None:
        if self.has_more and not self.loading_more and self.shown_generation == self.generation:
            self.loading_more = True
            self._page_started = perf_counter()
            self._page_worker(self.generation, self.request, message.loaded,
                              self.readers.ticket())

    @work(thread=True, exclusive=True, group="count")
    def _count_worker(self, generation: int, request: SearchRequest, ticket: int) -> None:
        try:
            with self.readers.reader("count", ticket) as archive:
                total = archive.count(request.query, **request.filters())
        except Superseded:
            return
        except ArchiveError as exc:
            self.post_message(SearchFailed(generation, str(exc)))
            return
        self.post_message(CountReady(generation, total))

    def on_count_ready(self, message: CountReady) -> None:
        if message.generation == self.generation:
            self.total = message.total
            self._show_status()

    @work(thread=True, exclusive=True, group="facets")
    def _facets_worker(self, generation: int, request: SearchRequest, ticket: int) -> None:
        facets: dict[str, list[tuple[str, int]]] = {}
        try:
            with self.readers.reader("facets", ticket) as archive:
                for column in FACETS_SHOWN:
                    narrowed = request.without(column)
                    facets[column] = archive.facets(column, request.query, **narrowed.filters())
        except Superseded:
            return
        except ArchiveError as exc:
            self.post_message(SearchFailed(generation, str(exc)))
            return
        self.post_message(FacetsReady(generation, facets))

    def on_facets_ready(self, message: FacetsReady) -> None:
        if message.generation == self.generation:
            self.filter_panel.set_facets(message.facets)

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.generation == self.generation:
            self.loading_more = False
            self.status_line.update(f"Search failed: {message.reason}")

    def count_text(self) -> str:
        """How many photos match, as far as known ("1,234 photos" or "100+ photos")."""
        if self.total is not None:
            return f"{self.total:,} photo{'s' if self.total != 1 else ''}"
        return f"{self.results_table.row_count:,}+ photos"

    def _show_status(self) -> None:
        order = "newest first" if self.request.effective_order() == "date" else "by relevance"
        timing = ""
        if self._show_timing and self.last_search_ms is not None:
            timing = f"  ·  {self.last_search_ms:.0f} ms"
        narrowing = self.request.narrowing()
        narrowed = f"  ·  only {narrowing} (ctrl+l clears)" if narrowing else ""
        self.status_line.update(f"{self.count_text()}{narrowed}  ·  {order}{timing}")

    # ----- opening, correcting ------------------------------------------------------
    def on_data_table_row_selected(self, event: ResultsTable.RowSelected) -> None:
        if isinstance(event.data_table, ResultsTable):
            self.action_open_selected()

    def action_open_selected(self) -> None:
        table = self.results_table
        photo_id = table.photo_id_at_cursor()
        if photo_id is not None:
            self.push_screen(DetailScreen(photo_id, table.photo_ids()), self._detail_closed)

    def _detail_closed(self, go_to: str | None) -> None:
        (self.search_input if go_to == "search" else self.results_table).focus()

    def writer(self) -> Archive:
        """The one writable Archive, opened on first use."""
        if self._writer is None:
            self._writer = Archive(self.db_path)
        return self._writer

    def save_corrections(self, photo_id: int, changes: dict[str, Any]) -> bool:
        """Write each changed field as a correction by this editor; True when all saved."""
        try:
            archive = self.writer()
            for field, value in changes.items():
                archive.correct(photo_id, field, value, editor=self.editor)
        except (ArchiveError, sqlite3.Error) as exc:  # sqlite3: a locked or read-only file
            self.notify(f"Correction not saved: {exc}", severity="error")
            return False
        self.notify(f"Saved {', '.join(changes)} as {self.editor}.")
        self.run_search(self.request, keep_cursor=True)
        return True

    def undo_correction(self, correction_id: int, item: dict[str, Any] | None = None) -> bool:
        """Undo one correction (``item``: its history entry, to name it); True when done."""
        try:
            self.writer().undo_correction(correction_id, editor=self.editor)
        except (ArchiveError, sqlite3.Error) as exc:  # sqlite3: a locked or read-only file
            self.notify(f"Could not undo: {exc}", severity="error")
            return False
        if item:
            self.notify(f"Undone: {item.get('editor') or '?'}'s correction of "
                        f"{item.get('field')} ({item.get('previous') or '∅'} → "
                        f"{item.get('value') or '∅'}).")
        else:
            self.notify(f"Correction {correction_id} undone.")
        self.run_search(self.request, keep_cursor=True)
        return True

    # ----- moving around ------------------------------------------------------------
    def _on_main_screen(self) -> bool:
        return self.screen is self.screen_stack[0]

    def action_focus_search(self) -> None:
        if isinstance(self.screen, DetailScreen):
            self.screen.dismiss("search")
            return
        if not self._on_main_screen():
            return  # a dialog is open: it keeps the keyboard
        self.search_input.focus()

    def action_focus_results(self) -> None:
        if self._on_main_screen():
            self.results_table.focus()

    def action_toggle_filters(self) -> None:
        """Open the narrowing panel and go into it; from inside it, close it."""
        if not self._on_main_screen():
            return
        panel = self.filter_panel
        if panel.display and panel.has_focus_within:
            panel.display = False
            self.results_table.focus()
            return
        if not panel.display:
            panel.display = True
            self._facets_worker(self.generation, self.request, self.readers.ticket())
        panel.focus_first()

    def action_toggle_order(self) -> None:
        self.filter_panel.set_order(
            "relevance" if self.request.order == "date" else "date")

    def action_clear(self) -> None:
        search = self.search_input
        with search.prevent(Input.Changed):
            search.value = ""
        self.filter_panel.reset()
        self.run_search(SearchRequest())

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "palette", "Command palette"),
                            Binding("ctrl+q", "quit", "Quit")]),
            ("Results", _RESULTS_KEYS),
            ("Photo", list(DetailScreen.BINDINGS)),
            ("Correction form", list(EditScreen.BINDINGS)),
            ("Corrections history", list(HistoryScreen.BINDINGS)),
            ("Export dialog", list(ExportScreen.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))

