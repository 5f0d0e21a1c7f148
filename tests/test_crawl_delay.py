"""robots.txt `Crawl-delay` is honoured per host, and a hostile one is capped."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli
from crawler.crawldelay import robots_crawl_delay
from crawler.sampleweb import TestWeb
from tests.test_deep_pagination import article


@pytest.mark.parametrize(("robots", "delay"), [
    (b"User-agent: *\nCrawl-delay: 10\n", 10.0),
    (b"User-agent: malinews\nCrawl-delay: 2.5\n\nUser-agent: *\nCrawl-delay: 10\n", 2.5),  # our own group wins
    (b"User-agent: *\nDisallow: /prive/\n", None),
    (b"User-agent: *\nCrawl-delay: beaucoup\n", None),
    (b"User-agent: *\nCrawl-delay: -3\n", None),
    (b"\xff\xfe\x00\x01 binary", None),
])
def test_robots_crawl_delay(robots: bytes, delay: float | None) -> None:
    assert robots_crawl_delay(robots, "malinews") == delay


def site_with_robots(root: Path, name: str, robots: str) -> None:
    files = root / name / "files"
    for n in (1, 2, 3, 4):
        (files / "actu" / f"rencontre-{n}-a-kalaban-coro").mkdir(parents=True)
        (files / "actu" / f"rencontre-{n}-a-kalaban-coro" / "index.html").write_text(article(n), encoding="utf-8")
    (files / "index.html").write_text("<html><body>" + "".join(
        f"<a href='/actu/rencontre-{n}-a-kalaban-coro/'>Rencontre {n}</a>" for n in (1, 2, 3, 4)) + "</body></html>",
        encoding="utf-8")
    (files / "robots.txt").write_text(robots, encoding="utf-8")


@pytest.mark.timeout(120)
def test_crawl_delay_spaces_one_host_and_a_hostile_one_is_capped(tmp_path: Path) -> None:
    root = tmp_path / "sites"
    site_with_robots(root, "poli", "User-agent: *\nCrawl-delay: 1\n")
    site_with_robots(root, "hostile", "User-agent: *\nCrawl-delay: 999999\n")
    with TestWeb(root) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                       "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False",
                       "-s", "MALINEWS_MAX_CRAWL_DELAY=1.5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4")
        assert proc.returncode == 0, proc.stderr
        times = {name: sorted(r.time for r in web.requests if r.site == name and r.path != "/robots.txt")
                 for name in ("poli", "hostile")}
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 8
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])["malinews"]
    assert stats["malinews/robots/crawl_delay_capped"] == 1
    for name, floor in (("poli", 1.0), ("hostile", 1.5)):
        gaps = [b - a for a, b in zip(times[name], times[name][1:])]
        assert len(gaps) >= 8, times[name]
        # RANDOMIZE_DOWNLOAD_DELAY spreads each wait over 0.5-1.5x the delay: no gap below half of it,
        # where 4 parallel requests per host would otherwise leave together.
        assert min(gaps) >= 0.5 * floor - 0.05, (name, gaps)
