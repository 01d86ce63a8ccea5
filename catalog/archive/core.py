"""The Archive: one SQLite file holding photos, captions, corrections, thumbnails, imports."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from catalog.archive.connection import open_database
from catalog.archive.corrections import CorrectionsMixin
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
