"""Wire-photo caption parser and archive cataloguer.

The public Python API for scripts::

    from catalog import parse_caption, read_image, Archive
"""

from catalog.archive import Archive, ArchiveError
from catalog.captions import Caption, parse_caption
from catalog.images import ImageInfo, ImageReadError, read_image

__all__ = ["Archive", "ArchiveError", "Caption", "ImageInfo", "ImageReadError", "parse_caption", "read_image"]
__version__ = "0.1.0"
