"""Image metadata readers: ``read_image(path) -> ImageInfo``, thumbnails and perceptual hashes.

- ``reader``: read_image, the entry point (format sniffing, Pillow's lazy open, the fences).
- ``exif``: exifread first, Pillow's getexif() as the fallback; cleaned, typed fields.
- ``iptc``: IPTC-IIM from APP13 (split segments joined), decoded by the 1:90 character set.
- ``xmp``: XMP packets parsed with defusedxml; IPTC-style keys, camera fields as a fallback.
- ``raw``, ``cr3``: RAW files (TIFF-based, RAF, CR3) read without decoding sensor data.
- ``thumbs``: make_thumbnail (embedded preview, JPEG draft mode, or decode), dhash, hamming.
- ``sniff``, ``clean``: what a file's first bytes are; camera strings made clean.
- ``embed``: writes EXIF/IPTC/XMP into JPEGs, for the sample archive and tests.
"""

from catalog.images.model import ImageInfo, ImageReadError
from catalog.images.reader import read_image
from catalog.images.thumbs import Thumbnail, dhash, hamming, make_thumbnail

__all__ = [
    "ImageInfo",
    "ImageReadError",
    "Thumbnail",
    "dhash",
    "hamming",
    "make_thumbnail",
    "read_image",
]
