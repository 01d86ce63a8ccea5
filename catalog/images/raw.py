"""RAW files without decoding them: picture sizes and embedded JPEG previews from TIFF IFDs,
and the preview a Fujifilm RAF embeds.

TIFF-based RAW files (NEF, DNG, ARW, ORF, RW2, CR2) keep the full-size picture's dimensions
and their larger JPEG previews in SubIFDs that exifread does not walk with ``details=False``;
the few bytes of those IFDs are read here directly.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

_MAX_ENTRIES = 512
_MAX_VALUES = 64
_MAX_IFDS = 16
_MAX_PREVIEW = 64 * 1024 * 1024
_TYPE_SIZES = {3: 2, 4: 4, 13: 4}  # SHORT, LONG, IFD: the integer types these tags use
SUBFILE_TYPE, OLD_SUBFILE_TYPE, WIDTH, HEIGHT = 0x00FE, 0x00FF, 0x0100, 0x0101
COMPRESSION, STRIP_OFFSETS, ORIENTATION, STRIP_BYTE_COUNTS = 0x0103, 0x0111, 0x0112, 0x0117
SUB_IFDS, JPEG_OFFSET, JPEG_LENGTH = 0x014A, 0x0201, 0x0202
# Panasonic RW2 IFD0: the sensor's borders (top, left, bottom, right) frame the picture.
RW2_BORDERS = (0x0004, 0x0005, 0x0006, 0x0007)
RW2_ISO = 0x0017  # and its ISO, which older Lumix cameras write nowhere else
_WANTED = {SUBFILE_TYPE, OLD_SUBFILE_TYPE, WIDTH, HEIGHT, COMPRESSION, STRIP_OFFSETS,
           ORIENTATION, STRIP_BYTE_COUNTS, SUB_IFDS, JPEG_OFFSET, JPEG_LENGTH, *RW2_BORDERS,
           RW2_ISO}
_JPEG_COMPRESSIONS = {6, 7}  # old-style and new-style JPEG

Ifd = dict[int, list[int]]


def raf_preview(handle: BinaryIO) -> bytes | None:
    """The JPEG a Fujifilm RAF embeds (offset and length at bytes 84 and 88 of the header)."""
    handle.seek(84)
    header = handle.read(8)
    if len(header) < 8:
        return None
    offset, length = struct.unpack(">II", header)
    if not 0 < length < _MAX_PREVIEW:
        return None
    handle.seek(offset)
    data = handle.read(length)
    return data if data.startswith(b"\xff\xd8") else None


#: RAF directory tags: the sensor's full size, and the cropped size exiftool gives as ImageSize.
_RAF_FULL_SIZE, _RAF_CROPPED_SIZE = 0x100, 0x111


def raf_size(handle: BinaryIO) -> tuple[int, int] | None:
    """A Fujifilm RAF's picture size from its RAF directory (whose offset is at byte 92):
    RawImageCroppedSize, else RawImageFullSize (each height then width); None if absent."""
    handle.seek(92)
    pointer = handle.read(4)
    if len(pointer) < 4 or not (start := struct.unpack(">I", pointer)[0]):
        return None
    handle.seek(start)
    count_bytes = handle.read(4)
    if len(count_bytes) < 4 or (count := struct.unpack(">I", count_bytes)[0]) > 255:
        return None
    sizes: dict[int, tuple[int, int]] = {}
    for _ in range(count):
        head = handle.read(4)
        if len(head) < 4:
            break
        tag, length = struct.unpack(">HH", head)
        value = handle.read(length)
        if tag in (_RAF_FULL_SIZE, _RAF_CROPPED_SIZE) and len(value) >= 4:
            height, width = struct.unpack(">HH", value[:4])
            if width and height:
                sizes[tag] = (width, height)
    return sizes.get(_RAF_CROPPED_SIZE) or sizes.get(_RAF_FULL_SIZE)


def mrw_parts(handle: BinaryIO) -> tuple[bytes | None, tuple[int, int] | None]:
    """A Minolta MRW's TIFF block (EXIF) and picture size (its PRD block), either None if absent.

    The header is ``\0MRM`` and the header's length, then blocks (a 4-byte name, a length):
    ``\0PRD`` holds ImageHeight and ImageWidth at bytes 12 and 14, ``\0TTW`` a TIFF.
    """
    handle.seek(0)
    head = handle.read(8)
    if len(head) < 8 or head[:4] != b"\x00MRM":
        return None, None
    end = 8 + struct.unpack(">I", head[4:])[0]
    tiff: bytes | None = None
    size: tuple[int, int] | None = None
    position = 8
    for _ in range(_MAX_IFDS):
        handle.seek(position)
        block = handle.read(8)
        if len(block) < 8 or position + 8 > end:
            break
        name, (length,) = block[:4], struct.unpack(">I", block[4:])
        if name == b"\x00TTW" and 0 < length <= _MAX_PREVIEW:
            tiff = handle.read(length)
        elif name == b"\x00PRD" and length >= 16:
            height, width = struct.unpack(">HH", handle.read(16)[12:16])
            size = (width, height) if width and height else None
        position += 8 + length
    return tiff, size


def byte_order(handle: BinaryIO) -> str | None:
    """The struct prefix of a TIFF-structured file ("<" or ">"), or None."""
    handle.seek(0)
    mark = handle.read(2)
    return {b"II": "<", b"MM": ">"}.get(mark)


def read_ifd(handle: BinaryIO, offset: int, endian: str) -> tuple[Ifd, int] | None:
    """The integer tags this module uses from the IFD at ``offset``, and the next IFD's offset."""
    handle.seek(offset)
    count_bytes = handle.read(2)
    if len(count_bytes) < 2:
        return None
    (count,) = struct.unpack(endian + "H", count_bytes)
    if count > _MAX_ENTRIES:
        return None
    entries = handle.read(12 * count + 4)
    if len(entries) < 12 * count:
        return None
    ifd: Ifd = {}
    for start in range(0, 12 * count, 12):
        tag, kind, number = struct.unpack_from(endian + "HHI", entries, start)
        size = _TYPE_SIZES.get(kind)
        if tag not in _WANTED or size is None or not 0 < number <= _MAX_VALUES:
            continue
        ifd[tag] = _values(handle, entries[start + 8:start + 12], endian, size, number)
    next_offset = 0
    if len(entries) >= 12 * count + 4:
        (next_offset,) = struct.unpack_from(endian + "I", entries, 12 * count)
    return ifd, next_offset


def _values(handle: BinaryIO, field: bytes, endian: str, size: int, number: int) -> list[int]:
    code = endian + ("H" if size == 2 else "I") * number
    if size * number <= 4:
        return list(struct.unpack_from(code, field))
    (pointer,) = struct.unpack(endian + "I", field)
    handle.seek(pointer)
    data = handle.read(size * number)
    return list(struct.unpack(code, data)) if len(data) == size * number else []


#: Bytes per value of each TIFF type (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE, UNDEFINED, ...).
_ANY_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
#: Largest tag value ``ifd0_tags`` reads (an XMP packet with a preview stays far below).
MAX_TAG_BYTES = 16 << 20
IPTC_NAA, XMP_TAG = 0x83BB, 0x02BC


def ifd0_tags(handle: BinaryIO, tags: tuple[int, ...], file_size: int) -> dict[int, bytes]:
    """The raw bytes of the IFD0 tags asked for, whatever their type, as the file stores them
    (absent ones left out), in one pass over IFD0.

    For IPTC-NAA (33723, typed LONG by Photoshop, UNDEFINED by others) and XMP (700), which
    exifread skips with ``details=False``.
    """
    endian = byte_order(handle)
    if endian is None:
        return {}
    handle.seek(4)
    first = handle.read(4)
    if len(first) < 4:
        return {}
    handle.seek(struct.unpack(endian + "I", first)[0])
    count_bytes = handle.read(2)
    if len(count_bytes) < 2 or (count := struct.unpack(endian + "H", count_bytes)[0]) > _MAX_ENTRIES:
        return {}
    entries = handle.read(12 * count)
    found: dict[int, bytes] = {}
    for start in range(0, len(entries) - 11, 12):
        tag, kind, number = struct.unpack_from(endian + "HHI", entries, start)
        if tag not in tags or tag in found or kind not in _ANY_TYPE_SIZES:
            continue
        size = _ANY_TYPE_SIZES[kind] * number
        if size <= 4:
            found[tag] = entries[start + 8:start + 8 + size]
            continue
        (pointer,) = struct.unpack_from(endian + "I", entries, start + 8)
        if size <= MAX_TAG_BYTES and pointer + size <= file_size:
            handle.seek(pointer)
            found[tag] = handle.read(size)
    return found


def iter_ifds(handle: BinaryIO) -> Iterator[Ifd]:
    """Every IFD of a TIFF-structured file: the IFD0 chain and their SubIFDs (bounded)."""
    endian = byte_order(handle)
    if endian is None:
        return
    handle.seek(4)
    first = handle.read(4)
    if len(first) < 4:
        return
    pending = [struct.unpack(endian + "I", first)[0]]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_IFDS:
        offset = pending.pop(0)
        if offset <= 0 or offset in seen:
            continue
        seen.add(offset)
        found = read_ifd(handle, offset, endian)
        if found is None:
            continue
        ifd, next_offset = found
        yield ifd
        pending.extend(ifd.get(SUB_IFDS, [])[:8])
        pending.append(next_offset)


def full_resolution_size(handle: BinaryIO) -> tuple[int, int] | None:
    """The picture's size as exiftool reads a TIFF-based RAW file's ImageSize.

    The first IFD (IFD0, its SubIFDs, then the next IFDs) marked as the full-resolution
    image (SubfileType 0, or OldSubfileType 1) gives the size; without one, the first IFD
    that has a width and height does.
    """
    first: tuple[int, int] | None = None
    for ifd in iter_ifds(handle):
        if not ifd.get(WIDTH) or not ifd.get(HEIGHT):
            continue
        size = (ifd[WIDTH][0], ifd[HEIGHT][0])
        if size[0] <= 0 or size[1] <= 0:
            continue
        if ifd.get(SUBFILE_TYPE, [None])[0] == 0 or ifd.get(OLD_SUBFILE_TYPE, [None])[0] == 1:
            return size
        first = first or size
    return first


def rw2_size(handle: BinaryIO) -> tuple[int, int] | None:
    """A Panasonic RW2's picture size: its IFD0 sensor borders, right - left by bottom - top."""
    for ifd in iter_ifds(handle):
        borders = [ifd.get(tag, [None])[0] for tag in RW2_BORDERS]
        if None in borders:
            return None
        top, left, bottom, right = borders
        width, height = right - left, bottom - top
        return (width, height) if width > 0 and height > 0 else None
    return None


def rw2_iso(handle: BinaryIO) -> int | None:
    """A Panasonic RW2's ISO, from its IFD0."""
    for ifd in iter_ifds(handle):
        iso = ifd.get(RW2_ISO, [0])[0]
        return iso if 0 < iso < 10_000_000 else None
    return None


def embedded_jpegs(handle: BinaryIO, file_size: int) -> list[tuple[int, int]]:
    """(offset, length) of each JPEG preview a TIFF-based RAW file embeds, largest first."""
    found: set[tuple[int, int]] = set()
    for ifd in iter_ifds(handle):
        if ifd.get(JPEG_OFFSET) and ifd.get(JPEG_LENGTH):
            found.add((ifd[JPEG_OFFSET][0], ifd[JPEG_LENGTH][0]))
        elif (ifd.get(COMPRESSION, [0])[0] in _JPEG_COMPRESSIONS
              and len(ifd.get(STRIP_OFFSETS, [])) == 1 and len(ifd.get(STRIP_BYTE_COUNTS, [])) == 1):
            found.add((ifd[STRIP_OFFSETS][0], ifd[STRIP_BYTE_COUNTS][0]))
    usable = []
    for offset, length in found:
        if 0 < length <= _MAX_PREVIEW and offset + length <= file_size:
            handle.seek(offset)
            if handle.read(2) == b"\xff\xd8":
                usable.append((offset, length))
    return sorted(usable, key=lambda item: -item[1])


def ifd0_orientation(handle: BinaryIO) -> int:
    """The Orientation tag of IFD0 (1 when absent or odd)."""
    for ifd in iter_ifds(handle):
        value = ifd.get(ORIENTATION, [1])[0]
        return value if 1 <= value <= 8 else 1
    return 1
