"""Ask where to export the current results, and as what."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from tui.export import ExportFormat, format_for


@dataclass(frozen=True)
class ExportRequest:
    """Where to write, and in which format."""

    path: str
    fmt: ExportFormat


class ExportScreen(ModalScreen[ExportRequest | None]):
    """A small dialog: a path and CSV or JSON lines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, default_path: str, count_text: str) -> None:
        super().__init__()
        self.default_path = default_path
        self.count_text = count_text
        self._replace_ok: str | None = None  # an existing file the editor agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label(f"Export {self.count_text} to")
            yield Input(self.default_path, id="export-path", compact=True)
            with RadioSet(id="export-format"):
                yield RadioButton("CSV", id="fmt-csv",
                                  value=format_for(self.default_path) == "csv")
                yield RadioButton("JSON lines", id="fmt-jsonl",
                                  value=format_for(self.default_path) == "jsonl")
            yield Static("", id="export-warning")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer()  # this dialog's keys, not those of the screen beneath

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        stem, dot, _ = path_input.value.rpartition(".")
        if dot:
            path_input.value = f"{stem}.{'csv' if event.pressed.id == 'fmt-csv' else 'jsonl'}"

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self.query_one("#export-warning", Static).update("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("Give a file path to export to.", severity="error")
            return
        target = Path(path).expanduser()
        warning = self.query_one("#export-warning", Static)
        if target.is_dir():
            warning.update(f"{path} is a folder: add a file name, e.g. {target / 'results.csv'}")
            return
        if not target.parent.is_dir():
            warning.update(f"There is no folder {target.parent}: export somewhere that exists.")
            return
        if target.exists() and self._replace_ok != path:
            self._replace_ok = path  # asked once: the same path again means replace it
            warning.update(
                f"{path} already exists: Export again to replace it, or change the name.")
            return
        fmt: ExportFormat = "csv" if self.query_one("#fmt-csv", RadioButton).value else "jsonl"
        self.dismiss(ExportRequest(path, fmt))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
