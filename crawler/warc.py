"""Downloader middleware writing every HTTP exchange to rotating gzipped WARC/1.1 files (warcio)."""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from http import HTTPStatus
from importlib import metadata
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.stopcrawl import stop_crawl

logger = logging.getLogger(__name__)
HOP_BY_HOP = {"transfer-encoding", "content-length", "connection", "keep-alive"}
VIA_HEADER = "WARC-Malinews-Via"  # how the crawler found the URL (sitemap, feed, listing…)
REDIRECTED_FROM = "WARC-Malinews-Redirected-From"  # first URL of a followed redirect chain
KIND_HEADER = "WARC-Malinews-Kind"  # what the crawler asked for: robots, sitemap, feed, listing, page


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


class RotatingWarcFile:
    """`malinews-<time>-<pid>-<n>.warc.gz` files in a directory, each closed past `max_bytes`.

    A file being written is named `….warc.gz.open`; it is renamed when complete.
    """

    def __init__(self, directory: str | Path, max_bytes: int) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self.stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self.serial = 0
        self.fh: Any = None
        self.writer: WARCWriter | None = None
        self.path: Path | None = None
        self.finished: list[Path] = []

    def _open(self) -> WARCWriter:
        self.serial += 1
        self.path = self.dir / f"malinews-{self.stamp}-{os.getpid()}-{self.serial:05d}.warc.gz"
        self.fh = open(f"{self.path}.open", "wb")
        self.writer = WARCWriter(self.fh, gzip=True, warc_version="1.1")
        info = {"software": f"malinews/{_version('malinews')} (Scrapy {_version('scrapy')}, warcio {_version('warcio')})",
                "format": "WARC File Format 1.1", "conformsTo": "https://iipc.github.io/warc-specifications/"}
        self.writer.write_record(self.writer.create_warcinfo_record(self.path.name, info))
        return self.writer

    def write(self, *records: Any) -> None:
        """Write records together into the current file, then rotate if it grew past the limit."""
        writer = self.writer or self._open()
        for record in records:
            writer.write_record(record)
        if self.fh.tell() >= self.max_bytes:
            self.close()

    def builder(self) -> WARCWriter:
        """The writer whose record factory to use (opens a file if none is open)."""
        return self.writer or self._open()

    def close(self) -> None:
        """Finish the current file and give it its final name."""
        if self.fh is None or self.path is None:
            return
        self.fh.close()
        os.replace(f"{self.path}.open", self.path)
        self.finished.append(self.path)
        self.fh, self.writer, self.path = None, None, None


def http_response_headers(response: Response, body_len: int) -> StatusAndHeaders:
    """The response's status line and headers, as received, with a Content-Length matching the body."""
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in response.headers.items() for v in vs
               if k.decode("latin-1").lower() not in HOP_BY_HOP]
    headers.append(("Content-Length", str(body_len)))
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    return StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol=protocol)


def http_request_headers(request: Request) -> StatusAndHeaders:
    """The request line and headers as Scrapy sent them (Host added, as on the wire)."""
    parts = urlsplit(request.url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc)]
    headers += [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in request.headers.items() for v in vs]
    return StatusAndHeaders(f"{request.method} {path}", headers, protocol="HTTP/1.1", is_http_request=True)


class WarcMiddleware:
    """Record each response (and its request) before decompression, redirects and robots.txt included.

    Enabled by the `MALINEWS_WARC_DIR` setting (`malinews crawl --warc DIR`); files rotate at
    `MALINEWS_WARC_MAX_BYTES`. Place it near the downloader (priority > 900) to see raw responses.
    """

    def __init__(self, crawler: Crawler, directory: str, max_bytes: int) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.out = RotatingWarcFile(directory, max_bytes)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcMiddleware:
        """Read the settings once; NotConfigured when no WARC directory is set."""
        directory = crawler.settings.get("MALINEWS_WARC_DIR")
        if not directory:
            raise NotConfigured  # off unless MALINEWS_WARC_DIR is set (no warning: the normal case)
        mw = cls(crawler, directory, crawler.settings.getint("MALINEWS_WARC_MAX_BYTES", 1_000_000_000))
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        """Append a response record and its request record; never alter the response."""
        try:
            self.write_exchange(request, response)
        except OSError as exc:  # a full disk must stop the crawl, not silently lose the archive
            self.stats.inc_value("malinews/warc/write_errors")
            logger.error("cannot write WARC record for %s: %s; stopping the crawl", response.url, exc)
            stop_crawl(self.crawler, "warc_write_error")
        return response

    def write_exchange(self, request: Request, response: Response) -> None:
        """Build the response + request records (digests computed by warcio) and write them together."""
        builder = self.out.builder()
        body = response.body
        warc_headers: dict[str, str] = {}
        ip = getattr(response, "ip_address", None)
        if ip is not None:
            warc_headers["WARC-IP-Address"] = str(ip)
        if request.meta.get("kind"):
            warc_headers[KIND_HEADER] = str(request.meta["kind"])
        if request.meta.get("via"):
            warc_headers[VIA_HEADER] = str(request.meta["via"])
        if request.meta.get("redirect_urls"):
            warc_headers[REDIRECTED_FROM] = request.meta["redirect_urls"][0]
        resp = builder.create_warc_record(response.url, "response", payload=BytesIO(body), length=len(body),
                                          http_headers=http_response_headers(response, len(body)),
                                          warc_headers_dict=warc_headers)
        req_body = request.body or b""
        req = builder.create_warc_record(request.url, "request", payload=BytesIO(req_body), length=len(req_body),
                                         http_headers=http_request_headers(request),
                                         warc_headers_dict={
                                             "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID"),
                                             "WARC-Date": resp.rec_headers.get_header("WARC-Date")})
        self.out.write(resp, req)
        self.stats.inc_value("malinews/warc/records", 2)
        self.stats.inc_value("malinews/warc/bytes", len(body))

    def spider_closed(self) -> None:
        """Close (and rename) the current file."""
        self.out.close()
        self.stats.set_value("malinews/warc/files", len(self.out.finished))
        logger.info("WARC files written: %s", ", ".join(str(p) for p in self.out.finished) or "none")
