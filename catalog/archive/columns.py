"""The archive's columns: what ``photos`` holds, what search indexes, what editors correct.

Kept apart from the migrations (catalog.archive.schema) so that the command line can
name them without loading sqlite-utils.
"""

from __future__ import annotations

#: Columns of ``photos`` that full-text search indexes, in FTS column order.
FTS_COLUMNS = (
    "caption", "subject", "city", "region", "country",
    "photographer", "credit", "agency", "keywords", "headline",
)

#: Caption columns whose effective value an editor may correct.
CORRECTABLE = (
    "subject", "city", "region", "country", "country_code", "date",
    "agency", "photographer", "credit",
    "file_photo", "pool", "handout",
)

PHOTO_COLUMNS: dict[str, type] = {
    "id": int,                    # stable integer id used in URLs and the UIs
    "content_hash": str,                # content hash: identity of the picture
    "path": str,                  # the first path it was seen at (all paths: photo_paths)
    "file_size": int,
    "format": str,
    "width": int,
    "height": int,
    # EXIF
    "make": str,
    "model": str,
    "lens": str,
    "taken_at": str,              # ISO local time
    "taken_offset": str,          # "+02:00"
    "gps_lat": float,
    "gps_lon": float,
    "exposure_time": str,
    "f_number": float,
    "iso": int,
    "focal_length": float,
    "orientation": int,
    # IPTC / XMP, flattened
    "headline": str,
    "keywords": str,              # "; "-joined
    "byline": str,
    "iptc_credit": str,
    "iptc_source": str,
    "iptc_city": str,
    "iptc_region": str,
    "iptc_country": str,
    "iptc_date": str,             # ISO date from IPTC Date Created / photoshop:DateCreated
    "instructions": str,
    "object_name": str,
    "iptc_json": str,             # every IIM dataset read
    "xmp_json": str,              # every XMP field read
    "exif_json": str,             # further EXIF tags read
    # caption
    "caption": str,               # raw caption text
    "caption_source": str,        # "xmp", "iptc", "sidecar", "manifest"
    # parsed (effective) fields
    "subject": str,
    "city": str,
    "region": str,
    "country": str,
    "country_code": str,
    "country_name": str,          # one name per country (from the code), for facets
    "place_lat": float,
    "place_lon": float,
    "date": str,                  # ISO date of the picture per caption
    "date_text": str,
    "sent_date": str,
    "agency": str,
    "photographer": str,
    "credit": str,
    "intermediaries": str,        # JSON list
    "file_photo": int,
    "pool": int,
    "handout": int,
    "third_party": int,
    "topshot": int,
    "drone": int,
    "restrictions": str,          # JSON list of flags
    "restriction_text": str,
    "story_codes": str,           # JSON list
    "notes": str,                 # JSON list
    "caption_format": str,
    "confidence": float,
    "residue": str,
    "spans": str,                 # JSON {field: [start, end]}
    "parsed_json": str,           # the parser's Caption, whole
    "parser_version": str,
    "corrected_fields": str,      # JSON list of fields whose value is an editor's
    # reconciliation
    "date_conflict_days": int,    # |caption date - camera date| in days, when both known
    "place_conflict_km": float,   # caption place to GPS, when both known
    "has_conflict": int,
    # identity and bookkeeping
    "dhash": str,                 # 64-bit difference hash, 16 hex digits
    "first_import_id": int,
    "imported_at": str,
    "updated_at": str,
}
