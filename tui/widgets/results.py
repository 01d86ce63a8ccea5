"""The results table: one row per photo, extended a page at a time as the cursor nears the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from tui.query import place_of

#: Ask for the next page when the cursor comes this close to the last loaded row.
PREFETCH_MARGIN = 20

COLUMNS = (("date", "Date", 10), ("agency", "Agency", 9), ("photographer", "Photographer", 16),
           ("place", "Place", 16), ("subject", "Subject", None))
_SUBJECT_WIDTH = 120


class ResultsTable(DataTable):
    """Search results; row keys are photo ids (as strings)."""

    DEFAULT_CSS = """
    ResultsTable {
        height: 1fr;
    }
    """

    @dataclass
    class NeedMore(Message):
        """The cursor is near the end of the loaded rows."""

        loaded: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def show_rows(self, rows: list[dict[str, Any]], *, append: bool = False,
                  keep: int | None = None) -> None:
        """Replace the rows (a new search) or append a page.

        ``keep`` is a photo id to leave the cursor on when it is still among the rows
        (the same search run again after a correction); otherwise the cursor goes to the top.
        """
        if not append:
            self.clear()
        known = set(self.rows) if append else set()
        for row in rows:
            key = str(row["id"])
            if key in known:  # a row that moved between pages while the archive changed
                continue
            self.add_row(*_cells(row), key=key)
        if not append and rows:
            row = self.get_row_index(str(keep)) if keep is not None and str(keep) in self.rows else 0
            self.move_cursor(row=row, animate=False, scroll=True)

    def photo_id_at_cursor(self) -> int | None:
        """The id of the highlighted photo, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def photo_ids(self) -> list[int]:
        """Ids of every loaded row, in table order."""
        return [int(key.value) for key in self.rows if key.value is not None]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.row_count and event.cursor_row >= self.row_count - PREFETCH_MARGIN:
            self.post_message(self.NeedMore(self.row_count))


def _cells(row: dict[str, Any]) -> tuple[str | Text, ...]:
    subject = (row.get("subject") or row.get("caption") or "").replace("\n", " ")
    if len(subject) > _SUBJECT_WIDTH:
        subject = subject[: _SUBJECT_WIDTH - 1] + "…"
    date = row.get("date") or ""
    if row.get("file_photo"):
        date = Text.assemble(date, ("*", "bold"))
    return (date, row.get("agency") or "", row.get("photographer") or "", place_of(row), subject)
