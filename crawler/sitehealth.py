"""A circuit breaker per site: a site that stops answering is set aside, not hammered for hours.

A site that goes down mid-crawl leaves thousands of queued requests (a sitemap's worth); each one
would then cost DOWNLOAD_TIMEOUT × (RETRY_TIMES + 1) — days for a big backfill. After
`MALINEWS_SITE_DOWN_AFTER` failed attempts in a row (timeouts, refused or reset connections, and
the statuses Scrapy retries, RETRY_HTTP_CODES: 5xx, 408, 429; retries are attempts too), the
site's further requests are skipped and counted
(`malinews/<site>/site_down_skipped`), with one warning in the log. Every
`MALINEWS_SITE_DOWN_PROBE_SECONDS` one request still goes through: if it succeeds the site is
back and crawled as before. Skipped pages are not archived, so the next run asks for them again.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

logger = logging.getLogger(__name__)


class SiteDownSkip(IgnoreRequest):
    """A request not sent because its site stopped answering in this run."""


@dataclass
class SiteHealth:
    """Failures in a row of one site, and since when it is set aside (None: it is not)."""

    failures: int = 0
    down_since: float | None = None
    last_probe: float = 0.0
    skipped: int = 0


class SiteHealthMiddleware:
    """Downloader middleware: count each site's failures in a row and skip a site that is down."""

    def __init__(self, crawler: Crawler, down_after: int, probe_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.crawler = crawler
        self.down_after = down_after
        self.probe_seconds = probe_seconds
        self.failing_statuses = frozenset(int(code) for code in crawler.settings.getlist("RETRY_HTTP_CODES"))
        self.clock = clock
        self.sites: dict[str, SiteHealth] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteHealthMiddleware:
        """Standard Scrapy constructor; `MALINEWS_SITE_DOWN_AFTER = 0` turns the breaker off."""
        down_after = crawler.settings.getint("MALINEWS_SITE_DOWN_AFTER", 25)
        if down_after <= 0:
            raise NotConfigured("MALINEWS_SITE_DOWN_AFTER is 0")
        return cls(crawler, down_after, crawler.settings.getfloat("MALINEWS_SITE_DOWN_PROBE_SECONDS", 60.0))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        """Raise SiteDownSkip for a request of a site that is down, but let a probe through now and then."""
        health = self.sites.get(request.meta.get("site", ""))
        if health is None or health.down_since is None:
            return None
        now = self.clock()
        if now - health.last_probe >= self.probe_seconds:
            health.last_probe = now
            return None
        health.skipped += 1
        self._stat(request, "site_down_skipped")
        raise SiteDownSkip(f"site {request.meta['site']} is down ({health.failures} failures in a row)")

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        """A status Scrapy retries (5xx, 408, 429) is a failure; any other answer (a 404 too) shows
        the site is up."""
        if response.status in self.failing_statuses:
            self._failed(request, f"HTTP {response.status}")
        else:
            self._succeeded(request)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None) -> None:
        """A download that failed (timeout, refused, reset) is a failure."""
        if not isinstance(exception, IgnoreRequest):
            self._failed(request, f"{type(exception).__name__}: {exception}")
        return None

    def _failed(self, request: Request, why: str) -> None:
        key = request.meta.get("site")
        if not key:
            return
        health = self.sites.setdefault(key, SiteHealth())
        health.failures += 1
        if health.down_since is None and health.failures >= self.down_after:
            health.down_since = health.last_probe = self.clock()
            self._stat(request, "site_down")
            logger.warning("site %s looks down: %d requests in a row failed (last: %s); its other requests "
                           "are skipped, with one probe every %.0f s", key, health.failures, why, self.probe_seconds)

    def _succeeded(self, request: Request) -> None:
        health = self.sites.get(request.meta.get("site", ""))
        if health is None:
            return
        if health.down_since is not None:
            logger.warning("site %s answers again after %.0f s down (%d requests skipped meanwhile)",
                           request.meta["site"], self.clock() - health.down_since, health.skipped)
        health.failures, health.down_since = 0, None

    def _stat(self, request: Request, key: str) -> None:
        self.crawler.stats.inc_value(f"malinews/{request.meta['site']}/{key}")
        self.crawler.stats.inc_value(f"malinews/{key}")
