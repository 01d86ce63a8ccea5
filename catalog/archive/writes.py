"""Writing to the archive: photos by content hash, paths, thumbnails, imports, errors."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from catalog.archive.columns import PHOTO_COLUMNS
from catalog.archive.connection import write_transaction
from catalog.archive.corrections import active_corrections, overlay
from catalog.archive.sql import UPSERT_PATH, insert_photo, update_photo
from catalog.archive.values import to_db, utcnow
from catalog.records import PhotoRecord, caption_columns, set_country_name

log = logging.getLogger(__name__)

#: Kept from the first time the content was seen.
_KEEP_ON_UPDATE = frozenset({"id", "path", "first_import_id", "imported_at"})
_CHUNK = 500


def record_columns(record: PhotoRecord) -> dict[str, Any]:
    """The ``photos`` values a record carries, as stored values (unknown keys dropped)."""
    cols: dict[str, Any] = {}
    if record.caption is not None and "parsed_json" not in record.columns:
        cols.update(caption_columns(record.caption))
    unknown = set(record.columns) - set(PHOTO_COLUMNS)
    if unknown:
        log.debug("ignoring columns that photos does not have: %s", sorted(unknown))
    cols.update({k: to_db(v) for k, v in record.columns.items() if k in PHOTO_COLUMNS})
    cols["content_hash"] = record.content_hash
    cols.setdefault("path", record.path)
    if cols.get("file_size") is None:
        cols["file_size"] = record.size
    return cols


class WriteMixin:
    """Archive methods that write (``self.db`` is the Database)."""

    db: Database

    def upsert_photos(self, records: Iterable[PhotoRecord], import_id: int | None = None) -> dict:
        """Insert new content, update known content (corrections kept), in one transaction."""
        records = list(records)
        now = utcnow()
        inserted = updated = 0
        with write_transaction(self.db):
            ids = self.photo_ids_for_hashes([r.content_hash for r in records])
            live = active_corrections(self.db, ids.values())
            fresh: set[str] = set()
            for record in records:
                if record.content_hash in fresh:
                    continue  # the same content twice in one batch: one row, two paths
                cols = record_columns(record)
                photo_id = ids.get(record.content_hash)
                if photo_id is None:
                    set_country_name(cols)
                    fresh.add(record.content_hash)
                    cols.update(first_import_id=import_id, imported_at=now, updated_at=now)
                    cols.setdefault("corrected_fields", "[]")
                    ids[record.content_hash] = insert_photo(self.db, cols)
                    inserted += 1
                else:
                    cols = overlay(cols, live.get(photo_id, {}))
                    set_country_name(cols)
                    cols["updated_at"] = now
                    update_photo(self.db, photo_id,
                                 {k: v for k, v in cols.items() if k not in _KEEP_ON_UPDATE})
                    updated += 1
            self.db.conn.executemany(UPSERT_PATH, [
                (r.path, ids[r.content_hash], r.size, r.mtime_ns, now) for r in records])
        return {"inserted": inserted, "updated": updated}

    def update_parses(self, parses: list[tuple[int, dict[str, Any]]], parser_version: str) -> None:
        """Write new parsed columns for photos (re-parse), corrections overlaid, in one transaction."""
        now = utcnow()
        with write_transaction(self.db):
            live = active_corrections(self.db, [photo_id for photo_id, _ in parses])
            for photo_id, columns in parses:
                cols = overlay({k: v for k, v in columns.items() if k in PHOTO_COLUMNS},
                               live.get(photo_id, {}))
                if "country" in cols or "country_code" in cols:
                    set_country_name(cols)
                cols.update(parser_version=parser_version, updated_at=now)
                update_photo(self.db, photo_id, cols)

    def photo_ids_for_hashes(self, hashes: list[str]) -> dict[str, int]:
        """content hash -> photo id, for those of ``hashes`` already in the archive."""
        found: dict[str, int] = {}
        for start in range(0, len(hashes), _CHUNK):
            chunk = hashes[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT content_hash, id FROM photos WHERE content_hash IN ({marks})", chunk).fetchall())
        return found

    def photo_id_for_hash(self, content_hash: str) -> int | None:
        """The id of the photo with this content hash, if known."""
        return self.photo_ids_for_hashes([content_hash]).get(content_hash)

    def known_paths(self) -> dict[str, tuple[int, int]]:
        """path -> (size, mtime_ns) of every file already in the archive."""
        rows = self.db.execute("SELECT path, size, mtime_ns FROM photo_paths").fetchall()
        return {path: (size, mtime_ns) for path, size, mtime_ns in rows}

    def add_path(self, photo_id: int, path: str, size: int, mtime_ns: int) -> None:
        """Record another path at which known content lives."""
        with write_transaction(self.db):
            self.db["photo_paths"].upsert(
                {"path": path, "photo_id": photo_id, "size": size, "mtime_ns": mtime_ns,
                 "seen_at": utcnow()}, pk="path")

    def set_thumbnail(self, photo_id: int, jpeg: bytes, width: int, height: int, source: str) -> None:
        """Store (or replace) the photo's thumbnail JPEG."""
        with write_transaction(self.db):
            self.db["thumbnails"].upsert(
                {"photo_id": photo_id, "jpeg": jpeg, "width": width, "height": height,
                 "source": source}, pk="photo_id")

    def thumbnail(self, photo_id: int) -> bytes | None:
        """The photo's thumbnail JPEG, if one was made."""
        found = self.db.execute("SELECT jpeg FROM thumbnails WHERE photo_id = ?", [photo_id]).fetchone()
        return found[0] if found else None

    def photos_without_thumbnail(self, limit: int | None = None) -> list[tuple[int, str]]:
        """(id, path) of photos that have no thumbnail yet, oldest first."""
        sql = ("SELECT photos.id, photos.path FROM photos LEFT JOIN thumbnails "
               "ON thumbnails.photo_id = photos.id WHERE thumbnails.photo_id IS NULL ORDER BY photos.id")
        params: list[Any] = []
        if limit is not None:
            sql, params = sql + " LIMIT ?", [limit]
        return [(i, p) for i, p in self.db.execute(sql, params).fetchall()]

    def start_import(self, paths: list[str]) -> int:
        """Open an import run; return its id."""
        with write_transaction(self.db):
            return int(self.db["imports"].insert({
                "started_at": utcnow(), "paths": json.dumps([str(p) for p in paths]),
                "status": "running", "seen": 0, "imported": 0, "unchanged": 0, "failed": 0,
            }).last_pk)

    def finish_import(self, import_id: int, *, status: str, seen: int, imported: int,
                      unchanged: int, failed: int) -> None:
        """Close an import run with its counts."""
        with write_transaction(self.db):
            self.db["imports"].update(import_id, {
                "finished_at": utcnow(), "status": status, "seen": seen,
                "imported": imported, "unchanged": unchanged, "failed": failed})

    def record_error(self, import_id: int | None, path: str, reason: str, error_type: str) -> None:
        """Log a file that could not be imported, with a reason a person understands."""
        with write_transaction(self.db):
            self.db["import_errors"].insert({
                "import_id": import_id, "path": str(path), "reason": reason,
                "error_type": error_type, "at": utcnow()})

    def errors(self, limit: int = 100, *, import_id: int | None = None) -> list[dict]:
        """Import errors, newest first (of one import run if given)."""
        where, params = ("import_id = ?", [import_id]) if import_id is not None else (None, None)
        return list(self.db["import_errors"].rows_where(where, params, order_by="id DESC",
                                                        limit=limit))
