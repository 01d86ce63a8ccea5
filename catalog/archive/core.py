"""The Archive: one SQLite file holding photos, captions, corrections, thumbnails, imports."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from catalog.archive.connection import open_database
from catalog.archive.corrections import CorrectionsMixin
from catalog.archive.errors import ArchiveError
from catalog.archive.schema import content_hash_name
from catalog.archive.search import SearchMixin
from catalog.archive.stats import StatsMixin
from catalog.archive.writes import WriteMixin


class Archive(WriteMixin, SearchMixin, CorrectionsMixin, StatsMixin):
    """A catalog archive file, opened (and created and migrated unless ``readonly``).

    Raises ArchiveError when the file is not a catalog archive, is corrupt, or is
    missing in read-only mode. Use as a context manager or call :meth:`close`.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.db: Database = open_database(self.path, readonly=readonly)
        self._content_hash_name: str | None = None

    @property
    def content_hash_name(self) -> str:
        """What identifies a picture here: "blake3" (new archives) or "sha256" (older ones)."""
        if self._content_hash_name is None:
            self._content_hash_name = content_hash_name(self.db)
        return self._content_hash_name

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "read-write"
        return f"<Archive {self.path} {mode}>"


def check_archive(path: str | Path) -> None:
    """Make sure ``path`` is an existing archive before a UI opens it, and bring its schema
    up to date when the file is writable (a UI that only reads, Datasette, would otherwise
    see an older schema). Raises ArchiveError, with a reason a person understands."""
    target = Path(path)
    if not target.is_file():
        raise ArchiveError(f"no archive at {target}: run `catalog import` first")
    writable = os.access(target, os.W_OK) and os.access(target.parent, os.W_OK)
    Archive(target, readonly=not writable).close()
