"""Scrapy's fingerprint dupe filter, counting per site what it drops (redirect loops included)."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter

logger = logging.getLogger(__name__)


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

    def close(self, reason: str) -> None:
        """Close the JOBDIR's seen-requests file, as Scrapy does; a full disk costs its last lines and a
        warning, not a traceback."""
        try:
            super().close(reason)
        except OSError as exc:
            logger.warning("could not save the requests seen in this job (%s): a backfill resumed from it may "
                           "fetch some pages again", exc)
