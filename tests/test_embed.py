"""The metadata writer, checked by reading its output with Pillow and exifread."""

from __future__ import annotations

import io
import struct
from datetime import datetime

import exifread
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image, IptcImagePlugin

from catalog.images.embed import (
    build_exif,
    build_iptc_segment,
    build_xmp_packet,
    build_xmp_segment,
    make_jpeg,
    splice_segments,
)


def _picture(size: tuple[int, int] = (96, 64)) -> Image.Image:
    image = Image.new("RGB", size, (40, 90, 170))
    image.paste((220, 200, 40), (10, 10, 40, 30))
    return image


def _exif_tags(data: bytes) -> dict:
    return exifread.process_file(io.BytesIO(data), details=False)


def _segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment before the scan."""
    found, position = [], 2
    while data[position] == 0xFF and data[position + 1] != 0xDA:
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        found.append((marker, data[position + 4:position + 2 + length]))
        position += 2 + length
    return found


def _dms_to_degrees(tag) -> float:
    d, m, s = (float(v.num) / float(v.den) for v in tag.values)
    return d + m / 60 + s / 3600


def test_exif_round_trip_through_exifread():
    exif = build_exif(
        make="Canon", model="EOS R5", lens="RF24-70mm F2.8 L IS USM",
        taken_at=datetime(2023, 1, 7, 14, 3, 11), offset="+02:00", gps=(48.59, 38.0),
        exposure_time=(1, 250), f_number=5.6, iso=400, focal_length=70, orientation=6,
    )
    tags = _exif_tags(make_jpeg(_picture(), exif=exif))
    assert str(tags["Image Make"]) == "Canon"
    assert str(tags["Image Model"]) == "EOS R5"
    assert str(tags["EXIF LensModel"]) == "RF24-70mm F2.8 L IS USM"
    assert str(tags["EXIF DateTimeOriginal"]) == "2023:01:07 14:03:11"
    assert str(tags["EXIF OffsetTimeOriginal"]) == "+02:00"
    assert str(tags["EXIF ExposureTime"]) == "1/250"
    assert str(tags["EXIF FNumber"]) == "28/5"
    assert tags["EXIF ISOSpeedRatings"].values == [400]
    assert str(tags["EXIF FocalLength"]) == "70"
    assert tags["Image Orientation"].values == [6]
    assert str(tags["GPS GPSLatitudeRef"]) == "N"
    assert _dms_to_degrees(tags["GPS GPSLatitude"]) == pytest.approx(48.59, abs=1e-5)
    assert _dms_to_degrees(tags["GPS GPSLongitude"]) == pytest.approx(38.0, abs=1e-5)


@settings(max_examples=60, deadline=None)
@given(st.floats(-89.9, 89.9), st.floats(-179.9, 179.9))
@example(0.9999999, -12.99999999)  # seconds round up to 60: carried into the minutes
def test_any_gps_position_round_trips(lat: float, lon: float):
    tags = _exif_tags(make_jpeg(_picture((16, 16)), exif=build_exif(gps=(lat, lon))))
    minutes, seconds = (v.num / v.den for v in tags["GPS GPSLatitude"].values[1:])
    assert minutes < 60 and seconds < 60
    sign_lat = -1 if str(tags["GPS GPSLatitudeRef"]) == "S" else 1
    sign_lon = -1 if str(tags["GPS GPSLongitudeRef"]) == "W" else 1
    assert sign_lat * _dms_to_degrees(tags["GPS GPSLatitude"]) == pytest.approx(lat, abs=1e-5)
    assert sign_lon * _dms_to_degrees(tags["GPS GPSLongitude"]) == pytest.approx(lon, abs=1e-5)


def test_exif_southern_western_gps_and_absent_fields():
    tags = _exif_tags(make_jpeg(_picture(), exif=build_exif(make="Nikon", gps=(-33.87, -70.65))))
    assert str(tags["GPS GPSLatitudeRef"]) == "S"
    assert str(tags["GPS GPSLongitudeRef"]) == "W"
    assert _dms_to_degrees(tags["GPS GPSLongitude"]) == pytest.approx(70.65, abs=1e-5)
    plain = _exif_tags(make_jpeg(_picture(), exif=build_exif(make="Nikon")))
    assert "GPS GPSLatitude" not in plain
    assert "EXIF DateTimeOriginal" not in plain
    assert "EXIF OffsetTimeOriginal" not in plain


def test_embedded_thumbnail_is_a_small_jpeg():
    data = make_jpeg(_picture((640, 427)), exif=build_exif(make="Sony"), thumbnail=True)
    tags = exifread.process_file(io.BytesIO(data))
    assert str(tags["Image Make"]) == "Sony"
    thumb = Image.open(io.BytesIO(tags["JPEGThumbnail"]))
    assert thumb.format == "JPEG"
    assert thumb.size == (160, 107)
    no_thumb = exifread.process_file(io.BytesIO(make_jpeg(_picture(), exif=build_exif())))
    assert "JPEGThumbnail" not in no_thumb


def test_iptc_utf8_round_trip_through_pillow():
    fields = {
        "caption": "Zoë Müller waves in Kraków, Poland, May 2, 2024. REUTERS/Zoë Müller",
        "byline": "Zoë Müller", "credit": "REUTERS", "source": "Reuters", "city": "Kraków",
        "region": "Lesser Poland", "country": "Poland", "country_code": "POL",
        "date_created": "2024-05-02", "time_created": "101500+0200", "headline": "Wave",
        "keywords": ["POLAND", "PEOPLE"], "instructions": "EDITORIAL USE ONLY",
        "object_name": "POLAND-WAVE", "transmission_ref": "XYZ123",
    }
    image = Image.open(io.BytesIO(make_jpeg(_picture(), iptc=build_iptc_segment(fields))))
    info = IptcImagePlugin.getiptcinfo(image)
    assert info[(1, 90)] == b"\x1b%G"
    assert info[(2, 0)] == b"\x00\x04"
    assert info[(2, 120)].decode("utf-8") == fields["caption"]
    assert info[(2, 80)].decode("utf-8") == "Zoë Müller"
    assert info[(2, 90)].decode("utf-8") == "Kraków"
    assert info[(2, 55)] == b"20240502"
    assert info[(2, 25)] == [b"POLAND", b"PEOPLE"]
    assert info[(2, 5)] == b"POLAND-WAVE"
    assert info[(2, 103)] == b"XYZ123"


def test_iptc_latin1_has_no_charset_record():
    segment = build_iptc_segment({"caption": "Señora García in Málaga"}, utf8=False)
    info = IptcImagePlugin.getiptcinfo(Image.open(io.BytesIO(make_jpeg(_picture(), iptc=segment))))
    assert (1, 90) not in info
    assert info[(2, 120)] == "Señora García in Málaga".encode("latin-1")


def test_iptc_unknown_field_and_unencodable_text_are_refused():
    with pytest.raises(KeyError):
        build_iptc_segment({"captions": "x"})
    with pytest.raises(UnicodeEncodeError):
        build_iptc_segment({"caption": "Київ"}, utf8=False)


def test_split_iptc_is_cut_short_by_pillow_and_whole_when_joined():
    caption = "A long caption " * 40
    data = make_jpeg(_picture(), iptc=build_iptc_segment({"caption": caption}, split=True))
    app13 = [payload for marker, payload in _segments(data) if marker == 0xED]
    assert len(app13) == 2 and all(p.startswith(b"Photoshop 3.0\x00") for p in app13)
    pillow_caption = IptcImagePlugin.getiptcinfo(Image.open(io.BytesIO(data)))[(2, 120)]
    assert len(pillow_caption) < len(caption)
    joined = app13[0][14:] + app13[1][14:]
    assert caption.encode() in joined


def test_xmp_round_trip_through_pillow():
    fields = {
        "caption": "Fans cheer <loudly> & sing in Lyon", "byline": ["Ana Costa", "Li Wei"],
        "keywords": ["SOCCER", "FANS"], "city": "Lyon", "region": "Rhône", "country": "France",
        "country_code": "FR", "credit": "REUTERS", "source": "Reuters",
        "date_created": "20240305", "headline": "Fans", "instructions": "NO RESALES",
        "transmission_ref": "LYO01", "object_name": "SOCCER-FRANCE",
    }
    image = Image.open(io.BytesIO(make_jpeg(_picture(), xmp=build_xmp_segment(fields))))
    desc = image.getxmp()["xmpmeta"]["RDF"]["Description"]
    assert desc["description"]["Alt"]["li"]["text"] == fields["caption"]
    assert desc["creator"]["Seq"]["li"] == ["Ana Costa", "Li Wei"]
    assert desc["subject"]["Bag"]["li"] == ["SOCCER", "FANS"]
    assert desc["City"] == "Lyon" and desc["State"] == "Rhône" and desc["Country"] == "France"
    assert desc["CountryCode"] == "FR"
    assert desc["Credit"] == "REUTERS" and desc["Source"] == "Reuters"
    assert desc["DateCreated"] == "2024-03-05"
    assert desc["TransmissionReference"] == "LYO01"
    assert desc["title"]["Alt"]["li"]["text"] == "SOCCER-FRANCE"


def test_bare_xmp_packet_is_wrapped_and_segments_sit_before_the_tables():
    data = make_jpeg(
        _picture(), exif=build_exif(make="Fujifilm"), xmp=build_xmp_packet({"city": "Oslo"}),
        iptc=build_iptc_segment({"city": "Oslo"}),
    )
    markers = [marker for marker, _ in _segments(data)]
    assert markers[:4] == [0xE0, 0xE1, 0xE1, 0xED]
    assert 0xDB in markers  # the quantisation tables follow our segments
    image = Image.open(io.BytesIO(data))
    image.load()  # still a decodable JPEG
    assert image.getxmp()["xmpmeta"]["RDF"]["Description"]["City"] == "Oslo"
    assert image.getexif()[0x010F] == "Fujifilm"


def test_make_jpeg_is_deterministic_and_splice_refuses_non_jpeg():
    def build() -> bytes:
        return make_jpeg(_picture(), exif=build_exif(make="Canon"), thumbnail=True,
                         iptc=build_iptc_segment({"caption": "x"}))

    assert build() == build()
    with pytest.raises(ValueError):
        splice_segments(b"\x89PNG\r\n", b"")


_caption_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300
).filter(lambda text: text.strip() == text and text != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_caption_text)
def test_any_caption_round_trips_in_iptc_and_xmp(text: str):
    data = make_jpeg(
        _picture((16, 16)), iptc=build_iptc_segment({"caption": text}),
        xmp=build_xmp_segment({"caption": text}),
    )
    image = Image.open(io.BytesIO(data))
    assert IptcImagePlugin.getiptcinfo(image)[(2, 120)].decode("utf-8") == text
    assert image.getxmp()["xmpmeta"]["RDF"]["Description"]["description"]["Alt"]["li"][
        "text"
    ] == text


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF,
                                      blacklist_categories=("Cc",)), min_size=1, max_size=300))
def test_any_latin1_caption_round_trips(text: str):
    data = make_jpeg(_picture((16, 16)), iptc=build_iptc_segment({"caption": text}, utf8=False))
    info = IptcImagePlugin.getiptcinfo(Image.open(io.BytesIO(data)))
    assert info[(2, 120)].decode("latin-1") == text
