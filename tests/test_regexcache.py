"""The compiled-regex cache: a pattern from the cache is the pattern re.compile makes."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog import regexcache

PATTERNS = [
    (r"(?P<city>[A-Z][a-z]+), (?P<country>[A-Z][a-z]+)", 0),
    (r"\bREUTERS/(?P<name>[^/\n]+)(?:/File Photo)?$", re.MULTILINE),
    (r"(?:jan|feb|march)\.? \d{1,2}", re.IGNORECASE),
    (r"""(?x) \( \s* AP \s+ Photo \s* / \s* (\w+) \s* \)""", 0),
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and a module that has loaded nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def forget() -> None:
        monkeypatch.setattr(regexcache, "_loaded", None)
        monkeypatch.setattr(regexcache, "_used", {})
        monkeypatch.setattr(regexcache, "_missed", False)

    forget()
    return forget


def test_a_saved_pattern_is_rebuilt_from_the_file_equal_to_re_compile(fresh_cache):
    first = [regexcache.regex(p, f) for p, f in PATTERNS]
    assert regexcache._missed
    regexcache.save()
    assert regexcache.cache_file().is_file()
    fresh_cache()  # a later process
    again = [regexcache.regex(p, f) for p, f in PATTERNS]
    assert not regexcache._missed  # every one came from the file
    for (pattern, flags), one, two in zip(PATTERNS, first, again, strict=True):
        expected = re.compile(pattern, flags)
        assert one == expected and two == expected  # same flags, text and program
        assert two.groupindex == expected.groupindex and two.groups == expected.groups


def test_nothing_new_writes_nothing(fresh_cache):
    regexcache.save()
    assert not regexcache.cache_file().exists()


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", marshal.dumps({"a": 1}),
                                    marshal.dumps([("x",)])])
def test_a_damaged_file_falls_back_to_compiling(fresh_cache, damage):
    path = regexcache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    for pattern, flags in PATTERNS:
        assert regexcache.regex(pattern, flags) == re.compile(pattern, flags)


def test_a_tampered_program_is_refused_and_compiled_afresh(fresh_cache):
    pattern, flags = PATTERNS[0]
    regexcache.regex(pattern, flags)
    regexcache.save()
    rows = marshal.loads(regexcache.cache_file().read_bytes())
    rows = [(*row[:2], [99999, 1, 2], *row[3:]) for row in rows]  # no valid SRE program
    regexcache.cache_file().write_bytes(marshal.dumps(rows))
    fresh_cache()
    assert regexcache.regex(pattern, flags) == re.compile(pattern, flags)
    assert regexcache._missed  # the entry was not used


def test_an_unwritable_cache_folder_is_no_error(fresh_cache, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    regexcache.regex(*PATTERNS[0])
    regexcache.save()  # cannot write: quietly nothing
    assert not regexcache.cache_file().exists()


def test_every_parser_pattern_in_the_cache_equals_re_compile(tmp_path):
    """The parser's own patterns, saved by a fresh process and rebuilt, are exactly re.compile's."""
    script = ("from catalog.captions.parse import _formats; _formats(); "
              "from catalog import regexcache; print(regexcache.cache_file())")
    out = subprocess.run([sys.executable, "-c", script], env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
                         capture_output=True, text=True, check=True).stdout.strip()
    rows = marshal.loads(Path(out).read_bytes())
    assert len(rows) > 300  # the formats' module-level patterns
    for row in rows:
        rebuilt = regexcache._sre.compile(*row[:6])
        assert rebuilt == re.compile(row[0], row[6]), row[0][:80]


@given(st.text(alphabet="ACDEFPRSTUhinorst ,./()0123456789\n", max_size=60))
def test_a_rebuilt_pattern_finds_what_re_finds(text):
    for pattern, flags in PATTERNS:
        program = regexcache._program(pattern, int(flags))
        rebuilt = regexcache._sre.compile(*program[:6])
        expected = re.compile(pattern, flags)
        assert [m.groupdict() or m.group() for m in rebuilt.finditer(text)] == \
            [m.groupdict() or m.group() for m in expected.finditer(text)]


def test_a_library_imported_in_the_block_gets_the_cached_programs(fresh_cache):
    unpatched = re._compile
    with regexcache.library_patterns():
        inside = [re.compile(p, f) for p, f in PATTERNS]  # as a library's module does at import
        assert re.match(r"\d+", "42").group(0) == "42"
        assert re.compile(b"bytes") == re.compile(b"bytes")  # bytes patterns: re's own way
    assert re._compile is unpatched  # re is itself again after the block
    assert all(key in regexcache._used for key in ((p, int(f)) for p, f in PATTERNS))
    for (pattern, flags), got in zip(PATTERNS, inside, strict=True):
        assert got == re.compile(pattern, flags)
    regexcache.save()
    fresh_cache()  # a later process: the library's patterns come from the file
    with regexcache.library_patterns():
        again = [re.compile(p, f) for p, f in PATTERNS]
    assert not regexcache._missed and again == inside


def test_the_block_restores_re_when_the_import_fails(fresh_cache):
    unpatched = re._compile
    with pytest.raises(ImportError), regexcache.library_patterns():
        raise ImportError("no such library")
    assert re._compile is unpatched
