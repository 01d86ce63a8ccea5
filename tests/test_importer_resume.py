"""A real import process killed with SIGKILL or stopped with Ctrl-C, then run again."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

N_FILES = 1500
IMPORT = "from catalog.importer.commands import import_command as c; c()"


def _folder(tmp_path: Path) -> Path:
    """N_FILES distinct small JPEGs (same picture, different bytes after the end marker)."""
    src = tmp_path / "in"
    src.mkdir()
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), "navy").save(buf, "JPEG")
    base = buf.getvalue()
    for i in range(N_FILES):
        (src / f"p{i:05}.jpg").write_bytes(base + f"{i}".encode())
    return src


def _start(src: Path, db: Path, workers: int = 2) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(src), "--db", str(db), "--no-thumbnails",
         "--workers", str(workers), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def _wait_for_rows(db: Path, proc: subprocess.Popen, timeout: float = 60) -> int:
    """Wait until the import has committed at least one batch; return the rows seen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"import ended before it could be stopped: {proc.stderr.read()!r}")
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
                    n = con.execute("SELECT count(*) FROM photo_paths").fetchone()[0]
            except sqlite3.OperationalError:  # schema not created yet
                n = 0
            if n:
                return n
        time.sleep(0.01)
    pytest.fail("no batch committed in time")


def _check_complete(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        photos = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM photos").fetchone()
        paths = con.execute("SELECT count(*), count(DISTINCT photo_id) FROM photo_paths"
                            ).fetchone()
        failures = con.execute("SELECT count(*) FROM import_errors").fetchone()[0]
    assert photos == (N_FILES, N_FILES)   # no duplicate
    assert paths == (N_FILES, N_FILES)    # no lost file
    assert failures == 0


def test_resume_after_sigkill(tmp_path):
    src, db = _folder(tmp_path), tmp_path / "a.db"
    proc = _start(src, db)
    rows_at_kill = _wait_for_rows(db, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = con.execute("SELECT count(*) FROM photo_paths").fetchone()[0]
        status = con.execute("SELECT status FROM imports").fetchall()
    assert rows_at_kill <= done < N_FILES, "the import was not killed mid-way"
    assert status == [("running",)]  # it never got to say otherwise

    rerun = subprocess.run(
        [sys.executable, "-c", IMPORT, str(src), "--db", str(db), "--no-thumbnails",
         "--workers", "1", "--json"], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["unchanged"] == done
    assert summary["imported"] == N_FILES - done
    _check_complete(db)


def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path):
    src, db = _folder(tmp_path), tmp_path / "a.db"
    proc = _start(src, db, workers=1)
    _wait_for_rows(db, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    summary = json.loads(out)
    assert summary["status"] == "interrupted"
    assert 0 < summary["imported"] < N_FILES
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT status FROM imports").fetchall() == [("interrupted",)]
        assert con.execute("SELECT count(*) FROM photo_paths").fetchone()[0] == summary[
            "imported"]
    rerun = subprocess.run(
        [sys.executable, "-c", IMPORT, str(src), "--db", str(db), "--no-thumbnails",
         "--workers", "1", "--json"], capture_output=True, text=True, timeout=120)
    assert json.loads(rerun.stdout)["unchanged"] == summary["imported"]
    _check_complete(db)


def test_editor_corrections_during_an_import_are_kept(tmp_path):
    from catalog.archive import Archive
    from catalog.importer import import_paths

    src, db = _folder(tmp_path), tmp_path / "a.db"
    own = tmp_path / "own"
    own.mkdir()
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), "red").save(buf, "JPEG")
    (own / "edited.jpg").write_bytes(buf.getvalue())
    with Archive(db) as editor:
        import_paths(editor, [own], workers=1, thumbnails=False)
        photo_id = editor.db.execute("SELECT id FROM photos").fetchone()[0]
        proc = _start(src, db, workers=1)
        values = []
        while proc.poll() is None:  # an editor at work while the import writes
            values.append(f"Place {len(values)}")
            editor.correct(photo_id, "city", values[-1], editor="desk")
            time.sleep(0.02)
        assert proc.returncode == 0, proc.stderr.read()
        assert len(values) > 5
        assert editor.get(photo_id)["city"] == values[-1]
        assert len(editor.history(photo_id, "city")) == len(values)
    _check_complete_plus_one(db)


def _check_complete_plus_one(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM photo_paths").fetchone()[0] == N_FILES + 1
