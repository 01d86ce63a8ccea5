"""Image metadata readers: ``read_image(path) -> ImageInfo``, thumbnails and perceptual hashes.

- ``reader``: read_image, the entry point (format sniffing, Pillow's lazy open, the fences).
- ``exif``: exifread first, Pillow's getexif() as the fallback; cleaned, typed fields.
- ``iptc``: IPTC-IIM from APP13 (split segments joined), decoded by the 1:90 character set.
- ``xmp``: XMP packets parsed with defusedxml; IPTC-style keys, camera fields as a fallback.
- ``raw``, ``cr3``: RAW files (TIFF-based, RAF, CR3) read without decoding sensor data.
- ``thumbs``: make_thumbnail (embedded preview, JPEG draft mode, or decode), dhash, hamming.
- ``sniff``, ``clean``: what a file's first bytes are; camera strings made clean.
- ``ends``: whether a JPEG or HEIF/AVIF file was cut off in transfer.
- ``embed``: writes EXIF/IPTC/XMP into JPEGs, for the sample archive and tests.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from catalog.images.model import ImageInfo, ImageReadError

if TYPE_CHECKING:
    from catalog.images.reader import read_image
    from catalog.images.thumbs import Thumbnail, dhash, hamming, make_thumbnail

#: Loaded on first use: the readers pull in Pillow and exifread (tens of milliseconds),
#: which a command that only reads the archive (search, stats, a no-op import) never needs.
_LAZY = {"read_image": "reader", "Thumbnail": "thumbs", "dhash": "thumbs", "hamming": "thumbs",
         "make_thumbnail": "thumbs"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f"catalog.images.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ImageInfo",
    "ImageReadError",
    "Thumbnail",
    "dhash",
    "hamming",
    "make_thumbnail",
    "read_image",
]
