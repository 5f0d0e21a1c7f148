"""Shared fixtures: the loopback test web (tests/testweb/sites), its expectations, and the malinews CLI."""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.sampleweb.server import TestWeb

REPO = Path(__file__).resolve().parent.parent
TESTWEB_SITES = Path(__file__).resolve().parent / "testweb" / "sites"
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
