"""IPTC in FotoStation and AFCP trailers after a JPEG's end, read when APP13 has none."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from catalog.images import read_image
from catalog.images.embed import build_iim, build_iptc_segment, make_jpeg
from catalog.images.trailers import trailer_iptc

PICTURE = Image.new("RGB", (48, 32), (90, 40, 20))
IIM = build_iim({"caption": "Editors' caption kept in the trailer", "city": "Oslo"})


def fotostation(iim: bytes) -> bytes:
    """A soft-edit record, then the IPTC record, each followed by its footer."""
    soft = struct.pack(">9i", 1536, 1024, 3, 72000, 0, 0, 0, 100000, 100000)
    records = b""
    for tag, data in ((2, soft), (1, iim)):
        records += data + struct.pack(">HII", tag, len(data) + 10, 0xA1B2C3D4)
    return records


def afcp(jpeg_size: int, iim: bytes, mark: bytes = b"AXS!") -> bytes:
    endian = ">" if mark == b"AXS!" else "<"
    header = mark + struct.pack(endian + "HH", 1, 1) + b"\x00" * 4
    data_at = jpeg_size + len(header) + 12
    directory = b"IPTC" + struct.pack(endian + "II", len(iim), data_at)
    return header + directory + iim + mark + struct.pack(endian + "I", jpeg_size) + b"\x00" * 4


def test_fotostation_trailer(tmp_path: Path) -> None:
    path = tmp_path / "fs.jpg"
    path.write_bytes(make_jpeg(PICTURE) + fotostation(IIM))
    info = read_image(path)
    assert (info.caption, info.caption_source, info.iptc["city"]) == (
        "Editors' caption kept in the trailer", "iptc", "Oslo")


def test_afcp_trailer_in_either_byte_order(tmp_path: Path) -> None:
    jpeg = make_jpeg(PICTURE)
    for mark in (b"AXS!", b"AXS*"):
        path = tmp_path / "afcp.jpg"
        path.write_bytes(jpeg + afcp(len(jpeg), IIM, mark))
        assert read_image(path).iptc["city"] == "Oslo"


def test_app13_wins_over_a_trailer(tmp_path: Path) -> None:
    path = tmp_path / "both.jpg"
    segment = build_iptc_segment({"caption": "From APP13"})
    path.write_bytes(make_jpeg(PICTURE, iptc=segment) + fotostation(IIM))
    assert read_image(path).caption == "From APP13"


@given(st.binary(max_size=64))
def test_any_tail_gives_iim_or_nothing(tail: bytes) -> None:
    data = make_jpeg(PICTURE) + tail
    found = trailer_iptc(io.BytesIO(data), len(data))
    assert found is None or isinstance(found, bytes)


@given(st.integers(0, 300), st.integers(0, 255))
def test_damaged_trailers_never_raise(position: int, value: int) -> None:
    jpeg = make_jpeg(PICTURE)
    for tail in (fotostation(IIM), afcp(len(jpeg), IIM)):
        data = bytearray(jpeg + tail)
        data[len(jpeg) + position % len(tail)] = value
        trailer_iptc(io.BytesIO(bytes(data)), len(data))
