"""EXIF, IPTC-IIM and XMP inside EPS files, as Photoshop and Illustrator write them.

Photoshop puts its image resources (IPTC 0x0404, EXIF 0x0422) in the PostScript as hex
comment lines between ``%BeginPhotoshop: <bytes>`` and ``%EndPhotoshop``; both write an XMP
packet (``<?xpacket begin ... <?xpacket end ...?>``). A DOS EPS file starts with a binary
header that says where its PostScript section is. Only that section is read, and at most
``MAX_SCAN`` bytes of it: metadata sits in the header comments, before the image data.
"""

from __future__ import annotations

import re
import struct
from typing import BinaryIO

#: How much of the PostScript is searched for the metadata blocks.
MAX_SCAN = 16 << 20
_DOS_EPS = b"\xc5\xd0\xd3\xc6"
_XMP = re.compile(rb"<\?xpacket begin=.{0,200}?\?>.*?<\?xpacket end=[^>]{0,20}\?>", re.DOTALL)
_HEX_JUNK = re.compile(rb"[%\s]")
_LINE_BREAK = re.compile(rb"[\r\n]")
IPTC_RESOURCE, EXIF_RESOURCE = 0x0404, 0x0422


def read_postscript(handle: BinaryIO, file_size: int) -> bytes:
    """The PostScript section (a DOS EPS file's, or the whole file), at most ``MAX_SCAN`` bytes."""
    handle.seek(0)
    header = handle.read(12)
    start, length = 0, file_size
    if header[:4] == _DOS_EPS and len(header) == 12:
        start, length = struct.unpack("<II", header[4:12])
        if start >= file_size:
            return b""
    handle.seek(start)
    return handle.read(min(length, MAX_SCAN, file_size - start))


def photoshop_resources(postscript: bytes) -> dict[int, bytes]:
    """Photoshop's image resources (id -> data) from the ``%BeginPhotoshop`` block, if any."""
    begin = postscript.find(b"%BeginPhotoshop")
    end = postscript.find(b"%EndPhotoshop", begin) if begin >= 0 else -1
    first_line = _LINE_BREAK.search(postscript, begin, end) if end > 0 else None
    if first_line is None:  # (old Mac files end their lines with CR alone)
        return {}
    first_line = first_line.start()
    try:
        block = bytes.fromhex(_HEX_JUNK.sub(b"", postscript[first_line:end]).decode("ascii"))
    except ValueError:  # not hex digits, or an odd number of them: a damaged block
        return {}
    return parse_resources(block)


def parse_resources(block: bytes) -> dict[int, bytes]:
    """Photoshop's ``8BIM`` resource blocks: id, a padded Pascal name, a size, padded data."""
    found: dict[int, bytes] = {}
    position = 0
    while position + 12 <= len(block) and block[position : position + 4] == b"8BIM":
        (resource_id,) = struct.unpack_from(">H", block, position + 4)
        name_length = block[position + 6]
        position += 6 + name_length + 1 + ((name_length + 1) % 2)  # the name and its pad to even
        if position + 4 > len(block):
            break
        (size,) = struct.unpack_from(">I", block, position)
        position += 4
        found.setdefault(resource_id, block[position : position + size])
        position += size + (size % 2)
    return found


def xmp_packet(postscript: bytes) -> bytes:
    """The first XMP packet in the PostScript, or b""."""
    m = _XMP.search(postscript)
    return m.group(0) if m is not None else b""
