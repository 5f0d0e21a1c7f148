"""A bounded process pool that runs CPU-bound extraction off Scrapy's event loop."""
from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import functools
import gc
import importlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import select
import threading
import time
from dataclasses import dataclass
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, TypeVar

from archive.faultinject import kill_point

logger = logging.getLogger(__name__)
T = TypeVar("T")


class ExtractionTimeoutError(Exception):
    """A page took longer than the per-page extraction budget."""


WORKER_MODULES = ("crawler.datecheck", "crawler.discovery")
# Fewer, larger young-generation collections, in the crawl process and its workers: every page
# allocates tens of thousands of short-lived objects, which Python's default (700, 10, 10) scans over and over.
GC_THRESHOLDS = (20_000, 20, 20)


# A page with more tags or bytes than this (the largest of 660 real news pages has 4,000 `<` and
# 510 KB) takes hundreds of MB to extract: 200,000 elements 450 MB, a 7 MB text 350 MB. Such pages
# go through one at a time, and the worker hands the memory back afterwards, so two of them never
# add up nor stay resident.
HEAVY_PAGE_TAGS = 50_000
HEAVY_PAGE_BYTES = 2 * 1024 * 1024


def heavy_page(body: bytes) -> bool:
    """Whether a fetched page is heavy to extract (see HEAVY_PAGE_TAGS): over 2 MiB, or more `<`
    than HEAVY_PAGE_TAGS (the most its elements can number)."""
    return len(body) > HEAVY_PAGE_BYTES or body.count(b"<") > HEAVY_PAGE_TAGS


@functools.cache
def _libc_malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        return None


def release_freed_memory() -> None:
    """Collect garbage and give the heap's free pages back to the OS (glibc `malloc_trim`).

    Without it a worker keeps its peak for the rest of the crawl: 450 MB after one page of 200,000
    elements, 60 MB after the trim (13 ms)."""
    gc.collect()
    if (trim := _libc_malloc_trim()) is not None:
        trim(0)


@dataclass(frozen=True)
class WorkerCall:
    """A function named by module and name, imported where it runs: the crawl process submits
    extraction without loading the extraction stack (trafilatura and friends) itself."""

    module: str
    name: str

    def __call__(self, *args: Any) -> Any:
        """Import the function (cached by Python after the first call) and call it."""
        return getattr(importlib.import_module(self.module), self.name)(*args)


@dataclass(frozen=True)
class ThenReleaseMemory:
    """`call`, then `release_freed_memory()` in the same worker: how heavy pages are run."""

    call: Callable[..., Any]

    def __call__(self, *args: Any) -> Any:
        """The call's result; the memory it used is handed back even if it raised."""
        try:
            return self.call(*args)
        finally:
            release_freed_memory()


def init_worker(crawl_pid: int, modules: tuple[str, ...] = WORKER_MODULES) -> None:
    """Worker initializer: import the extraction code now, and exit with the crawl process."""
    for name in modules:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()  # the imported code is never garbage: keep it out of every later collection
    gc.set_threshold(*GC_THRESHOLDS)
    exit_with_crawl(crawl_pid)


def exit_with_crawl(crawl_pid: int) -> None:
    """Exit this worker as soon as the crawl process is gone, even if it was SIGKILLed.

    Workers hold the call queue's write end, so without this a killed crawl leaves its idle
    workers waiting forever (~100 MB each).
    """
    def watch() -> None:
        try:
            fd = os.pidfd_open(crawl_pid)
        except (AttributeError, OSError):  # no pidfd (old kernel, not Linux): poll
            while True:
                time.sleep(1.0)
                try:
                    os.kill(crawl_pid, 0)
                except ProcessLookupError:
                    break
        else:
            select.select([fd], [], [])  # readable when the process has exited
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-crawl", daemon=True).start()


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


class ExtractionPool:
    """Run picklable functions in worker processes, with at most `max_pending` in flight.

    The semaphore is the backpressure: a callback awaiting `run` waits for a free slot, so
    responses queue in Scrapy's scraper slot (bounded by SCRAPER_SLOT_MAX_ACTIVE_SIZE) instead
    of piling up pickled bodies in the executor's unbounded queue. Heavy jobs also take the heavy
    lane, one at a time (see HEAVY_PAGE_TAGS).
    """

    def __init__(self, workers: int | None = None, max_pending: int | None = None, timeout: float = 120.0):
        self.workers = workers or default_workers()
        self.max_pending = max_pending or self.workers * 4
        self.timeout = timeout
        self._executor: ProcessPoolExecutor | None = None
        self._semaphore: asyncio.Semaphore | None = None
        self._heavy_lane: asyncio.Semaphore | None = None

    def _ensure(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork (the crawl process runs threads) nor forkserver (one more ~80 MB
            # process for the whole crawl): each worker imports the extraction code once, at start.
            ctx = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=init_worker,
                                                 initargs=(os.getpid(),))
        return self._executor

    def start(self) -> None:
        """Spawn every worker now (at spider start), so the first pages do not block the reactor."""
        executor = self._ensure()
        for future in [executor.submit(os.getpid) for _ in range(self.workers)]:
            future.result()

    async def run(self, fn: Callable[..., T], *args: Any, heavy: bool = False) -> T:
        """Run `fn(*args)` in a worker and return its result without blocking the loop.

        A job that outlives `timeout` gets its pool killed (a stuck worker cannot be stopped
        otherwise) and raises `ExtractionTimeoutError`; jobs that were in flight on a pool that
        died (killed, or a worker crashed) are retried once on a fresh pool. A `heavy` job waits
        for the other heavy one in flight to end, and its worker then hands its memory back.
        """
        if self._semaphore is None or self._heavy_lane is None:  # made on the running loop
            self._semaphore, self._heavy_lane = asyncio.Semaphore(self.max_pending), asyncio.Semaphore(1)
        semaphore, heavy_lane = self._semaphore, self._heavy_lane
        if not heavy:
            async with semaphore:
                return await self._submit(fn, *args)
        # The lane first: heavy pages waiting their turn hold no slot, so ordinary pages keep the
        # other worker busy (the responses waiting are bounded by Scrapy's scraper slot).
        async with heavy_lane, semaphore:
            return await self._submit(ThenReleaseMemory(fn), *args)

    async def _submit(self, fn: Callable[..., T], *args: Any) -> T:
        """`run`'s submission, timeout and retry, once a slot is held."""
        for attempt in range(2):
            executor = self._ensure()
            try:
                future = executor.submit(fn, *args)
            except BrokenProcessPool:
                self._discard(executor)
                continue
            kill_point("extract")  # test-only: tests/test_crash_safety.py dies here, a page in a worker
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except asyncio.TimeoutError:
                logger.warning("an extraction ran over %.0fs: killing its workers", self.timeout)
                self._discard(executor, kill=True)
                raise ExtractionTimeoutError(f"extraction took more than {self.timeout:.0f}s") from None
            except BrokenProcessPool:
                self._discard(executor)
                if attempt:
                    raise
                logger.warning("an extraction worker died; retrying the page once on a fresh pool")
        raise BrokenProcessPool("the extraction pool could not be restarted")

    def _discard(self, executor: ProcessPoolExecutor, kill: bool = False) -> None:
        """Stop using `executor` (the next job starts a fresh pool); `kill` terminates its workers."""
        if kill:
            # ProcessPoolExecutor cannot cancel a running job: end the processes themselves.
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        if self._executor is executor:
            self._executor = None

    def close(self, grace: float = 10.0) -> None:
        """Stop the workers: running jobs get `grace` seconds to finish, then their process is killed."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        # Wait on the workers' sentinels, not with Process.join: the executor's own manager thread
        # reaps the workers too, and a join that loses that race returns at once, reporting a worker
        # that has already exited as alive (it was then "killed" at every shutdown).
        running = {process.sentinel: process for process in processes}
        deadline = time.monotonic() + grace
        while running and (left := deadline - time.monotonic()) > 0:
            for sentinel in multiprocessing.connection.wait(list(running), timeout=left):
                running.pop(sentinel)  # type: ignore[call-overload]
        for process in running.values():
            logger.warning("an extraction worker did not stop within %.0fs: killing it", grace)
            process.kill()
            process.join(5)
