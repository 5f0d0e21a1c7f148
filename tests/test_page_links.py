"""Links a page offers the crawler: anchors, frames and image maps, resolved against <base>."""
from __future__ import annotations

from urllib.parse import urldefrag, urljoin

import pytest
from lxml.html import fromstring

from pipelines.links import MAX_LINK_LENGTH, absolute, extract_links, is_feed_type


def test_frames_and_image_maps_are_links() -> None:
    tree = fromstring('<html><head><base href="http://x.ml/dossier/"></head><frameset><frame src="cadre.html">'
                      '<frame src="javascript:void(0)"></frameset><body><map><area href="/carte/kayes/" shape="rect">'
                      '</map><a href="b.html">b</a></body></html>')
    assert extract_links(tree, "http://x.ml/").links == [
        "http://x.ml/dossier/cadre.html", "http://x.ml/carte/kayes/", "http://x.ml/dossier/b.html"]


def test_backslashes_are_slashes_as_browsers_read_them() -> None:
    tree = fromstring(r'<html><body><a href="\2025\06\10\une-page\">a</a><a href="http:\\x.ml\b\">b</a></body></html>')
    assert extract_links(tree, "http://x.ml/actu/page.html").links == [
        "http://x.ml/2025/06/10/une-page/", "http://x.ml/b/"]


def test_a_meta_refresh_target_is_a_link() -> None:
    """A refresh slower than METAREFRESH_MAXDELAY is not followed as a redirect: the page is read
    and where it sends readers is a link (hostile H47-H48)."""
    html = ('<html><head><meta http-equiv="Refresh" content="15; URL=\'/2025/08/17/suite/\'">'
            '<meta http-equiv="refresh" content="300"><meta name="refresh" content="0; url=/pas-un-refresh/">'
            "</head><body><p>Cette page a change d'adresse.</p></body></html>")
    assert extract_links(fromstring(html), "http://x.ml/ancienne/").links == ["http://x.ml/2025/08/17/suite/"]


def test_javascript_redirects_are_links() -> None:
    tree = fromstring("""<html><head><script>if (mobile) { window.location.href = "/m/2025/06/10/une-page/"; }
    else { location.replace('https://x.ml/2025/06/10/une-page/'); }</script>
    <script>var s = "location"; location = "javascript:void(0)"; document.location='/2025/06/11/autre/';</script>
    <script type="application/ld+json">{"url": "https://x.ml/ld/"}</script></head><body><p>Redirection…</p></body></html>""")
    assert extract_links(tree, "https://x.ml/ancien.php?id=12").links == [
        "https://x.ml/m/2025/06/10/une-page/", "https://x.ml/2025/06/10/une-page/", "https://x.ml/2025/06/11/autre/"]


def test_hreflang_alternates_are_links() -> None:
    tree = fromstring('<html><head><link rel="alternate" hreflang="bm" href="/bm/2025/06/10/a/">'
                      '<link rel="alternate" type="application/rss+xml" href="/feed/"><link rel="alternate" href="/x/">'
                      '</head><body><p>x</p></body></html>')
    found = extract_links(tree, "https://x.ml/fr/2025/06/10/a/")
    assert found.links == ["https://x.ml/bm/2025/06/10/a/"] and found.feeds == ["https://x.ml/feed/"]


def test_links_longer_than_scrapy_requests_are_not_handed_on() -> None:
    """Scrapy never requests a URL over URLLENGTH_LIMIT (2,083); the crawl process used to
    canonicalise and triage each one first (0.5 s for one with 100,000 query parameters)."""
    huge = "/recherche?" + "&".join(f"p{i}=1" for i in range(500))
    page = fromstring(f"<html><head><link rel='canonical' href='http://j.ml/{'x' * 3000}'></head><body>"
                      f"<a href='{huge}'>a</a><a href='/{'y' * 2100}'>b</a><a href='/{'z' * 2000}'>c</a>"
                      f"<a href='http://j.ml/2025/06/22/kayes/'>d</a></body></html>")
    found = extract_links(page, "http://j.ml/")
    assert found.links == [f"http://j.ml/{'z' * 2000}", "http://j.ml/2025/06/22/kayes/"]
    assert found.canonical_url is None


def test_comment_feeds_are_not_feeds_to_follow() -> None:
    """WordPress heads each post with its comments feed and each page with the site's: their items are
    comments. The site's own feed and a section's stay."""
    page = "https://lessor.ml/2025/06/15/curage-des-caniveaux/"
    tree = fromstring(
        '<html><head>'
        '<link rel="alternate" type="application/rss+xml" title="L\'Essor » Flux" href="/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="L\'Essor » Flux des commentaires" href="/comments/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="L\'Essor » Curage Flux des commentaires" href="feed/">'
        '<link rel="alternate" type="application/rss+xml" title="Comments on: Curage" href="/?p=12&amp;feed=rss2">'
        '<link rel="alternate" type="application/rss+xml" href="/?feed=comments-rss2">'
        '<link rel="alternate" type="application/atom+xml" title="Comment le Mali vote" href="/politique/feed/atom/">'
        '</head><body></body></html>')
    assert extract_links(tree, page).feeds == ["https://lessor.ml/feed/", "https://lessor.ml/politique/feed/atom/"]


ROOT_RELATIVE = ["/a/b/", "/a?", "/a?x=1", "/a?x=1?", "/a;", "/a;p?x", "/./a", "/a/../b", "/a/.", "//autre.ml/x",
                 "/a#f", "/a b", "/a\tb", "/a\nb", "/é/à", "/%2e%2e/a", "/a\x01b", "/a[1]", "/", "/?", "/a?b=/../c",
                 "/" + "x" * 2100, "/a//b", "/.well-known/x", "/a:b@c"]


@pytest.mark.parametrize("href", ROOT_RELATIVE)
@pytest.mark.parametrize("base", ["http://x.ml/actu/page.html", "HTTPS://User:pw@X.ml:8443/a?q=1#f", "http://[::1]:81/"])
def test_root_relative_links_resolve_as_urljoin_does(base: str, href: str) -> None:
    """The fast path for root-relative links gives what urljoin (then the fragment cut) gives."""
    expected = urldefrag(urljoin(base, href.strip())).url
    expected = expected if len(expected) <= MAX_LINK_LENGTH else None
    assert absolute(base, href) == expected


@pytest.mark.parametrize("mime, title, href, feed", [
    ("application/rss+xml", "", "/feed/", True),
    ("application/rss+xml; charset=utf-8", "", "/feed/", True),   # with parameters: was no feed
    ("APPLICATION/ATOM+XML", "", "/atom", True),
    ("text/xml", "RSS", "/rss.xml", True),                          # older sites: plain XML named a feed
    ("text/xml", "Flux des actualités", "/backend", True),
    ("application/xml", "", "/backend.rss", True),
    ("text/xml", "", "/en/page.xml", False),                        # plain XML that names no feed
    ("text/html", "RSS", "/feed/", False),
])
def test_feed_types(mime: str, title: str, href: str, feed: bool) -> None:
    assert is_feed_type(mime, title, href) is feed
