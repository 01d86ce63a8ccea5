"""Import benchmark: `catalog import` against exiftool and the JPEG decode floor, in one run.

    .venv/bin/python bench/import_bench.py [--n 200] [--n2 400] [--workers 2]
    .venv/bin/python bench/import_bench.py --n 800 --large 4000  # and metadata-only at 4,000 files
    .venv/bin/python bench/import_bench.py --scale 100000   # no-op memory at scale

Generates N realistic wire photos once into a cache folder (about 3000x2000, 2-4 MB,
EXIF + IPTC-IIM + XMP, no embedded preview: the hardest case for thumbnails), then
measures, each as a fresh process with a warm page cache:

* a first import with --no-thumbnails (the archive is searchable),
* a full first import (metadata, then thumbnails and perceptual hashes),
* a no-op re-import of the same folder,
* ``exiftool -j -r`` over the folder (the peer; Debian libimage-exiftool-perl, installed
  with apt-get when missing),
* the decode floor: Pillow draft-mode decoding of the same files on the same number of
  worker processes, nothing else,
* peak memory (PSS summed over the import's process tree) at N and at N2 files,
* the fixed cost of one run (a one-file import), to read the ratios at small N.

Targets (ratios measured in the same run): --no-thumbnails >= 5x exiftool; full import
<= 1.25x the decode floor; no-op < 5% of the first full import; peak memory flat in N.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / "bench" / ".cache" / "import"
CLI = [sys.executable, "-c", "from catalog.importer.commands import import_command; "
       "import_command()"]

# Our own captions, in agencies' formats (never copied from real wires).
CAPTIONS = [
    "Firefighters work at the site of a warehouse blaze in {city}, {country} {month} {day}, "
    "{year}. REUTERS/Ana Costa",
    "Commuters cross a flooded street in {city}, {country}, {weekday}, {month_ap} {day}, "
    "{year}. (AP Photo/Sam Reyes)",
    "Farmers harvest grapes in a vineyard near {city}, {country}, on {month} {day}, {year}. "
    "(Photo by Lea MARTIN / AFP)",
    "Supporters cheer during a rally in {city}, {country}, {day} {month} {year}. "
    "EPA-EFE/JONAS WEBER",
    "FILE PHOTO: A cargo ship is loaded at the port of {city}, {country} {month} {day}, "
    "{year}. REUTERS/Mei Tan/File Photo",
]
PLACES = [("Lyon", "France", 45.764, 4.8357), ("Porto", "Portugal", 41.1579, -8.6291),
          ("Gdansk", "Poland", 54.352, 18.6466), ("Valencia", "Spain", 39.4699, -0.3763),
          ("Turin", "Italy", 45.0703, 7.6869)]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]


# --------------------------------------------------------------------------- the files

def _base_pixels(seed: int, size: tuple[int, int]):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    w, h = size
    noise = Image.effect_noise((w // 2, h // 2), 40 + seed % 9).resize(size)
    gradient = Image.linear_gradient("L").rotate(rng.randrange(360)).resize(size)
    base = Image.merge("RGB", [gradient, Image.radial_gradient("L").resize(size), noise])
    draw = ImageDraw.Draw(base)
    for _ in range(30):
        x, y = rng.randrange(w), rng.randrange(h)
        draw.ellipse([x, y, x + rng.randrange(60, 500), y + rng.randrange(60, 400)],
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    grain = Image.effect_noise(size, 25).convert("RGB")
    return Image.blend(base, grain, 0.22)


def _one_file(args: tuple[int, str, tuple[int, int]]) -> int:
    from PIL import ImageDraw

    from catalog.images.embed import build_exif, build_iptc_segment, build_xmp_packet, make_jpeg

    index, folder, size = args
    rng = random.Random(index)
    image = _base_pixels(index % 6, size).copy()
    draw = ImageDraw.Draw(image)
    for _ in range(6):  # every picture differs
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.rectangle([x, y, x + rng.randrange(80, 600), y + rng.randrange(80, 500)],
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    taken = datetime(2024, 1, 1, 6) + timedelta(hours=index * 7 + rng.randrange(5))
    city, country, lat, lon = PLACES[index % len(PLACES)]
    caption = CAPTIONS[index % len(CAPTIONS)].format(
        city=city, country=country, month=taken.strftime("%B"), month_ap=AP_MONTHS[
            taken.month - 1], day=taken.day, year=taken.year, weekday=taken.strftime("%A"))
    fields = {"caption": caption, "byline": "Staff", "credit": "Wire", "city": city,
              "country": country, "date_created": taken.date(), "headline": caption[:60],
              "keywords": ["news", city.lower()], "object_name": f"SLUG-{index}"}
    exif = build_exif(make="Canon", model="EOS R5", lens="RF24-70mm F2.8 L IS USM",
                      taken_at=taken, offset="+01:00", gps=(lat + rng.random() / 50, lon),
                      exposure_time=(1, 250), f_number=4.0, iso=400, focal_length=35.0,
                      orientation=1)
    data = make_jpeg(image, exif=exif, iptc=build_iptc_segment(fields),
                     xmp=build_xmp_packet(fields), quality=92 + index % 4)
    (Path(folder) / f"wire_{index:05}.jpg").write_bytes(data)
    return len(data)


def generate(folder: Path, n: int, workers: int, size=(3000, 2000)) -> Path:
    """N wire photos in ``folder`` (kept between runs; only missing ones are made)."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(n) if not (folder / f"wire_{i:05}.jpg").exists()]
    if missing:
        print(f"generating {len(missing)} photos in {folder} ...", flush=True)
        with multiprocessing.Pool(workers) as pool:
            for _ in pool.imap_unordered(_one_file, [(i, str(folder), size) for i in missing]):
                pass
    return folder


def extend(folder: Path, source: Path, n: int) -> Path:
    """``n`` files: ``source``'s hard-linked, then distinct variants (bytes after EOI)."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted(source.glob("wire_*.jpg"))
    for i in range(n):
        target = folder / f"wire_{i:05}.jpg"
        if target.exists():
            continue
        original = originals[i % len(originals)]
        if i < len(originals):
            os.link(original, target)
        else:
            target.write_bytes(original.read_bytes() + f"variant {i}".encode())
    return folder


# --------------------------------------------------------------------------- measuring

def _tree_memory_kib(pid: int) -> int:
    """Summed PSS of ``pid`` and its descendants, from /proc.

    PSS (proportional set size) splits pages shared by forked workers between them, so
    the sum is the tree's real footprint; summed RSS would count shared pages once per
    process. Falls back to RSS where smaps_rollup is missing.
    """
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            total += _process_kib(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # the process ended between two reads
    return total


def _process_kib(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except FileNotFoundError:
            continue
    return 0


def run(cmd: list[str], *, stdout=subprocess.PIPE,
        memory: bool = False) -> tuple[float, int, str]:
    """(wall seconds, peak memory of the process tree in MiB, stdout) of one command.

    Memory is sampled only when asked (``memory=True``), every 50 ms: reading
    smaps_rollup takes the process's memory-map lock, and sampling it every 10 ms
    slowed a measured import by 1.6-2.6x here. Timed runs are never sampled.
    """
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_memory_kib(proc.pid))
            done.wait(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    if memory:
        poller.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    if memory:
        poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, peak[0] // 1024, (out or b"").decode()


def _decode(path: str) -> int:
    from PIL import Image

    with Image.open(path) as im:
        im.draft("RGB", (im.size[0] // 8, im.size[1] // 8))  # 1/8 scale: DC only
        im.load()
        return im.size[0]


def decode_floor(folder: str, workers: int) -> None:
    """Pillow draft-mode decoding (1/8 scale, the cheapest JPEG decode) of every file on
    ``workers`` processes, nothing else."""
    files = sorted(str(p) for p in Path(folder).glob("*.jpg"))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for _ in pool.imap_unordered(_decode, files, chunksize=4):
            pass


def ensure_exiftool() -> str:
    found = shutil.which("exiftool")
    if found:
        return found
    print("installing exiftool (libimage-exiftool-perl) ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "libimage-exiftool-perl"], check=True)
    return shutil.which("exiftool") or "exiftool"


def _warm(folder: Path) -> None:
    for path in folder.glob("*.jpg"):
        with open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass


def metadata_at_scale(folder: Path, n: int, workers: int, exiftool: str, rounds: int) -> None:
    """The metadata-only import against exiftool over ``n`` files, measured (not extrapolated):
    the ratio where each tool's start-up is a small part of its time."""
    _warm(folder)
    best = {"meta": float("inf"), "exif": float("inf")}
    for _ in range(rounds):  # alternating, fastest kept, as above
        tmp = Path(tempfile.mkdtemp(prefix="import-bench-large-"))
        try:
            meta = run([*CLI, str(folder), "--db", str(tmp / "meta.db"), "--no-thumbnails",
                        "--workers", str(workers), "--json"])
            exif = run([exiftool, "-j", "-r", "-q", str(folder)], stdout=subprocess.DEVNULL)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        summary = json.loads(meta[2])
        if summary["imported"] != n or summary["failed"]:
            raise SystemExit(f"N={n}: imported {summary['imported']}, failed {summary['failed']}")
        best = {"meta": min(best["meta"], meta[0]), "exif": min(best["exif"], exif[0])}
    print(f"\nN={n} files (the first generated, the rest variants: their bytes plus a tail), "
          f"fastest of {rounds}:")
    print(f"  import --no-thumbnails   {best['meta']:7.2f} s {n / best['meta']:8.1f} files/s  "
          f"{best['exif'] / best['meta']:5.2f}x exiftool   (target >= 5x)")
    print(f"  exiftool -j -r (peer)    {best['exif']:7.2f} s {n / best['exif']:8.1f} files/s")


def scale_noop(n: int, cache: Path, workers: int) -> None:
    """Peak memory and time of a no-op re-import over ``n`` archived files.

    The files are hard links to one small JPEG (no disk space); the archive's
    ``photo_paths`` rows for them are bulk-loaded, as a finished first import leaves them.
    What is measured is the real ``catalog import`` over the real tree.
    """
    from PIL import Image

    from catalog.archive import Archive
    from catalog.importer import import_paths

    folder = cache / f"links-{n}"
    source = cache / "links-source.jpg"
    if not source.exists():
        Image.new("RGB", (64, 48), "teal").save(source, "JPEG")
    paths = [folder / f"{i // 1000:04}" / f"wire_{i:07}.jpg" for i in range(n)]
    for i, target in enumerate(paths):
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            inode = cache / f"links-source-{i // 50_000}.jpg"  # ext4 allows 65,000 links
            if not inode.exists():
                shutil.copyfile(source, inode)
            os.link(inode, target)
    tmp = Path(tempfile.mkdtemp(prefix="import-bench-scale-"))
    try:
        db = tmp / "scale.db"
        with Archive(db) as archive:
            import_paths(archive, [source], workers=1, thumbnails=False)
            photo_id = archive.db.execute("SELECT id FROM photos").fetchone()[0]
            rows = ({"path": str(p), "photo_id": photo_id, "size": st.st_size,
                     "mtime_ns": st.st_mtime_ns, "seen_at": "bench"}
                    for p, st in ((p, p.stat()) for p in paths))
            archive.db["photo_paths"].insert_all(rows, batch_size=5000)
        wall, peak, out = run([*CLI, str(folder), "--db", str(db), "--workers", str(workers),
                               "--json"], memory=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = json.loads(out)
    if summary["unchanged"] != n:
        raise SystemExit(f"expected {n} unchanged, got {summary['unchanged']}")
    print(f"no-op re-import over {n} archived files: {wall:.2f} s, "
          f"peak memory {peak} MiB (PSS of the process tree)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--n2", type=int, default=None, help="second N for memory (2N)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--decode-floor", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=2,
                        help="rounds of every measurement (fastest kept)")
    parser.add_argument("--short-repeat", type=int, default=5,
                        help="rounds of the short ones (metadata, exiftool, one file): this VM's speed "
                             "swings by a third from one second to the next")
    parser.add_argument("--large", type=int, metavar="N",
                        help="also time --no-thumbnails and exiftool over N files (the --n generated "
                             "ones, then variants of them), where start-up costs weigh little")
    parser.add_argument("--scale", type=int, metavar="N",
                        help="only measure a no-op re-import over N archived files")
    args = parser.parse_args()
    if args.decode_floor:
        decode_floor(args.decode_floor, args.workers)
        return
    if args.scale:
        scale_noop(args.scale, args.cache, args.workers)
        return
    n, n2, w = args.n, args.n2 or 2 * args.n, args.workers
    exiftool = ensure_exiftool()
    # An installed package's bytecode is compiled by pip; an editable one's is not, and
    # where PYTHONDONTWRITEBYTECODE is set every run would compile our modules again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "catalog")], check=True)
    folder = generate(args.cache / f"wire-{n}", n, w)
    folder2 = extend(args.cache / f"wire-{n2}-from-{n}", folder, n2)
    folder1 = extend(args.cache / f"wire-1-from-{n}", folder, 1)
    mb = sum(p.stat().st_size for p in folder.glob("*.jpg")) / n / 1e6
    _warm(folder)
    _warm(folder2)
    common = ["--workers", str(w), "--json"]
    best: dict[str, tuple[float, int, str]] = {}
    for _ in range(args.repeat):  # round robin, keep the fastest: the machine is shared
        tmp = Path(tempfile.mkdtemp(prefix="import-bench-"))
        try:
            measured = {
                "meta": run([*CLI, str(folder), "--db", str(tmp / "meta.db"),
                             "--no-thumbnails", *common]),
                "full": run([*CLI, str(folder), "--db", str(tmp / "full.db"), *common]),
                "noop": run([*CLI, str(folder), "--db", str(tmp / "full.db"), *common]),
                "exif": run([exiftool, "-j", "-r", "-q", str(folder)],
                            stdout=subprocess.DEVNULL),
                "floor": run([sys.executable, __file__, "--decode-floor", str(folder),
                              "--workers", str(w)]),
                "one": run([*CLI, str(folder1), "--db", str(tmp / "one.db"),
                            "--no-thumbnails", *common]),
                "exif_one": run([exiftool, "-j", "-r", "-q", str(folder1)],
                                stdout=subprocess.DEVNULL),
            }
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for key, result in measured.items():
            if key not in best or result[0] < best[key][0]:
                best[key] = result
    for _ in range(max(0, args.short_repeat - args.repeat)):  # ours and the peer, the same tries each
        tmp = Path(tempfile.mkdtemp(prefix="import-bench-"))
        try:
            measured = {
                "meta": run([*CLI, str(folder), "--db", str(tmp / "meta.db"), "--no-thumbnails", *common]),
                "exif": run([exiftool, "-j", "-r", "-q", str(folder)], stdout=subprocess.DEVNULL),
                "one": run([*CLI, str(folder1), "--db", str(tmp / "one.db"), "--no-thumbnails", *common]),
                "exif_one": run([exiftool, "-j", "-r", "-q", str(folder1)], stdout=subprocess.DEVNULL),
            }
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for key, result in measured.items():
            if result[0] < best[key][0]:
                best[key] = result
    tmp = Path(tempfile.mkdtemp(prefix="import-bench-"))
    try:  # memory, in runs of their own (sampling slows what it samples)
        small = run([*CLI, str(folder), "--db", str(tmp / "small.db"), *common], memory=True)
        big = run([*CLI, str(folder2), "--db", str(tmp / "big.db"), *common], memory=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    meta, full, noop, exif = best["meta"], best["full"], best["noop"], best["exif"]
    floor, one, exif_one = best["floor"], best["one"], best["exif_one"]
    for label, result, expected in (("no-thumbnails", meta, n), ("full", full, n),
                                    (f"full N={n}", small, n), (f"full N={n2}", big, n2)):
        summary = json.loads(result[2])
        if summary["imported"] != expected or summary["failed"]:
            raise SystemExit(f"{label}: imported {summary['imported']}, "
                             f"failed {summary['failed']} (expected {expected} imported)")
    if json.loads(noop[2])["unchanged"] != n:
        raise SystemExit("the no-op re-import did not find every file unchanged")

    def rate(seconds: float, count: int = n) -> str:
        return f"{count / seconds:8.1f} files/s"

    print(f"\nN={n} files, {mb:.2f} MB average, {w} workers, warm cache "
          f"(wall time of a fresh process each, fastest of {args.repeat}; of "
          f"{max(args.repeat, args.short_repeat)} for metadata-only, exiftool and one file)")
    print(f"  import --no-thumbnails   {meta[0]:7.2f} s {rate(meta[0])}  "
          f"{exif[0] / meta[0]:5.2f}x exiftool   (target >= 5x)")
    print(f"  import (full)            {full[0]:7.2f} s {rate(full[0])}  "
          f"{full[0] / floor[0]:5.2f}x decode floor's time (target <= 1.25x)")
    print(f"  no-op re-import          {noop[0]:7.2f} s {rate(noop[0])}  "
          f"{100 * noop[0] / full[0]:5.1f}% of the first import (target < 5%)")
    print(f"  exiftool -j -r (peer)    {exif[0]:7.2f} s {rate(exif[0])}")
    print(f"  decode floor (draft)     {floor[0]:7.2f} s {rate(floor[0])}")
    print("  inside the process (summary.duration): "
          f"no-thumbnails {json.loads(meta[2])['duration']:.2f} s, "
          f"full {json.loads(full[2])['duration']:.2f} s, "
          f"no-op {json.loads(noop[2])['duration']:.3f} s")
    print(f"  fixed cost of a run (1 file: start-up, parser warm-up): ours {one[0]:.2f} s, "
          f"exiftool's {exif_one[0]:.2f} s")
    if meta[0] > one[0] and exif[0] > exif_one[0]:
        ours, theirs = (n - 1) / (meta[0] - one[0]), (n - 1) / (exif[0] - exif_one[0])
        print(f"  beyond the fixed costs: --no-thumbnails {ours:.0f} files/s, exiftool "
              f"{theirs:.0f} files/s: {ours / theirs:.2f}x (the ratio a large N tends to)")
    else:
        print("  beyond the fixed costs: not measurable at this N (noise larger than the work)")
    if args.large:
        metadata_at_scale(extend(args.cache / f"wire-{args.large}-from-{n}", folder, args.large),
                          args.large, w, exiftool, max(args.repeat, 3))
    print(f"  peak memory (PSS summed over the process tree, full import): N={n} "
          f"{small[1]} MiB, N={n2} {big[1]} MiB ({big[1] / max(small[1], 1):.2f}x for "
          f"{n2 / n:.1f}x the files; target flat)")


if __name__ == "__main__":
    main()
