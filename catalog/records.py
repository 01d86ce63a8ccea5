"""Join an image's metadata and its parsed caption into one archive record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.captions.model import Caption


@dataclass
class PhotoRecord:
    """One file, ready for the archive.

    ``columns`` holds values for ``photos`` columns (see catalog.archive.schema
    PHOTO_COLUMNS), parsed caption fields included; the archive overlays editors'
    corrections on them when it writes. ``path``/``size``/``mtime_ns`` go to
    ``photo_paths``.
    """

    sha256: str
    path: str
    size: int
    mtime_ns: int
    columns: dict[str, Any] = field(default_factory=dict)
    caption: Caption | None = None
