"""A browser-sized JPEG of an original picture (any format Pillow reads, HEIF included)."""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF originals, when the optional opener is installed
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - pillow-heif is a dependency; JPEG/TIFF/PNG still work
    register_heif_opener = None
else:
    register_heif_opener()

#: Longest side of the preview on the photo page.
PREVIEW_SIZE = 1280


class PreviewError(Exception):
    """The file could not be read as a picture."""


def preview_jpeg(path: str, size: int = PREVIEW_SIZE) -> bytes:
    """The picture at ``path`` scaled to fit ``size`` pixels, upright, as JPEG bytes.

    JPEG originals are decoded at a reduced scale (``draft``), so a 24-megapixel
    file takes tens of milliseconds rather than hundreds.
    """
    try:
        with Image.open(path) as img:
            img.draft("RGB", (size, size))
            upright = ImageOps.exif_transpose(img)
            upright.thumbnail((size, size))
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            buffer = io.BytesIO()
            upright.save(buffer, "JPEG", quality=85)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise PreviewError(f"cannot make a preview: {exc}") from exc
    return buffer.getvalue()
