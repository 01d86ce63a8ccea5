"""Progress reporting for long runs: a rich bar on a terminal, plain lines elsewhere.

The importer calls a :class:`Progress` (``start``, ``advance``, ``stop``); it
never prints itself, so the library stays quiet when used from a script.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    """What the importer reports to: one phase at a time."""

    def start(self, phase: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def stop(self) -> None: ...


class PlainProgress:
    """Periodic one-line reports, for logs and pipes (not a terminal)."""

    def __init__(self, stream: TextIO | None = None, every_s: float = 2.0):
        self.stream = stream or sys.stderr
        self.every_s = every_s
        self.phase, self.total, self.done = "", 0, 0
        self._t0 = self._last = 0.0

    def start(self, phase: str, total: int) -> None:
        self.phase, self.total, self.done = phase, total, 0
        self._t0 = self._last = time.monotonic()
        if total:
            print(f"{phase}: {total} files to process", file=self.stream, flush=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.every_s:
            self._last = now
            self._line(now)

    def stop(self) -> None:
        if self.total:
            self._line(time.monotonic())

    def _line(self, now: float) -> None:
        elapsed = max(now - self._t0, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        print(f"{self.phase}: {self.done}/{self.total} files, {rate:.0f} files/s, "
              f"{left:.0f} s left", file=self.stream, flush=True)


class RichProgress:
    """A rich progress bar with files per second and time left."""

    def __init__(self, console=None):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichBar

        self._bar = RichBar(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task = None
        self._t0 = 0.0
        self._done = 0

    def start(self, phase: str, total: int) -> None:
        if self._task is None:
            self._bar.start()
        self._task = self._bar.add_task(phase, total=total, rate="-")
        self._t0, self._done = time.monotonic(), 0

    def advance(self, n: int = 1) -> None:
        self._done += n
        rate = self._done / max(time.monotonic() - self._t0, 1e-9)
        self._bar.update(self._task, advance=n, rate=f"{rate:.0f}")

    def stop(self) -> None:
        if self._task is not None:
            self._bar.stop()
            self._task = None


def progress_for(stream: TextIO | None = None) -> Progress:
    """A rich bar when ``stream`` (default stderr) is a terminal, else plain lines."""
    stream = stream or sys.stderr
    if stream.isatty():
        from rich.console import Console

        return RichProgress(Console(file=stream))
    return PlainProgress(stream)
