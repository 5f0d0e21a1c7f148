"""An exception escaping a spider callback is counted for its site, logged on one line, swallowed."""
from __future__ import annotations

import logging

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.callbackguard import CallbackErrorMiddleware


def test_a_callback_exception_is_a_counted_error_of_its_site(caplog: pytest.LogCaptureFixture) -> None:
    crawler = get_crawler()
    crawler.stats.open_spider()
    guard = CallbackErrorMiddleware.from_crawler(crawler)
    request = Request("http://127.0.0.9/2025/01/02/page/", meta={"site": "essor"})
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    with caplog.at_level(logging.DEBUG, logger="crawler.callbackguard"):
        out = guard.process_spider_exception(response, ValueError("Invalid IPv6 URL"))
    assert list(out) == []
    stats = crawler.stats.get_stats()
    assert stats["malinews/essor/errors"] == 1 and stats["malinews/errors/callback_ValueError"] == 1
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "Invalid IPv6 URL" in warnings[0].getMessage() and warnings[0].exc_info is None


def test_the_guard_is_installed_next_to_the_spider() -> None:
    from crawler import settings

    order = settings.SPIDER_MIDDLEWARES
    assert order["crawler.callbackguard.CallbackErrorMiddleware"] > max(
        v for k, v in order.items() if k != "crawler.callbackguard.CallbackErrorMiddleware")
