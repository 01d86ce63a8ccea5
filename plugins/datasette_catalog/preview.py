"""A browser-sized JPEG of an original picture, made the way thumbnails are.

``catalog.images.thumbs.make_thumbnail`` does the work at a larger size: JPEGs decoded
at a reduced scale (draft mode), HEIF from an embedded picture that is big enough, RAW
files from their embedded preview, orientation applied, and pictures past Pillow's
decompression-bomb limit decoded only where a reduced decode is possible.
"""

from __future__ import annotations

from catalog.images import ImageReadError
from catalog.images.thumbs import make_thumbnail

#: Longest side of the preview on the photo page.
PREVIEW_SIZE = 1280


class PreviewError(Exception):
    """The file could not be read as a picture."""


def preview_jpeg(path: str, size: int = PREVIEW_SIZE) -> bytes:
    """The picture at ``path`` scaled to fit ``size`` pixels, upright, as JPEG bytes."""
    try:
        return make_thumbnail(path, max_size=size).jpeg
    except ImageReadError as exc:
        raise PreviewError(f"cannot make a preview: {exc.reason}") from exc
