"""Collect absolute, deduplicated links, feeds, pagination and the canonical URL from a parsed page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml.html import HtmlElement

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
# Older sites announce their feed as plain XML: such a link is a feed when its title or address says so.
_XML_TYPES = ("text/xml", "application/xml")
_FEED_WORDS = re.compile(r"\b(?:rss|atom|feed|flux|syndication)\b|\.(?:rss|atom)\b", re.I)
# WordPress heads every article with its comments feed ("… » Titre Flux des commentaires", at
# `<article>/feed/`) and every page with the site's (`/comments/feed/`): one request per article for nothing.
_COMMENT_FEED_TITLE = re.compile(r"\bcomment(?:aire)?s\b", re.I)
_COMMENT_FEED_PATH = re.compile(r"/comments?/feed/?$|[?&]feed=comments-rss2?\b", re.I)
_NEXT_TEXT = re.compile(r"^\s*(suivant(e|es)?|page suivante|next( page)?|older posts|articles plus anciens|»|›|>>)\s*$", re.I)
_PAGINATION_BOX = re.compile(r"pagination|page-nav|nav-links|pagenavi|page-numbers|pager", re.I)
_NEXT_CLASS = re.compile(r"\bnext\b|nextpostslink", re.I)
# A JavaScript redirect: `window.location = "…"`, `location.href='…'`, `location.replace("…")`.
_JS_REDIRECT = re.compile(r"""\blocation(?:\.href)?\s*=\s*["']([^"'\s]{1,2000})["']"""
                          r"""|\blocation\.(?:replace|assign)\(\s*["']([^"'\s]{1,2000})["']\s*\)""")


# `Refresh: 0; url=/ailleurs/` (also `0;URL='…'`, `5, …`, `0; /ailleurs/`): the delay, then the address.
_REFRESH = re.compile(r"""\s*(\d{1,9}(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?(.*)""", re.I | re.S)


def refresh_target(value: bytes | str | None) -> tuple[float, str] | None:
    """(delay in seconds, address as written) of an HTTP `Refresh` header or a `<meta http-equiv=
    "refresh">` content, or None when it names no address (a plain reload) or cannot be read."""
    if not value or len(value) > 4096:
        return None
    match = _REFRESH.match(value.decode("latin-1") if isinstance(value, bytes) else value)
    if match is None:
        return None
    address = match.group(2).strip()
    if address[:1] in ("'", '"'):
        address = address[1:].split(address[0], 1)[0].strip()
    if not address or re.fullmatch(r"url\s*=?", address, re.I):  # `url=` with nothing after it
        return None
    return float(match.group(1)), address



@dataclass
class PageLinks:
    """Everything a crawler follows from one page."""

    links: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    anchor_titles: set[str] = field(default_factory=set)  # casefolded texts of links with 4+ words
    anchor_texts: list[str] = field(default_factory=list)  # casefolded texts of every followed link


# Scrapy's URLLENGTH_LIMIT: a longer link is never requested, so it is not even handed to the crawl
# process (a page of 900 KB links with 100,000 query parameters each cost its reactor 0.5 s a link).
MAX_LINK_LENGTH = 2083


# A root-relative path urljoin would hand back unchanged: no dot segment, fragment, backslash, control
# or space character, and no ";" or "?" that urlunparse drops when nothing follows them.
_PLAIN_ROOT_PATH = re.compile(r"/(?![/.])[^\x00-\x20\x7f#\\\[\];]*", re.ASCII)


@lru_cache(maxsize=64)
def _origin(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def absolute(base: str, href: str | None) -> str | None:
    """Absolute http(s) URL for `href` relative to `base`, without fragment; None for other schemes
    and for URLs longer than MAX_LINK_LENGTH."""
    if not href or len(href) > MAX_LINK_LENGTH:
        return None
    href = href.strip()
    if not href or href[0] == "#" or href[:11].lower().startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    if "\\" in href:  # browsers read a backslash as a slash in http(s) URLs (IIS-era links: \2025\06\page.asp)
        href = href.replace("\\", "/")
    if href.startswith(("https://", "http://")) and "#" not in href and "/." not in href and " " not in href \
            and "[" not in href:
        return href  # already absolute: skip the (slow) urljoin
    if href[0] == "/" and _PLAIN_ROOT_PATH.fullmatch(href) and "/." not in href and not href.endswith("?"):
        url = _origin(base) + href  # what urljoin gives, five times faster (most links of a page)
        return url if len(url) <= MAX_LINK_LENGTH else None
    try:
        url = urldefrag(urljoin(base, href)).url
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) and len(url) <= MAX_LINK_LENGTH else None


def _append(target: list[str], seen: set[str], url: str | None) -> None:
    if url and url not in seen:
        seen.add(url)
        target.append(url)


def _in_pagination(anchor: HtmlElement) -> bool:
    """Whether an <a> sits inside a pagination container (checks three ancestors)."""
    node = anchor.getparent()
    for _ in range(3):
        if node is None:
            return False
        if _PAGINATION_BOX.search(node.get("class", "") + " " + node.get("id", "")):
            return True
        node = node.getparent()
    return False


def is_feed_type(mime: str, title: str, href: str) -> bool:
    """Whether a `<link rel="alternate">` of this type announces a feed: a feed type, parameters allowed
    (`application/rss+xml; charset=utf-8`), or plain XML whose title or address names a feed."""
    kind = mime.split(";", 1)[0].strip().lower()
    return kind in _FEED_TYPES or kind in _XML_TYPES and bool(_FEED_WORDS.search(f"{title} {href}"))


def is_comment_feed(feed: str, title: str) -> bool:
    """Whether a page's advertised feed lists comments (its title says so, or it is WordPress's
    comments feed): its items are comments on articles, never new articles."""
    return bool(_COMMENT_FEED_TITLE.search(title) or _COMMENT_FEED_PATH.search(feed))


def extract_links(tree: HtmlElement, url: str) -> PageLinks:
    """Links in document order, feeds, rel=next/pagination targets and canonical, all absolute."""
    out = PageLinks()
    base = url
    for node in tree.iter("base"):
        base = absolute(url, node.get("href")) or url
        break
    seen_links: set[str] = set()
    seen_feeds: set[str] = set()
    seen_next: set[str] = set()
    og_url: str | None = None
    for node in tree.iter("a", "area", "frame", "link", "meta"):
        tag = node.tag
        if tag == "frame":  # a frameset page's content lives in its frames
            _append(out.links, seen_links, absolute(base, node.get("src")))
            continue
        if tag == "meta":
            if og_url is None and node.get("property", "").lower() == "og:url":
                og_url = absolute(base, node.get("content"))
            elif node.get("http-equiv", "").lower() == "refresh" and (target := refresh_target(node.get("content"))):
                # a refresh too slow to be a redirect (METAREFRESH_MAXDELAY): the page is read, its target is a link
                _append(out.links, seen_links, absolute(base, target[1]))
            continue
        rel = node.get("rel", "").lower().split()
        if tag == "link":
            if "canonical" in rel and out.canonical_url is None:
                out.canonical_url = absolute(base, node.get("href"))
            elif "alternate" in rel and is_feed_type(node.get("type") or "", node.get("title") or "",
                                                     node.get("href") or ""):
                feed = absolute(base, node.get("href"))
                if feed and not is_comment_feed(feed, node.get("title") or ""):
                    _append(out.feeds, seen_feeds, feed)
            elif "next" in rel:
                _append(out.next_pages, seen_next, absolute(base, node.get("href")))
            elif "alternate" in rel and node.get("hreflang"):  # the page in another language
                _append(out.links, seen_links, absolute(base, node.get("href")))
            continue
        href = absolute(base, node.get("href"))
        if href is None:
            continue
        _append(out.links, seen_links, href)
        title = " ".join(node.text_content().split()).casefold()
        out.anchor_texts.append(title)
        if title.count(" ") >= 3:
            out.anchor_titles.add(title)
        if "next" in rel or _NEXT_CLASS.search(node.get("class", "")):
            _append(out.next_pages, seen_next, href)
        else:
            text = (node.text or "").strip()
            if text and (text.isdigit() or _NEXT_TEXT.match(text)) and _in_pagination(node):
                _append(out.next_pages, seen_next, href)
    if out.canonical_url is None:
        out.canonical_url = og_url
    for script in tree.iter("script"):  # a page that only moves on by script (mobile, AMP, old CMS)
        code = script.text or ""
        if "location" in code and len(code) < 100_000:
            for match in _JS_REDIRECT.finditer(code):
                _append(out.links, seen_links, absolute(base, match.group(1) or match.group(2)))
    return out
