"""Run per-file work in worker processes with bounded work in flight.

Memory stays flat in the number of files: tasks are pulled from an iterator only
as chunks complete (at most ``workers * IN_FLIGHT_PER_WORKER`` chunks out).

A worker that dies (a segfault in a decoder, the OOM killer) breaks the pool; a
worker that hangs stalls it (nothing completes for ``stall_s`` seconds, and the
pool's processes are then stopped). Either way the tasks that were in flight are
retried one file at a time in a fresh pool; a file that breaks or stalls the
pool on its own becomes a failure (via ``on_failure``) and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")

IN_FLIGHT_PER_WORKER = 4
#: Seconds without any finished chunk after which the workers are taken as hung.
STALL_S = 120.0
CRASH_REASON = "the worker process crashed while reading this file"
STALL_REASON = "reading this file did not finish within {s:.0f} s; it was stopped"


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint,
                               mp_context=multiprocessing.get_context("fork"))


def run_tasks(
    tasks: Iterable[T],
    func: Callable[[list[T]], list[Any]],
    *,
    workers: int,
    on_failure: Callable[[T, str], Any],
    chunk_size: int = 8,
    warm_up: Callable[[], None] | None = None,
    stall_s: float = STALL_S,
) -> Iterator[Any]:
    """Yield ``func``'s results for every task (``func`` maps a chunk to one result per
    task), in completion order. ``warm_up`` runs once before the workers are forked, only
    if there is work. One worker is still a process of its own, so that a file that crashes
    or hangs a decoder costs that file, not the run; ``workers <= 0`` runs in this process
    (no such protection)."""
    tasks = iter(tasks)
    first = list(islice(tasks, chunk_size))
    if not first:
        return
    if workers <= 0:
        chunk = first
        while chunk:
            yield from func(chunk)
            chunk = list(islice(tasks, chunk_size))
        return
    if warm_up:
        warm_up()
    yield from _run_pool(first, tasks, func, workers, chunk_size, on_failure, stall_s)


def _run_pool(
    first: list[T], tasks: Iterator[T], func: Callable[[list[T]], list[Any]], workers: int,
    chunk_size: int, on_failure: Callable[[T, str], Any], stall_s: float,
) -> Iterator[Any]:
    pool = _new_pool(workers)
    full = workers * IN_FLIGHT_PER_WORKER
    limit = full
    in_flight: dict[Future, tuple[list[T], bool]] = {pool.submit(func, first): (first, False)}
    retry: deque[list[T]] = deque()  # single-task chunks after a crash or a stall
    exhausted = False
    try:
        while True:
            broken = False
            while len(in_flight) < limit:
                if retry:
                    chunk, suspect = retry.popleft(), True
                elif not exhausted:
                    chunk, suspect = list(islice(tasks, chunk_size)), False
                    if not chunk:
                        exhausted = True
                        continue
                else:
                    break
                try:
                    in_flight[pool.submit(func, chunk)] = (chunk, suspect)
                except BrokenProcessPool:  # a worker died since the last wait: chunk not run
                    retry.extendleft([task] for task in reversed(chunk))
                    broken = True
                    break
            if not in_flight and not broken:
                return
            done, _ = (wait(in_flight, timeout=stall_s, return_when=FIRST_COMPLETED)
                       if in_flight else (set(), set()))
            stalled = not done and not broken
            if stalled:  # every worker is stuck: stop them, which breaks the pool
                _kill_workers(pool)
                done, _ = wait(in_flight, timeout=30)
            for future in done:
                chunk, suspect = in_flight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    if suspect:
                        reason = STALL_REASON.format(s=stall_s) if stalled else CRASH_REASON
                        yield on_failure(chunk[0], reason)
                    else:
                        retry.extend([task] for task in chunk)
                    continue
                yield from results
            if broken or stalled:
                for chunk, _suspect in in_flight.values():
                    retry.extend([task] for task in chunk)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(workers)
                # Suspects run one at a time, so the one file that kills or hangs a
                # worker cannot take innocent files with it.
                limit = 1 if retry else full
            elif not retry:
                limit = full
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a hung pool's processes. ProcessPoolExecutor has no public way to do it;
    ``_processes`` (pid -> Process) is stable across CPython 3.8-3.13."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
