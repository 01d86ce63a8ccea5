"""IPTC-IIM: find the block (JPEG APP13 / Photoshop resource 0x0404, or Pillow for TIFF) and decode it.

Pillow parses each APP13 segment on its own, so an IIM block that a writer split across two
segments comes back cut short; here the segments' payloads are joined first, the way the
Photoshop resource stream was written, and then walked.
"""

from __future__ import annotations

import re
import struct
from typing import Any

PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
IIM_RESOURCE_ID = 0x0404
UTF8_ESCAPE = b"\x1b%G"
# Photoshop writes 8BIM; ImageReady and older tools wrote these other resource signatures.
RESOURCE_SIGNATURES = {b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa"}

# Record 2 datasets we keep, by the key used in ImageInfo.iptc (and ImageInfo.xmp).
DATASET_KEYS: dict[int, str] = {
    5: "object_name",
    25: "keywords",
    40: "instructions",
    55: "date_created",
    60: "time_created",
    80: "byline",
    90: "city",
    95: "region",
    100: "country_code",
    101: "country",
    103: "transmission_ref",
    105: "headline",
    110: "credit",
    115: "source",
    120: "caption",
}
REPEATABLE = {"keywords", "byline"}
_IIM_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")

Dataset = tuple[int, int, bytes]


def join_photoshop_segments(app13_payloads: list[bytes]) -> bytes:
    """Concatenate the resource streams of every ``Photoshop 3.0`` APP13 segment, in file order."""
    return b"".join(
        payload[len(PHOTOSHOP_HEADER):]
        for payload in app13_payloads
        if payload.startswith(PHOTOSHOP_HEADER)
    )


def find_iim_block(resources: bytes, warnings: list[str]) -> bytes | None:
    """Return the data of the IPTC-NAA resource (0x0404) in a Photoshop resource stream."""
    offset = 0
    while resources[offset:offset + 4] in RESOURCE_SIGNATURES and offset + 7 <= len(resources):
        (code,) = struct.unpack_from(">H", resources, offset + 4)
        name_len = resources[offset + 6]
        offset += 7 + name_len
        offset += offset & 1  # the name field is padded to an even length
        if offset + 4 > len(resources):
            break
        (size,) = struct.unpack_from(">I", resources, offset)
        offset += 4
        data = resources[offset:offset + size]
        if code == IIM_RESOURCE_ID:
            if len(data) < size:
                warnings.append(
                    f"IPTC block is cut short: {size} bytes declared, {len(data)} found"
                )
            return data
        offset += size + (size & 1)
    return None


def parse_datasets(block: bytes) -> list[Dataset]:
    """Split an IIM block into (record, dataset, value) triples; stops quietly at junk or the end."""
    datasets: list[Dataset] = []
    offset = 0
    while offset + 5 <= len(block) and block[offset] == 0x1C:
        record, number = block[offset + 1], block[offset + 2]
        (length,) = struct.unpack_from(">H", block, offset + 3)
        offset += 5
        if length & 0x8000:  # extended dataset: the low bits give the size of the length field
            width = length & 0x7FFF
            if width > 8 or offset + width > len(block):
                break
            length = int.from_bytes(block[offset:offset + width], "big")
            offset += width
        datasets.append((record, number, block[offset:offset + length]))
        offset += length
    return datasets


def decode_iim_text(raw: bytes, declared_utf8: bool) -> str:
    """Decode one IIM value: UTF-8 when 1:90 says so (or the bytes are valid UTF-8), else Latin-1.

    Latin-1 here is read as Windows-1252 where it defines a character (curly quotes, dashes),
    which is what newsroom systems that write undeclared IIM actually mean.
    """
    if declared_utf8 or not raw.isascii():
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def iim_date_to_iso(value: str) -> str:
    """``20230107`` -> ``2023-01-07``; anything else is kept as written."""
    match = _IIM_DATE.match(value.strip())
    if not match:
        return value.strip()
    return "-".join(match.groups())


_IIM_TIME = re.compile(r"^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$")


def iim_time_to_iso(value: str) -> str:
    """``150020+0100`` -> ``15:00:20+01:00``; anything else is kept as written."""
    match = _IIM_TIME.match(value.strip())
    if not match:
        return value.strip()
    hh, mm, ss, sign, oh, om = match.groups()
    return f"{hh}:{mm}:{ss}" + (f"{sign}{oh}:{om}" if sign else "")


def fields_from_datasets(datasets: list[Dataset], warnings: list[str]) -> dict[str, Any]:
    """Map IIM datasets to ImageInfo.iptc keys, decoding by the 1:90 coded character set."""
    declared_utf8 = any(
        record == 1 and number == 90 and UTF8_ESCAPE in value
        for record, number, value in datasets
    )
    if not declared_utf8 and any(
        not value.isascii() and _valid_utf8(value) for record, number, value in datasets
    ):
        warnings.append("IPTC text is UTF-8 without the 1:90 declaration; read as UTF-8")
    fields: dict[str, Any] = {}
    for record, number, value in datasets:
        key = DATASET_KEYS.get(number) if record == 2 else None
        if key is None:
            continue
        text = decode_iim_text(value, declared_utf8).replace("\x00", "").strip()
        if declared_utf8 and not _valid_utf8(value):
            warnings.append(f"IPTC {key} is declared UTF-8 but is not; read as Latin-1")
        if not text:
            continue
        if key in REPEATABLE:
            fields.setdefault(key, []).append(text)
        elif key not in fields:
            fields[key] = (iim_date_to_iso(text) if key == "date_created"
                           else iim_time_to_iso(text) if key == "time_created" else text)
    if "byline" in fields:
        fields["byline"] = "; ".join(fields["byline"])
    return fields


def _valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def datasets_from_pillow(info: dict[tuple[int, int], bytes | list[bytes]]) -> list[Dataset]:
    """Turn the dict of Pillow's ``IptcImagePlugin.getiptcinfo`` into dataset triples."""
    datasets: list[Dataset] = []
    for (record, number), value in info.items():
        values = value if isinstance(value, list) else [value]
        datasets.extend((record, number, bytes(item)) for item in values)
    return datasets


def fields_from_block(block: bytes, warnings: list[str]) -> dict[str, Any]:
    """IPTC fields from a block of IIM datasets (as APP13, a TIFF tag or a trailer holds them)."""
    return fields_from_datasets(parse_datasets(block), warnings)


def read_jpeg_iptc(app13_payloads: list[bytes], warnings: list[str]) -> dict[str, Any]:
    """IPTC fields from a JPEG's APP13 segments (joined, so a split block reads whole)."""
    resources = join_photoshop_segments(app13_payloads)
    if not resources:
        return {}
    block = find_iim_block(resources, warnings)
    if not block:
        return {}
    return fields_from_block(block, warnings)
