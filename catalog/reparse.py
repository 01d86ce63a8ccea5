"""Re-run the current caption parser over the captions stored in an archive.

Editors' corrections are never touched: they stay overlaid on the new parse.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catalog import captions
from catalog.archive import Archive, ArchiveError
from catalog.archive.values import PARSED_COLUMNS, ROW_INPUTS, parse_columns, parse_from_json
from catalog.captions.model import Caption

#: Columns whose changes the report counts (parsed_json changes whenever any does).
REPORTED = tuple(c for c in (*PARSED_COLUMNS, "date_conflict_days", "place_conflict_km",
                             "has_conflict") if c != "parsed_json")
Parser = Callable[..., Caption]


@dataclass
class ReparseReport:
    """What a re-parse did: records looked at, records changed, changes per field, and
    the photos whose caption the parser failed on (id, reason; left as they were)."""

    parser_version: str
    checked: int = 0
    changed: int = 0
    fields: Counter = field(default_factory=Counter)
    failed: list[tuple[int, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"parser_version": self.parser_version, "checked": self.checked,
                "changed": self.changed, "fields": dict(self.fields.most_common()),
                "failed": [{"id": i, "reason": r} for i, r in self.failed]}


def current_parser_version() -> str:
    """The version the parser declares (catalog.captions.PARSER_VERSION), "" if none."""
    return str(getattr(captions, "PARSER_VERSION", ""))


def _year_hint(row: dict[str, Any]) -> int | None:
    for column in ("iptc_date", "taken_at"):
        text = (row.get(column) or "")[:4]
        if text.isdigit():
            return int(text)
    return None


def _previous_parse(row: dict[str, Any]) -> dict[str, Any]:
    """The columns the last parse wrote: the stored ones, unless an editor overlaid some."""
    if row.get("corrected_fields") in (None, "", "[]"):
        return row  # cheap: no need to rebuild the old parse from parsed_json
    return parse_columns(_stored_parse(row["parsed_json"]), row)


def _stored_parse(parsed_json: str | None) -> Caption | None:
    try:
        return parse_from_json(parsed_json)
    except ArchiveError:  # an unreadable old parse: everything counts as changed
        return None


def _where(everything: bool) -> str:
    where = "caption IS NOT NULL AND caption != '' AND id > ?"
    return where if everything else where + " AND coalesce(parser_version, '') != ?"


def pending(archive: Archive, *, everything: bool = False, parser_version: str | None = None) -> int:
    """How many captions :func:`reparse` would look at."""
    version = current_parser_version() if parser_version is None else parser_version
    params: list[Any] = [0] if everything else [0, version]
    sql = f"SELECT count(*) FROM photos WHERE {_where(everything)}"
    return int(archive.db.execute(sql, params).fetchone()[0])


def reparse(archive: Archive, *, everything: bool = False, parser: Parser | None = None,
            parser_version: str | None = None, batch_size: int = 500,
            on_batch: Callable[[ReparseReport], None] | None = None) -> ReparseReport:
    """Re-parse stored captions whose parser_version differs (all with ``everything``)."""
    parse = parser or captions.parse_caption
    version = current_parser_version() if parser_version is None else parser_version
    report = ReparseReport(parser_version=version)
    columns = ", ".join(dict.fromkeys(("id", "caption", "parsed_json", "iptc_date",
                                       "corrected_fields", *ROW_INPUTS, *REPORTED)))
    where = _where(everything)
    last_id = 0
    while True:
        params: list[Any] = [last_id] if everything else [last_id, version]
        cursor = archive.db.execute(
            f"SELECT {columns} FROM photos WHERE {where} ORDER BY id LIMIT {int(batch_size)}", params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        if not rows:
            return report
        updates = []
        for row in rows:
            report.checked += 1
            try:
                caption = parse(row["caption"], year_hint=_year_hint(row))
            except Exception as exc:  # fence: one caption must not stop a million; reported
                report.failed.append((row["id"], f"{type(exc).__name__}: {exc}"))
                continue
            new = parse_columns(caption, row)
            old = _previous_parse(row)
            changed = [name for name in REPORTED if new.get(name) != old.get(name)]
            if changed:
                report.changed += 1
                report.fields.update(changed)
            updates.append((row["id"], new))
        archive.update_parses(updates, version)
        last_id = rows[-1]["id"]
        if on_batch is not None:
            on_batch(report)
