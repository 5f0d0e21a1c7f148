"""Pure parsers for discovery documents: robots.txt, sitemaps (news too) and RSS/Atom feeds."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from io import BytesIO
import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.xmlcharset import as_utf8
from crawler.xmlrefs import DOCTYPE, drop_doctype, repair_references
from pipelines.dates import EARLIEST, FUTURE_TOLERANCE, normalize_iso
from pipelines.links import MAX_LINK_LENGTH

SITEMAP_PROBES = ("/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml", "/news-sitemap.xml")
FEED_PROBES = ("/feed/",)
MAX_ENTRIES = 200_000  # one document never yields more than this many URLs


class DiscoveryParseError(ValueError):
    """A discovery document could not be parsed (not XML, wrong root, bomb)."""


@dataclass
class Discovered:
    """What one sitemap or feed lists: child sitemaps and page entries with their hints."""

    kind: str  # "sitemapindex" | "urlset" | "text" | "rss" | "atom" | "jsonfeed" | "unknown"
    sitemaps: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    generated_dates: int = 0  # entries whose dates were dropped as the document's own stamp (`drop_generated_dates`)


def safe_join(base: str, ref: str | None) -> str | None:
    """`urljoin(base, ref)`, or None for a reference that is no URL at all (`http://[::1`, control
    characters) or longer than Scrapy requests (`pipelines.links.MAX_LINK_LENGTH`)."""
    try:
        joined = urljoin(base, (ref or "").strip())
    except ValueError:
        return None
    return joined if len(joined) <= MAX_LINK_LENGTH else None


# A `Sitemap:` line as hand-written robots.txt files spell it: any case, space before the colon, the
# address perhaps in <angle brackets>, then perhaps a tab or a "# comment" (RFC 9309 comments end any line).
_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*<?([^\s<>#]+)>?", re.I)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """`Sitemap:` URLs declared by a robots.txt body, relative ones joined to its address.

    Scrapy's `sitemap_urls_from_robots` keeps whatever follows the address on its line: a trailing
    `# plan principal` or a tab asked for `/sitemap.xml%20` or `/sitemap.xmlnews`, both 404s."""
    found = []
    for line in body.decode("utf-8-sig", "replace").splitlines():
        if (match := _SITEMAP_LINE.match(line)) and (url := safe_join(base_url, match.group(1))) \
                and urlsplit(url).scheme in ("http", "https"):
            found.append(url)
    return list(dict.fromkeys(found))


def maybe_gunzip(body: bytes, max_size: int) -> bytes:
    """Decompress a gzipped body (bounded by `max_size`), else return it unchanged."""
    if body[:2] == b"\x1f\x8b":
        try:
            return gunzip(body, max_size=max_size)
        except Exception as exc:  # scrapy raises its own size error or OSError on bad gzip
            raise DiscoveryParseError(f"bad or oversized gzip: {exc}") from None
    return body


class NewsSitemap(Sitemap):
    """Scrapy's sitemap parser, keeping the nested `news:*` fields that it flattens away."""

    def _process_sitemap_element(self, elem: lxml.etree._Element) -> dict[str, Any] | None:
        news: dict[str, str] = {}
        for child in elem:
            if self._get_tag_name(child) == "news":
                for sub in child.iter():
                    name = self._get_tag_name(sub)
                    if name in ("publication_date", "title") and sub.text:
                        news[name] = sub.text.strip()
        d = super()._process_sitemap_element(elem)
        if d is not None and news:
            d["news"] = news
        return d


def parse_sitemap(body: bytes, url: str, max_size: int = 50 * 1024 * 1024) -> Discovered:
    """Parse a (possibly gzipped) sitemap or sitemap index into child sitemaps and entries."""
    data = repair_references(maybe_gunzip(body, max_size))
    try:
        sm = NewsSitemap(data)
    except (lxml.etree.XMLSyntaxError, StopIteration) as exc:
        raise DiscoveryParseError(f"not a sitemap: {exc}") from None
    out = Discovered(kind=sm.type)
    alternates: set[str] = set()  # URLs listed so far: an alternate named by every edition is added once
    if sm.type not in ("urlset", "sitemapindex"):
        raise DiscoveryParseError(f"unexpected root element <{sm.type}>")
    try:
        for entry in sm:
            if not (entry.get("loc") or "").strip():
                continue  # an empty <loc> would join to the sitemap's own URL
            loc = safe_join(url, entry.get("loc"))
            if loc is None:
                continue
            if sm.type == "sitemapindex":
                out.sitemaps.append(loc)
            else:
                hints: dict[str, Any] = {"url": loc, "via": "sitemap"}
                if entry.get("lastmod"):
                    hints["lastmod"] = entry["lastmod"]
                news = entry.get("news") or {}
                if news:
                    hints["via"] = "news-sitemap"
                    if news.get("publication_date"):
                        hints["published"] = news["publication_date"]
                    if news.get("title"):
                        hints["title"] = news["title"]
                out.entries.append(hints)
                alternates.add(loc)
                # hreflang alternates (<xhtml:link rel="alternate">): the same article in another
                # language (a Bambara or English edition) may be listed nowhere else.
                for alternate in entry.get("alternate") or []:
                    if (other := safe_join(url, alternate)) is not None and other != loc and other not in alternates:
                        alternates.add(other)
                        out.entries.append({"url": other, "via": "sitemap"})
            if len(out.entries) + len(out.sitemaps) >= MAX_ENTRIES:
                break
    except lxml.etree.XMLSyntaxError as exc:
        if not (out.entries or out.sitemaps):
            raise DiscoveryParseError(f"broken sitemap XML: {exc}") from None
    return out


def _text(el: lxml.etree._Element | None) -> str | None:
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def localname(tag: str) -> str:
    """An element's name without its namespace ("{http://…}link" and "atom:link" give "link").

    lxml's QName refuses the names its recovering parser makes of broken markup ("ti:00Z"), which
    cost the whole feed for one bad item."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _item_link(item: lxml.etree._Element, kind: str) -> str | None:
    """An item's page: FeedBurner's `<origLink>` (its `<link>` is a redirect through the proxy), else
    RSS `<link>` text, else an Atom-style `<link href>` (rel alternate or none: Atom entries, and
    RSS items that carry `<atom:link>` only)."""
    if original := _text(item.find("{*}origLink")):
        return original
    for c in item.iterfind("{*}link"):
        if kind == "rss" and (text := _text(c)):
            return text
        if c.get("href") and c.get("rel", "alternate") == "alternate":
            return c.get("href")
    return None


def parse_feed(body: bytes, url: str) -> Discovered:
    """Parse an RSS 2.0 / RSS 1.0 / Atom feed into entries with `published`/`lastmod`/`title`."""
    parser = lxml.etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = lxml.etree.parse(BytesIO(repair_references(body.strip())), parser).getroot()
    except lxml.etree.XMLSyntaxError as exc:
        raise DiscoveryParseError(f"not a feed: {exc}") from None
    if root is None:
        raise DiscoveryParseError("empty feed document")
    tag = localname(root.tag).lower()
    out = Discovered(kind="atom" if tag == "feed" else "rss" if tag in ("rss", "rdf") else "unknown")
    if out.kind == "unknown":
        raise DiscoveryParseError(f"unexpected root element <{tag}>")
    for item in root.iter("{*}item", "{*}entry"):
        fields = {localname(c.tag): c for c in item if isinstance(c.tag, str)}
        link = _item_link(item, out.kind)
        guid = _text(fields.get("guid"))
        # A guid is only an address when it is a whole http(s) URL (WordPress: "https://site/?p=12",
        # even marked isPermaLink="false"); "1234@journal.ml" is an identifier, not a page.
        link = link or (guid if guid and guid.lower().startswith(("http://", "https://")) else None)
        if not link:
            continue
        base = safe_join(url, item.base) if item.base else url  # Atom's xml:base, if any
        joined = safe_join(base or url, link)
        if joined is None:
            continue
        hints: dict[str, Any] = {"url": joined, "via": "feed"}
        published = _text(fields.get("pubDate")) or _text(fields.get("published")) or _text(fields.get("date"))
        updated = _text(fields.get("updated"))
        if published:
            hints["published"] = published
        if updated or published:
            hints["lastmod"] = updated or published
        title = _text(fields.get("title"))
        if title:
            hints["title"] = title
        out.entries.append(hints)
        if len(out.entries) >= MAX_ENTRIES:
            break
    return out


def parse_text_sitemap(data: bytes, url: str) -> Discovered:
    """A sitemap in the protocol's text format: one absolute http(s) URL per line, UTF-8.

    Every non-blank line must be such a URL (an HTML page, a soft 404 or prose is refused), so
    only a genuine text sitemap yields entries.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DiscoveryParseError("a text sitemap must be UTF-8") from None
    out = Discovered(kind="text")
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.lower().startswith(("http://", "https://")) or any(c.isspace() for c in line):
            raise DiscoveryParseError(f"not a text sitemap: line {line[:60]!r} is no absolute URL")
        if (loc := safe_join(url, line)) is not None:
            out.entries.append({"url": loc, "via": "sitemap"})
        if len(out.entries) >= MAX_ENTRIES:
            break
    if not out.entries:
        raise DiscoveryParseError("an empty text sitemap")
    return out


_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|" + DOCTYPE.pattern + rb")", re.S | re.I)
_FIRST_TAG = re.compile(rb"\s*<([a-z_][\w.:-]*)", re.I)
SITEMAP_ROOTS, FEED_ROOTS = ("urlset", "sitemapindex"), ("rss", "feed", "rdf")
SNIFF_BYTES = 64 * 1024
_XML_START = re.compile(rb"<(?:\?xml\s|urlset|sitemapindex|rss|feed|rdf:rdf)\b", re.I)


def root_element(body: bytes, limit: int = SNIFF_BYTES) -> str | None:
    """The lower-cased local name of a document's first element, past its XML declaration,
    processing instructions, comments and doctype; None when none shows in the first `limit` bytes."""
    head = body[:limit]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    elif head[:3] == b"\xef\xbb\xbf":
        head = head[3:]
    pos = 0
    while (m := _PROLOG.match(head, pos)) is not None and m.end() > pos:
        pos = m.end()
    m = _FIRST_TAG.match(head, pos)
    return m.group(1).rsplit(b":", 1)[-1].lower().decode("ascii", "replace") if m else None


def is_discovery_xml(body: bytes) -> bool:
    """Whether a body fetched as a page is a sitemap or feed (its root element says so).

    An XHTML page may open with an XML declaration, stylesheet instructions, comments and a doctype
    of any length; only its root element tells it apart from a feed. When no root shows in the
    first 64 KiB, an XML declaration without `<html` decides (the parser then counts what it finds)."""
    root = root_element(body)
    if root is not None:
        return root in SITEMAP_ROOTS + FEED_ROOTS
    head = body[:SNIFF_BYTES].lstrip().lower()
    return head.startswith(b"<?xml") and b"<html" not in head


GENERATED_MIN_ENTRIES, GENERATED_SHARE = 20, 0.9


def drop_generated_dates(doc: Discovered) -> Discovered:
    """`doc` without the dates that are the document's own stamp, not its pages'.

    Some CMSs write the time they generated a sitemap or feed as every entry's `lastmod` (or
    `pubDate`). Taken at its word, every scheduled crawl would fetch every listed page again (each
    looks modified since the last run), and an undated page would take that stamp as its
    publication date. When at least GENERATED_MIN_ENTRIES entries are dated and 90 % of them share
    one minute, those dates are dropped from every entry and counted in `generated_dates`.
    """
    for key in ("lastmod", "published"):
        minutes = [stamp[:16] for e in doc.entries if (stamp := iso_utc(e.get(key)))]
        if len(minutes) < GENERATED_MIN_ENTRIES:
            continue
        if Counter(minutes).most_common(1)[0][1] < GENERATED_SHARE * len(minutes):
            continue
        for entry in doc.entries:
            if entry.pop(key, None) is not None:
                doc.generated_dates += 1
    return doc


def parse_discovery_document(body: bytes, url: str, max_size: int = 50 * 1024 * 1024) -> Discovered:
    """Sniff and parse a sitemap (XML or text) or feed body (gzip allowed), its generated dates
    dropped (`drop_generated_dates`); raises DiscoveryParseError."""
    return drop_generated_dates(_parse_document(body, url, max_size))


def _parse_document(body: bytes, url: str, max_size: int) -> Discovered:
    data = as_utf8(maybe_gunzip(body, max_size))
    root = root_element(data)
    if root is None and (junk := _XML_START.search(data, 0, 2048)) is not None:
        # Text before the XML (a PHP warning printed by a WordPress plugin): lxml refuses a late
        # XML declaration, so the document starts where the XML does.
        data = data[junk.start():]
        root = root_element(data)
    if root is None and (bare := drop_doctype(data)) is not data:
        # A DOCTYPE longer than the sniffed bytes (an internal subset defining a 100 KB entity, the
        # "quadratic blowup"): the root element shows once it is gone, as it goes before parsing anyway.
        data, root = bare, root_element(bare)
    if root in SITEMAP_ROOTS:
        return parse_sitemap(data, url, max_size)
    if root in FEED_ROOTS:
        return parse_feed(data, url)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"http://", b"https://")):
        return parse_text_sitemap(data, url)
    if head.startswith(b"{"):
        return parse_json_feed(data, url)
    raise DiscoveryParseError("neither a sitemap nor a feed")


def parse_json_feed(data: bytes, url: str) -> Discovered:
    """A JSON Feed (jsonfeed.org 1.0/1.1, `application/feed+json`): its items' `url` (else an
    `id` that is a URL), `date_published`, `date_modified` and `title`."""
    try:
        doc = json.loads(data.decode("utf-8-sig", "replace"))
    except (ValueError, RecursionError) as exc:
        raise DiscoveryParseError(f"not a JSON feed: {exc}") from None
    items = doc.get("items") if isinstance(doc, dict) and "jsonfeed.org" in str(doc.get("version", "")) else None
    if not isinstance(items, list):
        raise DiscoveryParseError("JSON without a jsonfeed.org version and items")
    out = Discovered(kind="jsonfeed")
    for item in items[:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        link = next((v for v in (item.get("url"), item.get("external_url"), item.get("id"))
                     if isinstance(v, str) and v.strip().lower().startswith(("http://", "https://", "/"))), None)
        if link is None or (joined := safe_join(url, link)) is None:
            continue
        hints: dict[str, Any] = {"url": joined, "via": "feed"}
        published, modified = (v.strip() if isinstance(v, str) else "" for v in
                               (item.get("date_published"), item.get("date_modified")))
        if published:
            hints["published"] = published
        if modified or published:
            hints["lastmod"] = modified or published
        if isinstance(item.get("title"), str) and item["title"].strip():
            hints["title"] = item["title"].strip()
        out.entries.append(hints)
    return out


def iso_utc(value: str | None) -> str | None:
    """Normalise a sitemap/feed date (W3C, ISO 8601 or RFC 822) to ISO 8601 UTC; None if unreadable.

    A feed written by hand or by a French CMS may date its items "30/09/2023 10:15" or "sam., 30
    sept. 2023": these are read as the pages' own dates are (`pipelines.dates.normalize_iso`), not
    dropped."""
    if not value:
        return None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return normalize_iso(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)  # Africa/Bamako is UTC+0 all year
    if dt.date() < EARLIEST or dt > datetime.now(timezone.utc) + FUTURE_TOLERANCE:
        # an epoch placeholder, or a date to come: compared with what was archived, every run would
        # take the page for changed (a sitemap stamping 2099 everywhere)
        return None
    if len(value) == 10 and value[4] == "-":
        return dt.date().isoformat()
    return dt.astimezone(timezone.utc).replace(microsecond=0).isoformat()
