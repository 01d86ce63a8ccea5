"""The SQLite archive: ``Archive(path)`` and the one error it raises, ``ArchiveError``.

``Archive`` and ``check_archive`` load sqlite-utils on first use, not when the package
is imported: an import forks its workers before that (see catalog.importer.pipeline),
and a script that only parses captions never needs it.
"""

from typing import TYPE_CHECKING, Any

from catalog.archive.errors import ArchiveError
from catalog.archive.values import decode_row

if TYPE_CHECKING:
    from catalog.archive.core import Archive, check_archive


def __getattr__(name: str) -> Any:
    if name in ("Archive", "check_archive"):
        from catalog import regexcache

        with regexcache.library_patterns():  # its patterns from the cache: start-up stays short
            from catalog.archive import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Archive", "ArchiveError", "check_archive", "decode_row"]
