"""Which copy of a story is the original: the credited outlet's own copy, else the earliest one."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from archive.credits import CreditMatcher


@dataclass(frozen=True)
class Member:
    """One copy of a story, as the choice of its original needs it."""

    id: int
    site: str
    url: str
    published: str | None
    credited_source: str | None
    word_count: int | None = None
    title: str | None = None


@dataclass(frozen=True)
class Original:
    """The chosen original and why it was chosen."""

    member: Member
    reason: str  # "credited" (copies name its outlet) or "earliest"


def _earliest(members: list[Member]) -> Member:
    """Earliest published; ties: an uncredited copy, the longer text, then the URL (stable)."""
    return min(members, key=lambda m: (m.published is None, (m.published or "")[:19], m.credited_source is not None,
                                       -(m.word_count or 0), m.url))


def choose_original(members: list[Member], matcher: CreditMatcher) -> Original:
    """Pick the original copy of a story, independent of the order of `members`.

    Credits are followed along chains (a Maliweb copy credits L'Essor, whose copy credits AMAP): the
    outlet at the end of the chain that has a copy in the story wins; votes break ties, then dates.
    """
    if not members:
        raise ValueError("a story has at least one article")
    matcher = matcher.with_keys({m.site for m in members})
    by_site: dict[str, list[Member]] = {}
    for m in members:
        by_site.setdefault(m.site, []).append(m)

    def credited(site_members: list[Member]) -> str | None:
        """The present outlet most credited by these copies (not themselves)."""
        votes = Counter(k for m in site_members
                        if (k := matcher.resolve(m.credited_source)) and k != m.site and k in by_site)
        return min(votes, key=lambda k: (-votes[k], k)) if votes else None

    votes = Counter(k for m in members if (k := matcher.resolve(m.credited_source)) and k != m.site and k in by_site)
    if not votes:
        return Original(_earliest(members), "earliest")
    roots: Counter[str] = Counter()
    for site, n in votes.items():
        seen = {site}
        while (nxt := credited(by_site[site])) is not None and nxt not in seen:
            seen.add(nxt)
            site = nxt
        roots[site] += n
    best = min(roots, key=lambda s: (-roots[s], _earliest(by_site[s]).published or "~", s))
    return Original(_earliest(by_site[best]), "credited")
