"""Backfill planning: date-archive URLs to walk, the resumable job directory and its saved hints."""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
DEFAULT_FROM = date(2005, 1, 1)  # date archives are walked from here when --since is not given
HINTS_FILE = "malinews-hints.json"


def archive_urls(template: str, since: str | None, until: str | None, today: date | None = None) -> list[str]:
    """Date-archive URLs from `until` back to `since`, newest first (one per month, or per day with %d)."""
    end = date.fromisoformat(until[:10]) if until else (today or date.today())
    start = date.fromisoformat(since[:10]) if since else DEFAULT_FROM
    urls: list[str] = []
    if "%d" in template:
        day = end
        while day >= start:
            urls.append(day.strftime(template))
            day -= timedelta(days=1)
        return urls
    month = end.replace(day=1)
    while month >= start.replace(day=1):
        urls.append(month.strftime(template))
        month = (month - timedelta(days=1)).replace(day=1)
    return urls


def job_dir(db: str | Path, sites: list[str], since: str | None, until: str | None) -> Path:
    """Scrapy JOBDIR of a backfill: `<db>.jobs/backfill-<sites>-<since>-<until>` (same arguments, same dir)."""
    label = "+".join(sorted(sites))
    if len(label) > 60 or not re.fullmatch(r"[A-Za-z0-9_+.-]+", label):
        label = f"{len(sites)}sites-" + hashlib.sha1("+".join(sorted(sites)).encode()).hexdigest()[:10]
    name = f"backfill-{label}-{since or 'start'}-{until or 'now'}"
    return Path(f"{db}.jobs") / name


def load_hints(jobdir: str | Path | None) -> dict[str, dict[str, Any]]:
    """Hints of requests queued by an interrupted backfill (empty when none were saved)."""
    if not jobdir:
        return {}
    path = Path(jobdir) / HINTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def save_hints(jobdir: str | Path | None, pending: dict[str, dict[str, Any]]) -> bool:
    """Keep the hints of still-queued requests next to Scrapy's own job state (atomic replace).

    False when they cannot be written (a full disk): the resumed job then fetches those requests
    without their feed or sitemap dates, as a crawl that never met them would."""
    if not jobdir:
        return True
    path = Path(jobdir) / HINTS_FILE
    tmp = path.with_suffix(".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(pending, ensure_ascii=False, default=str), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        logger.warning("could not keep the hints of %d queued requests in %s: %s", len(pending), path, exc)
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    return True


def apply_mode(settings: Any, db: str | Path, sites: list[str], *, backfill: bool, since: str | None,
               until: str | None, overrides: dict[str, Any] | None = None) -> Path | None:
    """Set a run's MALINEWS_BACKFILL/UNTIL; for a backfill also its JOBDIR and no listing-page or request cap.

    Returns the job directory of a backfill (None for a recent crawl). `-s` overrides still win.
    """
    overrides = overrides or {}
    settings.set("MALINEWS_UNTIL", until, priority="cmdline")
    settings.set("MALINEWS_BACKFILL", backfill, priority="cmdline")
    if not backfill:
        return None
    jobdir = Path(overrides.get("JOBDIR") or job_dir(db, sites, since, until))
    settings.set("JOBDIR", str(jobdir), priority="cmdline")
    if "MALINEWS_MAX_LISTING_PAGES" not in overrides:
        settings.set("MALINEWS_MAX_LISTING_PAGES", 10**9, priority="cmdline")
    if "MALINEWS_MAX_REQUESTS_PER_SITE" not in overrides:
        settings.set("MALINEWS_MAX_REQUESTS_PER_SITE", 0, priority="cmdline")
    return jobdir


def finish_job(jobdir: Path | None, status: str) -> None:
    """A backfill that ran to its end forgets its job state; an interrupted one keeps it to resume."""
    if jobdir is not None and status == "finished" and jobdir.is_dir():
        shutil.rmtree(jobdir, ignore_errors=True)
        try:
            jobdir.parent.rmdir()  # `<db>.jobs/` goes too once no other backfill is pending
        except OSError:
            pass
