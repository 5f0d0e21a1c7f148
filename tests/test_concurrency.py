"""Concurrent use: `malinews search` and `malinews serve` (datasette) read while a crawl writes.

Real processes: one crawl committing small batches, search subprocesses and HTTP requests to a
datasette server on the same archive all the while; none may see "database is locked". A second
crawl on the same archive must refuse at once (exit 1) and name the running crawl's pid.
"""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from conftest import REPO, cli_env
from crawler.sampleweb.server import TestWeb

sys.path.insert(0, str(REPO))
from bench.sitegen import generate_site  # noqa: E402

pytestmark = pytest.mark.timeout(150)
N = 120
# Small batches flushed often: the archive is written many times while the readers read.
CRAWL = ["--quiet", "-s", "DOWNLOAD_DELAY=0.12", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
         "-s", "MALINEWS_BATCH_SIZE=3", "-s", "MALINEWS_FLUSH_SECONDS=0.2"]
LOCKED = "database is locked"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def run_counters(db: Path) -> dict[str, object]:
    """The last run's malinews counters, but the per-date and reactor ones (what a failure message needs)."""
    with sqlite3.connect(db) as conn:
        stats = json.loads(conn.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    return {k: v for k, v in stats["malinews"].items() if "date" not in k and "reactor" not in k}


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestWeb, Path]]:
    root = tmp_path_factory.mktemp("concweb")
    generate_site(root / "conc", N, seed=8, min_chars=1500, max_chars=2500)
    with TestWeb(root) as w:
        yield w, w.write_sites_toml(root / "sites.toml")


def test_readers_and_a_second_crawl_while_a_crawl_writes(web: tuple[TestWeb, Path], tmp_path: Path) -> None:
    _, sites = web
    db = tmp_path / "conc.db"
    env = cli_env()
    crawl_err = (tmp_path / "crawl.stderr").open("w+")
    crawl = subprocess.Popen([sys.executable, "-m", "archive", "crawl", "--sites", str(sites), "--db", str(db), *CRAWL],
                             cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=crawl_err)
    port = free_port()
    serve = None
    try:
        deadline = time.monotonic() + 60
        while count(db) == 0 and crawl.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert count(db) > 0 and crawl.poll() is None, "the crawl must be running and writing for this test"
        serve = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
                                 cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        second = subprocess.run([sys.executable, "-m", "archive", "crawl", "--sites", str(sites), "--db", str(db), *CRAWL],
                                cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1, second.stderr[-2000:]
        assert f"pid {crawl.pid}" in second.stderr, second.stderr[-2000:]
        assert "Traceback" not in second.stderr

        searches, pages, seen_counts = 0, 0, []
        while crawl.poll() is None:
            hit = subprocess.run([sys.executable, "-m", "archive", "search", "Ségou", "--db", str(db), "--json", "--limit", "5"],
                                 cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
            assert hit.returncode == 0 and LOCKED not in hit.stderr, hit.stderr[-2000:]
            assert all(json.loads(line)["url"] for line in hit.stdout.splitlines())
            searches += 1
            sql = urllib.parse.quote("select count(*) as n from articles")
            for path in (f"/conc.json?sql={sql}", "/conc/articles.json?_size=5"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as resp:
                        body = resp.read().decode()
                except OSError:
                    continue  # the server may still be starting
                assert LOCKED not in body
                pages += 1
                if "count" in path or "sql=" in path:
                    seen_counts.append(json.loads(body)["rows"][0][0])
        assert crawl.wait(timeout=60) == 0
    finally:
        if crawl.poll() is None:
            crawl.kill()
        if serve is not None:
            serve.terminate()
            serve_out = serve.communicate(timeout=30)[0]
        else:
            serve_out = ""
    crawl_err.seek(0)
    crawl_log = crawl_err.read()
    assert LOCKED not in crawl_log and "Traceback" not in crawl_log, crawl_log[-2000:]
    assert LOCKED not in serve_out, serve_out[-2000:]
    assert searches >= 3, f"only {searches} searches ran during the crawl"
    assert pages >= 3, f"datasette answered only {pages} requests during the crawl"
    assert seen_counts == sorted(seen_counts), f"readers saw the archive shrink: {seen_counts}"
    assert seen_counts and seen_counts[0] < N, f"datasette never read a half-crawled archive: {seen_counts}"
    assert count(db) == N, f"{count(db)} of {N} archived; the run's counters: {run_counters(db)}\n{crawl_log[-3000:]}"
    print(f"concurrent readers: {searches} searches, {pages} datasette answers, counts seen {seen_counts[:3]}…{seen_counts[-3:]}")
