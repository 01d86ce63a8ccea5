"""Photoshop files Pillow cannot decode (16- and 32-bit, Lab, multichannel, PSB): what their
header and image resources say.

Layout (big-endian): ``8BPS``, version (1 PSD, 2 PSB), 6 reserved bytes, channels (2),
height (4), width (4), bits per channel (2), colour mode (2); then the colour-mode data
and the image resources, each after a 4-byte length. Resources 0x0404 (IPTC-IIM), 0x0422
(EXIF) and 0x0424 (XMP) hold the metadata, in the same ``8BIM`` blocks as JPEG's APP13.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from catalog.images.eps import parse_resources

IPTC_RESOURCE, EXIF_RESOURCE, XMP_RESOURCE = 0x0404, 0x0422, 0x0424
#: Image resources larger than this are not read (thumbnails and paths make them large).
MAX_RESOURCES = 32 << 20
_MODES = {0: "bitmap", 1: "grayscale", 2: "indexed", 3: "RGB", 4: "CMYK", 7: "multichannel",
          8: "duotone", 9: "Lab"}


class PsdHeader:
    """A PSD's size and pixel layout, and its image resources (id -> bytes)."""

    def __init__(self, width: int, height: int, depth: int, mode: str, resources: dict[int, bytes]):
        self.width, self.height, self.depth, self.mode = width, height, depth, mode
        self.resources = resources

    @property
    def layout(self) -> str:
        return f"{self.depth}-bit {self.mode}"


def read_psd_header(handle: BinaryIO, file_size: int) -> PsdHeader | None:
    """The header and image resources of a PSD or PSB, or None when the header is not one."""
    handle.seek(0)
    header = handle.read(26)
    if len(header) < 26 or header[:4] != b"8BPS":
        return None
    version, _channels, height, width, depth, mode = struct.unpack(">H6xHIIHH", header[4:])
    if version not in (1, 2) or not width or not height or depth not in (1, 8, 16, 32):
        return None
    resources: dict[int, bytes] = {}
    mode_data = handle.read(4)
    if len(mode_data) == 4:
        handle.seek(struct.unpack(">I", mode_data)[0], 1)
        length = handle.read(4)
        if len(length) == 4:
            size = struct.unpack(">I", length)[0]
            if size <= min(MAX_RESOURCES, file_size):
                resources = parse_resources(handle.read(size))
    return PsdHeader(width, height, depth, _MODES.get(mode, f"mode {mode}"), resources)
