"""Camera values as XMP writes them (``exif:`` and ``tiff:`` properties), made into ours.

Editing software and some converters keep the exposure and the position only in XMP:
a rational ``"3/5"`` for FNumber, ``"54,59.38N"`` for GPSLatitude (XMP's GPSCoordinate:
degrees, then minutes with a fraction or minutes and seconds, then the hemisphere).
Each function returns None for text it cannot read.
"""

from __future__ import annotations

import re

_COORDINATE = re.compile(
    r"^\s*(\d{1,3})\s*,\s*(\d{1,2}(?:\.\d+)?)\s*(?:,\s*(\d{1,2}(?:\.\d+)?)\s*)?([NSEWnsew])\s*$",
    re.ASCII,
)


def rational(written: str) -> float | None:
    """``"3/5"`` -> 0.6, ``"2.8"`` -> 2.8; None for text, a zero denominator or a negative."""
    text = written.strip()
    top, slash, bottom = text.partition("/")
    try:
        value = float(top) / float(bottom) if slash else float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value if value >= 0 and value == value and value != float("inf") else None


def coordinate(written: str) -> float | None:
    """``"54,59.38N"`` -> 54.9897, ``"1,54,51W"`` -> -1.9142 (signed decimal degrees)."""
    match = _COORDINATE.match(written)
    if not match:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    value = int(degrees) + float(minutes) / 60 + float(seconds or 0) / 3600
    limit = 90 if hemisphere in "NSns" else 180
    if value > limit or float(minutes) >= 60 or float(seconds or 0) >= 60:
        return None
    return -value if hemisphere in "SWsw" else value


def sensitivity(written: str) -> int | None:
    """ISO from ``exif:ISOSpeedRatings`` (the first item) or ``exifEX:PhotographicSensitivity``."""
    text = written.strip()
    return int(text) if text.isascii() and text.isdigit() and 0 < int(text) < 10_000_000 else None
