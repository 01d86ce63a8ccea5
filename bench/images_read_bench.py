"""How fast read_image and make_thumbnail are, on one process, against exifread alone.

Usage: .venv/bin/python bench/images_read_bench.py [N] [WIDTH]
Writes N small wire-style JPEGs (EXIF + IPTC + XMP) to a temporary folder, reads them (warm
cache, best of three passes) and prints files per second for: exifread alone (the peer),
read_image, and make_thumbnail. Then 30 camera-sized noisy JPEGs (3000x2000, no EXIF preview: the hardest
case) for make_thumbnail against the decode floor (Pillow draft-mode decoding alone).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import exifread
from PIL import Image, ImageDraw

from catalog.images import read_image
from catalog.images.embed import build_exif, build_iptc_segment, build_xmp_packet, make_jpeg
from catalog.images.thumbs import draft_request, make_thumbnail


def write_samples(folder: Path, count: int, width: int) -> list[Path]:
    paths = []
    height = width * 2 // 3
    for index in range(count):
        image = Image.new("RGB", (width, height), (index % 255, 80, 120))
        ImageDraw.Draw(image).ellipse((index % 50, 10, width // 2, height // 2), fill="white")
        caption = (f"Picture {index} of a harbour at dawn in Lyon, France March 5, 2024. "
                   "REUTERS/Ana Costa")
        data = make_jpeg(
            image,
            exif=build_exif(make="Canon", model="Canon EOS R5", taken_at=datetime(2024, 3, 5),
                            offset="+01:00", gps=(45.76, 4.83), exposure_time=(1, 250),
                            f_number=5.6, iso=400, focal_length=35.0, orientation=1),
            iptc=build_iptc_segment({"caption": caption, "byline": "Ana Costa",
                                     "city": "Lyon", "country": "France",
                                     "keywords": ["harbour", "dawn"]}),
            xmp=build_xmp_packet({"caption": caption, "byline": ["Ana Costa"]}),
        )
        path = folder / f"photo_{index:05d}.jpg"
        path.write_bytes(data)
        paths.append(path)
    return paths


def write_camera_sized(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        image = Image.merge("RGB", [Image.effect_noise((3000, 2000), 30 + index)] * 3)
        path = folder / f"camera_{index:03d}.jpg"
        image.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def decode_floor(path: Path) -> None:
    with Image.open(path) as image:
        image.draft("RGB", draft_request(image.size, 320))
        image.load()


def rate(label: str, paths: list[Path], work, repeats: int = 3) -> float:
    """Files per second of ``work`` over ``paths``: the best of ``repeats`` warm passes
    (the machine is shared, so the best pass is the one least disturbed)."""
    for path in paths[:50]:  # warm the cache and the imports (all of them when fewer)
        work(path)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for path in paths:
            work(path)
        best = min(best, time.perf_counter() - started)
    per_second = len(paths) / best
    print(f"{label:<34} {per_second:9.0f} files/s")
    return per_second


def exifread_only(path: Path) -> None:
    with open(path, "rb") as handle:
        exifread.process_file(handle, details=False)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 640
    with tempfile.TemporaryDirectory() as folder:
        paths = write_samples(Path(folder), count, width)
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(f"{count} JPEGs, {width} px wide, {size / 1024:.0f} KB on average, one process")
        peer = rate("exifread alone (peer)", paths, exifread_only)
        ours = rate("read_image (EXIF+IPTC+XMP+size)", paths, read_image)
        print(f"{'ratio read_image / exifread':<34} {ours / peer:9.2f}")
        rate("make_thumbnail (draft, 320 px)", paths[:500], make_thumbnail)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_camera_sized(Path(folder), 30)
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(f"30 JPEGs 3000x2000, {size / 1e6:.1f} MB on average, no EXIF preview")
        floor = rate("decode floor (draft 1/8 + load)", paths, decode_floor)
        thumbs = rate("make_thumbnail", paths, make_thumbnail)
        print(f"{'time ratio make_thumbnail / floor':<34} {floor / thumbs:9.2f}")


if __name__ == "__main__":
    main()
