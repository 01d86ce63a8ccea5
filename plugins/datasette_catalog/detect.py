"""Which of Datasette's databases are catalog archives.

A database qualifies when it has the archive's ``photos`` (with the content hash,
perceptual hash and caption columns), ``photo_paths`` and ``thumbnails`` tables.
The answer is cached per Datasette instance: schema checks run once per database.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:  # importing datasette here would load it with the ``catalog`` CLI
    from datasette.app import Datasette
    from datasette.database import Database

#: Config key under ``plugins`` in Datasette's metadata.
PLUGIN_NAME = "datasette-catalog"

_REQUIRED_PHOTO_COLUMNS = {"id", "dhash", "caption", "path"}
#: The content hash's column: ``sha256`` in an archive not yet migrated (read-only).
HASH_COLUMNS = ("content_hash", "sha256")
_REQUIRED_TABLES = {"photos", "photo_paths", "thumbnails"}
_cache: WeakKeyDictionary[Any, dict[str, bool]] = WeakKeyDictionary()
_columns: WeakKeyDictionary[Any, dict[str, frozenset[str]]] = WeakKeyDictionary()


def _schema_matches(conn: sqlite3.Connection) -> bool:
    tables = {row[0] for row in conn.execute("select name from sqlite_master where type='table'")}
    if not tables >= _REQUIRED_TABLES:
        return False
    columns = {row[1] for row in conn.execute("pragma table_info(photos)")}
    return columns >= _REQUIRED_PHOTO_COLUMNS and not columns.isdisjoint(HASH_COLUMNS)


def _check(db: Database) -> bool:
    if db.is_memory or not db.path:
        return False
    try:
        conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return _schema_matches(conn)
    except sqlite3.DatabaseError:  # not SQLite, or corrupt: simply not an archive
        return False
    finally:
        conn.close()


def is_catalog_database(datasette: Datasette, name: str | None) -> bool:
    """True if the database called ``name`` is a catalog archive."""
    if not name or name not in datasette.databases:
        return False
    known = _cache.setdefault(datasette, {})
    if name not in known:
        known[name] = _check(datasette.databases[name])
    return known[name]


def photo_columns(datasette: Datasette, name: str) -> frozenset[str]:
    """The columns of archive ``name``'s photos table, read once: an archive of an older schema,
    served read-only, lacks some (``country_name``) or names one otherwise (``sha256``)."""
    known = _columns.setdefault(datasette, {})
    if name not in known:
        db = datasette.databases[name]
        try:
            conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
            try:
                known[name] = frozenset(row[1] for row in conn.execute("pragma table_info(photos)"))
            finally:
                conn.close()
        except sqlite3.Error:
            known[name] = frozenset()
    return known[name]


def catalog_database_names(datasette: Datasette) -> list[str]:
    """Names of the archives being served, in Datasette's order."""
    return [name for name in list(datasette.databases) if is_catalog_database(datasette, name)]


def catalog_database(datasette: Datasette) -> Database:
    """The archive that ``/-/photo``, ``/-/thumb`` and ``/-/image`` read.

    The plugin setting ``database`` names it; otherwise the first archive served.
    """
    config = datasette.plugin_config(PLUGIN_NAME) or {}
    wanted = config.get("database")
    names = catalog_database_names(datasette)
    if wanted:
        names = [name for name in names if name == wanted]
    if not names:
        from datasette.utils.asgi import NotFound

        raise NotFound("No photo archive is being served")
    return datasette.databases[names[0]]
