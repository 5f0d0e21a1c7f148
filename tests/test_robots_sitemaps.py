"""Sitemaps declared only in robots.txt (XML or the protocol's text format) are followed, and
robots.txt is fetched once per host.

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
TEXT_SITEMAP = "/plan-du-site/articles.txt"
N = 6


def _site(root: Path, sitemap: str, body: str) -> Path:
    """Articles reachable only through the sitemap that robots.txt names (the homepage links none)."""
    files = root / "sites" / "robotsplan" / "files"
    (files / "plan-du-site").mkdir(parents=True)
    (files / "index.html").write_text("<html><body><h1>Le Villageois</h1><p>Bientôt.</p></body></html>",
                                      encoding="utf-8")
    (files / "robots.txt").write_text(f"User-agent: *\nDisallow: /prive/\nSitemap: {{BASE}}{sitemap}\n",
                                      encoding="utf-8")
    (files / sitemap.lstrip("/")).write_text(body, encoding="utf-8")
    for n in range(1, N + 1):
        (files / "actu" / f"rencontre-{n}").mkdir(parents=True)
        (files / "actu" / f"rencontre-{n}" / "index.html").write_text(article(n), encoding="utf-8")
    return root / "sites"


def crawl(root: Path, tmp_path: Path, *settings: str, options: tuple[str, ...] = ()) -> tuple[sqlite3.Connection, list[str]]:
    """Crawl the sites under `root` (politeness lifted, extra `NAME=VALUE` settings and CLI `options`);
    (archive, paths requested)."""
    with TestWeb(root) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        extra = [x for item in settings for x in ("-s", item)]
        proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                       "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False",
                       *extra, *options)
        assert proc.returncode == 0, proc.stderr
        requested = [r.path for r in web.requests]
    return sqlite3.connect(tmp_path / "a.db"), requested


@pytest.fixture()
def robots_site(tmp_path: Path) -> Path:
    """The sitemap robots.txt names is XML."""
    locs = "".join(f"<url><loc>{{BASE}}/actu/rencontre-{n}/</loc></url>" for n in range(1, N + 1))
    return _site(tmp_path, SITEMAP, '<?xml version="1.0" encoding="UTF-8"?>'
                 f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>')


@pytest.fixture()
def text_sitemap_site(tmp_path: Path) -> Path:
    """The sitemap robots.txt names is in the text format: one URL per line."""
    return _site(tmp_path, TEXT_SITEMAP, "".join(f"{{BASE}}/actu/rencontre-{n}/\n" for n in range(1, N + 1)))


@pytest.mark.timeout(180)
@pytest.mark.parametrize("obey", [True, False], ids=["robots-obeyed", "robots-not-obeyed"])
def test_robots_sitemap_followed_and_robots_fetched_once(robots_site: Path, tmp_path: Path, obey: bool) -> None:
    db, requested = crawl(robots_site, tmp_path, f"ROBOTSTXT_OBEY={obey}")
    assert requested.count("/robots.txt") == 1, requested
    assert SITEMAP in requested
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == N


@pytest.mark.timeout(180)
def test_text_sitemap_from_robots(text_sitemap_site: Path, tmp_path: Path) -> None:
    db, _ = crawl(text_sitemap_site, tmp_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == N
    assert {v for (v,) in db.execute("SELECT DISTINCT discovered_via FROM articles")} == {"sitemap"}


@pytest.mark.timeout(180)
@pytest.mark.parametrize("route", [
    'encoding = "utf-16"',                                          # saved by a Windows editor: a BOM, two bytes a letter
    'gzip_file = "/robots.txt"\ncontent_encoding = false',          # gzipped, no Content-Encoding said
], ids=["utf-16", "gzip-unannounced"])
def test_a_robots_txt_in_utf16_or_gzipped_is_read(robots_site: Path, tmp_path: Path, route: str) -> None:
    """Its `Sitemap:` line (the only way to the articles) and its rules were lost: no line could be read."""
    (robots_site / "robotsplan" / "routes.toml").write_text(f'[routes."/robots.txt"]\n{route}\n', encoding="utf-8")
    (robots_site / "robotsplan" / "files" / "index.html").write_text(
        '<html><body><h1>Le Villageois</h1><a href="/prive/carnet/">carnet</a></body></html>', encoding="utf-8")
    db, requested = crawl(robots_site, tmp_path)
    assert SITEMAP in requested and "/prive/carnet/" not in requested  # followed, and obeyed
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == N


@pytest.mark.timeout(180)
@pytest.mark.parametrize("rules, allowed", [
    ("Disallow: /", {"/robots.txt"}),
    ("Disallow: /feed/\nDisallow: /sitemap_index.xml\nDisallow: /wp-json/\nDisallow: /wp-sitemap.xml", None),
], ids=["everything", "the-probes"])
def test_the_first_requests_on_a_host_wait_for_its_robots_txt(robots_site: Path, tmp_path: Path, rules: str,
                                                              allowed: set[str] | None) -> None:
    """Scrapy 2.19 handed robots.txt to the first waiting request only: under `Disallow: /` three
    sitemap probes were still fetched (`crawler/robotswait.py`)."""
    (robots_site / "robotsplan" / "files" / "robots.txt").write_text(
        f"User-agent: *\n{rules}\nSitemap: {{BASE}}{SITEMAP}\n", encoding="utf-8")
    _, requested = crawl(robots_site, tmp_path)
    if allowed is not None:
        assert set(requested) == allowed, requested
    else:
        assert not {"/feed/", "/sitemap_index.xml", "/wp-sitemap.xml"} & set(requested), requested
        assert not any(path.startswith("/wp-json/") for path in requested), requested
        assert SITEMAP in requested and "/sitemap.xml" in requested  # what robots.txt allows still goes
