"""The narrowing panel: agency, photographer, country, date range, flags, order.

Each choice shows how many photos of the current search it would keep (Archive.facets).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.validation import Function
from textual.widgets import Checkbox, Input, Label, Select

from tui.query import Order, parse_date_bound

#: Facet columns offered as choices, with their prompt.
FACET_COLUMNS = {"agency": "Any agency", "photographer": "Any photographer", "country": "Any country"}

#: Every facet with choices and counts: the filter columns, and years for the date range.
FACETS_SHOWN = (*FACET_COLUMNS, "year")

#: At most this many choices per facet (the most frequent first).
MAX_CHOICES = 50


def _valid_bound(text: str) -> bool:
    try:
        parse_date_bound(text, end=False)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class FilterValues:
    """What the panel currently asks for (dates already made ISO)."""

    agency: str | None = None
    photographer: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    file_photo: bool | None = None
    has_conflict: bool | None = None
    order: Order = "date"

    def as_dict(self) -> dict[str, Any]:
        """The values as SearchRequest keyword arguments."""
        return dict(self.__dict__)


class FilterPanel(VerticalScroll):
    """Narrowing choices; posts FilterPanel.Changed whenever one changes."""

    DEFAULT_CSS = """
    FilterPanel {
        width: 26;
        padding: 0 1;
        border-right: vkey $foreground 20%;
    }
    FilterPanel Label {
        margin-top: 1;
        color: $text-muted;
    }
    FilterPanel Select, FilterPanel Input, FilterPanel Checkbox {
        width: 100%;
    }
    """

    can_focus = False  # Tab goes straight to the first choice, not to the panel itself

    @dataclass
    class Changed(Message):
        """The editor changed a narrowing choice."""

        values: FilterValues

    def compose(self) -> ComposeResult:
        for column, prompt in FACET_COLUMNS.items():
            yield Select([], prompt=prompt, id=f"facet-{column}", compact=True)
        yield Label("Date from / to")
        yield Select([], prompt="Any year", id="facet-year", compact=True)
        date_ok = Function(_valid_bound, "use YYYY, YYYY-MM or YYYY-MM-DD")
        yield Input(placeholder="from YYYY-MM-DD", id="date-from", validators=[date_ok],
                    compact=True)
        yield Input(placeholder="to YYYY-MM-DD", id="date-to", validators=[date_ok], compact=True)
        yield Checkbox("File photos only", id="file-photo", compact=True)
        yield Checkbox("Has a conflict", id="has-conflict", compact=True)
        yield Label("Order")
        yield Select([("Newest first", "date"), ("Relevance", "relevance")], value="date",
                     allow_blank=False, id="order", compact=True)

    def focus_first(self) -> None:
        """Put the keyboard on the first choice (the agency)."""
        self.query(Select).first().focus()

    def values(self) -> FilterValues:
        """The current choices; a date field that does not parse counts as empty."""
        chosen: dict[str, Any] = {}
        for column in FACET_COLUMNS:
            value = self.query_one(f"#facet-{column}", Select).value
            chosen[column] = value if isinstance(value, str) else None
        for field, widget_id, end in (("date_from", "#date-from", False),
                                      ("date_to", "#date-to", True)):
            try:
                chosen[field] = parse_date_bound(self.query_one(widget_id, Input).value, end=end)
            except ValueError:
                chosen[field] = None
        chosen["file_photo"] = True if self.query_one("#file-photo", Checkbox).value else None
        chosen["has_conflict"] = True if self.query_one("#has-conflict", Checkbox).value else None
        order = self.query_one("#order", Select).value
        chosen["order"] = order if order in ("date", "relevance") else "date"
        return FilterValues(**chosen)

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        """Refresh the choices and their counts, keeping what is selected."""
        for column, counts in facets.items():
            select = self.query_one(f"#facet-{column}", Select)
            current = select.value if isinstance(select.value, str) else None
            options = [(f"{value} ({count:,})", value)
                       for value, count in counts[:MAX_CHOICES] if value]
            if column == "year":
                options.sort(key=lambda option: option[1], reverse=True)
            if current is not None and current not in {value for _, value in options}:
                options.insert(0, (f"{current} (0)", current))
            with select.prevent(Select.Changed):
                select.set_options(options)
                if current is not None:
                    select.value = current

    def choose(self, column: str, value: str | None) -> None:
        """Select a facet value programmatically (None clears it)."""
        select = self.query_one(f"#facet-{column}", Select)
        if value is None:
            select.clear()
        else:
            select.value = value

    def reset(self) -> None:
        """Clear every choice without announcing each one."""
        for column in FACETS_SHOWN:
            select = self.query_one(f"#facet-{column}", Select)
            with select.prevent(Select.Changed):
                select.clear()
        for date_input in self.query(Input):
            with date_input.prevent(Input.Changed):
                date_input.value = ""
        for box in self.query(Checkbox):
            with box.prevent(Checkbox.Changed):
                box.value = False
        order = self.query_one("#order", Select)
        with order.prevent(Select.Changed):
            order.value = "date"

    def set_order(self, order: Order) -> None:
        """Show ``order`` as the chosen order."""
        self.query_one("#order", Select).value = order

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "facet-year":  # a year fills the date range
            year = event.value if isinstance(event.value, str) else ""
            for widget_id in ("#date-from", "#date-to"):
                date_input = self.query_one(widget_id, Input)
                with date_input.prevent(Input.Changed):
                    date_input.value = year
        self.post_message(self.Changed(self.values()))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.values()))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.validation_result is None or event.validation_result.is_valid:
            self.post_message(self.Changed(self.values()))
