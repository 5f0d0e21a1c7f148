"""Disk request queues for recent crawls: pending requests live on disk, not in memory.

A first crawl of a big outlet meets hundreds of thousands of article URLs in its sitemaps; as
Scrapy Request objects in memory they cost about 1 KB each (200 MB for 200,000). Giving every
recent crawl a scratch JOBDIR makes Scrapy keep them in its disk queues instead. Unlike a
backfill's JOBDIR (crawler/backfill.py), this one never resumes: it is removed when the run ends,
and one left by a killed run is removed when the next run starts (under the archive lock).
"""
from __future__ import annotations

import shutil
from pathlib import Path

PREFIX = "run-"


def jobs_root(db: str | Path) -> Path:
    """`<db>.jobs/`, shared with backfill job directories."""
    return Path(f"{db}.jobs")


def scratch_dir(db: str | Path, run_id: int) -> Path:
    """The JOBDIR of recent crawl `run_id`: `<db>.jobs/run-<id>`."""
    return jobs_root(db) / f"{PREFIX}{run_id}"


def clear_stale(db: str | Path) -> int:
    """Remove the scratch queues of runs that died; returns how many were removed."""
    root = jobs_root(db)
    stale = [p for p in root.glob(f"{PREFIX}*") if p.is_dir()] if root.is_dir() else []
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return len(stale)


def drop(path: Path) -> None:
    """Remove a finished run's scratch queue (and `<db>.jobs/` when nothing else is in it)."""
    shutil.rmtree(path, ignore_errors=True)
    try:
        path.parent.rmdir()
    except OSError:  # a backfill job is kept there, or the directory is already gone
        pass
