"""Sitemaps and feeds kept with their HTTP validators, so that scheduled crawls ask for them
conditionally.

A scheduled crawl re-reads every sitemap and feed of every outlet each time, though most have not
changed (an outlet's 2019 sitemaps never will). A document served with an `ETag` or a
`Last-Modified` header is kept here (zlib) with them; the next crawl sends `If-None-Match` /
`If-Modified-Since`, and on `304 Not Modified` reads the kept copy instead of downloading it
again. The copy is read exactly as a fresh download would be, so entries a crawl could not fetch
(a timeout, a 503) are still requested by the next one.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

from sqlite_utils import Database

MAX_KEPT_BYTES = 32 * 1024 * 1024  # Scrapy's DOWNLOAD_MAXSIZE here: larger documents are not kept


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a document's version."""

    etag: str | None
    last_modified: str | None

    def headers(self) -> dict[str, str]:
        """The conditional request headers for these validators."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


def _clean(value: str | None) -> str | None:
    """A header value fit to be sent back: printable ASCII, at most 512 characters."""
    if not value or len(value) > 512 or not value.isascii() or not value.isprintable():
        return None
    return value.strip() or None


def keep_document(db: Database, site: str, url: str, etag: str | None, last_modified: str | None,
                  body: bytes, fetched_at: str) -> bool:
    """Keep (or replace) the copy of the document asked for at `url`; False (and any older copy
    dropped) when it has no usable validator or is too large to keep. The caller holds the transaction."""
    etag, last_modified = _clean(etag), _clean(last_modified)
    if not (etag or last_modified) or len(body) > MAX_KEPT_BYTES:
        db.execute("DELETE FROM discovery_documents WHERE url = ?", [url])
        return False
    db.execute("INSERT OR REPLACE INTO discovery_documents (url, site, etag, last_modified, fetched_at, body_zlib) "
               "VALUES (?, ?, ?, ?, ?, ?)", [url, site, etag, last_modified, fetched_at, zlib.compress(body, 6)])
    return True


def validators_for(db: Database, url: str) -> Validators | None:
    """The validators of the copy kept for `url`, if any."""
    row = db.execute("SELECT etag, last_modified FROM discovery_documents WHERE url = ?", [url]).fetchone()
    return Validators(*row) if row else None


def kept_body(db: Database, url: str) -> bytes | None:
    """The kept copy of the document asked for at `url`, if any (None also when it is damaged)."""
    row = db.execute("SELECT body_zlib FROM discovery_documents WHERE url = ?", [url]).fetchone()
    if row is None:
        return None
    try:
        return zlib.decompress(row[0])
    except (zlib.error, TypeError):
        return None
