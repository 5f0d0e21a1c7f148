"""Last-line sanity check of an extracted article: refuse rows no reader would call an article."""
from __future__ import annotations

import re
from typing import Any, Mapping

MAX_TITLE = 500
_NOT_LETTERS = re.compile(r"[\W\d_]+")  # runs of non-letters: deleting them leaves the letters (3.5× faster than findall)
SAMPLE_CHARS = 4000  # enough to judge, cheap enough for the reactor thread (~0.1 ms)
_PUNCT = ".,;:!?«»\"'()[]-–—…’"
MIN_PROSE_WORDS = 60  # a text with this many words on prose lines is an article, whatever else it holds


def insane_reason(article: Mapping[str, Any]) -> str | None:
    """Why `article` must not be archived (`title-too-long`, `not-prose`, `no-title`), or None.

    `not-prose`: fewer than half of the first non-space characters are letters (link farms,
    number lists, binary noise decoded as text) and fewer than MIN_PROSE_WORDS words stand on
    lines that are prose (so a results table heading a real article does not sink it).
    """
    title = (article.get("title") or "").strip()
    if not title:
        return "no-title"
    if len(title) > MAX_TITLE:
        return "title-too-long"
    text = article.get("text") or ""
    sample = "".join(text[:SAMPLE_CHARS].split())
    if sample and len(_NOT_LETTERS.sub("", sample)) * 2 < len(sample) and prose_words(text) < MIN_PROSE_WORDS:
        return "not-prose"
    return None


def prose_words(text: str, enough: int = MIN_PROSE_WORDS) -> int:
    """Words on the prose lines of `text` (stops counting at `enough`): lines of five or more
    tokens, most of them plain words. An election-results article opens with a table of figures
    but still has its prose; binary noise decoded as text has none."""
    words = 0
    for line in text.split("\n"):
        tokens = line.split()
        if len(tokens) < 5:
            continue
        plain = sum(1 for t in tokens if t.strip(_PUNCT).isalpha())
        if plain * 10 >= len(tokens) * 6:
            words += plain
            if words >= enough:
                break
    return words
