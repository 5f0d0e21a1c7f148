"""Write articles to the archive in batched transactions (never one commit per item)."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

from archive.store import Archive
from pipelines.items import PageItem

logger = logging.getLogger(__name__)


class StoragePipeline:
    """Buffer articles and save them with `Archive.save_batch` every N items or T seconds."""

    def __init__(self, crawler: Crawler, db_path: str, run_id: int | None, batch_size: int, flush_seconds: float):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.run_id = run_id
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.buffer: list[PageItem] = []
        self.archive: Archive | None = None
        self._loop: task.LoopingCall | None = None

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
        )
        crawler.signals.connect(pipe.spider_idle, signal=signals.spider_idle)
        return pipe

    def open_spider(self) -> None:
        """Open the archive and start the periodic flush."""
        self.archive = Archive.open(self.db_path)
        self._loop = task.LoopingCall(self.flush)
        self._loop.start(self.flush_seconds, now=False)

    def close_spider(self) -> None:
        """Flush what is left and close the archive."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self.flush()
        if self.archive is not None:
            self.archive.close()

    def spider_idle(self) -> None:
        """Flush when the crawl has nothing else to do."""
        self.flush()

    def process_item(self, item: Any) -> Any:
        """Queue an article for the next batch."""
        if isinstance(item, PageItem):
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                self.flush()
        return item


    def flush(self) -> None:
        """Save the buffer in one transaction and count the outcomes per site."""
        if not self.buffer or self.archive is None:
            return
        batch, self.buffer = self.buffer, []
        results = self.archive.save_batch([i.to_archive() for i in batch], self.run_id)
        for item, result in zip(batch, results):
            self.stats.inc_value(f"malinews/{item.site}/articles_{result.status}")
            self.stats.inc_value(f"malinews/articles_{result.status}")
        logger.debug("saved a batch of %d articles", len(batch))
