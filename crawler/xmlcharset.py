"""Hand lxml a sitemap or feed as UTF-8, whatever charset its XML declaration claims.

lxml decodes an XML document by its declaration (or as UTF-8 without one) and its recovering parser
drops or garbles what does not decode. Sitemaps and feeds lie about their charset as pages do: a
feed declared `ISO-8859-1` written in UTF-8 read its link `/législatives/` as `/lÃ©gislatives/`,
a sitemap declared UTF-8 saved in cp1252 lost the accents of its `<loc>`s, and either way the
article behind that address was never requested. Such a document is decoded the way malinews
decodes a page (`pipelines.decode.decode_body`: BOM, UTF-16 without one, valid UTF-8 whatever the
label, broken UTF-8 runs as cp1252, a lying label given up) and handed over as UTF-8 with a
declaration saying so. That also reads a UTF-16 document without its BOM, and one declared UTF-16
but written byte for byte (lxml decoded both into nothing: "neither a sitemap nor a feed").
"""
from __future__ import annotations

import re

from pipelines.decode import decode_body

# The encoding pseudo-attribute of an XML declaration at the very start (after a BOM or whitespace).
_DECLARED = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*([\"'])([^\"']{0,40})\1", re.I)
_DECLARED_TEXT = re.compile(r"\A\s*(<\?xml\b[^>]{0,200}?\bencoding\s*=\s*)([\"'])[^\"']{0,40}\2", re.I)
_UTF8_LABELS = frozenset((b"utf-8", b"utf8"))
# Labels of two- and four-byte encodings: declared on a document readable byte for byte, they lie.
_WIDE_LABELS = (b"utf-16", b"utf16", b"utf-32", b"utf32", b"ucs-2", b"ucs2", b"ucs-4", b"ucs4", b"iso-10646-ucs",
                b"unicode")


def as_utf8(data: bytes) -> bytes:
    """`data`, an XML (or text) discovery document, as UTF-8 bytes whose declaration, if any, says
    UTF-8. A document that already is (ASCII, or valid UTF-8 declared as such or undeclared) is
    returned as it is, without a copy."""
    if b"\x00" in data[:512]:  # UTF-16 or UTF-32 without a BOM: NUL bytes between the letters
        return _say_utf8(decode_body(data)[0]).encode("utf-8", "surrogatepass")
    declared = _DECLARED.match(data)  # a declaration readable byte for byte: the document is no UTF-16
    label = declared.group(2).strip().lower() if declared else None
    if data.isascii():
        if label is None or not label.startswith(_WIDE_LABELS):
            return data
        return _say_utf8(data.decode("ascii")).encode("ascii")  # "UTF-16" declared on ASCII: lxml read garbage
    if label is None or label in _UTF8_LABELS:
        try:
            data.decode("utf-8")
            return data
        except UnicodeDecodeError:
            pass
    return _say_utf8(decode_body(data)[0]).encode("utf-8", "surrogatepass")


def _say_utf8(text: str) -> str:
    """`text` with its XML declaration's encoding, if any, made `utf-8`."""
    if "<?xml" not in text[:300]:
        return text
    return _DECLARED_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}utf-8{m.group(2)}", text, count=1)
