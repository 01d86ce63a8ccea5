"""All corrections of a photo; choosing one returns its id so the caller can undo it."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label

#: The dialog's width in app.tcss (#history-dialog); narrower terminals get less.
DIALOG_WIDTH = 100
#: Longest From/To value shown, where the terminal has room.
VALUE_WIDTH = 20


def _cut(value: object, width: int) -> str:
    text = str(value or "∅")
    return text if len(text) <= width else text[: width - 1] + "…"


class HistoryScreen(ModalScreen[int | None]):
    """Corrections, newest first; dismisses with the correction id to undo, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "undo", "Undo selected"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, photo_id: int, history: list[dict[str, Any]]) -> None:
        super().__init__()
        self.photo_id = photo_id
        self.history = history

    def compose(self) -> ComposeResult:
        with Vertical(id="history-dialog"):
            yield Label(f"Corrections of photo {self.photo_id}  (u: undo, esc: close)")
            yield DataTable(id="history-table", cursor_type="row")
        yield Footer()  # this dialog's keys, not those of the screen beneath

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When", "Editor", "Field", "From", "To", "State")
        rows = [((item.get("created_at") or "")[:16].replace("T", " "),
                 item.get("editor") or "", item.get("field") or "",
                 item.get("previous"), item.get("value"),
                 "undone" if item.get("undone_at") else "in force") for item in self.history]
        # From and To share what the other columns leave, so State is never cut off.
        inner = min(DIALOG_WIDTH, self.app.size.width) - 4  # border and padding
        if len(rows) >= 16:
            inner -= 2  # the vertical scrollbar
        fixed = sum(max([len(header), *(len(str(row[i])) for row in rows)]) + 2
                    for i, header in ((0, "When"), (1, "Editor"), (2, "Field"), (5, "State")))
        width = max(6, min(VALUE_WIDTH, (inner - fixed) // 2 - 2))
        for item, row in zip(self.history, rows, strict=True):
            table.add_row(*row[:3], _cut(row[3], width), _cut(row[4], width), row[5],
                          key=str(item["id"]))
        table.focus()

    def action_undo(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.notify("Nothing to undo.", severity="warning")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        chosen = next((item for item in self.history if str(item["id"]) == key), None)
        if chosen is None or chosen.get("undone_at"):
            self.notify("That correction is already undone.", severity="warning")
            return
        self.dismiss(int(chosen["id"]))

    def action_close(self) -> None:
        self.dismiss(None)
