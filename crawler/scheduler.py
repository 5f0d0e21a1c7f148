"""Scrapy's scheduler, whose close survives a full disk (its queue state then goes unsaved, no traceback)."""
from __future__ import annotations

import logging
from typing import Any

from scrapy.core.scheduler import Scheduler

logger = logging.getLogger(__name__)


class JobScheduler(Scheduler):
    """`scrapy.core.scheduler.Scheduler`; closing it on a full disk logs one warning instead of
    Scrapy's "Scheduler close failure" traceback, and still closes the duplicate filter."""

    def close(self, reason: str) -> Any:
        """Save the disk queue's state, as Scrapy does, unless the disk refuses it."""
        try:
            return super().close(reason)
        except OSError as exc:
            logger.warning("could not save the request queue's state in %s (%s): a backfill resumed from this "
                           "job will not find the requests it had queued", self.dqdir, exc)
            return self.df.close(reason)
