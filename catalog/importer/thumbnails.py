"""Phase 2 of an import, or ``catalog thumbnails`` later: thumbnails and perceptual hashes.

Pixels are the expensive part, so they come after every metadata row is written.
One decode per picture serves both: the thumbnail (embedded EXIF preview when it
is big enough, else Pillow draft-mode decoding, see catalog.images.thumbs) and
the 64-bit difference hash, computed from the thumbnail's pixels before encoding. The hash is the same
whether computed from the thumbnail or the full picture up to a bit or two,
because it compares 9x8 averages; every hash in an archive is made this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from catalog.images import ImageReadError
from catalog.images.model import internal_error_reason
from catalog.importer.progress import Progress
from catalog.importer.workers import STALL_S, run_tasks

THUMB_MAX_SIZE = 320
#: Files per round trip to a worker: small, so no worker idles at the end of the run.
CHUNK = 2
#: Thumbnails written per (short) transaction.
WRITE_BATCH = 32


@dataclass(frozen=True, slots=True)
class ThumbResult:
    """A thumbnail and hash for one photo, or the reason there is none."""

    photo_id: int
    path: str
    jpeg: bytes = b""
    width: int = 0
    height: int = 0
    source: str = ""
    dhash: str = ""
    error: str = ""


def thumbnail_for(photo_id: int, path: str) -> ThumbResult:
    """Make one photo's thumbnail and dhash; a bad file gives a result with ``error``."""
    from PIL import UnidentifiedImageError

    from catalog.images import thumbs

    try:
        thumb = thumbs.make_thumbnail(path, max_size=THUMB_MAX_SIZE)
        hash_hex = thumb.dhash  # from the thumbnail's pixels, before they were encoded
    except ImageReadError as exc:
        return ThumbResult(photo_id, path, error=exc.reason)
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        return ThumbResult(photo_id, path, error=f"{type(exc).__name__}: {exc}")
    return ThumbResult(photo_id, path, thumb.jpeg, thumb.width, thumb.height,
                       thumb.source, hash_hex)


def _fenced(photo_id: int, path: str) -> ThumbResult:
    """The worker's fence: any unexpected error costs this photo its thumbnail (the
    error's type and message are kept in the result), never the run."""
    try:
        return thumbnail_for(photo_id, path)
    except Exception as exc:  # fence: see docstring
        return ThumbResult(photo_id, path,
                           error=internal_error_reason("making the thumbnail stopped", exc))


def _chunk(items: list[tuple[int, str]]) -> list[ThumbResult]:
    return [_fenced(photo_id, path) for photo_id, path in items]


def _crashed(task: tuple[int, str], reason: str) -> ThumbResult:
    return ThumbResult(task[0], task[1], error=reason)


def make_thumbnails(
    archive, *, workers: int = 1, progress: Progress | None = None, limit: int | None = None,
    photo_ids: Iterable[int] | None = None, stall_s: float = STALL_S,
) -> tuple[int, list[tuple[str, str]]]:
    """Thumbnail (and dhash) every photo that has none, or only those of ``photo_ids``;
    returns (made, [(path, reason)])."""
    if photo_ids is None:
        rows = archive.photos_without_thumbnail(limit)
    else:
        rows = _without_thumbnail(archive, list(photo_ids))[:limit]
    made, errors = 0, []
    pending: list[ThumbResult] = []
    if progress:
        progress.start("thumbnails", len(rows))
    try:
        for result in run_tasks(rows, _chunk, workers=workers, on_failure=_crashed,
                                chunk_size=CHUNK, stall_s=stall_s):
            if result.error:
                errors.append((result.path, result.error))
            else:
                pending.append(result)
                if len(pending) >= WRITE_BATCH:
                    made += _write(archive, pending)
            if progress:
                progress.advance()
    finally:
        made += _write(archive, pending)
        if progress:
            progress.stop()
    return made, errors


def _without_thumbnail(archive, photo_ids: list[int]) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    for start in range(0, len(photo_ids), 500):
        chunk = photo_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows.extend(archive.db.execute(
            "SELECT p.id, p.path FROM photos p LEFT JOIN thumbnails t ON t.photo_id = p.id "
            f"WHERE t.photo_id IS NULL AND p.id IN ({marks}) ORDER BY p.id", chunk))
    return rows


def _write(archive, results: list[ThumbResult]) -> int:
    """Store thumbnails and hashes in one short transaction (never held while decoding)."""
    from catalog.archive.connection import write_transaction  # the archive is open: loaded

    with write_transaction(archive.db):
        for result in results:
            archive.set_thumbnail(result.photo_id, result.jpeg, result.width, result.height,
                                  result.source)
            archive.db["photos"].update(result.photo_id, {"dhash": result.dhash})
    count = len(results)
    results.clear()
    return count
