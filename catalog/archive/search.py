"""Reading the archive: full-text search with filters, counts, facets, one photo, re-uses."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from catalog.archive.errors import ArchiveError
from catalog.archive.fts import plain_fts_query, to_fts_query
from catalog.archive.similar import other_uses_rows

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FACETS = {
    "agency": "agency",
    "photographer": "photographer",
    "country": "country_name",
    "year": "substr(date, 1, 4)",
}
ORDERS = ("relevance", "date")
#: The index on photos.date that migration m001 creates (sqlite-utils' naming).
DATE_INDEX = "idx_photos_date"


def has_country_name(db: Database) -> bool:
    """Whether ``photos`` has ``country_name`` (migration m007; not yet in an older archive
    that was only opened read-only since)."""
    return any(row[1] == "country_name" for row in db.execute("PRAGMA table_info(photos)"))


def _date_bound(value: str | dt.date | None, *, upper: bool) -> str | None:
    """An ISO bound; "2023" or "2023-01" cover the whole year or month."""
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if not _PARTIAL_DATE.match(text):
        raise ArchiveError(f"dates are written YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    if upper and len(text) < 10:
        text += "-99" if len(text) == 7 else "-99-99"  # sorts after every real day in it
    return text


def _filters(agency: str | None = None, photographer: str | None = None,
             country: str | None = None, date_from: str | dt.date | None = None,
             date_to: str | dt.date | None = None, file_photo: bool | None = None,
             has_conflict: bool | None = None,
             grouped_country: bool = True) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if agency:
        where.append("photos.agency = ? COLLATE NOCASE")
        params.append(agency)
    if photographer:
        where.append("photos.photographer = ? COLLATE NOCASE")
        params.append(photographer)
    if country:  # the grouped name, as written, or the ISO code
        names = ["photos.country", "photos.country_code"]
        if grouped_country:
            names.insert(0, "photos.country_name")
        where.append("(" + " OR ".join(f"{n} = ? COLLATE NOCASE" for n in names) + ")")
        params += [country] * len(names)
    low, high = _date_bound(date_from, upper=False), _date_bound(date_to, upper=True)
    if low:
        where.append("photos.date >= ?")
        params.append(low)
    if high:
        where.append("photos.date <= ?")
        params.append(high)
    if file_photo is not None:
        where.append("photos.file_photo = ?")
        params.append(int(bool(file_photo)))
    if has_conflict:
        where.append("photos.has_conflict = 1")
    elif has_conflict is not None:
        where.append("coalesce(photos.has_conflict, 0) = 0")
    return where, params


class SearchMixin:
    """Archive methods that read (``self.db`` is the Database)."""

    db: Database
    #: With at least this many text matches (and no other filter), a date-ordered search
    #: walks the date index newest first and stops at the page, instead of sorting every
    #: match: on 200,000 rows a common word takes 2 ms instead of 75 ms, while a rare
    #: word keeps the sort (0.1 ms instead of 30 ms walking the index).
    dense_matches = 2000

    def _dense(self, fts: str) -> bool:
        """Whether the text matches at least ``dense_matches`` photos (a bounded probe)."""
        try:
            found = self.db.execute(
                "SELECT count(*) FROM (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ? LIMIT ?)",
                [fts, self.dense_matches]).fetchone()[0]
        except sqlite3.OperationalError:
            return False  # the search itself will retry or explain
        return found >= self.dense_matches

    def _run(self, sql: str, params: list[Any], query: str, fts: str) -> sqlite3.Cursor:
        """Execute; if FTS5 still rejects the text, retry with plain words, else explain."""
        try:
            return self.db.execute(sql, params)
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if not fts or ("fts5" not in message and "match" not in message):
                raise ArchiveError(f"search failed: {exc}") from exc
            plain = plain_fts_query(query)
            try:
                return self.db.execute(sql, [plain if p == fts else p for p in params])
            except sqlite3.OperationalError as again:
                raise ArchiveError(f"cannot search for {query!r}: {again}") from again

    def _grouped_country(self) -> bool:
        """has_country_name, asked once per Archive (every search and keystroke needs it)."""
        known = self.__dict__.get("_has_country_name")
        if known is None:
            known = self.__dict__["_has_country_name"] = has_country_name(self.db)
        return known

    def _select(self, query: str, filters: dict[str, Any], *, order: str | None,
                columns: str = "photos.*") -> tuple[str, list[Any], str]:
        """SQL, its parameters and the FTS expression; ``order=None`` for no ORDER BY."""
        if order is not None and order not in ORDERS:
            raise ArchiveError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        where, params = _filters(**filters, grouped_country=self._grouped_country())
        fts = to_fts_query(query or "")
        ranked = bool(fts) and order == "relevance"
        if ranked:
            sql = (f"SELECT {columns}, photos_fts.rank AS rank FROM photos "
                   "JOIN photos_fts ON photos_fts.rowid = photos.id")
            where.insert(0, "photos_fts MATCH ?")
            params.insert(0, fts)
        else:
            walk_dates = bool(fts) and order == "date" and not where and self._dense(fts)
            sql = f"SELECT {columns} FROM photos" + (f" INDEXED BY {DATE_INDEX}" if walk_dates else "")
            if fts:
                where.insert(0, "photos.id IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ?)")
                params.insert(0, fts)
        if where:
            sql += " WHERE " + " AND ".join(where)
        if ranked:
            sql += " ORDER BY photos_fts.rank"
        elif order is not None:
            sql += " ORDER BY photos.date DESC, photos.id DESC"  # DESC puts undated (NULL) last
        return sql, params, fts

    def search(self, query: str = "", *, order: str = "relevance", limit: int | None = 50,
               offset: int = 0, **filters: Any) -> list[dict]:
        """Photos rows matching text typed by a person and the filters (agency, photographer,
        country, date_from, date_to, file_photo, has_conflict); "rank" added when ranked."""
        return list(self.iter_search(query, order=order, limit=limit, offset=offset, **filters))

    def iter_search(self, query: str = "", *, order: str = "date", limit: int | None = None,
                    offset: int = 0, **filters: Any) -> Iterator[dict]:
        """Like :meth:`search`, streamed, unlimited by default (for exports)."""
        sql, params, fts = self._select(query, filters, order=order)
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else int(limit), int(offset)]
        cursor = self._run(sql, params, query, fts)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))

    def count(self, query: str = "", **filters: Any) -> int:
        """How many photos :meth:`search` would find without a limit.

        Text alone is counted in the FTS index, never touching the wide photos rows
        (every FTS row is a photo: triggers keep them in step).
        """
        sql, params, fts = self._select(query, filters, order=None, columns="count(*)")
        if fts and not any(_filters(**filters)[0]):
            sql, params = "SELECT count(*) FROM photos_fts WHERE photos_fts MATCH ?", [fts]
        return int(self._run(sql, params, query, fts).fetchone()[0])

    def facets(self, column: str, query: str = "", *, limit: int = 50,
               **filters: Any) -> list[tuple[str, int]]:
        """(value, count) of a facet (agency, photographer, country, year), most common first."""
        if column not in FACETS:
            raise ArchiveError(f"facets are {', '.join(FACETS)}, not {column!r}")
        expr = FACETS[column]
        if expr == "country_name" and not self._grouped_country():
            expr = "country"  # an archive opened read-only before migration m007
        inner, params, fts = self._select(query, filters, order=None, columns=f"{expr} AS value")
        sql = (f"SELECT value, count(*) AS n FROM ({inner}) WHERE value IS NOT NULL AND value != '' "
               "GROUP BY value ORDER BY n DESC, value LIMIT ?")
        return [(v, n) for v, n in self._run(sql, [*params, limit], query, fts).fetchall()]

    def get(self, photo_id: int) -> dict | None:
        """The photos row with its "paths" and "corrections" (newest first), or None."""
        rows = list(self.db["photos"].rows_where("id = ?", [photo_id]))
        if not rows:
            return None
        row = rows[0]
        row["paths"] = list(self.db["photo_paths"].rows_where(
            "photo_id = ?", [photo_id], order_by="seen_at, path"))
        row["corrections"] = list(self.db["corrections"].rows_where(
            "photo_id = ?", [photo_id], order_by="id DESC"))
        return row

    def other_uses(self, photo_id: int, max_distance: int = 6) -> list[dict]:
        """Other photos of the same picture (dhash within ``max_distance`` bits), nearest
        first, then newest; each row carries its "distance" (see archive/similar.py)."""
        return other_uses_rows(self.db.conn, photo_id, max_distance)
