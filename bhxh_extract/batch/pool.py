"""Serial and parallel runs: a pool of worker processes started once, input order kept, a dead worker costing only its document."""
from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from ..pipeline import extract
from .documents import run_task
from .inputs import Options, Outcome, Task

CHUNK = 4                # documents per task sent to a worker (~50 ms of work)
WINDOW_PER_JOB = 4       # chunks in flight per worker: enough to keep it busy, little memory
# Starting a worker costs some 0.5 s (imports, lexicons, dictionaries): below this
# many documents one process finishes sooner than a pool.
PARALLEL_FROM = 50


# --- serial and parallel runs -------------------------------------------------------
WARM_UP_TEXT = ("Theo Kế hoạch số 548/KH-BHXH ngày 15/5/2020, BHXH tỉnh đã vận động được 1.186 người "
                "tham gia BHXH tự nguyện, đạt 132,14% kế hoạch, thu 12,76 triệu đồng; 9 hợp tác xã mới.")
_WORKER_OPTIONS = Options()


def _init_worker(options: Options) -> None:
    """Once per worker process: options, signals, and every lazy import and
    compiled pattern loaded now rather than on the first document."""
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    # Ctrl-C reaches the whole process group: the parent alone handles it
    # (writes what it has, says how to resume); workers just finish or stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, OOM killer) cannot stop its pool:
    # workers stop themselves once orphaned instead of waiting forever.
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    extract(WARM_UP_TEXT, "warm-up")


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    return [run_task(task, _WORKER_OPTIONS) for task in tasks]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def run_tasks(tasks: Iterable[Task], options: Options = Options(), jobs: int = 1,
              min_parallel: int = PARALLEL_FROM) -> Iterator[Outcome]:
    """One outcome per task, in input order. With jobs > 1 and at least
    `min_parallel` documents, a pool of `jobs` worker processes, each
    initialised once; at most jobs * WINDOW_PER_JOB chunks are in flight."""
    tasks = iter(tasks)
    head = list(islice(tasks, max(min_parallel, 2)))
    if jobs <= 1 or len(head) < max(min_parallel, 2):
        return (run_task(task, options) for task in chain(head, tasks))
    return _run_pool(chain(head, tasks), options, jobs)


def chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _new_pool(jobs: int, options: Options) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,))


def _run_pool(tasks: Iterator[Task], options: Options, jobs: int) -> Iterator[Outcome]:
    batches = chunks(tasks, CHUNK)
    pool = _new_pool(jobs, options)
    pending: deque[tuple[list[Task], Any]] = deque()
    try:
        for chunk in islice(batches, jobs * WINDOW_PER_JOB):
            pending.append((chunk, pool.submit(_run_chunk, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed): every chunk
                # in flight failed with it; redo them one document at a time.
                pool.shutdown(wait=False, cancel_futures=True)
                suspects = chunk + [t for c, _ in pending for t in c]
                pending.clear()
                yield from _run_alone(suspects, options)
                pool = _new_pool(jobs, options)
                outcomes = []
            yield from outcomes
            for chunk in islice(batches, jobs * WINDOW_PER_JOB - len(pending)):
                pending.append((chunk, pool.submit(_run_chunk, chunk)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_alone(tasks: list[Task], options: Options) -> Iterator[Outcome]:
    """Each task in a one-worker pool, so a document that kills its worker
    is known and reported, and the others still get their records."""
    pool = _new_pool(1, options)
    try:
        for task in tasks:
            try:
                yield pool.submit(_run_chunk, [task]).result()[0]
            except BrokenProcessPool:
                yield Outcome(task.doc_id, source=task.source, line=task.line,
                              error="the worker process died on this document (killed, out of memory or crashed)")
                pool.shutdown(wait=False)
                pool = _new_pool(1, options)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
