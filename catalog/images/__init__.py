"""Image metadata readers: ``read_image(path) -> ImageInfo``, thumbnails and perceptual hashes."""

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
