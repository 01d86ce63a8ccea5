"""Editors' corrections: stored apart, overlaid on the parse as effective values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from catalog.archive.connection import write_transaction
from catalog.archive.errors import ArchiveError
from catalog.archive.sql import update_photo
from catalog.archive.values import (
    ROW_INPUTS,
    column_value,
    conflicts,
    correction_text,
    parse_columns,
    parse_from_json,
    utcnow,
)
from catalog.captions.model import Caption
from catalog.records import standard_country

_CHUNK = 500


def active_corrections(db: Database, photo_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """photo id -> {field: value of its newest correction not undone}."""
    ids = list(photo_ids)
    out: dict[int, dict[str, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT photo_id, field, value FROM corrections WHERE undone_at IS NULL "
            f"AND photo_id IN ({marks}) ORDER BY id", chunk,
        ).fetchall()
        for photo_id, field, value in rows:
            out.setdefault(photo_id, {})[field] = value  # later ids overwrite: newest wins
    return out


def overlay(columns: dict[str, Any], corrections: dict[str, str]) -> dict[str, Any]:
    """``columns`` with corrected fields replaced and ``corrected_fields`` set."""
    out = dict(columns)
    for field, text in corrections.items():
        out[field] = column_value(field, text)
    out["corrected_fields"] = json.dumps(sorted(corrections))
    return out


class CorrectionsMixin:
    """Archive methods for corrections (``self.db`` is the Database)."""

    db: Database

    def correct(self, photo_id: int, field: str, value: Any, *, editor: str) -> int:
        """Record an editor's value for ``field`` and make it effective; return its id."""
        text = correction_text(field, value)
        with write_transaction(self.db):
            row = self._photo_fields(photo_id, field)
            correction_id = self.db["corrections"].insert({
                "photo_id": photo_id, "field": field, "value": text,
                "previous": None if row[field] is None else str(row[field]),
                "editor": editor, "created_at": utcnow(),
            }).last_pk
            self._apply_effective(photo_id, field)
        return int(correction_id)

    def undo_correction(self, correction_id: int, *, editor: str) -> None:
        """Mark a correction undone; the field falls back to the previous one, else the parse."""
        with write_transaction(self.db):
            found = self.db.execute(
                "SELECT photo_id, field, undone_at FROM corrections WHERE id = ?", [correction_id]
            ).fetchone()
            if found is None:
                raise ArchiveError(f"no correction {correction_id}")
            photo_id, field, undone_at = found
            if undone_at:
                raise ArchiveError(f"correction {correction_id} was already undone at {undone_at}")
            self.db.execute(
                "UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?",
                [utcnow(), editor, correction_id],
            )
            self._apply_effective(photo_id, field)

    def history(self, photo_id: int, field: str | None = None) -> list[dict]:
        """Corrections of a photo (of one field if given), newest first."""
        where, params = "photo_id = ?", [photo_id]
        if field:
            where, params = where + " AND field = ?", [*params, field]
        return list(self.db["corrections"].rows_where(where, params, order_by="id DESC"))

    def _photo_fields(self, photo_id: int, *fields: str) -> dict[str, Any]:
        cols = ", ".join(["parsed_json", *fields])
        cursor = self.db.execute(f"SELECT {cols} FROM photos WHERE id = ?", [photo_id])
        found = cursor.fetchone()
        if found is None:
            raise ArchiveError(f"no photo with id {photo_id}")
        return dict(zip([d[0] for d in cursor.description], found, strict=True))

    def _first_previous(self, photo_id: int, field: str) -> Any:
        """The value before the field's first correction (for photos without a stored parse)."""
        first = self.db.execute(
            "SELECT previous FROM corrections WHERE photo_id = ? AND field = ? ORDER BY id LIMIT 1",
            [photo_id, field],
        ).fetchone()
        return column_value(field, first[0]) if first else None

    def _apply_effective(self, photo_id: int, field: str) -> None:
        """Set ``field`` to its newest live correction, else the parse; refresh the bookkeeping."""
        live = active_corrections(self.db, [photo_id]).get(photo_id, {})
        row = self._photo_fields(photo_id, field, *ROW_INPUTS)
        caption = parse_from_json(row["parsed_json"])
        if field in live:
            value = column_value(field, live[field])
        elif caption is not None:
            value = parse_columns(caption, row)[field]
        else:
            value = self._first_previous(photo_id, field)
        updates: dict[str, Any] = {field: value, "corrected_fields": json.dumps(sorted(live)),
                                   "updated_at": utcnow()}
        if field in ("country", "country_code"):  # the grouped name follows either
            other = "country_code" if field == "country" else "country"
            place = {other: self._photo_fields(photo_id, other)[other], field: value}
            updates["country_name"] = standard_country(
                place["country_code"], place["country"],
                written_first="country" in live and "country_code" not in live)
        if field == "date":  # the caption-vs-camera conflict follows the effective date
            day = dt.date.fromisoformat(value) if value else None
            updates.update(conflicts(dataclasses.replace(caption or Caption(), date=day), row))
        update_photo(self.db, photo_id, updates)
