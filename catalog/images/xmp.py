"""XMP: parse a packet with defusedxml (no entities, no external references) into IPTC-style keys."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml.ElementTree import fromstring

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
TIFF = "http://ns.adobe.com/tiff/1.0/"
EXIF = "http://ns.adobe.com/exif/1.0/"
EXIF_EX = "http://cipa.jp/exif/1.0/"
AUX = "http://ns.adobe.com/exif/1.0/aux/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"

# XMP property (Clark notation) -> key in ImageInfo.xmp, the same keys as ImageInfo.iptc.
PROPERTY_KEYS: dict[str, str] = {
    f"{{{DC}}}description": "caption",
    f"{{{DC}}}creator": "byline",
    f"{{{DC}}}subject": "keywords",
    f"{{{DC}}}title": "object_name",
    f"{{{PHOTOSHOP}}}Headline": "headline",
    f"{{{PHOTOSHOP}}}Credit": "credit",
    f"{{{PHOTOSHOP}}}Source": "source",
    f"{{{PHOTOSHOP}}}City": "city",
    f"{{{PHOTOSHOP}}}State": "region",
    f"{{{PHOTOSHOP}}}Country": "country",
    f"{{{PHOTOSHOP}}}DateCreated": "date_created",
    f"{{{PHOTOSHOP}}}Instructions": "instructions",
    f"{{{PHOTOSHOP}}}TransmissionReference": "transmission_ref",
    f"{{{IPTC_CORE}}}CountryCode": "country_code",
}
LIST_KEYS = {"keywords"}
# Camera properties that editing software copies into XMP: used only when EXIF lacks them.
CAMERA_KEYS: dict[str, str] = {
    f"{{{TIFF}}}Make": "make",
    f"{{{TIFF}}}Model": "model",
    f"{{{EXIF_EX}}}LensModel": "lens",
    f"{{{AUX}}}Lens": "lens",
    f"{{{EXIF}}}DateTimeOriginal": "date_original",
    f"{{{TIFF}}}Orientation": "orientation",
    f"{{{EXIF}}}ExposureTime": "exposure_time",
    f"{{{EXIF}}}FNumber": "f_number",
    f"{{{EXIF}}}FocalLength": "focal_length",
    f"{{{EXIF}}}ISOSpeedRatings": "iso",
    f"{{{EXIF_EX}}}PhotographicSensitivity": "iso",
    f"{{{EXIF}}}GPSLatitude": "gps_lat",
    f"{{{EXIF}}}GPSLongitude": "gps_lon",
}
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XMP_DATE = re.compile(  # ISO 8601, or EXIF's "2021:08:19 18:48:53" as some writers copy it
    r"^(\d{4})[-:](\d{2})[-:](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$"
)
_CONTAINERS = {f"{{{RDF}}}Alt", f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"}


def packet_from_jpeg_segments(app1_payloads: list[bytes]) -> bytes | None:
    """The standard XMP packet among a JPEG's APP1 payloads, or None."""
    for payload in app1_payloads:
        if payload.startswith(XMP_JPEG_HEADER):
            return payload[len(XMP_JPEG_HEADER):]
    return None


def parse_xmp(packet: bytes | str) -> dict[str, Any]:
    """Read caption, creator, credit, place, date and keywords from an XMP packet.

    Raises the parser's own errors (``xml.etree.ElementTree.ParseError``,
    ``defusedxml.DefusedXmlException``) for the caller's fence to record.
    """
    return parse_xmp_with_camera(packet)[0]


def parse_xmp_with_camera(
    packet: bytes | str, notes: list[str] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """``parse_xmp``'s fields, and the camera properties (make, model, lens, date_original,
    orientation).

    A packet that is not well-formed only because of control characters or bytes around the
    ``x:xmpmeta`` element (both seen from cameras) is read once more without them, with a
    note in ``notes``.
    """
    data = packet.encode("utf-8") if isinstance(packet, str) else bytes(packet)
    data = data.rstrip(b"\x00 \t\r\n")
    try:
        root = fromstring(data)
    except ParseError:
        salvaged = _salvage(data)
        if salvaged is None or salvaged == data:
            raise
        root = fromstring(salvaged)
        if notes is not None:
            notes.append("XMP packet was not well-formed; read after removing stray bytes")
    fields: dict[str, Any] = {}
    camera: dict[str, str] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for name, value in description.attrib.items():
            _keep(fields, camera, name, [value.strip()] if value.strip() else [])
        for child in description:
            if child.tag in PROPERTY_KEYS or child.tag in CAMERA_KEYS:
                _keep(fields, camera, child.tag, _property_values(child))
    return fields, camera


def _salvage(data: bytes) -> bytes | None:
    """The xmpmeta (or rdf:RDF) element alone, without control characters; None if absent."""
    for opening, closing in ((b"<x:xmpmeta", b"</x:xmpmeta>"), (b"<rdf:RDF", b"</rdf:RDF>")):
        start, end = data.find(opening), data.rfind(closing)
        if start != -1 and end > start:
            return _CONTROL_BYTES.sub(b"", data[start:end + len(closing)])
    return None


def _keep(fields: dict[str, Any], camera: dict[str, str], name: str, values: list[str]) -> None:
    """Store one property's values under its key; the first occurrence wins."""
    if not values:
        return
    if name in CAMERA_KEYS:
        camera.setdefault(CAMERA_KEYS[name], values[0])
        return
    key = PROPERTY_KEYS.get(name)
    if key is None or key in fields:
        return
    if key in LIST_KEYS:
        fields[key] = values
    elif key == "byline":
        fields[key] = "; ".join(values)
    else:
        fields[key] = values[0]


def xmp_date_to_iso(written: str) -> tuple[str, str]:
    """``2023-01-07T14:03:11+02:00`` -> (``2023-01-07T14:03:11``, ``+02:00``); ("", "") if odd.

    EXIF's own spelling, ``2023:01:07 14:03:11``, is read too.
    """
    match = _XMP_DATE.match(written.strip())
    if not match:
        return "", ""
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute),
                          int(second or 0))
    except ValueError:
        return "", ""
    offset = "+00:00" if zone == "Z" else (zone or "")
    return moment.isoformat(), offset


def _property_values(prop: Element) -> list[str]:
    """The text of a simple property, or of an rdf:Alt/Seq/Bag's items (x-default first)."""
    container = next((node for node in prop if node.tag in _CONTAINERS), None)
    if container is None:
        text = (prop.text or "").strip()
        return [text] if text else []
    items = [item for item in container if item.tag == f"{{{RDF}}}li"]
    if container.tag == f"{{{RDF}}}Alt":
        items.sort(key=lambda item: item.get(XML_LANG) != "x-default")
    return [text for text in ((item.text or "").strip() for item in items) if text]
