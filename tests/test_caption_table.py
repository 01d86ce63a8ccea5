"""The caption table: captions we wrote in each agency's house format, field by field.

Each line of ``tests/captions/*.jsonl`` is one caption with the fields it must yield::

    {"caption": "...", "year_hint": 2024, "expect": {"city": "Lyon", ...},
     "note": "what trap this row tests", "xfail": "optional reason"}

Expected keys are Caption field names, plus three checks that are not equality:
``subject_contains`` (a substring of the subject), ``subject_excludes`` (a string
or list of strings the subject must not hold) and ``restrictions_include`` (flags
that must be among the restrictions). ``restrictions`` and ``intermediaries`` are
compared as lists; dates as ISO strings (``null`` for "no date").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from catalog.captions import parse_caption
from catalog.captions.model import Caption

TABLE_DIR = Path(__file__).parent / "captions"
SPECIAL_KEYS = {"subject_contains", "subject_excludes", "restrictions_include"}
CAPTION_FIELDS = {f.name for f in dataclasses.fields(Caption)}
FORMAT_FILES = (
    "reuters", "ap", "afp", "getty", "epa", "xinhua", "dpa",
    "bloomberg", "anadolu", "rex", "pa", "generic",
)
ROW_KEYS = {"caption", "year_hint", "expect", "note", "xfail"}


def load_rows() -> list[tuple[str, dict[str, Any]]]:
    """Every row of every table file, with its ``file:line`` id."""
    rows = []
    for path in sorted(TABLE_DIR.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rows.append((f"{path.stem}:{lineno}", json.loads(line)))
    return rows


def field_value(caption: Caption, name: str) -> Any:
    """A caption field in the form the table writes it (dates as ISO strings)."""
    value = getattr(caption, name)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def check_field(caption: Caption, name: str, expected: Any) -> str | None:
    """None when the caption satisfies one expectation, else what went wrong."""
    if name == "subject_contains":
        ok = expected in caption.subject
        got: Any = caption.subject
    elif name == "subject_excludes":
        unwanted = [expected] if isinstance(expected, str) else expected
        ok = not any(word in caption.subject for word in unwanted)
        got = caption.subject
    elif name == "restrictions_include":
        ok = set(expected) <= set(caption.restrictions)
        got = caption.restrictions
    elif name == "restrictions":
        got = caption.restrictions
        ok = sorted(got) == sorted(expected)
    else:
        got = field_value(caption, name)
        ok = got == expected
    return None if ok else f"{name}: expected {expected!r}, got {got!r}"


def table_params() -> list:
    params = []
    for row_id, row in load_rows():
        marks = []
        if row.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=row["xfail"]))
        params.append(pytest.param(row, id=row_id, marks=marks))
    return params


@pytest.mark.parametrize("row", table_params())
def test_caption_row(row: dict[str, Any]) -> None:
    caption = parse_caption(row["caption"], year_hint=row.get("year_hint"))
    problems = [
        problem
        for name, expected in row["expect"].items()
        if (problem := check_field(caption, name, expected)) is not None
    ]
    assert not problems, f"{row['note']}\n  " + "\n  ".join(problems)


def test_table_is_well_formed() -> None:
    rows = load_rows()
    assert len(rows) >= 300
    for row_id, row in rows:
        assert set(row) <= ROW_KEYS, row_id
        assert row["caption"] and row["note"] and row["expect"], row_id
        unknown = set(row["expect"]) - CAPTION_FIELDS - SPECIAL_KEYS
        assert not unknown, f"{row_id}: unknown fields {unknown}"


@pytest.mark.parametrize("stem", FORMAT_FILES)
def test_each_format_has_twenty_rows(stem: str) -> None:
    path = TABLE_DIR / f"{stem}.jsonl"
    count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert count >= 20


def test_captions_are_unique() -> None:
    captions = [row["caption"] for _, row in load_rows()]
    assert len(captions) == len(set(captions))


#: Every trap issue 3 names, as words that a note in traps.jsonl must hold.
ISSUE_TRAPS = (
    "animal named after a country", "person named after a country", "flag adjective",
    "hometown", "second sentence", "distance phrase", "Rome, New York",
    "Washington alone", "Georgia the country", "Georgia the state", "US state after city",
    "undated photo released", "release date", "Xinhua dateline", "day-first numeric sports date",
    "date follows the credit", "between village and country", "line break inside",
    "glued to the next text", "/File Photo/File Photo", "/Files", "Antara Foto/Name/via REUTERS",
    "AFP via Getty Images", "dpa via AP", "REUTERS/KCNA", "(Getty Images) has no photographer",
    "RETUERS", "HTML entities", "mojibake", "CRLF", "two captions run together", "German caption",
    "Spanish caption", "Portuguese caption", "in capitals", "missing final period", "truncated",
)


@pytest.mark.parametrize("trap", ISSUE_TRAPS)
def test_traps_file_covers_every_trap_of_the_issue(trap: str) -> None:
    notes = [row["note"] for row_id, row in load_rows() if row_id.startswith("traps:")]
    assert any(note.startswith("trap") and trap in note for note in notes)
