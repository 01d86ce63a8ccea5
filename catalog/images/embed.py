"""Write metadata into JPEGs: EXIF (through Pillow), IPTC-IIM (APP13) and XMP (APP1).

The sample archive, the tests and the import benchmark use this to make files that carry
the same kinds of metadata a wire photo does. Pillow has no IPTC or XMP writer, so those
segments are built here and spliced into Pillow's JPEG output.

Field names are shared by :func:`build_iptc_segment` and :func:`build_xmp_packet`:
caption, byline, credit, source, city, region, country, country_code, date_created,
time_created, headline, keywords, instructions, object_name, transmission_ref.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from fractions import Fraction
from xml.sax.saxutils import escape

from PIL import Image, ImageOps
from PIL.TiffImagePlugin import IFDRational

FieldValue = str | Sequence[str] | date

# IPTC-IIM record 2 datasets by friendly name (IPTC IIM 4.2).
IIM_DATASETS: dict[str, int] = {
    "object_name": 5,
    "keywords": 25,
    "instructions": 40,
    "date_created": 55,
    "time_created": 60,
    "byline": 80,
    "city": 90,
    "region": 95,
    "country_code": 100,
    "country": 101,
    "transmission_ref": 103,
    "headline": 105,
    "credit": 110,
    "source": 115,
    "caption": 120,
}
UTF8_ESCAPE = b"\x1b%G"  # record 1:90, "coded character set": ISO 2022 escape for UTF-8
PHOTOSHOP_ID = b"Photoshop 3.0\x00"
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
IPTC_RESOURCE = 0x0404
EXIF_IFD = 0x8769
GPS_IFD = 0x8825

# XMP properties by friendly name: (qualified name, container or "" for a simple value).
XMP_PROPERTIES: dict[str, tuple[str, str]] = {
    "caption": ("dc:description", "Alt"),
    "object_name": ("dc:title", "Alt"),
    "byline": ("dc:creator", "Seq"),
    "keywords": ("dc:subject", "Bag"),
    "city": ("photoshop:City", ""),
    "region": ("photoshop:State", ""),
    "country": ("photoshop:Country", ""),
    "country_code": ("Iptc4xmpCore:CountryCode", ""),
    "credit": ("photoshop:Credit", ""),
    "source": ("photoshop:Source", ""),
    "date_created": ("photoshop:DateCreated", ""),
    "headline": ("photoshop:Headline", ""),
    "instructions": ("photoshop:Instructions", ""),
    "transmission_ref": ("photoshop:TransmissionReference", ""),
}
XMP_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}


# --------------------------------------------------------------------------- EXIF


def _rational(value: float | Fraction | tuple[int, int]) -> IFDRational:
    if isinstance(value, tuple):
        return IFDRational(value[0], value[1])
    fraction = Fraction(value).limit_denominator(10000)
    return IFDRational(fraction.numerator, fraction.denominator)


def _dms(degrees: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Degrees as (deg, min, sec) rationals, seconds to 1/100."""
    degrees = abs(degrees)
    whole = int(degrees)
    minutes_float = (degrees - whole) * 60
    minutes = int(minutes_float)
    seconds = round((minutes_float - minutes) * 60 * 100)
    if seconds == 6000:  # rounding reached a whole minute: carry it
        seconds, minutes = 0, minutes + 1
    if minutes == 60:
        minutes, whole = 0, whole + 1
    return IFDRational(whole, 1), IFDRational(minutes, 1), IFDRational(seconds, 100)


def build_exif(
    *,
    make: str | None = None,
    model: str | None = None,
    lens: str | None = None,
    taken_at: datetime | None = None,
    offset: str | None = None,
    gps: tuple[float, float] | None = None,
    gps_altitude: float | None = None,
    exposure_time: tuple[int, int] | None = None,
    f_number: float | None = None,
    iso: int | None = None,
    focal_length: float | None = None,
    orientation: int | None = None,
    software: str | None = None,
    artist: str | None = None,
    copyright: str | None = None,
    image_size: tuple[int, int] | None = None,
) -> bytes:
    """EXIF as the bytes of an APP1 payload ("Exif\\0\\0" + TIFF), ready for ``make_jpeg``.

    ``offset`` is the OffsetTimeOriginal text such as ``"+02:00"``; ``gps`` is decimal
    degrees (south and west negative); ``exposure_time`` is a fraction ``(1, 250)``;
    ``image_size`` fills ExifImageWidth/Height. The resolution, version and colour-space
    tags EXIF 2.32 asks of a JPEG are always written.
    """
    exif = Image.Exif()
    exif[0x011A] = IFDRational(72, 1)  # XResolution
    exif[0x011B] = IFDRational(72, 1)  # YResolution
    exif[0x0128] = 2  # ResolutionUnit: inches
    exif[0x0213] = 1  # YCbCrPositioning: centred
    for tag, value in ((0x010F, make), (0x0110, model), (0x0131, software),
                       (0x013B, artist), (0x8298, copyright)):
        if value is not None:
            exif[tag] = value
    if orientation is not None:
        exif[0x0112] = orientation
    if taken_at is not None:
        exif[0x0132] = taken_at.strftime("%Y:%m:%d %H:%M:%S")

    sub = exif.get_ifd(EXIF_IFD)
    sub[0x9000] = b"0232"  # ExifVersion
    sub[0xA000] = b"0100"  # FlashpixVersion
    sub[0xA001] = 1  # ColorSpace: sRGB
    if image_size is not None:
        sub[0xA002], sub[0xA003] = image_size  # ExifImageWidth, ExifImageHeight
    if taken_at is not None:
        stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        sub[0x9003] = stamp  # DateTimeOriginal
        sub[0x9004] = stamp  # DateTimeDigitized
    if offset is not None:
        sub[0x9010] = offset  # OffsetTime
        sub[0x9011] = offset  # OffsetTimeOriginal
    if exposure_time is not None:
        sub[0x829A] = _rational(exposure_time)
    if f_number is not None:
        sub[0x829D] = _rational(f_number)
    if iso is not None:
        sub[0x8827] = iso
    if focal_length is not None:
        sub[0x920A] = _rational(focal_length)
    if lens is not None:
        sub[0xA434] = lens

    if gps is not None:
        lat, lon = gps
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[0x0000] = b"\x02\x03\x00\x00"
        gps_ifd[0x0001] = "N" if lat >= 0 else "S"
        gps_ifd[0x0002] = _dms(lat)
        gps_ifd[0x0003] = "E" if lon >= 0 else "W"
        gps_ifd[0x0004] = _dms(lon)
        if gps_altitude is not None:
            gps_ifd[0x0005] = b"\x00" if gps_altitude >= 0 else b"\x01"
            gps_ifd[0x0006] = _rational(abs(gps_altitude))
    return exif.tobytes()


def add_exif_thumbnail(exif: bytes, thumbnail_jpeg: bytes) -> bytes:
    """Return ``exif`` with an IFD1 that holds ``thumbnail_jpeg`` (JPEGInterchangeFormat).

    Pillow writes only IFD0 and its sub-IFDs, so IFD1 is appended here and IFD0's
    next-IFD pointer is patched to reach it.
    """
    if not exif.startswith(b"Exif\x00\x00"):
        raise ValueError("not an EXIF APP1 payload")
    tiff = bytearray(exif[6:])
    endian = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[ifd0:ifd0 + 2])[0]
    next_pointer = ifd0 + 2 + 12 * count
    if len(tiff) % 2:
        tiff += b"\x00"
    ifd1 = len(tiff)
    entries = 6
    resolution = ifd1 + 2 + 12 * entries + 4  # two RATIONALs (72/1), then the JPEG
    data_offset = resolution + 16
    tiff[next_pointer:next_pointer + 4] = struct.pack(endian + "I", ifd1)
    tiff += struct.pack(endian + "H", entries)
    tiff += struct.pack(endian + "HHIHH", 0x0103, 3, 1, 6, 0)  # Compression: JPEG
    tiff += struct.pack(endian + "HHII", 0x011A, 5, 1, resolution)  # XResolution
    tiff += struct.pack(endian + "HHII", 0x011B, 5, 1, resolution + 8)  # YResolution
    tiff += struct.pack(endian + "HHIHH", 0x0128, 3, 1, 2, 0)  # ResolutionUnit: inches
    tiff += struct.pack(endian + "HHII", 0x0201, 4, 1, data_offset)
    tiff += struct.pack(endian + "HHII", 0x0202, 4, 1, len(thumbnail_jpeg))
    tiff += b"\x00\x00\x00\x00"
    tiff += struct.pack(endian + "IIII", 72, 1, 72, 1)
    tiff += thumbnail_jpeg
    return b"Exif\x00\x00" + bytes(tiff)


# --------------------------------------------------------------------------- IPTC-IIM


def _as_list(value: FieldValue) -> list[str]:
    if isinstance(value, date):
        return [value.strftime("%Y%m%d")]
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def _iim_dataset(record: int, number: int, data: bytes) -> bytes:
    if len(data) >= 0x8000:
        raise ValueError(f"IIM dataset {record}:{number} too long ({len(data)} bytes)")
    return struct.pack(">BBBH", 0x1C, record, number, len(data)) + data


def build_iim(fields: Mapping[str, FieldValue], *, utf8: bool = True) -> bytes:
    """The raw IIM datasets (records 1 and 2) for ``fields``, by friendly name."""
    encoding = "utf-8" if utf8 else "latin-1"
    out = bytearray()
    if utf8:
        out += _iim_dataset(1, 90, UTF8_ESCAPE)
    out += _iim_dataset(2, 0, b"\x00\x04")
    for name, value in fields.items():
        if name not in IIM_DATASETS:
            raise KeyError(f"unknown IPTC field {name!r}")
        for item in _as_list(value):
            if name == "date_created":
                item = item.replace("-", "")
            out += _iim_dataset(2, IIM_DATASETS[name], item.encode(encoding))
    return bytes(out)


def _resource(resource_id: int, data: bytes) -> bytes:
    """One Photoshop image resource block ("8BIM", id, empty name, size, data, pad)."""
    block = b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00"
    block += struct.pack(">I", len(data)) + data
    return block + (b"\x00" if len(data) % 2 else b"")


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise ValueError(f"segment payload too long ({len(payload)} bytes)")
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def build_iptc_segment(
    fields: Mapping[str, FieldValue], *, utf8: bool = True, split: bool = False
) -> bytes:
    """A complete APP13 segment ("Photoshop 3.0" + 8BIM 0x0404) holding IIM ``fields``.

    ``utf8=False`` encodes Latin-1 and leaves out record 1:90. ``split=True`` cuts the
    resource in the middle of its data and carries the rest in a second APP13 segment,
    as writers do for blocks over 64 KB; a reader must join the two.
    """
    resources = _resource(IPTC_RESOURCE, build_iim(fields, utf8=utf8))
    if not split:
        return _segment(0xED, PHOTOSHOP_ID + resources)
    cut = 12 + (len(resources) - 12) // 2
    return _segment(0xED, PHOTOSHOP_ID + resources[:cut]) + _segment(
        0xED, PHOTOSHOP_ID + resources[cut:]
    )


# --------------------------------------------------------------------------- XMP


def _xmp_value(name: str, value: FieldValue) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if name == "date_created" and isinstance(value, str) and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value if isinstance(value, str) else "; ".join(value)


def build_xmp_packet(fields: Mapping[str, FieldValue]) -> bytes:
    """An XMP packet (UTF-8) with the Dublin Core / Photoshop / IPTC Core properties."""
    lines = []
    for name, value in fields.items():
        if name not in XMP_PROPERTIES:
            raise KeyError(f"unknown XMP field {name!r}")
        qname, container = XMP_PROPERTIES[name]
        if container == "":
            lines.append(f"   <{qname}>{escape(_xmp_value(name, value))}</{qname}>")
            continue
        items = [value] if isinstance(value, str) else list(value)
        if container == "Alt":
            items_xml = "".join(
                f'<rdf:li xml:lang="x-default">{escape(item)}</rdf:li>' for item in items[:1]
            )
        else:
            items_xml = "".join(f"<rdf:li>{escape(item)}</rdf:li>" for item in items)
        lines.append(f"   <{qname}><rdf:{container}>{items_xml}</rdf:{container}></{qname}>")
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in XMP_NAMESPACES.items())
    packet = "\n".join(
        [
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            f'  <rdf:Description rdf:about="" {namespaces}>',
            *lines,
            "  </rdf:Description>",
            " </rdf:RDF>",
            "</x:xmpmeta>",
            '<?xpacket end="w"?>',
        ]
    )
    return packet.encode("utf-8")


def build_xmp_segment(fields: Mapping[str, FieldValue]) -> bytes:
    """A complete APP1 segment carrying the XMP packet for ``fields``."""
    return _segment(0xE1, XMP_ID + build_xmp_packet(fields))


# --------------------------------------------------------------------------- JPEG


def splice_segments(jpeg: bytes, segments: bytes) -> bytes:
    """Insert ready-made ``segments`` after SOI and the leading APP0/APP1 segments."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG (no SOI marker)")
    position = 2
    while position + 4 <= len(jpeg) and jpeg[position] == 0xFF:
        marker = jpeg[position + 1]
        if marker not in (0xE0, 0xE1):
            break
        length = struct.unpack(">H", jpeg[position + 2:position + 4])[0]
        position += 2 + length
    return jpeg[:position] + segments + jpeg[position:]


def _thumbnail_jpeg(image: Image.Image, size: tuple[int, int] = (160, 120)) -> bytes:
    thumb = ImageOps.contain(image.convert("RGB"), size)
    buffer = io.BytesIO()
    thumb.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def make_jpeg(
    image: Image.Image,
    *,
    exif: bytes | None = None,
    iptc: bytes | None = None,
    xmp: bytes | None = None,
    quality: int = 85,
    thumbnail: bool = False,
) -> bytes:
    """Encode ``image`` as JPEG with the given EXIF payload and APP13/APP1 segments.

    ``exif`` comes from :func:`build_exif`; ``iptc`` and ``xmp`` are whole segments from
    :func:`build_iptc_segment` and :func:`build_xmp_segment` (a bare XMP packet is
    wrapped). ``thumbnail=True`` embeds
    a small EXIF preview (IFD1), adding a minimal EXIF block if none was given.
    """
    if thumbnail:
        exif = add_exif_thumbnail(exif or build_exif(), _thumbnail_jpeg(image))
    buffer = io.BytesIO()
    options: dict[str, object] = {"quality": quality}
    if exif is not None:
        options["exif"] = exif
    image.convert("RGB").save(buffer, "JPEG", **options)
    if xmp is not None and not xmp.startswith(b"\xff\xe1"):
        xmp = _segment(0xE1, XMP_ID + xmp)  # a bare packet from build_xmp_packet
    extra = (xmp or b"") + (iptc or b"")
    return splice_segments(buffer.getvalue(), extra) if extra else buffer.getvalue()
