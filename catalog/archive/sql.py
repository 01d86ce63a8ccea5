"""Plain SQL for the hot write paths (sqlite-utils' per-call table introspection
costs more than the write itself when an import writes thousands of rows)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from catalog.archive.columns import PHOTO_COLUMNS

#: Columns a new photos row is written with (id is assigned by SQLite).
INSERT_COLUMNS = tuple(c for c in PHOTO_COLUMNS if c != "id")
INSERT_PHOTO = (f"INSERT INTO photos ({', '.join(INSERT_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(INSERT_COLUMNS))})")
UPSERT_PATH = (
    "INSERT INTO photo_paths (path, photo_id, size, mtime_ns, seen_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(path) DO UPDATE SET photo_id = excluded.photo_id, size = excluded.size, "
    "mtime_ns = excluded.mtime_ns, seen_at = excluded.seen_at")


def insert_photo(db: Database, columns: dict[str, Any]) -> int:
    """Insert a photos row; return its new id."""
    cursor = db.conn.execute(INSERT_PHOTO, [columns.get(c) for c in INSERT_COLUMNS])
    return int(cursor.lastrowid)


def update_photo(db: Database, photo_id: int, changes: dict[str, Any]) -> None:
    """Set some columns of one photos row (names outside the schema are refused)."""
    unknown = set(changes) - set(PHOTO_COLUMNS)
    if unknown:
        raise ValueError(f"photos has no columns {sorted(unknown)}")
    if changes:
        assignments = ", ".join(f"[{name}] = ?" for name in changes)
        db.conn.execute(f"UPDATE photos SET {assignments} WHERE id = ?", [*changes.values(), photo_id])
