"""Worker processes: a pool imports, a crashed or hung worker costs one file, never the run."""

from __future__ import annotations

import io
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from test_importer import accounted, write_jpeg

from catalog.archive import Archive
from catalog.importer import import_paths, workers
from catalog.importer.progress import PlainProgress


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as a:
        yield a


def test_worker_pool_imports_and_progress_reports(tmp_path, archive):
    for i in range(12):
        write_jpeg(tmp_path / f"p{i:02}.jpg", i)
    out = io.StringIO()
    summary = import_paths(archive, [tmp_path], workers=2, thumbnails=False,
                           progress=PlainProgress(out, every_s=0), chunk_size=2)
    assert summary.imported == 12 and summary.failed == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "metadata: 12 files to process"
    assert lines[-1].startswith("metadata: 12/12 files")


def crash_on_marked_files(tasks):
    """A worker that dies outright on files named *crash* (like a decoder segfault)."""
    from catalog.importer.extract import extract_many

    for task in tasks:
        if "crash" in os.path.basename(task.path):
            os._exit(1)
    return extract_many(tasks)


def hang_on_marked_files(tasks):
    """A worker that never returns on files named *hang* (like a decoder stuck in a loop)."""
    import time

    from catalog.importer.extract import extract_many

    for task in tasks:
        if "hang" in os.path.basename(task.path):
            time.sleep(3600)
    return extract_many(tasks)


@pytest.mark.parametrize("count", [1, 2])
def test_a_hung_worker_is_stopped_and_costs_one_file(tmp_path, archive, count):
    for i in range(6):
        write_jpeg(tmp_path / f"p{i}.jpg", i)
    write_jpeg(tmp_path / "p3-hang.jpg", 98)
    summary = import_paths(archive, [tmp_path], workers=count, thumbnails=False, chunk_size=2,
                           extract_chunk=hang_on_marked_files, stall_s=1.0)
    assert list(dict(summary.errors)) == [str(tmp_path / "p3-hang.jpg")]
    assert "did not finish within 1 s" in summary.errors[0][1]
    assert summary.imported == 6
    assert archive.db.execute("SELECT error_type FROM import_errors").fetchall() == [
        ("WorkerStalled",)]


@pytest.mark.parametrize("count", [1, 2])
def test_a_worker_crash_costs_one_file(tmp_path, archive, count):
    for i in range(10):
        write_jpeg(tmp_path / f"p{i}.jpg", i)
    write_jpeg(tmp_path / "p5-crash.jpg", 99)
    summary = import_paths(archive, [tmp_path], workers=count, thumbnails=False, chunk_size=4,
                           extract_chunk=crash_on_marked_files)
    assert dict(summary.errors) == {
        str(tmp_path / "p5-crash.jpg"): "the worker process crashed while reading this file"}
    assert summary.imported == 10
    paths, failed = accounted(archive)
    assert len(paths) == 10 and failed == {str(tmp_path / "p5-crash.jpg")}


def test_an_internal_error_is_recorded_as_a_sentence(tmp_path, archive, monkeypatch):
    """A bug met in one file (here a KeyError) is that file's failure, told in words."""
    import catalog.images.reader as reader
    import catalog.importer.extract as extract

    write_jpeg(tmp_path / "a.jpg", 1)
    write_jpeg(tmp_path / "b.jpg", 2)
    real_read = reader._read

    def read_failing_on_b(path, data):
        if path.endswith("b.jpg"):
            raise KeyError(3)
        return real_read(path, data)

    monkeypatch.setattr(reader, "_read", read_failing_on_b)
    summary = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert dict(summary.errors) == {str(tmp_path / "b.jpg"): (
        "the image reader stopped on an unexpected internal error (KeyError: 3)")}
    monkeypatch.setattr(extract, "parse_caption", lambda *a, **k: {}["boom"])
    failure = extract.extract_many([extract.Task(str(tmp_path / "a.jpg"), 1, 1)])[0]
    assert failure.reason == (
        "importing this file stopped on an unexpected internal error (KeyError: 'boom')")
    assert failure.error_type == "KeyError"
    import catalog.importer.thumbnails as thumbnails

    monkeypatch.setattr(thumbnails, "thumbnail_for", lambda *a: [][1])
    assert thumbnails._fenced(7, str(tmp_path / "a.jpg")).error == (
        "making the thumbnail stopped on an unexpected internal error "
        "(IndexError: list index out of range)")



class PoolLosingAWorkerBeforeSubmit(ProcessPoolExecutor):
    """A real pool in which one worker is killed just before the 5th submit, and the submit
    waits until the pool has noticed: the state in which a worker died between the
    parent's wait and its next submit (a race in real runs, made certain here)."""

    submits = 0

    def submit(self, fn, /, *args, **kwargs):
        type(self).submits += 1
        if type(self).submits == 5 and self._processes:
            next(iter(self._processes.values())).kill()
            deadline = time.monotonic() + 10
            while not self._broken and time.monotonic() < deadline:
                time.sleep(0.01)
        return super().submit(fn, *args, **kwargs)


def test_a_worker_dying_before_a_submit_costs_no_file(tmp_path, archive, monkeypatch):
    for i in range(16):
        write_jpeg(tmp_path / f"p{i:02}.jpg", i)
    monkeypatch.setattr(workers, "_new_pool", lambda n: PoolLosingAWorkerBeforeSubmit(
        max_workers=n, mp_context=multiprocessing.get_context("fork")))
    summary = import_paths(archive, [tmp_path], workers=2, thumbnails=False, chunk_size=1)
    assert PoolLosingAWorkerBeforeSubmit.submits > 5
    assert summary.failed == 0 and summary.imported == 16
    paths, failed = accounted(archive)
    assert len(paths) == 16 and not failed


def crash_in_step(tasks):
    """Like crash_on_marked_files, but every file takes the same short time, so workers die
    while others finish and pools are rebuilt again and again."""
    import time

    time.sleep(0.02)
    return crash_on_marked_files(tasks)


def test_many_crashing_workers_never_stop_the_run(tmp_path, archive):
    """Workers dying again and again cost their own files only; every file is accounted for."""
    crashing = set()
    for i in range(24):
        name = f"p{i:02}-crash.jpg" if i % 3 == 1 else f"p{i:02}.jpg"
        write_jpeg(tmp_path / name, i)
        if "crash" in name:
            crashing.add(str(tmp_path / name))
    summary = import_paths(archive, [tmp_path], workers=3, thumbnails=False, chunk_size=1,
                           extract_chunk=crash_in_step)
    assert set(dict(summary.errors)) == crashing
    assert summary.imported == 24 - len(crashing)
    paths, failed = accounted(archive)
    assert len(paths) == summary.imported and failed == crashing
