"""Build or update an archive from WARC files with no network: the crawl's extraction, replayed in fetch order."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from archive.claims import fetched_here
from archive.store import Archive
from crawler import settings as defaults
from crawler.canonical_trust import CanonicalTrust
from crawler.discovery import DiscoveryParseError, is_discovery_xml, iso_utc, parse_discovery_document
from crawler.pagetype import is_page
from crawler.links import ARTICLE, classify_link
from crawler.sites import Site
from crawler.urls import canonicalize_url, is_http_url
from crawler.warc import KIND_HEADER, REDIRECTED_FROM, VIA_HEADER
from pipelines.urlclaims import UrlClaims

READ_LIMIT = defaults.DOWNLOAD_MAXSIZE  # bytes of one response body, decoded, as the crawl's DOWNLOAD_MAXSIZE

logger = logging.getLogger(__name__)
Extract = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class ImportSummary:
    """What an import did."""

    files: int = 0
    responses: int = 0
    pages: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # file → why it was not read (to its end)
    unreadable: set[str] = field(default_factory=set)  # files with no readable record at all

    def add(self, key: str, n: int = 1) -> None:
        """Count one event."""
        self.counts[key] = self.counts.get(key, 0) + n


def warc_iso(date: str) -> str:
    """A WARC-Date (`2025-06-22T08:00:00.123456Z`) as the crawler's `now`: seconds, `+00:00`."""
    return date[:19] + "+00:00"


class WarcImporter:
    """Replay responses like NewsSpider: discovery hints first, then extraction, filtering, batched saves."""

    def __init__(self, archive: Archive, sites: dict[str, Site], extract: Extract, batch_size: int = 100) -> None:
        self.archive = archive
        self.sites = sites
        self.extract = extract
        self.batch_size = batch_size
        self.pending: dict[str, dict[str, Any]] = {}
        self.fetched: set[str] = set()
        self.saved_urls = UrlClaims()  # archive URLs saved this import, and by which article
        self.canonical_trust = CanonicalTrust(self.canonical)
        self.buffer: list[dict[str, Any]] = []
        self.summary = ImportSummary()

    def site_of(self, url: str) -> Site | None:
        """The registered site owning `url`."""
        return next((s for s in self.sites.values() if s.owns(url)), None)

    def canonical(self, url: str, site: Site) -> str:
        """Same canonical spelling as NewsSpider.canonical."""
        if not site.owns(url):
            return canonicalize_url(url)
        primary = urlsplit(site.url)
        return canonicalize_url(url, primary.netloc.lower(), primary.scheme)

    def merge_hints(self, url: str, site: Site, hints: dict[str, Any]) -> None:
        """Remember discovery hints for a not-yet-fetched URL (first value wins, as in the spider)."""
        if not is_http_url(url) or not site.owns(url):
            return
        canon = self.canonical(url, site)
        if canon in self.fetched:
            return
        clean = {k: v for k, v in hints.items() if k != "url" and v}
        for key in ("lastmod", "published"):
            if key in clean:
                clean[key] = iso_utc(clean[key]) or None
        merged = self.pending.setdefault(canon, {})
        for k, v in clean.items():
            merged.setdefault(k, v)

    # -- records ---------------------------------------------------------------------
    def import_files(self, paths: Iterable[str | Path]) -> None:
        """Two passes: every sitemap/feed hint first (deterministic, whatever order the crawl
        happened to process them in), then every page in fetch order."""
        paths = list(paths)
        for path in paths:
            for record, url, site, status, body in self.responses(path):
                if self.kind(record, url) in ("sitemap", "feed", "page", "listing", None):
                    if self.is_discovery(record, url, body) and status == 200:
                        self.discovery(body, url, site)
        for path in paths:
            self.summary.files += 1
            for record, url, site, status, body in self.responses(path, count=True):
                kind = self.kind(record, url)
                if kind in ("robots", "sitemap", "feed", "wpapi") or status >= 400:  # API answers are not pages
                    continue
                if not self.is_discovery(record, url, body):
                    self.page(record, url, site, status, body)

    def responses(self, path: str | Path, count: bool = False) -> Iterator[tuple[Any, str, Site, int, bytes]]:
        """(record, url, site, status, body) for each response of a registered site in one WARC file.

        A file that is no WARC, or whose record breaks off (a crawl killed mid-write, a cut
        download), yields what came before and is named in `summary.problems`, never a traceback."""
        records = 0
        with open(path, "rb") as fh:
            iterator = iter(ArchiveIterator(fh))
            while True:
                try:
                    record = next(iterator)
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    # At most the crawl's own response limit, decoded: warcio undoes the record's
                    # Content-Encoding, and a 1 MB gzip bomb read whole took the import to 3.2 GB.
                    body = record.content_stream().read(READ_LIMIT + 1)
                    oversized = len(body) > READ_LIMIT
                    if not oversized and (missing := getattr(record.raw_stream, "limit", 0) or 0) > 0:
                        # warcio hands over a record cut short without a word: half a page
                        # would be archived as a whole article.
                        raise EOFError(f"the {record.rec_type} record for {url} lacks {missing} of its "
                                       f"{record.length} bytes")
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    status = int(record.http_headers.get_statuscode() or 0)
                except StopIteration:
                    return
                except Exception as exc:  # noqa: BLE001 - warcio raises anything on hostile bytes
                    if count:
                        self._unreadable(str(path), records, exc)
                    return
                records += 1
                site = self.site_of(url)
                if count:
                    self.summary.responses += 1
                    if site is None:
                        self.summary.add("offsite")
                    elif oversized:
                        self.summary.add("too_large")
                if site is not None and not oversized:
                    yield record, url, site, status, body

    def _unreadable(self, path: str, records: int, exc: Exception) -> None:
        """Note a file that could not be read to its end (counted, named, logged on one line)."""
        detail = str(exc).split(", first line:")[0].encode("ascii", "backslashreplace").decode()[:160]
        why = f"a record is malformed or cut short ({type(exc).__name__}: {detail})"
        if records:
            self.summary.add("truncated_files")
            self.summary.problems[path] = f"read up to response {records}, then {why}"
        else:
            self.summary.add("unreadable_files")
            self.summary.unreadable.add(path)
            self.summary.problems[path] = f"not a readable WARC file: {why}"
        logger.debug("%s: %s", path, self.summary.problems[path])

    @staticmethod
    def kind(record: Any, url: str) -> str | None:
        """What the crawler asked for (our WARCs say it); robots.txt and WP API URLs guessed for other tools' WARCs."""
        kind = record.rec_headers.get_header(KIND_HEADER)
        if kind is None:
            parts = urlsplit(url)
            if parts.path == "/robots.txt":
                return "robots"
            if parts.path.startswith("/wp-json/") or "rest_route=" in parts.query:
                return "wpapi"
        return kind

    def is_discovery(self, record: Any, url: str, body: bytes) -> bool:
        """A sitemap or feed: asked for as one, or XML where a page was expected (as the spider decides)."""
        if self.kind(record, url) in ("sitemap", "feed"):
            return True
        return is_discovery_xml(body)

    def discovery(self, body: bytes, url: str, site: Site) -> None:
        """Merge the hints a sitemap or feed gives its entries."""
        try:
            doc = parse_discovery_document(body, url, defaults.DOWNLOAD_MAXSIZE)
        except DiscoveryParseError:
            self.summary.add("unreadable_discovery")
            return
        for entry in doc.entries:
            self.merge_hints(entry["url"], site, entry)

    def page(self, record: Any, url: str, site: Site, status: int, body: bytes) -> None:
        """Extract an HTML page, queue it if it is an article, note the hints its links give."""
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        if not is_page(ctype, body):
            return
        if len(body) > defaults.MALINEWS_MAX_PAGE_BYTES or body.count(b"<") > defaults.MALINEWS_MAX_PAGE_TAGS:
            self.summary.add("too_large")
            return
        self.summary.pages += 1
        requested = record.rec_headers.get_header(REDIRECTED_FROM) or url
        requested_canon = self.canonical(requested, site)
        hints = self.pending.pop(requested_canon, {})
        self.fetched.add(requested_canon)
        via = record.rec_headers.get_header(VIA_HEADER) or "link"
        now = warc_iso(record.rec_headers.get_header("WARC-Date"))
        job = {"url": url, "body": body, "content_type": ctype or None, "hints": {"via": via} | hints,
               "article_pattern": site.article_pattern, "exclude_pattern": site.exclude_pattern,
               "language": site.language, "now": now}
        try:
            result = self.extract(job)
        except Exception as exc:  # a hostile page must never stop the import
            self.summary.add("extract_errors")
            logger.warning("extraction failed for %s: %s", url, exc)
            return
        for link in result.get("links", []):
            if classify_link(link, site) == ARTICLE:
                self.merge_hints(link, site, {"via": "listing" if not result.get("is_article") else "link"})
        if not (result.get("is_article") and result.get("article")):
            self.summary.add("not_article")
            return
        fetched = self.canonical(url, site)
        article_url, refused = self.canonical_trust.row_url(result, site, fetched)
        if refused is not None:
            self.summary.add("canonical_ignored")
        if self.saved_urls.take(article_url, fetched_here(article_url, fetched, requested_canon),
                                result["article"].get("title")) == "copy":
            self.summary.add("duplicate_url")
            return
        headers = {k: v for k, v in record.http_headers.headers}
        self.buffer.append({
            "site": site.key, "url": article_url, "requested_url": requested_canon, "final_url": url,
            "status": status, "headers": headers, "content_type": ctype or None, "fetched_at": now,
            "body": body, "discovered_via": hints.get("via") or via,
            "source_modified": hints.get("lastmod") or hints.get("published"), "article": result["article"],
            "fetched_url": fetched,
        })
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Save the queued articles in one transaction."""
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        for result in self.archive.save_batch(batch):
            self.summary.add(f"articles_{result.status}")


def import_warcs(paths: Iterable[str | Path], db: str | Path, sites: dict[str, Site],
                 extract: Extract | None = None) -> ImportSummary:
    """Import WARC files, in the order given, into the archive at `db`."""
    if extract is None:
        from pipelines.extract import extract_page as extract
    archive = Archive.open(db)
    try:
        importer = WarcImporter(archive, sites, extract)
        importer.import_files(paths)
        importer.flush()
        return importer.summary
    finally:
        archive.close()
