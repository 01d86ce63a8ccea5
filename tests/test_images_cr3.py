"""Canon CR3: metadata from the CMT boxes and the thumbnail from the PRVW preview."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from catalog.images import ImageReadError, make_thumbnail, read_image
from catalog.images.cr3 import CANON_METADATA_UUID, CANON_PREVIEW_UUID


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def tiff(tags: dict[int, object]) -> bytes:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[tag] = value
    return exif.tobytes()[6:]  # a bare TIFF structure whose IFD0 holds the tags


def make_cr3(preview: Image.Image | None) -> bytes:
    cmt1 = tiff({0x010F: "Canon", 0x0110: "Canon EOS R5", 0x0112: 6})
    cmt2 = tiff({0x9003: "2024:07:26 19:30:05", 0x9011: "+02:00",
                 0x829A: IFDRational(1, 2000), 0x829D: IFDRational(28, 10), 0x8827: 1600,
                 0xA002: 8192, 0xA003: 5464})
    cmt4 = tiff({1: "S", 2: (IFDRational(33), IFDRational(52), IFDRational(0)),
                 3: "E", 4: (IFDRational(151), IFDRational(12), IFDRational(36))})
    canon = box(b"uuid", CANON_METADATA_UUID + box(b"CNCV", b"CanonCR3_001/00.10.00/00.00.00")
                + box(b"CMT1", cmt1) + box(b"CMT2", cmt2) + box(b"CMT4", cmt4))
    parts = [box(b"ftyp", b"crx \x00\x00\x00\x01crx isom"), box(b"moov", canon)]
    if preview is not None:
        jpeg = io.BytesIO()
        preview.save(jpeg, "JPEG")
        prvw = box(b"PRVW", b"\x00\x00\x00\x01" + struct.pack(">HH", *preview.size) + b"\x00" * 8
                   + jpeg.getvalue())
        parts.append(box(b"uuid", CANON_PREVIEW_UUID + b"\x00" * 8 + prvw))
    parts.append(box(b"mdat", b"\x00" * 256))  # the sensor data, never read
    return b"".join(parts)


def landscape() -> Image.Image:
    image = Image.new("RGB", (810, 540), "white")
    image.paste((0, 0, 0), (0, 0, 200, 540))  # a dark band on the left
    return image


def test_cr3_metadata(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.CR3"
    path.write_bytes(make_cr3(landscape()))
    info = read_image(path)
    assert (info.format, info.make, info.model, info.orientation) == (
        "CR3", "Canon", "Canon EOS R5", 6)
    assert (info.taken_at, info.taken_offset) == ("2024-07-26T19:30:05", "+02:00")
    assert (info.exposure_time, info.f_number, info.iso) == ("1/2000", 2.8, 1600)
    assert (info.width, info.height) == (8192, 5464)
    assert info.gps_lat is not None and info.gps_lon is not None
    assert (round(info.gps_lat, 4), round(info.gps_lon, 4)) == (-33.8667, 151.21)
    assert info.warnings == []


def test_cr3_thumbnail_is_the_preview_turned_upright(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0002.CR3"
    path.write_bytes(make_cr3(landscape()))
    thumb = make_thumbnail(path, max_size=300)
    assert (thumb.source, thumb.width, thumb.height) == ("exif", 200, 300)
    upright = Image.open(io.BytesIO(thumb.jpeg)).convert("L")
    assert upright.getpixel((100, 10)) < 60  # the left band is now along the top
    assert upright.getpixel((100, 290)) > 200


def test_cr3_without_preview_or_metadata(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0003.CR3"
    path.write_bytes(make_cr3(None))
    with pytest.raises(ImageReadError, match="CR3 file without an embedded preview"):
        make_thumbnail(path)
    bare = tmp_path / "IMG_0004.CR3"
    bare.write_bytes(box(b"ftyp", b"crx \x00\x00\x00\x01crx isom") + box(b"mdat", b"\x00" * 64))
    info = read_image(bare)
    assert (info.format, info.make) == ("CR3", "")
    assert info.warnings == ["no EXIF found in the CR3 file"]
