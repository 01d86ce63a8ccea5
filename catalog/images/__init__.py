"""Image metadata readers: ``read_image(path) -> ImageInfo``, thumbnails and perceptual hashes."""

from catalog.images.model import ImageInfo, ImageReadError
from catalog.images.reader import read_image

__all__ = ["ImageInfo", "ImageReadError", "read_image"]
