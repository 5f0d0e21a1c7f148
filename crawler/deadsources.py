"""A sitemap, feed or listing whose links are all dead is not followed to its end.

A sitemap left behind by a CMS migration, or a hostile feed, may list 50,000 addresses that all
answer 404: each one was a request, hours of a polite crawl for nothing. Once
`MALINEWS_DEAD_SOURCE_AFTER` article addresses from one document answered "gone" in a row (404,
410, a "page not found"; any other page resets the count), the document's further addresses still
queued are skipped, counted (`malinews/<site>/dead_source_skipped`, and `dead_sources` once per
document) and logged once. The addresses found gone are remembered (`archive/gone.py`), so each
later run checks the next ones instead of the same.
"""
from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)


class DeadSourceSkip(IgnoreRequest):
    """A request not sent because the document that listed it proved to list dead addresses only."""


class DeadSources:
    """Gone answers in a row per source document; a source reaching `after` is dead for the run."""

    def __init__(self, after: int) -> None:
        self.after = after  # 0: never
        self.in_a_row: dict[str, int] = {}
        self.dead: set[str] = set()

    def gone(self, source: str | None) -> bool:
        """Count a gone answer to an address `source` listed; True when that makes it dead."""
        if not source or not self.after or source in self.dead:
            return False
        count = self.in_a_row.get(source, 0) + 1
        if count < self.after:
            self.in_a_row[source] = count
            return False
        self.in_a_row.pop(source, None)
        self.dead.add(source)
        return True

    def alive(self, source: str | None) -> None:
        """A page (article or not) answered at an address `source` listed: the count starts again."""
        if source:
            self.in_a_row.pop(source, None)

    def is_dead(self, source: str | None) -> bool:
        """Whether the addresses `source` listed are no longer requested."""
        return bool(source) and source in self.dead


class DeadSourceMiddleware:
    """Downloader middleware: skip (counted) the queued requests of a dead source document."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeadSourceMiddleware:
        """Standard Scrapy constructor."""
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> Any:
        """Raise DeadSourceSkip for a request whose source document is dead."""
        spider = spider or self.crawler.spider
        sources: DeadSources | None = getattr(spider, "dead_sources", None)
        if sources is not None and sources.is_dead(request.meta.get("source")):
            key = request.meta.get("site", "?")
            self.crawler.stats.inc_value(f"malinews/{key}/dead_source_skipped")
            self.crawler.stats.inc_value("malinews/discovery/dead_source_skipped")
            raise DeadSourceSkip(f"listed by a document whose addresses are all gone: {request.url}")
        return None
