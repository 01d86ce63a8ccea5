"""What the archive holds, in numbers."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from catalog.archive.search import has_country_name


class StatsMixin:
    """Archive.stats (``self.db`` is the Database)."""

    db: Database

    def _scalar(self, sql: str) -> Any:
        return self.db.execute(sql).fetchone()[0]

    def _grouped(self, column: str) -> dict[str, int]:
        rows = self.db.execute(
            f"SELECT {column}, count(*) AS n FROM photos WHERE coalesce({column}, '') != '' "
            f"GROUP BY {column} ORDER BY n DESC, {column}").fetchall()
        return {name: n for name, n in rows}

    def stats(self) -> dict[str, Any]:
        """Counts of photos, paths, agencies, countries, parser versions, dates, flags,
        thumbnails, corrections, errors and imports."""
        first = self._scalar("SELECT min(date) FROM photos")  # apart, so each uses the index
        last = self._scalar("SELECT max(date) FROM photos")
        last_import = self.db.execute(
            "SELECT id, started_at, finished_at, status, seen, imported, unchanged, failed "
            "FROM imports ORDER BY id DESC LIMIT 1").fetchone()
        last_import_keys = ("id", "started_at", "finished_at", "status", "seen", "imported",
                            "unchanged", "failed")
        return {
            "photos": self._scalar("SELECT count(*) FROM photos"),
            "paths": self._scalar("SELECT count(*) FROM photo_paths"),
            "agencies": self._grouped("agency"),
            "countries": self._grouped("country_name" if has_country_name(self.db) else "country"),
            "parser_versions": self._grouped("parser_version"),
            "date_from": first,
            "date_to": last,
            "file_photos": self._scalar("SELECT count(*) FROM photos WHERE file_photo = 1"),
            "with_thumbnails": self._scalar("SELECT count(*) FROM thumbnails"),
            "conflicts": self._scalar("SELECT count(*) FROM photos WHERE has_conflict = 1"),
            "corrections": self._scalar("SELECT count(*) FROM corrections WHERE undone_at IS NULL"),
            # files that failed and are not in the archive under that path since
            "errors": self._scalar(
                "SELECT count(DISTINCT path) FROM import_errors "
                "WHERE path NOT IN (SELECT path FROM photo_paths)"),
            "imports": self._scalar("SELECT count(*) FROM imports"),
            "last_import": dict(zip(last_import_keys, last_import, strict=True)) if last_import else None,
        }
