"""``import_paths``: walk, skip unchanged, extract in worker processes, write in batches.

Phase 1 makes the archive searchable: every file's metadata row (or its error)
is written, in batched transactions, before any pixel is decoded. Phase 2 makes
thumbnails and perceptual hashes (see catalog.importer.thumbnails).

Nothing is lost: every file the walk yields ends in ``photos`` (via
``photo_paths``) or in ``import_errors``. A run killed at any point leaves only
whole batches behind; the next run skips what is already recorded (path, size,
mtime) and finishes the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

from catalog.importer.extract import Failure, Task, extract_many, warm_up
from catalog.importer.progress import Progress
from catalog.importer.sources import load_manifest
from catalog.importer.walk import FileEntry, WalkProblem, walk
from catalog.importer.workers import STALL_S, run_tasks
from catalog.records import PhotoRecord

#: Rows written per transaction.
BATCH_SIZE = 200
#: ``import_errors.error_type`` of a file imported with a part unreadable (not a failure).
WARNING_TYPE = "Warning"


@dataclass
class ImportSummary:
    """What one import run did. ``files_per_s`` is ``seen / duration``."""

    import_id: int | None = None
    seen: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    duration: float = 0.0
    files_per_s: float = 0.0
    thumbnails_made: int = 0
    thumbnail_errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # imported, part unread
    linked_paths: int = 0     # new paths of content already in the archive
    status: str = "finished"  # or "interrupted"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["errors"] = [{"path": p, "reason": r} for p, r in self.errors]
        out["thumbnail_errors"] = [{"path": p, "reason": r} for p, r in self.thumbnail_errors]
        out["warnings"] = [{"path": p, "reason": r} for p, r in self.warnings]
        return out


class _Writer:
    """Buffers records and writes them in batches; links known content to new paths."""

    def __init__(self, archive, import_id: int, summary: ImportSummary, *,
                 track_hashes: bool = False):
        self.archive = archive
        self.import_id = import_id
        self.summary = summary
        self.batch: list[PhotoRecord] = []
        #: content hashes written in this run, when the caller wants them (watch)
        self.written: set[str] | None = set() if track_hashes else None
        self.pending_warnings: list[tuple[str, str]] = []

    def add(self, record: PhotoRecord) -> None:
        self.batch.append(record)
        if record.warnings:
            reason = "; ".join(record.warnings)
            self.summary.warnings.append((record.path, reason))
            # Listed by `catalog errors` too, but not counted as failed: the row exists.
            self.pending_warnings.append((record.path, reason))
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def fail(self, failure: Failure) -> None:
        self.archive.record_error(self.import_id, failure.path, failure.reason,
                                  failure.error_type)
        self.summary.failed += 1
        self.summary.errors.append((failure.path, failure.reason))

    def flush(self) -> None:
        if not self.batch:
            return
        fresh: dict[str, PhotoRecord] = {}
        extra_paths: list[PhotoRecord] = []
        known = self.archive.photo_ids_for_hashes([r.content_hash for r in self.batch])
        for record in self.batch:
            if record.content_hash in fresh or record.content_hash in known:
                extra_paths.append(record)
            else:
                fresh[record.content_hash] = record
        if fresh:
            self.archive.upsert_photos(list(fresh.values()), self.import_id)
        if extra_paths:
            from catalog.archive.connection import write_transaction  # the archive is open: loaded

            known.update(self.archive.photo_ids_for_hashes(list(fresh)))
            with write_transaction(self.archive.db):  # one commit, not one per path
                for record in extra_paths:
                    self.archive.add_path(known[record.content_hash], record.path, record.size,
                                          record.mtime_ns)
        if self.written is not None:
            self.written.update(record.content_hash for record in self.batch)
        for path, reason in self.pending_warnings:
            self.archive.record_error(self.import_id, path, reason, WARNING_TYPE)
        self.pending_warnings.clear()
        self.summary.imported += len(self.batch)
        self.summary.linked_paths += len(extra_paths)
        self.batch.clear()


def import_paths(
    archive,
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    thumbnails: bool = True,
    manifest: str | os.PathLike[str] | dict[str, str] | None = None,
    progress: Progress | None = None,
    chunk_size: int = 8,
    extract_chunk: Callable[[list[Task]], list[Any]] | None = None,
    only_new_thumbnails: bool = False,
    stall_s: float = STALL_S,
) -> ImportSummary:
    """Import every image file under ``paths`` into ``archive``; never raises for a bad file.

    ``workers``: extraction processes (default ``os.cpu_count()``; 1 runs in this
    process). ``manifest``: a ``filename,caption`` CSV (or its loaded dict).
    ``progress``: where to report (see catalog.importer.progress); None is quiet.
    ``extract_chunk`` replaces the per-chunk extraction (for crash tests); a file whose
    worker hangs is stopped after ``stall_s`` seconds and recorded as failed.
    Thumbnails are made for every photo that lacks one (finishing an interrupted or
    ``--no-thumbnails`` run), or with ``only_new_thumbnails`` for this run's photos only
    (the hot folder, which must not re-try every old failure each time a file lands).
    Ctrl-C stops cleanly: the summary's status is "interrupted".
    """
    t0 = time.monotonic()
    paths = [os.fspath(p) for p in paths]
    workers = max(1, workers or os.cpu_count() or 1)
    captions = manifest if isinstance(manifest, dict) else (
        load_manifest(manifest) if manifest else {})
    known = _known_paths(archive, paths)
    import_id = archive.start_import(paths)
    summary = ImportSummary(import_id=import_id)
    writer = _Writer(archive, import_id, summary, track_hashes=only_new_thumbnails)
    try:
        if progress:  # a first, stat-only walk gives the bar its total
            todo = sum(1 for item in walk(paths)
                       if isinstance(item, FileEntry) and not _unchanged(item, known))
            progress.start("metadata", todo)
        tasks = _tasks(walk(paths), known, captions, writer, summary)
        extract = extract_chunk or partial(extract_many, hash_name=archive.content_hash_name)
        results = run_tasks(tasks, extract, workers=workers,
                            on_failure=_worker_failure, chunk_size=chunk_size,
                            warm_up=warm_up, stall_s=stall_s)
        for result in results:
            if isinstance(result, Failure):
                writer.fail(result)
            else:
                writer.add(result)
            if progress:
                progress.advance()
        writer.flush()
        if progress:
            progress.stop()
        if thumbnails:
            from catalog.importer.thumbnails import make_thumbnails

            ids = None
            if writer.written is not None:
                ids = list(archive.photo_ids_for_hashes(sorted(writer.written)).values())
            made, errors = make_thumbnails(archive, workers=workers, progress=progress,
                                           photo_ids=ids, stall_s=stall_s)
            summary.thumbnails_made, summary.thumbnail_errors = made, errors
    except KeyboardInterrupt:
        summary.status = "interrupted"
        writer.flush()
        if progress:
            progress.stop()
    summary.seen = summary.imported + summary.unchanged + summary.failed
    summary.duration = time.monotonic() - t0
    summary.files_per_s = summary.seen / summary.duration if summary.duration else 0.0
    archive.finish_import(import_id, status=summary.status, seen=summary.seen,
                          imported=summary.imported, unchanged=summary.unchanged,
                          failed=summary.failed)
    return summary


#: Up to this many plain files named on the command line are looked up one by one.
FEW_FILES = 500


def _known_paths(archive, paths: list[str]) -> dict[str, tuple[int, int]]:
    """What the archive knows about ``paths``: for a few files, just those rows (a hot
    folder landing one file must not load a million-row dict); else every path."""
    absolute = [os.path.abspath(p) for p in paths]
    if len(absolute) > FEW_FILES or not all(os.path.isfile(p) for p in absolute):
        return archive.known_paths()
    marks = ",".join("?" * len(absolute))
    rows = archive.db.execute(
        f"SELECT path, size, mtime_ns FROM photo_paths WHERE path IN ({marks})", absolute)
    return {path: (size, mtime_ns) for path, size, mtime_ns in rows}


def _worker_failure(task: Task, reason: str) -> Failure:
    """A task whose worker crashed or hung, as the failure recorded for its file."""
    return Failure(task.path, reason, "WorkerStalled" if "did not finish" in reason
                   else "WorkerCrash")


def _unchanged(entry: FileEntry, known: dict[str, tuple[int, int]]) -> bool:
    seen = known.get(entry.path)
    return seen is not None and seen[0] == entry.size and seen[1] == entry.mtime_ns


def _tasks(
    items: Iterator[FileEntry | WalkProblem],
    known: dict[str, tuple[int, int]],
    captions: dict[str, str],
    writer: _Writer,
    summary: ImportSummary,
) -> Iterator[Task]:
    """Turn the walk into tasks; unchanged files are counted, problems recorded."""
    for item in items:
        if isinstance(item, WalkProblem):
            writer.fail(Failure(item.path, item.reason, item.error_type))
        elif _unchanged(item, known):
            summary.unchanged += 1
        else:
            yield Task(item.path, item.size, item.mtime_ns,
                       captions.get(os.path.normpath(item.path), ""))
