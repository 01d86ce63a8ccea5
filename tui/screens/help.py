"""Every key binding of the app and its screens, in one list."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static


def bindings_table(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Table:
    """A table of key and description for each binding, grouped by where it works."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in sections:
        table.add_row(f"[u]{title}[/u]", "")
        for binding in bindings:
            if isinstance(binding, Binding):
                key, description = binding.key, binding.description or binding.action
            else:
                key, action, *rest = binding
                description = rest[0] if rest else action
            table.add_row(key.replace(",", " / "), description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the bindings handed to it; any of escape, q, f1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1", "close", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Label("Keys  (esc closes; ctrl+p opens the command palette)", id="help-title")
            with VerticalScroll():
                yield Static(bindings_table(self.sections), id="help-body")
        yield Footer()  # this dialog's keys, not those of the screen beneath

    def action_close(self) -> None:
        self.dismiss(None)
