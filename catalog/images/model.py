"""What the image readers return, and the one error they raise."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class ImageReadError(Exception):
    """The file cannot be read as an image; ``reason`` says why in plain words."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class ImageInfo:
    """One image file's own metadata: file facts, EXIF, IPTC-IIM and XMP."""

    path: str
    format: str = ""            # "JPEG", "PNG", "HEIF", "TIFF", "WEBP", RAW maker name ...
    width: int | None = None
    height: int | None = None
    file_size: int = 0
    # EXIF
    make: str = ""
    model: str = ""
    lens: str = ""
    taken_at: str = ""          # ISO 8601 local time, "2023-01-07T14:03:11"
    taken_offset: str = ""      # "+02:00" from OffsetTimeOriginal, "" when unknown
    gps_lat: float | None = None
    gps_lon: float | None = None
    gps_alt: float | None = None
    exposure_time: str = ""     # as a fraction, "1/250"
    f_number: float | None = None
    iso: int | None = None
    focal_length: float | None = None
    orientation: int | None = None
    has_exif_thumbnail: bool = False
    # IPTC-IIM, keyed by the dataset's name ("caption", "byline", "keywords" ...)
    iptc: dict[str, Any] = field(default_factory=dict)
    # XMP, keyed the same way as iptc
    xmp: dict[str, Any] = field(default_factory=dict)
    # The caption the file carries, and where it came from ("xmp", "iptc", "")
    caption: str = ""
    caption_source: str = ""
    # Readers that failed on this file cost a field, not the file: their reasons
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def internal_error_reason(what: str, error: BaseException) -> str:
    """A sentence for an error no reader expected: what stopped, then the error for a bug report.

    >>> internal_error_reason("the image reader stopped", KeyError(3))
    'the image reader stopped on an unexpected internal error (KeyError: 3)'
    """
    detail = str(error).strip() or "no message"
    return f"{what} on an unexpected internal error ({type(error).__name__}: {detail})"[:300]
