"""XMP in a GIF: the application extension ``XMP DataXMP`` (Pillow does not read it).

The packet's bytes sit in the extension as written, so its own bytes serve as sub-block
lengths, and a 258-byte "magic trailer" (0x01, 0xFF down to 0x00, then the block
terminator) ends it. The blocks are walked from the header, skipping each picture's
data by its sub-block lengths, so only the GIF's structure is read, never decoded.
"""

from __future__ import annotations

from typing import BinaryIO

_XMP_APP = b"XMP DataXMP"
_MAGIC_START = b"\x01\xff\xfe\xfd"
#: An XMP packet larger than this is not read (GIF packets are a few kilobytes).
MAX_XMP = 4 << 20
_MAX_BLOCKS = 100_000


def _skip_sub_blocks(handle: BinaryIO) -> bool:
    """Move past a run of sub-blocks; False when the file ends inside it."""
    while True:
        size = handle.read(1)
        if not size:
            return False
        if size[0] == 0:
            return True
        handle.seek(size[0], 1)


def gif_xmp(handle: BinaryIO) -> bytes | None:
    """The XMP packet of a GIF, or None when it has none (or the structure breaks first)."""
    handle.seek(0)
    header = handle.read(13)
    if len(header) < 13 or not header.startswith((b"GIF87a", b"GIF89a")):
        return None
    if header[10] & 0x80:  # a global colour table follows
        handle.seek(3 * (2 << (header[10] & 0x07)), 1)
    for _ in range(_MAX_BLOCKS):
        kind = handle.read(1)
        if kind in (b"", b";"):
            return None
        if kind == b"!":
            label = handle.read(1)
            if label == b"\xff":
                block = handle.read(12)
                if block[:1] == b"\x0b" and block[1:] == _XMP_APP:
                    return _packet(handle)
                handle.seek(-len(block), 1)
            if not _skip_sub_blocks(handle):
                return None
        elif kind == b",":
            descriptor = handle.read(9)
            if len(descriptor) < 9:
                return None
            if descriptor[8] & 0x80:  # a local colour table
                handle.seek(3 * (2 << (descriptor[8] & 0x07)), 1)
            handle.seek(1, 1)  # the LZW code size
            if not _skip_sub_blocks(handle):
                return None
        else:
            return None  # not a block GIF knows: damaged past here
    return None


def _packet(handle: BinaryIO) -> bytes | None:
    data = handle.read(MAX_XMP + 258)
    end = data.find(_MAGIC_START)
    if end < 0:
        end = data.find(b"<?xpacket end")
        close = data.find(b">", end) if end >= 0 else -1
        end = close + 1 if close >= 0 else -1
    packet = data[:end] if end > 0 else b""
    return packet if packet.strip() else None
