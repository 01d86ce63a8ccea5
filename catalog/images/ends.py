"""Is the file whole? Checks for pictures cut off in transfer, reading only what they need.

Decoders often show what a truncated file holds without a word; an archivist wants to
know. Each check adds a warning to the ImageInfo and never raises for a bad file.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.images.model import ImageInfo

_TAIL_BYTES = 4096


def check_jpeg_end(handle: BinaryIO, info: ImageInfo) -> None:
    """A JPEG whose end-of-image marker is missing was cut off in transfer; say so.

    The marker is looked for in the file's last bytes first. Phones append data after the
    picture (a motion photo's video, Samsung's trailer), so without it there the whole scan
    is searched: compressed data never holds the marker, so finding none means a cut.
    """
    handle.seek(max(0, info.file_size - _TAIL_BYTES))
    if b"\xff\xd9" in handle.read(_TAIL_BYTES):
        return
    start = _jpeg_scan_start(handle)
    if start is not None and _find_after(handle, start, b"\xff\xd9"):
        return
    info.warnings.append("JPEG data ends early (no end-of-image marker): picture cut off")


def check_box_end(handle: BinaryIO, info: ImageInfo) -> None:
    """An ISO-BMFF file (HEIF, AVIF) whose last box runs past the file's end was cut off.

    libheif decodes what is there and says nothing; exiftool warns of a truncated box.
    """
    position = 0
    for _ in range(1024):  # top-level boxes; a real file has a handful
        if position + 8 > info.file_size:
            return
        handle.seek(position)
        header = handle.read(16)
        size, kind = struct.unpack(">I4s", header[:8])
        if size == 1 and len(header) == 16:  # a 64-bit size follows the type
            size = struct.unpack(">Q", header[8:16])[0]
        if size == 0:  # runs to the end of the file by definition
            return
        if size < 8:
            return  # not a box header: a damaged file, which the decoder judges
        if position + size > info.file_size:
            missing = position + size - info.file_size
            info.warnings.append(
                f"{info.format} data ends early (its '{kind.decode('latin-1')}' box lacks "
                f"{missing} byte{'s' if missing > 1 else ''}): picture may be cut off"
            )
            return
        position += size


def _jpeg_scan_start(handle: BinaryIO) -> int | None:
    """Where the first scan's compressed data begins (after the SOS header), or None."""
    position = 2
    for _ in range(1024):  # segments before the scan; a real file has a few dozen
        handle.seek(position)
        marker = handle.read(4)
        if len(marker) < 4 or marker[0] != 0xFF:
            return None
        if marker[1] == 0xFF:  # fill byte
            position += 1
            continue
        if 0xD0 <= marker[1] <= 0xD8 or marker[1] == 0x01:  # markers without a length
            position += 2
            continue
        position += 2 + int.from_bytes(marker[2:4], "big")
        if marker[1] == 0xDA:
            return position
    return None


def _find_after(handle: BinaryIO, start: int, needle: bytes, chunk: int = 1 << 20) -> bool:
    """Whether ``needle`` occurs in the file from ``start`` on (read in chunks)."""
    handle.seek(start)
    carry = b""
    while data := handle.read(chunk):
        if needle in carry + data:
            return True
        carry = data[-(len(needle) - 1):]
    return False
