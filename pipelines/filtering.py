"""Drop what is not an article (counted per reason), and copies of an article seen this run."""
from __future__ import annotations

import re
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.items import PageItem
from pipelines.sanity import insane_reason
from pipelines.urlclaims import UrlClaims


def reason_key(reason: str) -> str:
    """A stats-safe short key for a verdict reason ("og:type=website" → "og_type_website")."""
    return re.sub(r"[^a-z0-9]+", "_", reason.lower()).strip("_")[:40] or "unknown"


class ArticleFilterPipeline:
    """Let only article pages through; count every drop in stats `malinews/dropped/<reason>`."""

    def __init__(self, crawler: Crawler, since: str | None, max_articles: int) -> None:
        self.stats = crawler.stats
        self.since = since
        self.max_articles = max_articles
        self.claims = UrlClaims()  # archive URLs passed this run
        self.until: str | None = crawler.settings.get("MALINEWS_UNTIL")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleFilterPipeline:
        """Read settings once."""
        return cls(
            crawler, crawler.settings.get("MALINEWS_SINCE"), crawler.settings.getint("MALINEWS_MAX_ARTICLES")
        )

    def _drop(self, item: PageItem, key: str, message: str) -> DropItem:
        self.stats.inc_value(f"malinews/dropped/{key}")
        self.stats.inc_value(f"malinews/{item.site}/dropped")
        return DropItem(f"{message} ({item.final_url})", log_level="DEBUG")

    def process_item(self, item: Any) -> Any:
        """Raise DropItem for non-articles, pre-`--since` articles and same-run duplicates."""
        if not isinstance(item, PageItem):
            return item
        if not item.is_article:
            raise self._drop(item, reason_key(item.reason), f"not an article: {item.reason}")
        if (insane := insane_reason(item.result["article"])) is not None:
            raise self._drop(item, reason_key(insane), f"not a sane article: {insane}")
        published = (item.result["article"].get("published") or "")[:10]
        if self.since and published and published < self.since:
            raise self._drop(item, "before_since", f"published {published} before --since {self.since}")
        if self.until and published and published > self.until:
            raise self._drop(item, "after_until", f"published {published} after --until {self.until}")
        if item.same_text_of is not None and item.same_text_of != item.url and item.same_text_of in self.claims:
            self.stats.inc_value("malinews/dropped/duplicate_text")  # one article, two addresses of its site
            item.url = item.same_text_of
            item.alias_only = True
            return item
        taken = self.claims.take(item.url, item.fetched_here, item.result["article"].get("title"))
        if taken == "copy":
            self.stats.inc_value("malinews/dropped/duplicate_url")
            item.alias_only = True  # storage records the other URL as an alias, nothing else
            return item
        if taken == "reclaim":  # another article only claimed this URL: storage moves it home
            self.stats.inc_value("malinews/canonical/reclaimed")
        passed = int(self.stats.get_value(f"malinews/{item.site}/passed", 0))
        if self.max_articles and passed >= self.max_articles:
            if taken == "first":
                self.claims.forget(item.url)
            raise self._drop(item, "max_articles", f"--max-articles {self.max_articles} reached")
        self.stats.inc_value(f"malinews/{item.site}/passed")
        return item
