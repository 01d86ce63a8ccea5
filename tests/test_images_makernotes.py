"""Maker-note values exiftool reports when EXIF proper lacks them: Casio's and Nikon's ISO,
Olympus's lens."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

from catalog.images import read_image

CASIO = "CASIO COMPUTER CO.,LTD"
OLYMPUS = "OLYMPUS IMAGING CORP."
LENS = "OLYMPUS M.14-42mm F3.5-5.6 II R"


def _tiff_with_maker_note(make: str, note: bytes) -> bytes:
    """A little-endian EXIF TIFF: IFD0 (Make, ExifIFD pointer), ExifIFD (MakerNote)."""
    make_bytes = make.encode() + b"\x00"
    make_bytes += b"\x00" * (len(make_bytes) & 1)
    make_at = 8 + 2 + 2 * 12 + 4
    exif_at = make_at + len(make_bytes)
    note_at = exif_at + 2 + 12 + 4
    ifd0 = struct.pack("<H", 2)
    ifd0 += struct.pack("<HHII", 0x010F, 2, len(make.encode()) + 1, make_at)
    ifd0 += struct.pack("<HHII", 0x8769, 4, 1, exif_at) + struct.pack("<I", 0)
    exif_ifd = struct.pack("<H", 1) + struct.pack("<HHII", 0x927C, 7, len(note), note_at)
    exif_ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + make_bytes + exif_ifd + note


def _jpeg(tmp_path: Path, tiff: bytes) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), "gray").save(buffer, "JPEG", exif=b"Exif\x00\x00" + tiff)
    path = tmp_path / "note.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def _casio_note(iso: int) -> bytes:
    """Casio's "QVC" note: big-endian even inside a little-endian file, ISO in tag 0x3014."""
    return b"QVC\x00\x00\x00" + struct.pack(">HHHIH2xI", 1, 0x3014, 3, 1, iso, 0)


def _olympus_note(lens: str) -> bytes:
    """Olympus's newer note: offsets from the note's start; Equipment IFD (0x2010) holds
    LensModel (0x0203)."""
    lens_bytes = lens.encode() + b"\x00"
    main = struct.pack("<HHHII", 1, 0x2010, 13, 1, 30) + struct.pack("<I", 0)
    equipment = struct.pack("<HHHII", 1, 0x0203, 2, len(lens_bytes), 48) + struct.pack("<I", 0)
    return b"OLYMPUS\x00II\x03\x00" + main + equipment + lens_bytes


def _nikon_note(iso: int, order: bytes = b"MM") -> bytes:
    """Nikon's type 3 note: its own TIFF header 10 bytes in; tag 0x0002 holds (0, ISO)."""
    endian = ">" if order == b"MM" else "<"
    tiff = order + struct.pack(endian + "HI", 42, 8)
    tiff += struct.pack(endian + "HHHIHH", 1, 0x0002, 3, 2, 0, iso) + struct.pack(endian + "I", 0)
    return b"Nikon\x00\x02\x10\x00\x00" + tiff


def test_nikon_iso_from_a_type_3_note_in_either_byte_order(tmp_path: Path) -> None:
    for order in (b"MM", b"II"):
        info = read_image(_jpeg(tmp_path, _tiff_with_maker_note("NIKON CORPORATION", _nikon_note(200, order))))
        assert (info.make, info.iso) == ("NIKON CORPORATION", 200)
    type_1 = b"Nikon\x00\x01\x00" + _nikon_note(200)[10:]
    assert read_image(_jpeg(tmp_path, _tiff_with_maker_note("NIKON", type_1))).iso is None


def _canon_tiff(lens: bytes) -> bytes:
    """Canon's note: a plain IFD whose LensModel (0x0095) text follows it, at an offset counted
    from the TIFF header (the note's place is found by building it once at offset 0)."""
    text = lens.ljust(64, b"\x00")

    def note_at(offset: int) -> bytes:
        return struct.pack("<HHHII", 1, 0x0095, 2, 64, offset + 18) + struct.pack("<I", 0) + text

    probe = _tiff_with_maker_note("Canon", note_at(0))
    return _tiff_with_maker_note("Canon", note_at(len(probe) - len(note_at(0))))


def test_canon_lens_read_from_the_maker_note(tmp_path: Path) -> None:
    info = read_image(_jpeg(tmp_path, _canon_tiff(b"EF16-35mm f/2.8L II USM")))
    assert (info.make, info.lens) == ("Canon", "EF16-35mm f/2.8L II USM")


def test_casio_iso_from_a_big_endian_qvc_note(tmp_path: Path) -> None:
    info = read_image(_jpeg(tmp_path, _tiff_with_maker_note(CASIO, _casio_note(50))))
    assert (info.make, info.iso) == (CASIO, 50)
    assert info.warnings == []


def test_casio_iso_from_the_oldest_notes_without_a_header(tmp_path: Path) -> None:
    note = struct.pack("<HHHIH2xI", 1, 0x0014, 3, 1, 100, 0)  # an IFD from the first byte
    info = read_image(_jpeg(tmp_path, _tiff_with_maker_note(CASIO, note)))
    assert info.iso == 100


def test_olympus_lens_from_the_equipment_ifd(tmp_path: Path) -> None:
    info = read_image(_jpeg(tmp_path, _tiff_with_maker_note(OLYMPUS, _olympus_note(LENS))))
    assert (info.make, info.lens) == (OLYMPUS, LENS)


def test_a_cut_short_maker_note_costs_only_its_value(tmp_path: Path) -> None:
    for make, note in ((CASIO, _casio_note(50)[:9]), (OLYMPUS, _olympus_note(LENS)[:20])):
        info = read_image(_jpeg(tmp_path, _tiff_with_maker_note(make, note)))
        assert info.make == make
        assert (info.iso, info.lens) == (None, "")


def test_other_makes_are_not_read_as_casio_or_olympus(tmp_path: Path) -> None:
    info = read_image(_jpeg(tmp_path, _tiff_with_maker_note("SONY", _casio_note(50))))
    assert (info.make, info.iso) == ("SONY", None)
