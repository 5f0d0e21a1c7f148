"""Sitemaps declared only in robots.txt are followed, and robots.txt is fetched once per host.

Scrapy's RobotsTxtMiddleware fetches every host's robots.txt before the first request there; the
spider reads the `Sitemap:` lines of that very response (signals.response_received) instead of
requesting robots.txt a second time. With ROBOTSTXT_OBEY off it requests robots.txt itself.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.sampleweb.server import TestWeb
from tests.conftest import run_cli
from tests.test_deep_pagination import article

SITEMAP = "/plan-du-site/articles-2025.xml"  # not a path the spider probes on its own
N = 6


@pytest.fixture()
def robots_site(tmp_path: Path) -> Path:
    """Articles reachable only through the sitemap that robots.txt names (the homepage links none)."""
    files = tmp_path / "sites" / "robotsplan" / "files"
    (files / "plan-du-site").mkdir(parents=True)
    (files / "index.html").write_text("<html><body><h1>Le Villageois</h1><p>Bientôt.</p></body></html>",
                                      encoding="utf-8")
    (files / "robots.txt").write_text(f"User-agent: *\nDisallow: /prive/\nSitemap: {{BASE}}{SITEMAP}\n",
                                      encoding="utf-8")
    locs = "".join(f"<url><loc>{{BASE}}/actu/rencontre-{n}/</loc></url>" for n in range(1, N + 1))
    (files / SITEMAP.lstrip("/")).write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        encoding="utf-8")
    for n in range(1, N + 1):
        (files / "actu" / f"rencontre-{n}").mkdir(parents=True)
        (files / "actu" / f"rencontre-{n}" / "index.html").write_text(article(n), encoding="utf-8")
    return tmp_path / "sites"


@pytest.mark.timeout(180)
@pytest.mark.parametrize("obey", [True, False], ids=["robots-obeyed", "robots-not-obeyed"])
def test_robots_sitemap_followed_and_robots_fetched_once(robots_site: Path, tmp_path: Path, obey: bool) -> None:
    with TestWeb(robots_site) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                       "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False",
                       "-s", f"ROBOTSTXT_OBEY={obey}")
        assert proc.returncode == 0, proc.stderr
        requested = [r.path for r in web.requests]
    assert requested.count("/robots.txt") == 1, requested
    assert SITEMAP in requested
    n = sqlite3.connect(tmp_path / "a.db").execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == N
