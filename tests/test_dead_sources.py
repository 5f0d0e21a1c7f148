"""A sitemap whose addresses all answer "gone" is not followed to its end: after
MALINEWS_DEAD_SOURCE_AFTER gone answers in a row its other addresses are skipped (counted), and the
next run checks the next ones, the first ones being remembered as gone."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scrapy import Request
from twisted.python.failure import Failure

from crawler.deadsources import DeadSources, DeadSourceSkip
from crawler.sampleweb.server import TestWeb
from crawler.spiders.news import NewsSpider
from tests.test_gone_urls import crawl, page, put, sitemap
from tests.test_spider_memory import BASE, article_url, spider  # noqa: F401 - the spider fixture

DEAD = [f"/2024/03/{n % 28 + 1:02d}/ancien-article-{n}/" for n in range(300)]
DEAD_AFTER_20 = ("-s", "MALINEWS_DEAD_SOURCE_AFTER=20")
LIVE = {"/2025/06/10/article-w1/": "W1", "/2025/06/11/article-w2/": "W2", "/2025/06/12/article-w3/": "W3"}


def test_a_source_is_dead_after_so_many_gone_in_a_row() -> None:
    sources = DeadSources(3)
    assert [sources.gone("s") for _ in range(2)] == [False, False]
    sources.alive("s")  # a page answered: the count starts again
    assert [sources.gone("s") for _ in range(3)] == [False, False, True]
    assert sources.is_dead("s") and not sources.is_dead("t") and not sources.is_dead(None)
    assert sources.gone("s") is False  # dead once, counted once
    never = DeadSources(0)
    assert not any(never.gone("s") for _ in range(1000)) and not never.is_dead("s")


@pytest.mark.timeout(180)
def test_a_sitemap_of_dead_addresses_is_cut_and_the_next_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "web"
    for path, key in LIVE.items():
        put(root, path, page(key))
    put(root, "/", "<html><body><h1>Le Sahel</h1></body></html>")
    put(root, "/robots.txt", "User-agent: *\nAllow: /\nSitemap: {BASE}/sitemap-ancien.xml\nSitemap: {BASE}/sitemap-neuf.xml\n")
    put(root, "/sitemap-ancien.xml", sitemap({p: "2024-03-01" for p in DEAD}))
    put(root, "/sitemap-neuf.xml", sitemap({p: "2025-06-12" for p in LIVE}))
    with TestWeb(root) as web:
        first, stats = crawl(web, tmp_path, *DEAD_AFTER_20)
        asked = {p for p in first if p in DEAD}
        # 20 gone in a row, plus the requests already on their way when the 20th answered
        assert 20 <= len(asked) <= 40, len(asked)
        assert all(p in first for p in LIVE)  # the other sitemap is not touched
        assert stats["malinews/sahel/dead_sources"] == 1
        assert stats["malinews/sahel/dead_source_skipped"] == 300 - len(asked)
        db = sqlite3.connect(tmp_path / "a.db")
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        assert db.execute("SELECT count(*) FROM gone_urls").fetchone()[0] == len(asked)

        second, stats = crawl(web, tmp_path, *DEAD_AFTER_20)
        again = {p for p in second if p in DEAD}
        assert again and not again & asked  # the next addresses, not the same ones
        assert stats["malinews/sahel/skipped_gone"] == len(asked)
        assert db.execute("SELECT count(*) FROM gone_urls").fetchone()[0] == len(asked) + len(again)


def test_an_address_skipped_with_its_dead_source_is_requested_when_another_document_lists_it(
        spider: NewsSpider) -> None:  # noqa: F811
    """The skip leaves no trace that would make a live listing of the same address drop it."""
    site = spider.sites["lejour"]
    req, state = spider.article_request(article_url(1), site, {}, depth=1, source=f"{BASE}/sitemap-ancien.xml")
    assert state == "new" and req.meta["source"] == f"{BASE}/sitemap-ancien.xml"
    spider.on_error(_failure(req))
    again, state = spider.article_request(article_url(1), site, {}, depth=1, source=f"{BASE}/")
    assert state == "new" and again.dont_filter and again.meta["source"] == f"{BASE}/"
    assert not spider.crawler.stats.get_value("malinews/lejour/errors")
    # an address merely queued by another document is not requested twice
    assert spider.article_request(article_url(1), site, {}, depth=1, source=f"{BASE}/autre/")[1] == "seen"


def _failure(request: Request) -> Failure:
    try:
        raise DeadSourceSkip("listed by a dead source")
    except DeadSourceSkip:
        failure = Failure()
    failure.request = request
    return failure
