"""Choose an article's publication date from markup, visible text, trafilatura, hints and URL, by priority."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Callable

from lxml.html import HtmlElement

from pipelines.cleaning import byline_author
from pipelines.dates import date_from_url, normalize_iso, parse_date_text, parse_dateline
from pipelines.metadata import PageMeta

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "article:published",
                  "publishdate", "pubdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created",
                  "sailthru.date", "parsely-pub-date", "date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
_BODY_TEXT = 200        # a text node this long means the scan reached the article body
_SCAN_TEXTS = 40
# "Bamako, 27 oct (AMAP) -": a place, a day-month (year optional) and an agency in parentheses.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w'’ -]{1,40},\s+(\d{1,2}(?:er)?\s+[^\W\d]{3,9}\.?(?:\s+\d{4})?)\s*\([A-Z]{2,8}\)")


def _following_texts(node: HtmlElement, limit: int = _SCAN_TEXTS) -> list[tuple[str, str | None]]:
    """Up to `limit` (text, time@datetime) pairs after `node` in document order, stopping at the body."""
    out: list[tuple[str, str | None]] = []
    current: HtmlElement | None = node
    while current is not None and len(out) < limit:
        if current is not node and current.tail and current.tail.strip():
            out.append((current.tail.strip(), None))
        elif current is node and node.tail and node.tail.strip():
            out.append((node.tail.strip(), None))
        for sibling in current.itersiblings():
            for element in sibling.iter():
                if not isinstance(element.tag, str):
                    continue
                if element.tag == "time" and element.get("datetime"):
                    out.append(("", element.get("datetime")))
                if element.tag not in _SKIP_TAGS and element.text and element.text.strip():
                    out.append((element.text.strip(), None))
                if element is not sibling and element.tail and element.tail.strip():
                    out.append((element.tail.strip(), None))
                if len(out) >= limit or (out and len(out[-1][0]) > _BODY_TEXT):
                    return out
        current = current.getparent()
    return out


def header_scan(page: PageMeta, now: datetime) -> tuple[str | None, str | None]:
    """`(date, byline author)` shown right after the headline (text or <time datetime>), before the body."""
    if page.h1_node is None:
        return None, None
    found_date: str | None = None
    author: str | None = None
    for text, stamp in _following_texts(page.h1_node):
        if stamp and found_date is None:
            found_date = normalize_iso(stamp, now)
        if len(text) > _BODY_TEXT:
            break
        if text and author is None and (name := byline_author(text)):
            author = name
            if found_date is None:  # "Par X, 3 avr. 2025": the byline's own date
                found_date = parse_date_text(text, now)
        elif text and found_date is None:
            found_date = parse_date_text(text, now)
        if found_date and author:
            break
    return found_date, author


def dateline_date(text: str, now: datetime, year_hint: int | None = None) -> str | None:
    """Date of an agency dateline opening the text ("Bamako, 27 oct (AMAP)")."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    return parse_date_text(match.group(1), now, relative=False) or parse_dateline(match.group(1), now, year_hint)


def _first(page: PageMeta, names: tuple[str, ...], now: datetime) -> str | None:
    for name in names:
        if (value := normalize_iso(page.meta.get(name), now)):
            return value
    return None


def choose_published(page: PageMeta, text: str, traf_date: str | None | Callable[[], str | None],
                     hints: dict[str, Any], url: str, now: datetime,
                     header_date: str | None = None) -> tuple[str | None, str | None]:
    """`(published, date_source)` following the priority in docs/design.md (`header_date` from header_scan).

    A date-only markup value yields to a visible timestamp of the same day (it adds the time).
    `traf_date` may be a function: trafilatura's date is then only computed when the markup and the
    headline block give none.
    """
    for value, source in ((normalize_iso(page.jsonld_article.get("datePublished"), now), "json-ld"),
                          (_first(page, PUBLISHED_META, now), "meta")):
        if value:
            if len(value) == 10 and header_date and len(header_date) > 10 and header_date.startswith(value):
                return header_date, "visible-text"
            return value, source
    if header_date:
        return header_date, "visible-text"
    traf = normalize_iso(traf_date() if callable(traf_date) else traf_date, now)
    # A dateline gives no year ("Bamako, 27 oct (AMAP)"): trafilatura's date, the feed's or sitemap's
    # publication date or the URL's tells it; only without any does the crawl's clock decide, which
    # dates a page crawled years after publication in the wrong year.
    dated = traf or normalize_iso(hints.get("published"), now) or date_from_url(url, now)
    hint_year = int(dated[:4]) if dated else None
    if (value := dateline_date(text, now, hint_year)):
        return value, "visible-text"
    if traf:
        return traf, "trafilatura"
    via = hints.get("via")
    if (value := normalize_iso(hints.get("published"), now)):
        return value, "feed" if via == "feed" else "sitemap"
    if (value := normalize_iso(hints.get("lastmod"), now)):
        return value, "sitemap"
    if (value := date_from_url(url, now)):
        return value, "url"
    return None, None


def choose_modified(page: PageMeta, now: datetime) -> str | None:
    """Last-modified timestamp from JSON-LD or meta tags."""
    return normalize_iso(page.jsonld_article.get("dateModified"), now) or _first(page, MODIFIED_META, now)
