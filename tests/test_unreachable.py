"""A crawl that reaches no outlet at all (no response, only download failures: the machine's network or
DNS is down) exits 1 with one line naming the failures, so a scheduled run is seen to fail; a crawl
that got any answer, even an error page, is a normal run."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from conftest import run_cli
from crawler.run import CrawlSummary

FAST = ["--quiet", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0",
        "-s", "MALINEWS_WP_API=False"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again on leaving: connections are refused


def test_a_crawl_that_reaches_no_outlet_exits_1(tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[sites.essor]\nname = "L\'Essor"\nurl = "http://127.0.0.1:{closed_port()}/"\n'
                     f'[sites.amap]\nname = "AMAP"\nurl = "http://127.0.0.1:{closed_port()}/"\n', encoding="utf-8")
    proc = run_cli("crawl", "--sites", str(sites), "--db", str(tmp_path / "a.db"), *FAST, timeout=180)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: no outlet could be reached: ") and "requests failed (DownloadConnectionRefusedError: " in last
    assert last.endswith("Check this machine's network and DNS; nothing was archived.")


@pytest.mark.parametrize("stats, unreachable", [
    ({"downloader/exception_count": 48, "downloader/exception_type_count/scrapy.exceptions.CannotResolveHostError": 40,
      "downloader/exception_type_count/twisted.internet.error.TimeoutError": 8},
     "no outlet could be reached: 48 requests failed (CannotResolveHostError: 40, TimeoutError: 8)"),
    ({"downloader/exception_count": 48, "response_received_count": 1}, None),  # one answer (even a 404)
    ({"response_received_count": 12}, None),
    ({}, None),  # no request at all (every site skipped): nothing failed
])
def test_unreachable(stats: dict[str, int], unreachable: str | None) -> None:
    assert CrawlSummary(1, "finished", "finished", {}, stats).unreachable == unreachable
