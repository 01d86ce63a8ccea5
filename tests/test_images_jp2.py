"""JPEG 2000: EXIF, IPTC and XMP from the file's uuid and xml boxes (Pillow reads none)."""

from __future__ import annotations

import io
import struct
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, features

from catalog.images import read_image
from catalog.images.embed import build_exif, build_iim, build_xmp_packet
from catalog.images.jp2 import EXIF_UUID, IPTC_UUID, XMP_UUID, metadata_boxes

pytestmark = pytest.mark.skipif(not features.check("jpg_2000"), reason="Pillow without OpenJPEG")


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", len(payload) + 8, kind) + payload


def jp2(*boxes: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), (200, 120, 30)).save(buffer, "JPEG2000", irreversible=False)
    return buffer.getvalue() + b"".join(boxes)


EXIF = build_exif(make="NIKON CORPORATION", model="NIKON D1X", taken_at=datetime(2004, 6, 21, 23, 37, 53),
                  f_number=5.0)


def test_exif_iptc_and_xmp_boxes_are_read(tmp_path: Path) -> None:
    data = jp2(box(b"uuid", EXIF_UUID + EXIF),
               box(b"uuid", IPTC_UUID + build_iim({"caption": "IIM caption", "city": "Punta Arenas"})),
               box(b"uuid", XMP_UUID + build_xmp_packet({"caption": "XMP caption", "country": "Chile"})))
    path = tmp_path / "ship.jp2"
    path.write_bytes(data)
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("JPEG2000", 64, 40)
    assert (info.make, info.model, info.taken_at, info.f_number) == (
        "NIKON CORPORATION", "NIKON D1X", "2004-06-21T23:37:53", 5.0)
    assert info.iptc["city"] == "Punta Arenas"
    assert (info.xmp["country"], info.caption, info.caption_source) == ("Chile", "XMP caption", "xmp")


def test_xmp_in_an_xml_box(tmp_path: Path) -> None:
    path = tmp_path / "x.jp2"
    path.write_bytes(jp2(box(b"xml ", build_xmp_packet({"caption": "From the xml box"}))))
    assert read_image(path).caption == "From the xml box"


def test_a_file_without_metadata_boxes_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.jp2"
    path.write_bytes(jp2())
    with path.open("rb") as handle:
        assert metadata_boxes(handle, path.stat().st_size) == {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=64), st.integers(0, 2**32 - 1))
def test_damaged_box_lengths_never_raise(tmp_path: Path, junk: bytes, length: int) -> None:
    data = jp2(box(b"uuid", XMP_UUID + b"<x:xmpmeta/>")) + struct.pack(">I4s", length, b"uuid") + junk
    handle = io.BytesIO(data)
    found = metadata_boxes(handle, len(data))
    assert set(found) <= {"exif", "iptc", "xmp"}
