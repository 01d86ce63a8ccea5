"""The content hash: BLAKE3 in new archives, SHA-256 kept by archives made before it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import blake3
import pytest
from PIL import Image
from sqlite_utils import Database

from catalog import hashing
from catalog.archive import Archive
from catalog.archive.schema import migrations
from catalog.hashing import hash_file, read_and_hash
from catalog.images.embed import build_iptc_segment, make_jpeg
from catalog.importer import import_paths
from plugins.datasette_catalog.detect import _schema_matches


def _jpeg(path: Path, shade: int) -> Path:
    caption = "Ferries leave the harbour in Lyon, France March 5, 2024. REUTERS/Ana Costa"
    path.write_bytes(make_jpeg(Image.new("RGB", (64, 48), (shade, 90, 140)),
                               iptc=build_iptc_segment({"caption": caption})))
    return path


def _old_archive(path: Path, photo: Path | None) -> None:
    """An archive as the schema stood before m008: ``photos.sha256``, no settings table."""
    old = Database(path)
    migrations.apply(old, stop_before="m008_content_hash")
    old.execute("ALTER TABLE photos RENAME COLUMN content_hash TO sha256")  # as m001 made it
    if photo is not None:
        sha = hashlib.sha256(photo.read_bytes()).hexdigest()
        old["photos"].insert({"id": 1, "sha256": sha, "path": str(photo), "caption": "old"})
        st = photo.stat()
        old["photo_paths"].insert({"path": str(photo), "photo_id": 1, "size": st.st_size,
                                   "mtime_ns": st.st_mtime_ns})
    old.close()


@pytest.mark.parametrize("algorithm, reference", [
    ("blake3", lambda data: blake3.blake3(data).hexdigest()),
    ("sha256", lambda data: hashlib.sha256(data).hexdigest()),
])
def test_hash_file_reads_the_whole_file_in_chunks(tmp_path, algorithm, reference):
    data = bytes(range(256)) * 9000  # 2.3 MB: more than one read chunk
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert hash_file(str(path), algorithm) == reference(data)


def test_read_and_hash_hands_back_the_bytes_it_hashed(tmp_path):
    data = bytes(range(256)) * 9000
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    digest, content = read_and_hash(str(path), len(data))
    assert (digest, content) == (blake3.blake3(data).hexdigest(), data)


def test_read_and_hash_streams_a_large_file_and_keeps_no_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(hashing, "WHOLE_READ_LIMIT", 1000)
    data = b"x" * 5000
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    assert read_and_hash(str(path), len(data), "sha256") == (hashlib.sha256(data).hexdigest(), None)


def test_a_file_that_grew_since_the_walk_is_hashed_whole(tmp_path):
    """The walk said 10 bytes; the file now holds 5,000: all of them are hashed, none kept."""
    data = b"y" * 5000
    path = tmp_path / "growing.bin"
    path.write_bytes(data)
    assert read_and_hash(str(path), 10) == (blake3.blake3(data).hexdigest(), None)


def test_a_new_archive_identifies_pictures_by_blake3(tmp_path):
    (tmp_path / "in").mkdir()
    photo = _jpeg(tmp_path / "in" / "a.jpg", 10)
    with Archive(tmp_path / "new.db") as archive:
        assert archive.content_hash_name == "blake3"
        import_paths(archive, [tmp_path / "in"], workers=1, thumbnails=False)
        stored = archive.db.execute("SELECT content_hash FROM photos").fetchone()[0]
    assert stored == blake3.blake3(photo.read_bytes()).hexdigest()


def test_an_older_archive_keeps_sha256_so_its_files_still_match(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    first = _jpeg(folder / "a.jpg", 10)
    _old_archive(tmp_path / "old.db", first)
    copy = folder / "copy of a.jpg"
    copy.write_bytes(first.read_bytes())
    other = _jpeg(folder / "b.jpg", 200)
    with Archive(tmp_path / "old.db") as archive:  # opening it migrates it
        columns = archive.db["photos"].columns_dict
        assert "content_hash" in columns and "sha256" not in columns
        assert archive.content_hash_name == "sha256"
        summary = import_paths(archive, [folder], workers=1, thumbnails=False)
        assert (summary.unchanged, summary.linked_paths) == (1, 1)  # the copy joins record 1
        rows = dict(archive.db.execute("SELECT path, content_hash FROM photos").fetchall())
        paths = archive.db.execute(
            "SELECT path FROM photo_paths WHERE photo_id = 1 ORDER BY path").fetchall()
    assert [p for (p,) in paths] == [str(first), str(copy)]
    assert rows[str(other)] == hashlib.sha256(other.read_bytes()).hexdigest()


def test_an_empty_older_archive_moves_to_blake3(tmp_path):
    _old_archive(tmp_path / "empty.db", None)
    with Archive(tmp_path / "empty.db") as archive:
        assert archive.content_hash_name == "blake3"


def test_a_read_only_older_archive_is_still_read_and_served(tmp_path):
    photo = _jpeg(tmp_path / "a.jpg", 10)
    _old_archive(tmp_path / "old.db", photo)
    with Archive(tmp_path / "old.db", readonly=True) as reader:
        assert reader.content_hash_name == "sha256"
        assert "sha256" in reader.db["photos"].columns_dict  # a reader never migrates
    conn = sqlite3.connect(tmp_path / "old.db")
    try:
        assert _schema_matches(conn)  # Datasette still recognises it as an archive
    finally:
        conn.close()


async def test_datasette_browses_an_older_archive_it_may_not_migrate(tmp_path):
    from datasette_catalog.commands import make_datasette

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m007_country_name")  # before country_name and content_hash
    old.execute("ALTER TABLE photos DROP COLUMN country_name")
    old.execute("ALTER TABLE photos RENAME COLUMN content_hash TO sha256")
    old["photos"].insert({"id": 1, "sha256": "ab" * 32, "path": "/x.jpg", "agency": "Reuters",
                          "caption": "Ferries leave the harbour in Lyon", "date": "2024-03-05"})
    old.close()
    ds = make_datasette(tmp_path / "old.db")
    for url in ("/old/photos", "/old/photos?_search=ferries", "/-/photo/1"):
        response = await ds.client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
    grid = (await ds.client.get("/old/photos")).text
    assert 'class="col-sha256' in grid and "/-/thumb/1" in grid  # the picture column, as before
