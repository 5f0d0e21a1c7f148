"""robots.txt `Crawl-delay` honoured per host, within a bound.

Scrapy obeys robots.txt's Allow/Disallow rules but not its `Crawl-delay`. This extension reads the
delay robots.txt gives our user agent (Protego, as Scrapy's parser), caps it at
`MALINEWS_MAX_CRAWL_DELAY` (a hostile `Crawl-delay: 999999` would stall the site for the whole
run; a cap is counted `crawl_delay_capped`), and keeps the host's download slot at least that far
apart, also after AutoThrottle lowers a slot's delay (it runs after AutoThrottle on every response).
"""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK

from crawler.robots import robots_bytes

logger = logging.getLogger(__name__)


def robots_crawl_delay(body: bytes, user_agent: str) -> float | None:
    """The `Crawl-delay` robots.txt gives `user_agent` (its own group, else `*`), in seconds, or None.

    RobotsTxtMiddleware has already parsed this body (and keeps its parser to itself): the second
    Protego parse is only paid by a robots.txt that has a Crawl-delay line at all."""
    if b"crawl-delay" not in body[:500 * 1024].lower():
        return None
    try:
        delay = Protego.parse(robots_bytes(body).decode("utf-8", "replace")).crawl_delay(user_agent)
    except Exception:  # noqa: BLE001 - a robots.txt that Protego cannot read gives no delay
        return None
    return float(delay) if delay is not None and delay > 0 else None


class CrawlDelayExtension:
    """Keep each host's download slot at least its robots.txt `Crawl-delay` apart (bounded)."""

    def __init__(self, crawler: Crawler, user_agent: str, max_delay: float) -> None:
        self.crawler = crawler
        self.user_agent = user_agent
        self.max_delay = max_delay
        self.floors: dict[str, float] = {}  # download slot key → delay floor

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayExtension:
        """Enabled with ROBOTSTXT_OBEY; `MALINEWS_MAX_CRAWL_DELAY = 0` turns it off."""
        settings = crawler.settings
        max_delay = settings.getfloat("MALINEWS_MAX_CRAWL_DELAY", 30.0)
        if not settings.getbool("ROBOTSTXT_OBEY") or max_delay <= 0:
            raise NotConfigured
        ext = cls(crawler, settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT"), max_delay)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        # Connected after AutoThrottle's own handler (a built-in extension, created first).
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def response_received(self, response: Response, request: Request, **kwargs: Any) -> None:
        """Read a robots.txt fetched by Scrapy's RobotsTxtMiddleware and set its host's floor."""
        if request.callback is not NO_CALLBACK or not request.meta.get("dont_obey_robotstxt"):
            return
        if urlsplit(request.url).path != "/robots.txt" or response.status != 200:
            return
        delay = robots_crawl_delay(response.body, self.user_agent)
        if delay is None:
            return
        host = urlsplit(request.url).netloc
        if delay > self.max_delay:
            logger.warning("robots.txt of %s asks for Crawl-delay %g s; capped at %g s", host, delay, self.max_delay)
            self.crawler.stats.inc_value("malinews/robots/crawl_delay_capped")
            delay = self.max_delay
        self.crawler.stats.max_value(f"malinews/robots/crawl_delay/{host}", delay)
        logger.info("honouring Crawl-delay %g s for %s", delay, host)
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return
        key = downloader.get_slot_key(request)
        self.floors[key] = delay
        if (slot := downloader.slots.get(key)) is not None:
            slot.delay = max(slot.delay, delay)

    def response_downloaded(self, response: Response, request: Request, **kwargs: Any) -> None:
        """Put a slot AutoThrottle just sped up back to its floor."""
        if not self.floors or self.crawler.engine is None:
            return
        downloader = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        floor = self.floors.get(key)
        if floor is not None and (slot := downloader.slots.get(key)) is not None and slot.delay < floor:
            slot.delay = floor
