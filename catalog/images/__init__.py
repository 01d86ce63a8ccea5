"""Image metadata readers: ``read_image(path) -> ImageInfo``."""

from catalog.images.model import ImageInfo, ImageReadError


def read_image(path) -> ImageInfo:
    """Placeholder until the readers land."""
    raise ImageReadError(str(path), "reader not implemented yet")


__all__ = ["ImageInfo", "ImageReadError", "read_image"]
