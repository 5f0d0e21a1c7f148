"""Rows archived under a URL their article was never fetched at: its canonical link named it.

Such a row only *claims* its URL. A CMS that gives its articles another article's canonical link
(the latest article's, a neighbour's) would otherwise hide the article really published there:
the crawler would take its address for archived, and a page fetched there for a copy. A claimed
URL is therefore not "archived" for the crawler (`Archive.lookup`), and when the page at that URL
turns out to be another article, the claimant goes back to the address it was fetched at.
"""
from __future__ import annotations

import logging
from sqlite_utils import Database

from archive.headline import headline_letters

logger = logging.getLogger(__name__)
SAME_RUNS = 0.5  # share of three-word runs above which two texts are one article (edited since)


def fetched_here(url: str, fetched_url: str | None, requested_url: str | None) -> bool:
    """Whether the page archived under `url` was fetched there (or asked for there, then redirected),
    rather than only naming it by its canonical link; True when the fetch address is not known."""
    return fetched_url is None or url in (fetched_url, requested_url)


def record_claim(db: Database, url: str, article_id: int, fetched_url: str | None) -> None:
    """Remember that `article_id` is archived under `url` but was fetched at `fetched_url`."""
    if fetched_url and fetched_url != url:
        db.execute("INSERT OR REPLACE INTO canonical_claims (url, article_id, fetched_url) VALUES (?, ?, ?)",
                   [url, article_id, fetched_url])


def _shingles(text: str | None) -> set[tuple[str, ...]]:
    words = (text or "").casefold().split()
    return {tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 0))}


def same_article(title: str | None, text: str | None, other_title: str | None, other_text: str | None) -> bool:
    """One article under two spellings: the same headline, or mostly the same three-word runs (an
    edited version; two articles on one subject share their words, not their sentences)."""
    if headline_letters(title) == headline_letters(other_title):
        return True
    runs, other = _shingles(text), _shingles(other_text)
    return bool(runs and other) and len(runs & other) / len(runs | other) >= SAME_RUNS


def place(db: Database, url: str, home: str | None, fetched_here: bool, row: tuple[int, str | None, str | None],
          title: str | None, text: str | None) -> tuple[str, bool]:
    """Where an article goes whose row URL `url` already holds `row` (id, title, text) of an earlier
    save, and whether that row is still there to update. `home` is the address the article was
    fetched at, `fetched_here` whether that is `url`.

    `(url, True)` when it is the same article (an update; a claim it verifies is settled), or when
    `url` was fetched for the row's article before (a rewrite); `(url, False)` after moving the
    row's article back home, when that one only claimed `url` and this article was fetched there;
    `(home, False)` when this article only names `url` by its canonical link and another article
    holds it (fetched there, or claimed first)."""
    article_id, old_title, old_text = row
    if same_article(old_title, old_text, title, text):
        if fetched_here:
            db.execute("DELETE FROM canonical_claims WHERE url = ?", [url])  # verified, if it was a claim
        return url, True
    if not fetched_here and home and home != url:
        logger.info("%s holds another article than the one fetched at %s, which names it as canonical: "
                    "archived at %s", url, home, home)
        return home, False
    claim = db.execute("SELECT fetched_url FROM canonical_claims WHERE url = ?", [url]).fetchone()
    if claim is None or db.execute("SELECT 1 FROM articles WHERE url = ?", [claim[0]]).fetchone() is not None:
        return url, True  # fetched there before (a rewrite), or its claimant's home is taken: an update
    db.execute("UPDATE articles SET url = ? WHERE id = ?", [claim[0], article_id])
    db.execute("DELETE FROM url_aliases WHERE url = ?", [claim[0]])
    db.execute("DELETE FROM canonical_claims WHERE url = ?", [url])
    logger.info("%s is another article than the one its canonical link archived there: moved that one to %s",
                url, claim[0])
    return url, False
