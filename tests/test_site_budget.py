"""A run sends at most MALINEWS_MAX_REQUESTS_PER_SITE requests to one site (`crawler/sitebudget.py`):
an endless chain of distinct pages ends, is counted and reported, and the next run goes on."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from conftest import run_cli
from crawler.sampleweb.server import TestWeb
from crawler.sitebudget import BudgetSkip, SiteBudgetMiddleware
from test_gone_urls import crawl, page, put, sitemap

CHAIN = "/2025/06/{n:02d}/dossier-{n}/"
ARTICLES = ["W1", "W2", "W3", "W4", "W5", "A1"]  # realistic, distinct texts


def middleware(limit: int) -> SiteBudgetMiddleware:
    return SiteBudgetMiddleware.from_crawler(get_crawler(settings_dict={"MALINEWS_MAX_REQUESTS_PER_SITE": limit}))


def test_each_site_gets_its_own_budget_and_robots_txt_is_free() -> None:
    mw = middleware(3)
    for _ in range(3):
        assert mw.process_request(Request("http://a.ml/x", meta={"site": "a"})) is None
    assert mw.process_request(Request("http://b.ml/x", meta={"site": "b"})) is None
    with pytest.raises(BudgetSkip):
        mw.process_request(Request("http://a.ml/y", meta={"site": "a"}))
    with pytest.raises(BudgetSkip):
        mw.process_request(Request("http://a.ml/z", meta={"site": "a"}))
    stats = mw.crawler.stats
    assert stats.get_value("malinews/a/budget_skipped") == 2 and stats.get_value("malinews/a/budget_exhausted") == 1
    assert stats.get_value("malinews/b/budget_skipped") is None
    assert mw.process_request(Request("http://c.ml/nosite")) is None  # not a site's request: not counted


def test_zero_means_no_budget() -> None:
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        middleware(0)


@pytest.mark.timeout(240)
def test_a_run_stops_at_the_budget_and_the_next_run_goes_on(tmp_path: Path) -> None:
    """Six articles listed by the sitemap, a budget of 9 requests: the homepage, the feed and the four
    sitemap addresses probed take 6, so each run archives 3, and the second run the other 3."""
    root = tmp_path / "web"
    paths = [CHAIN.format(n=n + 1) for n in range(len(ARTICLES))]
    for path, key in zip(paths, ARTICLES):
        put(root, path, page(key))
    put(root, "/", "<html><body><h1>Le Sahel</h1></body></html>")
    put(root, "/sitemap.xml", sitemap({p: "2025-06-12" for p in paths}))
    budget = ("-s", "MALINEWS_MAX_REQUESTS_PER_SITE=9", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    with TestWeb(root) as web:
        first, stats = crawl(web, tmp_path, *budget)
        assert len([p for p in first if p != "/robots.txt"]) == 9, first
        assert stats["malinews/sahel/budget_exhausted"] == 1 and stats["malinews/sahel/budget_skipped"] == 3
        db = sqlite3.connect(tmp_path / "a.db")
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        proc = run_cli("health", "--db", str(tmp_path / "a.db"), "--sites", str(tmp_path / "sites.toml"))
        assert "used its request budget in its last run: 3 requests skipped" in proc.stderr

        second, stats = crawl(web, tmp_path, *budget)
        assert not {p for p in first if p in paths} & {p for p in second if p in paths}
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
        assert "malinews/sahel/budget_skipped" not in stats
