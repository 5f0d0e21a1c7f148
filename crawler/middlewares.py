"""Downloader middlewares: every request kept on its own site's hosts; redirects and refreshes that
record aliases and never lose the page they leave."""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import get_meta_refresh
from scrapy.http.request import NO_CALLBACK
from scrapy.settings import BaseSettings
from w3lib.url import safe_url_string

from crawler.sites import Site
from pipelines.links import refresh_target

logger = logging.getLogger(__name__)


class SiteScopeMiddleware:
    """Refuse any request (redirects included) that leaves the hosts of the site it belongs to;
    a site's robots.txt that cannot be downloaded is counted for the site, not logged as a traceback.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteScopeMiddleware:
        """Standard Scrapy constructor."""
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        """Raise IgnoreRequest (counted) for an off-site request; robots.txt of the site is fine."""
        spider = spider or self.crawler.spider
        sites: dict[str, Site] = getattr(spider, "sites", {})
        key = request.meta.get("site")
        site = sites.get(key) if key else None
        if site is None:
            return None
        if not site.owns(request.url):
            self.crawler.stats.inc_value("malinews/offsite/filtered")
            self.crawler.stats.inc_value(f"malinews/{key}/offsite")
            raise IgnoreRequest(f"off-site URL for {key}: {request.url}")
        return None

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None) -> None:
        """Turn the final download failure of a robots.txt (timeout, reset, unreadable reply) into a
        counted IgnoreRequest (`malinews/<site>/robots_unreachable`, `malinews/robots/unreachable`).

        Scrapy's RobotsTxtMiddleware fetches robots.txt itself and logs any failure but
        IgnoreRequest at ERROR level with its traceback; either way it then crawls the host as if
        robots.txt allowed everything. This middleware sits first (priority 50), so it sees the
        failure after RetryMiddleware has given up.
        """
        if not is_robots_request(request) or isinstance(exception, IgnoreRequest):
            return None
        spider = spider or self.crawler.spider
        sites: dict[str, Site] = getattr(spider, "sites", {})
        key = next((k for k, site in sites.items() if site.owns(request.url)), None)
        self.crawler.stats.inc_value("malinews/robots/unreachable")
        if key is not None:
            self.crawler.stats.inc_value(f"malinews/{key}/robots_unreachable")
        logger.info("robots.txt unreachable, crawling as allowed: %s: %s", request.url, exception)
        raise IgnoreRequest(f"robots.txt unreachable: {type(exception).__name__}: {exception}")


def is_robots_request(request: Request) -> bool:
    """True for the robots.txt request Scrapy's RobotsTxtMiddleware makes itself (no callback)."""
    return (request.callback is NO_CALLBACK and bool(request.meta.get("dont_obey_robotstxt"))
            and urlsplit(request.url).path == "/robots.txt")


# Request kinds whose redirects bypass Scrapy's duplicate filter (see AliasRedirectMiddleware).
UNFILTERED_REDIRECTS = frozenset({"page", "robots", "sitemap", "feed", "wpapi"})


class AliasRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, except some redirected requests are never dropped as duplicates, nor
    recorded as seen.

    - An article candidate: when `/?p=5518` redirects to a page fetched already this run, Scrapy's
      dupefilter would drop the hop and malinews would never learn that `/?p=5518` is that
      article: the next crawl would request it again. Letting the hop through costs one fetch and
      records the alias.
    - robots.txt, sitemap, feed and WP API requests: many sites redirect every unknown path to
      their homepage. A probe's redirect that reached the homepage first would be recorded as
      seen, and the homepage request itself then dropped: no listing, no articles.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self._refresh_max_delay = settings.getint("METAREFRESH_MAXDELAY")

    def process_response(self, request: Request, response: Response, spider: Spider | None = None
                         ) -> Request | Response:
        """Scrapy's status redirects, and the HTTP `Refresh` header of a 2xx reply, which browsers
        follow as they follow `<meta http-equiv="refresh">` (Scrapy reads only the `<meta>`): under
        METAREFRESH_MAXDELAY seconds, to an http(s) address, as a redirect (same hop limit, same
        loop handling)."""
        result = super().process_response(request, response)
        if result is not response or not 200 <= response.status < 300 or request.method == "HEAD" \
                or request.meta.get("dont_redirect", False):
            return result
        target = refresh_target(response.headers.get(b"Refresh"))
        if target is None or target[0] >= self._refresh_max_delay:
            return response
        url = refresh_url(response.url, target[1])
        if url is None:
            return response
        return self._redirect(self._redirect_request_using_get(request, response, url), request, "refresh header")

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        redirected = super()._redirect(redirected, request, reason)
        if request.meta.get("kind") in UNFILTERED_REDIRECTS:
            redirected.dont_filter = True
        return redirected


def refresh_url(page_url: str, target: str) -> str | None:
    """The absolute http(s) address a refresh of `page_url` leads to, or None when it leads nowhere a
    crawler can follow (`javascript:`, `mailto:`, an unreadable address such as `http://[::1`) or back to
    the page itself (`url=`, `url=#`: a reload). Either way the page is what its reader sees."""
    try:
        url = urljoin(page_url, safe_url_string(target.strip()))
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is no number or out of range
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return None if urldefrag(url)[0] == urldefrag(page_url)[0] else url


class PageMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's `<meta http-equiv="refresh">` redirects, but a refresh to an address no crawler can
    follow, or to the page itself, leaves the page to be read (`refresh_url`): Scrapy built the
    redirect first and lost the page to the error (`javascript:void(0)`, `mailto:`, `http://[::1`)
    or to its duplicate filter (a reload of the page)."""

    def process_response(self, request: Request, response: Response, spider: Spider | None = None
                         ) -> Request | Response:
        """Follow a refresh under METAREFRESH_MAXDELAY seconds to another http(s) page; else the page."""
        if (request.meta.get("dont_redirect", False) or request.method == "HEAD"
                or not isinstance(response, HtmlResponse) or urlparse_cached(request).scheme not in {"http", "https"}):
            return response
        try:
            interval, target = get_meta_refresh(response, ignore_tags=self._ignore_tags)
        except ValueError:  # w3lib joins the target to the page's address: "Invalid IPv6 URL"
            return response
        if not target or interval is None or interval >= self._maxdelay:
            return response
        url = refresh_url(response.url, target)
        if url is None:
            return response
        return self._redirect(self._redirect_request_using_get(request, response, url), request, "meta refresh")
