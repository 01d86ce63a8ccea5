"""The interface every caption format implements, built-in or from a plugin."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from catalog.captions.model import Caption


@runtime_checkable
class CaptionFormat(Protocol):
    """One agency's house format.

    ``accept`` is a cheap test (a substring or one anchored regex) run on every
    caption; ``parse`` does the work and returns ``None`` for "not mine". The
    core asks every accepting format and keeps the answer with the highest
    ``confidence``. ``examples`` are (caption, expected-fields) pairs that a
    generic test runs for every registered format.
    """

    name: ClassVar[str]
    examples: ClassVar[list[tuple[str, dict]]]

    def accept(self, text: str) -> bool: ...

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None: ...
