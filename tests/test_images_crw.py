"""Canon CRW (CIFF): camera, date and size from its heap records, and damage that costs nothing."""

from __future__ import annotations

import io
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog.images import ImageReadError, read_image
from catalog.images.thumbs import make_thumbnail

HEADER_LENGTH = 26


def heap(records: list[tuple[int, bytes]]) -> bytes:
    """A CIFF heap: each record's data, then the table (count, type/size/offset), then its offset."""
    data, table = bytearray(), bytearray()
    for kind, value in records:
        if kind & 0xC000 == 0x4000:  # data kept in the record itself (8 bytes)
            table += struct.pack("<H", kind) + value.ljust(8, b"\x00")[:8]
            continue
        table += struct.pack("<HII", kind, len(value), len(data))
        data += value
    return bytes(data) + struct.pack("<H", len(records)) + bytes(table) + struct.pack("<I", len(data))


def crw(records: list[tuple[int, bytes]]) -> bytes:
    header = b"II" + struct.pack("<I", HEADER_LENGTH) + b"HEAPCCDR" + struct.pack("<II", 0x10002, 0)
    return header.ljust(HEADER_LENGTH, b"\x00") + heap(records)


TAKEN = int(datetime(2003, 11, 10, 17, 39, 26, tzinfo=UTC).timestamp())
IMAGE_PROPS = heap([
    (0x1810, struct.pack("<IIfiIII", 3072, 2048, 1.0, 0, 8, 24, 257)),  # ImageSpec
    (0x300B, heap([(0x180E, struct.pack("<III", TAKEN, 0, 0))])),  # ExifInformation: TimeStamp
    (0x5029, struct.pack("<HHHH", 1, 227, 0, 0)),  # FocalLength, kept in the record
    (0x102D, struct.pack("<26h", 52, *[0] * 24, 32)),  # CameraSettings: FocalUnits 32 per mm
    (0x102A, struct.pack("<23h", 46, 0, 160, *[0] * 18, 0x74, 0xC0)),  # ShotInfo
])
GOOD = crw([
    (0x2005, b"<raw sensor data>"),
    (0x300A, IMAGE_PROPS),
    (0x080A, b"Canon\x00Canon EOS DIGITAL REBEL\x00"),
])


def test_camera_date_and_size_are_read(tmp_path: Path) -> None:
    path = tmp_path / "CRW_0001.CRW"
    path.write_bytes(GOOD)
    info = read_image(path)
    assert (info.format, info.make, info.model) == ("CRW", "Canon", "Canon EOS DIGITAL REBEL")
    assert (info.taken_at, info.width, info.height) == ("2003-11-10T17:39:26", 3072, 2048)
    # Canon's units: BaseISO 160 is ISO 100; 0x74 is 3 2/3 EV (f/3.6); 0xC0 is 6 EV (1/64 s)
    assert (info.iso, info.f_number, info.exposure_time) == (100, 3.6, "1/64")
    assert info.focal_length == 7.1  # 227 in units of 1/32 mm


def test_a_crw_without_records_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.crw"
    path.write_bytes(crw([]))
    info = read_image(path)
    assert info.format == "CRW"
    assert info.warnings == ["no metadata records found in the CRW file"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(HEADER_LENGTH, len(GOOD) - 1), st.lists(st.tuples(st.integers(14, len(GOOD) - 1),
                                                                  st.integers(0, 255)), max_size=6))
def test_cut_or_flipped_crw_files_never_stop_the_reader(tmp_path: Path, cut: int, flips) -> None:
    data = bytearray(GOOD)
    for position, value in flips:
        data[position] = value
    path = tmp_path / "damaged.crw"
    path.write_bytes(bytes(data[:cut]))
    info = read_image(path)  # raises only ImageReadError, which would fail this test
    assert info.format == "CRW"
    assert not any("unexpected internal error" in warning for warning in info.warnings)


def test_thumbnail_from_the_embedded_preview(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (160, 120), (10, 120, 200)).save(buffer, "JPEG")
    path = tmp_path / "CRW_0002.CRW"
    path.write_bytes(crw([(0x2008, buffer.getvalue()), (0x300A, IMAGE_PROPS)]))
    thumbnail = make_thumbnail(path)
    assert (thumbnail.width, thumbnail.height, thumbnail.source) == (160, 120, "exif")
    path.write_bytes(GOOD)  # no preview record
    with pytest.raises(ImageReadError, match="without a readable embedded preview"):
        make_thumbnail(path)


def test_xmp_in_a_dpp_recipe_after_the_heap_is_read(tmp_path: Path) -> None:
    """Canon's DPP appends a VRD recipe holding an XMP packet (exiftool's CanonRaw.crw)."""
    from catalog.images.embed import build_xmp_packet

    path = tmp_path / "edited.crw"
    footer = b"CANON OPTIONAL DATA\x00" + bytes(40) + GOOD[-4:]  # DPP keeps the heap's last word last
    recipe = b"CANON OPTIONAL DATA\x00" + build_xmp_packet({"caption": "Edited in DPP"})
    path.write_bytes(GOOD + recipe + footer)
    info = read_image(path)
    assert info.xmp["caption"] == "Edited in DPP" and info.caption == "Edited in DPP"
    assert info.make  # the heap is read as before
