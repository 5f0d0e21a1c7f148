"""Which responses are pages to extract (`crawler/pagetype.py`); end to end: hostile H42-H44, H55."""
from __future__ import annotations

import pytest

from crawler.pagetype import is_page

HTML = b'<!DOCTYPE html>\n<html lang="fr"><head><title>T</title></head><body><p>Texte</p></body></html>'


@pytest.mark.parametrize(("ctype", "body", "page"), [
    ("text/html; charset=utf-8", b"anything", True),
    ("application/xhtml+xml", HTML, True),
    ("text/plain", HTML, True),
    ("", HTML, True),                                          # no Content-Type: extracted (and judged) as before
    ("application/octet-stream", HTML, True),                  # a misconfigured server or bucket
    ("binary/octet-stream", b"\xef\xbb\xbf  <html><body>x</body></html>", True),
    ("text/xml; charset=utf-8", b'<?xml version="1.0"?>\n<!-- cache -->\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
    ("application/octet-stream", b"%PDF-1.7 binary", False),  # a real download
    ("application/octet-stream", b"<p>only a fragment</p>", False),
    ("text/xml", b'<?xml version="1.0"?><rss version="2.0">', False),
    ("application/json", b'{"html": "<html>"}', False),
    ("application/json", HTML, False),                         # JSON is never sniffed
    ("application/pdf", HTML, False),
    ("image/jpeg", HTML, False),
    (";;;=;charset", HTML, True),                               # no MIME type at all: sniffed, as browsers do (H55)
    ("html", HTML, True),
    ("unknown/unknown", HTML, True),
    ("*/*", b"<html><body>x</body></html>", True),
    (";;;=;charset", b'{"html": "<html>"}', False),             # sniffed: no HTML start
    ("text/html ; charset=utf-8", b"anything", True),
    ("application/json; charset=utf-8", HTML, False),
])
def test_pages_by_type_and_by_their_first_bytes(ctype: str, body: bytes, page: bool) -> None:
    assert is_page(ctype, body) is page
