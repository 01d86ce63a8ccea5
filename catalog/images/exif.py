"""EXIF: exifread first (``details=False``), Pillow's ``getexif()`` when exifread finds nothing.

Both backends are reduced to one small dict of raw values (``RawExif``), and ``apply_exif``
turns that into ImageInfo fields: cleaned strings, ISO dates, signed decimal GPS degrees.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections.abc import Mapping
from datetime import datetime
from fractions import Fraction
from typing import Any, BinaryIO

import exifread
from PIL import ExifTags, Image

from catalog.images.clean import clean_camera_string
from catalog.images.makernotes import maker_note_values
from catalog.images.model import ImageInfo

# exifread logs a WARNING for every file without EXIF; without a handler Python prints those
# to stderr through its last-resort handler, which would flood an import's progress display.
logging.getLogger("exifread").addHandler(logging.NullHandler())

RawExif = dict[str, Any]

EXIFREAD_KEYS: dict[str, str] = {
    "make": "Image Make",
    "model": "Image Model",
    "orientation": "Image Orientation",
    "lens": "EXIF LensModel",
    "date_original": "EXIF DateTimeOriginal",
    "date_digitized": "EXIF DateTimeDigitized",
    "offset": "EXIF OffsetTimeOriginal",
    "exposure": "EXIF ExposureTime",
    "f_number": "EXIF FNumber",
    "iso": "EXIF ISOSpeedRatings",
    "focal_length": "EXIF FocalLength",
    "lat": "GPS GPSLatitude",
    "lat_ref": "GPS GPSLatitudeRef",
    "lon": "GPS GPSLongitude",
    "lon_ref": "GPS GPSLongitudeRef",
    "alt": "GPS GPSAltitude",
    "alt_ref": "GPS GPSAltitudeRef",
    "exif_width": "EXIF ExifImageWidth",
    "exif_height": "EXIF ExifImageLength",
    "width": "Image ImageWidth",
    "height": "Image ImageLength",
    "subifds": "Image SubIFDs",
}
# Pillow tag numbers: (IFD, tag). IFD None is IFD0.
PILLOW_TAGS: dict[str, tuple[int | None, int]] = {
    "make": (None, 0x010F),
    "model": (None, 0x0110),
    "orientation": (None, 0x0112),
    "width": (None, 0x0100),
    "height": (None, 0x0101),
    "lens": (ExifTags.IFD.Exif, 0xA434),
    "date_original": (ExifTags.IFD.Exif, 0x9003),
    "date_digitized": (ExifTags.IFD.Exif, 0x9004),
    "offset": (ExifTags.IFD.Exif, 0x9011),
    "exposure": (ExifTags.IFD.Exif, 0x829A),
    "f_number": (ExifTags.IFD.Exif, 0x829D),
    "iso": (ExifTags.IFD.Exif, 0x8827),
    "focal_length": (ExifTags.IFD.Exif, 0x920A),
    "exif_width": (ExifTags.IFD.Exif, 0xA002),
    "exif_height": (ExifTags.IFD.Exif, 0xA003),
    "lat_ref": (ExifTags.IFD.GPSInfo, 1),
    "lat": (ExifTags.IFD.GPSInfo, 2),
    "lon_ref": (ExifTags.IFD.GPSInfo, 3),
    "lon": (ExifTags.IFD.GPSInfo, 4),
    "alt_ref": (ExifTags.IFD.GPSInfo, 5),
    "alt": (ExifTags.IFD.GPSInfo, 6),
}
_EXIF_DATE = re.compile(r"^(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")


def exif_with_exifread(stream: BinaryIO) -> RawExif:
    """Run exifread (no maker notes, no thumbnail copy) and keep the tags we use.

    A Canon picture without an EXIF ISO (PowerShots) gets it from the maker notes, and so do
Casio's ISO and Olympus's lens name (see makernotes.py).
    """
    start = stream.tell()
    tags = exifread.process_file(stream, details=False, extract_thumbnail=False)
    raw: RawExif = {}
    for name, tag_name in EXIFREAD_KEYS.items():
        tag = tags.get(tag_name)
        if tag is None and tag_name.startswith("EXIF "):  # written in IFD0 by some software
            tag = tags.get("Image " + tag_name[5:])
        if tag is not None and not isinstance(tag, bytes):
            raw[name] = tag.values
    raw["has_thumbnail"] = "Thumbnail JPEGInterchangeFormat" in tags
    raw["tag_count"] = len(tags)
    make = str(tags.get("Image Make", "")).strip()
    if "iso" not in raw and make.lower().startswith("canon"):
        iso = _canon_maker_note_iso(stream, start)
        if iso:
            raw["iso"] = iso
    missing = frozenset(key for key in ("iso", "lens") if key not in raw)
    if missing:  # Casio's and Nikon's ISO, Olympus's lens (by hand)
        for key, value in maker_note_values(stream, start, make, missing).items():
            raw.setdefault(key, value)
    return raw


def _canon_maker_note_iso(stream: BinaryIO, start: int) -> int | None:
    """ISO from Canon's maker notes, by exiftool's rule: CameraISO when it is a number, else
    BaseISO * AutoISO / 100 (both stored as 2 ** (value / 32) scales). None when absent."""
    try:
        stream.seek(start)
        tags = exifread.process_file(stream, details=True, extract_thumbnail=False)
    except Exception:  # maker notes are vendor data; a damaged one costs only this field
        return None
    camera_iso = str(tags.get("MakerNote ISO", "")).strip()
    if camera_iso.isdigit() and int(camera_iso) > 0:
        return int(camera_iso)
    base, auto = (_number(getattr(tags.get(f"MakerNote {name}"), "values", None))
                  for name in ("BaseISO", "AutoISO"))
    if not base or auto is None:
        return None
    try:
        iso = math.exp(base / 32 * math.log(2)) * 100 / 32 * math.exp(auto / 32 * math.log(2))
    except OverflowError:
        return None
    return round(iso) if 0 < iso < 10_000_000 else None


def exif_from_blob(blob: bytes) -> RawExif:
    """exifread over an Exif blob as Pillow hands it over (``Exif\\0\\0`` + TIFF, or bare TIFF)."""
    if blob.startswith(b"Exif\x00\x00"):
        blob = blob[6:]
    return exif_with_exifread(io.BytesIO(blob))


def exif_with_pillow(image: Image.Image) -> RawExif:
    """The same raw values read through Pillow's ``getexif()`` (used when exifread finds nothing)."""
    exif = image.getexif()
    raw = raw_from_ifds(exif, exif.get_ifd(ExifTags.IFD.Exif), exif.get_ifd(ExifTags.IFD.GPSInfo))
    raw["has_thumbnail"] = 0x0201 in exif.get_ifd(ExifTags.IFD.IFD1)
    return raw


def raw_from_ifds(ifd0: Mapping[int, Any], exif_ifd: Mapping[int, Any],
                  gps_ifd: Mapping[int, Any]) -> RawExif:
    """Raw values from three tag-number maps: IFD0, the EXIF IFD and the GPS IFD."""
    by_ifd: dict[int | None, Mapping[int, Any]] = {
        None: ifd0, ExifTags.IFD.Exif: exif_ifd, ExifTags.IFD.GPSInfo: gps_ifd,
    }
    raw: RawExif = {}
    for name, (ifd, tag) in PILLOW_TAGS.items():
        value = by_ifd[ifd].get(tag)
        if value is None and ifd == ExifTags.IFD.Exif:  # written in IFD0 by some software
            value = ifd0.get(tag)
        if value is not None:
            raw[name] = value
    raw["tag_count"] = len(ifd0) + len(exif_ifd) + len(gps_ifd)
    return raw


def is_empty(raw: RawExif) -> bool:
    """True when a backend found no tags at all."""
    return not raw.get("tag_count")


def apply_exif(info: ImageInfo, raw: RawExif) -> None:
    """Fill ImageInfo's EXIF fields from raw values; odd values cost their field and a warning."""
    info.make = clean_camera_string(_text(raw.get("make")))
    info.model = clean_camera_string(_text(raw.get("model")))
    info.lens = clean_camera_string(_text(raw.get("lens")))
    info.has_exif_thumbnail = bool(raw.get("has_thumbnail"))
    for key in ("date_original", "date_digitized"):
        written = _text(raw.get(key)).strip("\x00 ")
        taken_at = exif_date_to_iso(written)
        if taken_at:
            info.taken_at = taken_at
            offset = _text(raw.get("offset")).strip("\x00 ")
            if key == "date_original" and _OFFSET.match(offset):
                info.taken_offset = offset
            break
        if any(digit in written for digit in "123456789"):  # blanks and zeros mean "no clock"
            info.warnings.append(f"EXIF date {written!r} is not a date; ignored")
    info.exposure_time = format_exposure(_number(raw.get("exposure")))
    f_number = _number(raw.get("f_number"))
    if f_number and f_number > 0:
        info.f_number = round(f_number, 1 if f_number >= 1 else 2)
    focal = _number(raw.get("focal_length"))
    if focal and focal > 0:
        info.focal_length = round(focal, 1)
    iso = _number(raw.get("iso"))
    if iso and iso > 0:
        info.iso = int(iso)
    orientation = _number(raw.get("orientation"))
    if orientation:  # 0 is written by cameras that do not know; not worth a warning
        if 1 <= orientation <= 8:
            info.orientation = int(orientation)
        else:
            info.warnings.append(f"EXIF orientation {orientation:g} is out of range; ignored")
    _apply_gps(info, raw)


def raw_dimensions(raw: RawExif) -> tuple[int | None, int | None]:
    """The picture's size as EXIF records it (for RAW files Pillow cannot open)."""
    for width_key, height_key in (("exif_width", "exif_height"), ("width", "height")):
        width, height = _number(raw.get(width_key)), _number(raw.get(height_key))
        if width and height and width > 0 and height > 0:
            return int(width), int(height)
    return None, None


def exif_date_to_iso(written: str) -> str:
    """``2023:01:07 14:03:11`` -> ``2023-01-07T14:03:11``; "" when it is not a real date."""
    match = _EXIF_DATE.match(written.strip())
    if not match:
        return ""
    try:
        moment = datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return ""
    return moment.isoformat()


def format_exposure(seconds: float | None) -> str:
    """Exposure as photographers write it: ``1/250`` below a quarter second, else ``0.5``, ``2``."""
    if seconds is None or seconds <= 0:
        return ""
    if seconds < 0.25001:
        return f"1/{int(0.5 + 1 / seconds)}"
    text = f"{seconds:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _apply_gps(info: ImageInfo, raw: RawExif) -> None:
    lat = _degrees(raw.get("lat"))
    lon = _degrees(raw.get("lon"))
    if lat is None or lon is None:
        return
    if _text(raw.get("lat_ref")).strip("\x00 ").upper().startswith("S"):
        lat = -lat
    if _text(raw.get("lon_ref")).strip("\x00 ").upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        info.warnings.append(f"GPS position {lat:.5f},{lon:.5f} is impossible; ignored")
        return
    if lat == 0 and lon == 0:
        info.warnings.append("GPS position 0,0 (a camera without a fix); ignored")
        return
    info.gps_lat, info.gps_lon = round(lat, 7), round(lon, 7)
    altitude = _number(raw.get("alt"))
    if altitude is not None:
        below_sea = _number(raw.get("alt_ref")) == 1
        info.gps_alt = round(-altitude if below_sea else altitude, 2)


def _degrees(value: Any) -> float | None:
    """Degrees, minutes, seconds (three rationals) as decimal degrees.

    Minutes or seconds written as 0/0 (some phones do) count as 0; degrees must be a number.
    """
    if isinstance(value, list | tuple):
        parts = [_number(part) for part in value[:3]]
    else:
        parts = [_number(value)]
    if not parts or parts[0] is None:
        return None
    total = 0.0
    for part, scale in zip(parts, (1, 60, 3600), strict=False):
        total += (part or 0.0) / scale
    return total


def _number(value: Any) -> float | None:
    """A number from an exifread Ratio, a Pillow IFDRational, an int, or a one-item list."""
    if isinstance(value, list | tuple):
        if not value:
            return None
        value = value[0]
    if isinstance(value, bytes) and len(value) == 1:
        return float(value[0])
    if isinstance(value, Fraction):
        if value.denominator == 0:
            return None
        return float(value)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list | tuple):
        if value and all(isinstance(item, int) and 0 <= item < 256 for item in value):
            return bytes(value).decode("latin-1")  # a text tag written with a BYTE type
        return "" if not value else _text(value[0]) if len(value) == 1 else str(value)
    return str(value)
