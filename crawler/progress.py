"""Live per-site progress (pages, articles, errors) on stderr while a crawl runs."""
from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

COLUMNS = ("pages", "articles_new", "articles_updated", "articles_unchanged", "skipped_archived", "skipped_gone",
           "dropped", "errors")


def site_counts(stats: dict[str, Any], site: str) -> dict[str, int]:
    """The per-site counters of a stats dict (missing ones are 0)."""
    return {c: int(stats.get(f"malinews/{site}/{c}", 0) or 0) for c in COLUMNS}


class ProgressExtension:
    """Every second (tty) or 15 s (log file), print one status line per site to stderr."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.tty = sys.stderr.isatty()
        self._loop: task.LoopingCall | None = None
        self._lines = 0
        self._started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        """Enabled by MALINEWS_PROGRESS (the CLI turns it on)."""
        if not crawler.settings.getbool("MALINEWS_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler, 1.0 if sys.stderr.isatty() else 15.0)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self) -> None:
        """Start the periodic display."""
        self._loop = task.LoopingCall(self.show)
        self._loop.start(self.interval, now=False)

    def closed(self) -> None:
        """Stop the display (the CLI prints the final summary)."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self.show()

    def show(self) -> None:
        """Print the current counters."""
        stats = self.crawler.stats.get_stats()
        sites = sorted(getattr(self.crawler.spider, "sites", {}))
        elapsed = time.monotonic() - self._started
        lines = [f"[{elapsed:6.0f}s] " + "  ".join(
            f"{s}: {c['pages']} pages, {c['articles_new']}+{c['articles_updated']} articles, {c['errors']} errors"
            for s, c in ((s, site_counts(stats, s)) for s in sites[:1])
        )] if len(sites) == 1 else [f"[{elapsed:6.0f}s] crawling {len(sites)} sites"] + [
            f"  {s:<16} pages {c['pages']:>6}  articles {c['articles_new'] + c['articles_updated']:>6}  errors {c['errors']:>4}"
            for s, c in ((s, site_counts(stats, s)) for s in sites)
        ]
        if self.tty and self._lines:
            sys.stderr.write(f"\x1b[{self._lines}F\x1b[J")
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
        self._lines = len(lines) if self.tty else 0
