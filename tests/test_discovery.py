"""Sitemap, news-sitemap, feed and robots parsing, including hostile documents."""
from __future__ import annotations

import gzip
import json

import pytest

from crawler.discovery import (DiscoveryParseError, is_discovery_xml, iso_utc, parse_discovery_document, robots_sitemaps,
                               root_element)

NEWS = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://x.ml/a</loc><lastmod>2025-06-23</lastmod><news:news><news:publication><news:name>X</news:name>
<news:language>fr</news:language></news:publication><news:publication_date>2025-06-22T10:30:00+00:00</news:publication_date>
<news:title>Le titre</news:title></news:news></url>
<url><loc>/b</loc></url></urlset>"""


def test_news_sitemap_hints_travel_with_the_url() -> None:
    doc = parse_discovery_document(NEWS, "http://x.ml/news.xml")
    assert doc.kind == "urlset"
    assert doc.entries[0] == {"url": "http://x.ml/a", "via": "news-sitemap", "lastmod": "2025-06-23",
                              "published": "2025-06-22T10:30:00+00:00", "title": "Le titre"}
    assert doc.entries[1] == {"url": "http://x.ml/b", "via": "sitemap"}


def test_gzipped_sitemap_index() -> None:
    body = gzip.compress(b"<sitemapindex><sitemap><loc>http://x.ml/s1.xml.gz</loc></sitemap></sitemapindex>")
    doc = parse_discovery_document(body, "http://x.ml/sitemap_index.xml")
    assert doc.kind == "sitemapindex" and doc.sitemaps == ["http://x.ml/s1.xml.gz"]


def test_rss_and_atom_entries() -> None:
    rss = (b'<rss version="2.0"><channel><item><title>Un</title><link>http://x.ml/un?utm_source=rss</link>'
           b"<pubDate>Sun, 22 Jun 2025 10:30:00 +0000</pubDate></item></channel></rss>")
    entry = parse_discovery_document(rss, "http://x.ml/feed/").entries[0]
    assert entry["url"] == "http://x.ml/un?utm_source=rss" and entry["title"] == "Un"
    assert iso_utc(entry["published"]) == "2025-06-22T10:30:00+00:00"
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link rel="alternate" href="/a"/>'
            b"<updated>2025-06-22T12:30:00+02:00</updated></entry></feed>")
    entry = parse_discovery_document(atom, "http://x.ml/atom.xml").entries[0]
    assert entry["url"] == "http://x.ml/a" and iso_utc(entry["lastmod"]) == "2025-06-22T10:30:00+00:00"


def test_entity_expansion_is_not_performed() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title>'
            b"<link>http://x.ml/q</link></item></channel></rss>")
    doc = parse_discovery_document(bomb, "http://x.ml/feed")
    assert [e["url"] for e in doc.entries] == ["http://x.ml/q"]
    assert "aaaa" not in str(doc.entries)


@pytest.mark.parametrize("body", [b"<html><body>Not a feed</body></html>", b"", b"\x1f\x8bgarbage", b"\x00\xff\xfe"])
def test_unreadable_documents_raise_a_parse_error(body: bytes) -> None:
    with pytest.raises(DiscoveryParseError):
        parse_discovery_document(body, "http://x.ml/sitemap.xml")


def test_robots_sitemap_lines() -> None:
    body = b"User-agent: *\nDisallow: /prive/\nSitemap: /sitemap_index.xml\nsitemap: http://x.ml/news.xml\n"
    assert robots_sitemaps(body, "http://x.ml/robots.txt") == ["http://x.ml/sitemap_index.xml", "http://x.ml/news.xml"]


@pytest.mark.parametrize(
    "value, expected",
    [("2025-06-22", "2025-06-22"), ("2025-06-22T10:30:00Z", "2025-06-22T10:30:00+00:00"),
     ("Sun, 22 Jun 2025 12:30:00 +0200", "2025-06-22T10:30:00+00:00"), ("n'importe quoi", None), (None, None),
     # what hand-written feeds and French CMSs put in <pubDate> (these were dropped)
     ("22/06/2025 10:30", "2025-06-22T10:30:00+00:00"), ("dim., 22 juin 2025 10:30:00 +0000", "2025-06-22T10:30:00+00:00"),
     ("22 juin 2025", "2025-06-22"), ("Dimanche 22 juin 2025 à 10h30", "2025-06-22T10:30:00+00:00"),
     ("30/02/2025", None), ("22/06/2099 10:30", None),
     # PHP's date("Y-n-j"), without zeros (was unreadable)
     ("2025-3-4", "2025-03-04"), ("2025-3-4T09:05:00Z", "2025-03-04T09:05:00+00:00"), ("2025-13-40", None)],
)
def test_iso_utc(value: str | None, expected: str | None) -> None:
    assert iso_utc(value) == expected


def test_truncated_sitemap_keeps_the_complete_entries() -> None:
    doc = parse_discovery_document(b"<urlset><url><loc>http://x.ml/a</loc></url><url><loc>http://x.ml/b", "http://x.ml/s.xml")
    assert [e["url"] for e in doc.entries][:1] == ["http://x.ml/a"]


def test_text_sitemap_one_url_per_line() -> None:
    """The sitemaps.org text format: UTF-8 (a BOM allowed), one absolute URL per line, blank lines ignored."""
    body = "\ufeffhttps://x.ml/actu/a/\n\nhttps://x.ml/actu/b/\r\nhttp://x.ml/actu/c/?p=1\n".encode("utf-8")
    doc = parse_discovery_document(body, "https://x.ml/plan.txt")
    assert doc.kind == "text"
    assert [e["url"] for e in doc.entries] == ["https://x.ml/actu/a/", "https://x.ml/actu/b/", "http://x.ml/actu/c/?p=1"]
    assert all(e["via"] == "sitemap" for e in doc.entries)


@pytest.mark.parametrize("body", [
    b"https://x.ml/a/\nVoir aussi nos archives\n",           # prose after a URL: not a sitemap
    b"https://x.ml/a/ https://x.ml/b/\n",                     # two URLs on a line
    b"\xff\xfeh\x00t\x00t\x00p\x00",                          # not UTF-8
    b"<html><body>https://x.ml/a/</body></html>",             # an HTML page
    b"/relative/path/\n",                                     # not absolute
], ids=["prose", "two-per-line", "utf16", "html", "relative"])
def test_text_that_is_no_sitemap_is_refused(body: bytes) -> None:
    with pytest.raises(DiscoveryParseError):
        parse_discovery_document(body, "https://x.ml/plan.txt")


def test_feed_guid_is_a_link_only_when_it_is_a_url() -> None:
    """RSS items without <link>: a WordPress guid ("https://site/?p=12", even isPermaLink="false") is a
    page; an identifier guid ("1234@journal.ml") is not, and must not become a junk request."""
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
    <item><title>A</title><guid isPermaLink="false">1234@journal.ml</guid></item>
    <item><title>B</title><guid isPermaLink="false">https://journal.ml/?p=12</guid></item>
    <item><title>C</title><guid>https://journal.ml/actu/c/</guid></item></channel></rss>"""
    doc = parse_discovery_document(rss, "https://journal.ml/feed/")
    assert [e["url"] for e in doc.entries] == ["https://journal.ml/?p=12", "https://journal.ml/actu/c/"]


def test_atom_xml_base_resolves_relative_links() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://journal.ml/blog/">
    <entry><title>A</title><link href="actu/a/"/></entry>
    <entry xml:base="/autre/"><title>B</title><link href="b/"/></entry></feed>"""
    doc = parse_discovery_document(atom, "https://journal.ml/atom.xml")
    assert [e["url"] for e in doc.entries] == ["https://journal.ml/blog/actu/a/", "https://journal.ml/autre/b/"]


def test_sitemap_empty_loc_is_skipped() -> None:
    body = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc></loc></url><url><loc>  </loc></url><url><loc>\n https://x.ml/a/ \n</loc></url></urlset>")
    assert [e["url"] for e in parse_discovery_document(body, "https://x.ml/sitemap.xml").entries] == ["https://x.ml/a/"]


XHTML_PROLOG = (b'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="/s.css"?>\n<!-- '
                + b"x" * 3000 + b' -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd">\n'
                b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>')


@pytest.mark.parametrize(("body", "root", "discovery"), [
    (XHTML_PROLOG, "html", False),
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><description><![CDATA[<html><body>]]>', "rss", True),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', "urlset", True),
    (b"<sitemapindex>", "sitemapindex", True),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "rdf", True),
    (b'<!DOCTYPE rss [<!ENTITY a "<html>">]>\n<rss>', "rss", True),
    ('<?xml version="1.0" encoding="utf-16"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'.encode("utf-16"), "feed", True),
    (b"<!doctype html>\n<html lang=fr>", "html", False),
    (b"  <meta charset=utf-8><p>Un fragment", "meta", False),
    (b'<?xml version="1.0"?>', None, True),  # nothing past the declaration: the parser decides (and counts)
    (b"Bonjour", None, False),
    (b"", None, False),
])
def test_root_element_decides_feed_or_page(body: bytes, root: str | None, discovery: bool) -> None:
    assert root_element(body) == root
    assert is_discovery_xml(body) is discovery


def test_feed_behind_a_long_prolog_and_sitemap_behind_a_php_warning() -> None:
    feed = (b'<?xml version="1.0"?>\n<!-- ' + b"cache " * 600 + b'-->\n<rss version="2.0"><channel><title>T</title>'
            b"<item><link>http://x.ml/2025/06/01/un/</link></item></channel></rss>")
    assert [e["url"] for e in parse_discovery_document(feed, "http://x.ml/feed/").entries] == ["http://x.ml/2025/06/01/un/"]
    warned = (b"\nWarning: Undefined variable $x in /var/www/wp-content/plugins/seo.php on line 12\n"
              b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              b"<url><loc>http://x.ml/a</loc></url></urlset>")
    assert [e["url"] for e in parse_discovery_document(warned, "http://x.ml/sitemap.xml").entries] == ["http://x.ml/a"]


@pytest.mark.parametrize("kind", ["urlset", "rss"])
def test_a_doctype_longer_than_the_sniffed_bytes_is_dropped_before_sniffing(kind: str) -> None:
    """The "quadratic blowup": one 70 KB entity referenced many times; the root lay past 64 KiB."""
    doctype = b'<?xml version="1.0"?><!DOCTYPE ' + kind.encode() + b' [<!ENTITY a "' + b"a" * 70_000 + b'">]>'
    if kind == "urlset":
        body = doctype + (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>' + b"&a;" * 500
                          + b"</loc></url><url><loc>http://x.ml/2025/06/01/un/</loc></url></urlset>")
    else:
        body = doctype + (b'<rss version="2.0"><channel><title>T</title><item><title>' + b"&a;" * 500 + b"</title></item>"
                          b"<item><link>http://x.ml/2025/06/01/un/</link></item></channel></rss>")
    assert root_element(body) is None  # beyond the sniff, as before
    doc = parse_discovery_document(body, "http://x.ml/doc")
    assert [e["url"] for e in doc.entries] == ["http://x.ml/2025/06/01/un/"]


def test_rss_items_linked_by_atom_link_or_origlink_and_dated_by_dc_date() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>
    <atom:link href="http://x.ml/feed/" rel="self"/>
    <item><title>A</title><link></link><guid isPermaLink="true">http://x.ml/2025/06/10/a/</guid></item>
    <item><title>B</title><link>
       http://x.ml/2025/06/11/b/
    </link><atom:link rel="self" href="http://x.ml/feed/b"/></item>
    <item><title>C</title><atom:link href="http://x.ml/2025/06/12/c/"/><dc:date>2025-06-12T08:00:00Z</dc:date></item>
    <item><title>D</title><link>http://feeds.example/~r/x/~3/abc/</link><feedburner:origLink>http://x.ml/d/</feedburner:origLink></item>
    <item><title>E</title><feedburner:origLink>http://x.ml/2025/06/14/e/</feedburner:origLink></item>
    </channel></rss>"""
    entries = parse_discovery_document(rss, "http://x.ml/feed/").entries
    assert [e["url"] for e in entries] == ["http://x.ml/2025/06/10/a/", "http://x.ml/2025/06/11/b/", "http://x.ml/2025/06/12/c/",
                                           "http://x.ml/d/", "http://x.ml/2025/06/14/e/"]
    assert entries[2]["published"] == "2025-06-12T08:00:00Z"


def test_json_feed() -> None:
    feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Le Journal", "items": [
        {"id": "1", "url": "https://x.ml/2025/06/10/a/", "title": "A", "date_published": "2025-06-10T08:00:00+00:00"},
        {"id": "https://x.ml/2025/06/11/b/", "date_modified": "2025-06-12T08:00:00Z", "date_published": "2025-06-11"},
        {"id": "3", "external_url": "/2025/06/12/c/"},
        {"id": "4"}, "pas un objet", {"url": "javascript:alert(1)"}]}).encode()
    doc = parse_discovery_document(b"\xef\xbb\xbf" + feed, "https://x.ml/feed/json")
    assert doc.kind == "jsonfeed"
    assert doc.entries == [
        {"url": "https://x.ml/2025/06/10/a/", "via": "feed", "published": "2025-06-10T08:00:00+00:00",
         "lastmod": "2025-06-10T08:00:00+00:00", "title": "A"},
        {"url": "https://x.ml/2025/06/11/b/", "via": "feed", "published": "2025-06-11", "lastmod": "2025-06-12T08:00:00Z"},
        {"url": "https://x.ml/2025/06/12/c/", "via": "feed"}]


@pytest.mark.parametrize("body", [b'{"items": []}', b'{"version": "https://jsonfeed.org/version/1", "items": 3}',
                                  b"{" * 100_000, b'{"version": "https://jsonfeed.org/version/1"'])
def test_json_that_is_no_json_feed_is_refused(body: bytes) -> None:
    with pytest.raises(DiscoveryParseError):
        parse_discovery_document(body, "https://x.ml/feed/json")


def test_sitemap_hreflang_alternates_are_entries() -> None:
    sitemap = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://x.ml/fr/2025/06/10/a/</loc><lastmod>2025-06-10</lastmod>
    <xhtml:link rel="alternate" hreflang="fr" href="https://x.ml/fr/2025/06/10/a/"/>
    <xhtml:link rel="alternate" hreflang="bm" href="https://x.ml/bm/2025/06/10/a/"/></url></urlset>"""
    assert [e["url"] for e in parse_discovery_document(sitemap, "https://x.ml/sitemap.xml").entries] == [
        "https://x.ml/fr/2025/06/10/a/", "https://x.ml/bm/2025/06/10/a/"]


def test_alternates_named_by_every_entry_are_listed_once() -> None:
    links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="https://x.ml/{lang}/a/"/>' for lang in ("fr", "bm", "en"))
    urls = "".join(f"<url><loc>https://x.ml/{lang}/a/</loc>{links}</url>" for lang in ("fr", "bm", "en"))
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               f'xmlns:xhtml="http://www.w3.org/1999/xhtml">{urls}</urlset>').encode()
    entries = [e["url"] for e in parse_discovery_document(sitemap, "https://x.ml/sitemap.xml").entries]
    assert sorted(set(entries)) == ["https://x.ml/bm/a/", "https://x.ml/en/a/", "https://x.ml/fr/a/"]
    assert len(entries) == 5  # each loc, plus the alternates met before their own entry (the spider dedupes)


def test_an_item_with_a_broken_tag_name_costs_nothing_else() -> None:
    """lxml's recovering parser names broken markup "ti:00Z"; its QName refused such names and the
    whole feed was lost (found by fuzzing parse_discovery_document)."""
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title><link>https://x.ml/a/</link></item>'
           b"<item><ti:00Z>oops</ti:00Z><link>https://x.ml/b/</link></item></channel></rss>")
    assert [e["url"] for e in parse_discovery_document(rss, "https://x.ml/feed/").entries] == ["https://x.ml/a/", "https://x.ml/b/"]


def test_entries_longer_than_scrapy_requests_are_left_out() -> None:
    """Scrapy never requests a URL over URLLENGTH_LIMIT; the reactor used to canonicalise each first."""
    long = "http://x.ml/?" + "&".join(f"p{i}=1" for i in range(500))
    body = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + f"<url><loc>{long.replace('&', '&amp;')}</loc></url><url><loc>http://x.ml/2025/06/22/a/</loc></url>".encode()
            + b"</urlset>")
    assert [e["url"] for e in parse_discovery_document(body, "http://x.ml/sitemap.xml").entries] == ["http://x.ml/2025/06/22/a/"]
    text = f"{long}\nhttp://x.ml/2025/06/22/a/\n".encode()
    assert [e["url"] for e in parse_discovery_document(text, "http://x.ml/plan.txt").entries] == ["http://x.ml/2025/06/22/a/"]


def _urlset(lastmods: list[str]) -> bytes:
    urls = "".join(f"<url><loc>http://x.ml/2025/06/{i % 28 + 1:02d}/article-{i}/</loc><lastmod>{m}</lastmod></url>"
                   for i, m in enumerate(lastmods))
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def test_a_sitemap_stamping_every_entry_with_its_own_time_gives_no_lastmod() -> None:
    """30 entries, 28 of them at the minute the CMS generated the sitemap: taken as modification
    times, every scheduled crawl would fetch all of them again."""
    stamps = ["2026-11-29T06:00:12+00:00"] * 14 + ["2026-11-29T06:00:47+00:00"] * 14 + ["2025-06-01", "2025-06-02"]
    doc = parse_discovery_document(_urlset(stamps), "http://x.ml/sitemap.xml")
    assert len(doc.entries) == 30 and not any("lastmod" in e for e in doc.entries)
    assert doc.generated_dates == 30


@pytest.mark.parametrize("stamps", [
    [f"2025-06-{d:02d}T10:00:00+00:00" for d in range(1, 29)] + ["2025-06-28T10:00:00+00:00"] * 2,  # genuine dates
    ["2026-11-29T06:00:12+00:00"] * 19,  # too few entries to tell
    ["2026-11-29T06:00:12+00:00"] * 26 + [f"2025-05-{d:02d}" for d in range(1, 5)],  # 87 % only
])
def test_genuine_or_too_few_lastmods_are_kept(stamps: list[str]) -> None:
    doc = parse_discovery_document(_urlset(stamps), "http://x.ml/sitemap.xml")
    assert [e.get("lastmod") for e in doc.entries] == stamps and doc.generated_dates == 0


def test_a_feed_dating_every_item_at_its_generation_gives_no_date() -> None:
    items = "".join(f"<item><title>T{i}</title><link>http://x.ml/a-{i}-b-c-d/</link>"
                    "<pubDate>Sun, 29 Nov 2026 06:00:00 +0000</pubDate></item>" for i in range(25))
    doc = parse_discovery_document(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), "http://x.ml/feed/")
    assert len(doc.entries) == 25 and not any("published" in e or "lastmod" in e for e in doc.entries)


@pytest.mark.parametrize("value", ["1970-01-01T00:00:00Z", "0001-01-01", "2099-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"])
def test_placeholder_and_future_dates_are_no_dates(value: str) -> None:
    assert iso_utc(value) is None
