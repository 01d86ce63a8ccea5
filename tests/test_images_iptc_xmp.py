"""read_image's IPTC-IIM and XMP: character sets, split blocks, hostile packets, the caption's source."""

from __future__ import annotations

import struct
from datetime import datetime
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, TiffImagePlugin

from catalog.images import read_image
from catalog.images.embed import (
    build_exif,
    build_iim,
    build_iptc_segment,
    build_xmp_packet,
    make_jpeg,
)

PICTURE = Image.new("RGB", (120, 80), (30, 90, 160))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


IPTC_FIELDS = {
    "caption": "Crème brûlée stalls open in Lyon, France, March 5, 2024. REUTERS/Ana Costa",
    "byline": "Ana Costa", "credit": "REUTERS", "source": "Reuters", "city": "Lyon",
    "region": "Auvergne-Rhône-Alpes", "country": "France", "country_code": "FR",
    "date_created": "20240305", "headline": "Market day", "keywords": ["food", "market"],
    "instructions": "EDITORIAL USE ONLY", "object_name": "FRANCE-FOOD",
    "transmission_ref": "LYN01",
}
EXPECTED_IPTC = {**IPTC_FIELDS, "date_created": "2024-03-05"}


@pytest.mark.parametrize("utf8", [True, False], ids=["utf8-declared", "latin1"])
def test_iptc_fields_decoded_by_the_character_set(tmp_path: Path, utf8: bool) -> None:
    data = make_jpeg(PICTURE, iptc=build_iptc_segment(IPTC_FIELDS, utf8=utf8))
    info = read_image(write(tmp_path, "i.jpg", data))
    assert info.iptc == EXPECTED_IPTC
    assert (info.caption, info.caption_source) == (IPTC_FIELDS["caption"], "iptc")


def test_latin1_bytes_are_not_read_as_utf8(tmp_path: Path) -> None:
    data = make_jpeg(PICTURE, iptc=build_iptc_segment({"city": "Zürich"}, utf8=False))
    info = read_image(write(tmp_path, "z.jpg", data))
    assert info.iptc["city"] == "Zürich"


def test_iptc_split_across_two_app13_segments_is_joined(tmp_path: Path) -> None:
    segment = build_iptc_segment(IPTC_FIELDS, split=True)
    assert segment.count(b"\xff\xed") >= 2  # really two APP13 segments
    info = read_image(write(tmp_path, "s.jpg", make_jpeg(PICTURE, iptc=segment)))
    assert info.iptc == EXPECTED_IPTC
    assert info.warnings == []


def test_iptc_cut_short_keeps_what_is_there_and_says_so(tmp_path: Path) -> None:
    whole = build_iptc_segment({"byline": "Sam Reyes", "caption": "x" * 400})
    payload = whole[4:-200]  # drop the segment marker/length and the end of the block
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    info = read_image(write(tmp_path, "c.jpg", make_jpeg(PICTURE, iptc=segment)))
    assert info.iptc["byline"] == "Sam Reyes"
    assert any("IPTC block is cut short" in warning for warning in info.warnings)


def test_xmp_fields(tmp_path: Path) -> None:
    xmp = build_xmp_packet({
        "caption": "Voters wait outside a school in Springfield, Ill. (AP Photo/Sam Reyes)",
        "byline": ["Sam Reyes"], "keywords": ["election", "voters"], "city": "Springfield",
        "region": "IL", "country": "United States", "country_code": "US", "credit": "AP",
        "date_created": "2024-09-03",
    })
    info = read_image(write(tmp_path, "x.jpg", make_jpeg(PICTURE, xmp=xmp)))
    assert info.xmp["byline"] == "Sam Reyes"
    assert info.xmp["keywords"] == ["election", "voters"]
    assert info.xmp["country_code"] == "US"
    assert info.xmp["date_created"] == "2024-09-03"
    assert info.caption_source == "xmp"
    assert info.caption.startswith("Voters wait")


def test_xmp_is_preferred_over_a_different_iim_caption(tmp_path: Path) -> None:
    data = make_jpeg(
        PICTURE,
        iptc=build_iptc_segment({"caption": "Old caption. REUTERS/A Person"}),
        xmp=build_xmp_packet({"caption": "New caption. REUTERS/A Person/File Photo"}),
    )
    info = read_image(write(tmp_path, "p.jpg", data))
    assert (info.caption, info.caption_source) == (
        "New caption. REUTERS/A Person/File Photo", "xmp")
    assert any("captions differ" in warning for warning in info.warnings)


def test_same_caption_in_both_gives_no_warning(tmp_path: Path) -> None:
    text = "Same words. REUTERS/A Person"
    data = make_jpeg(PICTURE, iptc=build_iptc_segment({"caption": text}),
                     xmp=build_xmp_packet({"caption": text}))
    info = read_image(write(tmp_path, "same.jpg", data))
    assert info.caption == text
    assert info.warnings == []


def test_hostile_xmp_costs_only_the_xmp(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>')
    data = make_jpeg(PICTURE, iptc=build_iptc_segment({"caption": "kept"}), xmp=bomb)
    info = read_image(write(tmp_path, "bomb.jpg", data))
    assert info.xmp == {}
    assert info.caption == "kept"
    assert any(warning.startswith("XMP unreadable") for warning in info.warnings)


def test_tiff_iptc_and_xmp_tags(tmp_path: Path) -> None:
    tags = TiffImagePlugin.ImageFileDirectory_v2()
    tags[33723] = build_iim({"caption": "Köln by night", "city": "Köln"}, utf8=False)
    tags.tagtype[33723] = 7  # UNDEFINED bytes, as Photoshop writes the IPTC-NAA tag
    tags[700] = build_xmp_packet({"caption": "Köln by night, Germany"})
    tags.tagtype[700] = 1
    path = tmp_path / "scan.tif"
    PICTURE.save(path, tiffinfo=tags)
    info = read_image(path)
    assert info.iptc == {"caption": "Köln by night", "city": "Köln"}
    assert (info.caption, info.caption_source) == ("Köln by night, Germany", "xmp")


@pytest.mark.parametrize("suffix", [".heic", ".webp"])
def test_xmp_in_heic_and_webp(tmp_path: Path, suffix: str) -> None:
    packet = build_xmp_packet({"caption": "Phone picture", "city": "Lagos"})
    path = tmp_path / f"phone{suffix}"
    if suffix == ".heic":
        pillow_heif.from_pillow(PICTURE).save(path, xmp=packet, quality=40)
    else:
        PICTURE.save(path, "WEBP", xmp=packet)
    info = read_image(path)
    assert info.xmp == {"caption": "Phone picture", "city": "Lagos"}
    assert info.caption_source == "xmp"


def app13_caption_without_charset(text: bytes) -> bytes:
    """An APP13 segment whose IIM has a caption in ``text`` and no 1:90 record."""
    iim = struct.pack(">BBBH", 0x1C, 2, 120, len(text)) + text
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim + b"\x00" * (len(iim) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def test_undeclared_utf8_iim_is_read_as_utf8_with_a_warning(tmp_path: Path) -> None:
    text = "Zürich “quoted”".encode()
    segment = app13_caption_without_charset(text)
    info = read_image(write(tmp_path, "u.jpg", make_jpeg(PICTURE, iptc=segment)))
    assert info.iptc["caption"] == "Zürich “quoted”"
    assert any("without the 1:90 declaration" in warning for warning in info.warnings)


def test_windows_1252_quotes_in_undeclared_iim(tmp_path: Path) -> None:
    text = "“Quoted” – Zürich".encode("cp1252")
    segment = app13_caption_without_charset(text)
    info = read_image(write(tmp_path, "w.jpg", make_jpeg(PICTURE, iptc=segment)))
    assert info.iptc["caption"] == "“Quoted” – Zürich"


def test_camera_fields_from_xmp_when_exif_has_none(tmp_path: Path) -> None:
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
        b'tiff:Make="FUJIFILM" exif:DateTimeOriginal="2024-05-06T07:08:09.25+05:30">'
        b"<tiff:Model>X-T5</tiff:Model><aux:Lens>XF23mmF1.4 R LM WR</aux:Lens>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    with_exif = make_jpeg(PICTURE, exif=build_exif(make="Canon"), xmp=packet)
    info = read_image(write(tmp_path, "x.jpg", make_jpeg(PICTURE, xmp=packet)))
    assert (info.make, info.model, info.lens) == ("FUJIFILM", "X-T5", "XF23mmF1.4 R LM WR")
    assert (info.taken_at, info.taken_offset) == ("2024-05-06T07:08:09", "+05:30")
    assert info.xmp == {}
    assert read_image(write(tmp_path, "both.jpg", with_exif)).make == "Canon"  # EXIF wins


def test_exposure_and_position_from_xmp_when_exif_has_none(tmp_path: Path) -> None:
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        b'exif:DateTimeOriginal="2021:08:19 18:48:53" exif:FNumber="28/10">'
        b"<exif:ExposureTime>1/640</exif:ExposureTime><exif:FocalLength>350/10</exif:FocalLength>"
        b"<exif:ISOSpeedRatings><rdf:Seq><rdf:li>400</rdf:li></rdf:Seq></exif:ISOSpeedRatings>"
        b"<exif:GPSLatitude>54,59.38N</exif:GPSLatitude>"
        b"<exif:GPSLongitude>1,54,51W</exif:GPSLongitude>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    info = read_image(write(tmp_path, "x.jpg", make_jpeg(PICTURE, xmp=packet)))
    assert info.taken_at == "2021-08-19T18:48:53"  # EXIF's spelling of a date, inside XMP
    assert (info.exposure_time, info.f_number, info.focal_length, info.iso) == ("1/640", 2.8, 35.0, 400)
    assert (info.gps_lat, info.gps_lon) == (pytest.approx(54 + 59.38 / 60), pytest.approx(-(1 + 54 / 60 + 51 / 3600)))
    with_exif = make_jpeg(PICTURE, exif=build_exif(f_number=4.0), xmp=packet)
    assert read_image(write(tmp_path, "both.jpg", with_exif)).f_number == 4.0  # EXIF wins


def test_iim_after_another_tools_resource(tmp_path: Path) -> None:
    iim = struct.pack(">BBBH", 0x1C, 2, 80, 9) + b"Sam Reyes"
    other = b"MeSa\x04\x0c\x00\x00" + struct.pack(">I", 4) + b"\x00\x01\x02\x03"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim + b"\x00"
    payload = b"Photoshop 3.0\x00" + other + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    info = read_image(write(tmp_path, "mesa.jpg", make_jpeg(PICTURE, iptc=segment)))
    assert info.iptc == {"byline": "Sam Reyes"}


def test_xmp_with_control_characters_and_junk_is_salvaged(tmp_path: Path) -> None:
    packet = build_xmp_packet({"caption": "Salvaged caption", "city": "Accra"})
    dirty = b"\x01junk" + packet.replace(b"Salvaged", b"Salvaged\x0b") + b"\x02trailing"
    info = read_image(write(tmp_path, "dirty.jpg", make_jpeg(PICTURE, xmp=dirty)))
    assert info.xmp == {"caption": "Salvaged caption", "city": "Accra"}
    assert any("not well-formed" in warning for warning in info.warnings)


def _xmp_orientation(value: str) -> bytes:
    return (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/">'
        b"<tiff:Orientation>" + value.encode() + b"</tiff:Orientation>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )


def test_orientation_from_xmp_when_exif_has_none(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    png_info = PngImagePlugin.PngInfo()
    png_info.add_itxt("XML:com.adobe.xmp", _xmp_orientation("6").decode())
    png = tmp_path / "x.png"
    PICTURE.save(png, pnginfo=png_info)
    info = read_image(png)
    assert (info.orientation, info.width, info.height) == (6, 120, 80)
    tiff = tmp_path / "x.tif"  # Pillow turns TIFF sizes by the TIFF tag only, never by XMP
    PICTURE.save(tiff, tiffinfo={700: _xmp_orientation("8")})
    info = read_image(tiff)
    assert (info.orientation, info.width, info.height) == (8, 120, 80)
    both = make_jpeg(PICTURE, exif=build_exif(orientation=1), xmp=_xmp_orientation("3"))
    assert read_image(write(tmp_path, "both.jpg", both)).orientation == 1  # EXIF wins
    odd = make_jpeg(PICTURE, xmp=_xmp_orientation("9"))
    assert read_image(write(tmp_path, "odd.jpg", odd)).orientation is None


def _imagemagick_profile(name: str, data: bytes) -> str:
    """A "Raw profile type" text chunk's value as ImageMagick writes it (hex in lines of 72)."""
    digits = data.hex()
    lines = [digits[i:i + 72] for i in range(0, len(digits), 72)]
    return f"\n{name}\n{len(data):8d}\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("iptc_container", ["iim", "resources"])
def test_png_raw_profiles_from_imagemagick(tmp_path: Path, iptc_container: str) -> None:
    from PIL import PngImagePlugin

    iim = build_iim({"caption": "Caption kept by ImageMagick", "byline": "Ana Costa"})
    iptc = iim if iptc_container == "iim" else (
        b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    )
    png_info = PngImagePlugin.PngInfo()
    exif = build_exif(make="Canon", model="EOS R5", orientation=6)  # "Exif\0\0" + TIFF
    png_info.add_text("Raw profile type exif", _imagemagick_profile("exif", exif), zip=True)
    png_info.add_text("Raw profile type iptc", _imagemagick_profile("IPTC profile", iptc))
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + build_xmp_packet({"city": "Lyon"})
    png_info.add_text("Raw profile type APP1", _imagemagick_profile("APP1", xmp), zip=True)
    path = tmp_path / "magick.png"
    PICTURE.save(path, pnginfo=png_info)
    info = read_image(path)
    assert (info.make, info.model, info.orientation) == ("Canon", "EOS R5", 6)
    assert info.iptc == {"caption": "Caption kept by ImageMagick", "byline": "Ana Costa"}
    assert info.xmp == {"city": "Lyon"}
    assert (info.caption, info.caption_source) == ("Caption kept by ImageMagick", "iptc")
    assert info.warnings == []


def test_png_raw_profile_that_is_not_hex_costs_nothing(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    png_info = PngImagePlugin.PngInfo()
    png_info.add_text("Raw profile type exif", "\nexif\n      8\nnot hex!\n")
    path = tmp_path / "odd.png"
    PICTURE.save(path, pnginfo=png_info)
    info = read_image(path)
    assert (info.format, info.make, info.warnings) == ("PNG", "", [])


def _psd(resources: dict[int, bytes], size: tuple[int, int] = (6, 4)) -> bytes:
    """A minimal RGB PSD: header, image resources (8BIM blocks), raw pixel data."""
    blocks = b""
    for resource_id, data in resources.items():
        blocks += b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00"
        blocks += struct.pack(">I", len(data)) + data + b"\x00" * (len(data) & 1)
    width, height = size
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    return (header + struct.pack(">I", 0) + struct.pack(">I", len(blocks)) + blocks
            + struct.pack(">I", 0) + struct.pack(">H", 0) + b"\x80" * (width * height * 3))


def test_psd_image_resources_give_iptc_xmp_and_exif(tmp_path: Path) -> None:
    iim = build_iim({"caption": "Graphic of the day. REUTERS/Staff", "byline": "Staff"})
    exif = build_exif(make="Adobe", orientation=6, taken_at=datetime(2024, 3, 5, 6, 7, 8))
    packet = build_xmp_packet({"city": "Lyon"})
    info = read_image(write(tmp_path, "g.psd", _psd({0x0404: iim, 0x0422: exif[6:],
                                                      0x0424: packet})))
    assert (info.format, info.width, info.height) == ("PSD", 6, 4)
    assert info.iptc == {"caption": "Graphic of the day. REUTERS/Staff", "byline": "Staff"}
    assert info.xmp == {"city": "Lyon"}
    assert (info.make, info.orientation, info.taken_at) == ("Adobe", 6, "2024-03-05T06:07:08")
    assert info.caption_source == "iptc" and info.warnings == []
    assert read_image(write(tmp_path, "bare.psd", _psd({}))).iptc == {}


def test_tiff_iptc_only_inside_the_photoshop_resources_tag(tmp_path: Path) -> None:
    iim = build_iim({"caption": "Only in the Photoshop tag", "city": "Accra"})
    resources = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim + b"\x00" * (
        len(iim) & 1)
    path = tmp_path / "ps.tif"
    PICTURE.save(path, tiffinfo={34377: resources})
    info = read_image(path)
    assert info.iptc == {"caption": "Only in the Photoshop tag", "city": "Accra"}
    assert (info.caption, info.caption_source, info.warnings) == (
        "Only in the Photoshop tag", "iptc", [])


def test_iptc_date_and_time_created_give_the_taken_date_when_exif_has_none(tmp_path: Path) -> None:
    """As exiftool composes DateTimeOriginal; a date without a time stays only in iptc."""
    both = make_jpeg(PICTURE, iptc=build_iptc_segment({"date_created": "20240305", "time_created": "143005+0100"}))
    info = read_image(write(tmp_path, "both.jpg", both))
    assert (info.taken_at, info.taken_offset, info.iptc["time_created"]) == ("2024-03-05T14:30:05", "+01:00",
                                                                            "14:30:05+01:00")
    day_only = make_jpeg(PICTURE, iptc=build_iptc_segment({"date_created": "20240305"}))
    assert read_image(write(tmp_path, "day.jpg", day_only)).taken_at == ""
    with_exif = make_jpeg(PICTURE, exif=build_exif(taken_at=datetime(2024, 3, 4, 9, 0, 0)),
                          iptc=build_iptc_segment({"date_created": "20240305", "time_created": "143005"}))
    assert read_image(write(tmp_path, "exif.jpg", with_exif)).taken_at == "2024-03-04T09:00:00"
