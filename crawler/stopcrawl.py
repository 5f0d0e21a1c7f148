"""Stop a running crawl from a component (a full disk, a WARC that cannot be written)."""
from __future__ import annotations

from typing import Any


def stop_crawl(crawler: Any, reason: str) -> None:
    """Close the crawler's spider with `reason` (its `finish_reason`; the run is then `interrupted`)."""
    engine = crawler.engine
    if hasattr(engine, "close_spider_async"):  # Scrapy ≥ 2.14
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(engine.close_spider_async(reason=reason))
    else:
        engine.close_spider(crawler.spider, reason)
