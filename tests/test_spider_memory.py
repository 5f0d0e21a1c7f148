"""The spider's per-page bookkeeping stays small over a long crawl, and pagination still stops on
a page that brings nothing new."""
from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any, Iterator

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.spiders.news import NewsSpider
from pipelines.extraction_pool import ExtractionPool

BASE = "http://127.0.0.1:9"
SITES_TOML = f"""
[sites.lejour]
name = "Le Jour"
url = "{BASE}/"
language = "fr"
"""


@pytest.fixture()
def spider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NewsSpider]:
    """A NewsSpider built the way Scrapy builds it, with the project's settings, without extraction workers."""
    monkeypatch.setattr(ExtractionPool, "start", lambda self: None)
    monkeypatch.setattr(ExtractionPool, "close", lambda self: None)
    sites = tmp_path / "sites.toml"
    sites.write_text(SITES_TOML, encoding="utf-8")
    values = {k: v for k, v in vars(project_settings).items() if k.isupper()}
    values |= {"MALINEWS_DB": str(tmp_path / "a.db"), "MALINEWS_SITES_FILE": str(sites)}
    crawler = get_crawler(NewsSpider, values)
    spider = NewsSpider.from_crawler(crawler)
    yield spider
    spider.on_closed()


def page(url: str, kind: str = "page", depth: int = 1) -> HtmlResponse:
    """A fetched page as `follow` sees it."""
    request = Request(url, meta={"site": "lejour", "kind": kind, "listing_depth": depth})
    return HtmlResponse(url, body=b"<html></html>", request=request)


def article_url(n: int) -> str:
    return f"{BASE}/politique/2025/06/la-commune-de-kalaban-coro-tient-sa-rencontre-{n}.html"


def follow(spider: NewsSpider, response: HtmlResponse, links: list[str], next_pages: list[str] = (),
           is_article: bool = True) -> list[Any]:
    result = {"links": links, "next_pages": list(next_pages), "feeds": [], "is_article": is_article}
    return list(spider.follow(response, spider.sites["lejour"], result, response.meta["kind"]))


def test_article_pages_leave_no_chain_behind(spider: NewsSpider) -> None:
    """10,000 article pages of 40 article links each: no per-page link set is kept (it used to cost
    ~2 KB a page, 200 MB over a 100,000-page backfill)."""
    for n in range(200):  # the first sight of every linked URL, outside the measure
        follow(spider, page(article_url(100_000 + n)), [article_url((n * 10 + j) % 2000) for j in range(40)])
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(3_000):
            follow(spider, page(article_url(10_000 + n)), [article_url((n * 37 + j * 11) % 2000) for j in range(40)])
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert spider.chain_seen == {}
    assert grown < 3 * 2**20, f"3,000 pages grew the spider by {grown / 2**20:.1f} MB"


def test_a_listing_chain_goes_on_while_it_brings_new_articles(spider: NewsSpider) -> None:
    listing = f"{BASE}/politique/"
    first = follow(spider, page(listing, "listing", 1), [article_url(1), article_url(2)],
                   [f"{BASE}/politique/page/2/"], is_article=False)
    assert f"{BASE}/politique/page/2/" in {r.url for r in first}
    assert len(spider.chain_seen) == 1
    second = follow(spider, page(f"{BASE}/politique/page/2/", "listing", 1), [article_url(3), article_url(1)],
                    [f"{BASE}/politique/page/3/"], is_article=False)
    assert f"{BASE}/politique/page/3/" in {r.url for r in second}
    # a page repeating only links its chain already met ends the chain
    third = follow(spider, page(f"{BASE}/politique/page/3/", "listing", 1), [article_url(2), article_url(3)],
                   [f"{BASE}/politique/page/4/"], is_article=False)
    assert f"{BASE}/politique/page/4/" not in {r.url for r in third}


def test_an_article_split_over_pages_keeps_its_chain(spider: NewsSpider) -> None:
    """An article whose comments run over `?page=N`: its second page repeats the first page's links
    only, so the third is not requested."""
    own = article_url(7)
    first = follow(spider, page(own), [article_url(8)], [own + "?page=2"])
    assert own + "?page=2" in {r.url for r in first}
    second = follow(spider, page(own + "?page=2"), [article_url(8)], [own + "?page=3"])
    assert own + "?page=3" not in {r.url for r in second}
