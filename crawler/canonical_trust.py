"""Which URL an extracted page is archived under: its canonical URL only when that can name it.

A misconfigured CMS gives every article the same `<link rel="canonical">`: the homepage, their
section, the latest article. Trusting it archives one row for all of them (8 such articles made
5 rows, one under the homepage's URL). The crawl and the WARC import both ask `CanonicalTrust`.
"""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from archive.headline import headline_key
from crawler.links import ARTICLE, LISTING, PAGINATION, SKIP, TRAP, classify_link
from crawler.sites import Site


class CanonicalTrust:
    """Remembers which article claimed which URL, and which article each fetched URL served, in
    this run (~200 bytes an article)."""

    def __init__(self, canonical: Callable[[str, Site], str]) -> None:
        self.canonical = canonical  # the caller's URL canonicaliser (site-aware)
        self.claims: dict[int, int] = {}  # hash(URL) → headline_key of the article archived under it
        self.served: dict[int, int] = {}  # hash(URL) → headline_key of the article fetched at it

    def row_url(self, result: dict[str, Any], site: Site, own: str) -> tuple[str, str | None]:
        """`(URL to archive the page under, why the canonical URL was refused or None)`.

        `own` is the page's own canonicalised URL. The canonical URL is refused (`ignored`) when it
        is the site root, a listing section above the page, noise or pagination while the page
        itself is an article; or (`conflict`) when another article of the run already claimed it
        under a different headline, or was fetched at it."""
        canonical = result.get("canonical_url")
        article = result.get("article") if result.get("is_article") else None
        key = headline_key(article.get("title")) if article else 0
        if article:
            self.served.setdefault(hash(own), key)
        if not canonical or not site.owns(canonical) or (canon := self.canonical(canonical, site)) == own:
            if article:  # an article archived under its own URL claims it too
                self.claims.setdefault(hash(own), key)
            return own, None
        if classify_link(own, site) == ARTICLE:
            path = urlsplit(canon).path
            kind = classify_link(canon, site)
            if path.strip("/") == "" or kind in (SKIP, TRAP, PAGINATION) or (
                    kind == LISTING and urlsplit(own).path.startswith(path.rstrip("/") + "/")):
                return own, "ignored"
        if article and (self.served.get(hash(canon), key) != key or self.claims.setdefault(hash(canon), key) != key):
            return own, "conflict"  # fetched itself, or claimed first, by another article
        return canon, None
