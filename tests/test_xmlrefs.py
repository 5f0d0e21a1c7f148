"""Sitemaps and feeds whose references lxml's recovering parser read wrong (crawler/xmlrefs.py)."""
from __future__ import annotations

import time

import pytest

from crawler.discovery import parse_discovery_document
from crawler.xmlrefs import drop_doctype, repair_references

URL = "http://journal.ml/flux/"
JOOMLA = "http://journal.ml/index.php?option=com_content&view=article&id=1234&catid=8"
BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!-- ] > --><!ENTITY q "a ] b > c">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')


def rss(items: str, head: bytes = b'<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return head + f'<rss version="2.0"><channel><title>Journal</title>{items}</channel></rss>'.encode()


def urlset(locs: str, head: bytes = b'<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return head + f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def entries(doc: bytes) -> list[tuple[str, str | None]]:
    return [(e["url"], e.get("title")) for e in parse_discovery_document(doc, URL).entries]


def test_raw_ampersands_in_a_feed_keep_the_whole_url() -> None:
    doc = rss(f"<item><title>Élections & résultats</title><link>{JOOMLA}</link></item>")
    assert entries(doc) == [(JOOMLA, "Élections & résultats")]


def test_raw_ampersands_in_a_sitemap_and_an_atom_href() -> None:
    assert entries(urlset(f"<url><loc>{JOOMLA}</loc></url>")) == [(JOOMLA, None)]
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>J</title>'
            + f'<entry><title>A</title><link href="{JOOMLA}"/></entry></feed>'.encode())
    assert entries(atom) == [(JOOMLA, "A")]


def test_html_entities_of_an_rss_091_feed() -> None:
    head = (b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">')
    doc = rss("<item><title>L&eacute;gislatives &agrave; Kati&nbsp;: r&eacute;sultats</title>"
              "<link>http://journal.ml/2025/06/01/l&eacute;gislatives-a-kati/</link></item>", head)
    assert entries(doc) == [("http://journal.ml/2025/06/01/législatives-a-kati/", "Législatives à Kati\xa0: résultats")]


def test_xml_and_numeric_references_are_kept() -> None:
    doc = rss("<item><title>&lt;Kayes&gt; &amp; &quot;S&#233;gou&quot; &#xE0; &apos;Gao&apos;</title>"
              "<link>http://journal.ml/?p=12&amp;lang=fr</link></item>")
    assert entries(doc) == [("http://journal.ml/?p=12&lang=fr", "<Kayes> & \"Ségou\" à 'Gao'")]


def test_cdata_is_left_alone() -> None:
    doc = rss("<item><title><![CDATA[R&D &eacute; ]]]]><![CDATA[> &amp;]]></title><link>http://journal.ml/a-b-c-d/</link></item>")
    assert entries(doc) == [("http://journal.ml/a-b-c-d/", "R&D &eacute; ]]> &amp;")]


def test_a_bomb_no_longer_hides_the_entries_after_it() -> None:
    doc = urlset("<url><loc>http://journal.ml/2025/06/01/premier/</loc></url><url><loc>&lol3;</loc></url>"
                 "<url><loc>&xxe;</loc></url><url><loc>http://journal.ml/2025/06/02/second/</loc></url>", BOMB)
    got = [u for u, _ in entries(doc)]
    assert got == ["http://journal.ml/2025/06/01/premier/", "http://journal.ml/2025/06/02/second/"]
    assert b"ENTITY" not in repair_references(doc) and b"lol" not in repair_references(doc)


def test_a_doctype_after_the_root_element_is_text() -> None:
    doc = rss("<item><title>x</title><description>&lt;!DOCTYPE html&gt; <!DOCTYPE a></description></item>")
    assert drop_doctype(doc) == doc


def test_an_unterminated_doctype_is_left_for_lxml_to_refuse() -> None:
    doc = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">' + b"<rss></rss>"
    assert drop_doctype(doc) == doc


@pytest.mark.parametrize("doc", [
    urlset("<url><loc>http://journal.ml/?a=1&amp;b=2</loc></url>"),
    rss("<item><title>&#233;&#xe9;&lt;</title><link>http://journal.ml/x/</link></item>"),
    "\ufeff<?xml version='1.0' encoding='utf-16'?><rss><channel><item><link>http://j.ml/?a&b</link></item></channel></rss>".encode("utf-16"),
])
def test_clean_or_utf16_documents_are_returned_untouched(doc: bytes) -> None:
    assert repair_references(doc) is doc


@pytest.mark.parametrize("piece", [b"<![CDATA[&", b"&", b"&eacute;", b"&lol;", b"<!DOCTYPE x [", b"]]>&a"])
def test_repair_is_linear_on_floods(piece: bytes) -> None:
    """200,000 copies of each piece (unterminated CDATA openers, ampersands, entities) in well
    under a second each; a pattern retrying from every opener would take hours."""
    doc = rss("<item><link>http://journal.ml/x/</link><title>") + piece * 200_000
    start = time.perf_counter()
    repair_references(doc)
    assert time.perf_counter() - start < 5
