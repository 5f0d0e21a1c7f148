"""Measure how long Scrapy's reactor is blocked (a tick every 50 ms that should arrive on time)."""
from __future__ import annotations

import time

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

TICK = 0.05
BLOCKED_MS = 100  # a tick this late means the loop was blocked (CPU work or a slow write on it)


class ReactorLagExtension:
    """Record `malinews/reactor/max_lag_ms`, `…/blocked_100ms` and `…/ticks` in the crawl stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self._loop: task.LoopingCall | None = None
        self._last = 0.0
        self.max_lag = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReactorLagExtension:
        """Connect to spider open/close."""
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self) -> None:
        """Start ticking."""
        self._last = time.monotonic()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(TICK, now=False)

    def tick(self) -> None:
        """Count how late this tick is."""
        now = time.monotonic()
        lag_ms = max(0.0, (now - self._last - TICK) * 1000)
        self._last = now
        self.stats.inc_value("malinews/reactor/ticks")
        if lag_ms >= BLOCKED_MS:
            self.stats.inc_value("malinews/reactor/blocked_100ms")
        if lag_ms > self.max_lag:
            self.max_lag = lag_ms
            self.stats.set_value("malinews/reactor/max_lag_ms", round(lag_ms, 1))

    def closed(self) -> None:
        """Stop ticking."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
