"""Photoshop files Pillow cannot decode (16-bit, Lab): size and metadata from the header and
image resources, as exiftool reads them."""

from __future__ import annotations

import struct
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.images import read_image
from catalog.images.embed import build_exif, build_iim, build_xmp_packet
from catalog.images.psd import read_psd_header


def resource(resource_id: int, data: bytes) -> bytes:
    return b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00" + struct.pack(">I", len(data)) + data + (
        b"\x00" if len(data) % 2 else b"")


def psd(width: int, height: int, depth: int, mode: int, resources: bytes) -> bytes:
    channels = 3
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, channels, height, width, depth, mode)
    pixels = bytes(width * height * channels * depth // 8)
    return (header + struct.pack(">I", 0) + struct.pack(">I", len(resources)) + resources
            + struct.pack(">I", 0) + struct.pack(">H", 0) + pixels)


def test_a_16_bit_psd_keeps_its_size_caption_and_camera(tmp_path: Path) -> None:
    exif = build_exif(make="Canon", model="Canon EOS R5", taken_at=datetime(2024, 3, 5, 9, 30))
    blocks = (resource(0x0404, build_iim({"caption": "A retouched portrait, Lyon, France", "city": "Lyon"}))
              + resource(0x0422, exif) + resource(0x0424, build_xmp_packet({"caption": "XMP words"})))
    path = tmp_path / "retouched.psd"
    path.write_bytes(psd(40, 30, 16, 3, blocks))
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("PSD", 40, 30)
    assert info.iptc["caption"] == "A retouched portrait, Lyon, France"
    assert info.make == "Canon" and info.taken_at.startswith("2024-03-05")
    assert info.xmp["caption"] == "XMP words"
    assert any("16-bit RGB" in warning for warning in info.warnings)


def test_a_lab_psd_names_its_layout(tmp_path: Path) -> None:
    path = tmp_path / "lab.psd"
    path.write_bytes(psd(12, 10, 16, 9, b""))
    info = read_image(path)
    assert (info.width, info.height) == (12, 10)
    assert any("16-bit Lab" in warning for warning in info.warnings)


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_after_the_signature_never_raise(data: bytes) -> None:
    import io

    header = read_psd_header(io.BytesIO(b"8BPS" + data), 4 + len(data))
    assert header is None or (header.width > 0 and header.height > 0)
