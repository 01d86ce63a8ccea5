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


#: Start-of-frame markers: the segment that holds the picture's size.
_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_STANDALONE_MARKERS = frozenset({0x01, 0xD8, *range(0xD0, 0xD8)})
_HEADER_WALK_LIMIT = 16 << 20


def jpeg_header_problem(handle: BinaryIO) -> str | None:
    """Why a JPEG's header gives no picture size, in plain words; ``None`` when its frame
    header is there (the trouble lies elsewhere). Walks the marker segments only."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(2)
    pos = 2
    while pos < min(size, _HEADER_WALK_LIMIT):
        marker = handle.read(4)
        if len(marker) < 2:
            break
        if marker[0] != 0xFF:
            return f"damaged JPEG file: no segment marker at byte {pos:,}, before the picture's size"
        kind = marker[1]
        if kind in _SOF_MARKERS:
            return None
        if kind == 0xFF or kind in _STANDALONE_MARKERS:  # a fill byte; a marker with no length
            pos += 1 if kind == 0xFF else 2
            handle.seek(pos)
            continue
        if kind == 0xD9:
            return "JPEG file with metadata but no picture: no frame header before its end marker"
        if kind == 0xDA:
            return "damaged JPEG file: its image data starts with no frame header before it"
        if len(marker) < 4:
            break
        length = struct.unpack(">H", marker[2:4])[0]
        if pos + 2 + length > size:
            return (f"truncated JPEG file: it ends inside a header segment at byte {size:,}, "
                    "before the picture's size")
        pos += 2 + length
        handle.seek(pos)
    return "truncated JPEG file: it ends before the frame header that gives the picture's size"
