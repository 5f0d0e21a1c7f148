"""Write articles to the archive in batched transactions on a writer thread (never one commit per item)."""
from __future__ import annotations

import asyncio
import errno
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

from archive.faultinject import cap_growth
from archive.store import Archive, SaveResult
from crawler.stopcrawl import stop_crawl
from pipelines.items import DocumentCopy, GoneUrl, PageItem, SourceHint

logger = logging.getLogger(__name__)


class StoragePipeline:
    """Buffer articles and save them with `Archive.save_batch` every N items or T seconds.

    Batches are written by one dedicated thread (SQLite and zlib release the GIL), so the
    reactor keeps downloading while a transaction commits. At most one batch is in flight;
    when the writer falls two batches behind, `process_item` waits for it (backpressure).
    """

    def __init__(self, crawler: Crawler, db_path: str, run_id: int | None, batch_size: int, flush_seconds: float,
                 cache_mib: int = 16):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.run_id = run_id
        self.batch_size = max(1, batch_size)
        self.flush_seconds = flush_seconds
        self.cache_mib = cache_mib
        self.buffer: list[PageItem | SourceHint | GoneUrl | DocumentCopy] = []
        self.archive: Archive | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._inflight: asyncio.Future[list[SaveResult]] | None = None
        self._loop: task.LoopingCall | None = None
        self.stopping: str | None = None  # why the archive refused a batch for good: the crawl is being stopped

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoragePipeline:
        """Read settings once."""
        s = crawler.settings
        pipe = cls(
            crawler,
            s.get("MALINEWS_DB"),
            s.getint("MALINEWS_RUN_ID") or None,
            s.getint("MALINEWS_BATCH_SIZE", 100),
            s.getfloat("MALINEWS_FLUSH_SECONDS", 2.0),
            s.getint("MALINEWS_DB_CACHE_MIB", 16),
        )
        crawler.signals.connect(pipe.spider_idle, signal=signals.spider_idle)
        return pipe

    def open_spider(self) -> None:
        """Start the writer thread, open the archive on it, start the periodic flush."""
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="malinews-writer")
        # sqlite3 connections belong to the thread that opened them: open it on the writer.
        self.archive = self._writer.submit(Archive.open, self.db_path, cache_mib=self.cache_mib).result()
        self._writer.submit(cap_growth, self.archive.db).result()  # test-only: a full disk, when asked for
        self._loop = task.LoopingCall(self.flush)
        self._loop.start(self.flush_seconds, now=False)

    async def close_spider(self) -> None:
        """Wait for the batch in flight, write what is left, close the archive and the thread."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self._inflight is not None:
            await asyncio.wait([self._inflight])
        self.flush()
        if self._inflight is not None:
            await asyncio.wait([self._inflight])
        if self._writer is not None:
            if self.archive is not None:
                self._writer.submit(self.archive.close).result()
            self._writer.shutdown(wait=True)

    def spider_idle(self) -> None:
        """Flush when the crawl has nothing else to do."""
        self.flush()

    async def process_item(self, item: Any) -> Any:
        """Queue an article for the next batch; wait only when the writer is two batches behind."""
        if isinstance(item, (PageItem, SourceHint, GoneUrl, DocumentCopy)):
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                self.flush()
            while len(self.buffer) >= 2 * self.batch_size and self._inflight is not None:
                self.stats.inc_value("malinews/storage/waits")
                await asyncio.wait([self._inflight])
                self.flush()
        return item

    def _stop_for(self, reason: str, exc: BaseException, lost: int) -> None:
        """Stop the crawl at the first batch the archive refuses for good (`fatal_write_error`): every
        later one would fail too, and the pages fetched meanwhile would be downloaded for nothing."""
        self.stats.inc_value(f"malinews/storage/{reason}_batches")
        if self.stopping is not None:
            return
        self.stopping = reason
        logger.error("the archive cannot be written (%s: %s): a batch of %d items could not be saved; stopping the "
                     "crawl. What was committed stays, and the next run fetches again what this one could not save.",
                     reason, exc, lost)
        stop_crawl(self.crawler, reason)

    def flush(self) -> None:
        """Hand the buffer to the writer thread as one transaction (unless a batch is in flight)."""
        if not self.buffer or self.archive is None or self._writer is None or self._inflight is not None:
            return
        batch, self.buffer = self.buffer, []  # articles, dates met later, gone addresses, kept documents
        rows = [i.to_archive() for i in batch]
        future = asyncio.get_running_loop().run_in_executor(self._writer, self.archive.save_batch, rows, self.run_id)
        self._inflight = future
        future.add_done_callback(lambda f: self._saved(batch, f))

    def _saved(self, batch: list[PageItem | SourceHint | GoneUrl | DocumentCopy], future: asyncio.Future[list[SaveResult]]) -> None:
        """Count the outcomes per site (on the reactor thread); start the next batch if one is ready."""
        self._inflight = None
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - counted and logged; the next run refetches these pages
            self.stats.inc_value("malinews/errors/storage", len(batch))
            for item in batch:
                self.stats.inc_value(f"malinews/{item.site}/errors")
            if (reason := fatal_write_error(exc)) is not None:
                self._stop_for(reason, exc, len(batch))
            else:  # a lock held past the busy timeout, a bug: this batch only
                logger.error("could not save a batch of %d articles: %s", len(batch), exc)
            return
        for item, result in zip(batch, results):
            if isinstance(item, GoneUrl):  # remembered, or `gone_archived`: an article is archived there
                self.stats.inc_value(f"malinews/{item.site}/" + ("gone_remembered" if result.status == "gone" else result.status))
                continue
            if isinstance(item, DocumentCopy):  # document_kept / document_dropped
                self.stats.inc_value(f"malinews/discovery/{result.status}")
                continue
            self.stats.inc_value(f"malinews/{item.site}/articles_{result.status}")
            self.stats.inc_value(f"malinews/articles_{result.status}")
            if result.status == "rejected":  # data SQLite refused: one row lost, counted like any error
                self.stats.inc_value(f"malinews/{item.site}/errors")
        self.stats.inc_value("malinews/storage/batches")
        logger.debug("saved a batch of %d articles", len(batch))
        if len(self.buffer) >= self.batch_size:
            self.flush()


# The OS's words for a write refused for good (SQLite's are read from its message below).
_OS_STOPS = {errno.ENOSPC: "disk_full", errno.EROFS: "archive_read_only", errno.EIO: "archive_io_error"}


def fatal_write_error(exc: BaseException) -> str | None:
    """The crawl's finish reason when a batch failed in a way every later one would too, else None:
    `disk_full`, `archive_read_only` (its disk remounted read-only, its file made so), `archive_io_error`
    (a failing or unplugged disk), `archive_damaged` (the file is corrupt)."""
    if isinstance(exc, OSError):
        return _OS_STOPS.get(exc.errno or 0)
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    message = str(exc)
    if "disk is full" in message:  # SQLITE_FULL: "database or disk is full"
        return "disk_full"
    if "readonly database" in message:  # "attempt to write a readonly database"
        return "archive_read_only"
    if "disk I/O error" in message:
        return "archive_io_error"
    if "malformed" in message or "not a database" in message:  # "database disk image is malformed"
        return "archive_damaged"
    return None
