"""EXIF, IPTC-IIM and XMP inside JPEG 2000 (JP2/JPX) files, which Pillow does not read.

A JP2 file is a sequence of boxes (ISO/IEC 15444-1: a 32-bit big-endian length, a 4-byte
type, a 64-bit length when the first is 1, "to the end" when it is 0). Writers keep the
metadata in top-level ``uuid`` boxes named by the UUIDs below (Adobe's for XMP, the
"JpgTiffExif->JP2" one for EXIF) and sometimes XMP in an ``xml `` box. Only box headers
are read until a metadata box is met, so the codestream is never loaded.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

EXIF_UUID = bytes.fromhex("4a706754696666457869662d3e4a5032")  # "JpgTiffExif->JP2"
IPTC_UUID = bytes.fromhex("33c7a4d2b81d4723a0baf1a3e097ad38")
XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
#: A metadata box larger than this is skipped (XMP with a huge thumbnail is still far below).
MAX_BOX = 16 << 20
#: At most this many top-level boxes are looked at (a damaged file cannot make us loop).
MAX_BOXES = 256


def metadata_boxes(handle: BinaryIO, file_size: int) -> dict[str, bytes]:
    """{"exif": TIFF bytes, "iptc": IIM datasets, "xmp": packet} for the boxes the file has."""
    found: dict[str, bytes] = {}
    position = 0
    for _ in range(MAX_BOXES):
        handle.seek(position)
        header = handle.read(16)
        if len(header) < 8:
            break
        length, kind = struct.unpack(">I4s", header[:8])
        start = position + 8
        if length == 1 and len(header) == 16:
            length, start = struct.unpack(">Q", header[8:16])[0], position + 16
        elif length == 0:
            length = file_size - position
        if length < start - position or position + length > file_size:
            break  # a damaged length: what was found so far stands
        payload_size = position + length - start
        if kind in (b"uuid", b"xml ") and payload_size <= MAX_BOX:
            handle.seek(start)
            _keep(found, kind, handle.read(payload_size))
        position += length
        if position >= file_size:
            break
    return found


def _keep(found: dict[str, bytes], kind: bytes, payload: bytes) -> None:
    if kind == b"xml ":
        if b"xmpmeta" in payload[:4096]:
            found.setdefault("xmp", payload)
        return
    uuid, data = payload[:16], payload[16:]
    if uuid == EXIF_UUID:
        found.setdefault("exif", data)
    elif uuid == IPTC_UUID:
        found.setdefault("iptc", data)
    elif uuid == XMP_UUID:
        found.setdefault("xmp", data)
