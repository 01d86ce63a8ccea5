"""IPTC that newsroom software appends after a JPEG's end instead of (or beside) APP13.

* FotoWare FotoStation: records stacked at the end of the file, each its data followed by
  a 10-byte footer (big-endian): tag (2 bytes), the record's size with the footer
  (4 bytes), the signature ``A1 B2 C3 D4``. Tag 1 holds IIM datasets. Read from the end.
* AXS File Concatenation Protocol (AFCP): the file ends with 12 bytes, ``AXS!``
  (big-endian) or ``AXS*`` (little-endian) and the offset of the AFCP header, which
  starts with the same mark, then a 2-byte version and a 2-byte entry count; 12-byte
  entries (4-character tag, size, offset in the file) follow it. Tag ``IPTC`` holds IIM.

Both are what exiftool reads as IPTC when APP13 has none; only their IPTC is read here.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

_FOTOSTATION_MARK = 0xA1B2C3D4
_FOTOSTATION_IPTC = 1
#: At most this many bytes of IIM are read from a trailer, and this many records walked.
MAX_TRAILER_IPTC = 1 << 20
_MAX_RECORDS = 32


def trailer_iptc(handle: BinaryIO, file_size: int) -> bytes | None:
    """IIM datasets from a FotoStation or AFCP trailer, or None when the file has neither."""
    return _fotostation(handle, file_size) or _afcp(handle, file_size)


def _fotostation(handle: BinaryIO, file_size: int) -> bytes | None:
    end = file_size
    for _ in range(_MAX_RECORDS):
        if end < 10:
            return None
        handle.seek(end - 10)
        footer = handle.read(10)
        if len(footer) < 10:
            return None
        tag, size, mark = struct.unpack(">HII", footer)
        if mark != _FOTOSTATION_MARK or not 10 <= size <= end:
            return None
        if tag == _FOTOSTATION_IPTC:
            if size - 10 > MAX_TRAILER_IPTC:
                return None
            handle.seek(end - size)
            return handle.read(size - 10) or None
        end -= size
    return None


def _afcp(handle: BinaryIO, file_size: int) -> bytes | None:
    if file_size < 24:
        return None
    handle.seek(file_size - 12)
    tail = handle.read(12)
    if tail[:4] not in (b"AXS!", b"AXS*"):
        return None
    endian = ">" if tail[3:4] == b"!" else "<"
    (start,) = struct.unpack_from(endian + "I", tail, 4)
    if start + 12 > file_size:
        return None
    handle.seek(start)
    header = handle.read(12)
    if header[:4] != tail[:4]:
        return None
    (count,) = struct.unpack_from(endian + "H", header, 6)
    directory = handle.read(12 * min(count, _MAX_RECORDS))
    for position in range(0, len(directory) - 11, 12):
        tag = directory[position:position + 4]
        size, offset = struct.unpack_from(endian + "II", directory, position + 4)
        if tag == b"IPTC" and 0 < size <= MAX_TRAILER_IPTC and offset + size <= file_size:
            handle.seek(offset)
            return handle.read(size)
    return None


#: How far from the end an XMP packet appended to a RAW file is looked for.
TAIL_XMP_BYTES = 64 << 10


def tail_xmp(handle: BinaryIO, file_size: int) -> bytes | None:
    """An XMP packet near a RAW file's end: Canon's DPP writes one into the VRD recipe it
    appends to CRW and CR2 files (exiftool reads it as the file's XMP)."""
    start = max(0, file_size - TAIL_XMP_BYTES)
    handle.seek(start)
    tail = handle.read(TAIL_XMP_BYTES)
    begin = tail.rfind(b"<?xpacket begin")
    end = tail.find(b"<?xpacket end", begin) if begin >= 0 else -1
    close = tail.find(b">", end) if end >= 0 else -1
    return tail[begin : close + 1] if close > 0 else None
