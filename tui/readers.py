"""Read connections for worker threads.

SQLite connections belong to the thread that opened them, and Textual runs each
thread worker on a thread of its own, so every job opens its own read-only
Archive. Jobs take a ticket on the UI thread when they are asked for; within a
group, a job with a newer ticket stops the older one's query (a superseded
keystroke stops costing CPU at once), and an older job that starts late is
refused, whatever order the threads happen to run in.

Stopping uses a progress handler rather than ``Connection.interrupt()`` alone:
an interrupt that lands before the old job's statement starts is lost, a flag
the handler checks is not.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from catalog.archive import Archive, ArchiveError


class Superseded(Exception):
    """A newer job in the same group made this one pointless."""


#: SQLite virtual-machine steps between checks of the stop flag.
_CHECK_EVERY = 5_000


class ReaderPool:
    """Hands out read-only archives by job group and stops superseded jobs."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._active: dict[str, tuple[int, threading.Event]] = {}

    def ticket(self) -> int:
        """A number that orders jobs by when they were asked for (call on the UI thread)."""
        return next(self._tickets)

    @contextmanager
    def reader(self, group: str, ticket: int) -> Iterator[Archive]:
        """A read-only Archive for one job.

        Raises Superseded when a job with a newer ticket in ``group`` has started,
        before or during this one.
        """
        with self._lock:
            if ticket < self._latest.get(group, 0):
                raise Superseded(group)
            self._latest[group] = ticket
        archive = Archive(self.path, readonly=True)
        stop = threading.Event()
        archive.db.conn.set_progress_handler(lambda: 1 if stop.is_set() else 0, _CHECK_EVERY)
        with self._lock:
            if ticket < self._latest[group]:
                archive.close()
                raise Superseded(group)
            previous = self._active.get(group)
            self._active[group] = (ticket, stop)
            if previous is not None:
                previous[1].set()
        try:
            yield archive
        except (sqlite3.OperationalError, ArchiveError) as exc:
            if "interrupted" in str(exc):
                raise Superseded(group) from exc
            raise
        finally:
            with self._lock:
                if group in self._active and self._active[group][1] is stop:
                    del self._active[group]
            archive.close()

    def cancel(self, *groups: str) -> None:
        """Stop the jobs of ``groups`` now, and refuse any of theirs asked for before now."""
        with self._lock:
            for group in groups:
                self._latest[group] = next(self._tickets)
                if group in self._active:
                    self._active[group][1].set()

    def interrupt_all(self) -> None:
        """Stop every running query (used when the app exits)."""
        with self._lock:
            for _, stop in self._active.values():
                stop.set()
