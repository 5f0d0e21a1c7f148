"""Every crawl lands in `crawl_runs`, also when Scrapy is started without the CLI (scrapyd, `scrapy crawl`)."""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from archive.lock import ArchiveLock
from archive.store import Archive
from crawler.progress import COLUMNS, site_counts

logger = logging.getLogger(__name__)


def run_counts(stats: Mapping[str, Any], keys: list[str], **extra: Any) -> dict[str, Any]:
    """What `Archive.finish_run` stores for a crawl: totals, per-site counts, all stats, and `extra`."""
    per_site = {k: site_counts(dict(stats), k) for k in keys}
    totals = {c: sum(p[c] for p in per_site.values()) for c in COLUMNS}
    return {
        "pages": totals["pages"],
        "articles_new": totals["articles_new"],
        "articles_updated": totals["articles_updated"],
        "articles_unchanged": totals["articles_unchanged"],
        "dropped": totals["dropped"],
        "errors": totals["errors"],
        "per_site": per_site,
        "scrapy": {k: v for k, v in stats.items() if not str(k).startswith("malinews/")},
        "malinews": {k: v for k, v in stats.items() if str(k).startswith("malinews/")},
        "pid": os.getpid(),
        **extra,
    }


class RunRecordExtension:
    """Take the archive lock, open a `crawl_runs` row, close it with the stats (off under the CLI).

    `malinews crawl` does this itself and sets MALINEWS_RUN_ID, which disables the extension.
    A locked archive stops the crawl before it starts (ArchiveLockedError in the log).
    """

    def __init__(self, crawler: Crawler, db: str, keys: list[str]) -> None:
        self.crawler = crawler
        self.db = db
        self.keys = keys
        self.lock = ArchiveLock(db)
        self.lock.acquire()  # raises ArchiveLockedError: two crawls never write one archive
        archive = Archive.open(db)
        try:
            self.run_id = archive.start_run(keys)
        finally:
            archive.close()
        crawler.settings.set("MALINEWS_RUN_ID", self.run_id, priority="cmdline")
        logger.info("crawl run %s recorded in %s", self.run_id, db)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecordExtension:
        """Enabled when no run id was given (the CLI gives one) and the spider is malinews'."""
        settings = crawler.settings
        spider = getattr(crawler, "spider", None)
        if settings.get("MALINEWS_RUN_ID") or not settings.get("MALINEWS_DB") or not hasattr(spider, "sites"):
            raise NotConfigured
        ext = cls(crawler, settings.get("MALINEWS_DB"), sorted(spider.sites))  # type: ignore[union-attr]
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def closed(self, reason: str) -> None:
        """Close the run with its counts, then release the lock."""
        try:
            stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
            settings = self.crawler.settings
            extra = {"mode": "backfill" if settings.getbool("MALINEWS_BACKFILL") else "recent",
                     "since": settings.get("MALINEWS_SINCE"), "until": settings.get("MALINEWS_UNTIL"),
                     "launcher": "scrapy"}
            archive = Archive.open(self.db)
            try:
                archive.finish_run(self.run_id, "finished" if reason == "finished" else "interrupted", reason,
                                   run_counts(stats, self.keys, **extra))
            finally:
                archive.close()
        finally:
            self.lock.release()
