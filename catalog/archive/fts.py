"""Turn what a person types into a safe FTS5 query.

Every word is quoted, so FTS5 syntax characters (``-``, ``:``, ``*``, ``(``,
``^``, a lone ``"``) are plain text; the last word is prefix-matched while it is
still being typed; ``AND``/``OR``/``NOT`` in capitals are kept when they stand
between two terms; ``"balanced phrases"`` stay phrases; ``-word`` after a term
means NOT; ``city:lyon`` searches one indexed column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.archive.columns import FTS_COLUMNS

OPERATORS = frozenset({"AND", "OR", "NOT"})
_PIECE = re.compile(r'"([^"]*)"|(\S+)')
_HAS_WORD = re.compile(r"\w")
_COLUMN_FILTER = re.compile(r"^(\w+):(.+)$")


@dataclass(frozen=True)
class _Part:
    kind: str  # "term", "phrase" or "op"
    text: str
    column: str = ""
    negated: bool = False


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _parts(text: str) -> list[_Part]:
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote is noise, not syntax
    parts: list[_Part] = []
    for match in _PIECE.finditer(text):
        phrase, bare = match.groups()
        if phrase is not None:
            if _HAS_WORD.search(phrase):
                parts.append(_Part("phrase", phrase))
            continue
        if bare in OPERATORS:
            parts.append(_Part("op", bare))
            continue
        bare = bare.replace('"', "")
        negated = bare.startswith("-") and any(p.kind != "op" for p in parts)
        if negated:
            bare = bare.lstrip("-")
        column = ""
        found = _COLUMN_FILTER.match(bare)
        if found and found.group(1).lower() in FTS_COLUMNS:
            column, bare = found.group(1).lower(), found.group(2)
        if _HAS_WORD.search(bare):
            parts.append(_Part("term", bare, column, negated))
    return parts


def to_fts_query(text: str) -> str:
    """A safe FTS5 MATCH expression for ``text``; ``""`` when nothing is searchable."""
    text = text.replace("\x00", " ")
    parts = _parts(text)
    still_typing = bool(text) and not text[-1].isspace()
    out: list[str] = []
    last_was_term = False
    for index, part in enumerate(parts):
        if part.kind == "op":
            following = parts[index + 1] if index + 1 < len(parts) else None
            if last_was_term and following is not None and following.kind != "op":
                out.append(part.text)
                last_was_term = False
            continue
        rendered = _quote(part.text)
        if part.kind == "term" and index == len(parts) - 1 and still_typing:
            rendered += "*"
        if part.column:
            rendered = f"{part.column} : {rendered}"
        if part.negated and out and out[-1] in OPERATORS:  # "x AND -y" means "x NOT y"
            out[-1] = f"NOT {rendered}"
        elif part.negated and out:
            out.append(f"NOT {rendered}")
        else:  # nothing on the left to subtract from: a plain term
            out.append(rendered)
        last_was_term = True
    return " ".join(out)


def plain_fts_query(text: str) -> str:
    """The fallback: every word quoted, no operators, no phrases."""
    words = re.findall(r"\w+", text)
    return " ".join(_quote(word) for word in words)
