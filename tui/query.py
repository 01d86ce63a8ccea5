"""What the editor asked for, as a plain value the workers can run against an Archive."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any, Literal

Order = Literal["date", "relevance"]

#: Rows fetched per page, both for the first screen and each lazy page after it.
PAGE_SIZE = 100

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class SearchRequest:
    """A search: the typed text, the narrowing filters and the order."""

    query: str = ""
    agency: str | None = None
    photographer: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    file_photo: bool | None = None
    has_conflict: bool | None = None
    order: Order = "date"

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for Archive.search/count/facets (the query excluded)."""
        values = asdict(self)
        del values["query"], values["order"]
        return {key: value for key, value in values.items() if value is not None}

    def without(self, column: str) -> SearchRequest:
        """The same request with one facet cleared (a facet's own choices ignore it);
        "year" clears the date range."""
        if column == "year":
            return replace(self, date_from=None, date_to=None)
        return replace(self, **{column: None})

    def narrowing(self) -> str:
        """The filters in force, in words ("Reuters, file photos, from 2024-01-01"), or ""."""
        parts = [value for value in (self.agency, self.photographer, self.country) if value]
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from} to {self.date_to}")
        elif self.date_from:
            parts.append(f"from {self.date_from}")
        elif self.date_to:
            parts.append(f"to {self.date_to}")
        if self.file_photo:
            parts.append("file photos")
        if self.has_conflict:
            parts.append("with conflicts")
        return ", ".join(parts)

    def effective_order(self) -> Order:
        """Relevance needs words to rank by; with no text, newest first."""
        return self.order if self.query.strip() else "date"


def settled_query(text: str) -> str:
    """The part of what is being typed worth searching for.

    A last word of a single letter still being typed is left out until its second
    letter arrives: a one-letter prefix matches a good part of the vocabulary and
    is the slowest search there is, and it narrows nothing a person wants.
    """
    stripped = text.strip()
    if text[-1:].isspace() or not stripped:
        return stripped
    head, _, last = stripped.rpartition(" ")
    if len(last) == 1 and last.isalnum():
        return head.strip()
    return stripped


def parse_date_bound(text: str, *, end: bool) -> str | None:
    """An ISO date from what an editor typed: YYYY, YYYY-MM or YYYY-MM-DD.

    Returns None for an empty field; raises ValueError with a plain reason otherwise.
    ``end`` picks the last day of a year or month rather than the first.
    """
    text = text.strip()
    if not text:
        return None
    if _YEAR.match(text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    month = _YEAR_MONTH.match(text)
    if month:
        year, mon = int(month.group(1)), int(month.group(2))
        if not 1 <= mon <= 12:
            raise ValueError(f"{text!r}: month must be 01 to 12")
        if not end:
            return f"{year:04d}-{mon:02d}-01"
        following = date(year + mon // 12, mon % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def place_of(row: dict[str, Any]) -> str:
    """The place column of the results table: city, else region, plus country."""
    local = row.get("city") or row.get("region") or ""
    country = row.get("country") or ""
    if local and country:
        return f"{local}, {country}"
    return local or country
