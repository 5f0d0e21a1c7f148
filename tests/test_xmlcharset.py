"""Sitemaps and feeds whose declared charset lies are read as written (`crawler/xmlcharset.py`).

End to end: hostile cases D28-D29 in `tests/test_hostile.py`.
"""
from __future__ import annotations

import codecs

import pytest

from crawler.discovery import parse_discovery_document
from crawler.xmlcharset import as_utf8

LOC = "http://x.ml/2025/04/02/législatives-à-kati/"


def sitemap(declaration: str) -> str:
    return (f"{declaration}<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            f"<url><loc>{LOC}</loc></url></urlset>")


def feed(declaration: str) -> str:
    return (f"{declaration}<rss version=\"2.0\"><channel><title>Actualités</title><item><title>Été à Ségou</title>"
            f"<link>{LOC}</link></item></channel></rss>")


@pytest.mark.parametrize(("build", "declaration", "codec"), [
    (feed, '<?xml version="1.0" encoding="ISO-8859-1"?>', "utf-8"),       # latin-1 said, UTF-8 written
    (feed, "<?xml version='1.0' encoding='KOI8-R'?>", "utf-8"),           # another script said
    (sitemap, '<?xml version="1.0" encoding="UTF-8"?>', "cp1252"),        # UTF-8 said, cp1252 written
    (sitemap, "", "cp1252"),                                              # nothing said, cp1252 written
    (sitemap, '<?xml version="1.0" encoding="windows-1251"?>', "cp1252"),  # Cyrillic said, cp1252 written
    (feed, '<?xml version="1.0" encoding="ISO-8859-1"?>', "latin-1"),     # the truth, still read right
    (sitemap, '<?xml version="1.0" encoding="utf-16"?>', "utf-16"),       # UTF-16 with its BOM
])
def test_the_listed_address_is_read_as_written(build, declaration: str, codec: str) -> None:
    body = build(declaration).encode(codec)
    doc = parse_discovery_document(body, "http://x.ml/doc.xml")
    assert [e["url"] for e in doc.entries] == [LOC]  # requested as UTF-8, percent-encoded
    if build is feed:
        assert doc.entries[0]["title"] == "Été à Ségou"


def test_documents_that_already_are_utf8_are_not_copied() -> None:
    for body in (sitemap('<?xml version="1.0"?>').encode(), sitemap("").encode(),
                 b'<?xml version="1.0" encoding="iso-8859-1"?><urlset/>'):
        assert as_utf8(body) is body


def test_the_declaration_is_rewritten_to_utf8() -> None:
    body = feed('<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>').encode("cp1252")
    out = as_utf8(body)
    assert out.startswith(b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>')
    assert "Été à Ségou".encode() in out


def test_a_bom_and_utf16_without_one_become_utf8() -> None:
    text = sitemap('<?xml version="1.0" encoding="UTF-16"?>')
    assert as_utf8(codecs.BOM_UTF8 + text.encode()).decode("utf-8").endswith("</urlset>")
    assert LOC.encode() in as_utf8(text.encode("utf-16-le"))


ASCII_LOC = "http://x.ml/2025/04/02/legislatives-a-kati/"


@pytest.mark.parametrize(("declared", "codec"), [
    ("UTF-16", "utf-16-le"),  # UTF-16 without its BOM, every letter ASCII: NUL bytes between them
    ("UTF-16", "utf-16-be"),
    ("UTF-16", "ascii"),      # UTF-16 declared, written byte for byte
    ("UTF-16", "utf-8"),
    ("utf-32", "ascii"),
    ("ucs-2", "ascii"),
])
def test_a_wide_charset_said_or_unmarked_is_read(declared: str, codec: str) -> None:
    """lxml decoded these into nothing ("neither a sitemap nor a feed"): the address was lost."""
    text = sitemap(f'<?xml version="1.0" encoding="{declared}"?>').replace(LOC, ASCII_LOC)
    doc = parse_discovery_document(text.encode(codec), "http://x.ml/doc.xml")
    assert [e["url"] for e in doc.entries] == [ASCII_LOC]
