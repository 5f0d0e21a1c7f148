"""Second addresses of one article on one site: the same text, title and date at another URL.

A page whose relative links resolve one level deeper than itself, on a site that answers any
path below an article with that article (`/slug/suite/`, `/slug/suite/suite/`, …), is an endless
crawl: every level is a new address with the same article and one more link. Other second
addresses are milder (a Joomla article under two category paths, a print or AMP copy without a
canonical link). Their links are the first address's links resolved from elsewhere, so a crawl
follows the links of the first address only, and the archive keeps the second address as an
alias of the first (`pipelines.filtering`).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_ARTICLES = 50_000  # remembered articles per run; past it the table starts afresh (a trap then costs one more level)


class SameTextMemo:
    """The first address (fetched URL, archive URL) that gave each article of each site this run."""

    def __init__(self, max_size: int = MAX_ARTICLES) -> None:
        self.max_size = max_size
        self._first: dict[int, tuple[int, str]] = {}  # key → (hash of the fetched URL, archive URL)

    @staticmethod
    def key(site: str, article: Mapping[str, Any]) -> int | None:
        """The identity of an article on a site (text, title and date), or None without a text."""
        text_hash = article.get("content_hash")
        if not text_hash:
            return None
        return hash((site, text_hash, article.get("title"), article.get("published")))

    def first_address(self, site: str, article: Mapping[str, Any], fetched: str, row_url: str) -> str | None:
        """The archive URL of the article when another fetched address gave it first this run, else None.

        `fetched` is the canonicalised URL the page came from, `row_url` the URL it is archived
        under (its canonical link when trusted); the first address of an article is remembered.
        """
        key = self.key(site, article)
        if key is None:
            return None
        first = self._first.get(key)
        if first is None:
            if len(self._first) >= self.max_size:
                self._first.clear()
            self._first[key] = (hash(fetched), row_url)
            return None
        return first[1] if first[0] != hash(fetched) else None
