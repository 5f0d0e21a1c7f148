"""Compressed responses: truncated streams refused, `identity` codings dropped (crawler/gzipcheck.py)."""
from __future__ import annotations

import gzip
import zlib

import pytest
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler

from crawler.gzipcheck import TruncatedStreamMiddleware, stream_complete

PAGE = ("<html><body><h1>Kati</h1>" + "<p>Le conseil communal de Kati s’est réuni mardi.</p>" * 200 + "</body></html>").encode()
URL = "http://journal.ml/2025/06/01/conseil-communal-de-kati/"


def respond(body: bytes, encoding: str) -> Response:
    return Response(URL, body=body, headers={"Content-Encoding": encoding, "Content-Type": "text/html; charset=utf-8"},
                    request=Request(URL))


def through_both(response: Response) -> Response:
    """Our middleware, then Scrapy's decompression, in the order the crawl runs them."""
    crawler = get_crawler()
    checked = TruncatedStreamMiddleware.from_crawler(crawler).process_response(response.request, response)
    return HttpCompressionMiddleware.from_crawler(crawler).process_response(response.request, checked)


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate"])
def test_a_truncated_stream_is_refused(encoding: str) -> None:
    whole = gzip.compress(PAGE) if "gzip" in encoding else zlib.compress(PAGE)
    assert stream_complete(whole, "deflate" if encoding == "deflate" else "gzip", 10**8)
    with pytest.raises(IgnoreRequest):
        through_both(respond(whole[: len(whole) // 2], encoding))
    assert through_both(respond(whole, encoding)).body == PAGE


@pytest.mark.parametrize("encoding", ["gzip, identity", "identity, gzip", "Identity,gzip", "gzip,identity "])
def test_identity_codings_are_dropped(encoding: str) -> None:
    """RFC 9110's `identity` means no transformation; Scrapy refused the whole list ("unsupported
    encoding") and left the page gzipped, which was archived as nothing."""
    out = through_both(respond(gzip.compress(PAGE), encoding))
    assert out.body == PAGE and isinstance(out, HtmlResponse)


def test_identity_alone_leaves_the_body_as_it_is() -> None:
    out = through_both(respond(PAGE, "identity"))
    assert out.body == PAGE and b"Content-Encoding" not in out.headers


def test_a_truncated_stream_behind_identity_is_refused() -> None:
    whole = gzip.compress(PAGE)
    with pytest.raises(IgnoreRequest):
        through_both(respond(whole[:100], "identity, gzip"))
