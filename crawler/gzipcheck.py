"""Downloader middleware refusing responses whose gzip/deflate transport stream was cut short, and
dropping `identity` from Content-Encoding (it means no transformation, RFC 9110 §8.4.1)."""
from __future__ import annotations

import zlib

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

CHUNK = 1 << 20


def stream_complete(body: bytes, encoding: str, limit: int) -> bool:
    """True unless the gzip/deflate `body` ends before its end-of-stream marker.

    Inflates at most `limit` bytes (bombs stay HttpCompressionMiddleware's business: past the limit
    the stream is given the benefit of the doubt).
    """
    wbits = 47 if encoding == "gzip" else 15  # 47: gzip or zlib header, auto-detected
    inflater = zlib.decompressobj(wbits)
    data, produced = body, 0
    try:
        while data:
            produced += len(inflater.decompress(data, CHUNK))
            if produced > limit or inflater.eof:
                return True
            data = inflater.unconsumed_tail
        return inflater.eof
    except zlib.error:
        return encoding != "gzip" or produced > 0  # raw deflate without zlib header: let Scrapy decide


def without_identity(response: Response) -> Response:
    """`response` without `identity` in its Content-Encoding (the header goes when nothing is left).

    Scrapy's HttpCompressionMiddleware refuses a list with a coding it does not know, `identity`
    included: a "gzip, identity" page stayed gzipped and was lost as unparseable."""
    raw = response.headers.get(b"Content-Encoding")
    if not raw or b"identity" not in raw.lower():
        return response
    kept = [c.strip() for c in raw.split(b",") if c.strip() and c.strip().lower() != b"identity"]
    headers = response.headers.copy()
    if kept:
        headers[b"Content-Encoding"] = b", ".join(kept)
    else:
        del headers[b"Content-Encoding"]
    return response.replace(headers=headers)


class TruncatedStreamMiddleware:
    """Raise IgnoreRequest (counted per site as `ignored`) for a truncated compressed body.

    Scrapy's decompression keeps whatever inflated before the cut, which would archive half an
    article; this runs just before HttpCompressionMiddleware sees the response.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TruncatedStreamMiddleware:
        """Bound the check by DOWNLOAD_MAXSIZE."""
        return cls(crawler.settings.getint("DOWNLOAD_MAXSIZE") or 32 * 1024 * 1024)

    def process_response(self, request: Request, response: Response, spider: object = None) -> Response:
        """Pass complete (or uncompressed) responses through, without `identity` codings."""
        response = without_identity(response)
        encoding = response.headers.get(b"Content-Encoding", b"").decode("latin-1").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate") and response.body:
            if not stream_complete(response.body, "deflate" if encoding == "deflate" else "gzip", self.limit):
                raise IgnoreRequest(f"truncated {encoding} stream ({len(response.body)} bytes) from {response.url}")
        return response
