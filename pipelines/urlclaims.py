"""Which article took which archive URL this run, and whether it was fetched there.

An article archived under its canonical URL only *claims* that URL: a CMS that gives its articles
another article's canonical (the latest one's, a neighbour's) would otherwise hide the article
really published there, whose own page then looks like a second copy of the claimant.
"""
from __future__ import annotations

from typing import Literal

from archive.headline import headline_key

Take = Literal["first", "copy", "reclaim"]


class UrlClaims:
    """Archive URLs taken this run (~100 bytes each): fetched there or claimed, and by which headline."""

    def __init__(self) -> None:
        self.taken: dict[str, tuple[bool, int]] = {}

    def __contains__(self, url: object) -> bool:
        return url in self.taken

    def forget(self, url: str) -> None:
        """Release a URL taken by an article that was not kept after all."""
        self.taken.pop(url, None)

    def take(self, url: str, fetched_here: bool, title: str | None) -> Take:
        """`first` for a URL new this run, `copy` for another address of the article already under it,
        `reclaim` when the page fetched at `url` is another article than the one that only claimed it
        (the archive then moves the claimant back to its own address)."""
        key = headline_key(title)
        previous = self.taken.get(url)
        if previous is None:
            self.taken[url] = (fetched_here, key)
            return "first"
        if fetched_here and not previous[0] and previous[1] != key:
            self.taken[url] = (True, key)
            return "reclaim"
        return "copy"
