"""How quick the picture desk feels on a large archive, driven headless.

    python bench/make_archive.py /tmp/1m.db --rows 1000000      # once; it takes a while
    python bench/tui_bench.py /tmp/1m.db [--size 120x40] [--words protesters lyon ...]

Prints, as median and 95th percentile:
- start-up: from importing the app to the first screen of results on the table;
- first results of a typical query: from the search being issued (after the typing
  debounce) to its rows on the table;
- each keystroke's results while typing words letter by letter (a new search per
  letter once it has two letters, see tui.query.settled_query);
- the next page of results while scrolling, and opening a photo;
and, as the peer measured in the same run, the same searches straight through the
Archive ordered by date (the app's order) and by FTS rank.
Targets from issue 5: first results < 200 ms, keystroke p95 < 150 ms, start-up < 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

TYPICAL = ("protesters", "lyon", "firefighters harbour", "kyiv", "ferry dawn", "polling station",
           "Reuters", "sunflowers", "flood anniversary", "Nakamura")
TYPED_WORDS = ("protesters", "harbour", "firefighters", "kharkiv", "cathedral", "pilgrims",
               "sunflowers", "Okafor")


def summary(label: str, values: list[float]) -> str:
    """One line: median and 95th percentile in milliseconds."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{label:<44} median {statistics.median(ordered):7.1f} ms   "
            f"p95 {p95:7.1f} ms   (n={len(ordered)})")


async def wait_for_results(app, generation: int, timeout: float = 30.0) -> None:
    """Until the search numbered ``generation`` (or later) is on the table."""
    deadline = time.perf_counter() + timeout
    while app.shown_generation < generation:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"search {generation} never showed")
        await asyncio.sleep(0.002)


async def startup_only(db: Path, size: tuple[int, int], launched: float) -> tuple[float, float]:
    """In a fresh process: ms from importing the app, and from the process being launched
    (``launched``: the parent's time.time()), to the first results on the table."""
    started = time.perf_counter()
    from tui.app import CatalogApp

    app = CatalogApp(db, editor="bench")
    async with app.run_test(size=size) as pilot:
        await wait_for_results(app, 1)
        elapsed = (time.perf_counter() - started) * 1000
        since_launch = (time.time() - launched) * 1000
        await pilot.press("ctrl+q")
    return elapsed, since_launch


def startups(db: Path, size: str, runs: int) -> tuple[list[float], list[float]]:
    """Start-up in ``runs`` fresh processes: (import to results, launch to results)."""
    inner, wall = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, str(db), "--size", size,
                               "--startup-only", str(time.time())],
                              capture_output=True, text=True, check=True)
        from_import, from_launch = (float(part) for part in done.stdout.split())
        inner.append(from_import)
        wall.append(from_launch)
    return inner, wall


async def drive(db: Path, size: tuple[int, int], typical: tuple[str, ...],
                typed_words: tuple[str, ...]) -> dict[str, list[float]]:
    """Run the app headless; returns the timings by measure."""
    from tui.app import CatalogApp

    app = CatalogApp(db, editor="bench")
    timings: dict[str, list[float]] = {"first": [], "keystroke": [], "page": [], "detail": []}
    async with app.run_test(size=size) as pilot:
        await wait_for_results(app, 1)
        for query in typical:
            for _ in range(2):  # a new query, then the same one again after another
                app.search_input.value = ""
                app.search_input.value = query
                await pilot.pause(0.16)  # the debounce
                await wait_for_results(app, app.generation)
                timings["first"].append(app.last_search_ms or 0.0)
                app.search_input.value = "x" if query != "x" else "y"
                await pilot.pause(0.2)
        for word in typed_words:
            app.search_input.value = ""
            await pilot.pause(0.2)
            app.search_input.focus()
            for letter in word:
                before = app.generation
                await pilot.press(letter)
                await pilot.pause(0.16)
                if app.generation > before:  # this letter started a search
                    await wait_for_results(app, app.generation)
                    timings["keystroke"].append(app.last_search_ms or 0.0)
        await measure_paging_and_detail(app, pilot, timings)
        await pilot.press("ctrl+q")
    return timings


async def measure_paging_and_detail(app, pilot, timings: dict[str, list[float]]) -> None:
    """Scroll a big result set page by page, then open photos one after another."""
    from tui.screens.detail import DetailScreen

    app.search_input.value = "protesters"
    await pilot.pause(0.16)
    await wait_for_results(app, app.generation)
    app.results_table.focus()
    for _ in range(10):
        app.last_page_ms = None
        while app.last_page_ms is None:
            if not app.loading_more:
                await pilot.press("pagedown")
            await asyncio.sleep(0.005)
        timings["page"].append(app.last_page_ms)
    await pilot.press("home")
    await pilot.press("enter")
    screen = app.screen
    for _ in range(10):
        while not isinstance(screen, DetailScreen) or screen.loaded_ms is None:
            await asyncio.sleep(0.002)
            screen = app.screen
        timings["detail"].append(screen.loaded_ms)
        screen.loaded_ms = None
        await pilot.press("n")  # the next result
    await pilot.press("escape")


def peer(db: Path, queries: tuple[str, ...]) -> dict[str, list[float]]:
    """The same searches straight through the Archive, by date and by rank."""
    from catalog.archive import Archive

    out: dict[str, list[float]] = {"date": [], "relevance": []}
    with Archive(db, readonly=True) as archive:
        for query in queries:
            for order in out:
                began = time.perf_counter()
                archive.search(query, order=order, limit=101)
                out[order].append((time.perf_counter() - began) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--size", default="120x40", help="terminal WIDTHxHEIGHT")
    parser.add_argument("--words", nargs="*", default=list(TYPED_WORDS),
                        help="words typed letter by letter")
    parser.add_argument("--startups", type=int, default=5, help="fresh processes to start")
    parser.add_argument("--startup-only", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no archive at {args.db}: make one with bench/make_archive.py")
    width, height = (int(part) for part in args.size.lower().split("x"))
    if args.startup_only is not None:
        from_import, from_launch = asyncio.run(
            startup_only(args.db, (width, height), args.startup_only))
        print(f"{from_import:.1f} {from_launch:.1f}")
        return 0

    inner, wall = startups(args.db, args.size, args.startups)

    timings = asyncio.run(drive(args.db, (width, height), TYPICAL, tuple(args.words)))
    prefixes = tuple(word[:n] for word in args.words for n in range(2, len(word) + 1))
    direct = peer(args.db, TYPICAL + prefixes)

    from catalog.archive import Archive

    with Archive(args.db, readonly=True) as archive:
        rows = archive.count()
    print(f"archive {args.db} ({rows:,} photos), terminal {width}x{height}, Python {sys.version.split()[0]}")
    print(summary("start-up: import to first results", inner) + "   target < 1000")
    print(summary("start-up: process launch to first results", wall))
    print(summary("first results of a typical query", timings["first"]) + "   target < 200")
    print(summary("each keystroke's results", timings["keystroke"]) + "   target p95 < 150")
    print(summary("next page of 100 rows while scrolling", timings["page"]))
    print(summary("open a photo (row, thumbnail, history)", timings["detail"]))
    print(summary("peer: Archive.search by date (same queries)", direct["date"]))
    print(summary("peer: Archive.search by FTS rank", direct["relevance"]))
    ratio = statistics.median(direct["relevance"]) / max(statistics.median(direct["date"]), 1e-9)
    print(f"rank order / date order, median: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
