"""Other uses of a picture: the band lookup is exact, fast paths are taken, pages list copies.

Real SQLite archives; real JPEGs made with Pillow and hashed with the real dhash;
Datasette's own test client for the photo page.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette_catalog.commands import make_datasette
from PIL import Image, ImageDraw
from sqlite_utils import Database

from catalog.archive import Archive
from catalog.archive.schema import migrations
from catalog.archive.similar import (
    BANDS,
    band_expression,
    band_probes,
    has_band_indexes,
    near_ids,
)
from catalog.images.thumbs import dhash
from catalog.records import PhotoRecord

BITS = 64
RandomArchive = tuple[Archive, dict[int, int], list[int]]


def flip(value: int, bits: list[int]) -> int:
    """``value`` with the given bit positions (0 = the hash's FIRST, most significant bit) flipped."""
    for bit in bits:
        value ^= 1 << (BITS - 1 - bit)
    return value


def brute_force(hashes: dict[int, int], target: int, max_distance: int, exclude: int) -> dict[int, int]:
    return {pid: (h ^ target).bit_count() for pid, h in hashes.items()
            if pid != exclude and (h ^ target).bit_count() <= max_distance}


@pytest.fixture(scope="module")
def random_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RandomArchive]:
    """3,000 random hashes plus, for 40 of them, copies 0-14 bits away, many of the
    flips in the first 16 bits (which a prefix lookup misses)."""
    rng = random.Random(20261125)
    hashes: dict[int, int] = {}
    for pid in range(1, 3001):
        hashes[pid] = rng.getrandbits(BITS)
    next_id = 3001
    originals = rng.sample(range(1, 3001), 40)
    for original in originals:
        for distance in range(15):
            first_bits = rng.sample(range(16), min(distance, rng.randint(0, 16)))
            rest = rng.sample(range(16, BITS), distance - len(first_bits))
            hashes[next_id] = flip(hashes[original], first_bits + rest)
            next_id += 1
    archive = Archive(tmp_path_factory.mktemp("bands") / "bands.db")
    archive.db["photos"].insert_all(
        ({"id": pid, "content_hash": f"{pid:064x}", "path": f"/p/{pid}.jpg",
          "date": f"2024-01-{1 + pid % 28:02d}" if pid % 3 else None} for pid in hashes),
        batch_size=1000)
    # the importer's thumbnail phase writes dhash by UPDATE after the insert
    archive.db.conn.executemany("UPDATE photos SET dhash = ? WHERE id = ?",
                                [(f"{h:016x}", pid) for pid, h in hashes.items()])
    archive.db.conn.commit()
    yield archive, hashes, originals
    archive.close()


@pytest.mark.parametrize("max_distance", [0, 1, 3, 4, 6, 7, 9, 11, 12, 15, 16])
def test_band_lookup_agrees_with_brute_force(random_archive, max_distance: int) -> None:
    archive, hashes, originals = random_archive
    targets = originals[:15] + list(range(3001, 3601, 37)) + [1, 2, 3]
    matched = 0
    for pid in targets:
        expected = brute_force(hashes, hashes[pid], max_distance, exclude=pid)
        found = archive.other_uses(pid, max_distance=max_distance)
        assert {row["id"]: row["distance"] for row in found} == expected, (pid, max_distance)
        matched += len(expected)
    assert matched >= len(originals[:15])  # every original has a copy 0 bits away


def test_copies_differing_in_the_first_bits_are_found(random_archive) -> None:
    archive, hashes, _ = random_archive
    original = 1
    conn = archive.db.conn
    for bits in ([0, 1, 2, 3, 4, 5], [0, 5, 10, 15], [0, 1, 2, 17, 40, 63]):
        copy = flip(hashes[original], bits)
        assert near_ids(conn, f"{copy:016x}", 6).get(original) == len(bits)
    seven_away = flip(hashes[original], [0, 1, 2, 3, 4, 5, 6])
    assert original not in near_ids(conn, f"{seven_away:016x}", 6)


def test_other_uses_are_nearest_then_newest_then_by_id(random_archive) -> None:
    archive, _, originals = random_archive
    checked = 0
    for pid in originals:
        rows = archive.other_uses(pid, max_distance=14)
        keys = [(r["distance"], r["date"] is None, r["date"] or "", r["id"]) for r in rows]
        # the fixture's dates are all "2024-01-dd": later sorts first by negated characters
        assert keys == sorted(keys, key=lambda k: (k[0], k[1], [-ord(c) for c in k[2]], k[3]))
        checked += len(keys) > 1
    assert checked


def test_each_band_lookup_reads_its_covering_index(random_archive) -> None:
    archive, _, _ = random_archive
    for band in range(BANDS):
        plan = archive.db.execute(
            f"EXPLAIN QUERY PLAN SELECT id, dhash FROM photos WHERE {band_expression(band)} IN (?, ?)",
            ["abcd", "0000"]).fetchall()
        assert f"COVERING INDEX idx_photos_dhash_band{band}" in plan[0][3]


def test_probes_cover_the_pigeonhole_radius_and_give_way_to_a_scan() -> None:
    target = 0xA1B2C3D4E5F60718
    probes = band_probes(target, 6)  # 6 // 4 = 1 bit per band: 1 + 16 values
    assert probes is not None and [len(p) for p in probes] == [17] * BANDS
    assert probes[0][0] == "a1b2" and probes[3][0] == "0718"
    assert band_probes(target, 3) == [["a1b2"], ["c3d4"], ["e5f6"], ["0718"]]
    assert band_probes(target, 16) is None  # a scan is cheaper, and still exact


def test_missing_or_malformed_hashes_have_no_other_uses(tmp_archive: Archive) -> None:
    tmp_archive.db["photos"].insert_all([
        {"id": 1, "content_hash": "1", "dhash": None}, {"id": 2, "content_hash": "2", "dhash": "not-hex-at-all!!"},
        {"id": 3, "content_hash": "3", "dhash": "ABCDEF0123456789"}, {"id": 4, "content_hash": "4",
                                                                 "dhash": "abcdef0123456788"}])
    assert tmp_archive.other_uses(1) == [] and tmp_archive.other_uses(2) == []
    assert tmp_archive.other_uses(999) == []
    assert [(r["id"], r["distance"]) for r in tmp_archive.other_uses(3)] == [(4, 1)]
    assert [(r["id"], r["distance"]) for r in tmp_archive.other_uses(4)] == [(3, 1)]


def test_an_archive_without_the_band_indexes_still_answers_exactly(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m006_dhash_bands_and_id_agency_indexes")
    old["photos"].insert_all([{"id": n, "content_hash": str(n), "dhash": h} for n, h in
                              enumerate(["f0f0f0f0f0f0f0f0", "0ff0f0f0f0f0f0f0", "f0f0f0f0f0f0f0f1"], 1)])
    old.close()
    with Archive(path, readonly=True) as reader:  # not upgraded: no band indexes
        assert not has_band_indexes(reader.db.conn)
        assert [(r["id"], r["distance"]) for r in reader.other_uses(1, max_distance=8)] == [
            (3, 1), (2, 8)]
    with Archive(path) as writer:
        assert has_band_indexes(writer.db.conn)
        assert [r["id"] for r in writer.other_uses(1, max_distance=8)] == [3, 2]


# --- a re-sent picture, from real JPEG bytes ------------------------------------------

def picture(shade: int, size: tuple[int, int], quality: int) -> bytes:
    image = Image.new("RGB", (640, 400), (shade, 90, 200 - shade))
    draw = ImageDraw.Draw(image)
    draw.ellipse([80 + shade, 60, 300 + shade, 330], fill=(240, 220, 40))
    draw.rectangle([380, 40 + shade // 2, 600, 200], fill=(20, 30, 60))
    buf = io.BytesIO()
    image.resize(size).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def resent_archive(folder: Path) -> Path:
    """Three pictures: an original, the same re-sent smaller and recompressed, another."""
    files = {1: picture(30, (640, 400), 90), 2: picture(30, (400, 250), 55),
             3: picture(110, (640, 400), 90)}
    records = []
    for pid, data in files.items():
        path = folder / f"p{pid}.jpg"
        path.write_bytes(data)
        records.append(PhotoRecord(
            content_hash=f"{pid:064x}", path=str(path), size=len(data), mtime_ns=1,
            columns={"dhash": dhash(path), "format": "JPEG", "caption": f"Picture {pid}",
                     "date": "2024-05-0" + str(pid)}))
    db_path = folder / "resent.db"
    with Archive(db_path) as archive:
        archive.upsert_photos(records, None)
    return db_path


def test_a_resent_picture_is_found(tmp_path: Path) -> None:
    with Archive(resent_archive(tmp_path)) as archive:
        assert [r["id"] for r in archive.other_uses(1)] == [2]
        assert [r["id"] for r in archive.other_uses(2)] == [1]
        assert archive.other_uses(3) == []


async def test_photo_page_lists_the_resent_picture(tmp_path: Path) -> None:
    db_path = resent_archive(tmp_path)
    ds: Datasette = make_datasette(db_path)
    await ds.invoke_startup()
    data = (await ds.client.get("/-/photo/1.json")).json()
    assert [(u["id"], u["distance"]) for u in data["other_uses"]] == [
        (2, (int(data["dhash"], 16) ^ int(u["dhash"], 16)).bit_count()) for u in data["other_uses"]]
    assert [u["id"] for u in data["other_uses"]] == [2]
    html = (await ds.client.get("/-/photo/1")).text
    assert 'href="/-/photo/2"' in html[html.index("Other uses of this picture"):]
    lonely = (await ds.client.get("/-/photo/3")).text
    assert "No other use of this picture" in lonely
