"""Datasette keeps serving while an import writes to the same archive (WAL)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from datasette_catalog.commands import make_datasette
from test_datasette_support import PHOTOS, build_archive, new_records

from catalog.archive import Archive

BATCHES, PER_BATCH = 12, 25


def write_batches(path: Path, done: threading.Event, failures: list[BaseException]) -> None:
    """What ``catalog import`` does to the archive: batched upserts in transactions."""
    try:
        with Archive(path) as archive:
            for batch in range(BATCHES):
                archive.upsert_photos(new_records(1000 + batch * PER_BATCH, PER_BATCH), None)
                time.sleep(0.02)
    except BaseException as exc:  # reported to the test below, which fails on it
        failures.append(exc)
    finally:
        done.set()


async def test_pages_keep_serving_and_new_photos_appear(tmp_path: Path) -> None:
    path = build_archive(tmp_path)
    ds = make_datasette(path)
    await ds.invoke_startup()
    before = (await ds.client.get("/archive/photos.json")).json()["filtered_table_rows_count"]
    assert before == len(PHOTOS)

    done, failures = threading.Event(), []
    writer = threading.Thread(target=write_batches, args=(path, done, failures))
    writer.start()
    statuses, counts = [], []
    urls = ["/archive/photos", "/archive/photos.json?_search=cyclists", "/-/photo/1"]
    while not done.is_set():
        for url in urls:
            response = await ds.client.get(url)
            statuses.append(response.status_code)
            assert "database is locked" not in response.text
        counts.append((await ds.client.get("/archive/photos.json")).json()
                      ["filtered_table_rows_count"])
    writer.join()

    assert not failures, failures
    assert len(statuses) >= len(urls) and set(statuses) == {200}
    assert counts == sorted(counts)  # readers never see rows vanish mid-import
    after = (await ds.client.get("/archive/photos.json")).json()
    assert after["filtered_table_rows_count"] == len(PHOTOS) + BATCHES * PER_BATCH
    found = (await ds.client.get("/archive/photos.json?_search=cyclists")).json()
    assert found["filtered_table_rows_count"] == BATCHES * PER_BATCH
