"""Per-site accounting for NewsSpider: counters in the crawl stats and the download-failure errback."""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from twisted.python.failure import Failure

from crawler.sitebudget import BudgetSkip
from crawler.sitehealth import SiteDownSkip

logger = logging.getLogger(__name__)


class SpiderAccounting:
    """Mixin: every expected event is a counted stat `malinews/<site>/<key>`, never an exception."""

    crawler: Crawler

    def _stat(self, site: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"malinews/{site}/{key}", n)

    def _count(self, site: str, key: str, global_key: str) -> None:
        """Count an event for its site and under a global key."""
        self._stat(site, key)
        self.crawler.stats.inc_value(global_key)

    def on_error(self, failure: Failure) -> None:
        """Count download failures per site; robots refusals and ignored requests are counted apart."""
        request = failure.request  # type: ignore[attr-defined]
        key = request.meta.get("site", "?")
        if failure.check(SiteDownSkip, BudgetSkip):
            return  # counted by SiteHealthMiddleware (site_down_skipped) or SiteBudgetMiddleware, logged once there
        if failure.check(IgnoreRequest):
            reason = "disallowed" if "robots" in str(failure.value).lower() else "ignored"
            self._count(key, reason, f"malinews/{reason}")
            logger.info("request ignored %s: %s", request.url, failure.value)
            return
        if request.meta.get("probe"):
            return
        self._count(key, "errors", f"malinews/errors/{failure.type.__name__}")
        logger.info("download failed %s: %s", request.url, failure.value)
