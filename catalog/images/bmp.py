"""BMP headers Pillow refuses: rare bit depths (2-bit), bitfields layouts, JPEG or PNG inside,
damaged palette or bit-count fields. Their size is in the header, so the file is recorded
with it (and a warning) rather than refused, as exiftool reads it.

Layout (little-endian): ``BM``, file size (4), reserved (4), pixel offset (4); then the
DIB header, whose first 4 bytes give its length. A 12-byte OS/2 1.x header has 16-bit
width and height, then planes and bit count; OS/2 2.x headers (16 or 64 bytes) have
unsigned 32-bit ones; Windows headers (40, 52, 56, 108 or 124 bytes) have a signed
32-bit width and height (a negative height stores the rows top-down), planes, bit count
and a compression code.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_COMPRESSION = {0: "none", 1: "RLE8", 2: "RLE4", 3: "bitfields", 4: "JPEG", 5: "PNG",
                6: "alpha bitfields", 11: "CMYK", 12: "CMYK RLE8", 13: "CMYK RLE4"}
_OS2_V2 = (16, 64)
_WINDOWS = (40, 52, 56, 108, 124)
#: Bytes the header fields read here need: file header, DIB length, up to compression.
NEEDED = 34


@dataclass(frozen=True)
class BmpHeader:
    """What a BMP header says: size, bits per pixel, compression, and the header's kind."""

    width: int
    height: int
    bit_count: int
    compression: str
    header: str


def read_bmp_header(head: bytes) -> BmpHeader | None:
    """The header at the start of ``head`` (at least ``NEEDED`` bytes), or None when it is
    no BMP header or gives no usable size."""
    if len(head) < NEEDED or head[:2] != b"BM":
        return None
    (length,) = struct.unpack_from("<I", head, 14)
    if length == 12:
        width, height, _planes, bits = struct.unpack_from("<HHHH", head, 18)
        compression, kind = "none", "OS/2 1.x"
    elif length in _OS2_V2:
        width, height, _planes, bits = struct.unpack_from("<IIHH", head, 18)
        code = struct.unpack_from("<I", head, 30)[0] if length >= 20 else 0
        compression, kind = _COMPRESSION.get(code, f"code {code}"), "OS/2 2.x"
    elif length >= 40:  # a Windows header, or one of unknown length laid out as one
        width, height, _planes, bits, code = struct.unpack_from("<iiHHI", head, 18)
        height = abs(height)
        compression = _COMPRESSION.get(code, f"code {code}")
        kind = "Windows" if length in _WINDOWS else f"unknown ({length} bytes)"
    else:
        return None
    if width <= 0 or height <= 0:
        return None
    return BmpHeader(width, height, bits, compression, kind)
