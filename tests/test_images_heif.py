"""HEIF files whose structure libheif reads differently from what they declare."""

from __future__ import annotations

import io
import struct
from datetime import datetime
from pathlib import Path

import pillow_heif
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog.images import read_image
from catalog.images.embed import build_exif, build_iim
from catalog.images.heifbox import primary_extent
from catalog.images.heifexif import exif_item


def _heif_whose_primary_is_a_thumbnail() -> bytes:
    """Two pictures (64x48 primary, 32x24), then an ``iref`` making the primary a thumbnail of
    the other: libheif hides it and offers only the 32x24 one, not flagged primary."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(
        buffer, "HEIF", save_all=True, append_images=[Image.new("RGB", (32, 24), "blue")]
    )
    data = bytearray(buffer.getvalue())
    iref = struct.pack(">I4sI", 26, b"iref", 0) + struct.pack(">I4sHHH", 14, b"thmb", 1, 1, 2)
    meta, iloc = data.find(b"meta") - 4, data.find(b"iloc") - 4
    # iloc version 0, offsets and lengths of 4 bytes, a 4-byte base offset per item
    assert data[iloc + 8:iloc + 14] == b"\x00\x00\x00\x00\x44\x40"
    for item in range(struct.unpack_from(">H", data, iloc + 14)[0]):
        at = iloc + 16 + item * 18 + 4  # item id, data reference index, then the base offset
        struct.pack_into(">I", data, at, struct.unpack_from(">I", data, at)[0] + len(iref))
    end = meta + struct.unpack_from(">I", data, meta)[0]  # the iref goes at the meta's end
    struct.pack_into(">I", data, meta, end - meta + len(iref))
    return bytes(data[:end] + iref + data[end:])


def test_an_unreadable_primary_picture_is_said(tmp_path: Path) -> None:
    path = tmp_path / "hidden-primary.heic"
    path.write_bytes(_heif_whose_primary_is_a_thumbnail())
    info = read_image(path)
    # The size is still the primary's stored one (its 'ispe', 64x64 once the encoder padded
    # 64x48), as exiftool reports it, not that of the picture libheif offers instead.
    assert (info.format, info.width, info.height) == ("HEIF", 64, 64)
    assert any("primary picture cannot be read" in note for note in info.warnings)


def test_heif_size_is_the_stored_extent_as_exiftool_reads_it(tmp_path: Path) -> None:
    """libheif shows a picture cropped ('clap') and turned ('irot'); the primary item's
    'ispe' is the stored size, which is what exiftool's ImageSize says."""
    path = tmp_path / "padded.heic"
    Image.new("RGB", (64, 48), "red").save(path, "HEIF")  # x265 pads to 64x64 and crops back
    with Image.open(path) as shown:
        assert shown.size == (64, 48)
    assert (read_image(path).width, read_image(path).height) == (64, 64)


def test_a_plain_heif_has_no_such_warning(tmp_path: Path) -> None:
    path = tmp_path / "plain.heic"
    Image.new("RGB", (64, 48), "red").save(path, "HEIF")
    assert read_image(path).warnings == []


def test_a_cut_off_heif_or_avif_is_said(tmp_path: Path) -> None:
    """libheif opens a file whose last box runs past its end without a word; we say it."""
    for kind, cut in (("HEIF", 1), ("AVIF", 40)):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), "red").save(buffer, kind)
        path = tmp_path / f"cut.{kind.lower()}"
        path.write_bytes(buffer.getvalue()[:-cut])
        info = read_image(path)
        assert info.format == kind
        assert [note for note in info.warnings if "data ends early" in note] == [
            f"{kind} data ends early (its 'mdat' box lacks {cut} byte{'s' if cut > 1 else ''}):"
            " picture may be cut off"
        ]
        path.write_bytes(buffer.getvalue())
        assert read_image(path).warnings == []


def test_iptc_in_a_heif_metadata_item_is_read(tmp_path: Path) -> None:
    """pillow-heif writes IIM as an "iptc" metadata item; its caption is the file's caption."""
    caption = "A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. REUTERS/Ana Costa"
    heif = pillow_heif.from_pillow(Image.new("RGB", (32, 24), "red"))
    heif.info["metadata"] = [
        {"type": "iptc", "content_type": "", "data": build_iim({"caption": caption, "city": "Lyon"})}
    ]
    path = tmp_path / "captioned.heic"
    heif.save(path)
    info = read_image(path)
    assert info.iptc == {"caption": caption, "city": "Lyon"}
    assert (info.caption, info.caption_source) == (caption, "iptc")


@given(position=st.integers(min_value=0, max_value=2000), value=st.integers(min_value=0, max_value=255),
       cut=st.integers(min_value=0, max_value=400))
@settings(max_examples=200, deadline=None)
def test_heif_box_reader_survives_damaged_boxes(position: int, value: int, cut: int) -> None:
    """A byte changed anywhere in the boxes, or the file cut short: a size or None, never an error."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "HEIF")
    data = bytearray(buffer.getvalue()[: max(8, len(buffer.getvalue()) - cut)])
    data[position % len(data)] = value
    extent = primary_extent(io.BytesIO(bytes(data)), len(data))
    assert extent is None or (len(extent) == 2 and all(n > 0 for n in extent))


def _heif_with_exif(exif: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, "HEIF", exif=exif, quality=50)
    return buffer.getvalue()


EXIF_TIFF = build_exif(make="Apple", model="iPhone 15", taken_at=datetime(2024, 5, 6, 7, 8, 9))[6:]
# a 'cdsc' reference names the picture EXIF describes; without it libheif gives no EXIF
_UNLINKED = _heif_with_exif(EXIF_TIFF).replace(b"cdsc", b"xxxx")


def test_exif_not_linked_to_the_picture_is_found_by_its_item(tmp_path: Path) -> None:
    assert Image.open(io.BytesIO(_UNLINKED)).info.get("exif") is None
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(_UNLINKED)
    info = read_image(path)
    assert (info.make, info.model, info.taken_at) == ("Apple", "iPhone 15", "2024-05-06T07:08:09")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 700), st.integers(0, 255), st.integers(200, 800))
def test_exif_item_reader_survives_damaged_boxes(position: int, value: int, cut: int) -> None:
    data = bytearray(_UNLINKED)
    if position < len(data):
        data[position] = value
    data = data[:cut]
    found = exif_item(io.BytesIO(bytes(data)), len(data))
    assert found is None or found[:4] in (b"II*\x00", b"MM\x00*")
