"""Join an image's metadata and its parsed caption into one archive record.

:func:`build_record` fills the ``photos`` columns (catalog.archive.schema
PHOTO_COLUMNS) from an :class:`ImageInfo` and a :class:`Caption`;
:func:`reconcile` compares what the caption says with what the camera recorded.

Reconciliation thresholds (chosen, documented, tested):

* **date**: ``date_conflict_days`` is ``|caption date - camera date|`` whenever
  both are known. It counts as a conflict from :data:`DATE_CONFLICT_DAYS` (2)
  days: a camera clock in another time zone, a picture taken near midnight or a
  caption dated on the day it was sent can all be one day off honestly. When the
  EXIF offset is known the camera's local date is used as recorded; without it
  the same 2-day threshold absorbs the unknown zone.
* **place**: ``place_conflict_km`` is the great-circle distance between the
  caption's place (from the gazetteer) and the GPS fix. It counts from
  :data:`PLACE_CONFLICT_KM` (50 km: a city and its suburbs, a press position
  outside a stadium) when the caption names a city, and from
  :data:`COUNTRY_CONFLICT_KM` (1,000 km) when it names only a country, whose
  coordinates are a centroid.
* A FILE PHOTO is compared like any other: its caption carries the original
  date, so a re-sent picture with the right date raises no flag.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from catalog.captions.model import FLAG_FIELDS, Caption
from catalog.images.model import ImageInfo

DATE_CONFLICT_DAYS = 2
PLACE_CONFLICT_KM = 50.0
COUNTRY_CONFLICT_KM = 1000.0
EARTH_RADIUS_KM = 6371.0088


@dataclass
class PhotoRecord:
    """One file, ready for the archive.

    ``columns`` holds values for ``photos`` columns (see catalog.archive.schema
    PHOTO_COLUMNS), parsed caption fields included; the archive overlays editors'
    corrections on them when it writes. ``path``/``size``/``mtime_ns`` go to
    ``photo_paths``.
    """

    content_hash: str
    path: str
    size: int
    mtime_ns: int
    columns: dict[str, Any] = field(default_factory=dict)
    caption: Caption | None = None
    #: What the readers could not read in an otherwise imported file (a field, not the file).
    warnings: list[str] = field(default_factory=list)


#: photos column -> keys an ImageInfo's iptc/xmp dicts may use for it (XMP wins).
_FLAT_FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("headline",),
    "byline": ("byline", "by_line", "creator"),
    "iptc_credit": ("credit",),
    "iptc_source": ("source",),
    "iptc_city": ("city",),
    "iptc_region": ("province_state", "region", "state"),
    "iptc_country": ("country", "country_name", "country_primary_location_name"),
    "instructions": ("special_instructions", "instructions"),
    "object_name": ("object_name", "title"),
}
#: Caption column -> the file's own metadata column that fills it when the caption is silent.
METADATA_FALLBACK: dict[str, str] = {
    "photographer": "byline", "city": "iptc_city", "region": "iptc_region",
    "country": "iptc_country", "credit": "iptc_credit",
}
_DATE_KEYS = ("date_created", "datecreated", "date")
_KEYWORD_KEYS = ("keywords", "subject")


def build_record(
    info: ImageInfo,
    caption: Caption | None,
    *,
    content_hash: str,
    size: int,
    mtime_ns: int,
    caption_source: str,
    dhash: str | None,
    parser_version: str = "",
) -> PhotoRecord:
    """Everything known about one file as ``photos`` columns, conflicts included."""
    cols: dict[str, Any] = {
        "content_hash": content_hash,
        "path": info.path,
        "file_size": size,
        "format": info.format,
        "width": info.width,
        "height": info.height,
        "make": info.make,
        "model": info.model,
        "lens": info.lens,
        "taken_at": info.taken_at or None,
        "taken_offset": info.taken_offset or None,
        "gps_lat": info.gps_lat,
        "gps_lon": info.gps_lon,
        "exposure_time": info.exposure_time or None,
        "f_number": info.f_number,
        "iso": info.iso,
        "focal_length": info.focal_length,
        "orientation": info.orientation,
        "iptc_json": _json_or_none(info.iptc),
        "xmp_json": _json_or_none(info.xmp),
        "caption": caption.raw if caption is not None else None,
        "caption_source": caption_source or None,
        "parser_version": parser_version or None,
    }
    if dhash:  # absent, not NULL: a re-import must not wipe a hash made earlier
        cols["dhash"] = dhash
    for column, keys in _FLAT_FIELDS.items():
        cols[column] = _metadata_text(info, keys) or None
    cols["keywords"] = "; ".join(_keywords(info)) or None
    iptc_date = iptc_date_created(info)
    cols["iptc_date"] = iptc_date.isoformat() if iptc_date else None
    cols.update(caption_columns(caption))
    fill_from_metadata(cols, cols)
    set_country_name(cols)
    cols.update(reconcile(caption, info))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    cols["imported_at"] = now
    cols["updated_at"] = now
    return PhotoRecord(content_hash=content_hash, path=info.path, size=size, mtime_ns=mtime_ns,
                       columns=cols, caption=caption, warnings=list(info.warnings))


def caption_columns(caption: Caption | None) -> dict[str, Any]:
    """The parsed caption as ``photos`` columns (lists and spans as JSON text)."""
    if caption is None:
        return {}
    cols: dict[str, Any] = {
        name: getattr(caption, name) or None
        for name in ("subject", "city", "region", "country", "country_code", "date_text",
                     "agency", "photographer", "credit", "restriction_text", "residue")
    }
    cols["place_lat"] = caption.place_lat
    cols["place_lon"] = caption.place_lon
    cols["date"] = caption.date.isoformat() if caption.date else None
    cols["sent_date"] = caption.sent_date.isoformat() if caption.sent_date else None
    for name in FLAG_FIELDS:
        cols[name] = int(bool(getattr(caption, name)))
    for name in ("intermediaries", "restrictions", "story_codes", "notes"):
        cols[name] = json.dumps(list(getattr(caption, name)), ensure_ascii=False)
    cols["spans"] = json.dumps({k: list(v) for k, v in caption.spans.items()})
    cols["caption_format"] = caption.format or None
    cols["confidence"] = caption.confidence
    cols["parsed_json"] = json.dumps(caption.to_dict(), ensure_ascii=False)
    return cols


def fill_from_metadata(cols: dict[str, Any], metadata: dict[str, Any]) -> None:
    """Where the caption says nothing, take the file's own IPTC/XMP fields from ``metadata``.

    dpa puts the photographer only in By-line; many files carry City/Country in
    IPTC but not in the text. ``parsed_json`` keeps the parser's own answer.
    """
    for column, source in METADATA_FALLBACK.items():
        if not cols.get(column) and metadata.get(source):
            cols[column] = metadata[source]


def standard_country(code: str | None, written: str | None, *,
                     written_first: bool = False) -> str | None:
    """One name per country, for facets and lists: the gazetteer's English name for the
    ISO code (or for the written name's code), else the name as written.

    Captions write one country many ways (Britain, England, UK; U.S., USA, or only a
    state); ``country`` keeps what was written, ``country_name`` groups them.
    ``written_first``: the written name decides when the gazetteer knows it (an editor
    corrected the country, not its code).
    """
    from catalog.captions import gazetteer  # deferred: loads the gazetteer on first use

    written = (written or "").strip()
    from_written = gazetteer.country_code(written) if written else None
    code = (code or "").strip().upper()
    if from_written and (written_first or not code):
        code = from_written
    return gazetteer.country_name(code) or written or None


def set_country_name(cols: dict[str, Any]) -> None:
    """Set ``cols["country_name"]`` from its effective ``country_code`` and ``country``
    (the written country decides when an editor corrected it and not the code)."""
    corrected = cols.get("corrected_fields") or "[]"
    fields = set(json.loads(corrected)) if isinstance(corrected, str) else set(corrected)
    cols["country_name"] = standard_country(
        cols.get("country_code"), cols.get("country"),
        written_first="country" in fields and "country_code" not in fields)


def reconcile(caption: Caption | None, info: ImageInfo) -> dict[str, Any]:
    """Date and place conflicts between the caption and the camera (see module doc)."""
    days: int | None = None
    km: float | None = None
    conflict = False
    camera_date = camera_local_date(info)
    if caption is not None and caption.date is not None and camera_date is not None:
        days = abs((caption.date - camera_date).days)
        conflict = days >= DATE_CONFLICT_DAYS
    if (caption is not None and caption.place_lat is not None and caption.place_lon is not None
            and info.gps_lat is not None and info.gps_lon is not None):
        km = round(haversine_km(caption.place_lat, caption.place_lon,
                                info.gps_lat, info.gps_lon), 1)
        limit = PLACE_CONFLICT_KM if caption.city else COUNTRY_CONFLICT_KM
        conflict = conflict or km > limit
    return {"date_conflict_days": days, "place_conflict_km": km, "has_conflict": int(conflict)}


def camera_local_date(info: ImageInfo) -> dt.date | None:
    """The date the camera recorded, in the camera's local time (EXIF is local time)."""
    taken = parse_iso_datetime(info.taken_at)
    return taken.date() if taken else None


def parse_iso_datetime(text: str) -> dt.datetime | None:
    """``2023-01-07T14:03:11`` (or with a space, or EXIF colons) as a naive datetime."""
    if not text:
        return None
    cleaned = text.strip().replace(" ", "T", 1)
    cleaned = re.sub(r"^(\d{4}):(\d{2}):(\d{2})", r"\1-\2-\3", cleaned)
    try:
        return dt.datetime.fromisoformat(cleaned).replace(tzinfo=None)
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(cleaned[:10]), dt.time())
        except ValueError:
            return None


def iptc_date_created(info: ImageInfo) -> dt.date | None:
    """IPTC Date Created / photoshop:DateCreated (XMP first) as a date, or None."""
    for source in (info.xmp, info.iptc):
        for key in _DATE_KEYS:
            value = source.get(key)
            if isinstance(value, str) and value.strip():
                parsed = _parse_date(value.strip())
                if parsed:
                    return parsed
    return None


def year_hint(info: ImageInfo) -> int | None:
    """The year to help the parser place a caption date without one."""
    created = iptc_date_created(info)
    if created:
        return created.year
    camera = camera_local_date(info)
    return camera.year if camera else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _parse_date(value: str) -> dt.date | None:
    digits = re.sub(r"[^0-9]", "", value[:10])
    if len(digits) >= 8:
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None
    return None


def _metadata_text(info: ImageInfo, keys: tuple[str, ...]) -> str:
    for source in (info.xmp, info.iptc):
        for key in keys:
            value = source.get(key)
            if isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value if v)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def _keywords(info: ImageInfo) -> list[str]:
    for source in (info.xmp, info.iptc):
        for key in _KEYWORD_KEYS:
            value = source.get(key)
            if isinstance(value, str) and value.strip():
                return [part.strip() for part in re.split(r"[;,]", value) if part.strip()]
            if isinstance(value, list | tuple) and value:
                return [str(v).strip() for v in value if str(v).strip()]
    return []


def _json_or_none(value: dict[str, Any]) -> str | None:
    return json.dumps(value, ensure_ascii=False, default=str) if value else None
