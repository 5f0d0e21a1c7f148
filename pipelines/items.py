"""The item the spider hands to the pipelines: one fetched page and its extraction result."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archive import claims


@dataclass
class PageItem:
    """A fetched HTML page with its discovery hints and the worker's extraction result."""

    site: str
    url: str  # canonical URL (rel=canonical when on-site, else the canonicalised final URL)
    requested_url: str
    final_url: str
    status: int
    fetched_at: str
    content_type: str | None = None
    discovered_via: str | None = None
    source_modified: str | None = None
    aliases: list[str] = field(default_factory=list)  # canonical URLs of every redirect hop
    alias_only: bool = False  # a second URL of an article already saved this run: keep only the alias
    same_text_of: str | None = None  # the archive URL of the same article (text, title, date) fetched first this run
    fetched_url: str | None = None  # the canonicalised address the page was fetched at (its home)
    headers: dict[str, str] = field(default_factory=dict, repr=False)
    body: bytes = field(default=b"", repr=False)
    result: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def is_article(self) -> bool:
        """The extraction verdict."""
        return bool(self.result.get("is_article")) and self.result.get("article") is not None

    @property
    def fetched_here(self) -> bool:
        """`url` was fetched (or asked for), not only named by the page's canonical link."""
        return claims.fetched_here(self.url, self.fetched_url, self.requested_url)

    @property
    def reason(self) -> str:
        """Why the page is (or is not) an article."""
        return str(self.result.get("reason") or "unknown")

    def to_archive(self) -> dict[str, Any]:
        """The mapping `archive.store.Archive.save_batch` expects."""
        return {
            "site": self.site,
            "url": self.url,
            "requested_url": self.requested_url,
            "final_url": self.final_url,
            "status": self.status,
            "headers": self.headers,
            "content_type": self.content_type,
            "fetched_at": self.fetched_at,
            "body": self.body,
            "discovered_via": self.discovered_via,
            "source_modified": self.source_modified,
            "alias_only": self.alias_only,
            "fetched_url": self.fetched_url,
            "aliases": self.aliases,
            "article": self.result.get("article"),
            "sketch": self.result.get("sketch"),  # the worker's near-duplicate sketch of the text
            "ends_early": bool(self.result.get("ends_early")),  # the page stops before its </body>
        }


@dataclass
class SourceHint:
    """A date (or exact API metadata) met after its article was fetched: updates the stored row."""

    site: str
    url: str
    source_modified: str | None
    metadata: dict[str, Any] = field(default_factory=dict)  # exact API values: published, tags…

    def to_archive(self) -> dict[str, Any]:
        """The mapping `Archive.save_batch` expects for a hint-only update."""
        return {"site": self.site, "url": self.url, "source_modified": self.source_modified,
                "metadata": self.metadata, "hint_only": True}


@dataclass
class GoneUrl:
    """An article address that answered 404, 410 or a "page not found": remembered so the next
    crawls leave it alone for a while (`archive/gone.py`)."""

    site: str
    url: str  # the canonical address asked for
    reason: str  # http_404, http_410, soft-404, redirect-home
    fetched_at: str

    def to_archive(self) -> dict[str, Any]:
        """The mapping `Archive.save_batch` expects for a gone address."""
        return {"site": self.site, "url": self.url, "gone": self.reason, "fetched_at": self.fetched_at}


@dataclass
class DocumentCopy:
    """A sitemap or feed served with validators (ETag, Last-Modified): kept so that the next crawl
    asks for it conditionally (`archive/documents.py`)."""

    site: str
    url: str  # the address asked for
    etag: str | None
    last_modified: str | None
    fetched_at: str
    body: bytes = field(default=b"", repr=False)

    def to_archive(self) -> dict[str, Any]:
        """The mapping `Archive.save_batch` expects for a kept document."""
        return {"site": self.site, "url": self.url, "document": True, "etag": self.etag,
                "last_modified": self.last_modified, "fetched_at": self.fetched_at, "body": self.body}
