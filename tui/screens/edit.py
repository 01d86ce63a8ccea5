"""The correction form: a modal that returns the changed fields (or None when cancelled)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Function
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from catalog.captions.gazetteer import country_name

#: Fields the form edits as text, with their labels, in order.
EDITABLE = (
    ("subject", "Subject"), ("city", "City"), ("region", "Region"), ("country", "Country"),
    ("country_code", "Country code"), ("date", "Date"), ("agency", "Agency"),
    ("photographer", "Photographer"), ("credit", "Credit"),
)
#: The credit's flags, edited as checkboxes on one row.
FLAGS = (("file_photo", "File photo"), ("pool", "Pool"), ("handout", "Handout"))


def valid_iso_date(text: str) -> bool:
    """Empty, or a real calendar date written YYYY-MM-DD."""
    if not text.strip():
        return True
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return len(text.strip()) == 10


def date_problem(text: str) -> str | None:
    """Why ``text`` is no picture date, in words for the editor (None when it is fine)."""
    text = text.strip()
    if valid_iso_date(text):
        return None
    parts = text.split("-")
    if [len(part) for part in parts] == [4, 2, 2] and all(part.isdigit() for part in parts):
        if not 1 <= int(parts[1]) <= 12:
            return f"Date {text} does not exist: there is no month {parts[1]}."
        return f"Date {text} does not exist: that month has no day {parts[2]}."
    return f"Date {text!r} is not a date: write YYYY-MM-DD, e.g. 2024-09-03."


def valid_country_code(text: str) -> bool:
    """Empty, or an ISO 3166 alpha-2 code the gazetteer knows (any case)."""
    code = text.strip()
    return not code or (len(code) == 2 and code.isalpha() and bool(country_name(code.upper())))


def country_code_problem(text: str) -> str | None:
    """Why ``text`` is no country code, in words for the editor (None when it is fine)."""
    if valid_country_code(text):
        return None
    return (f"Country code {text.strip()!r} is not an ISO 3166 code: write two letters, "
            "e.g. GB, US, UA.")


def changed_fields(row: dict[str, Any], entered: dict[str, Any]) -> dict[str, Any]:
    """The entries that differ from the row's effective values (empty and None are alike)."""
    changes = {}
    flags = {name for name, _ in FLAGS}
    for name, value in entered.items():
        before = row.get(name)
        if name in flags:
            if bool(before) != bool(value):
                changes[name] = 1 if value else 0
        elif (before or "") != value:
            changes[name] = value
    return changes


def history_text(history: list[dict[str, Any]], field: str) -> str:
    """The corrections of one field, newest first, one line each."""
    lines = []
    for item in history:
        if item.get("field") != field:
            continue
        when = (item.get("created_at") or "")[:16].replace("T", " ")
        undone = " (undone)" if item.get("undone_at") else ""
        lines.append(f"{when} {item.get('editor') or '?'}: {item.get('previous') or '∅'} → "
                     f"{item.get('value') or '∅'}{undone}")
    return "\n".join(lines) or "No corrections yet."


_VALIDATORS = {
    "date": [Function(valid_iso_date, "a date is YYYY-MM-DD")],
    "country_code": [Function(valid_country_code, "a country code is two letters, e.g. GB")],
}
_PLACEHOLDERS = {"date": "YYYY-MM-DD", "country_code": "e.g. GB"}


class EditScreen(ModalScreen[dict[str, Any] | None]):
    """Correct a photo's caption fields; dismisses with {field: new value} or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, row: dict[str, Any], history: list[dict[str, Any]]) -> None:
        super().__init__()
        self.row = row
        self.history = history

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-dialog"):
            yield Label(f"Correct photo {self.row.get('id')}", id="edit-title")
            with Grid(id="edit-grid"):
                for name, label in EDITABLE:
                    yield Label(label)
                    yield Input(str(self.row.get(name) or ""), id=f"edit-{name}",
                                validators=_VALIDATORS.get(name, []), compact=True,
                                placeholder=_PLACEHOLDERS.get(name, ""))
                yield Label("Credit flags")
                with Horizontal(id="edit-flags"):
                    for name, label in FLAGS:
                        yield Checkbox(label, bool(self.row.get(name)), id=f"edit-{name}",
                                       compact=True)
            yield Static("", id="edit-error")
            yield Label("History of subject", id="history-title")
            yield Static(history_text(self.history, "subject"), id="edit-history")
            with Horizontal(id="edit-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer()  # this dialog's keys, not those of the screen beneath

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_position = 0  # show the start of long values, not their end
        self.query_one("#edit-subject", Input).focus()

    def on_descendant_focus(self, event: Any) -> None:
        widget_id = getattr(event.widget, "id", None) or ""
        if widget_id.startswith("edit-"):
            field = widget_id.removeprefix("edit-")
            self.query_one("#history-title", Label).update(f"History of {field}")
            self.query_one("#edit-history", Static).update(history_text(self.history, field))

    def entered(self) -> dict[str, Any]:
        """What the form holds now."""
        values: dict[str, Any] = {name: self.query_one(f"#edit-{name}", Input).value.strip()
                                  for name, _ in EDITABLE}
        values["country_code"] = values["country_code"].upper()
        for name, _ in FLAGS:
            values[name] = self.query_one(f"#edit-{name}", Checkbox).value
        return values

    def action_save(self) -> None:
        values = self.entered()
        for name, problem in (("date", date_problem(values["date"])),
                              ("country_code", country_code_problem(values["country_code"]))):
            if problem:
                self.query_one("#edit-error", Static).update(problem)
                self.query_one(f"#edit-{name}", Input).focus()
                return
        self.dismiss(changed_fields(self.row, values))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
