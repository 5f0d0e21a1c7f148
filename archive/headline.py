"""One headline, however a copy spells it: what tells two articles apart at one URL."""
from __future__ import annotations


def headline_letters(title: str | None) -> str:
    """The headline's letters and digits, casefolded: an AMP or print copy of an article, or its
    canonical page, extracts a slightly different text but this same string."""
    return "".join(ch for ch in (title or "").casefold() if ch.isalnum())


def headline_key(title: str | None) -> int:
    """A small in-memory key for `headline_letters` (Python's hash: the same within one process)."""
    return hash(headline_letters(title))
