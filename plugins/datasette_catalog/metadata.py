"""Titles, descriptions, column labels, facets and saved queries for an archive.

Returned through Datasette's ``get_metadata`` hook for every database that is a
catalog archive, so ``catalog serve`` and a plain ``datasette archive.db`` read alike.
Local metadata (``datasette -m``) still takes precedence over these values.
"""

from __future__ import annotations

#: What the newsroom sees above the photos table; short enough to read at a glance.
PHOTO_COLUMN_LABELS: dict[str, str] = {
    "content_hash": "Picture: thumbnail linking to the photo page (the content hash in its tooltip)",
    "date": "Date the picture was taken, per the caption (editors' corrections applied)",
    "agency": "Agency that sent it (normalised: Reuters, AP, AFP, Getty Images, EPA-EFE, ...)",
    "photographer": "Photographer as credited",
    "city": "City named in the caption",
    "country": "Country as the caption wrote it (Britain, England, U.S., ...)",
    "country_name": "Country, one name for each (United Kingdom for Britain, England, UK; "
                    "United States for a US state alone): facet on this",
    "subject": "What the picture shows: the caption without place, date and credit",
    "caption": "The raw caption as received",
    "credit": "Credit line as printed",
    "file_photo": "1 when an archive picture was re-sent (FILE PHOTO, File)",
    "restrictions": "Usage restrictions (editorial only, no resales, territory out, ...)",
    "date_conflict_days": "Days between the caption's date and the camera's clock",
    "place_conflict_km": "Kilometres between the caption's place and the camera's GPS",
    "has_conflict": "1 when the caption disagrees with the camera (date or place)",
    "taken_at": "Camera clock (EXIF DateTimeOriginal)",
}

#: Columns the photos grid draws by default (``?_col``/``?_nocol`` show others).
GRID_COLUMNS: tuple[str, ...] = (
    "id", "content_hash", "date", "agency", "photographer", "subject", "city", "region",
    "country_name", "credit", "file_photo", "restrictions", "has_conflict", "taken_at",
    "caption_format", "confidence",
)
#: Short header labels in the grid.
GRID_LABELS: dict[str, str] = {
    "content_hash": "picture", "country_name": "country", "file_photo": "file photo", "has_conflict": "conflict",
    "taken_at": "camera time", "caption_format": "format",
}

#: Facets offered as one-click links above the table; agency is on by default.
FACET_LINKS: tuple[tuple[str, str], ...] = (
    ("_facet", "photographer"),
    ("_facet", "country_name"),
    ("_facet_year", "date"),
    ("_facet", "file_photo"),
    ("_facet", "has_conflict"),
)

_PICTURE = "id as picture, id"

SAVED_QUERIES: dict[str, dict] = {
    "file_photos_resent": {
        "title": "File photos re-sent",
        "description": "Archive pictures sent again (FILE PHOTO, File), newest import first. "
                       "Each photo page links to the earlier uses of the picture.",
        "sql": f"select {_PICTURE}, imported_at, date, agency, photographer, city, country_name, "
               "subject, credit from photos where file_photo = 1 order by id desc limit 500",
    },
    "date_disagrees_with_camera": {
        "title": "Captions whose date disagrees with the camera",
        "description": "The caption's date and the camera's clock differ by more than "
                       ":days days (default 2), largest gap first.",
        "sql": f"select {_PICTURE}, date, taken_at, date_conflict_days, agency, photographer, "
               "city, country, caption from photos "
               "where date_conflict_days > coalesce(nullif(:days, ''), 2) + 0 "
               "order by date_conflict_days desc, id desc limit 500",
    },
    "far_from_caption_place": {
        "title": "Pictures far from where the caption says",
        "description": "The camera's GPS is more than :km km (default 50) from the "
                       "caption's place, farthest first.",
        "sql": f"select {_PICTURE}, city, region, country, place_lat, place_lon, gps_lat, "
               "gps_lon, place_conflict_km, agency, photographer, caption from photos "
               "where place_conflict_km > coalesce(nullif(:km, ''), 50) + 0 "
               "order by place_conflict_km desc, id desc limit 500",
    },
    "no_credit": {
        "title": "Captions with no credit",
        "description": "No credit line was found in the caption: check before publishing.",
        "sql": f"select {_PICTURE}, date, byline, iptc_credit, caption_format, caption "
               "from photos where coalesce(credit, '') = '' order by id desc limit 500",
    },
    "usage_restrictions": {
        "title": "Pictures under usage restrictions",
        "description": "Editorial only, no resales, no archives, territory out, mandatory "
                       "credit and others, as the caption states them.",
        "sql": f"select {_PICTURE}, date, agency, restrictions, restriction_text, credit, "
               "subject from photos where coalesce(restrictions, '[]') not in ('', '[]') "
               "or coalesce(restriction_text, '') != '' order by id desc limit 500",
    },
}


def archive_metadata() -> dict:
    """Metadata for one archive database (the value under ``databases[name]``)."""
    return {
        "title": "Wire photo archive",
        "description": "Every picture the desk has received, its caption split into fields. "
                       "Search, narrow by agency, photographer, country or year, "
                       "and open a photo for its full record.",
        "tables": {
            "photos": {
                "title": "Photos",
                "description": "One row per picture (identical files are one row). Click a "
                               "thumbnail for the photo page: preview, caption with the parsed "
                               "fields highlighted, camera and IPTC data, corrections, other "
                               "uses of the picture.",
                "sort_desc": "date",
                "facets": ["agency"],
                "size": 50,
                "label_column": "subject",
                "columns": PHOTO_COLUMN_LABELS,
            },
            "photo_paths": {
                "title": "File paths",
                "description": "Every path a picture was found at (one picture, many copies).",
            },
            "corrections": {
                "title": "Editors' corrections",
                "description": "Changes editors made to parsed fields, with who and when. "
                               "Made in the terminal UI or the CLI; read-only here.",
                "sort_desc": "id",
            },
            "imports": {"title": "Import runs", "sort_desc": "id"},
            "import_errors": {"title": "Files that could not be read", "sort_desc": "id"},
            "thumbnails": {"title": "Thumbnails", "hidden": True},
        },
        "queries": SAVED_QUERIES,
    }


def site_metadata(database_names: list[str]) -> dict:
    """The whole metadata document for the given archive databases."""
    return {
        "title": "Wire photo archive",
        "description": "The newsroom's view of the picture archive (read-only).",
        "databases": {name: archive_metadata() for name in database_names},
    }
