"""Write the sample archive: JPEGs with EXIF, IPTC-IIM and XMP, sidecars, a manifest,
broken files, and expected.json (what a correct import finds).

Deterministic: fixed seeds and no clocks, so two runs give byte-identical files.

    .venv/bin/python sample_archive/make_samples.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import struct
import sys
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep sample_archive/ free of __pycache__
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import PIL  # noqa: E402
from PIL import Image, features  # noqa: E402
from sample_model import AGENCY_CREDIT, BROKEN, MISLABELLED_PNG, Sample  # noqa: E402
from scenes import draw_scene  # noqa: E402
from specs import SAMPLES  # noqa: E402

from catalog.images.embed import (  # noqa: E402
    build_exif,
    build_iptc_segment,
    build_xmp_segment,
    make_jpeg,
)

RESEND_CROP = 6  # pixels cut from each side of a re-sent picture
DATE_CONFLICT_DAYS = 2
PLACE_CONFLICT_KM = 50.0
# Where the captions' places are, for the samples that carry GPS (place-vs-GPS distance).
CITY_COORDS: dict[str, tuple[float, float]] = {
    "Bakhmut": (48.5956, 37.9999), "Lyon": (45.7640, 4.8357), "Tapachula": (14.9060, -92.2630),
    "Chamonix": (45.9237, 6.8694), "Rotterdam": (51.9244, 4.4777),
    "Los Angeles": (34.0522, -118.2437), "Chicago": (41.8781, -87.6298),
    "Nairobi": (-1.2864, 36.8172), "London": (51.5072, -0.1276), "Sydney": (-33.8688, 151.2093),
    "Beijing": (39.9042, 116.4074), "Tokyo": (35.6762, 139.6503),
}


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def byline_of(credited: str) -> str:
    """The By-line a desk types: the credited name with all-capitals words in title case."""
    return " ".join(w.capitalize() if w.isupper() else w for w in credited.split())


def metadata_fields(sample: Sample) -> dict[str, Any]:
    """IPTC/XMP fields (friendly names) a wire would put beside this caption."""
    parsed = sample.parsed
    fields: dict[str, Any] = {"caption": sample.caption}
    photographer = parsed.get("photographer")
    if photographer and photographer not in ("Stringer", "Handout"):
        fields["byline"] = byline_of(photographer)
    if parsed.get("agency") in AGENCY_CREDIT:
        fields["credit"] = AGENCY_CREDIT[parsed["agency"]]
        fields["source"] = parsed["agency"]
    for name in ("city", "region", "country"):
        if parsed.get(name):
            fields[name] = parsed[name]
    if parsed.get("date"):
        fields["date_created"] = parsed["date"]
    fields.update(sample.fields)
    return fields


def picture(sample: Sample) -> Image.Image:
    image = draw_scene(sample.scene, sample.seed)
    if sample.same_picture_as:
        width, height = image.size
        image = image.crop((RESEND_CROP, RESEND_CROP, width - RESEND_CROP, height - RESEND_CROP))
    return image


def break_exif_pointer(exif: bytes) -> bytes:
    """Point IFD0's ExifOffset (0x8769) far past the end of the segment."""
    tiff = bytearray(exif[6:])
    endian = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[ifd0:ifd0 + 2])[0]
    for entry in range(ifd0 + 2, ifd0 + 2 + 12 * count, 12):
        if struct.unpack(endian + "H", tiff[entry:entry + 2])[0] == 0x8769:
            tiff[entry + 8:entry + 12] = struct.pack(endian + "I", 0x7FFFFF00)
    return exif[:6] + bytes(tiff)


def encode(sample: Sample, image: Image.Image, fields: dict[str, Any]) -> bytes:
    exif = build_exif(**sample.camera, image_size=image.size) if sample.camera else None
    if exif is not None and sample.damaged_exif:
        exif = break_exif_pointer(exif)
    iptc = xmp = None
    if sample.store in ("iptc", "both"):
        iptc_fields = dict(fields)
        if sample.iptc_caption is not None:
            iptc_fields["caption"] = sample.iptc_caption
        iptc = build_iptc_segment(iptc_fields, utf8=not sample.latin1, split=sample.split)
    if sample.store in ("xmp", "both"):
        xmp = build_xmp_segment(fields)
    return make_jpeg(image, exif=exif, iptc=iptc, xmp=xmp, quality=sample.quality,
                     thumbnail=sample.thumbnail)


def _fraction(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[1] == 1 else f"{pair[0]}/{pair[1]}"


def expected_camera(sample: Sample) -> dict[str, Any]:
    cam = sample.camera
    if not cam:
        return {}
    out: dict[str, Any] = {"make": cam["make"], "model": cam["model"]}
    if sample.damaged_exif:
        return out  # everything in the lost Exif sub-IFD is gone; GPS and the rest unpinned
    if cam.get("lens"):
        out["lens"] = cam["lens"]
    if cam.get("taken_at"):
        out["taken_at"] = cam["taken_at"].isoformat()
    if cam.get("offset"):
        out["taken_offset"] = cam["offset"]
    if cam.get("gps"):
        out["gps_lat"], out["gps_lon"] = cam["gps"]
    out["exposure_time"] = _fraction(cam["exposure_time"])
    out.update(f_number=cam["f_number"], iso=cam["iso"], focal_length=cam["focal_length"],
               orientation=cam["orientation"])
    return out


def conflicts(sample: Sample) -> dict[str, Any]:
    """The reconcile figures a correct import computes for this sample."""
    out: dict[str, Any] = {}
    cam = {} if sample.damaged_exif else sample.camera or {}
    caption_date = sample.parsed.get("date")
    if cam.get("taken_at") and caption_date:
        days = abs((cam["taken_at"].date() - date.fromisoformat(caption_date)).days)
        out["date_days"] = days
        out["date_conflict"] = days >= DATE_CONFLICT_DAYS
    city = sample.parsed.get("city")
    if cam.get("gps") and city in CITY_COORDS:
        km = haversine_km(cam["gps"], CITY_COORDS[city])
        out["place_km"] = round(km, 1)
        out["place_conflict"] = km > PLACE_CONFLICT_KM
    return out


def expected_entry(sample: Sample, fields: dict[str, Any], size: tuple[int, int]) -> dict:
    caption_in = {"iptc": ["iptc"], "xmp": ["xmp"], "both": ["iptc", "xmp"],
                  "sidecar": ["sidecar"], "manifest": ["manifest"], "none": []}[sample.store]
    entry: dict[str, Any] = {
        "path": sample.path,
        "outcome": "imported",
        # XMP is the master copy: it wins whenever the file carries both.
        "caption_source": "xmp" if "xmp" in caption_in else (caption_in or [""])[0],
        "caption_in": caption_in,
        "caption": sample.caption,
        "parsed": sample.parsed,
        "camera": expected_camera(sample),
        "width": size[0],
        "height": size[1],
        "has_exif_thumbnail": sample.thumbnail,
        "conflicts": conflicts(sample),
    }
    if "iptc" in caption_in:
        iptc = dict(fields)
        if sample.iptc_caption is not None:
            iptc["caption"] = sample.iptc_caption
        entry["iptc"] = iptc
        entry["iptc_charset"] = "latin-1" if sample.latin1 else "utf-8"
        entry["iptc_split"] = sample.split
        entry["caption_disagreement"] = sample.iptc_caption is not None
    if "xmp" in caption_in:
        entry["xmp"] = fields
    if sample.same_picture_as:
        entry["same_picture_as"] = sample.same_picture_as
    if sample.damaged_exif:
        entry["exif_damaged"] = True
    if sample.notes:
        entry["notes"] = sample.notes
    return entry


def write_broken(out: Path) -> list[dict[str, Any]]:
    """The files a correct import must refuse (plus one mislabelled but readable PNG)."""
    (out / "broken").mkdir(parents=True, exist_ok=True)
    whole = make_jpeg(draw_scene("field", 999), exif=build_exif(make="Canon"))
    contents = {
        "broken/empty.jpg": b"",
        "broken/truncated.jpg": whole[:120],
        "broken/notes_named.jpg": b"Shot list for Tuesday:\n- harbour at dawn\n- council vote\n",
        "broken/garbage_after_soi.jpg": b"\xff\xd8" + bytes((i * 73 + 41) % 256 for i in range(600)),
    }
    for rel, data in contents.items():
        (out / rel).write_bytes(data)
    buffer = io.BytesIO()
    draw_scene("desert", 998).resize((320, 213)).save(buffer, "PNG")
    (out / MISLABELLED_PNG).write_bytes(buffer.getvalue())
    entries = [{"path": rel, "outcome": "error", "reason": why} for rel, why in BROKEN.items()]
    entries.append({"path": MISLABELLED_PNG, "outcome": "imported_with_warning",
                    "format": "PNG", "caption": "", "caption_source": "", "width": 320,
                    "height": 213, "reason": "PNG data in a file named .jpg"})
    return entries


def generate(out: Path) -> list[dict[str, Any]]:
    """Write every sample file under ``out`` and return the expected.json entries."""
    entries, manifest_rows = [], []
    for sample in SAMPLES:
        target = out / sample.path
        target.parent.mkdir(parents=True, exist_ok=True)
        fields = metadata_fields(sample)
        image = picture(sample)
        target.write_bytes(encode(sample, image, fields))
        if sample.store == "sidecar":
            target.with_suffix(".txt").write_text(sample.caption + "\n", encoding="utf-8")
        if sample.store == "manifest":
            manifest_rows.append((sample.path, sample.caption))
        entries.append(expected_entry(sample, fields, image.size))
    with open(out / "captions.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["filename", "caption"])
        writer.writerows(manifest_rows)
    entries.extend(write_broken(out))
    document = {
        "about": "What a correct import of sample_archive/ finds; see README.md.",
        # JPEG bytes depend on the encoder: tests compare pixels' bytes only when it matches.
        "encoder": f"Pillow {PIL.__version__}, libjpeg-turbo {features.version('libjpeg_turbo')}",
        "date_conflict_days": DATE_CONFLICT_DAYS,
        "place_conflict_km": PLACE_CONFLICT_KM,
        "files": entries,
    }
    (out / "expected.json").write_text(
        json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False) + "\n",
        encoding="utf-8",
    )
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write (default: here)")
    args = parser.parse_args(argv)
    entries = generate(args.out)
    good = sum(1 for entry in entries if entry["outcome"] == "imported")
    print(f"wrote {len(entries)} files ({good} good JPEGs) under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
