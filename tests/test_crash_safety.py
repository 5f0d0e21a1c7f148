"""Crash safety: SIGKILL `malinews crawl` mid-download, mid-extraction and mid-write, re-run, check the archive.

After every kill: `PRAGMA integrity_check` is ok, the FTS index matches its table, every article row is
whole (text, title, story, page row), the dead run is marked `killed` by the next run, and the crawl's
worker processes do not outlive it. After the final run: every article archived exactly once.

The mid-extraction and mid-write kills use the test-only switch MALINEWS_TEST_KILL_AT
(archive/faultinject.py); the mid-download kill is timed from the test web's request log.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, cli_env
from crawler.sampleweb.server import TestWeb

sys.path.insert(0, str(REPO))
from bench.proctree import descendants  # noqa: E402
from bench.sitegen import generate_site  # noqa: E402

pytestmark = pytest.mark.timeout(150)

N = 30
SLOW = 17  # index of the article whose download is slow in generation 1
FAST = ["--quiet", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_BATCH_SIZE=5"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestWeb, Path, list[str]]:
    """A 30-article site; generation 1 serves one article slowly (4 s), generation 2 at full speed."""
    root = tmp_path_factory.mktemp("crashweb")
    arts = generate_site(root / "crash", N, seed=4, min_chars=1200, max_chars=2000)
    slow = arts[SLOW].path
    (root / "crash" / "routes.toml").write_text(f'[routes."{slow}"]\ndelay = 4\n', encoding="utf-8")
    (root / "crash" / "v2").mkdir()
    (root / "crash" / "v2" / "routes.toml").write_text(f'[routes."{slow}"]\nstatus = 200\n', encoding="utf-8")
    with TestWeb(root) as web:
        sites = web.write_sites_toml(root / "sites.toml")
        yield web, sites, [web.url("crash", a.path) for a in arts]


def crawl(db: Path, sites: Path, kill_at: str | None = None, kill_when_requested: tuple[TestWeb, str] | None = None,
          extra: tuple[str, ...] = ()) -> tuple[int, str, set[int]]:
    """Run one crawl; return (exit code, stderr, pids of the process tree seen while it ran)."""
    env = cli_env()
    env.pop("MALINEWS_TEST_KILL_AT", None)
    if kill_at:
        env["MALINEWS_TEST_KILL_AT"] = kill_at
    cmd = [sys.executable, "-m", "archive", "crawl", "--sites", str(sites), "--db", str(db), *FAST, *extra]
    log = db.with_suffix(f".{time.monotonic_ns()}.stderr")
    with log.open("w") as err_file:  # a file, not a pipe: a leaked worker must not hang the test
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err_file, text=True)
    seen: set[int] = set()
    deadline = time.monotonic() + 90
    while proc.poll() is None and time.monotonic() < deadline:
        seen.update(descendants(proc.pid))
        if kill_when_requested is not None:
            web, path = kill_when_requested
            if path in web.requested_paths("crash"):
                seen.update(descendants(proc.pid))
                os.kill(proc.pid, signal.SIGKILL)
                kill_when_requested = None
        time.sleep(0.02)
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)
    seen.discard(proc.pid)
    return proc.returncode, log.read_text(errors="replace"), seen


def check_whole(db: Path) -> int:
    """Integrity, FTS consistency and whole rows; return the number of articles."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        broken = conn.execute(
            "SELECT a.url FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
            "WHERE a.text IS NULL OR a.text = '' OR a.title IS NULL OR a.title = '' OR s.id IS NULL "
            "OR NOT EXISTS (SELECT 1 FROM pages p WHERE p.article_id = a.id)").fetchall()
        assert not broken, f"half-written article rows: {broken}"
        orphans = conn.execute("SELECT count(*) FROM pages WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0, f"{orphans} page rows without their article"
        return n
    finally:
        conn.close()


def runs(db: Path) -> list[str]:
    """Statuses of the crawl runs, oldest first."""
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT status FROM crawl_runs ORDER BY id")]


def assert_no_orphans(pids: set[int]) -> None:
    """Extraction workers of a killed crawl exit on their own."""
    deadline = time.monotonic() + 15
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if Path(f"/proc/{p}").exists() and "zombie" not in _state(p)}
        time.sleep(0.2)
    assert not alive, f"processes of the killed crawl still running: {[_cmd(p) for p in alive]}"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"


def _cmd(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


def final_run(db: Path, sites: Path, web: TestWeb, urls: list[str]) -> None:
    """Re-run at full speed: exactly the N articles, each once, the earlier runs marked killed."""
    web.set_generation(2)
    try:
        code, err, _ = crawl(db, sites)
    finally:
        web.set_generation(1)
    assert code == 0, err[-2000:]
    assert "Traceback" not in err, err[-2000:]
    assert check_whole(db) == N
    with sqlite3.connect(db) as conn:
        archived = [r[0] for r in conn.execute("SELECT url FROM articles")]
        hashes = conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0]
        stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert sorted(archived) == sorted(urls), "lost or unexpected articles"
    assert hashes == N and stories == N, "an article was stored twice"
    statuses = runs(db)
    assert statuses[-1] == "finished" and set(statuses[:-1]) == {"killed"}, statuses


def test_kill_mid_download(site: tuple[TestWeb, Path, list[str]], tmp_path: Path) -> None:
    web, sites, urls = site
    db = tmp_path / "a.db"
    slow_path = urls[SLOW].split("/", 3)[3]
    code, _, pids = crawl(db, sites, kill_when_requested=(web, "/" + slow_path))
    assert code == -signal.SIGKILL
    assert runs(db) == ["running"]  # nobody could close it: the next run must mark it killed
    assert check_whole(db) < N
    assert_no_orphans(pids)
    final_run(db, sites, web, urls)


def test_kill_mid_extraction(site: tuple[TestWeb, Path, list[str]], tmp_path: Path) -> None:
    web, sites, urls = site
    db = tmp_path / "b.db"
    code, _, pids = crawl(db, sites, kill_at="extract:12", extra=("-s", "MALINEWS_FLUSH_SECONDS=0.2"))
    assert code == -signal.SIGKILL
    assert check_whole(db) < N
    assert_no_orphans(pids)
    final_run(db, sites, web, urls)


def test_kill_mid_write_twice(site: tuple[TestWeb, Path, list[str]], tmp_path: Path) -> None:
    """Killed inside a save transaction, twice in a row: the rows of the dying transaction vanish whole."""
    web, sites, urls = site
    db = tmp_path / "c.db"
    code, _, pids = crawl(db, sites, kill_at="write:7", extra=("-s", "MALINEWS_FLUSH_SECONDS=60"))
    assert code == -signal.SIGKILL
    first = check_whole(db)
    # batch 1 holds at most 5 items (flushed when the buffer reaches MALINEWS_BATCH_SIZE, or earlier
    # when idle); writes 6-7 belong to the next batch, which dies uncommitted. One commit per item
    # would leave 6 rows here.
    assert 1 <= first <= 5, first
    assert_no_orphans(pids)
    web.set_generation(2)
    try:
        code, _, _ = crawl(db, sites, kill_at="write:8", extra=("-s", "MALINEWS_FLUSH_SECONDS=60"))
    finally:
        web.set_generation(1)
    assert code == -signal.SIGKILL
    second = check_whole(db)
    assert first < second < first + 7, (first, second)  # whole batches only: per-item commits would give first + 7
    assert runs(db) == ["killed", "running"]
    final_run(db, sites, web, urls)
