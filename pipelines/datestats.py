"""Count and log, per site, the articles whose date sources disagree by more than a day."""
from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler

from pipelines.items import PageItem

logger = logging.getLogger(__name__)


class DateCheckPipeline:
    """Read `result["date_check"]` (crawler/datecheck.py) into stats `malinews/<site>/date_disagreements`.

    Also counted: `malinews/<site>/date_checked`, `malinews/<site>/date_source/<source>` and
    `malinews/date_disagreements/<source>` (which source disagreed). Runs after the article filter.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DateCheckPipeline:
        """Standard Scrapy constructor."""
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        """Count the item's date check; never drops anything."""
        if not isinstance(item, PageItem) or not item.is_article:
            return item
        check = item.result.get("date_check")
        source = (item.result.get("article") or {}).get("date_source") or "none"
        self.stats.inc_value(f"malinews/{item.site}/date_source/{source}")
        if not check:
            return item
        self.stats.inc_value(f"malinews/{item.site}/date_checked")
        if check["disagreements"]:
            self.stats.inc_value(f"malinews/{item.site}/date_disagreements")
            for d in check["disagreements"]:
                self.stats.inc_value(f"malinews/date_disagreements/{d['source']}")
            logger.info("date disagreement on %s: kept %s (%s) but %s", item.url, check["published"], check["source"],
                        ", ".join(f"{d['source']} says {d['value']} ({d['gap_days']} days off)"
                                  for d in check["disagreements"]))
        return item
