"""The stored size of a HEIF/AVIF file's primary picture, from its item properties.

libheif (through pillow-heif) reports the picture as shown: cropped by a 'clap' box, turned
by 'irot'. The desk's size, like exiftool's ImageSize, is the primary item's 'ispe'
(image spatial extent): the stored picture before either. Found by walking the boxes
``meta`` -> ``pitm`` (the primary item), ``iprp`` -> ``ipco`` (properties) and ``ipma``
(which properties belong to which item); nothing but these few boxes is read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

#: The metadata box of a phone's HEIC is a few KB; refuse to read an absurd one.
_MAX_META = 4 << 20


def primary_extent(handle: BinaryIO, file_size: int) -> tuple[int, int] | None:
    """(width, height) of the primary item's 'ispe', or None when the boxes do not say."""
    meta = meta_box(handle, file_size)
    if meta is None:
        return None
    primary = properties = associations = None
    for kind, start, end in boxes(meta, 4, len(meta)):  # 'meta' is a full box: skip version, flags
        if kind == b"pitm":
            primary = _item_id(meta, start)
        elif kind == b"iprp":
            for inner, s, e in boxes(meta, start, end):
                if inner == b"ipco":
                    properties = list(boxes(meta, s, e))
                elif inner == b"ipma":
                    associations = (s, e)
    if primary is None or properties is None or associations is None:
        return None
    for index in _associated(meta, *associations, primary):
        if 0 < index <= len(properties):
            kind, s, e = properties[index - 1]
            if kind == b"ispe" and e - s >= 12:
                width, height = struct.unpack_from(">II", meta, s + 4)
                return (width, height) if width and height else None
    return None


def meta_box(handle: BinaryIO, file_size: int) -> bytes | None:
    position = 0
    for _ in range(64):  # top-level boxes: 'ftyp', 'meta', 'mdat' and a few more
        if position + 8 > file_size:
            return None
        handle.seek(position)
        header = handle.read(16)
        if len(header) < 8:
            return None
        size, kind = struct.unpack(">I4s", header[:8])
        skip = 8
        if size == 1 and len(header) == 16:
            size, skip = struct.unpack(">Q", header[8:16])[0], 16
        elif size == 0:
            size = file_size - position
        if size < skip:
            return None
        if kind == b"meta":
            length = min(size, file_size - position) - skip
            if length > _MAX_META:
                return None
            handle.seek(position + skip)
            return handle.read(length)
        position += size
    return None


def boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box in ``data[start:end]``."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, position)
        skip = 8
        if size == 1 and position + 16 <= end:
            size, skip = struct.unpack_from(">Q", data, position + 8)[0], 16
        elif size == 0:
            size = end - position
        if size < skip or position + size > end:
            return
        yield kind, position + skip, position + size
        position += size


def _item_id(data: bytes, start: int) -> int | None:
    """The item id of a 'pitm' box (16 bits in version 0, 32 after)."""
    if start + 6 > len(data):
        return None
    if data[start] == 0:
        return struct.unpack_from(">H", data, start + 4)[0]
    return struct.unpack_from(">I", data, start + 4)[0] if start + 8 <= len(data) else None


def _associated(data: bytes, start: int, end: int, item: int) -> list[int]:
    """The property indexes (1-based) an 'ipma' box gives ``item``."""
    if start + 8 > end:
        return []
    version, flags = data[start], int.from_bytes(data[start + 1 : start + 4], "big")
    (count,) = struct.unpack_from(">I", data, start + 4)
    position = start + 8
    id_size = 2 if version < 1 else 4
    wide = flags & 1  # 15-bit property indexes instead of 7-bit
    for _ in range(count):
        if position + id_size + 1 > end:
            return []
        item_id = int.from_bytes(data[position : position + id_size], "big")
        n = data[position + id_size]
        position += id_size + 1
        step = 2 if wide else 1
        if position + n * step > end:
            return []
        if item_id == item:
            mask = 0x7FFF if wide else 0x7F
            return [int.from_bytes(data[position + i * step : position + (i + 1) * step], "big") & mask
                    for i in range(n)]
        position += n * step
    return []
