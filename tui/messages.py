"""Messages the workers post back to the UI thread: small dataclasses, tagged with the
generation of the search they answer so stale results can be thrown away."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class ResultsReady(Message):
    """A page of search results (offset 0 is a new search, later offsets extend it)."""

    generation: int
    offset: int
    rows: list[dict[str, Any]]
    elapsed_ms: float
    has_more: bool


@dataclass
class CountReady(Message):
    """The number of photos matching a search."""

    generation: int
    total: int


@dataclass
class FacetsReady(Message):
    """Choices with counts for the narrowing panel, by column."""

    generation: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


@dataclass
class SearchFailed(Message):
    """The archive could not run a search; ``reason`` is for the editor."""

    generation: int
    reason: str


@dataclass
class ExportDone(Message):
    """An export finished (or failed, with ``error`` set)."""

    path: str
    rows: int
    error: str | None = None
