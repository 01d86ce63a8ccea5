"""Wire-photo caption parser and archive cataloguer.

The public Python API for scripts::

    from catalog import parse_caption, read_image, Archive
"""

from typing import TYPE_CHECKING, Any

from catalog.archive import ArchiveError
from catalog.captions import Caption, parse_caption
from catalog.images import ImageInfo, ImageReadError

if TYPE_CHECKING:
    from catalog.archive import Archive
    from catalog.images import read_image


def __getattr__(name: str) -> Any:
    if name == "read_image":  # on first use: it loads Pillow and exifread
        from catalog.images import read_image

        return read_image
    if name == "Archive":  # on first use: it loads sqlite-utils
        from catalog.archive import Archive

        return Archive
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Archive", "ArchiveError", "Caption", "ImageInfo", "ImageReadError", "parse_caption", "read_image"]
__version__ = "0.1.0"
