"""The archive's schema, as migrations: an old archive opens in a new version.

``photos`` holds one row per distinct image content. Its caption columns hold the
*effective* values (the parser's, overlaid by the newest editor correction), so
search, facets, the TUI and Datasette read one table. The parser's own output is
kept whole in ``parsed_json``; corrections live in ``corrections`` and are never
touched by an import or a re-parse.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from catalog.archive.columns import FTS_COLUMNS, PHOTO_COLUMNS
from catalog.archive.similar import BANDS, band_expression
from catalog.hashing import DEFAULT_HASH, LEGACY_HASH

migrations = Migrations("catalog")


@migrations()
def m001_initial(db: Database) -> None:
    """Photos, their paths, thumbnails, corrections, imports and errors, FTS."""
    db["photos"].create(PHOTO_COLUMNS, pk="id", not_null={"content_hash"})
    db["photos"].create_index(["content_hash"], unique=True)
    for col in ("date", "agency", "photographer", "country", "taken_at", "dhash", "file_photo"):
        db["photos"].create_index([col])
    db["photo_paths"].create(
        {"path": str, "photo_id": int, "size": int, "mtime_ns": int, "seen_at": str},
        pk="path",
        foreign_keys=[("photo_id", "photos", "id")],
    )
    db["photo_paths"].create_index(["photo_id"])
    db["thumbnails"].create(
        {"photo_id": int, "jpeg": bytes, "width": int, "height": int, "source": str},
        pk="photo_id",
        foreign_keys=[("photo_id", "photos", "id")],
    )
    db["corrections"].create(
        {
            "id": int, "photo_id": int, "field": str, "value": str,
            "previous": str, "editor": str, "created_at": str, "undone_at": str,
        },
        pk="id",
        foreign_keys=[("photo_id", "photos", "id")],
    )
    db["corrections"].create_index(["photo_id", "field"])
    db["imports"].create(
        {
            "id": int, "started_at": str, "finished_at": str, "paths": str,
            "status": str, "seen": int, "imported": int, "unchanged": int, "failed": int,
        },
        pk="id",
    )
    db["import_errors"].create(
        {"id": int, "import_id": int, "path": str, "reason": str, "error_type": str, "at": str},
        pk="id",
    )
    db["import_errors"].create_index(["path"])
    db["photos"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True,
                            tokenize="unicode61 remove_diacritics 2")


@migrations()
def m002_undone_by(db: Database) -> None:
    """Who undid a correction, beside when."""
    db["corrections"].add_column("undone_by", str)


@migrations()
def m003_has_conflict_index(db: Database) -> None:
    """Index the conflict flag: the "disagrees with the camera" filter and stats use it."""
    db["photos"].create_index(["has_conflict"], if_not_exists=True)


@migrations()
def m004_fts_update_trigger_on_text_only(db: Database) -> None:
    """Re-index a photo's text only when an indexed column is written.

    The trigger that enable_fts makes fires on every UPDATE, so storing a
    thumbnail hash or a conflict flag re-indexed the whole caption.
    """
    names = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
    db.execute("DROP TRIGGER IF EXISTS [photos_au]")
    db.execute(
        f"CREATE TRIGGER [photos_au] AFTER UPDATE OF {names} ON [photos] BEGIN\n"
        f"  INSERT INTO [photos_fts] ([photos_fts], rowid, {names}) VALUES('delete', old.rowid, {old});\n"
        f"  INSERT INTO [photos_fts] (rowid, {names}) VALUES (new.rowid, {new});\n"
        "END")


@migrations()
def m005_parser_version_index(db: Database) -> None:
    """Index the parser version: stats count photos per version, reparse finds old ones."""
    db["photos"].create_index(["parser_version"], if_not_exists=True)


#: Stands for "one row per id" in sqlite_stat1; the row count is SQLite's own default guess.
_UNIQUE_ID_STAT = "1000000 1 1"


@migrations()
def m006_dhash_bands_and_id_agency_indexes(db: Database) -> None:
    """Index the four 16-bit bands of ``dhash``, and photos by (id, agency).

    The band indexes find other uses of a picture exactly (catalog/archive/similar.py).
    They are expression indexes, so every write of ``dhash`` keeps them in step, and
    each holds the whole hash, so candidates are checked without reading their rows.

    (id, agency) is a small covering index: counting the photos a search matches
    (Datasette's ``rowid in (fts match)``), alone or by agency, reads it instead of
    the wide rows (52 ms -> 16 ms on a million photos and a word in 45,000 captions).
    SQLite picks it only with a sqlite_stat1 row saying ids are unique, so one is
    written; a later full ANALYZE replaces it with measured figures.
    """
    for band in range(BANDS):
        db.execute(f"CREATE INDEX IF NOT EXISTS [idx_photos_dhash_band{band}] "
                   f"ON [photos] ({band_expression(band)}, [dhash])")
    db["photos"].create_index(["id", "agency"], if_not_exists=True)
    db.execute("ANALYZE [idx_photos_id_agency]")  # creates sqlite_stat1 when absent
    db.execute("DELETE FROM sqlite_stat1 WHERE idx = 'idx_photos_id_agency'")
    db.execute("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('photos', 'idx_photos_id_agency', ?)",
               [_UNIQUE_ID_STAT])
    db.execute("ANALYZE sqlite_schema")  # this connection re-reads the statistics


@migrations()
def m007_country_name(db: Database) -> None:
    """``country_name``: one name per country for facets and lists, however the caption
    wrote it (Britain, England, UK -> United Kingdom; a US state alone -> United States),
    filled for every photo from its effective ``country_code`` and ``country``."""
    from functools import lru_cache

    from catalog.records import set_country_name

    @lru_cache(maxsize=4096)
    def name(code: str | None, country: str | None, corrected: str | None) -> str | None:
        cols = {"country_code": code, "country": country, "corrected_fields": corrected}
        set_country_name(cols)
        return cols["country_name"]

    if "country_name" not in db["photos"].columns_dict:
        db["photos"].add_column("country_name", str)
    db.conn.create_function("catalog_country_name", 3, name, deterministic=True)
    db.execute("UPDATE photos SET country_name = "
               "catalog_country_name(country_code, country, corrected_fields)")
    db["photos"].create_index(["country_name"], if_not_exists=True)


@migrations()
def m008_content_hash(db: Database) -> None:
    """``photos.sha256`` becomes ``content_hash``, and ``archive_settings`` names its
    algorithm: an archive that already holds photos keeps SHA-256 (its files must keep
    matching their records); an empty or new one uses BLAKE3 (catalog/hashing.py)."""
    columns = db["photos"].columns_dict
    if "sha256" in columns:
        db.execute("ALTER TABLE photos RENAME COLUMN sha256 TO content_hash")
    held = db.execute("SELECT 1 FROM photos LIMIT 1").fetchone() is not None
    db["archive_settings"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["archive_settings"].insert(
        {"key": "content_hash", "value": LEGACY_HASH if held else DEFAULT_HASH}, ignore=True)


def content_hash_name(db: Database) -> str:
    """The archive's content-hash algorithm (a key of catalog.hashing.HASHES)."""
    if not db["archive_settings"].exists():
        return LEGACY_HASH  # a read-only archive from before m008
    row = db.execute("SELECT value FROM archive_settings WHERE key = 'content_hash'").fetchone()
    return row[0] if row else LEGACY_HASH


def migrate(db: Database) -> None:
    """Bring ``db`` to the newest schema."""
    migrations.apply(db)
