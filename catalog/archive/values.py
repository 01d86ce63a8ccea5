"""Conversions between Python values, Caption records and ``photos`` column values.

Dates are ISO text, booleans 0/1, lists and dicts JSON text: the shapes that
SQLite, Datasette and the UIs read without knowing our classes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from typing import Any

from catalog.archive.columns import CORRECTABLE, PHOTO_COLUMNS
from catalog.archive.errors import ArchiveError
from catalog.captions.model import FLAG_FIELDS, Caption
from catalog.images.model import ImageInfo
from catalog.records import METADATA_FALLBACK, caption_columns, fill_from_metadata, reconcile

#: ``photos`` columns holding JSON lists or objects.
JSON_COLUMNS = ("intermediaries", "restrictions", "story_codes", "notes", "spans", "corrected_fields")
#: ``photos`` columns holding 0/1 flags.
BOOL_COLUMNS = (*FLAG_FIELDS, "has_conflict")
#: Columns that the caption parser fills (see :func:`caption_columns`).
PARSED_COLUMNS = (
    "subject", "city", "region", "country", "country_code", "place_lat", "place_lon",
    "date", "date_text", "sent_date", "agency", "photographer", "credit", "intermediaries",
    *FLAG_FIELDS, "restrictions", "restriction_text", "story_codes", "notes",
    "caption_format", "confidence", "residue", "spans", "parsed_json",
)

#: The row columns that :func:`parse_columns` reads.
ROW_INPUTS = ("path", "taken_at", "gps_lat", "gps_lon", *METADATA_FALLBACK.values())

_PLAIN = frozenset({str, int, float, bytes})
_TRUE = {"1", "true", "yes", "y", "on", "t"}
_FALSE = {"0", "false", "no", "n", "off", "f", ""}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def utcnow() -> str:
    """The current UTC time as ISO text, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def to_db(value: Any) -> Any:
    """A Python value as SQLite stores it: ISO dates, 0/1, JSON for containers."""
    if value is None or type(value) in _PLAIN:  # the common case, kept cheap
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | dict | set):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
    return value


def parse_columns(caption: Caption | None, row: dict[str, Any]) -> dict[str, Any]:
    """The columns an import would write for this parse, given the photo's stored ``row``.

    The parse's own columns (catalog.records.caption_columns), blanks filled from the
    file's IPTC/XMP fields as the importer does, and the caption-vs-camera conflicts.
    """
    cols = caption_columns(caption) if caption is not None else dict.fromkeys(PARSED_COLUMNS)
    fill_from_metadata(cols, row)
    cols.update(conflicts(caption, row))
    return cols


def conflicts(caption: Caption | None, row: dict[str, Any]) -> dict[str, Any]:
    """date_conflict_days, place_conflict_km, has_conflict of a caption against the stored camera facts."""
    info = ImageInfo(path=row.get("path") or "", taken_at=row.get("taken_at") or "",
                     gps_lat=row.get("gps_lat"), gps_lon=row.get("gps_lon"))
    return reconcile(caption, info)


def parse_from_json(parsed_json: str | None) -> Caption | None:
    """The Caption stored in ``parsed_json``, or None when there is none."""
    if not parsed_json:
        return None
    try:
        return Caption.from_dict(json.loads(parsed_json))
    except (ValueError, TypeError) as exc:
        raise ArchiveError(f"stored parse is unreadable: {exc}") from exc


def correction_text(field: str, value: Any) -> str:
    """Validate an editor's value for ``field``; return it as the corrections table keeps it."""
    if field not in CORRECTABLE:
        raise ArchiveError(f"{field!r} cannot be corrected; choose one of: {', '.join(CORRECTABLE)}")
    text = "" if value is None else str(to_db(value)).strip()
    if field in FLAG_FIELDS:
        low = text.lower()
        if low in _TRUE:
            return "1"
        if low in _FALSE:
            return "0"
        raise ArchiveError(f"{field} takes yes or no (true/false, 1/0), not {text!r}")
    if field == "date" and text:
        if not _ISO_DATE.match(text):
            raise ArchiveError(f"date must be written YYYY-MM-DD, not {text!r}")
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ArchiveError(f"{text!r} is not a real date") from exc
    return text


def column_value(field: str, text: str | None) -> Any:
    """A corrections-table value as the ``photos`` column stores it."""
    if text is None:
        return None
    if PHOTO_COLUMNS.get(field) is int:
        return int(text) if text else None
    return text or (None if field == "date" else "")


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``photos`` row for people and JSON: lists decoded, flags as booleans."""
    out = dict(row)
    for name in JSON_COLUMNS:
        if isinstance(out.get(name), str):
            with contextlib.suppress(ValueError):  # not JSON after all: keep the text as stored
                out[name] = json.loads(out[name]) if out[name] else []
    for name in BOOL_COLUMNS:
        if name in out and out[name] is not None:
            out[name] = bool(out[name])
    return out
