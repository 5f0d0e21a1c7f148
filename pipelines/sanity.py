"""Last-line sanity check of an extracted article: refuse rows no reader would call an article."""
from __future__ import annotations

import re
from typing import Any, Mapping

MAX_TITLE = 500
SAMPLE_TOKENS = 3000
_HAS_LETTER = re.compile(r"[^\W\d_]")


def insane_reason(article: Mapping[str, Any]) -> str | None:
    """Why `article` must not be archived (`title-too-long`, `not-prose`, `no-title`), or None.

    `not-prose`: fewer than half of the first tokens contain a letter (link farms, number lists,
    binary noise decoded as text).
    """
    title = (article.get("title") or "").strip()
    if not title:
        return "no-title"
    if len(title) > MAX_TITLE:
        return "title-too-long"
    tokens = (article.get("text") or "").split(None, SAMPLE_TOKENS)[:SAMPLE_TOKENS]
    if tokens and sum(1 for t in tokens if _HAS_LETTER.search(t)) * 2 < len(tokens):
        return "not-prose"
    return None
