"""Scrapy's fingerprint dupe filter, counting per site what it drops (redirect loops included)."""
from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter


class CountingDupeFilter(RFPDupeFilter):
    """`malinews/<site>/duplicates`, and `…/redirect_to_seen` for redirects to an already-seen URL (loops)."""

    def log(self, request: Request, spider: Any) -> None:
        """Count the dropped request for its site, then do Scrapy's own logging."""
        super().log(request, spider)
        crawler = getattr(spider, "crawler", None)
        site = request.meta.get("site")
        if crawler is None or site is None:
            return
        crawler.stats.inc_value(f"malinews/{site}/duplicates")
        if request.meta.get("redirect_urls"):
            crawler.stats.inc_value(f"malinews/{site}/redirect_to_seen")
