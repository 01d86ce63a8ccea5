"""The sample archive is reproducible, small, and carries what expected.json says.

Files are read here with Pillow and exifread directly (not through catalog.images), so
these tests check the samples themselves, independently of the readers under test.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import struct
import subprocess
import sys
from pathlib import Path

import exifread
import pytest
from PIL import Image, IptcImagePlugin, UnidentifiedImageError

ROOT = Path(__file__).resolve().parents[1] / "sample_archive"
EXPECTED = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]
GOOD = [entry for entry in FILES if entry["outcome"] == "imported"]
GOOD_PATHS = {entry["path"] for entry in GOOD}
BAKHMUT = (
    "FILE PHOTO: Plumes of smoke rise from a Russian strike during a 36-hour ceasefire over "
    "Orthodox Christmas declared by Russian President Vladimir Putin, as Russia's attack on "
    "Ukraine continues, from the frontline Donbas city of Bakhmut, Ukraine, January 7, 2023. "
    "REUTERS/Clodagh Kilcoyne/File Photo"
)
SOURCES = {"make_samples.py", "scenes.py", "specs.py", "sample_model.py", "README.md"}  # not generated
DOCUMENTS = {"expected.json", "captions.csv"}  # generated, but not samples


def _generated_files(folder: Path) -> dict[str, bytes]:
    """Every file the generator writes under ``folder``, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.name not in SOURCES
    }


def _app13_iim(data: bytes) -> bytes:
    """The IIM bytes of every APP13 segment joined (a split block made whole)."""
    joined, position = b"", 2
    while data[position] == 0xFF and data[position + 1] != 0xDA:
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        payload = data[position + 4:position + 2 + length]
        if data[position + 1] == 0xED and payload.startswith(b"Photoshop 3.0\x00"):
            joined += payload[14:]
        position += 2 + length
    resource_size = struct.unpack(">I", joined[8:12])[0]
    return joined[12:12 + resource_size]


def _iim_caption(iim: bytes) -> str:
    datasets, position = {}, 0
    while position + 5 <= len(iim) and iim[position] == 0x1C:
        record, number, size = struct.unpack(">BBH", iim[position + 1:position + 5])
        datasets[(record, number)] = iim[position + 5:position + 5 + size]
        position += 5 + size
    encoding = "utf-8" if datasets.get((1, 90)) == b"\x1b%G" else "latin-1"
    return datasets[(2, 120)].decode(encoding)


def _dhash(path: Path) -> int:
    image = Image.open(path).convert("L").resize((9, 8), Image.Resampling.LANCZOS)
    pixels = image.tobytes()
    bits = 0
    for row, column in itertools.product(range(8), range(8)):
        bits = bits << 1 | (pixels[row * 9 + column] > pixels[row * 9 + column + 1])
    return bits


def _regenerate(folder: Path) -> dict[str, bytes]:
    script = ROOT / "make_samples.py"
    subprocess.run([sys.executable, str(script), "--out", str(folder)], check=True,
                   capture_output=True, timeout=60)
    return _generated_files(folder)


def _metadata_segments(jpeg: bytes) -> list[bytes]:
    """The IPTC (APP13) and XMP (APP1) segments, which do not depend on the JPEG encoder."""
    found, position = [], 2
    while jpeg[position] == 0xFF and jpeg[position + 1] != 0xDA:
        length = struct.unpack(">H", jpeg[position + 2:position + 4])[0]
        segment = jpeg[position:position + 2 + length]
        if jpeg[position + 1] == 0xED or segment[4:].startswith(b"http://ns.adobe.com/xap"):
            found.append(segment)
        position += 2 + length
    return found


def test_generator_is_deterministic(tmp_path):
    first = _regenerate(tmp_path / "first")
    second = _regenerate(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_committed_files_are_what_the_generator_writes(tmp_path):
    regenerated = _regenerate(tmp_path)
    committed = _generated_files(ROOT)
    assert sorted(regenerated) == sorted(committed)
    fresh_expected = json.loads(regenerated.pop("expected.json"))
    committed.pop("expected.json")
    same_encoder = fresh_expected.pop("encoder") == EXPECTED["encoder"]
    assert fresh_expected == {k: v for k, v in EXPECTED.items() if k != "encoder"}
    for name, data in regenerated.items():
        if name in GOOD_PATHS and not same_encoder:
            # Another Pillow/libjpeg encodes pixels differently: compare the metadata only.
            assert _metadata_segments(data) == _metadata_segments(committed[name]), name
        elif name.endswith("png_named.jpg") and not same_encoder:  # zlib may differ too
            assert (Image.open(io.BytesIO(data)).tobytes()
                    == Image.open(io.BytesIO(committed[name])).tobytes())
        else:
            assert data == committed[name], name


def test_expected_json_lists_every_file_once():
    listed = [entry["path"] for entry in FILES]
    assert len(listed) == len(set(listed))
    on_disk = {name for name in _generated_files(ROOT)
               if not name.endswith(".txt") and name not in DOCUMENTS}
    assert on_disk == set(listed)


def test_at_least_forty_small_jpegs_in_eight_agency_formats():
    assert len(GOOD) >= 40
    for entry in GOOD:
        path = ROOT / entry["path"]
        assert path.stat().st_size < 150 * 1024, entry["path"]
        with Image.open(path) as image:
            assert image.format == "JPEG"
            assert image.size == (entry["width"], entry["height"])
    agencies = {entry["parsed"].get("agency") for entry in GOOD} - {None}
    assert len(agencies) >= 8, agencies


def test_every_caption_is_what_the_file_carries():
    manifest = {}
    with open(ROOT / "captions.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            manifest[row["filename"]] = row["caption"]
    for entry in GOOD:
        path = ROOT / entry["path"]
        data = path.read_bytes()
        image = Image.open(io.BytesIO(data))
        if "iptc" in entry["caption_in"]:
            expected = entry["iptc"]["caption"]
            assert _iim_caption(_app13_iim(data)) == expected, entry["path"]
            app13 = [segment for segment in _metadata_segments(data) if segment[1] == 0xED]
            assert len(app13) == (2 if entry["iptc_split"] else 1), entry["path"]
            if not entry["iptc_split"]:  # Pillow alone reads a split block cut short
                pillow = IptcImagePlugin.getiptcinfo(image)[(2, 120)]
                charset = "latin-1" if entry["iptc_charset"] == "latin-1" else "utf-8"
                assert pillow == expected.encode(charset), entry["path"]
        if "xmp" in entry["caption_in"]:
            description = image.getxmp()["xmpmeta"]["RDF"]["Description"]["description"]
            assert description["Alt"]["li"]["text"] == entry["caption"], entry["path"]
        else:
            assert "xmp" not in image.info, entry["path"]
        if entry["caption_in"] == ["sidecar"]:
            sidecar = path.with_suffix(".txt").read_text(encoding="utf-8")
            assert sidecar.strip() == entry["caption"]
        if entry["caption_in"] == ["manifest"]:
            assert manifest[entry["path"]] == entry["caption"]
        if entry["caption_in"] in (["sidecar"], ["manifest"], []):
            assert IptcImagePlugin.getiptcinfo(image) is None, entry["path"]


def test_caption_sources_cover_every_case():
    sources = {entry["caption_source"] for entry in GOOD}
    assert sources == {"iptc", "xmp", "sidecar", "manifest", ""}
    sidecars = [entry for entry in GOOD if entry["caption_source"] == "sidecar"]
    assert len(sidecars) == 2
    assert len([entry for entry in GOOD if entry["caption_source"] == "manifest"]) >= 3
    assert any(entry.get("caption_disagreement") for entry in GOOD)
    assert any(entry.get("iptc_split") for entry in GOOD)
    charsets = {entry.get("iptc_charset") for entry in GOOD}
    assert {"utf-8", "latin-1"} <= charsets
    names = [entry["path"] for entry in GOOD]
    assert any(" " in name for name in names)
    assert any(not name.isascii() for name in names)


def test_camera_fields_match_exif():
    for entry in GOOD:
        camera = entry["camera"]
        with open(ROOT / entry["path"], "rb") as handle:
            tags = exifread.process_file(handle, details=False)
        if not camera:
            assert "Image Make" not in tags, entry["path"]
            continue
        assert str(tags["Image Make"]) == camera["make"]
        assert str(tags["Image Model"]) == camera["model"]
        if entry.get("exif_damaged"):
            assert "EXIF DateTimeOriginal" not in tags and "EXIF ExposureTime" not in tags
            continue
        if "taken_at" in camera:
            assert str(tags["EXIF DateTimeOriginal"]) == camera["taken_at"].replace(
                "-", ":").replace("T", " ")
        else:
            assert "EXIF DateTimeOriginal" not in tags
        assert str(tags.get("EXIF OffsetTimeOriginal", "")) == camera.get("taken_offset", "")
        assert ("GPS GPSLatitude" in tags) == ("gps_lat" in camera), entry["path"]
        assert str(tags["EXIF ExposureTime"]) == camera["exposure_time"]
        assert tags["Image Orientation"].values == [camera["orientation"]]
        assert ("JPEGThumbnail" in tags) == entry["has_exif_thumbnail"], entry["path"]


def test_the_briefs_caption_is_there_with_rich_exif():
    entry = next(e for e in GOOD if e["caption"] == BAKHMUT)
    assert entry["parsed"] == {
        "agency": "Reuters", "photographer": "Clodagh Kilcoyne", "date": "2023-01-07",
        "city": "Bakhmut", "country": "Ukraine", "file_photo": True,
    }
    camera = entry["camera"]
    assert camera["taken_at"] == "2023-01-07T13:42:05" and camera["taken_offset"] == "+02:00"
    assert camera["gps_lat"] == pytest.approx(48.59, abs=0.01)
    assert camera["gps_lon"] == pytest.approx(38.0, abs=0.01)
    assert {"lens", "iso", "focal_length", "exposure_time", "f_number"} <= set(camera)
    assert entry["has_exif_thumbnail"]


def test_conflicts_are_staged():
    date_conflicts = [e["path"] for e in GOOD if e["conflicts"].get("date_conflict")]
    place_conflicts = [e["path"] for e in GOOD if e["conflicts"].get("place_conflict")]
    assert date_conflicts == ["ap/springfield_voters.jpg"]
    assert place_conflicts == ["afp/nairobi_marathon.jpg"]


def test_only_the_resent_picture_looks_like_another():
    hashes = {entry["path"]: _dhash(ROOT / entry["path"]) for entry in GOOD}
    resent = {(entry["same_picture_as"], entry["path"]) for entry in GOOD
              if "same_picture_as" in entry}
    assert len(resent) == 1
    for a, b in itertools.combinations(hashes, 2):
        distance = bin(hashes[a] ^ hashes[b]).count("1")
        if (a, b) in resent or (b, a) in resent:
            assert distance <= 6, (a, b, distance)
            assert (ROOT / a).read_bytes() != (ROOT / b).read_bytes()
        else:
            assert distance >= 12, (a, b, distance)


def test_broken_files_do_not_open_and_the_png_is_a_png():
    broken = [entry for entry in FILES if entry["outcome"] == "error"]
    assert {Path(entry["path"]).name for entry in broken} >= {
        "empty.jpg", "truncated.jpg", "notes_named.jpg"}
    assert (ROOT / "broken/empty.jpg").stat().st_size == 0
    for entry in broken:
        with (pytest.raises((UnidentifiedImageError, OSError, SyntaxError)),
              Image.open(ROOT / entry["path"]) as image):
            image.load()
    png = next(entry for entry in FILES if entry["outcome"] == "imported_with_warning")
    assert png["path"].endswith(".jpg")
    with Image.open(ROOT / png["path"]) as image:
        assert image.format == "PNG"


@pytest.mark.parametrize("spec", [f for f in FILES if f.get("parsed") and f.get("caption")],
                         ids=lambda f: f["path"])
def test_parser_reads_each_sample_caption_as_expected(spec):
    """The parser agrees with what we wrote each sample's caption to say."""
    from catalog import parse_caption

    parsed = parse_caption(spec["caption"]).to_dict()
    wrong = {k: (v, parsed.get(k)) for k, v in spec["parsed"].items() if parsed.get(k) != v}
    assert not wrong, f"field: (expected, parsed) {wrong}"
