"""Measure how long Scrapy's reactor is blocked (a tick every 50 ms that should arrive on time)."""
from __future__ import annotations

import time

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

TICK = 0.05
BLOCKED_MS = 100  # a tick this late means the loop was blocked (CPU work or a slow write on it)


class ReactorLagExtension:
    """Record `malinews/reactor/max_lag_ms`, `…/blocked_100ms`, `…/max_busy_ms` and `…/ticks` in the crawl stats.

    Lag is wall-clock lateness (it also grows when other processes take the CPU); busy is the CPU the
    reactor thread itself used between two ticks, which only blocking work on the loop can raise.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self._loop: task.LoopingCall | None = None
        self._last = 0.0
        self._last_cpu = 0.0
        self.max_lag = 0.0
        self.max_busy = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReactorLagExtension:
        """Connect to spider open/close."""
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self) -> None:
        """Start ticking."""
        self._last, self._last_cpu = time.monotonic(), time.thread_time()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(TICK, now=False)

    def tick(self) -> None:
        """Count how late this tick is."""
        now, cpu = time.monotonic(), time.thread_time()
        lag_ms = max(0.0, (now - self._last - TICK) * 1000)
        busy_ms = (cpu - self._last_cpu) * 1000
        self._last, self._last_cpu = now, cpu
        if busy_ms > self.max_busy:
            self.max_busy = busy_ms
            self.stats.set_value("malinews/reactor/max_busy_ms", round(busy_ms, 1))
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
