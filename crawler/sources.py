"""NewsSpider's extra sources: the WordPress REST API and, in backfill mode, date-archive pages."""
from __future__ import annotations

import logging
from typing import Any, AsyncIterator, Callable, Iterable

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.job import job_dir

from crawler import wpapi
from crawler.backfill import archive_urls, load_hints, save_hints
from crawler.sites import Site
from pipelines.extraction_pool import WorkerCall
from pipelines.items import SourceHint

logger = logging.getLogger(__name__)


class SourcesMixin:
    """Mixed into NewsSpider (before scrapy.Spider): WP API paging, date archives, backfill state.

    Uses the spider's `_req`, `_stat`, `article_request`, `parse_page`, `sites`, `pending`, `since`.
    """

    # what the spider runs in its extraction pool, imported only in the workers
    extract_fn = WorkerCall("crawler.datecheck", "extract_checked")
    backfill: bool = False
    until: str | None = None
    # provided by NewsSpider
    sites: dict[str, Site]
    pending: dict[str, dict[str, Any]]
    since: str | None
    max_listing_pages: int
    wp_style: dict[str, str]
    _req: Callable[..., Request]
    canonical: Callable[[str, Site], str]
    settled: dict[int, str]
    archive: Any
    _stat: Callable[..., None]
    article_request: Callable[..., tuple[Request | None, str]]
    parse_page: Callable[[Response], AsyncIterator[Any]]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        """Read the backfill/WP settings once; restore hints saved by an interrupted backfill."""
        spider = super().from_crawler(crawler, *args, **kwargs)  # type: ignore[misc]
        s = crawler.settings
        spider.backfill = s.getbool("MALINEWS_BACKFILL")
        spider.until = s.get("MALINEWS_UNTIL")
        spider.wp_api = s.getbool("MALINEWS_WP_API", True)
        spider.wp_names, spider.wp_tried, spider.wp_pages = {}, {}, {}
        spider.wp_style = {}  # site → "query" once `/?rest_route=` replaced a missing `/wp-json/`
        spider.jobdir = job_dir(s)
        restored = load_hints(spider.jobdir)
        if restored:
            spider.pending.update(restored)
            logger.info("resuming: %d queued article hints restored from %s", len(restored), spider.jobdir)
        crawler.signals.connect(spider._save_pending, signal=signals.spider_closed)
        return spider

    def _save_pending(self) -> None:
        save_hints(self.jobdir, self.pending)

    def in_window(self, published: str) -> bool:
        """True when an ISO date lies within --since/--until (bounds included)."""
        day = published[:10]
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    # -- start requests (added by SourcesStartMiddleware) ----------------------------------
    def api_requests(self, site: Site) -> Iterable[Request]:
        """The WP API's first page of posts (before anything else: its exact dates should reach the
        articles before a listing queues them)."""
        if self.wp_api:
            yield self._wp_page(site, 1)

    def archive_requests(self, site: Site) -> Iterable[Request]:
        """In backfill mode, every date-archive page of the window."""
        if self.backfill and site.date_archive:
            for url in archive_urls(site.date_archive, self.since, self.until):
                yield self._req(url, site, "listing", self.parse_date_archive, depth=1,
                                via="date-archive")

    def _wp_page(self, site: Site, page: int) -> Request:
        style = self.wp_style.get(site.key, "pretty")
        url = wpapi.posts_url(site.url, page, after=self.since, before=self.until, style=style)
        if style == "query":  # `/?…` on a site that is not WordPress may redirect to its homepage: that
            # page must not be fetched here (Scrapy's dupefilter would then drop the real homepage request)
            return self._req(url, site, "wpapi", self.parse_wp_posts, probe=True, wp_page=page, dont_redirect=True,
                             handle_httpstatus_list=list(range(300, 600)))  # a redirect = "not the API here"
        return self._req(url, site, "wpapi", self.parse_wp_posts, probe=True, wp_page=page)

    # -- callbacks -------------------------------------------------------------------------
    async def parse_date_archive(self, response: Response) -> AsyncIterator[Any]:
        """A date-archive listing; a missing one (GUESSed template, empty month) is skipped quietly."""
        if response.status >= 400:
            self._stat(response.meta["site"], "date_archive_missing")
            return
        async for out in self.parse_page(response):
            yield out

    def parse_wp_posts(self, response: Response) -> Iterable[Request]:
        """One page of `/wp/v2/posts`: name lookups if needed, then article requests and more pages."""
        site = self.sites[response.meta["site"]]
        page = int(response.meta["wp_page"])
        reply = wpapi.parse_reply(response.status, response.headers, response.body)
        if not reply.ok and page == 1 and self.wp_style.get(site.key) is None and wpapi.worth_query_style(reply):
            self.wp_style[site.key] = "query"  # no /wp-json/ route: try ?rest_route=, once
            self._stat(site.key, "wp_api_query_style_tried")
            yield self._wp_page(site, 1)
            return
        if not reply.ok:
            # Closed, absent or not WordPress: the other sources carry on, nothing is an error.
            self._stat(site.key, "wp_api_closed" if page == 1 else "wp_api_page_failed")
            logger.debug("WP API unusable for %s (%s): %s", site.key, reply.reason, response.url)
            return
        self._stat(site.key, "wp_api_pages")
        names = self.wp_names.setdefault(site.key, {})
        for post in reply.items:
            names.update(wpapi.names_from_embed(post))
        posts = [wpapi.slim_post(p) for p in reply.items]
        yield from self._wp_continue(site, posts, page, reply.total_pages)

    def parse_wp_names(self, response: Response) -> Iterable[Request]:
        """A categories/tags/users lookup; a closed endpoint just leaves those names out."""
        site = self.sites[response.meta["site"]]
        kind, meta = response.meta["wp_lookup"], response.meta
        self.wp_tried.setdefault(site.key, set()).update((kind, i) for i in meta["wp_ids"])
        reply = wpapi.parse_reply(response.status, response.headers, response.body)
        if reply.ok:
            self.wp_names.setdefault(site.key, {}).update(wpapi.names_from_lookup(kind, reply.items))
        else:
            self._stat(site.key, f"wp_api_{kind}_closed")
        yield from self._wp_continue(site, meta["wp_posts"], meta["wp_page"], meta["wp_total"])

    def wp_lookup_failed(self, failure: Any) -> Iterable[Request]:
        """A lookup that could not be downloaded: carry on without those names."""
        meta = failure.request.meta
        site = self.sites[meta["site"]]
        self.wp_tried.setdefault(site.key, set()).update((meta["wp_lookup"], i) for i in meta["wp_ids"])
        yield from self._wp_continue(site, meta["wp_posts"], meta["wp_page"], meta["wp_total"])

    def _wp_continue(self, site: Site, posts: list[dict[str, Any]], page: int, total: int) -> Iterable[Request]:
        names = self.wp_names.setdefault(site.key, {})
        missing = wpapi.missing_names(posts, names, self.wp_tried.get(site.key, ()))
        if missing:
            self._wp_hold(site, posts, names)
            kind, ids = next(iter(missing.items()))
            req = self._req(wpapi.lookup_url(site.url, kind, ids, self.wp_style.get(site.key, "pretty")), site, "wpapi", self.parse_wp_names,
                            probe=True, wp_lookup=kind, wp_ids=ids, wp_posts=posts, wp_page=page, wp_total=total)
            yield req.replace(dont_filter=True, errback=self.wp_lookup_failed)  # pages may share names
            return
        fresh = 0
        for post in posts:
            hints = wpapi.post_hints(post, names)
            if hints is None:
                continue
            held = self._wp_release(site, hints["url"])
            req, state = self.article_request(hints["url"], site, {**held, **hints}, depth=1)
            fresh += state in ("new", "changed", "seen")
            if req is not None:
                yield req
            elif state == "fetched" and hints.get("wp_date"):
                # The page was fetched (via a listing) before the API's names came back.
                yield SourceHint(site.key, self.canonical(hints["url"], site), None, wpapi.late_metadata(hints))
        if page == 1 and self.backfill:
            for n in range(2, total + 1):
                yield self._wp_page(site, n)
        elif not self.backfill and fresh and page < total:
            count = self.wp_pages.get(site.key, 1)
            if count < self.max_listing_pages:
                self.wp_pages[site.key] = count + 1
                yield self._wp_page(site, page + 1)

    def _wp_hold(self, site: Site, posts: list[dict[str, Any]], names: dict[tuple[str, int], str]) -> None:
        """While names are looked up, keep listings from fetching these posts without their API dates.

        A post already queued gets the dates now; a new one is held in `pending` (so a listing
        that meets it only merges its hints) until `_wp_continue` requests it.
        """
        for hints in filter(None, (wpapi.post_hints(p, names) for p in posts)):
            if not site.owns(hints["url"]):
                continue
            canon = self.canonical(hints["url"], site)
            extra = {k: v for k, v in hints.items() if k != "url"}
            if canon in self.pending:
                for key, value in extra.items():
                    self.pending[canon].setdefault(key, value)
            elif hash(canon) not in self.settled and self.archive.lookup(canon) is None:
                self.pending[canon] = {**extra, "wp_waiting": True}

    def _wp_release(self, site: Site, url: str) -> dict[str, Any]:
        """The hints of a post held by `_wp_hold` (removed from `pending`), else {}."""
        canon = self.canonical(url, site) if site.owns(url) else url
        held = self.pending.get(canon)
        if not held or not held.pop("wp_waiting", False):
            return {}
        del self.pending[canon]
        return held


class SourcesStartMiddleware:
    """Spider middleware around NewsSpider's start requests: WP API probes first, date archives last."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourcesStartMiddleware:
        """Standard Scrapy constructor."""
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """Each site's API probe, then the spider's own start requests, then the date archives."""
        spider = self.crawler.spider
        sites = list(spider.sites.values()) if isinstance(spider, SourcesMixin) else []
        for site in sites:
            for req in spider.api_requests(site):
                yield req
        async for item in start:
            yield item
        for site in sites:
            for req in spider.archive_requests(site):
                yield req
