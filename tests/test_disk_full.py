"""A full disk stops `malinews crawl` at the first batch it refuses: exit 1 with one clear line, the run
recorded `interrupted` (`disk_full`), every committed article whole, no traceback; once there is room
again, the next run archives what the first could not, each article once.

The archive's "disk" is filled with the test-only switch MALINEWS_TEST_GROW_PAGES (SQLite's
`max_page_count`: "database or disk is full", the error a full disk gives), and, where this machine
lets the test mount one, on a real 3 MB tmpfs (the OS's ENOSPC, the scratch JOBDIR included).
"""
from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, cli_env
from crawler.backfill import save_hints
from crawler.dupefilter import CountingDupeFilter
from crawler.sampleweb.server import TestWeb
from crawler.scheduler import JobScheduler
from pipelines.storage import fatal_write_error
from tests.test_crash_safety import check_whole

sys.path.insert(0, str(REPO))
from bench.sitegen import generate_site  # noqa: E402

N = 120
FAST = ["--quiet", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_BATCH_SIZE=5",
        "-s", "MALINEWS_WP_API=False"]


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An outlet of 120 articles of ~6 KB (its sitemap lists them all)."""
    root = tmp_path_factory.mktemp("fullweb")
    generate_site(root / "plein", N, seed=9)
    with TestWeb(root) as served:
        served.write_sites_toml(root / "sites.toml")
        yield served, root / "sites.toml"


def crawl(db: Path, sites: Path, grow_pages: int | None = None) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    env.pop("MALINEWS_TEST_GROW_PAGES", None)
    if grow_pages is not None:
        env["MALINEWS_TEST_GROW_PAGES"] = str(grow_pages)
    return subprocess.run([sys.executable, "-m", "archive", "crawl", "--sites", str(sites), "--db", str(db), *FAST],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=240)


def last_run(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT status, finish_reason FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()


def distinct_articles(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()


def assert_stopped_cleanly(proc: subprocess.CompletedProcess[str], db: Path) -> int:
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "Error: the archive's disk is full; the crawl stopped. Free some space" in proc.stderr
    assert "crawl run 1: disk_full" in proc.stderr
    assert last_run(db) == ("interrupted", "disk_full")
    saved = check_whole(db)  # integrity, FTS, whole rows
    assert 0 < saved < N
    return saved


@pytest.mark.timeout(300)
def test_a_full_archive_stops_the_crawl_and_the_next_run_completes_it(web: Any, tmp_path: Path) -> None:
    served, sites = web
    db = tmp_path / "a.db"
    served.clear_log()
    first = crawl(db, sites, grow_pages=60)  # ~240 KB of room: a few batches of 5
    assert_stopped_cleanly(first, db)
    # stopped at the first refused batch, not after downloading the whole outlet for nothing
    assert len(served.requests) < N * 0.8, len(served.requests)
    second = crawl(db, sites)
    assert second.returncode == 0, second.stderr[-2000:]
    assert check_whole(db) == N and distinct_articles(db) == (N, N)
    assert last_run(db) == ("finished", "finished")


@pytest.mark.timeout(300)
def test_a_full_filesystem_too(web: Any, tmp_path: Path) -> None:
    """The same on a real full filesystem: SQLite's WAL, Scrapy's queue state, the dupe filter's file and
    the backfill hints all meet ENOSPC, and none of them ends in a traceback."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        _, sites = web
        db = mount / "a.db"
        assert_stopped_cleanly(crawl(db, sites), db)
        subprocess.run(["mount", "-o", "remount,size=64m", str(mount)], check=True)
        again = crawl(db, sites)
        assert again.returncode == 0, again.stderr[-2000:]
        assert check_whole(db) == N and distinct_articles(db) == (N, N)
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.parametrize("exc, reason", [
    (sqlite3.OperationalError("database or disk is full"), "disk_full"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "archive_read_only"),
    (OSError(errno.EROFS, "Read-only file system"), "archive_read_only"),
    (sqlite3.OperationalError("disk I/O error"), "archive_io_error"),
    (OSError(errno.EIO, "Input/output error"), "archive_io_error"),
    (sqlite3.DatabaseError("database disk image is malformed"), "archive_damaged"),
    (sqlite3.OperationalError("database is locked"), None),  # another writer past the busy timeout: this batch only
    (sqlite3.IntegrityError("UNIQUE constraint failed: articles.url"), None),
    (ValueError("disk I/O error"), None),
    (OSError(errno.EACCES, "Permission denied"), None),
])
def test_fatal_write_error(exc: BaseException, reason: str | None) -> None:
    assert fatal_write_error(exc) == reason


class _Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


@pytest.mark.parametrize("exc, stops", [
    (sqlite3.OperationalError("disk I/O error"), ["archive_io_error"]),
    (sqlite3.OperationalError("database is locked"), []),
])
def test_a_batch_the_archive_refuses_for_good_stops_the_crawl_once(exc: BaseException, stops: list[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    import pipelines.storage as storage
    from pipelines.items import PageItem

    stopped: list[str] = []
    monkeypatch.setattr(storage, "stop_crawl", lambda crawler, reason: stopped.append(reason))
    crawler = type("Crawler", (), {"stats": _Stats()})()
    pipe = storage.StoragePipeline(crawler, "unused.db", None, 10, 2.0)
    batch = [PageItem(site="essor", url="http://x/1", requested_url="http://x/1", final_url="http://x/1", status=200,
                      fetched_at="2025-06-23T08:00:00+00:00")]
    loop = asyncio.new_event_loop()
    try:
        for _ in range(2):  # the second refused batch is counted, not announced again
            failed = loop.create_future()
            failed.set_exception(exc)
            pipe._saved(batch, failed)
    finally:
        loop.close()
    assert stopped == stops
    assert crawler.stats.values["malinews/essor/errors"] == 2


def test_hints_that_cannot_be_written_are_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    not_a_dir = tmp_path / "job"
    not_a_dir.write_text("a file where the job directory should be")
    assert save_hints(not_a_dir, {"http://x/1": {"published": "2025-01-01"}}) is False
    assert "could not keep the hints of 1 queued requests" in caplog.text
    assert save_hints(tmp_path / "ok", {"http://x/1": {}}) is True


class _FullFile:
    def write(self, data: str) -> None:
        pass

    def close(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_the_dupe_filter_closes_on_a_full_disk(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    dupes = CountingDupeFilter(str(tmp_path))
    dupes.file.close()
    dupes.file = _FullFile()  # type: ignore[assignment]
    dupes.close("disk_full")  # no exception
    assert "could not save the requests seen in this job" in caplog.text


def test_the_scheduler_closes_on_a_full_disk(caplog: pytest.LogCaptureFixture) -> None:
    closed: list[str] = []

    class Dupes:
        def close(self, reason: str) -> None:
            closed.append(reason)

    class Queues:
        def close(self) -> list[int]:
            raise OSError(errno.ENOSPC, "No space left on device")

    scheduler = JobScheduler.__new__(JobScheduler)  # only what close() uses
    scheduler.df, scheduler.dqs, scheduler.dqdir = Dupes(), Queues(), "/nowhere/requests.queue"
    scheduler.close("disk_full")
    assert closed == ["disk_full"]  # the dupe filter is still closed
    assert "could not save the request queue's state" in caplog.text


def test_every_stop_reason_has_its_message() -> None:
    from archive.cli import ARCHIVE_STOPS

    reasons = {fatal_write_error(exc) for exc in (
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("disk I/O error"), sqlite3.DatabaseError("database disk image is malformed"))}
    assert reasons == set(ARCHIVE_STOPS)
