"""The plugin's pages: ``/-/photo/<id>``, ``/-/thumb/<id>.jpg``, ``/-/image/<id>`` and
``/-/preview/<id>.jpg`` (the original scaled for the screen).

Every route takes an integer photo id (the URL patterns accept 1 to 18 digits and
nothing else). Image bytes come from the archive's ``thumbnails`` table, or from a
file path the archive recorded for that id: no part of the request path ever
reaches the file system.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # datasette.app imports this plugin while it loads
    from datasette.app import Datasette

from datasette.utils.asgi import NotFound, Request, Response

from .detect import catalog_database
from .highlight import highlight, valid_spans
from .photo import (
    CONFLICT_FIELDS,
    EXIF_FIELDS,
    FILE_FIELDS,
    IPTC_FIELDS,
    PARSED_FIELDS,
    field_rows,
    json_object,
    load_photo,
)
from .preview import PreviewError, preview_jpeg
from .urls import photo_urls

ID = r"(?P<id>[0-9]{1,18})"
CACHE = {"Cache-Control": "public, max-age=300"}
_FORMAT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif",
                 "WEBP": "image/webp", "TIFF": "image/tiff", "HEIF": "image/heif"}
NO_PREVIEW_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64" viewBox="0 0 96 64">'
    '<rect width="96" height="64" fill="#e4e4e4"/><text x="48" y="36" font-size="10" '
    'text-anchor="middle" fill="#777" font-family="sans-serif">no preview</text></svg>'
)


def photo_id_from(request: Request) -> int:
    """The id in the URL; the route pattern already guarantees 1-18 digits."""
    return int(request.url_vars["id"])


def _recorded_paths(photo: dict) -> list[str]:
    paths = [photo["path"]] if photo.get("path") else []
    paths += [p["path"] for p in photo["paths"] if p["path"] not in paths]
    return paths


def _existing_file(paths: list[str]) -> str | None:
    for path in paths:
        if os.path.isfile(path):
            return path
    return None


async def photo_page(datasette: Datasette, request: Request) -> Response:
    """One page per photo (HTML), or its data with ``.json``."""
    db = catalog_database(datasette)
    photo_id = photo_id_from(request)
    photo = await load_photo(db, photo_id)
    if photo is None:
        raise NotFound(f"No photo with id {photo_id}")
    if request.url_vars.get("format") == ".json":
        return Response.json(photo, default=str)
    urls = photo_urls(datasette, photo_id)
    parsed = json_object(photo.get("parsed_json"))
    text = parsed.get("text") if isinstance(parsed.get("text"), str) else photo.get("caption")
    local_file = await asyncio.to_thread(_existing_file, _recorded_paths(photo))
    for use in photo["other_uses"]:
        use["urls"] = photo_urls(datasette, use["id"])
    context: dict[str, Any] = {
        "photo": photo,
        "photo_links": urls,
        "row_url": datasette.urls.row(db.name, "photos", str(photo_id)),
        "database": db.name,
        "preview_url": urls["preview"] if local_file else urls["thumb"],
        "original_available": bool(local_file),
        "caption_html": highlight(text or "", photo.get("spans")),
        "span_fields": sorted(valid_spans(photo.get("spans"), len(text or ""))),
        "caption_differs": bool(text) and text != photo.get("caption"),
        "groups": [
            ("Parsed from the caption", field_rows(photo, PARSED_FIELDS)),
            ("Caption vs camera", field_rows(photo, CONFLICT_FIELDS)),
            ("Camera (EXIF)", field_rows(photo, EXIF_FIELDS)),
            ("IPTC / XMP", field_rows(photo, IPTC_FIELDS)),
            ("File", field_rows(photo, FILE_FIELDS)),
        ],
        "extra_groups": [
            ("Further EXIF tags", json_object(photo.get("exif_json"))),
            ("IPTC-IIM datasets", json_object(photo.get("iptc_json"))),
            ("XMP fields", json_object(photo.get("xmp_json"))),
        ],
    }
    html = await datasette.render_template("catalog_photo.html", context, request=request)
    return Response.html(html)


async def thumbnail(datasette: Datasette, request: Request) -> Response:
    """The stored thumbnail; a "no preview" tile for a photo without one; 404 otherwise."""
    db = catalog_database(datasette)
    photo_id = photo_id_from(request)
    rows = (await db.execute(
        "select t.jpeg from photos p left join thumbnails t on t.photo_id = p.id "
        "where p.id = ?", [photo_id])).rows
    if not rows:
        raise NotFound(f"No photo with id {photo_id}")
    jpeg = rows[0][0]
    if not jpeg:
        return Response(NO_PREVIEW_SVG, content_type="image/svg+xml", headers=CACHE)
    return Response(jpeg, content_type="image/jpeg", headers=CACHE)


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


async def _original_path(datasette: Datasette, photo_id: int) -> tuple[str, str]:
    """The first existing file the archive recorded for ``photo_id``, and its format."""
    db = catalog_database(datasette)
    rows = (await db.execute(
        "select path, format from photos where id = ? union all "
        "select path, null from photo_paths where photo_id = ?", [photo_id, photo_id])).rows
    if not rows:
        raise NotFound(f"No photo with id {photo_id}")
    path = await asyncio.to_thread(_existing_file, [r["path"] for r in rows if r["path"]])
    if path is None:
        raise NotFound(f"The file of photo {photo_id} is not reachable from this server")
    return path, (rows[0]["format"] or "").upper()


async def image(datasette: Datasette, request: Request) -> Response:
    """The original file, read only from a path the archive recorded for this id."""
    photo_id = photo_id_from(request)
    path, photo_format = await _original_path(datasette, photo_id)
    try:
        body = await asyncio.to_thread(_read, path)
    except OSError as exc:  # vanished or unreadable between the check and the read
        raise NotFound(f"The file of photo {photo_id} could not be read") from exc
    content_type = (_FORMAT_TYPES.get(photo_format) or mimetypes.guess_type(path)[0]
                    or "application/octet-stream")
    return Response(body, content_type=content_type, headers=CACHE)


async def preview(datasette: Datasette, request: Request) -> Response:
    """A JPEG of the original scaled for the screen (any format Pillow reads)."""
    photo_id = photo_id_from(request)
    path, _ = await _original_path(datasette, photo_id)
    try:
        body = await asyncio.to_thread(preview_jpeg, path)
    except PreviewError as exc:
        raise NotFound(f"Photo {photo_id}: {exc}") from exc
    return Response(body, content_type="image/jpeg", headers=CACHE)


ROUTES = [
    (rf"^/-/photo/{ID}(?P<format>\.json)?$", photo_page),
    (rf"^/-/thumb/{ID}\.jpg$", thumbnail),
    (rf"^/-/image/{ID}$", image),
    (rf"^/-/preview/{ID}\.jpg$", preview),
]
