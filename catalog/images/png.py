"""PNG metadata that ImageMagick (and tools built on it) write as hex "Raw profile" text chunks.

A PNG made by ImageMagick from a JPEG carries the JPEG's EXIF, IPTC and XMP as text chunks
named ``Raw profile type exif`` / ``APP1`` / ``iptc`` / ``8bim`` / ``xmp``, each holding
``"\\n<name>\\n<length>\\n<hex digits in lines>"``. exiftool reads them; so do we.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PROFILE = re.compile(r"^\n?(.*?)\n\s*(\d+)\n(.*)$", re.DOTALL)
_EXIF_HEADER = b"Exif\x00\x00"
_TIFF_HEADERS = (b"II*\x00", b"MM\x00*")
_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"


def raw_profile(text: Any) -> bytes | None:
    """The bytes of one ImageMagick raw profile, or None when the text is not one."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("latin-1")
    if not isinstance(text, str):
        return None
    match = _PROFILE.match(text)
    if not match:
        return None
    try:
        return bytes.fromhex("".join(match.group(3).split()))
    except ValueError:
        return None


def _profiles(info: Mapping[str, Any], *names: str) -> list[bytes]:
    found = (raw_profile(info.get(f"Raw profile type {name}")) for name in names)
    return [data for data in found if data]


def exif_blob(info: Mapping[str, Any]) -> bytes | None:
    """EXIF (``Exif\\0\\0`` + TIFF, or bare TIFF) from the ``exif`` or ``APP1`` profile."""
    for data in _profiles(info, "exif", "APP1"):
        if data.startswith(_EXIF_HEADER) or data.startswith(_TIFF_HEADERS):
            return data
    return None


def xmp_packet(info: Mapping[str, Any]) -> bytes | None:
    """An XMP packet from the ``xmp`` profile, or an ``APP1`` profile holding XMP."""
    for data in _profiles(info, "xmp", "APP1"):
        if data.startswith(_XMP_HEADER):
            return data[len(_XMP_HEADER):]
        if data.lstrip().startswith((b"<?xpacket", b"<x:xmpmeta", b"<rdf:RDF")):
            return data
    return None


def iptc_profile(info: Mapping[str, Any]) -> tuple[str, bytes] | None:
    """("iim", datasets) or ("resources", a Photoshop resource stream) from the IPTC profile."""
    for data in _profiles(info, "iptc", "8bim"):
        if data.startswith(b"\x1c"):
            return "iim", data
        if data.startswith(_PHOTOSHOP_HEADER):
            data = data[len(_PHOTOSHOP_HEADER):]
        if data[:4] == b"8BIM":
            return "resources", data
    return None
