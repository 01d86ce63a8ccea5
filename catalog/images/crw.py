"""Canon CRW (CIFF, 1997-2004 cameras): camera, date and size, without decoding the sensor data.

A CRW file is a header (byte order ``II``, header length, ``HEAPCCDR``) and one heap that runs
to the end of the file. A heap's last four bytes give its record table's offset (from the
heap's start): a 16-bit count, then 10-byte records of type, size and offset. A record's type
says where its data is (bits 14-15: in the heap, or in the record's own 8 bytes), what it is
(bits 11-13: bytes, ASCII, 16- or 32-bit words, or a sub-heap to walk), and its tag.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime
from typing import BinaryIO

from catalog.images.clean import clean_camera_string
from catalog.images.exif import format_exposure
from catalog.images.model import ImageInfo

MAKE_MODEL, TIME_STAMP, IMAGE_SPEC, SHOT_INFO = 0x080A, 0x180E, 0x1810, 0x102A
FOCAL_LENGTH, CAMERA_SETTINGS = 0x1029, 0x102D
_WANTED = {MAKE_MODEL, TIME_STAMP, IMAGE_SPEC, SHOT_INFO, FOCAL_LENGTH, CAMERA_SETTINGS}
JPG_FROM_RAW, THUMBNAIL = 0x2007, 0x2008  # the camera's JPEG previews, large and small
_IN_RECORD, _SUBHEAPS = 0x4000, {0x2800, 0x3000}
_MAX_DEPTH, _MAX_RECORDS, _MAX_VALUE = 6, 2048, 4096


def read_crw(handle: BinaryIO, info: ImageInfo) -> None:
    """Fill make, model, date (the camera's clock, as exiftool shows it), size, exposure and
    focal length."""
    info.format = "CRW"
    heap_start = _heap_start(handle)
    if heap_start is None:
        info.warnings.append("CRW header unreadable; nothing read")
        return
    records: dict[int, bytes] = {}
    _walk(handle, heap_start, info.file_size, 0, records, {})
    if not records:
        info.warnings.append("no metadata records found in the CRW file")
        return
    names = records.get(MAKE_MODEL, b"")  # "Canon" in 6 bytes, then the model (exiftool's layout)
    info.make = clean_camera_string(names[:6].split(b"\x00")[0].decode("latin-1"))
    info.model = clean_camera_string(names[6:].split(b"\x00")[0].decode("latin-1"))
    _shot_info(records.get(SHOT_INFO, b""), info)
    _focal_length(records, info)
    stamp = records.get(TIME_STAMP, b"")
    if len(stamp) >= 4:
        (seconds,) = struct.unpack_from("<I", stamp)
        if seconds:  # the camera's local clock, counted as if it were UTC
            info.taken_at = datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None).isoformat()
    spec = records.get(IMAGE_SPEC, b"")
    if len(spec) >= 8:
        width, height = struct.unpack_from("<II", spec)
        if 0 < width < 100_000 and 0 < height < 100_000:
            info.width, info.height = width, height


def _heap_start(handle: BinaryIO) -> int | None:
    """Where the root heap starts (the header's length), or None when the header is no CRW's."""
    handle.seek(0)
    header = handle.read(14)
    if len(header) < 14 or header[:2] != b"II" or header[6:14] != b"HEAPCCDR":
        return None
    return struct.unpack("<I", header[2:6])[0]


def _canon_ev(value: int) -> float:
    """Canon's exposure steps: 1/32 EV units, where thirds are written 0x0C and 0x14."""
    sign, value = (-1, -value) if value < 0 else (1, value)
    fraction = value & 0x1F
    fraction = {0x0C: 32 / 3, 0x14: 64 / 3}.get(fraction, fraction)
    return sign * ((value & ~0x1F) + fraction) / 32


def _shot_info(data: bytes, info: ImageInfo) -> None:
    """ISO, aperture and exposure time from the ShotInfo record (Canon's maker-note table:
    signed 16-bit values, AutoISO at 1, BaseISO at 2, FNumber at 21, ExposureTime at 22)."""
    if len(data) < 46:
        return
    values = struct.unpack_from("<23h", data)
    auto_iso, base_iso, f_number, exposure = values[1], values[2], values[21], values[22]
    if base_iso > 0:
        iso = 2 ** (base_iso / 32) * 100 / 32 * 2 ** (auto_iso / 32)
        info.iso = round(iso) if 0 < iso < 10_000_000 else None
    if 0 < f_number < 800:
        info.f_number = round(2 ** (_canon_ev(f_number) / 2), 1)
    if -1000 < exposure < 1000 and exposure != 0:
        info.exposure_time = format_exposure(2 ** -_canon_ev(exposure))


def preview_extents(handle: BinaryIO, file_size: int) -> list[tuple[int, int]]:
    """(offset, length) in the file of the JPEG previews a CRW embeds (for thumbnails)."""
    heap_start = _heap_start(handle)
    if heap_start is None:
        return []
    places: dict[int, tuple[int, int]] = {}
    _walk(handle, heap_start, file_size, 0, {}, places)
    return [places[tag] for tag in (JPG_FROM_RAW, THUMBNAIL) if tag in places]


def _focal_length(records: dict[int, bytes], info: ImageInfo) -> None:
    """The FocalLength record's second value, in the FocalUnits (per mm) of CameraSettings'
    entry 25 (1 for SLRs, 32 for PowerShots; 1 when absent)."""
    focal = records.get(FOCAL_LENGTH, b"")
    if len(focal) < 4:
        return
    settings = records.get(CAMERA_SETTINGS, b"")
    units = struct.unpack_from("<h", settings, 50)[0] if len(settings) >= 52 else 1
    length = struct.unpack_from("<H", focal, 2)[0] / (units if units > 0 else 1)
    if 0 < length < 10_000:
        info.focal_length = round(length, 1)


def _walk(handle: BinaryIO, start: int, end: int, depth: int, found: dict[int, bytes],
          places: dict[int, tuple[int, int]]) -> None:
    """Collect the wanted records of the heap at ``[start, end)`` and of its sub-heaps, and
    where the previews lie."""
    if depth > _MAX_DEPTH or end - start < 6:
        return
    handle.seek(end - 4)
    tail = handle.read(4)
    if len(tail) < 4 or (table := struct.unpack("<I", tail)[0]) > end - start - 2:
        return
    handle.seek(start + table)
    (count,) = struct.unpack("<H", handle.read(2))
    entries = handle.read(10 * min(count, _MAX_RECORDS))
    for position in range(0, len(entries) - 9, 10):
        kind, size, offset = struct.unpack_from("<HII", entries, position)
        tag = kind & 0x3FFF
        if kind & 0xC000 == _IN_RECORD:
            if tag in _WANTED:
                found.setdefault(tag, entries[position + 2:position + 10])
            continue
        if offset + size > end - start:
            continue  # a damaged record: skipped, the rest still read
        if kind & 0x3800 in _SUBHEAPS:
            _walk(handle, start + offset, start + offset + size, depth + 1, found, places)
        elif tag in (JPG_FROM_RAW, THUMBNAIL) and size:
            places.setdefault(tag, (start + offset, size))
        elif tag in _WANTED and size <= _MAX_VALUE:
            handle.seek(start + offset)
            found.setdefault(tag, handle.read(size))
