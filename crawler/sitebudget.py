"""A run sends at most `MALINEWS_MAX_REQUESTS_PER_SITE` requests to one site.

Listings, sitemaps, feeds and links per page have their own caps, but articles may link articles
without end: a CMS that answers every address below an article with another article (its text and
title printing the address, its links relative) is a chain of distinct pages that no rule for
copies, loops or soft 404s recognises: a scheduled crawl caught in one would run for days, holding the
archive's lock against the next runs. Past the budget the site's further requests are skipped and
counted (`malinews/<site>/budget_skipped`, `budget_exhausted` once), with one warning naming the
setting; `malinews health` reports it. A skipped page is not archived: the next run, which skips
what is archived, asks for it again wherever a listing, sitemap or feed still lists it, so a first
crawl bigger than the budget is spread over runs. Recent crawls use the default
(20,000, far more than a scheduled run of one outlet needs); a backfill lifts it
(`crawler.backfill.apply_mode`) unless set with `-s`.
"""
from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.middlewares import is_robots_request

logger = logging.getLogger(__name__)


class BudgetSkip(IgnoreRequest):
    """A request not sent because its site used this run's request budget."""


class SiteBudgetMiddleware:
    """Downloader middleware: count each site's requests; skip (counted) those past the budget."""

    def __init__(self, crawler: Crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit
        self.sent: Counter[str] = Counter()
        self.exhausted: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteBudgetMiddleware:
        """Standard Scrapy constructor; off when MALINEWS_MAX_REQUESTS_PER_SITE is 0."""
        limit = crawler.settings.getint("MALINEWS_MAX_REQUESTS_PER_SITE")
        if limit <= 0:
            raise NotConfigured("MALINEWS_MAX_REQUESTS_PER_SITE is 0")
        return cls(crawler, limit)

    def process_request(self, request: Request, spider: Spider | None = None) -> Any:
        """Let the request through while its site is within budget; else raise BudgetSkip."""
        key = request.meta.get("site")
        if not key or is_robots_request(request):
            return None
        if self.sent[key] < self.limit:
            self.sent[key] += 1
            return None
        stats = self.crawler.stats
        stats.inc_value(f"malinews/{key}/budget_skipped")
        if key not in self.exhausted:
            self.exhausted.add(key)
            stats.set_value(f"malinews/{key}/budget_exhausted", 1)
            logger.warning("%s: %d requests this run, MALINEWS_MAX_REQUESTS_PER_SITE: its further requests are "
                           "skipped (an endless chain of pages? raise it with -s MALINEWS_MAX_REQUESTS_PER_SITE=N)",
                           key, self.limit)
        raise BudgetSkip(f"{key}: request budget of {self.limit} used: {request.url}")
