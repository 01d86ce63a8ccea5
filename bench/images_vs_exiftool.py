"""Compare read_image with exiftool's reading of the same files, field by field.

Usage: .venv/bin/python bench/images_vs_exiftool.py FOLDER [--show N]
Needs exiftool (Debian: libimage-exiftool-perl). Prints, per field, how many files agree,
disagree, or have the field on one side only, then up to N examples of each disagreement.
Files read_image refuses are counted apart, with exiftool's own error when it has one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from catalog.images import ImageInfo, ImageReadError, read_image
from catalog.images.exif import exif_date_to_iso, format_exposure

TAGS = ["Make", "Model", "LensModel", "DateTimeOriginal", "OffsetTimeOriginal", "GPSLatitude",
        "GPSLongitude", "ExposureTime", "FNumber", "ISO", "FocalLength", "Orientation",
        "ImageSize", "IPTC:Caption-Abstract", "XMP:Description", "Error"]

NOT_PICTURES = {".txt", ".json", ".csv", ".py", ".md", ".xmp"}


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _close(tolerance: float) -> Callable[[Any, Any], bool]:
    def same(ours: Any, theirs: Any) -> bool:
        a, b = _number(ours), _number(theirs)
        return a is not None and b is not None and abs(a - b) <= tolerance
    return same


def _size(info: ImageInfo) -> str:
    return f"{info.width}x{info.height}" if info.width else ""


def _their_size(value: Any) -> str:
    return str(value).replace(" ", "x") if value else ""


# field: (ours, theirs, equal)
FIELDS: dict[str, tuple[Callable[[ImageInfo], Any], Callable[[dict], Any], Callable]] = {
    "make": (lambda i: i.make, lambda t: str(t.get("Make", "")).strip(), str.__eq__),
    "model": (lambda i: i.model, lambda t: str(t.get("Model", "")).strip(), str.__eq__),
    "lens": (lambda i: i.lens, lambda t: str(t.get("LensModel", "")).strip(), str.__eq__),
    "taken_at": (lambda i: i.taken_at,
                 lambda t: exif_date_to_iso(str(t.get("DateTimeOriginal", ""))), str.__eq__),
    "taken_offset": (lambda i: i.taken_offset, lambda t: str(t.get("OffsetTimeOriginal", "")),
                     str.__eq__),
    "gps_lat": (lambda i: i.gps_lat, lambda t: t.get("GPSLatitude"), _close(1e-5)),
    "gps_lon": (lambda i: i.gps_lon, lambda t: t.get("GPSLongitude"), _close(1e-5)),
    "exposure_time": (lambda i: i.exposure_time,
                      lambda t: format_exposure(_number(t.get("ExposureTime"))), str.__eq__),
    "f_number": (lambda i: i.f_number, lambda t: t.get("FNumber"), _close(0.051)),
    "iso": (lambda i: i.iso, lambda t: t.get("ISO"), _close(0)),
    "focal_length": (lambda i: i.focal_length, lambda t: t.get("FocalLength"), _close(0.051)),
    "orientation": (lambda i: i.orientation, lambda t: t.get("Orientation"), _close(0)),
    "size": (_size, lambda t: _their_size(t.get("ImageSize")), str.__eq__),
    "iptc_caption": (lambda i: i.iptc.get("caption", ""),
                     lambda t: str(t.get("Caption-Abstract", "")).strip(), str.__eq__),
    "xmp_caption": (lambda i: i.xmp.get("caption", ""),
                    lambda t: str(t.get("Description", "")).strip(), str.__eq__),
}


def exiftool_reading(folder: Path) -> dict[str, dict]:
    command = ["exiftool", "-j", "-n", "-r", "-charset", "iptc=latin", "-q", "-q"]
    command += [f"-{tag}" for tag in TAGS] + [str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    rows = json.loads(done.stdout or "[]")
    return {
        str(Path(row["SourceFile"])): row
        for row in rows
        if Path(row["SourceFile"]).suffix.lower() not in NOT_PICTURES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    theirs_by_path = exiftool_reading(args.folder)
    tally: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    refused: list[str] = []
    for path, theirs in sorted(theirs_by_path.items()):
        try:
            info = read_image(path)
        except ImageReadError as error:
            refused.append(f"{path}: {error.reason} | exiftool: {theirs.get('Error', 'read it')}")
            continue
        for field, (ours_of, theirs_of, equal) in FIELDS.items():
            ours, their_value = ours_of(info), theirs_of(theirs)
            if ours in ("", None) and their_value in ("", None):
                continue
            if ours in ("", None) or their_value in ("", None):
                outcome = "only ours" if their_value in ("", None) else "only exiftool"
            else:
                outcome = "agree" if equal(ours, their_value) else "disagree"
            tally[field][outcome] += 1
            if outcome != "agree" and len(examples[field]) < args.show:
                examples[field].append(f"  {path}: ours={ours!r} exiftool={their_value!r}")
    print(f"{len(theirs_by_path)} files, {len(refused)} refused by read_image")
    for field, counts in tally.items():
        print(f"{field:<14} " + ", ".join(f"{name} {count}" for name, count in counts.items()))
        for line in examples[field]:
            print(line)
    for line in refused[: args.show * 4]:
        print("refused:", line)


if __name__ == "__main__":
    main()
