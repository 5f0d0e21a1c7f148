"""Second addresses of one text, or of one page's very bytes, on one site: their links are not
followed, and the same article (text, title and date) at another URL is archived as an alias.

A page whose relative links resolve one level deeper than itself, on a site that answers any
path below an article with that article (`/slug/suite/`, `/slug/suite/suite/`, …), is an endless
crawl: every level is a new address with the same text and one more link. Its links are the first
address's links resolved from elsewhere, so a crawl follows the links of the first address only;
that holds whatever title the copy shows (a CMS that puts the requested slug in its title). Other
second addresses are milder (a Joomla article under two category paths, a print or AMP copy
without a canonical link): when title and date match too, the archive keeps the second address as
an alias of the first (`pipelines.filtering`); a different title is another article that happens
to show the same text (a paywall teaser), kept as its own row. A page that is no article gets the
same treatment when its bytes repeat (a soft 404 answering every unknown path: `repeat_page`).
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from crawler.memo import BoundedMemo

MAX_ARTICLES = 50_000  # remembered texts per run; past it the table starts afresh (a trap then costs one more level)


def page_hash(body: bytes | str) -> int:
    """A 64-bit key of a page's exact bytes, the same in every process (computed by the extraction
    workers, whose `hash()` of bytes is seeded differently)."""
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class SameTextMemo:
    """The first address (fetched URL, archive URL, title, date) that gave each text of each site this
    run, and the first fetched URL of each page's bytes; each table bounded (`crawler.memo.BoundedMemo`)."""

    def __init__(self, max_size: int = MAX_ARTICLES) -> None:
        self._texts = BoundedMemo[tuple[int, str, int]](max_size)  # → (fetched hash, archive URL, title+date hash)
        self._pages = BoundedMemo[int](max_size)  # → hash of the fetched URL that gave these bytes first

    def repeat_page(self, site: str, page_key: int | None, fetched: str) -> bool:
        """True when another fetched address of the site gave these very bytes first this run: a
        catch-all page (a soft 404 answering every unknown path) whose relative links resolve
        below each address it is served at. A page is remembered at its first address."""
        if page_key is None:
            return False
        here = hash(fetched)
        return self._pages.get((site, page_key), lambda: here) != here

    def repeat_of(self, site: str, article: Mapping[str, Any], fetched: str, row_url: str) -> tuple[bool, str | None]:
        """`(repeat, alias_of)` for an article page fetched from `fetched` and archived under `row_url`.

        `repeat`: another fetched address gave this very text first this run, so this page's links
        are that page's links resolved from elsewhere (not followed). `alias_of`: the first
        address's archive URL when title and date match too (the same article: keep an alias).
        A text is remembered at its first address; a page without a text is never a repeat.
        """
        text_hash = article.get("content_hash")
        if not text_hash:
            return False, None
        here, same = hash(fetched), hash((article.get("title"), article.get("published")))
        first_fetched, first_url, first_same = self._texts.get((site, text_hash), lambda: (here, row_url, same))
        if first_fetched == here:
            return False, None
        return True, first_url if first_same == same else None
