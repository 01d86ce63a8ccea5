"""Worker processes: a pool imports, a crashed or hung worker costs one file, never the run."""

from __future__ import annotations

import io
import os

import pytest
from test_importer import accounted, write_jpeg

from catalog.archive import Archive
from catalog.importer import import_paths
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


def test_a_hung_worker_is_stopped_and_costs_one_file(tmp_path, archive):
    for i in range(6):
        write_jpeg(tmp_path / f"p{i}.jpg", i)
    write_jpeg(tmp_path / "p3-hang.jpg", 98)
    summary = import_paths(archive, [tmp_path], workers=2, thumbnails=False, chunk_size=2,
                           extract_chunk=hang_on_marked_files, stall_s=1.0)
    assert list(dict(summary.errors)) == [str(tmp_path / "p3-hang.jpg")]
    assert "did not finish within 1 s" in summary.errors[0][1]
    assert summary.imported == 6
    assert archive.db.execute("SELECT error_type FROM import_errors").fetchall() == [
        ("WorkerStalled",)]


def test_a_worker_crash_costs_one_file(tmp_path, archive):
    for i in range(10):
        write_jpeg(tmp_path / f"p{i}.jpg", i)
    write_jpeg(tmp_path / "p5-crash.jpg", 99)
    summary = import_paths(archive, [tmp_path], workers=2, thumbnails=False, chunk_size=4,
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

    def read_failing_on_b(path):
        if path.endswith("b.jpg"):
            raise KeyError(3)
        return real_read(path)

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
