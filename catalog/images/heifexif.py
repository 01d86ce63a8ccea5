"""A HEIF/AVIF file's EXIF item, found through its boxes when libheif gives none.

libheif hands over the EXIF linked to the item it shows; a file whose EXIF belongs to
another item (a damaged primary reference, an odd writer) then seems to have none, though
exiftool reads it. Here the ``Exif`` item is found in ``iinf`` (item infos: id and type)
and located by ``iloc`` (extents in the file, or in the ``idat`` box); its data is a 4-byte
offset to the TIFF header, then the EXIF.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.images.heifbox import boxes, meta_box

#: An EXIF item larger than this is not read (cameras write tens of KB).
MAX_EXIF_ITEM = 4 << 20


def exif_item(handle: BinaryIO, file_size: int) -> bytes | None:
    """The EXIF item's TIFF bytes, or None when the file has none that can be read."""
    meta = meta_box(handle, file_size)
    if meta is None:
        return None
    found = {kind: (start, end) for kind, start, end in boxes(meta, 4, len(meta))}
    if b"iinf" not in found or b"iloc" not in found:
        return None
    item = _exif_item_id(meta, *found[b"iinf"])
    try:
        extents = _extents(meta, *found[b"iloc"], item) if item is not None else None
    except ValueError:  # an 'iloc' box cut short: no EXIF, as for a file without one
        return None
    if not extents:
        return None
    method, pieces = extents
    data = bytearray()
    for offset, length in pieces:
        if length > MAX_EXIF_ITEM - len(data):
            return None
        if method == 1:  # inside the 'idat' box of 'meta'
            if b"idat" not in found:
                return None
            start, end = found[b"idat"]
            data += meta[start + offset:min(start + offset + length, end)]
        else:
            if offset + length > file_size:
                return None
            handle.seek(offset)
            data += handle.read(length)
    if len(data) < 8:
        return None
    (skip,) = struct.unpack_from(">I", data)
    tiff = bytes(data[4 + skip:])
    return tiff if tiff[:4] in (b"II*\x00", b"MM\x00*") else None


def _exif_item_id(meta: bytes, start: int, end: int) -> int | None:
    """The id of the first item of type 'Exif' in an 'iinf' box."""
    if start + 6 > end:
        return None
    wide = meta[start] != 0
    first = start + (8 if wide else 6)
    for kind, s, e in boxes(meta, first, end):
        if kind != b"infe" or e - s < 12 or meta[s] < 2:
            continue
        id_size = 2 if meta[s] == 2 else 4
        item = int.from_bytes(meta[s + 4:s + 4 + id_size], "big")
        item_type = meta[s + 6 + id_size:s + 10 + id_size]
        if item_type == b"Exif":
            return item
    return None


def _extents(meta: bytes, start: int, end: int, wanted: int) -> tuple[int, list[tuple[int, int]]] | None:
    """(construction method, [(offset, length)]) of one item in an 'iloc' box."""
    reader = _Reader(meta, start, end)
    version = reader.number(1)
    reader.number(3)  # flags
    sizes = reader.number(1)
    offset_size, length_size = sizes >> 4, sizes & 0x0F
    sizes = reader.number(1)
    base_size, index_size = sizes >> 4, (sizes & 0x0F) if version in (1, 2) else 0
    count = reader.number(2 if version < 2 else 4)
    for _ in range(min(count, 10_000)):
        item = reader.number(2 if version < 2 else 4)
        method = reader.number(2) & 0x0F if version in (1, 2) else 0
        reader.number(2)  # data reference index
        base = reader.number(base_size)
        pieces = []
        for _ in range(reader.number(2)):
            reader.number(index_size)
            pieces.append((base + reader.number(offset_size), reader.number(length_size)))
        if item == wanted:
            return method, pieces
    return None


class _Reader:
    """Big-endian unsigned numbers of 0-8 bytes read one after another; past the end, raises."""

    def __init__(self, data: bytes, start: int, end: int):
        self.data, self.position, self.end = data, start, end

    def number(self, size: int) -> int:
        if self.position + size > self.end:
            raise ValueError("iloc box ends early")
        value = int.from_bytes(self.data[self.position:self.position + size], "big")
        self.position += size
        return value
