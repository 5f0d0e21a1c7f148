"""NewsSpider: discover every article of the registered sites from their homepages, fetch it, extract it."""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterable
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK

from archive.store import Archive
from crawler import wpapi
from crawler.canonical_trust import CanonicalTrust
from crawler.deadsources import DeadSources, DeadSourceSkip
from crawler.discovery import (FEED_PROBES, SITEMAP_PROBES, DiscoveryParseError, is_discovery_xml, iso_utc,
                               parse_discovery_document, robots_sitemaps)
from crawler.links import ARTICLE, LISTING, PAGINATION, TRAP, classify_link, pagination_key
from crawler.memo import BoundedMemo
from crawler.pagetype import is_page
from crawler.robots import robots_bytes
from crawler.sametext import SameTextMemo
from crawler.sites import Site, load_sites, select_sites
from crawler.spiders.accounting import SpiderAccounting
from crawler.sources import SourcesMixin
from crawler.urls import canonicalize_url, is_http_url
from pipelines.extraction_pool import ExtractionPool, heavy_page
from pipelines.items import DocumentCopy, GoneUrl, PageItem, SourceHint
from pipelines.links import absolute, refresh_target

logger = logging.getLogger(__name__)
ERROR_STATUSES = list(range(400, 600))  # seen and counted by the callbacks; 3xx go to RedirectMiddleware


DISCOVERY_CHUNK = 250  # sitemap/feed entries handled between two returns to the reactor
SITEMAP_MAX_DEPTH = 4  # robots/probe sitemap = 0; real indexes nest once, rarely twice
MAX_FEEDS_PER_PAGE = 20  # feeds a page advertises that are followed (a site's, its sections': a handful)
ENTRY_VIAS = ("homepage", "start_url")  # the outlet's own entry pages: their links are always followed
DISCOVERY_KINDS = ("sitemap", "feed")  # asked for conditionally once kept (`archive/documents.py`)
GONE_STATUSES = (404, 410)  # an article address answering these is remembered (`archive/gone.py`)


class NewsSpider(SourcesMixin, SpiderAccounting, scrapy.Spider):
    """One spider for all selected sites; `-a site=a,b` picks sites (default: all)."""

    name = "news"

    def __init__(self, site: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.site_names = [s for s in (site or "").split(",") if s]
        self.sites: dict[str, Site] = {}
        self.pending: dict[str, dict[str, Any]] = {}  # hints of scheduled, not yet parsed URLs
        self.settled: dict[int, str] = {}  # hash(canonical URL) → "archived" | "fetched"
        # hash(canonical URL) of the article links met along each pagination chain; kept only for
        # chains that go on (a page of the chain links its next page): an article page is a chain
        # of its own, and keeping the links of every page grew the crawl ~2 KB a page for nothing.
        self.chain_seen: dict[tuple[str, str], set[int]] = {}
        self.listing_pages: dict[str, int] = {}
        # hash(canonical URL) of listing pages and feeds already requested: menus, footers and feed
        # links repeat on every page; without this each costs a Request through every middleware
        # (dropped by the dupefilter) and counts against MALINEWS_MAX_LISTING_PAGES.
        self.requested: set[int] = set()
        self.canonical_trust = CanonicalTrust(self.canonical)
        self._canon_memo, self._triage_memo = BoundedMemo[str](), BoundedMemo[str]()  # per-link work, memoised
        self.same_text = SameTextMemo()  # the first address of each text: second addresses are not followed

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        """Read the registry, open the archive for lookups and start the extraction pool."""
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        sites_file = s.get("MALINEWS_SITES_FILE")
        registry = load_sites(sites_file)
        spider.sites = {site.key: site for site in select_sites(registry, spider.site_names, sites_file)}
        spider.primary = {k: urlsplit(v.url) for k, v in spider.sites.items()}
        spider.archive = Archive.open(s.get("MALINEWS_DB"), stories=False)  # lookups only: the writer assigns stories
        spider.pool = ExtractionPool(s.getint("MALINEWS_EXTRACT_WORKERS") or None, timeout=s.getfloat("MALINEWS_EXTRACT_TIMEOUT"))
        spider.pool.start()
        spider.since = s.get("MALINEWS_SINCE")
        spider.max_articles = s.getint("MALINEWS_MAX_ARTICLES")
        spider.listing_depth = s.getint("MALINEWS_LISTING_DEPTH")
        spider.max_listing_pages = s.getint("MALINEWS_MAX_LISTING_PAGES")
        spider.max_page_bytes = s.getint("MALINEWS_MAX_PAGE_BYTES")
        spider.max_page_tags = s.getint("MALINEWS_MAX_PAGE_TAGS", 500_000)
        spider.max_links = s.getint("MALINEWS_MAX_LINKS_PER_PAGE", 2000)
        spider.max_xml_bytes = s.getint("DOWNLOAD_MAXSIZE")
        spider.max_sitemaps = s.getint("MALINEWS_MAX_SITEMAPS", 2000)
        spider.sitemaps_followed = {key: 0 for key in spider.sites}
        # gone addresses found by earlier runs (this run's own are settled anyway): none, no lookups
        spider.use_gone = not s.getbool("MALINEWS_RECHECK_GONE") and spider.archive.any_gone()
        spider.conditional = s.getbool("MALINEWS_CONDITIONAL_GET", True)
        spider.revisit = s.getint("MALINEWS_REVISIT", 0)
        spider.dead_sources = DeadSources(s.getint("MALINEWS_DEAD_SOURCE_AFTER", 100))
        spider.started_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        spider.robots_by_scrapy = s.getbool("ROBOTSTXT_OBEY")
        if spider.robots_by_scrapy:  # read the Sitemap: lines of the robots.txt Scrapy fetches anyway
            crawler.signals.connect(spider.on_response, signal=signals.response_received)
        return spider

    def on_closed(self) -> None:
        """Stop the workers and close the lookup connection."""
        self.pool.close()
        self.archive.close()

    # -- helpers ---------------------------------------------------------------------
    def _req(self, url: str, site: Site, kind: str, callback: Any, **meta: Any) -> Request:
        # Our own depth key: Scrapy's DepthMiddleware rewrites meta["depth"] as a plain hop count,
        # and pagination steps must not count as listing depth.
        if "depth" in meta:
            meta["listing_depth"] = meta.pop("depth")
        req = Request(
            url, callback=callback, errback=self.on_error, priority={"page": 0, "listing": 10}.get(kind, 20),
            meta={"site": site.key, "kind": kind, "handle_httpstatus_list": ERROR_STATUSES, **meta},
        )
        if kind in DISCOVERY_KINDS and self.conditional and (kept := self.archive.document_validators(req.url)):
            req.headers.update(kept.headers())  # kept under the address asked for (`_document_copy`)
            req.meta.update(conditional=True, handle_httpstatus_list=[304, *ERROR_STATUSES])
        return req

    def canonical(self, url: str, site: Site) -> str:
        """Canonical URL; a mirror or www/bare spelling of the site's host becomes its primary host."""
        if not site.owns(url):
            return self._canon_memo.get(url, lambda: canonicalize_url(url))
        primary = self.primary[site.key]
        return self._canon_memo.get((site.key, url), lambda: canonicalize_url(url, primary.netloc.lower(), primary.scheme))

    # -- discovery -----------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        """Robots.txt, sitemap and feed probes, configured feeds/sitemaps/start URLs, the homepage."""
        for site in self.sites.values():
            if not self.robots_by_scrapy:  # else RobotsTxtMiddleware fetches it (`on_response`)
                yield self._req(urljoin(site.url, "/robots.txt"), site, "robots", self.parse_robots)
            for path in SITEMAP_PROBES:
                yield self._req(urljoin(site.url, path), site, "sitemap", self.parse_discovery, probe=True)
            for path in FEED_PROBES:
                yield self._req(urljoin(site.url, path), site, "feed", self.parse_discovery, probe=True)
            for url in site.sitemaps:
                yield self._req(url, site, "sitemap", self.parse_discovery)
            for url in site.feeds:
                yield self._req(url, site, "feed", self.parse_discovery)
            for url in self.archive.least_recently_seen(site.key, self.revisit, self.started_at) if self.revisit else ():
                # archived articles seen longest ago, fetched again: an edit is a new version, a
                # deletion (404, 410, "page not found", sent home) is recorded in gone_urls
                self.pending[url] = {}
                self.settled[hash(url)] = "fetched"
                yield self._req(url, site, "page", self.parse_page, depth=1, via="revisit")
            self._first_request(site.url, site)  # menus link the homepage again: not a second listing page
            yield self._req(site.url, site, "listing", self.parse_page, depth=0, via="homepage")
            for url in site.start_urls:
                yield self._req(url, site, "listing", self.parse_page, depth=1, via="start_url")

    def parse_robots(self, response: Response) -> Iterable[Request]:
        """Follow the `Sitemap:` lines of robots.txt."""
        yield from self._robots_sitemaps(response, self.sites[response.meta["site"]])

    def _robots_sitemaps(self, response: Response, site: Site) -> Iterable[Request]:
        if response.status != 200:
            return
        for url in robots_sitemaps(robots_bytes(response.body), response.url):
            if (req := self._sitemap_request(url, site, 0)) is not None:
                yield req

    def on_response(self, response: Response, request: Request, **kwargs: Any) -> None:
        """robots.txt as Scrapy's RobotsTxtMiddleware fetched it (once per host, before any other
        request there): schedule its `Sitemap:` lines. A robots.txt of ours would be a second fetch."""
        if request.callback is not NO_CALLBACK or not request.meta.get("dont_obey_robotstxt"):
            return
        asked = request.meta.get("redirect_urls", [request.url])[0]
        if urlsplit(asked).path != "/robots.txt":
            return
        site = next((s for s in self.sites.values() if s.owns(asked)), None)
        if site is None or self.crawler.engine is None:
            return
        for req in self._robots_sitemaps(response, site):
            self.crawler.engine.crawl(req)

    def _sitemap_request(self, url: str, site: Site, depth: int) -> Request | None:
        """A request for a sitemap a document listed, or None (counted) when it is nested deeper than
        SITEMAP_MAX_DEPTH or over MALINEWS_MAX_SITEMAPS for the site (off-site URLs are refused, and
        counted, by SiteScopeMiddleware like any other request)."""
        if not is_http_url(url):
            return None
        if depth > SITEMAP_MAX_DEPTH or self.sitemaps_followed[site.key] >= self.max_sitemaps:
            self._count(site.key, "sitemaps_capped", "malinews/discovery/sitemaps_capped")
            return None
        self.sitemaps_followed[site.key] += 1
        return self._req(url, site, "sitemap", self.parse_discovery, sitemap_depth=depth)

    async def parse_discovery(self, response: Response) -> AsyncIterator[Request]:
        """Parse a sitemap, sitemap index or feed (in the pool) and schedule what it lists."""
        site = self.sites[response.meta["site"]]
        body = response.body
        if response.status == 304 and response.meta.get("conditional"):  # unchanged: read the kept copy
            body = self.archive.kept_document(response.meta.get("redirect_urls", [response.url])[0])
            if body is None:  # dropped since the request was made
                self._stat(site.key, "errors")
                return
            self._count(site.key, "not_modified", "malinews/discovery/not_modified")
        elif response.status != 200:
            if not response.meta.get("probe"):
                self._stat(site.key, "errors")
                self.crawler.stats.inc_value(f"malinews/errors/discovery_http_{response.status}")
            return
        self._stat(site.key, "documents")
        if response.status == 200 and self.conditional and response.meta.get("kind") in DISCOVERY_KINDS:
            if (copy := self._document_copy(response, site)) is not None:
                yield copy
        try:
            doc = await self.pool.run(parse_discovery_document, body, response.url, self.max_xml_bytes)
        except Exception as exc:  # DiscoveryParseError, or a hostile document breaking the parser
            self._count(site.key, "unreadable", "malinews/discovery/unreadable")
            if not response.meta.get("probe") or not isinstance(exc, DiscoveryParseError):
                self._stat(site.key, "errors")
                logger.info("unreadable discovery document %s: %r", response.url, exc)
            return
        self.crawler.stats.inc_value(f"malinews/discovery/{doc.kind}")
        if doc.generated_dates:  # the document stamped every entry with its own time: not the pages' dates
            self._count(site.key, "generated_dates", "malinews/discovery/generated_dates")
        depth = response.meta.get("sitemap_depth", 0) + 1
        for url in doc.sitemaps:
            if (req := self._sitemap_request(url, site, depth)) is not None:
                yield req
        for start in range(0, len(doc.entries), DISCOVERY_CHUNK):
            chunk = doc.entries[start:start + DISCOVERY_CHUNK]
            # One archive query per chunk, not one per entry; then the loop gets the reactor back.
            canons = [self.canonical(e["url"], site) for e in chunk if is_http_url(e["url"]) and site.owns(e["url"])]
            known = dict.fromkeys(canons) | self.archive.lookup_many(canons)
            gone = self.archive.gone_many(canons) if self.use_gone else {}
            for entry in chunk:
                req, state = self.article_request(entry["url"], site, entry, depth=1, prefetched=known, gone=gone,
                                                  source=response.url)
                if req is not None:
                    yield req
                elif state == "fetched" and (stamp := max(iso_utc(entry.get("lastmod")) or "", iso_utc(entry.get("published")) or "")):
                    # A date met after the page was fetched: remember it so the next run compares to it.
                    yield SourceHint(site.key, self.canonical(entry["url"], site), stamp)
            await asyncio.sleep(0)

    def _document_copy(self, response: Response, site: Site) -> DocumentCopy | None:
        """The copy of a sitemap or feed to keep, when its server gave a validator (ETag, Last-Modified)."""
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        if etag is None and modified is None:
            return None
        asked = response.meta.get("redirect_urls", [response.url])[0]
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        return DocumentCopy(site.key, asked, etag.decode("latin-1") if etag else None,
                            modified.decode("latin-1") if modified else None, now, response.body)

    def article_request(self, url: str, site: Site, hints: dict[str, Any], depth: int,
                        prefetched: dict[str, Any] | None = None, gone: dict[str, Any] | None = None,
                        source: str | None = None) -> tuple[Request | None, str]:
        """A request for an article candidate and why: `new`, `changed`, `archived`, `gone`, `seen` or `filtered`.

        `prefetched`: {canonical URL: `Archive.lookup` result} already read for a batch of candidates;
        `gone`: {canonical URL: `Archive.gone_many` result} for the same batch; `source`: the document
        or page that lists the URL (`crawler/deadsources.py`).

        Hints of a URL met several times (sitemap, feed, listings) are merged until it is fetched.
        """
        if not is_http_url(url) or not site.owns(url):
            self.crawler.stats.inc_value("malinews/discovery/offsite_entry")
            return None, "filtered"
        canon = self.canonical(url, site)
        clean = {k: v for k, v in hints.items() if k != "url" and v}
        for key in ("lastmod", "published"):
            if key in clean:
                clean[key] = iso_utc(clean[key]) or None
        stamp = max(clean.get("lastmod") or "", clean.get("published") or "") or None
        if canon in self.pending:
            merged = self.pending[canon]
            for k, v in clean.items():
                if not merged.get(k):
                    merged[k] = v
            if clean.get("lastmod") and clean["lastmod"] > (merged.get("lastmod") or ""):
                merged["lastmod"] = clean["lastmod"]  # the newest date any document gives wins
            return None, "seen"
        settled = self.settled.get(hash(canon))
        # An archived or gone URL met again with a date (another sitemap, the feed) is checked again;
        # one skipped with a dead source is requested again when another document lists it.
        if settled is not None and settled != "unlisted" and not (settled in ("archived", "gone") and stamp):
            return None, settled
        published = clean.get("published")
        if published and not self.in_window(published):
            self._stat(site.key, "skipped_out_of_window")  # outside --since/--until
            return None, "filtered"
        if self.max_articles and int(self.crawler.stats.get_value(f"malinews/{site.key}/passed", 0)) >= self.max_articles:
            return None, "filtered"
        state = "new"
        known = prefetched[canon] if prefetched is not None and canon in prefetched else self.archive.lookup(canon)
        if known is not None:
            reference = known.source_modified or known.last_seen
            if not (stamp and reference and stamp > reference):
                self._stat(site.key, "skipped_archived")
                self.settled[hash(canon)] = "archived"
                return None, "archived"
            self._stat(site.key, "refetch_changed")
            state = "changed"
        elif self.use_gone:  # an address found gone: left alone while its wait lasts
            held = gone.get(canon) if gone is not None else self.archive.gone_many([canon]).get(canon)
            if held is not None and held.held_back(self.started_at, stamp):
                if settled != "gone":  # met again (a sitemap after a link): one address, one count
                    self._count(site.key, "skipped_gone", "malinews/discovery/skipped_gone")
                self.settled[hash(canon)] = "gone"
                return None, "gone"
        self.pending[canon] = clean
        req = self._req(canon, site, "page", self.parse_page, depth=depth, via=clean.get("via", "link"), source=source)
        if settled == "unlisted":  # Scrapy's duplicate filter saw it when it was skipped
            req = req.replace(dont_filter=True)
        return req, state

    def on_error(self, failure: Any) -> None:
        """A request skipped with its dead source document is forgotten, so that another document
        listing the same address requests it; other failures are counted (`SpiderAccounting`)."""
        if failure.check(DeadSourceSkip):  # counted by DeadSourceMiddleware
            canon = failure.request.url
            self.pending.pop(canon, None)
            self.settled[hash(canon)] = "unlisted"
            return
        super().on_error(failure)

    # -- pages -------------------------------------------------------------------------------
    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """Extract a page in the pool, yield it as an item, follow its links."""
        site = self.sites[response.meta["site"]]
        kind = response.meta["kind"]
        if response.status >= 400 or response.status == 206:  # 206: a part of the page (no Range was asked)
            self._stat(site.key, "errors")
            self.crawler.stats.inc_value(f"malinews/errors/http_{response.status}")
            if response.status in GONE_STATUSES and self._article_candidate(response):
                yield self._gone(response, site, f"http_{response.status}")
            return
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if is_discovery_xml(response.body):
            async for req in self.parse_discovery(response):
                yield req
            return
        if not is_page(ctype, response.body):
            self._count(site.key, "skipped", "malinews/skipped/not_html")
            return
        if len(response.body) > self.max_page_bytes:
            self._count(site.key, "skipped", "malinews/skipped/too_large")
            self._stat(site.key, "errors")
            return
        if self.max_page_tags and response.body.count(b"<") > self.max_page_tags:
            # ~1.5 KB a parsed element: a million `<br>` in 8 MB took a worker to 1.5-2.9 GB
            self._count(site.key, "skipped", "malinews/skipped/too_many_tags")
            self._stat(site.key, "errors")
            return
        self._stat(site.key, "pages")
        requested = response.meta.get("redirect_urls", [response.url])[0]
        requested_canon = self.canonical(requested, site)
        # Hints met while this page is extracted still merge in (pending), and are popped after.
        hints = self.pending.setdefault(requested_canon, {})
        self.settled[hash(requested_canon)] = "fetched"
        job = {
            "url": response.url,
            "body": response.body,
            "content_type": ctype or None,
            "hints": {"via": response.meta.get("via", "link")} | hints,
            "article_pattern": site.article_pattern,
            "exclude_pattern": site.exclude_pattern,
            "language": site.language,
            "now": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        }
        heavy = heavy_page(response.body)
        if heavy:
            self.crawler.stats.inc_value("malinews/extract/heavy_pages")
        try:
            result = await self.pool.run(self.extract_fn, job, heavy=heavy)
        except Exception as exc:  # a hostile page must never stop the crawl
            self.pending.pop(requested_canon, None)
            self._stat(site.key, "errors")
            self.crawler.stats.inc_value(f"malinews/errors/extract_{type(exc).__name__}")
            logger.warning("extraction failed for %s: %s", response.url, exc)
            return
        self.pending.pop(requested_canon, None)
        if result.get("article") and any(hints.get(k) != job["hints"].get(k) for k in wpapi.WP_HINT_KEYS):
            wpapi.apply_hints(result, hints)  # API names or dates that arrived while the page was extracted
        fetched = self.canonical(response.url, site)
        url = self.row_url(result, site, fetched)
        repeat, first, same_page = False, None, False
        if result.get("is_article") and result.get("article"):
            repeat, first = self.same_text.repeat_of(site.key, result["article"], fetched, url)
        else:  # a catch-all page (a soft 404 answering every unknown path) served again at another address
            same_page = self.same_text.repeat_page(site.key, result.get("page_hash"), fetched)
        yield PageItem(
            site=site.key,
            url=url,
            requested_url=requested_canon,
            aliases=[self.canonical(u, site) for u in response.meta.get("redirect_urls", []) if site.owns(u)],
            final_url=response.url,
            status=response.status,
            fetched_at=job["now"],
            content_type=ctype or None,
            discovered_via=hints.get("via") or response.meta.get("via"),
            source_modified=max(hints.get("lastmod") or "", hints.get("published") or "") or None,
            headers={k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            body=response.body,
            result=result,
            same_text_of=first,
            fetched_url=fetched,
        )
        if self._article_candidate(response):
            if result.get("reason") == "soft-404":
                yield self._gone(response, site, "soft-404")
            elif self._sent_home(response):  # many CMSs send a deleted article's address to the front page
                yield self._gone(response, site, "redirect-home")
            else:
                self.dead_sources.alive(response.meta.get("source"))
        if repeat or same_page:  # a second address of a text or page: its links lead one level deeper, never elsewhere
            counter = "same_text" if repeat else "same_page"
            self._count(site.key, counter, f"malinews/discovery/{counter}")
            return
        if result.get("reason") == "soft-404" and response.meta.get("via") not in ENTRY_VIAS:
            # A "page not found" answered 200 is a 404 in all but status, and a 404's links are not
            # followed: its relative links resolve below the missing address, which answers again
            # (one that prints the address asked for differs every time: `same_page` misses it).
            self._count(site.key, "soft_404", "malinews/discovery/soft_404_not_followed")
            return
        for req in self.follow(response, site, result, kind):
            yield req

    @staticmethod
    def _article_candidate(response: Response) -> bool:
        """Whether the page was asked for as an article (not a listing, feed or entry page)."""
        return response.meta.get("kind") == "page" and response.meta.get("via") not in ENTRY_VIAS

    @staticmethod
    def _sent_home(response: Response) -> bool:
        """Whether an address below the site's root was redirected to its root (the front page)."""
        asked = response.meta.get("redirect_urls")
        return bool(asked) and urlsplit(response.url).path in ("", "/") and urlsplit(asked[0]).path not in ("", "/")

    def _gone(self, response: Response, site: Site, reason: str) -> GoneUrl:
        """The item that makes the archive remember an article address as gone; one more gone
        address for the document that listed it (`crawler/deadsources.py`)."""
        requested = response.meta.get("redirect_urls", [response.url])[0]
        source = response.meta.get("source")
        if self.dead_sources.gone(source):
            self._count(site.key, "dead_sources", "malinews/discovery/dead_sources")
            logger.warning("%s: its last %d addresses were all gone; its other addresses are skipped this run",
                           source, self.dead_sources.after)
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        return GoneUrl(site.key, self.canonical(requested, site), reason, now)

    def row_url(self, result: dict[str, Any], site: Site, own: str) -> str:
        """The URL an extracted page is archived under (`crawler.canonical_trust`); a refused
        canonical URL is counted `canonical_ignored`."""
        url, refused = self.canonical_trust.row_url(result, site, own)
        if refused is not None:
            self._count(site.key, "canonical_ignored", f"malinews/canonical/{refused}")
        return url

    @staticmethod
    def _refresh_link(response: Response) -> list[str]:
        """Where a `Refresh` header too slow to be a redirect sends readers: a link, as a `<meta>`
        refresh's is (`pipelines.links.extract_links`); the page itself was read."""
        target = refresh_target(response.headers.get(b"Refresh"))
        return [link] if target and (link := absolute(response.url, target[1])) else []

    def follow(self, response: Response, site: Site, result: dict[str, Any], kind: str) -> Iterable[Request]:
        """Schedule article candidates, listing pages within depth, and pagination while it pays."""
        depth = int(response.meta.get("listing_depth", 0))
        feeds = result.get("feeds", [])
        if len(feeds) > MAX_FEEDS_PER_PAGE:
            self._count(site.key, "feeds_capped", "malinews/discovery/feeds_capped")
            feeds = feeds[:MAX_FEEDS_PER_PAGE]
        for feed in feeds:
            if site.owns(feed) and self._first_request(feed, site):
                yield self._req(feed, site, "feed", self.parse_discovery)
        chain = (site.key, pagination_key(self.canonical(response.url, site)))
        seen = self.chain_seen.get(chain, set())
        fresh = 0   # article links new to this chain and not archived yet
        unseen = 0  # article links new to this chain, archived or not
        pages: list[str] = []
        links = list(dict.fromkeys([*result.get("links", []), *result.get("next_pages", []),
                                    *self._refresh_link(response)]))
        if len(links) > self.max_links:
            self._stat(site.key, "links_capped")
            links = links[: self.max_links]
        # An article candidate that is no article (soft 404, calendar…) passes article links on
        # only within the listing depth, so endless chains of generated pages stop there.
        pass_articles = bool(result.get("is_article")) or kind != "page" or depth <= self.listing_depth
        for link in links:
            verdict = self._triage_memo.get((site.key, link), lambda: classify_link(link, site))
            if verdict == ARTICLE and pass_articles:
                key = hash(self.canonical(link, site))
                req, state = self.article_request(link, site, {"via": "listing" if not result.get("is_article") else "link"},
                                                  depth + 1, source=response.url)
                if key not in seen:
                    seen.add(key)
                    unseen += 1
                    fresh += state not in ("archived", "gone")
                if req is not None:
                    yield req
            elif verdict == PAGINATION:
                pages.append(link)
            elif verdict == TRAP:
                self._count(site.key, "trap_links", "malinews/discovery/trap_links")
            elif verdict == LISTING and depth < self.listing_depth:
                req = self.listing_request(link, site, depth + 1, "listing")
                if req is not None:
                    yield req
        # A chain goes on while its pages bring something: recent crawls stop at a page of archived
        # articles; a backfill walks past those, but not past a page that only repeats links
        # (an endless generated pagination would otherwise be walked forever: its cap is lifted).
        progressed = unseen if self.backfill else fresh
        for link in pages:
            same_chain = pagination_key(self.canonical(link, site)) == chain[1]
            if same_chain:
                self.chain_seen.setdefault(chain, seen)  # the chain goes on: its next page compares to these
            if same_chain and progressed == 0:
                continue
            if not same_chain and depth >= self.listing_depth:
                continue
            req = self.listing_request(link, site, depth if same_chain else depth + 1, "pagination")
            if req is not None:
                yield req

    def _first_request(self, url: str, site: Site) -> bool:
        """True the first time a listing or feed URL (canonicalised) is to be requested."""
        key = hash(self.canonical(url, site))
        if key in self.requested:
            return False
        self.requested.add(key)
        return True

    def listing_request(self, url: str, site: Site, depth: int, via: str) -> Request | None:
        """A listing-page request, bounded per site by MALINEWS_MAX_LISTING_PAGES (None if already requested)."""
        if not self._first_request(url, site):
            return None
        count = self.listing_pages.get(site.key, 0)
        if count >= self.max_listing_pages:
            self.crawler.stats.inc_value("malinews/discovery/listing_cap_reached")
            return None
        self.listing_pages[site.key] = count + 1
        return self._req(self.canonical(url, site), site, "listing", self.parse_page, depth=depth, via=via)
