"""Run extraction tasks in worker processes with bounded work in flight.

Memory stays flat in the number of files: tasks are pulled from an iterator only
as chunks complete (at most ``workers * IN_FLIGHT_PER_WORKER`` chunks out).

A worker that dies (a segfault in a decoder, the OOM killer) breaks the pool.
The tasks it held are then retried one file per task in a fresh pool; a file that
breaks the pool on its own is reported as a failure ("the worker process crashed
while reading this file") and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from catalog.importer.extract import Failure, Task, extract_many, warm_up

IN_FLIGHT_PER_WORKER = 4
CRASH_REASON = "the worker process crashed while reading this file"


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint,
                               mp_context=multiprocessing.get_context("fork"))


def run_tasks(
    tasks: Iterable[Task],
    *,
    workers: int,
    chunk_size: int = 8,
    extract_chunk: Callable[[list[Task]], list[Any]] | None = None,
) -> Iterator[Any]:
    """Yield one result (a PhotoRecord or a Failure) per task, in completion order."""
    func = extract_chunk or extract_many
    tasks = iter(tasks)
    if workers <= 1:
        while chunk := list(islice(tasks, chunk_size)):
            yield from func(chunk)
        return
    yield from _run_pool(tasks, workers, chunk_size, func)


def _run_pool(
    tasks: Iterator[Task], workers: int, chunk_size: int,
    func: Callable[[list[Task]], list[Any]],
) -> Iterator[Any]:
    first = list(islice(tasks, chunk_size))
    if not first:
        return  # nothing to do: no pool, no warm-up (a no-op re-import stays instant)
    warm_up()
    pool = _new_pool(workers)
    limit = workers * IN_FLIGHT_PER_WORKER
    in_flight: dict[Future, tuple[list[Task], bool]] = {pool.submit(func, first): (first, False)}
    retry: deque[list[Task]] = deque()  # single-file chunks after a crash
    exhausted = False
    try:
        while True:
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
                in_flight[pool.submit(func, chunk)] = (chunk, suspect)
            if not in_flight:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk, suspect = in_flight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    if suspect:
                        yield Failure(chunk[0].path, CRASH_REASON, "WorkerCrash")
                    else:
                        retry.extend([task] for task in chunk)
                    continue
                yield from results
            if broken:
                for chunk, _suspect in in_flight.values():
                    retry.extend([task] for task in chunk)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(workers)
                # After a crash, run the suspects one at a time so that the one
                # file that kills a worker cannot take innocent files with it.
                limit = 1 if retry else workers * IN_FLIGHT_PER_WORKER
            elif not retry:
                limit = workers * IN_FLIGHT_PER_WORKER
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
