"""robots.txt read as RFC 9309 allows: its first 500 KiB, so a robots.txt bomb cannot stall the crawl.

Scrapy parses the whole body it downloaded (up to DOWNLOAD_MAXSIZE) and then matches every request
against every rule on the reactor thread: a 7.5 MB robots.txt of 150,000 wildcard rules took 4.5 s
to parse and 100 ms per request. RFC 9309 §2.5 lets a crawler stop at a limit of at least 500 KiB
(Google stops there too); cut at a line end, no rule is read half.

Two robots.txt files servers really send are read too: one saved in UTF-16 by a Windows editor (its
BOM first), and one gzipped without a `Content-Encoding` (a `robots.txt.gz` served as text). Their
rules and `Sitemap:` lines were lost: Protego and Scrapy's sitemap reader see no line in them.
"""
from __future__ import annotations

import zlib

from scrapy.crawler import Crawler
from scrapy.robotstxt import ProtegoRobotParser

MAX_ROBOTS_BYTES = 500 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def robots_bytes(body: bytes, limit: int = MAX_ROBOTS_BYTES) -> bytes:
    """A robots.txt body as UTF-8 text bytes, cut to `limit` (`truncate_robots`): a gzipped body is
    inflated (never past `limit`, a bomb costs nothing), a UTF-16 one (by its BOM) re-encoded."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = zlib.decompressobj(wbits=47).decompress(body, limit + 1)
        except zlib.error:
            return b""
    if body[:2] in _UTF16_BOMS:
        body = body.decode("utf-16", errors="replace").encode("utf-8")
    return truncate_robots(body, limit)


def truncate_robots(body: bytes, limit: int = MAX_ROBOTS_BYTES) -> bytes:
    """The first `limit` bytes of a robots.txt body, cut after its last complete line."""
    if len(body) <= limit:
        return body
    head = body[:limit]
    return head[: head.rfind(b"\n") + 1]


class BoundedRobotParser(ProtegoRobotParser):
    """Scrapy's Protego parser (ROBOTSTXT_PARSER) on the first 500 KiB of robots.txt, gzipped or
    UTF-16 ones read as text (`robots_bytes`); each cut is counted in the `malinews/robots/truncated` stat."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> BoundedRobotParser:
        """Build from the downloaded body, cut to MAX_ROBOTS_BYTES."""
        if len(robotstxt_body) > MAX_ROBOTS_BYTES and crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value("malinews/robots/truncated")
        return cls(robots_bytes(robotstxt_body), crawler.spider if crawler else None)
