"""A page whose callback raises is a counted error of its site, not a traceback in the crawl log.

Scrapy logs an exception escaping a spider callback as "Spider error processing …" with its
traceback. A hostile page must never produce one: this spider middleware counts the exception
(`malinews/<site>/errors` and `malinews/errors/callback_<Type>`), logs one warning line, keeps
the traceback at DEBUG level for developers, and lets the crawl go on.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable

from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)


class CallbackErrorMiddleware:
    """Spider middleware: swallow and count exceptions raised by spider callbacks."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CallbackErrorMiddleware:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[Any]:
        """Count the failure for the page's site; output nothing more for this response."""
        site = response.meta.get("site", "?")
        self.stats.inc_value(f"malinews/{site}/errors")
        self.stats.inc_value(f"malinews/errors/callback_{type(exception).__name__}")
        logger.warning("could not process %s: %s: %s", response.url, type(exception).__name__, exception)
        logger.debug("callback failure on %s", response.url, exc_info=exception)
        return []
