"""Shared fixtures: the loopback test web (tests/testweb/sites), its expectations, its session crawls, and the malinews CLI."""
from __future__ import annotations

import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from crawler.sampleweb.server import RequestRecord, TestWeb

REPO = Path(__file__).resolve().parent.parent
TESTWEB_SITES = Path(__file__).resolve().parent / "testweb" / "sites"
# No politeness delay against loopback; everything else is the crawler's own configuration.
FAST = ["--quiet", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
CRAWL_TIMEOUT = 100
TRACKING = re.compile(r"^(utm_.*|replytocom|fbclid|gclid|amp|noamp)$")
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def hard_site_names() -> list[str]:
    """Names of the hard test sites (directories with a files/ folder)."""
    return sorted(p.name for p in TESTWEB_SITES.iterdir() if (p / "files").is_dir())


def raw_expected(site: str) -> dict[str, Any]:
    """A site's expected.json with `{BASE}` left in place (usable at collection time)."""
    return json.loads((TESTWEB_SITES / site / "expected.json").read_text(encoding="utf-8"))


def substitute(value: Any, base: str) -> Any:
    """Replace `{BASE}` everywhere in a JSON-like value (keys included)."""
    if isinstance(value, str):
        return value.replace("{BASE}", base)
    if isinstance(value, list):
        return [substitute(v, base) for v in value]
    if isinstance(value, dict):
        return {substitute(k, base): substitute(v, base) for k, v in value.items()}
    return value


def load_expected(web: TestWeb, site: str) -> dict[str, Any]:
    """A site's expected.json with `{BASE}` replaced by the URL the running `web` serves it at."""
    return substitute(raw_expected(site), web.base_urls[site])


def cli_env() -> dict[str, str]:
    """Environment for CLI subprocesses: the repo importable, no proxy between us and loopback."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.0/8,localhost"
    return env


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m archive ARGS…` from the repo root and capture its output."""
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=REPO, env=cli_env(),
                          capture_output=True, text=True, timeout=timeout)


@dataclass
class Fetched:
    """A raw HTTP answer (no redirect following, no decompression)."""

    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> Fetched:
    """One raw request with http.client (exact path sent, redirects not followed)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + ("?" + parts.query if parts.query else ""), headers=headers or {})
        resp = conn.getresponse()
        return Fetched(resp.status, dict(resp.getheaders()), resp.read())
    finally:
        conn.close()


@pytest.fixture(scope="session")
def testweb() -> Iterator[TestWeb]:
    """The hard test web, every site, served for the whole session (starts at generation 1).

    Tests that switch generations (the incremental e2e run) leave it at their generation; tests that
    need a pristine server use `make_web` instead.
    """
    with TestWeb(TESTWEB_SITES) as web:
        yield web


@pytest.fixture(scope="session")
def expected(testweb: TestWeb) -> dict[str, dict[str, Any]]:
    """{site: expected.json with `{BASE}` substituted} for the session test web."""
    return {site: load_expected(testweb, site) for site in testweb.names}


@pytest.fixture
def make_web() -> Iterator[Callable[..., TestWeb]]:
    """Factory: `make_web(root, names=None)` starts a private TestWeb, stopped after the test."""
    webs: list[TestWeb] = []

    def make(root: Path = TESTWEB_SITES, names: list[str] | None = None) -> TestWeb:
        web = TestWeb(root, names)
        web.start()
        webs.append(web)
        return web

    yield make
    for web in webs:
        web.stop()


# -- the session crawls of the hard test web (test_e2e_crawl.py, test_syndication_web.py) ----------

@dataclass
class CrawlRun:
    """One crawl subprocess and what the test web saw while it ran."""

    returncode: int
    stdout: str
    stderr: str
    db: Path  # a snapshot of the archive as this run left it
    requests: list[RequestRecord] = field(default_factory=list)
    seconds: float = 0.0

    def explain(self) -> str:
        return (f"exit {self.returncode} after {self.seconds:.1f}s; request log: {self.db.with_suffix('.requests.jsonl')}"
                f"\n--- stderr (tail) ---\n{self.stderr[-3000:]}")

    def requested(self, site: str, path: str) -> list[str]:
        """Requests of this run for `path` on `site` (tracking parameters ignored), as 'STATUS path'."""
        return [f"{r.status} {r.path}" for r in self.requests if r.site == site and strip_tracking(r.path) == strip_tracking(path)]


def strip_tracking(path: str) -> str:
    """Path + query without tracking parameters (so `x.html?utm_source=…` counts as `x.html`)."""
    parts = urlsplit(path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)]
    return parts.path + ("?" + urlencode(sorted(query)) if query else "")


def _crawl(web: TestWeb, work: Path, db: Path, snapshot: Path) -> CrawlRun:
    sites_file = web.write_sites_toml(work / "sites.toml")
    web.clear_log()
    start = time.monotonic()
    try:
        proc = run_cli("crawl", "--sites", str(sites_file), "--db", str(db), *FAST, timeout=CRAWL_TIMEOUT)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = -9, str(exc.stdout or ""), f"killed after {CRAWL_TIMEOUT}s\n{exc.stderr or ''}"
    seconds = time.monotonic() - start
    if db.exists():  # freeze this run's state: the next run writes to the same archive
        src, dst = sqlite3.connect(db), sqlite3.connect(snapshot)
        src.backup(dst)
        src.close(), dst.close()
    requests = web.requests
    with snapshot.with_suffix(".requests.jsonl").open("w", encoding="utf-8") as log:  # for debugging failures
        for r in requests:
            log.write(json.dumps(r.__dict__, ensure_ascii=False) + "\n")
    return CrawlRun(code, out, err, snapshot, requests, seconds)


@pytest.fixture(scope="session")
def crawl1(testweb: TestWeb, tmp_path_factory: pytest.TempPathFactory) -> CrawlRun:
    """The first crawl of every site, generation 1, into an empty archive."""
    work = tmp_path_factory.mktemp("e2e")
    testweb.set_generation(1)
    return _crawl(testweb, work, work / "malinews.db", work / "run1.db")


@pytest.fixture(scope="session")
def crawl2(crawl1: CrawlRun, testweb: TestWeb) -> CrawlRun:
    """The incremental re-crawl: same archive, generation 2 (one new, one changed article…)."""
    work = crawl1.db.parent
    testweb.set_generation(2)
    return _crawl(testweb, work, work / "malinews.db", work / "run2.db")
