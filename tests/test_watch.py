"""The hot folder: files written in pieces are imported once whole; bad files don't stop it."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from catalog.archive import Archive
from catalog.importer.watch import watch_folder


def _jpeg_bytes(colour: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buf, "JPEG")
    return buf.getvalue()


def _wait(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_watch_imports_a_file_written_in_pieces_and_survives_bad_files(tmp_path, poll):
    hot = tmp_path / "hot"
    hot.mkdir()
    (hot / "already.jpg").write_bytes(_jpeg_bytes("green"))
    db = tmp_path / "a.db"
    stop = threading.Event()
    summaries = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with Archive(db) as archive:  # the watcher's own connection, in its thread
                watch_folder(archive, hot, settle_s=0.6, thumbnails=False,
                             on_import=summaries.append, stop=stop, poll=poll)
        except BaseException as exc:  # surfaced to the test below
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        assert _wait(lambda: len(summaries) >= 1), "initial scan did not run"
        assert summaries[0].imported == 1

        data = _jpeg_bytes("purple")
        with open(hot / "arriving.jpg", "wb") as fh:
            fh.write(data[:100])
            fh.flush()
            time.sleep(0.4)  # still growing, within the settle time
            fh.write(data[100:400])
            fh.flush()
            time.sleep(0.4)
            fh.write(data[400:])
        (hot / "broken.jpg").write_text("not a picture at all")

        def imported(name: str) -> bool:
            return str(hot / name) in _paths(db)

        assert _wait(lambda: imported("arriving.jpg")), "the finished file was not imported"
        assert _wait(lambda: any(dict(s.errors).get(str(hot / "broken.jpg"))
                                 for s in summaries))
        # it keeps running after a bad file
        (hot / "later.jpg").write_bytes(_jpeg_bytes("orange"))
        assert _wait(lambda: imported("later.jpg"))
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not failures and not thread.is_alive()
    # the half-written file was never read: no error was ever recorded for it
    arriving = str(hot / "arriving.jpg")
    assert all(arriving not in dict(s.errors) | dict(s.warnings) for s in summaries)
    with Archive(db) as archive:
        assert archive.db["photos"].count == 3  # a half-read copy would be a fourth
        size = archive.db.execute("SELECT size FROM photo_paths WHERE path = ?",
                                  [arriving]).fetchone()[0]
    assert size == len(data)


def _paths(db: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
        return {row[0] for row in con.execute("SELECT path FROM photo_paths")}
