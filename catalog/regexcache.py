"""Compiled regular expressions kept between runs, so that start-up does not compile them.

CPython compiles a pattern in pure Python (``re._parser``, ``re._compiler``): the caption
parser's ~400 patterns cost 70-90 ms at the start of every process that parses, which is
most of an import run's fixed cost. :func:`regex` compiles a pattern as ``re.compile``
does, and :func:`save` writes the compiled programs to the user's cache folder; a later
process rebuilds each pattern from its program with ``_sre.compile`` (the step that ends
``re.compile``, which checks the program) in microseconds.

The file is named after the exact Python build and its regex engine, and keyed by pattern
and flags, so an entry is only ever used for the text it was made from. Anything
unexpected (no file, a damaged file, another Python, an internal API that moved) falls back
to ``re.compile``: the cache can make start-up faster, never a pattern different.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of Python: plain re.compile
    _sre = None

#: Programs loaded from the cache file; None until first needed.
_loaded: dict[tuple[str, int], tuple[Any, ...]] | None = None
#: Programs of the patterns this process asked for (what :func:`save` writes).
_used: dict[tuple[str, int], tuple[Any, ...]] = {}
_missed = False
#: Above this many entries the file keeps only what the saving process used.
MAX_ENTRIES = 3000


def cache_file() -> Path:
    """Where the programs live (one file per Python build and regex engine)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    build = hashlib.blake2b(f"{sys.version}|{sys.platform}".encode(), digest_size=6).hexdigest()
    engine = f"{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"
    return base / "wire-catalog" / f"regex-{sys.implementation.name}-{build}-{engine}.marshal"


def regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    global _missed
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    program = _programs().get(key)
    if program is not None:
        try:
            compiled = _sre.compile(*program[:6])
        except Exception:  # a damaged or foreign entry: compile afresh
            program = None
        else:
            _used[key] = program
            return compiled
    try:
        program = _program(pattern, int(flags))
        compiled = _sre.compile(*program[:6])
    except Exception:  # re's internals differ here: the public way, uncached
        return re.compile(pattern, flags)
    _used[key] = program
    _missed = True
    return compiled


@contextmanager
def library_patterns() -> Iterator[None]:
    """While the block imports a library, its ``re.compile`` calls are served by :func:`regex`
    (sqlite-utils compiles a pattern over the whole of Unicode at import, 15 ms); ``re`` is
    itself again when the block ends."""
    compile_ = getattr(re, "_compile", None)
    if _sre is None or compile_ is None:
        yield
        return

    def cached(pattern: Any, flags: Any) -> Any:
        if type(pattern) is str and not int(flags) & re.DEBUG:
            return regex(pattern, flags)
        return compile_(pattern, flags)

    re._compile = cached  # type: ignore[attr-defined]
    try:
        yield
    finally:
        re._compile = compile_  # type: ignore[attr-defined]


def save() -> None:
    """Write the programs when this process compiled a pattern the file lacked (atomically;
    a read-only cache folder is no error)."""
    global _missed
    if not _missed:
        return
    entries = dict(_programs())
    entries.update(_used)
    if len(entries) > MAX_ENTRIES:
        entries = dict(_used)
    path = cache_file()
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(list(entries.values())))
        tmp.replace(path)
    except (OSError, ValueError):
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    _missed = False


def _programs() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        try:
            rows = marshal.loads(cache_file().read_bytes())
            _loaded = {(row[0], row[6]): tuple(row) for row in rows}
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            pass
    return _loaded


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``_sre.compile`` takes for this pattern, as ``re._compiler.compile``
    makes them, plus the flags asked for (the cache key)."""
    tree = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags | tree.state.flags, code, tree.state.groups - 1, groupindex,
            tuple(indexgroup), flags)
