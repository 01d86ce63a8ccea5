"""Walk folders for image files: stat only, never open a file.

Symlink loops, unreadable folders, broken links and file names that cannot be
stored as text are *reported* as :class:`WalkProblem` items in the stream, never
raised, so the importer can record them and go on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Files the walk skips silently: sidecars, manifests and the archive itself.
SIDE_FILE_SUFFIXES = (
    ".txt", ".xmp", ".csv", ".json", ".db", ".db-wal", ".db-shm", ".db-journal",
    ".md", ".py", ".pyc", ".sqlite", ".sqlite3", ".ds_store",
)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A regular file found by the walk, with the facts that decide "unchanged"."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class WalkProblem:
    """Something the walk could not go into or could not name."""

    path: str
    reason: str
    error_type: str


def is_candidate(name: str) -> bool:
    """True for names the importer should try to read (anything but side files)."""
    if name.startswith("."):
        return False
    return not name.lower().endswith(SIDE_FILE_SUFFIXES)


def printable_path(path: str) -> str:
    """``path`` made storable as UTF-8 text (undecodable bytes become ``\\xNN``)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _name_problem(path: str) -> WalkProblem | None:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return WalkProblem(printable_path(path), "file name is not valid UTF-8", "BadFileName")
    return None


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileEntry | WalkProblem]:
    """Yield every candidate file under ``paths`` (files or folders), depth first.

    Symlinked folders are followed once: a folder already visited (same device
    and inode) is reported as a loop instead of being entered again.
    """
    visited: set[tuple[int, int]] = set()
    for top in _distinct_tops(paths):
        try:
            st = os.stat(top)
        except OSError as exc:
            yield WalkProblem(printable_path(top), _os_reason(exc), type(exc).__name__)
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in visited:
                continue  # the same folder named twice (through a link): walked once
            yield from _walk_dir(top, st, visited)
        elif stat.S_ISREG(st.st_mode):
            problem = _name_problem(top)
            yield problem or FileEntry(top, st.st_size, st.st_mtime_ns)
        else:
            yield WalkProblem(printable_path(top), "not a regular file or folder", "NotAFile")


def _distinct_tops(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Absolute paths in the order given, without repeats or paths inside another one."""
    tops: list[str] = []
    for given in paths:
        top = os.path.abspath(os.fspath(given))
        if top in tops or (os.path.lexists(top) and any(_inside(top, t) for t in tops)):
            continue
        tops = [t for t in tops if not (_inside(t, top) and os.path.lexists(t))]
        tops.append(top)
    return tops


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk_dir(
    top: str, top_stat: os.stat_result, visited: set[tuple[int, int]]
) -> Iterator[FileEntry | WalkProblem]:
    stack: list[tuple[str, os.stat_result]] = [(top, top_stat)]
    while stack:
        folder, st = stack.pop()
        key = (st.st_dev, st.st_ino)
        if key in visited:
            yield WalkProblem(printable_path(folder),
                              "symlink loop (or a second link to a folder already walked)",
                              "SymlinkLoop")
            continue
        visited.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield WalkProblem(printable_path(folder), _os_reason(exc), type(exc).__name__)
            continue
        subfolders: list[tuple[str, os.stat_result]] = []
        linked: list[tuple[str, os.stat_result]] = []
        for entry in entries:
            item = _classify(entry)
            if item is None:
                continue
            if isinstance(item, tuple):
                (linked if entry.is_symlink() else subfolders).append(item)
            else:
                yield item
        # Real folders are walked before symlinked ones: a folder reachable both ways is
        # imported under its real name, and the link is the one reported.
        stack.extend(reversed(linked))
        stack.extend(reversed(subfolders))


def _classify(
    entry: os.DirEntry[str],
) -> FileEntry | WalkProblem | tuple[str, os.stat_result] | None:
    """One scandir entry: a file to import, a folder to enter, a problem, or nothing."""
    try:
        st = entry.stat(follow_symlinks=True)
    except OSError as exc:
        if entry.is_symlink():
            if getattr(exc, "errno", None) == 40:  # ELOOP: the link points at itself
                return WalkProblem(printable_path(entry.path), "symlink loop", "SymlinkLoop")
            return WalkProblem(printable_path(entry.path), "broken symlink", "BrokenSymlink")
        return WalkProblem(printable_path(entry.path), _os_reason(exc), type(exc).__name__)
    if stat.S_ISDIR(st.st_mode):
        return None if entry.name.startswith(".") else (entry.path, st)
    if not is_candidate(entry.name):
        return None
    if not stat.S_ISREG(st.st_mode):  # reported, never opened: reading a pipe would block
        return WalkProblem(printable_path(entry.path),
                           "not a regular file (a pipe, socket or device)", "NotAFile")
    return _name_problem(entry.path) or FileEntry(entry.path, st.st_size, st.st_mtime_ns)


def _os_reason(exc: OSError) -> str:
    """A plain-words reason for an OSError, without the path repeated."""
    return exc.strerror or str(exc)
