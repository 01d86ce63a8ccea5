"""The SQLite archive: ``Archive(path)`` and the one error it raises, ``ArchiveError``."""

from catalog import regexcache

with regexcache.library_patterns():  # its patterns from the cache: start-up stays short
    import sqlite_utils  # noqa: F401

from catalog.archive.core import Archive, check_archive
from catalog.archive.errors import ArchiveError
from catalog.archive.values import decode_row

__all__ = ["Archive", "ArchiveError", "check_archive", "decode_row"]
