"""Dates you can trust: every date source a page and its discovery offered, cross-checked with the stored one."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Mapping
from urllib.parse import urlsplit

from crawler.sametext import page_hash
from crawler.wpapi import apply_hints
from pipelines import pubdate
from pipelines.dates import date_from_url, normalize_iso, parse_now
from pipelines.decode import decode_body
from pipelines.extract import extract_page_meta
from pipelines.htmltree import parse_html
from pipelines.metadata import PageMeta, read_meta

TOLERANCE_DAYS = 1  # sources may differ by time zone or an overnight publication; more is a disagreement
UNIQID_SUFFIX = re.compile(r"-([0-9a-f]{13})/?$")
UNIQID_EPOCH_MIN = 1104537600  # 2005-01-01: older "timestamps" are not PHP uniqid() values


def uniqid_date(url: str, now: str | datetime | None = None) -> str | None:
    """Creation time encoded by a PHP `uniqid()` URL suffix (L'Essor: `…-681862dd276fa`), ISO UTC.

    The first 8 hex digits are Unix seconds; implausible values (before 2005, in the future) give None.
    """
    match = UNIQID_SUFFIX.search(urlsplit(url).path)
    if not match:
        return None
    seconds = int(match.group(1)[:8], 16)
    if seconds < UNIQID_EPOCH_MIN:
        return None
    moment = datetime.fromtimestamp(seconds, timezone.utc)
    return moment.isoformat() if moment <= parse_now(now) else None


def url_date(url: str, now: str | datetime | None = None) -> str | None:
    """A date written in the URL: `/2025/06/22/` paths or a uniqid suffix."""
    return date_from_url(url, now) or uniqid_date(url, now)


def date_candidates(body: bytes, content_type: str | None, url: str, hints: Mapping[str, Any],
                    now: str | datetime | None = None, page: PageMeta | None = None) -> dict[str, str]:
    """{source: ISO date} for every source that gives a publication date (a sitemap `lastmod` does not).

    `page`: the body's metadata when the caller already parsed it (the body is then not parsed again).
    """
    ref = parse_now(now)
    found: dict[str, str] = {}
    if hints.get("wp_date"):
        found["wp-api"] = hints["wp_date"]
    if (published := normalize_iso(hints.get("published"), ref)) and "wp-api" not in found:
        found["feed" if hints.get("via") == "feed" else "sitemap"] = published
    if page is None:
        text, _ = decode_body(body or b"", content_type)
        try:
            tree = parse_html(text) if text.strip() else None
        except (ValueError, TypeError):
            tree = None
        page = read_meta(tree) if tree is not None else None
    if page is not None:
        if (value := normalize_iso(page.jsonld_article.get("datePublished"), ref)):
            found["json-ld"] = value
        for name in pubdate.PUBLISHED_META:
            if (value := normalize_iso(page.meta.get(name), ref)):
                found["meta"] = value
                break
        if (value := pubdate.header_scan(page, ref)[0]):
            found["visible-text"] = value
    if (value := url_date(url, ref)):
        found["url"] = value
    return found


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def disagreements(chosen: str | None, chosen_source: str | None, candidates: Mapping[str, str],
                  tolerance_days: int = TOLERANCE_DAYS) -> list[dict[str, Any]]:
    """Sources whose date is more than `tolerance_days` calendar days from the chosen one."""
    if not chosen:
        return []
    base = _day(chosen)
    out = []
    for source, value in candidates.items():
        if source == chosen_source:
            continue
        gap = abs((_day(value) - base).days)
        if gap > tolerance_days:
            out.append({"source": source, "value": value, "gap_days": gap})
    return out


def extract_checked(job: dict[str, Any]) -> dict[str, Any]:
    """`extract_page`, then the WordPress API's exact values, the URL date as a last resort, and a
    cross-check of the stored date against every source (`result["date_check"]`). Pure and picklable."""
    hints = job.get("hints") or {}
    result, page = extract_page_meta(job)
    result["page_hash"] = page_hash(job.get("body") or b"")  # the spider's catch-all check (crawler/sametext.py)
    fallback = uniqid_date(job["url"], job.get("now"))
    if fallback and not result["is_article"] and result.get("reason") == "no-date":
        retry, page = extract_page_meta({**job, "hints": {**hints, "published": fallback}})
        if retry["is_article"]:
            result = retry
            result["article"]["date_source"] = "url"
    article = result.get("article")
    if not result["is_article"] or not article:
        return result
    if fallback and not article.get("published"):
        article["published"], article["date_source"] = fallback, "url"
    apply_hints(result, hints)
    candidates = date_candidates(job.get("body") or b"", job.get("content_type"), job["url"], hints, job.get("now"), page)
    result["date_check"] = {
        "published": article.get("published"),
        "source": article.get("date_source"),
        "candidates": candidates,
        "disagreements": disagreements(article.get("published"), article.get("date_source"), candidates),
    }
    return result
