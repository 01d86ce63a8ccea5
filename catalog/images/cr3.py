"""Canon CR3 (ISO base media file): camera metadata and the embedded preview, without decoding.

A CR3 keeps its EXIF as separate little TIFF structures in boxes CMT1 (IFD0: make, model),
CMT2 (the EXIF IFD: date, exposure), CMT4 (the GPS IFD), inside a Canon ``uuid`` box in
``moov``; a 1620 px JPEG preview sits in a PRVW box inside another top-level ``uuid`` box.
exifread does not read CR3, so the boxes are walked here (a few reads of a few KB).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from PIL import Image

from catalog.images.exif import RawExif, raw_from_ifds

CANON_METADATA_UUID = bytes.fromhex("85c0b687820f11e08111f4ce462b6a48")
CANON_PREVIEW_UUID = bytes.fromhex("eaf42b5e1c984b88b9fbb7dc406e4d16")
_MAX_BOX_READ = 4 * 1024 * 1024  # metadata boxes are a few KB; the preview a few hundred


@dataclass
class Cr3Parts:
    """The TIFF blocks (by box name, "CMT1" ...) and the JPEG preview found in a CR3."""

    tiff_blocks: dict[str, bytes] = field(default_factory=dict)
    preview: bytes | None = None


def iter_boxes(handle: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of each box between ``start`` and ``end``."""
    position = start
    while position + 8 <= end:
        handle.seek(position)
        header = handle.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        payload = position + 8
        if size == 1:  # a 64-bit size follows the type
            extended = handle.read(8)
            if len(extended) < 8:
                return
            (size,) = struct.unpack(">Q", extended)
            payload += 8
        elif size == 0:  # the box runs to the end of its parent
            size = end - position
        if size < payload - position or position + size > end:
            return
        yield kind, payload, position + size
        position += size


def read_cr3(handle: BinaryIO, file_size: int) -> Cr3Parts:
    """Find the CMT1-CMT4 TIFF blocks and the PRVW JPEG preview of a CR3 file."""
    parts = Cr3Parts()
    for kind, payload, end in iter_boxes(handle, 0, file_size):
        if kind == b"moov":
            for inner, inner_payload, inner_end in iter_boxes(handle, payload, end):
                if inner == b"uuid" and _uuid_at(handle, inner_payload) == CANON_METADATA_UUID:
                    _collect_tiff_blocks(handle, inner_payload + 16, inner_end, parts)
        elif kind == b"uuid" and _uuid_at(handle, payload) == CANON_PREVIEW_UUID:
            parts.preview = _find_preview(handle, payload + 16, end)
    return parts


def raw_exif_from_cr3(parts: Cr3Parts) -> RawExif:
    """RawExif (as exif.apply_exif takes it) from the CMT blocks, read with Pillow."""
    ifds = []
    for name in ("CMT1", "CMT2", "CMT4"):
        exif = Image.Exif()
        block = parts.tiff_blocks.get(name)
        if block:
            exif.load(block)
        ifds.append(exif)
    return raw_from_ifds(*ifds)


def _uuid_at(handle: BinaryIO, position: int) -> bytes:
    handle.seek(position)
    return handle.read(16)


def _collect_tiff_blocks(handle: BinaryIO, start: int, end: int, parts: Cr3Parts) -> None:
    for kind, payload, box_end in iter_boxes(handle, start, end):
        name = kind.decode("latin-1")
        if name in {"CMT1", "CMT2", "CMT3", "CMT4"} and box_end - payload <= _MAX_BOX_READ:
            handle.seek(payload)
            parts.tiff_blocks[name] = handle.read(box_end - payload)


def _find_preview(handle: BinaryIO, start: int, end: int) -> bytes | None:
    """The JPEG inside the PRVW box (after 8 bytes of Canon header and its own header)."""
    handle.seek(start)
    data = handle.read(min(end - start, _MAX_BOX_READ))
    marker = data.find(b"PRVW")
    jpeg_start = data.find(b"\xff\xd8\xff", marker) if marker != -1 else -1
    return data[jpeg_start:] if jpeg_start != -1 else None
