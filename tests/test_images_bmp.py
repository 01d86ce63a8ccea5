"""BMP files Pillow refuses (2-bit, bitfields layouts, JPEG inside, damaged fields): recorded
with the size their header gives, as exiftool reads them; bombs and non-headers refused."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog import Archive
from catalog.images import ImageReadError, read_image
from catalog.images.bmp import read_bmp_header
from catalog.importer import import_paths


def windows_bmp(width: int, height: int, bit_count: int, compression: int = 0,
                header_length: int = 40, pixel_bytes: int | None = None) -> bytes:
    """A BMP whose Windows header says what is asked (pixels: zeros)."""
    dib = struct.pack("<IiiHHIIiiII", header_length, width, height, 1, bit_count, compression,
                      0, 2835, 2835, 0, 0).ljust(header_length, b"\x00")
    pixels = bytes(max(1, width * abs(height)) if pixel_bytes is None else pixel_bytes)
    offset = 14 + len(dib)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + dib + pixels


def os2_v2_bmp(width: int, height: int, header_length: int = 16) -> bytes:
    dib = struct.pack("<IIIHH", header_length, width, height, 1, 8).ljust(header_length, b"\x00")
    offset = 14 + len(dib) + 256 * 3
    return b"BM" + struct.pack("<IHHI", offset + width * height, 0, 0, offset) + dib + bytes(
        256 * 3 + width * height)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("two-bit", windows_bmp(90, 60, 2), "2-bit, none"),
    ("jpeg-inside", windows_bmp(90, 60, 0, compression=4, header_length=124), "0-bit, JPEG"),
    ("top-down-bitfields", windows_bmp(90, -60, 16, compression=3), "16-bit, bitfields"),
    ("short-os2", os2_v2_bmp(90, 60), "OS/2 2.x header (8-bit"),
    ("odd-header-length", windows_bmp(90, 60, 1, header_length=66), "unknown (66 bytes)"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "")
def test_a_bmp_pillow_refuses_is_recorded_with_its_header_size(tmp_path: Path, name: str, data: bytes,
                                                                expected: str) -> None:
    path = tmp_path / f"{name}.bmp"
    path.write_bytes(data)
    with pytest.raises(OSError), Image.open(path) as image:  # the premise: Pillow cannot read it
        image.load()
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("BMP", 90, 60)
    assert any("Pillow cannot decode this BMP" in w and expected in w for w in info.warnings)


def test_a_refused_bmp_lands_in_the_archive_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.bmp").write_bytes(windows_bmp(40, 30, 2))
    with Archive(tmp_path / "archive.db") as archive:
        summary = import_paths(archive, [tmp_path / "in"], workers=1, thumbnails=False)
        row = archive.db.execute("SELECT format, width, height FROM photos").fetchone()
    assert (summary.imported, summary.failed) == (1, 0)
    assert "size read from its Windows header" in summary.warnings[0][1]
    assert tuple(row) == ("BMP", 40, 30)


def test_a_bomb_or_a_sizeless_header_is_still_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.bmp"
    bomb.write_bytes(windows_bmp(3_000_000, 2_000_000, 2, pixel_bytes=64))
    with pytest.raises(ImageReadError, match="decompression bomb"):
        read_image(bomb)
    sizeless = tmp_path / "sizeless.bmp"
    sizeless.write_bytes(windows_bmp(0, 60, 2))
    with pytest.raises(ImageReadError):
        read_image(sizeless)


@settings(max_examples=120, deadline=None)
@given(data=st.binary(max_size=120))
def test_any_bytes_after_the_signature_never_raise(data: bytes) -> None:
    header = read_bmp_header(b"BM" + data)
    assert header is None or (header.width > 0 and header.height > 0)
    assert read_bmp_header(io.BytesIO(data).read()[:1]) is None
