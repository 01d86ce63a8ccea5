"""How fast the newsroom's pages are: ``catalog serve`` beside Datasette's defaults.

    python bench/serve_bench.py ARCHIVE.db [--requests 20] [--search protesters]

Starts each server as a subprocess on 127.0.0.1 (a free port), waits until it
answers, requests each page ``--requests`` times over one keep-alive connection
after a few warm-up requests, and prints median and 95th percentile per page, with
the ratio defaults/ours measured in the same run on the same archive.

- ours: ``catalog serve --db ARCHIVE.db`` (our settings, plugin, metadata).
- defaults: ``datasette serve ARCHIVE.db`` with no settings and with this project's
  plugin unregistered, so it is Datasette as installed. Its table page is asked for
  with ``?_facet=agency`` so both pages show the agency facet; it has no photo page,
  so its row page (``/db/photos/<id>``) stands in.

Targets (issue 6): table page < 100 ms, search page < 200 ms, photo page < 50 ms.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGETS_MS = {"table": 100, "search": 200, "photo": 50}

DEFAULTS_LAUNCHER = (
    "import sys\n"
    "from datasette.plugins import pm\n"
    "for name, plugin in list(pm.list_name_plugin()):\n"
    "    if getattr(plugin, '__name__', '').startswith('datasette_catalog'):\n"
    "        pm.unregister(plugin)\n"
    "from datasette.cli import cli\n"
    "sys.argv = ['datasette'] + sys.argv[1:]\n"
    "cli()\n"
)
OURS_LAUNCHER = "import sys\nfrom catalog.cli import cli\nsys.argv = ['catalog'] + sys.argv[1:]\ncli()\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(kind: str, db: Path, port: int) -> subprocess.Popen:
    if kind == "ours":
        argv = [sys.executable, "-c", OURS_LAUNCHER, "serve", "--db", str(db),
                "--port", str(port), "--host", "127.0.0.1"]
    else:
        argv = [sys.executable, "-c", DEFAULTS_LAUNCHER, "serve", str(db),
                "--port", str(port), "--host", "127.0.0.1"]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/-/versions.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server on port {port} did not answer within {timeout} s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(port: int, path: str, count: int, warmup: int, pid: int) -> tuple[list[float], float]:
    """Seconds per request for ``path`` after ``warmup`` unmeasured requests, and the
    server's CPU seconds per measured request (independent of other load on the box)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    times = []
    cpu_start = 0.0
    for n in range(warmup + count):
        if n == warmup:
            cpu_start = cpu_seconds(pid)
        t0 = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - t0
        if response.status != 200:
            raise SystemExit(f"GET {path} -> {response.status}")
        if n >= warmup:
            times.append(elapsed)
    cpu = (cpu_seconds(pid) - cpu_start) / count
    conn.close()
    return times, cpu


def summary(measured: tuple[list[float], float]) -> tuple[float, float, float]:
    """Median and 95th percentile of wall time, and CPU per request, in milliseconds."""
    times, cpu = measured
    ms = sorted(t * 1000 for t in times)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return statistics.median(ms), p95, cpu * 1000


def pages(kind: str, db_name: str, search: str, photo_id: int) -> dict[str, str]:
    table = f"/{db_name}/photos"
    if kind == "ours":
        return {"table": table, "search": f"{table}?_search={search}",
                "photo": f"/-/photo/{photo_id}"}
    return {"table": f"{table}?_facet=agency", "search": f"{table}?_search={search}&_facet=agency",
            "photo": f"{table}/{photo_id}"}


def run(kind: str, db: Path, search: str, photo_id: int, count: int, warmup: int) -> dict:
    port = free_port()
    proc = start(kind, db, port)
    try:
        wait_ready(port, proc)
        return {page: summary(measure(port, path, count, warmup, proc.pid))
                for page, path in pages(kind, db.stem, search, photo_id).items()}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--search", default="protesters")
    parser.add_argument("--photo-id", type=int, default=None)
    parser.add_argument("--defaults-requests", type=int, default=None,
                        help="requests per page for the (slow) defaults; --requests if unset")
    parser.add_argument("--skip-defaults", action="store_true")
    args = parser.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = conn.execute("select count(*) from photos").fetchone()[0]
    thumbs = conn.execute("select count(*) from thumbnails").fetchone()[0]
    photo_id = args.photo_id or conn.execute(
        "select id from photos where file_photo = 1 order by id limit 1 offset 10").fetchone()[0]
    conn.close()
    print(f"archive {args.db}: {rows:,} photos, {thumbs:,} thumbnails; search {args.search!r}; "
          f"photo {photo_id}; {args.requests} requests per page after {args.warmup} warm-up; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    ours = run("ours", args.db, args.search, photo_id, args.requests, args.warmup)
    defaults = None if args.skip_defaults else run(
        "defaults", args.db, args.search, photo_id, args.defaults_requests or args.requests,
        args.warmup)
    print("wall time median / p95 per request, and server CPU time per request (ms)")
    print(f"{'page':7} {'catalog serve':>30} {'datasette defaults':>30} {'ratio':>7}  target")
    for page, (median, p95, cpu) in ours.items():
        peer = "-"
        ratio = "-"
        if defaults:
            d_median, d_p95, d_cpu = defaults[page]
            peer = f"{d_median:8.1f} / {d_p95:7.1f}, cpu {d_cpu:7.1f}"
            ratio = f"{d_median / median:6.1f}x"
        verdict = "met" if median < TARGETS_MS[page] else "MISSED"
        print(f"{page:7} {median:8.1f} / {p95:7.1f}, cpu {cpu:7.1f} {peer:>30} {ratio:>7}  "
              f"< {TARGETS_MS[page]} ms median: {verdict}")
    print(f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
