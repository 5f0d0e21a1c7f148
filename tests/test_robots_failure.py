"""A robots.txt that cannot be downloaded is counted for its site and crawled as allowed, never a traceback."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError as TxTimeoutError

from crawler.middlewares import SiteScopeMiddleware, is_robots_request
from crawler.sites import Site

SITE = Site(key="lent", url="http://127.0.0.9:8000/", name="lent", hosts=frozenset({"127.0.0.9:8000"}))


def robots_request(url: str = "http://127.0.0.9:8000/robots.txt") -> Request:
    """The request Scrapy's RobotsTxtMiddleware makes for a host's robots.txt."""
    return Request(url, meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)


@pytest.fixture
def middleware() -> SiteScopeMiddleware:
    crawler = get_crawler()
    crawler.spider = SimpleNamespace(sites={"lent": SITE})
    return SiteScopeMiddleware.from_crawler(crawler)


@pytest.mark.parametrize("exc", [TxTimeoutError("took longer than 2.0 seconds"), ConnectionResetError(104, "reset")])
def test_robots_download_failure_becomes_a_counted_ignore(middleware: SiteScopeMiddleware, exc: Exception) -> None:
    """Scrapy's RobotsTxtMiddleware logs every failure but IgnoreRequest with its traceback."""
    with pytest.raises(IgnoreRequest, match="robots.txt unreachable"):
        middleware.process_exception(robots_request(), exc)
    stats = middleware.crawler.stats
    assert stats.get_value("malinews/lent/robots_unreachable") == 1
    assert stats.get_value("malinews/robots/unreachable") == 1


def test_other_failures_are_left_to_the_spider(middleware: SiteScopeMiddleware) -> None:
    page = Request("http://127.0.0.9:8000/2025/07/03/lent/", meta={"site": "lent"})
    assert middleware.process_exception(page, TxTimeoutError("slow")) is None
    assert middleware.process_exception(robots_request(), IgnoreRequest("redirect loop")) is None
    assert middleware.crawler.stats.get_value("malinews/robots/unreachable") is None


def test_only_scrapys_own_robots_request_is_one() -> None:
    assert is_robots_request(robots_request())
    assert not is_robots_request(Request("http://127.0.0.9:8000/robots.txt", meta={"site": "lent", "kind": "sitemap"}))
    assert not is_robots_request(robots_request("http://127.0.0.9:8000/robots.txt.bak"))
