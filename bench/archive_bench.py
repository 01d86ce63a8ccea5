"""How fast the archive answers: other uses (band lookup vs brute force), count, date search.

    cp /tmp/h7/1m.db /tmp/me/1m.db      # never run on a shared archive: it is migrated
    python bench/archive_bench.py /tmp/me/1m.db --migrate [--samples 200] [--brute 10]

On an archive made by ``bench/make_archive.py OUT.db --rows N``. Opening it for
writing applies pending migrations (timed; without ``--migrate`` the bench refuses
an archive that lacks some). Then, each figure the median and 95th percentile of
repeated calls in one process:

- other uses: ``Archive.other_uses`` (band lookup) on ``--samples`` photos, half of
  them re-sent file photos that have a copy; brute force (every hash compared in
  SQL, the old way) on ``--brute`` of them, with both answers checked to agree;
- count: ``Archive.count(word)`` (from photos_fts alone) beside the old form
  (``photos.id IN (fts match)``), and Datasette's count of a search page with and
  without the (id, agency) index (``NOT INDEXED``);
- search: ``Archive.search(word, order="date")``, the first page of 50.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from catalog.archive import Archive
from catalog.archive.schema import migrations

WORDS = ("protesters", "reuters", "ukraine", "police", "firefighters", "harbour", "kharkiv")
BRUTE_SQL = ("SELECT * FROM (SELECT photos.*, hamming(dhash, ?) AS distance FROM photos "
             "WHERE id != ? AND dhash IS NOT NULL) WHERE distance <= ? "
             "ORDER BY distance, date DESC NULLS LAST, id")
OLD_COUNT_SQL = ("SELECT count(*) FROM photos WHERE photos.id IN "
                 "(SELECT rowid FROM photos_fts WHERE photos_fts MATCH ?)")
DATASETTE_COUNT_SQL = ("SELECT count(*) FROM photos {hint} WHERE rowid IN "
                       "(SELECT rowid FROM photos_fts WHERE photos_fts MATCH ?)")


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):8.2f} ms   p95 {p95:8.2f} ms   (n={len(ordered)})"


def pending_migrations(path: Path) -> list[str]:
    db = Database(path)
    try:
        return [m.name for m in migrations.pending(db)]
    finally:
        db.close()


def sample_ids(archive: Archive, count: int, seed: int) -> list[int]:
    """Half re-sent file photos (which have a copy), half any photo with a hash."""
    rng = random.Random(seed)
    top = archive.db.execute("SELECT max(id) FROM photos").fetchone()[0] or 0
    resent = [row[0] for row in archive.db.execute(
        "SELECT id FROM photos WHERE file_photo = 1 AND dhash IS NOT NULL LIMIT ?",
        [count * 20])]
    picked = rng.sample(resent, min(len(resent), count // 2))
    while len(picked) < count and top:
        candidate = rng.randint(1, top)
        if archive.db.execute("SELECT 1 FROM photos WHERE id = ? AND dhash IS NOT NULL",
                              [candidate]).fetchone():
            picked.append(candidate)
    return picked


def bench_other_uses(archive: Archive, ids: list[int], brute: int, distance: int) -> None:
    band_times, found = [], 0
    for photo_id in ids:
        ms, rows = timed(lambda pid=photo_id: archive.other_uses(pid, max_distance=distance))
        band_times.append(ms)
        found += bool(rows)
    print(f"other_uses band    {summary(band_times)}   {found} of {len(ids)} have a copy")
    brute_times, agree = [], 0
    for photo_id in ids[:brute]:
        dhash = archive.db.execute("SELECT dhash FROM photos WHERE id = ?", [photo_id]).fetchone()[0]
        ms, rows = timed(lambda pid=photo_id, h=dhash: archive.db.execute(
            BRUTE_SQL, [h, pid, distance]).fetchall())
        brute_times.append(ms)
        band = {r["id"]: r["distance"] for r in archive.other_uses(photo_id, max_distance=distance)}
        agree += band == {r[0]: r[-1] for r in rows}
    if brute_times:
        print(f"other_uses brute   {summary(brute_times)}   band agrees on {agree} of {len(brute_times)}")


def bench_counts(archive: Archive, words: tuple[str, ...], repeat: int) -> None:
    rows: dict[str, list[float]] = {"count (fts only)": [], "count (old: id in)": [],
                                    "datasette count, (id, agency) index": [],
                                    "datasette count, NOT INDEXED": []}
    for word in words:
        for _ in range(repeat):
            rows["count (fts only)"].append(timed(lambda w=word: archive.count(w))[0])
            rows["count (old: id in)"].append(timed(lambda w=word: archive.db.execute(
                OLD_COUNT_SQL, [w]).fetchone())[0])
            rows["datasette count, (id, agency) index"].append(timed(lambda w=word: archive.db.execute(
                DATASETTE_COUNT_SQL.format(hint=""), [w]).fetchone())[0])
            rows["datasette count, NOT INDEXED"].append(timed(lambda w=word: archive.db.execute(
                DATASETTE_COUNT_SQL.format(hint="NOT INDEXED"), [w]).fetchone())[0])
    for label, times in rows.items():
        print(f"{label:<37}{summary(times)}")
    plan = archive.db.execute("EXPLAIN QUERY PLAN " + DATASETTE_COUNT_SQL.format(hint=""),
                              [words[0]]).fetchall()
    print("  datasette count plan: " + "; ".join(step[3] for step in plan))


def bench_search(archive: Archive, words: tuple[str, ...], repeat: int) -> None:
    times = [timed(lambda w=word: archive.search(w, order="date", limit=50))[0]
             for word in words for _ in range(repeat)]
    print(f"search order=date  {summary(times)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="a COPY of an archive (it gets migrated)")
    parser.add_argument("--migrate", action="store_true",
                        help="apply pending migrations to ARCHIVE (only ever on a copy)")
    parser.add_argument("--samples", type=int, default=200, help="photos for the band lookup")
    parser.add_argument("--brute", type=int, default=10, help="of those, checked by brute force")
    parser.add_argument("--distance", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=5, help="calls per word")
    parser.add_argument("--words", nargs="+", default=list(WORDS))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if not args.archive.is_file():
        parser.error(f"no archive at {args.archive}")
    pending = pending_migrations(args.archive)
    if pending and not args.migrate:
        parser.error(f"{args.archive} lacks migrations {pending}: copy it and pass --migrate")
    ms, archive = timed(lambda: Archive(args.archive))
    print(f"{args.archive}: opened in {ms / 1000:.1f} s"
          + (f" (applied {', '.join(pending)})" if pending else ""))
    with archive:
        total = archive.db.execute("SELECT count(*) FROM photos").fetchone()[0]
        print(f"{total:,} photos; words: {', '.join(args.words)}")
        words = tuple(args.words)
        for word in words:  # warm the cache the way a session in use would be
            archive.count(word)
        bench_other_uses(archive, sample_ids(archive, args.samples, args.seed), args.brute,
                         args.distance)
        bench_counts(archive, words, args.repeat)
        bench_search(archive, words, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
