"""Vocabulary as data: months, weekdays, US states, country aliases, demonyms, agencies."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Parse one JSON file of this package (cached; treat the result as read-only)."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def load_words(name: str) -> frozenset[str]:
    """The words of a text file of this package, ``#`` comment lines skipped."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )
