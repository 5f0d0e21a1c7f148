"""Scrapy's RobotsTxtMiddleware, with every request that waits for a host's robots.txt checked.

Scrapy 2.19 fetches robots.txt at a host's first request and makes the others wait on one shared
Deferred (`await maybe_deferred_to_future(parser)`). Twisted hands that Deferred's result to its
first waiter only: the callback adapting it to a Future returns None, so every later waiter got
None, read as "no robots.txt", and went out unchecked. A crawl's first requests on a host (its
sitemap and feed probes, its homepage, the WordPress API) all wait together: with `Disallow: /`,
three sitemap probes were still fetched. Here each waiter gets the parser (`relay`).
"""
from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class WaitingRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware (its settings, stats and parser); each request waiting for robots.txt gets
    the parsed rules, not only the first."""

    async def robot_parser(self, request: Request) -> Any:
        """The host's robots.txt parser (None when it could not be fetched: everything allowed)."""
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):  # first request of the host, or robots.txt already read
            return await super().robot_parser(request)
        waiter: Deferred[Any] = Deferred()

        def relay(parser: Any) -> Any:
            waiter.callback(parser)
            return parser  # the next waiter's callback gets the parser too

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)
