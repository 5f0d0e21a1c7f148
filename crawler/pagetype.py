"""Whether a response is a page to extract, from its Content-Type and, where servers often lie, its bytes.

HTML (`text/html`, `application/xhtml+xml`) and `text/plain` (which some servers send HTML as) are
pages. A misconfigured server or bucket also sends articles as `application/octet-stream` (or
`binary/octet-stream`), and XHTML as `text/xml`/`application/xml`: those are pages when their first
bytes are an HTML document's (`<!DOCTYPE html`, `<html`), as a browser's sniffing would find. JSON,
PDF, images and the rest are not (counted `skipped/not_html` by the caller). A Content-Type that is
no MIME type at all (`;;;=;charset`, `html`) or says it does not know (`unknown/unknown`, `*/*`) is
sniffed the same way, as browsers sniff one.
"""
from __future__ import annotations

import re

HTML_TYPES = ("text/html", "application/xhtml")
SNIFFED_TYPES = ("application/octet-stream", "binary/octet-stream", "text/xml", "application/xml",
                 "unknown/unknown", "application/unknown", "*/*")
_TOKEN = r"[!#$%&'*+.^_`|~0-9a-z-]+"
_MIME_TYPE = re.compile(rf"\s*{_TOKEN}/{_TOKEN}\s*(?:;|$)")  # type/subtype, then parameters or nothing
# After a BOM, whitespace, an XML declaration and comments: the HTML doctype or root element.
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                         rb"<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def is_page(content_type: str | None, body: bytes) -> bool:
    """Whether a response with this Content-Type (lower-cased, or empty) and body is a page to extract."""
    if not content_type or content_type.startswith(HTML_TYPES) or content_type.startswith("text/plain"):
        return True
    sniffed = content_type.startswith(SNIFFED_TYPES) or not _MIME_TYPE.match(content_type)
    return sniffed and _HTML_START.match(body[:4096]) is not None
