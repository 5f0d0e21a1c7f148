"""The part of a story sketch extraction workers compute: credit-stripped body, shingles, MinHash, text keys (no SQL)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from archive.credits import CreditMatcher, registry_names, scan
from archive.neardup import sketch_input


@lru_cache(maxsize=1)
def _registry_matcher() -> CreditMatcher:
    return CreditMatcher(registry_names())


def text_sketch(text: str) -> dict[str, Any]:
    """An article text's sketch but its band keys, as a picklable dict (computed in extraction workers).

    Credit lines are stripped with the bundled registry's outlet names; the archive re-checks the
    stripped body against its own names and recomputes the sketch when they differ.
    """
    _, body = scan(text or "", _registry_matcher())
    return sketch_input(body).with_signature().to_wire()
