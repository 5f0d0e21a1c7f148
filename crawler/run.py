"""Run one crawl end to end: lock the archive, record the run, drive Scrapy, close the run."""
from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.lock import ArchiveLock
from archive.store import Archive, open_database
from crawler import runqueue
from crawler.backfill import apply_mode, finish_job
from crawler.overrides import check_overrides
from crawler.progress import COLUMNS, site_counts
from crawler.sites import load_sites, select_sites
from pipelines.extraction_pool import GC_THRESHOLDS


@dataclass
class CrawlSummary:
    """What a crawl did, per site and overall."""

    run_id: int
    finish_reason: str
    status: str
    per_site: dict[str, dict[str, int]] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when Scrapy finished normally."""
        return self.status == "finished"

    @property
    def unreachable(self) -> str | None:
        """Why no outlet answered at all (no response received, only download failures), else None:
        the machine's network or DNS is down, and a scheduled run must say so rather than succeed."""
        failed = int(self.stats.get("downloader/exception_count") or 0)
        if self.stats.get("response_received_count") or not failed:
            return None
        prefix = "downloader/exception_type_count/"
        kinds = sorted(((int(v), k[len(prefix):].rsplit(".", 1)[-1]) for k, v in self.stats.items()
                        if str(k).startswith(prefix)), reverse=True)
        causes = ", ".join(f"{name}: {count}" for count, name in kinds[:3])
        return f"no outlet could be reached: {failed} requests failed ({causes})"


def build_settings(
    db: str | Path,
    sites_file: str | Path | None,
    *,
    since: str | None = None,
    max_articles: int = 0,
    overrides: dict[str, str] | None = None,
    progress: bool = True,
) -> Settings:
    """Explicit Scrapy settings: the project's defaults plus the MALINEWS_* values of this run."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("MALINEWS_DB", str(db), priority="cmdline")
    settings.set("MALINEWS_SITES_FILE", str(sites_file) if sites_file else None, priority="cmdline")
    settings.set("MALINEWS_SINCE", since, priority="cmdline")
    settings.set("MALINEWS_MAX_ARTICLES", max_articles, priority="cmdline")
    settings.set("MALINEWS_PROGRESS", progress, priority="cmdline")
    for name in check_overrides(overrides or {}, settings):  # a bad value raises SettingOverrideError (exit 2)
        print(f"warning: -s {name}: neither Scrapy nor malinews has this setting (a typo?); it is passed on as given",
              file=sys.stderr)
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def _stats(crawler: Any) -> dict[str, Any]:
    """The crawl's stats, or {} when it never started (Scrapy raises on `crawler.stats` then)."""
    try:
        return crawler.stats.get_stats() if crawler.stats else {}
    except RuntimeError:
        return {}


def run_crawl(
    db: str | Path,
    names: list[str],
    sites_file: str | Path | None = None,
    *,
    since: str | None = None,
    max_articles: int = 0,
    overrides: dict[str, str] | None = None,
    progress: bool = True,
    backfill: bool = False,
    until: str | None = None,
) -> CrawlSummary:
    """Crawl the named sites (all when empty) into `db`; raises SitesConfigError, SettingOverrideError,
    ArchiveInvalidError or ArchiveLockedError.

    `backfill` walks each outlet's whole history in a resumable job (crawler/backfill.py).
    """
    chosen = select_sites(load_sites(sites_file), names, sites_file)
    keys = [s.key for s in chosen]
    # A bad -s value or a file that is no archive is refused before anything is written or locked.
    settings = build_settings(db, sites_file, since=since, max_articles=max_articles,
                              overrides=overrides, progress=progress)
    if Path(db).exists():
        open_database(db, readonly=True).close()
    with ArchiveLock(db):
        archive = Archive.open(db)
        run_id = archive.start_run(keys)
        archive.close()
        settings.set("MALINEWS_RUN_ID", run_id, priority="cmdline")
        jobdir = apply_mode(settings, db, keys, backfill=backfill, since=since, until=until, overrides=overrides)
        scratch = None
        if jobdir is None and "JOBDIR" not in (overrides or {}):  # pending requests on disk, not in memory
            runqueue.clear_stale(db)
            scratch = runqueue.scratch_dir(db, run_id)
            settings.set("JOBDIR", str(scratch), priority="cmdline")
        process = CrawlerProcess(settings)
        from crawler.spiders.news import NewsSpider

        crawler = process.create_crawler(NewsSpider)
        process.crawl(crawler, site=",".join(keys))
        status, reason = "failed", "crawl did not start"
        try:
            gc.collect()
            gc.freeze()  # start-up objects (modules, settings, registry) leave the collector's scans
            gc.set_threshold(*GC_THRESHOLDS)
            process.start()
            if _stats(crawler):
                reason = str(crawler.stats.get_value("finish_reason", "unknown"))
                status = "finished" if reason == "finished" else "interrupted"
        finally:
            stats = _stats(crawler)
            per_site = {k: site_counts(stats, k) for k in keys}
            totals = {c: sum(p[c] for p in per_site.values()) for c in COLUMNS}
            archive = Archive.open(db)
            archive.finish_run(
                run_id,
                status,
                reason,
                {
                    "pages": totals["pages"],
                    "articles_new": totals["articles_new"],
                    "articles_updated": totals["articles_updated"],
                    "articles_unchanged": totals["articles_unchanged"],
                    "dropped": totals["dropped"],
                    "errors": totals["errors"],
                    "per_site": per_site,
                    "scrapy": {k: v for k, v in stats.items() if not str(k).startswith("malinews/")},
                    "malinews": {k: v for k, v in stats.items() if str(k).startswith("malinews/")},
                    "pid": os.getpid(),
                    "mode": "backfill" if backfill else "recent", "since": since, "until": until,
                },
            )
            archive.close()
            finish_job(jobdir, status)
            if scratch is not None:
                runqueue.drop(scratch)
    return CrawlSummary(run_id, reason, status, per_site, stats)
