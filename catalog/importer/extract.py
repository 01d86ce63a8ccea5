"""The per-file work done in worker processes: hash, read, find the caption, parse.

:func:`extract` never raises for a bad file: it returns a :class:`Failure` with a
reason a person understands, so one file costs one file, never the run.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog import (
    images,  # its readers load on first use (a no-op run never needs them)
    regexcache,
)
from catalog.captions import parse_caption
from catalog.hashing import DEFAULT_HASH, read_and_hash
from catalog.images import ImageReadError
from catalog.images.model import internal_error_reason
from catalog.importer.sources import sidecar_caption
from catalog.records import PhotoRecord, build_record, year_hint


@dataclass(frozen=True, slots=True)
class Task:
    """One file to extract; ``manifest_caption`` is its ``--manifest`` row, if any."""

    path: str
    size: int
    mtime_ns: int
    manifest_caption: str = ""


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be imported, and why."""

    path: str
    reason: str
    error_type: str


def parser_version() -> str:
    """The caption parser's version string, "" while the parser does not define one."""
    from catalog import captions

    return str(getattr(captions, "PARSER_VERSION", ""))


def extract(task: Task, hash_name: str = DEFAULT_HASH) -> PhotoRecord | Failure:
    """Build the archive record of one file, or say why it cannot be imported
    (``hash_name``: the archive's content hash, a key of catalog.hashing.HASHES)."""
    if task.size == 0:
        return Failure(task.path, "empty file (0 bytes)", "EmptyFile")
    try:
        content_hash, content = read_and_hash(task.path, task.size, hash_name)
    except OSError as exc:
        return Failure(task.path, f"cannot read the file: {exc.strerror or exc}",
                       type(exc).__name__)
    try:
        info = images.read_image(task.path, content)
    except ImageReadError as exc:
        return Failure(task.path, exc.reason, "ImageReadError")
    del content  # the file's bytes: not kept while the caption is parsed
    caption_text, source = info.caption, info.caption_source
    if not caption_text.strip():
        caption_text, source = sidecar_caption(task.path)
    if not caption_text.strip() and task.manifest_caption:
        caption_text, source = task.manifest_caption, "manifest"
    caption = parse_caption(caption_text, year_hint=year_hint(info)) if caption_text else None
    return build_record(info, caption, content_hash=content_hash, size=task.size, mtime_ns=task.mtime_ns,
                        caption_source=source, dhash=None, parser_version=parser_version())


def warm_up() -> None:
    """Load what every extraction needs (caption formats, gazetteer, image plugins) once, in
    the parent, before worker processes are forked: they share it instead of each loading
    its own copy (seconds of CPU and ~100 MB each). ``gc.freeze`` keeps the shared pages
    from being copied by the collector."""
    import gc

    with regexcache.library_patterns():  # Pillow's and exifread's patterns from the cache
        from PIL import Image, TiffImagePlugin, WebPImagePlugin  # noqa: F401 (they register)

        Image.preinit()  # JPEG, PNG, GIF, BMP; any rarer format loads the rest on first meeting
        _ = images.read_image  # the readers (exifread, the Pillow plugins we use), loaded once
    parse_caption("A ferry leaves the harbour in Lyon, France March 5, 2024. REUTERS/Ana Costa")
    regexcache.save()  # patterns first compiled while parsing, for the next run
    gc.freeze()


def extract_many(tasks: list[Task], hash_name: str = DEFAULT_HASH) -> list[PhotoRecord | Failure]:
    """Extract a chunk of files (one round trip to a worker process)."""
    return [_fenced(task, hash_name) for task in tasks]


def _fenced(task: Task, hash_name: str) -> PhotoRecord | Failure:
    """The worker's fence: an unexpected error in one file's extraction is that file's
    recorded failure (type and message kept), never the worker's death."""
    try:
        return extract(task, hash_name)
    except Exception as exc:  # fence: see docstring
        return Failure(task.path, internal_error_reason("importing this file stopped", exc),
                       type(exc).__name__)
