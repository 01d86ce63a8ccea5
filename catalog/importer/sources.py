"""Where a caption comes from when the file carries none: sidecars and manifests.

The order is fixed (see DESIGN.md): the file's own IPTC/XMP (``read_image``
already prefers XMP), else a sidecar ``name.txt``, else a sidecar ``name.xmp``,
else a row of the ``--manifest`` CSV.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

_DC = "{http://purl.org/dc/elements/1.1/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
#: A sidecar larger than this is not a caption; it is not read.
MAX_SIDECAR_BYTES = 1_000_000


def load_manifest(manifest: str | os.PathLike[str]) -> dict[str, str]:
    """Read a CSV with columns ``filename,caption`` into {absolute path: caption}.

    File names are relative to the manifest's own folder. Raises OSError or
    ValueError (with a plain reason) when the manifest itself is unusable.
    """
    base = Path(os.path.abspath(manifest)).parent
    out: dict[str, str] = {}
    with open(manifest, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            fields = {name.strip().lower() for name in reader.fieldnames or ()}
            if not {"filename", "caption"} <= fields:
                raise ValueError(f"{manifest}: a manifest needs the columns filename,caption")
            for row in reader:
                norm = {(k or "").strip().lower(): v for k, v in row.items()}
                name = (norm["filename"] or "").strip()
                caption = (norm["caption"] or "").strip()
                if name and caption:
                    out[os.path.normpath(base / name)] = caption
        except csv.Error as exc:
            raise ValueError(f"{manifest}, line {reader.line_num}: {exc}") from exc
    return out


def sidecar_caption(path: str) -> tuple[str, str]:
    """(caption, source) from ``name.txt`` or ``name.xmp`` beside ``path``; ("", "") if none.

    Both ``photo.txt`` and ``photo.jpg.txt`` are accepted.
    """
    stem, _ = os.path.splitext(path)
    for candidate in (stem + ".txt", path + ".txt"):
        text = _read_small_text(candidate)
        if text:
            return text, "sidecar"
    for candidate in (stem + ".xmp", stem + ".XMP", path + ".xmp"):
        raw = _read_small_text(candidate)
        if raw:
            text = xmp_description(raw)
            if text:
                return text, "sidecar_xmp"
    return "", ""


def _read_small_text(path: str) -> str:
    try:
        if os.path.getsize(path) > MAX_SIDECAR_BYTES:
            return ""
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:  # no sidecar, or one we cannot read: the caption stays unknown
        return ""
    try:
        return data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        return data.decode("latin-1").strip()


def xmp_description(packet: str) -> str:
    """The ``dc:description`` text of an XMP packet (default language first), or ""."""
    start = packet.find("<x:xmpmeta")
    if start < 0:
        start = packet.find("<rdf:RDF")
    end_tag = "</x:xmpmeta>" if packet.find("</x:xmpmeta>") >= 0 else "</rdf:RDF>"
    end = packet.find(end_tag)
    if start < 0 or end < 0:
        return ""
    try:
        root = ElementTree.fromstring(packet[start:end + len(end_tag)])
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return ""
    for desc in root.iter(f"{_DC}description"):
        items = list(desc.iter(f"{_RDF}li"))
        for item in items:
            if item.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default":
                return (item.text or "").strip()
        if items:
            return (items[0].text or "").strip()
        return (desc.text or "").strip()
    for node in root.iter(f"{_RDF}Description"):
        value = node.get(f"{_DC}description")
        if value:
            return value.strip()
    return ""
