"""Last-line sanity check of an extracted article: refuse rows no reader would call an article."""
from __future__ import annotations

import re
from typing import Any, Mapping

MAX_TITLE = 500
_LETTER = re.compile(r"[^\W\d_]")  # a letter (str.isalpha, give or take rare numeric signs), counted in C
SAMPLE_CHARS = 4000  # enough to judge, cheap enough for the reactor thread (~0.1 ms)


def insane_reason(article: Mapping[str, Any]) -> str | None:
    """Why `article` must not be archived (`title-too-long`, `not-prose`, `no-title`), or None.

    `not-prose`: fewer than half of the first non-space characters are letters (link farms,
    number lists, binary noise decoded as text).
    """
    title = (article.get("title") or "").strip()
    if not title:
        return "no-title"
    if len(title) > MAX_TITLE:
        return "title-too-long"
    sample = "".join((article.get("text") or "")[:SAMPLE_CHARS].split())
    if sample and len(_LETTER.findall(sample)) * 2 < len(sample):
        return "not-prose"
    return None
