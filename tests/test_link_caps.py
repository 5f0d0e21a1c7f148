"""A page's links and advertised feeds are followed up to their caps, and the cut is counted."""
from __future__ import annotations

from crawler.spiders.news import MAX_FEEDS_PER_PAGE, NewsSpider
from tests.test_spider_memory import BASE, article_url, page, spider  # noqa: F401 - the spider fixture


def test_a_page_advertising_thousands_of_feeds_has_its_first_ones_followed(spider: NewsSpider) -> None:  # noqa: F811
    result = {"links": [], "next_pages": [], "is_article": False, "feeds": [f"{BASE}/flux-{n}.xml" for n in range(5000)]}
    requests = list(spider.follow(page(f"{BASE}/politique/", "listing"), spider.sites["lejour"], result, "listing"))
    assert [r.url for r in requests] == [f"{BASE}/flux-{n}.xml" for n in range(MAX_FEEDS_PER_PAGE)]
    assert spider.crawler.stats.get_value("malinews/lejour/feeds_capped") == 1


def test_a_page_of_too_many_links_has_its_first_ones_followed(spider: NewsSpider) -> None:  # noqa: F811
    spider.max_links = 50
    result = {"links": [article_url(n) for n in range(400)], "next_pages": [], "is_article": False, "feeds": []}
    requests = list(spider.follow(page(f"{BASE}/politique/", "listing"), spider.sites["lejour"], result, "listing"))
    assert [r.url for r in requests] == [article_url(n) for n in range(50)]
    assert spider.crawler.stats.get_value("malinews/lejour/links_capped") == 1
    assert "malinews/lejour/feeds_capped" not in spider.crawler.stats.get_stats()
