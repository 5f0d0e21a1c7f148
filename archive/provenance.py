"""Which extractor produced an article: trafilatura's version plus ours, read without importing either."""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """E.g. `trafilatura 2.3.1; malinews 0.1.0` (stored per article in `articles.extractor_version`)."""
    return f"trafilatura {_version('trafilatura')}; malinews {_version('malinews')}"
