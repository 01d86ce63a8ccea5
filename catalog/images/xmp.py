"""XMP: parse a packet with defusedxml (no entities, no external references) into IPTC-style keys."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
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
    if isinstance(packet, bytes):
        packet = packet.rstrip(b"\x00 \t\r\n")
    else:
        packet = packet.rstrip("\x00 \t\r\n")
    root = fromstring(packet)
    fields: dict[str, Any] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for name, value in description.attrib.items():
            key = PROPERTY_KEYS.get(name)
            if key and key not in fields and value.strip():
                fields[key] = [value.strip()] if key in LIST_KEYS else value.strip()
        for child in description:
            key = PROPERTY_KEYS.get(child.tag)
            if key is None or key in fields:
                continue
            values = _property_values(child)
            if not values:
                continue
            if key in LIST_KEYS:
                fields[key] = values
            elif key == "byline":
                fields[key] = "; ".join(values)
            else:
                fields[key] = values[0]
    return fields


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
