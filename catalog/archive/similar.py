"""Other uses of a picture: photos whose dhash is within a Hamming distance, exactly and fast.

Multi-index hashing. The 64-bit dhash (16 hex digits) is cut into ``BANDS`` bands of
16 bits (4 hex digits); migration m006 indexes each band as an expression on
``photos.dhash``, so every writer (upsert, the importer's thumbnail phase, bulk
loads) keeps the bands in step with no trigger and no extra table.

Pigeonhole: if two hashes differ in ``d`` bits, the differing bits fall into
``BANDS`` bands, so at least one band differs in at most ``d // BANDS`` bits. The
candidates are therefore the photos that have, in some band, a value within
``d // BANDS`` bits of the target's value in that band; each candidate's distance
is then checked exactly. For the default distance of 6 that is 4 x 17 indexed
probes and (on a million random hashes) about a thousand candidates, read from
the covering indexes alone; up to distance 15 the probes stay under MAX_PROBES.
A larger distance reads every hash instead; the answer is exact either way.

Pure functions on a ``sqlite3.Connection`` so that Datasette (``db.execute_fn``)
and the Archive run the same SQL and the same check.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from itertools import combinations

BANDS = 4
BAND_BITS = 16
_DIGITS = BAND_BITS // 4
#: Above this many probe values the lookup reads every hash instead (still exact).
MAX_PROBES = 3000
_CHUNK = 500


def band_expression(band: int) -> str:
    """The SQL expression (on ``dhash``) that migration m006 indexes for ``band``."""
    return f"lower(substr(dhash, {1 + band * _DIGITS}, {_DIGITS}))"


def parse_dhash(text: object) -> int | None:
    """A stored dhash as an integer, or None when it is missing or not 16 hex digits."""
    if not isinstance(text, str) or len(text) != 16:
        return None
    try:
        return int(text, 16)
    except ValueError:
        return None


@cache
def _masks(radius: int) -> tuple[int, ...]:
    """Every BAND_BITS-bit mask with at most ``radius`` bits set."""
    masks = [0]
    for count in range(1, radius + 1):
        for bits in combinations(range(BAND_BITS), count):
            masks.append(sum(1 << bit for bit in bits))
    return tuple(masks)


def band_probes(target: int, max_distance: int) -> list[list[str]] | None:
    """Per band, the hex values a hash within ``max_distance`` may have in it somewhere;
    None when there would be more than MAX_PROBES (a scan is cheaper)."""
    radius = max_distance // BANDS
    masks = _masks(radius) if radius <= BAND_BITS else ()
    if not masks or len(masks) * BANDS > MAX_PROBES:
        return None
    probes = []
    for band in range(BANDS):
        shift = (BANDS - 1 - band) * BAND_BITS
        value = (target >> shift) & ((1 << BAND_BITS) - 1)
        probes.append([f"{value ^ mask:0{_DIGITS}x}" for mask in masks])
    return probes


def has_band_indexes(conn: sqlite3.Connection) -> bool:
    """Whether migration m006 made the band indexes (a read-only, older archive lacks them)."""
    names = [f"idx_photos_dhash_band{band}" for band in range(BANDS)]
    found = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
        f"({', '.join('?' * BANDS)})", names).fetchone()[0]
    return found == BANDS


def _candidates(conn: sqlite3.Connection, target: int, max_distance: int) -> set[tuple[int, str]]:
    """(id, dhash) of photos that may be within ``max_distance`` of ``target``."""
    probes = band_probes(target, max_distance)
    if probes is None or not has_band_indexes(conn):  # one read of every hash beats four
        return set(conn.execute("SELECT id, dhash FROM photos WHERE dhash IS NOT NULL"))
    found: set[tuple[int, str]] = set()
    for band, values in enumerate(probes):
        for start in range(0, len(values), _CHUNK):
            chunk = values[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(conn.execute(
                f"SELECT id, dhash FROM photos WHERE {band_expression(band)} IN ({marks})", chunk))
    return found


def near_ids(conn: sqlite3.Connection, dhash: str, max_distance: int = 6, *,
             exclude: int | None = None) -> dict[int, int]:
    """photo id -> Hamming distance, for every photo within ``max_distance`` bits of ``dhash``."""
    target = parse_dhash(dhash)
    if target is None or max_distance < 0:
        return {}
    near: dict[int, int] = {}
    for photo_id, other in _candidates(conn, target, max_distance):
        value = parse_dhash(other)
        if photo_id == exclude or value is None:
            continue
        distance = (value ^ target).bit_count()
        if distance <= max_distance:
            near[photo_id] = distance
    return near


def other_uses_rows(conn: sqlite3.Connection, photo_id: int, max_distance: int = 6,
                    columns: str = "photos.*") -> list[dict]:
    """Rows (``columns`` of photos, plus "distance") of the other photos of the same
    picture as ``photo_id``: nearest first, then newest (undated last), then by id."""
    found = conn.execute("SELECT dhash FROM photos WHERE id = ?", [photo_id]).fetchone()
    if found is None:
        return []
    near = near_ids(conn, found[0], max_distance, exclude=photo_id)
    found_rows: list[tuple[tuple[int, str | None], dict]] = []
    ids = list(near)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = conn.execute(
            f"SELECT {columns}, photos.id AS [_other_id], photos.date AS [_other_date] "
            f"FROM photos WHERE photos.id IN ({marks})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            key = (row.pop("_other_id"), row.pop("_other_date"))
            row["distance"] = near[key[0]]
            found_rows.append((key, row))
    found_rows.sort(key=lambda pair: pair[0][0])  # stable sorts: id, then newest, then nearest
    found_rows.sort(key=lambda pair: (pair[0][1] is not None, pair[0][1] or ""), reverse=True)
    found_rows.sort(key=lambda pair: pair[1]["distance"])
    return [row for _, row in found_rows]
