"""A hot folder: import files as they land, once they stop growing.

The watchdog observer thread only notes paths; the archive is touched only by the
thread that called :func:`watch_folder` (SQLite connections stay in their thread).
A file is imported when its size and mtime have not changed for ``settle_s``
seconds, so a picture still being copied over a network share is not read half
written. Bad files are recorded in ``import_errors`` like in a batch import.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from catalog.importer.pipeline import ImportSummary, import_paths
from catalog.importer.walk import is_candidate

POLL_S = 0.2


class _Pending(FileSystemEventHandler):
    """Collects paths that were created, written or moved in (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in ("created", "modified", "moved",
                                                           "closed"):
            return
        path = getattr(event, "dest_path", "") or event.src_path
        path = os.fsdecode(path)
        if is_candidate(os.path.basename(path)):
            with self._lock:
                self._paths.add(path)

    def take(self) -> set[str]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


def watch_folder(
    archive,
    folder: str | os.PathLike[str],
    *,
    settle_s: float = 1.0,
    thumbnails: bool = True,
    on_import: Callable[[ImportSummary], None] | None = None,
    stop: threading.Event | None = None,
    initial_scan: bool = True,
    poll: bool = False,
) -> None:
    """Import what is in ``folder``, then whatever lands in it, until Ctrl-C or ``stop``.

    ``poll`` uses watchdog's polling observer, for network shares whose changes made on
    other machines raise no inotify events.
    """
    folder = os.path.abspath(os.fspath(folder))
    stop = stop or threading.Event()
    if initial_scan:
        _import(archive, [folder], thumbnails, on_import)
    handler = _Pending()
    observer = PollingObserver(timeout=1) if poll else Observer()
    observer.schedule(handler, folder, recursive=True)
    observer.start()
    # path -> (size, mtime_ns, monotonic time of the last change seen)
    settling: dict[str, tuple[int, int, float]] = {}
    try:
        while not stop.wait(POLL_S):
            now = time.monotonic()
            for path in handler.take():
                settling.pop(path, None)
                settling[path] = (-1, -1, now)
            ready = _settled(settling, now, settle_s)
            if ready:
                _import(archive, ready, thumbnails, on_import)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a person stops the watch: leave quietly
    finally:
        observer.stop()
        observer.join(timeout=5)


def _settled(settling: dict[str, tuple[int, int, float]], now: float,
             settle_s: float) -> list[str]:
    """Paths whose size and mtime stayed the same for ``settle_s``; drops vanished ones."""
    ready = []
    for path, (size, mtime, since) in list(settling.items()):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            del settling[path]  # moved away or deleted before it settled
            continue
        except OSError:
            ready.append(path)  # unreadable: let the importer record why
            del settling[path]
            continue
        if (st.st_size, st.st_mtime_ns) != (size, mtime):
            settling[path] = (st.st_size, st.st_mtime_ns, now)
        elif now - since >= settle_s:
            ready.append(path)
            del settling[path]
    return ready


def _import(archive, paths: list[str], thumbnails: bool,
            on_import: Callable[[ImportSummary], None] | None) -> None:
    summary = import_paths(archive, paths, workers=1, thumbnails=thumbnails,
                           only_new_thumbnails=True)
    if on_import:
        on_import(summary)
