"""EPS files: the metadata Photoshop and Illustrator write into the PostScript."""

from __future__ import annotations

import struct
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog.images import read_image
from catalog.images.embed import build_iim
from catalog.images.eps import parse_resources, photoshop_resources

XMP = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
       b'<rdf:li xml:lang="x-default">A ferry leaves Lyon, France, March 5, 2024. REUTERS/Ana Costa</rdf:li>'
       b'</rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def _resource(resource_id: int, data: bytes) -> bytes:
    return b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00" + struct.pack(">I", len(data)) + data + (
        b"\x00" * (len(data) % 2))


def _eps(resources: bytes, xmp: bytes = XMP) -> bytes:
    hex_lines = b"".join(b"% " + resources[i : i + 32].hex().upper().encode() + b"\n"
                         for i in range(0, len(resources), 32))
    return (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 120 80\n%%EndComments\n"
            + b"%BeginPhotoshop: " + str(len(resources)).encode() + b"\n" + hex_lines + b"%EndPhotoshop\n"
            + xmp + b"\nshowpage\n%%EOF\n")


def _exif_tiff() -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS R6"
    return exif.tobytes()


def test_eps_keeps_photoshop_iptc_exif_and_its_xmp(tmp_path: Path) -> None:
    iim = build_iim({"caption": "Fans cheer in Porto, Portugal, May 2, 2024. REUTERS/Sam Reyes", "byline": "Sam Reyes"})
    path = tmp_path / "photoshop.eps"
    path.write_bytes(_eps(_resource(0x0404, iim) + _resource(0x0422, _exif_tiff())))
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("EPS", 120, 80)
    assert info.iptc["byline"] == "Sam Reyes" and info.make == "Canon" and info.model == "Canon EOS R6"
    assert info.caption_source == "xmp" and info.caption.endswith("REUTERS/Ana Costa")


def test_eps_with_old_mac_line_breaks_keeps_its_iptc() -> None:
    """Photoshop 7 on a Mac ends every line with CR alone (exiftool's PostScript.eps)."""
    iim = build_iim({"caption": "A witty caption"})
    postscript = _eps(_resource(0x0404, iim)).replace(b"\n", b"\r")
    assert photoshop_resources(postscript)[0x0404] == iim


def test_eps_without_metadata_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plain.eps"
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 50 40\n%%EndComments\nshowpage\n%%EOF\n")
    info = read_image(path)
    assert (info.format, info.width, info.height, info.iptc, info.warnings) == ("EPS", 50, 40, {}, [])


@given(st.binary(max_size=300))
@settings(max_examples=200, deadline=None)
def test_resource_and_hex_readers_never_raise(data: bytes) -> None:
    assert isinstance(parse_resources(b"8BIM" + data), dict)
    assert isinstance(photoshop_resources(b"%BeginPhotoshop: 9\n% " + data.hex().encode()[:-1] + b"\n%EndPhotoshop"), dict)
