"""read_image on good files: EXIF fields, other formats (PNG, WebP, TIFF, HEIC, RAW), sizes."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from PIL.TiffImagePlugin import IFDRational

from catalog.images import ImageInfo, ImageReadError, read_image
from catalog.images.clean import clean_camera_string
from catalog.images.embed import (
    build_exif,
    build_iim,
    build_iptc_segment,
    build_xmp_packet,
    make_jpeg,
    splice_segments,
)
from catalog.images.exif import apply_exif, exif_from_blob, exif_with_pillow, format_exposure

PICTURE = Image.new("RGB", (120, 80), (30, 90, 160))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_exif_fields_from_a_camera_jpeg(tmp_path: Path) -> None:
    exif = build_exif(
        make="NIKON CORPORATION", model="NIKON Z 9", lens="NIKKOR Z 24-70mm f/2.8 S",
        taken_at=datetime(2023, 1, 7, 14, 3, 11), offset="+02:00", gps=(48.5, 2.25),
        gps_altitude=35.0, exposure_time=(1, 250), f_number=5.6, iso=800,
        focal_length=70, orientation=1,
    )
    info = read_image(write(tmp_path, "a.jpg", make_jpeg(PICTURE, exif=exif)))
    assert (info.format, info.width, info.height) == ("JPEG", 120, 80)
    assert info.file_size == (tmp_path / "a.jpg").stat().st_size
    assert (info.make, info.model) == ("NIKON CORPORATION", "NIKON Z 9")
    assert info.lens == "NIKKOR Z 24-70mm f/2.8 S"
    assert (info.taken_at, info.taken_offset) == ("2023-01-07T14:03:11", "+02:00")
    assert info.gps_lat == pytest.approx(48.5, abs=1e-5)
    assert info.gps_lon == pytest.approx(2.25, abs=1e-5)
    assert info.gps_alt == pytest.approx(35.0)
    assert (info.exposure_time, info.f_number, info.iso, info.focal_length) == (
        "1/250", 5.6, 800, 70.0)
    assert info.orientation == 1
    assert info.has_exif_thumbnail is False
    assert info.warnings == []


@pytest.mark.parametrize(("gps", "expected"), [
    ((-33.8688, 151.2093), (-33.8688, 151.2093)),   # south
    ((40.7128, -74.006), (40.7128, -74.006)),       # west
    ((-22.9068, -43.1729), (-22.9068, -43.1729)),   # south and west
])
def test_gps_is_signed_by_its_reference(tmp_path: Path, gps, expected) -> None:
    info = read_image(write(tmp_path, "g.jpg", make_jpeg(PICTURE, exif=build_exif(gps=gps))))
    assert info.gps_lat == pytest.approx(expected[0], abs=1e-4)
    assert info.gps_lon == pytest.approx(expected[1], abs=1e-4)


def test_exif_thumbnail_and_orientation_are_reported(tmp_path: Path) -> None:
    data = make_jpeg(PICTURE, exif=build_exif(make="Canon", orientation=6), thumbnail=True)
    info = read_image(write(tmp_path, "t.jpg", data))
    assert info.has_exif_thumbnail is True
    assert info.orientation == 6


def test_make_with_nul_bytes_and_garbage_is_cleaned(tmp_path: Path) -> None:
    exif = build_exif(make="Canon\x00\x00\x00\x01junk", model="Canon EOS R6\x00   ")
    info = read_image(write(tmp_path, "m.jpg", make_jpeg(PICTURE, exif=exif)))
    assert (info.make, info.model) == ("Canon", "Canon EOS R6")


@pytest.mark.parametrize(("raw", "clean"), [
    (b"SONY\x00\x00", "SONY"),
    ("b'FUJIFILM'", "FUJIFILM"),
    ("  Apple \t", "Apple"),
    ("HUAWEI\x01\x02", "HUAWEI"),
    (None, ""),
])
def test_clean_camera_string(raw, clean) -> None:
    assert clean_camera_string(raw) == clean


@pytest.mark.parametrize(("seconds", "text"), [
    (1 / 250, "1/250"), (1 / 3, "0.3"), (0.5, "0.5"), (2.0, "2"), (1.3, "1.3"), (0.0, ""),
])
def test_exposure_is_written_as_photographers_do(seconds: float, text: str) -> None:
    assert format_exposure(seconds) == text


def test_huawei_app_segments_before_exif(tmp_path: Path) -> None:
    jpeg = make_jpeg(PICTURE, exif=build_exif(make="HUAWEI", model="ELE-L29"))
    vendor = b"".join(b"\xff" + bytes([m]) + struct.pack(">H", 10) + b"HUAWEI\x00\x00"
                      for m in (0xE7, 0xE8, 0xE9))
    data = jpeg[:2] + vendor + jpeg[2:]
    info = read_image(write(tmp_path, "h.jpg", data))
    assert (info.make, info.model) == ("HUAWEI", "ELE-L29")


def test_png_with_exif_and_xmp(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Google"
    exif[0x0110] = "Pixel 8"
    text_chunks = PngInfo()
    text_chunks.add_itxt("XML:com.adobe.xmp", build_xmp_packet({"caption": "PNG caption"}).decode())
    buffer = io.BytesIO()
    PICTURE.save(buffer, "PNG", exif=exif, pnginfo=text_chunks)
    info = read_image(write(tmp_path, "p.png", buffer.getvalue()))
    assert (info.format, info.width, info.height) == ("PNG", 120, 80)
    assert (info.make, info.model) == ("Google", "Pixel 8")
    assert (info.caption, info.caption_source) == ("PNG caption", "xmp")


def test_webp_and_tiff_are_read(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Sony"
    for name, fmt in (("w.webp", "WEBP"), ("t.tif", "TIFF")):
        buffer = io.BytesIO()
        PICTURE.save(buffer, fmt, exif=exif)
        info = read_image(write(tmp_path, name, buffer.getvalue()))
        assert (info.format, info.width, info.height, info.make) == (fmt, 120, 80, "Sony")


def test_heic_from_a_phone(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    path = tmp_path / "IMG_0001.HEIC"
    pillow_heif.from_pillow(PICTURE).save(path, exif=exif.tobytes(), quality=50)
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("HEIF", 120, 80)
    assert (info.make, info.model) == ("Apple", "iPhone 15")


def test_png_named_jpg_is_read_with_a_warning(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    PICTURE.save(buffer, "PNG")
    info = read_image(write(tmp_path, "photo.jpg", buffer.getvalue()))
    assert info.format == "PNG"
    assert "PNG data in a file named .jpg" in info.warnings


def test_tiff_based_raw_is_recorded_with_its_exif(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "NIKON CORPORATION"
    exif[0x0110] = "NIKON D850"
    exif.get_ifd(0x8769)[0x9003] = "2022:06:01 09:30:00"
    exif.get_ifd(0x8769)[0xA002] = 8256
    exif.get_ifd(0x8769)[0xA003] = 5504
    tiff = exif.tobytes()[6:]  # a bare TIFF structure, as TIFF-based RAW files start
    info = read_image(write(tmp_path, "DSC_0001.NEF", tiff))
    assert info.format == "NEF"
    assert (info.make, info.model) == ("NIKON CORPORATION", "NIKON D850")
    assert info.taken_at == "2022-06-01T09:30:00"
    assert (info.width, info.height) == (8256, 5504)


def test_a_jpeg_cut_after_its_header_is_read_with_a_warning(tmp_path: Path) -> None:
    noisy = Image.effect_noise((200, 150), 60).convert("RGB")
    data = make_jpeg(noisy, iptc=build_iptc_segment({"caption": "still here"}))
    info = read_image(write(tmp_path, "cut.jpg", data[: len(data) // 2]))
    assert info.caption == "still here"
    assert any("ends early" in warning for warning in info.warnings)


def test_to_dict_round_trips(tmp_path: Path) -> None:
    data = splice_segments(make_jpeg(PICTURE), b"")
    info = read_image(write(tmp_path, "plain.jpg", data))
    assert ImageInfo(**info.to_dict()) == info


def test_turned_tiff_and_heic_report_stored_size_and_orientation(tmp_path: Path) -> None:
    """Width, height and orientation mean the same in every format (and as exiftool reads them)."""
    exif = build_exif(orientation=6)
    tiff = tmp_path / "turned.tif"
    PICTURE.save(tiff, exif=exif)
    heic = tmp_path / "turned.heic"
    pillow_heif.from_pillow(PICTURE).save(heic, exif=exif, quality=40)
    for path in (tiff, heic):
        info = read_image(path)
        assert (info.width, info.height, info.orientation) == (120, 80, 6), path.name


def dng_like(make: bytes, preview: tuple[int, int], full: tuple[int, int]) -> bytes:
    """A little-endian TIFF as DNG/NEF lay out: IFD0 a small preview, a SubIFD the full picture."""
    def entry(tag: int, kind: int, value: int) -> bytes:
        return struct.pack("<HHII", tag, kind, 1 if kind != 2 else len(make), value)

    ifd0_at, entries0 = 8, 5
    make_at = ifd0_at + 2 + 12 * entries0 + 4
    sub_at = make_at + len(make) + (len(make) & 1)
    ifd0 = struct.pack("<H", entries0) + b"".join([
        entry(0x00FE, 4, 1), entry(0x0100, 4, preview[0]), entry(0x0101, 4, preview[1]),
        entry(0x010F, 2, make_at), entry(0x014A, 4, sub_at),
    ]) + b"\x00\x00\x00\x00"
    sub = struct.pack("<H", 3) + b"".join([
        entry(0x00FE, 4, 0), entry(0x0100, 4, full[0]), entry(0x0101, 4, full[1]),
    ]) + b"\x00\x00\x00\x00"
    padding = b"\x00" * (len(make) & 1)
    return b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + make + padding + sub


def test_raw_size_comes_from_the_full_resolution_subifd(tmp_path: Path) -> None:
    data = dng_like(b"Leica\x00", preview=(256, 171), full=(6000, 4000))
    info = read_image(write(tmp_path, "L1000001.DNG", data))
    assert (info.format, info.make) == ("DNG", "Leica")
    assert (info.width, info.height) == (6000, 4000)


def raf_with_preview(preview: bytes) -> bytes:
    """A Fujifilm RAF layout: magic, the preview's offset and length at byte 84, the preview."""
    header = b"FUJIFILMCCD-RAW 0201FF383501".ljust(84, b"\x00")
    header += struct.pack(">II", 128, len(preview))
    return header.ljust(128, b"\x00") + preview


def test_raf_is_read_through_its_embedded_preview(tmp_path: Path) -> None:
    exif = build_exif(make="FUJIFILM", model="X-T5", taken_at=datetime(2024, 1, 2, 3, 4, 5))
    data = raf_with_preview(make_jpeg(PICTURE, exif=exif))
    info = read_image(write(tmp_path, "DSCF0001.RAF", data))
    assert (info.format, info.make, info.model) == ("RAF", "FUJIFILM", "X-T5")
    assert info.taken_at == "2024-01-02T03:04:05"
    assert (info.width, info.height) == (120, 80)  # no RAF directory: the preview's size


def test_raf_size_comes_from_its_raf_directory(tmp_path: Path) -> None:
    """exiftool's ImageSize for a RAF: RawImageCroppedSize (0x111, height then width)."""
    preview = make_jpeg(PICTURE, exif=build_exif(make="FUJIFILM", model="X-T5"))
    directory = struct.pack(">I", 2) + struct.pack(">HHHH", 0x100, 4, 4032, 6048)
    directory += struct.pack(">HHHH", 0x111, 4, 4000, 6000)
    data = bytearray(raf_with_preview(preview))
    data[92:96] = struct.pack(">I", len(data))
    info = read_image(write(tmp_path, "DSCF0003.RAF", bytes(data) + directory))
    assert (info.make, info.width, info.height) == ("FUJIFILM", 6000, 4000)


def test_raf_with_a_broken_preview_is_kept_with_a_warning(tmp_path: Path) -> None:
    data = raf_with_preview(b"\xff\xd8" + b"\x00" * 300)
    info = read_image(write(tmp_path, "DSCF0002.RAF", data))
    assert info.format == "RAF"
    assert any("RAF preview unreadable" in warning for warning in info.warnings)


def test_make_written_as_bytes_not_ascii(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = b"OLYMPUS IMAGING CORP.\x00\x00\x00"  # stored with the UNDEFINED type
    info = read_image(write(tmp_path, "o.jpg", make_jpeg(PICTURE, exif=exif.tobytes())))
    assert info.make == "OLYMPUS IMAGING CORP."


def test_pillow_fallback_reads_the_same_fields_as_exifread(tmp_path: Path) -> None:
    """The fallback used when exifread finds nothing gives the same ImageInfo fields."""
    exif = build_exif(
        make="Canon\x00junk", model="Canon EOS R5", lens="RF50mm F1.2 L USM",
        taken_at=datetime(2024, 2, 3, 4, 5, 6), offset="-03:30", gps=(-12.5, -45.25),
        gps_altitude=-10.0, exposure_time=(1, 500), f_number=1.2, iso=3200,
        focal_length=50, orientation=8,
    )
    path = write(tmp_path, "f.jpg", make_jpeg(PICTURE, exif=exif, thumbnail=True))
    via_exifread, via_pillow = ImageInfo(path=""), ImageInfo(path="")
    with Image.open(path) as image:
        apply_exif(via_exifread, exif_from_blob(image.info["exif"]))
        apply_exif(via_pillow, exif_with_pillow(image))
    assert via_pillow == via_exifread
    assert (via_pillow.make, via_pillow.gps_alt, via_pillow.exposure_time) == ("Canon", -10.0, "1/500")
    assert via_pillow.has_exif_thumbnail


def test_phone_jpeg_with_a_second_picture_is_recorded_as_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "gainmap.jpg"
    PICTURE.save(path, "MPO", save_all=True, append_images=[PICTURE.resize((60, 40))])
    with Image.open(path) as image:
        assert image.format == "MPO"  # what Pillow calls it
    info = read_image(path)
    assert (info.format, info.width, info.height, info.warnings) == ("JPEG", 120, 80, [])


def test_blank_camera_clock_and_unknown_orientation_are_silent(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 0
    exif.get_ifd(0x8769)[0x9003] = "    :  :     :  :  "
    exif.get_ifd(0x8769)[0x9004] = "0000:00:00 00:00:00"
    info = read_image(write(tmp_path, "blank.jpg", make_jpeg(PICTURE, exif=exif.tobytes())))
    assert (info.taken_at, info.orientation, info.warnings) == ("", None, [])


def test_a_garbled_date_is_reported(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2023:13:45 99:00:00"
    info = read_image(write(tmp_path, "bad.jpg", make_jpeg(PICTURE, exif=exif.tobytes())))
    assert info.taken_at == ""
    assert info.warnings == ["EXIF date '2023:13:45 99:00:00' is not a date; ignored"]


def test_png_exif_chunk_after_the_pixels(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    PICTURE.save(buffer, "PNG")
    png = buffer.getvalue()
    exif = build_exif(make="Google", model="Pixel 9")[6:]
    chunk = struct.pack(">I", len(exif)) + b"eXIf" + exif
    chunk += struct.pack(">I", zlib.crc32(b"eXIf" + exif))
    end = png.rindex(b"IEND") - 4
    info = read_image(write(tmp_path, "late.png", png[:end] + chunk + png[end:]))
    assert (info.make, info.model) == ("Google", "Pixel 9")


def test_gps_seconds_written_as_zero_over_zero(tmp_path: Path) -> None:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = "N", "W"
    gps[2] = (IFDRational(51), IFDRational(30), IFDRational(0, 0))
    gps[4] = (IFDRational(0), IFDRational(7), IFDRational(0, 0))
    info = read_image(write(tmp_path, "gps.jpg", make_jpeg(PICTURE, exif=exif.tobytes())))
    assert (info.gps_lat, info.gps_lon) == (51.5, pytest.approx(-7 / 60))


def test_bigtiff_is_read_with_its_tags(tmp_path: Path) -> None:
    path = tmp_path / "big.tif"
    picture = Image.new("RGB", (120, 80), (30, 90, 160))
    picture.save(path, big_tiff=True, tiffinfo={271: "Hasselblad", 272: "X2D 100C", 274: 6})
    assert path.read_bytes()[:4] == b"II+\x00"
    info = read_image(path)
    assert (info.format, info.make, info.model) == ("TIFF", "Hasselblad", "X2D 100C")
    assert (info.width, info.height, info.orientation) == (120, 80, 6)
    cut = tmp_path / "cut.tif"
    cut.write_bytes(path.read_bytes()[:12])
    with pytest.raises(ImageReadError, match="damaged or truncated TIFF"):
        read_image(cut)


def test_exif_ifd_tags_written_in_ifd0(tmp_path: Path) -> None:
    exif = Image.open(io.BytesIO(make_jpeg(PICTURE, exif=build_exif(make="NIKON")))).getexif()
    exif[0xA434] = "14.0-24.0 mm f/2.8"  # LensModel in IFD0, not in the EXIF IFD
    exif[0x9003] = "2013:09:11 16:45:13"  # DateTimeOriginal
    exif[0x829D] = IFDRational(28, 10)  # FNumber
    exif[0x8827] = 400  # ISO
    path = write(tmp_path, "l.jpg", make_jpeg(PICTURE, exif=exif.tobytes()))
    info = read_image(path)
    assert (info.make, info.lens) == ("NIKON", "14.0-24.0 mm f/2.8")
    assert (info.taken_at, info.f_number, info.iso) == ("2013-09-11T16:45:13", 2.8, 400)
    via_pillow = ImageInfo(path="")
    with Image.open(path) as image:
        apply_exif(via_pillow, exif_with_pillow(image))
    assert (via_pillow.lens, via_pillow.taken_at, via_pillow.f_number, via_pillow.iso) == (
        "14.0-24.0 mm f/2.8", "2013-09-11T16:45:13", 2.8, 400)
    both = build_exif(lens="EXIF IFD lens")
    exif = Image.open(io.BytesIO(make_jpeg(PICTURE, exif=both))).getexif()
    exif[0xA434] = "IFD0 lens"
    info = read_image(write(tmp_path, "b.jpg", make_jpeg(PICTURE, exif=exif.tobytes())))
    assert info.lens == "EXIF IFD lens"


def tiff_raw(ifds: dict[str, list[tuple[int, int, object]]], magic: bytes = b"II*\x00",
             after_header: bytes = b"") -> bytes:
    """A little-endian TIFF-structured RAW file from IFDs given as (tag, type, value) lists.

    The first IFD is IFD0; a value "@name" points at the IFD of that name (SubIFDs, EXIF);
    type 2 is ASCII, 3 SHORT, 4 LONG; a bytes value is an array (of LONGs for type 4).
    """
    start = 8 + len(after_header)
    offsets, position = {}, start
    for name, entries in ifds.items():
        offsets[name] = position
        position += 2 + 12 * len(entries) + 4
    body, data = bytearray(), bytearray()
    for entries in ifds.values():
        body += struct.pack("<H", len(entries))
        for tag, kind, value in sorted(entries, key=lambda entry: entry[0]):
            if isinstance(value, str) and value.startswith("@"):
                body += struct.pack("<HHII", tag, 4, 1, offsets[value[1:]])
            elif kind == 2:
                text = str(value).encode() + b"\x00"
                body += struct.pack("<HHII", tag, 2, len(text), position + len(data))
                data += text + b"\x00" * (len(text) & 1)
            elif isinstance(value, bytes):  # an array: LONGs (kind 4) or BYTEs (kind 1 or 7)
                padded = value + b"\x00" * (-len(value) % 4)
                count = len(padded) // 4 if kind == 4 else len(value)
                body += struct.pack("<HHII", tag, kind, count, position + len(data))
                data += padded
            elif kind == 3:
                body += struct.pack("<HHIHH", tag, 3, 1, value, 0)
            else:
                body += struct.pack("<HHII", tag, 4, 1, value)
        body += b"\x00\x00\x00\x00"
    return magic + struct.pack("<I", start) + after_header + bytes(body) + bytes(data)


def camera_raw(ifd0_subfile: int, ifd0_size: tuple[int, int]) -> dict:
    """IFD0 (a preview or the picture), a full-resolution SubIFD, ExifImageWidth as a JPEG's."""
    return {
        "ifd0": [(0xFE, 4, ifd0_subfile), (0x100, 4, ifd0_size[0]), (0x101, 4, ifd0_size[1]),
                 (0x10F, 2, "Maker"), (0x14A, 4, "@sub"), (0x8769, 4, "@exif")],
        "sub": [(0xFE, 4, 0), (0x100, 4, 6048), (0x101, 4, 4024)],
        "exif": [(0x9003, 2, "2020:01:02 03:04:05"), (0xA002, 4, 6000), (0xA003, 4, 4000)],
    }


@pytest.mark.parametrize(("name", "ifd0_subfile", "ifd0_size", "size"), [
    ("a.NEF", 1, (160, 120), (6048, 4024)),  # the full-resolution SubIFD, not ExifImageWidth
    ("a.ARW", 1, (160, 120), (6048, 4024)),
    ("a.DNG", 1, (256, 171), (6048, 4024)),
    ("a.PEF", 0, (4000, 3000), (4000, 3000)),  # IFD0 is the full-resolution picture
    ("a.SRW", 0, (4000, 3000), (4000, 3000)),
    ("a.3FR", 1, (160, 120), (6048, 4024)),
    ("a.CR2", 1, (160, 120), (6000, 4000)),  # Canon CR2 and Phase One IIQ: ExifImageWidth
    ("a.IIQ", 0, (4000, 3000), (6000, 4000)),
])
def test_raw_size_follows_exiftools_image_size_rule(
    tmp_path: Path, name: str, ifd0_subfile: int, ifd0_size: tuple[int, int],
    size: tuple[int, int],
) -> None:
    info = read_image(write(tmp_path, name, tiff_raw(camera_raw(ifd0_subfile, ifd0_size))))
    assert (info.format, info.make, info.taken_at) == (
        name.split(".")[1], "Maker", "2020-01-02T03:04:05")
    assert (info.width, info.height) == size


def test_iptc_typed_long_and_xmp_in_a_tiff_based_raw(tmp_path: Path) -> None:
    iim = build_iim({"caption": "A caption in the NEF", "city": "Kingston"})
    ifds = camera_raw(1, (160, 120))
    ifds["ifd0"] += [(0x83BB, 4, iim), (0x2BC, 1, build_xmp_packet({"credit": "Desk"}))]
    info = read_image(write(tmp_path, "DSC_0001.NEF", tiff_raw(ifds)))
    assert (info.format, info.make) == ("NEF", "Maker")
    assert (info.iptc["caption"], info.iptc["city"]) == ("A caption in the NEF", "Kingston")
    assert (info.caption_source, info.xmp) == ("iptc", {"credit": "Desk"})


def test_panasonic_rw2_size_is_framed_by_its_sensor_borders(tmp_path: Path) -> None:
    ifds = {
        "ifd0": [(0x2, 3, 5200), (0x3, 3, 3900), (0x4, 3, 4), (0x5, 3, 8), (0x6, 3, 3884),
                 (0x7, 3, 5192), (0x10F, 2, "Panasonic"), (0x110, 2, "DC-G9"),
                 (0x8769, 4, "@exif")],
        "exif": [(0x9003, 2, "2021:05:06 07:08:09")],
    }
    info = read_image(write(tmp_path, "P1000001.RW2", tiff_raw(ifds, magic=b"IIU\x00")))
    assert (info.format, info.make, info.model) == ("RW2", "Panasonic", "DC-G9")
    assert (info.width, info.height) == (5184, 3880)
    assert info.iso is None
    ifds["ifd0"].append((0x17, 3, 80))  # the ISO an RW2 keeps in IFD0
    assert read_image(write(tmp_path, "P1000002.RW2", tiff_raw(ifds, magic=b"IIU\x00"))).iso == 80


def canon_exif(camera_iso_code: int, auto_raw: int, base_raw: int) -> bytes:
    """Exif\\0\\0 + a little-endian TIFF: Make Canon, an EXIF IFD whose MakerNote is a Canon IFD
    with CameraSettings (index 16: CameraISO) and ShotInfo (1: AutoISO, 2: BaseISO)."""
    make = b"Canon\x00"
    ifd0_at = 8
    ifd0 = 2
    make_at = ifd0_at + 2 + 12 * ifd0 + 4
    exif_at = make_at + len(make)
    exif_n = 1
    note_at = exif_at + 2 + 12 * exif_n + 4
    note_n = 2
    settings_at = note_at + 2 + 12 * note_n + 4
    settings = [0] * 17
    settings[0] = 34
    settings[16] = camera_iso_code
    shot = [6, auto_raw, base_raw]
    shot_at = settings_at + 2 * len(settings)
    note = (struct.pack("<H", note_n)
            + struct.pack("<HHII", 0x0001, 3, len(settings), settings_at)
            + struct.pack("<HHII", 0x0004, 3, len(shot), shot_at) + b"\x00" * 4
            + struct.pack(f"<{len(settings)}H", *settings) + struct.pack(f"<{len(shot)}H", *shot))
    out = (b"II*\x00" + struct.pack("<I", ifd0_at)
           + struct.pack("<H", ifd0) + struct.pack("<HHII", 0x010F, 2, len(make), make_at)
           + struct.pack("<HHII", 0x8769, 4, 1, exif_at) + b"\x00" * 4 + make
           + struct.pack("<H", exif_n) + struct.pack("<HHII", 0x927C, 7, len(note), note_at)
           + b"\x00" * 4 + note)
    return b"Exif\x00\x00" + out


@pytest.mark.parametrize(("codes", "iso"), [
    ((17, 0, 0), 100),  # CameraISO 17 means 100
    ((15, 64, 160), 400),  # CameraISO "Auto": BaseISO 100 * AutoISO 400 / 100
    ((0, 0, 0), None),  # nothing recorded
])
def test_canon_iso_from_the_maker_notes_when_exif_has_none(
    tmp_path: Path, codes: tuple[int, int, int], iso: int | None
) -> None:
    info = read_image(write(tmp_path, "IMG_0001.JPG", make_jpeg(PICTURE, exif=canon_exif(*codes))))
    assert (info.make, info.iso, info.warnings) == ("Canon", iso, [])


def test_tiff_pillow_cannot_decode_keeps_its_tags(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    PICTURE.save(buffer, format="TIFF", tiffinfo={271: "Hasselblad", 272: "Flextight X5",
                                                  274: 8, 33723: build_iim({"caption": "Scan"})})
    data = bytearray(buffer.getvalue())
    (ifd,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, ifd)
    for entry in range(ifd + 2, ifd + 2 + 12 * count, 12):
        if struct.unpack_from("<H", data, entry)[0] == 262:  # PhotometricInterpretation
            struct.pack_into("<H", data, entry + 8, 32844)  # LogL: Pillow has no mode for it
    path = write(tmp_path, "scan.tif", bytes(data))
    with pytest.raises(Exception):  # noqa: B017 - what Pillow raises is its own business
        Image.open(path)
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("TIFF", 120, 80)  # stored, not turned
    assert (info.make, info.model, info.orientation) == ("Hasselblad", "Flextight X5", 8)
    assert info.iptc == {"caption": "Scan"}
    assert info.warnings == ["Pillow cannot decode this TIFF's picture (a layout it does not "
                             "support, or damage); size and metadata read from its tags"]
    cut = write(tmp_path, "cut.tif", bytes(data[:ifd + 20]))  # no usable tags: refused
    with pytest.raises(ImageReadError, match="TIFF"):
        read_image(cut)


def test_data_appended_after_a_jpeg_is_not_taken_for_a_cut(tmp_path: Path) -> None:
    noisy = Image.effect_noise((200, 150), 60).convert("RGB")
    jpeg = make_jpeg(noisy, exif=build_exif(make="Google"), thumbnail=True)
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(range(0, 255)) * 80  # no 0xFFD9 in it
    info = read_image(write(tmp_path, "PXL_MP.jpg", jpeg + video))  # a motion photo
    assert (info.make, info.warnings) == ("Google", [])
    scan = jpeg.rindex(b"\xff\xda")  # cut inside the picture: the thumbnail's end marker
    cut = read_image(write(tmp_path, "cut.jpg", jpeg[: scan + 500] + video))  # does not count
    assert cut.warnings == ["JPEG data ends early (no end-of-image marker): picture cut off"]


def test_minolta_mrw_is_read_from_its_tiff_and_prd_blocks(tmp_path: Path) -> None:
    tiff = tiff_raw({"ifd0": [(0x10F, 2, "Minolta Co., Ltd."), (0x110, 2, "DiMAGE A1"),
                              (0x8769, 4, "@exif")],
                     "exif": [(0x9003, 2, "2004:05:06 07:08:09"), (0x8827, 3, 100)]})
    prd = b"21810002" + struct.pack(">HHHH", 1968, 2640, 1956, 2608) + b"\x00" * 8
    blocks = (b"\x00PRD" + struct.pack(">I", len(prd)) + prd
              + b"\x00TTW" + struct.pack(">I", len(tiff)) + tiff)
    data = b"\x00MRM" + struct.pack(">I", len(blocks)) + blocks + b"\x00" * 64
    info = read_image(write(tmp_path, "PICT0001.MRW", data))
    assert (info.format, info.width, info.height) == ("MRW", 2608, 1956)
    assert (info.make, info.model, info.iso) == ("Minolta Co., Ltd.", "DiMAGE A1", 100)
    assert (info.taken_at, info.warnings) == ("2004-05-06T07:08:09", [])
    bare = read_image(write(tmp_path, "bare.mrw", b"\x00MRM\x00\x00\x00\x00" + b"\x00" * 32))
    assert (bare.format, bare.warnings) == ("MRW", ["no EXIF found in the MRW file"])


SAMPLE_FILES = sorted(p for p in (Path(__file__).parent.parent / "sample_archive").rglob("*")
                      if p.is_file() and p.suffix.lower() not in {".py", ".md", ".csv", ".json", ".txt", ".xmp"})


def _reading(path: Path, data: bytes | None) -> dict | str:
    try:
        return read_image(path, data).to_dict()
    except ImageReadError as error:
        return f"refused: {error.reason}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bytes_already_read_give_the_same_reading_as_the_file(path: Path) -> None:
    """The importer hands read_image the bytes it hashed: every field, warning and refusal
    is the same as when read_image opens the file itself."""
    assert _reading(path, path.read_bytes() or None) == _reading(path, None)


def test_bytes_handed_over_are_what_is_read(tmp_path: Path) -> None:
    """Given the bytes, read_image does not read the file again: the reading is the bytes'."""
    old = write(tmp_path, "a.jpg", make_jpeg(PICTURE, iptc=build_iptc_segment({"caption": "old words"})))
    new = make_jpeg(PICTURE, iptc=build_iptc_segment({"caption": "new words"}))
    assert read_image(old, new).caption == "new words"
    assert read_image(old).caption == "old words"
