"""RAW files without decoding them: the embedded RAF preview, and picture sizes from TIFF IFDs.

TIFF-based RAW files (NEF, DNG, ARW, ORF, RW2, CR2) keep the full-size picture's dimensions
in a SubIFD that exifread does not walk with ``details=False``; the few bytes of those IFDs
are read here directly.
"""

from __future__ import annotations

import struct
from typing import Any, BinaryIO

_MAX_ENTRIES = 512
_SHORT, _LONG = 3, 4
_TAG_SUBFILE_TYPE, _TAG_WIDTH, _TAG_HEIGHT = 0x00FE, 0x0100, 0x0101


def raf_preview(handle: BinaryIO) -> bytes | None:
    """The JPEG a Fujifilm RAF embeds (offset and length at bytes 84 and 88 of the header)."""
    handle.seek(84)
    header = handle.read(8)
    if len(header) < 8:
        return None
    offset, length = struct.unpack(">II", header)
    if not 0 < length < 64 * 1024 * 1024:
        return None
    handle.seek(offset)
    data = handle.read(length)
    return data if data.startswith(b"\xff\xd8") else None


def ifd_size(handle: BinaryIO, offset: int, endian: str) -> tuple[int, int, int] | None:
    """(subfile type, width, height) of the TIFF IFD at ``offset``; None when unreadable."""
    handle.seek(offset)
    count_bytes = handle.read(2)
    if len(count_bytes) < 2:
        return None
    (count,) = struct.unpack(endian + "H", count_bytes)
    if count > _MAX_ENTRIES:
        return None
    entries = handle.read(12 * count)
    values: dict[int, int] = {}
    for start in range(0, len(entries) - 11, 12):
        tag, kind, _count = struct.unpack_from(endian + "HHI", entries, start)
        if tag not in (_TAG_SUBFILE_TYPE, _TAG_WIDTH, _TAG_HEIGHT):
            continue
        if kind == _SHORT:
            (values[tag],) = struct.unpack_from(endian + "H", entries, start + 8)
        elif kind == _LONG:
            (values[tag],) = struct.unpack_from(endian + "I", entries, start + 8)
    if _TAG_WIDTH not in values or _TAG_HEIGHT not in values:
        return None
    return values.get(_TAG_SUBFILE_TYPE, 0), values[_TAG_WIDTH], values[_TAG_HEIGHT]


def largest_primary_subifd(handle: BinaryIO, subifd_offsets: Any) -> tuple[int, int] | None:
    """The largest full-resolution picture (subfile type 0) among a RAW file's SubIFDs."""
    handle.seek(0)
    byte_order = handle.read(2)
    if byte_order not in (b"II", b"MM") or not isinstance(subifd_offsets, list):
        return None
    endian = "<" if byte_order == b"II" else ">"
    best: tuple[int, int] | None = None
    for offset in subifd_offsets[:8]:
        if not isinstance(offset, int) or offset <= 0:
            continue
        found = ifd_size(handle, offset, endian)
        if found is None or found[0] != 0:
            continue
        _, width, height = found
        if best is None or width * height > best[0] * best[1]:
            best = (width, height)
    return best
