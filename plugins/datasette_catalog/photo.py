"""Everything the photo page shows, read through Datasette's read-only connections."""

from __future__ import annotations

import json
from typing import Any

from datasette.database import Database

from catalog.archive.similar import other_uses_rows

#: Hamming distance (bits of the 64-bit dhash) under which two files are one picture.
MAX_DISTANCE = 6
#: What the page shows of each other use (plus its "distance").
_USE_COLUMNS = ("photos.id, photos.dhash, photos.date, photos.agency, photos.photographer, "
                "photos.subject, photos.file_photo, photos.city, photos.country")

PARSED_FIELDS = (
    ("subject", "Subject"), ("city", "City"), ("region", "Region / state"),
    ("country", "Country as written"), ("country_code", "Country code"),
    ("country_name", "Country"), ("place_lat", "Place latitude"),
    ("place_lon", "Place longitude"), ("date", "Date"), ("date_text", "Date as written"),
    ("sent_date", "Sent"), ("agency", "Agency"), ("photographer", "Photographer"),
    ("credit", "Credit"), ("intermediaries", "Via"), ("file_photo", "File photo"),
    ("pool", "Pool"), ("handout", "Handout"), ("third_party", "Third party"),
    ("topshot", "Topshot"), ("drone", "Drone"), ("restrictions", "Restrictions"),
    ("restriction_text", "Restriction text"), ("story_codes", "Story codes"),
    ("notes", "Editor notes"), ("caption_format", "Format matched"),
    ("confidence", "Confidence"), ("residue", "Not placed (residue)"),
    ("parser_version", "Parser version"),
)
EXIF_FIELDS = (
    ("make", "Make"), ("model", "Model"), ("lens", "Lens"), ("taken_at", "Taken at"),
    ("taken_offset", "UTC offset"), ("gps_lat", "GPS latitude"), ("gps_lon", "GPS longitude"),
    ("exposure_time", "Exposure"), ("f_number", "Aperture (f/)"), ("iso", "ISO"),
    ("focal_length", "Focal length (mm)"), ("orientation", "Orientation"),
)
IPTC_FIELDS = (
    ("headline", "Headline"), ("keywords", "Keywords"), ("byline", "By-line"),
    ("iptc_credit", "Credit"), ("iptc_source", "Source"), ("iptc_city", "City"),
    ("iptc_region", "Province/State"), ("iptc_country", "Country"),
    ("iptc_date", "Date created"), ("instructions", "Special instructions"),
    ("object_name", "Object name (slug)"), ("caption_source", "Caption read from"),
)
FILE_FIELDS = (
    ("content_hash", "Content hash"), ("path", "First path"), ("file_size", "Size (bytes)"),
    ("format", "Format"), ("width", "Width"), ("height", "Height"), ("dhash", "Picture hash"),
    ("first_import_id", "First import"), ("imported_at", "Imported"), ("updated_at", "Updated"),
)
CONFLICT_FIELDS = (
    ("date_conflict_days", "Caption date vs camera (days)"),
    ("place_conflict_km", "Caption place vs GPS (km)"),
    ("has_conflict", "Disagreement flagged"),
)
_FLAGS = {"file_photo", "pool", "handout", "third_party", "topshot", "drone", "has_conflict"}
_JSON_LISTS = {"intermediaries", "restrictions", "story_codes", "notes"}


def display_value(field: str, value: Any) -> str:
    """A cell of the photo page as text: flags as yes/no, JSON lists joined, blanks as —."""
    if value is None or value == "":
        return "—"
    if field in _FLAGS:
        return "yes" if value else "no"
    if field in _JSON_LISTS and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return ", ".join(str(item) for item in items) or "—"
    return str(value)


def json_object(text: Any) -> dict:
    """A JSON object column as a dict; anything else as {}."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def field_rows(photo: dict, fields: tuple[tuple[str, str], ...]) -> list[dict]:
    """Rows of (label, value, corrected?) for one group of the page."""
    try:
        corrected = set(json.loads(photo.get("corrected_fields") or "[]") or [])
    except (ValueError, TypeError):  # unreadable bookkeeping must not hide the photo
        corrected = set()
    return [{"field": f, "label": label, "value": display_value(f, photo.get(f)),
             "corrected": f in corrected} for f, label in fields]


async def other_uses(db: Database, photo_id: int) -> list[dict]:
    """Other photos of the same picture: dhash within MAX_DISTANCE bits, nearest first.

    The archive's exact band lookup (catalog/archive/similar.py), run on Datasette's
    read-only connection, so the page finds every copy and stays fast on a million rows.
    """
    return await db.execute_fn(
        lambda conn: other_uses_rows(conn, photo_id, MAX_DISTANCE, columns=_USE_COLUMNS))


async def load_photo(db: Database, photo_id: int) -> dict | None:
    """The photos row with its paths, corrections, thumbnail size and other uses."""
    rows = (await db.execute("select * from photos where id = ?", [photo_id])).rows
    if not rows:
        return None
    photo = dict(rows[0])
    photo["paths"] = [dict(r) for r in (await db.execute(
        "select path, size, mtime_ns, seen_at from photo_paths where photo_id = ? order by path",
        [photo_id])).rows]
    photo["corrections"] = [dict(r) for r in (await db.execute(
        "select * from corrections where photo_id = ? order by id desc", [photo_id])).rows]
    thumb = (await db.execute(
        "select width, height from thumbnails where photo_id = ?", [photo_id])).rows
    photo["thumbnail"] = dict(thumb[0]) if thumb else None
    photo["other_uses"] = await other_uses(db, photo_id)
    return photo
