"""What an editor does with a photo or the results: copy, open the file, export."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App

from catalog.archive import Archive, ArchiveError
from tui.export import export_rows
from tui.messages import ExportDone
from tui.query import SearchRequest
from tui.screens.detail import DetailScreen
from tui.screens.export import ExportRequest, ExportScreen
from tui.widgets.results import ResultsTable


class DeskActions(App[None]):
    """The acting half of CatalogApp (kept apart so each module stays small)."""

    db_path: str
    request: SearchRequest
    results_table: ResultsTable

    def count_text(self) -> str:
        """How many photos match (CatalogApp knows)."""
        raise NotImplementedError

    def _highlighted_row(self) -> dict[str, Any] | None:
        if isinstance(self.screen, DetailScreen):
            return self.screen.detail.row if self.screen.detail else None
        photo_id = self.results_table.photo_id_at_cursor()
        if photo_id is None:
            return None
        try:
            with Archive(self.db_path, readonly=True) as archive:
                return archive.get(photo_id)
        except ArchiveError as exc:
            self.notify(str(exc), severity="error")
            return None

    def copy_text(self, text: str, what: str) -> None:
        """Put ``text`` on the clipboard and say so."""
        if not text:
            self.notify(f"This photo has no {what}.", severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Copied the {what}.")

    def open_path(self, path: str) -> None:
        """Open the original file where a desktop can, else show and copy its path."""
        if not path:
            self.notify("No path recorded for this photo.", severity="warning")
            return
        opener = shutil.which("xdg-open") or shutil.which("open")
        desktop = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        if opener and (desktop or opener.endswith("/open")) and Path(path).exists():
            subprocess.Popen([opener, path], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
            self.notify(f"Opening {path}")
            return
        self.copy_to_clipboard(path)
        self.notify(f"{path}  (path copied)", timeout=8)

    def action_copy_caption(self) -> None:
        row = self._highlighted_row()
        if row is not None:
            self.copy_text(row.get("caption") or "", "caption")

    def action_copy_credit(self) -> None:
        row = self._highlighted_row()
        if row is not None:
            self.copy_text(row.get("credit") or "", "credit")

    def action_export(self) -> None:
        default = str(Path.cwd() / "results.csv")
        self.push_screen(ExportScreen(default, self.count_text()), self._export_chosen)

    def _export_chosen(self, choice: ExportRequest | None) -> None:
        if choice is not None:
            self.notify(f"Exporting to {choice.path}…")
            self._export_worker(self.request, choice)

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, request: SearchRequest, choice: ExportRequest) -> None:
        try:
            with Archive(self.db_path, readonly=True) as archive:
                rows = archive.iter_search(request.query, order=request.effective_order(),
                                           **request.filters())
                written = export_rows(rows, choice.path, choice.fmt)
        except (ArchiveError, OSError) as exc:
            self.post_message(ExportDone(choice.path, 0, str(exc)))
            return
        self.post_message(ExportDone(choice.path, written))

    def on_export_done(self, message: ExportDone) -> None:
        if message.error:
            self.notify(f"Export failed: {message.error}", severity="error")
        else:
            self.notify(f"Exported {message.rows:,} photos to {message.path}.")
