"""URL canonicalisation and link triage."""
from __future__ import annotations

import pytest

from crawler.links import ARTICLE, LISTING, PAGINATION, SKIP, classify_link, pagination_key
from crawler.sites import Site, load_sites
from crawler.urls import canonicalize_url


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTP://Ex.ML:80/a/b/?utm_source=fb&b=2&a=1#top", "http://ex.ml/a/b/?a=1&b=2"),
        ("https://ex.ml/a/amp/", "https://ex.ml/a/"),
        ("https://ex.ml/a/?amp=1", "https://ex.ml/a/"),
        ("https://ex.ml/a/?noamp=mobile&fbclid=x&gclid=y", "https://ex.ml/a/"),
        ("https://ex.ml/?p=123", "https://ex.ml/?p=123"),
        ("https://ex.ml/x?page=2&utm_medium=rss", "https://ex.ml/x?page=2"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://ex.ml/2025/09/01/a/?PHPSESSID=f00d", "http://ex.ml/2025/09/01/a/"),
        ("http://ex.ml/?phpsessid=f00d&page=2", "http://ex.ml/?page=2"),
        ("http://ex.ml/2025/09/01/a/;jsessionid=E5F6", "http://ex.ml/2025/09/01/a/"),
        ("http://ex.ml/a/article.do;JSESSIONID=E5F6?id=7", "http://ex.ml/a/article.do?id=7"),
        ("http://ex.ml/boutique/?osCsid=9&cat=2", "http://ex.ml/boutique/?cat=2"),
        ("http://ex.ml/modules.php?name=News&sid=123", "http://ex.ml/modules.php?name=News&sid=123"),  # a story id
    ],
)
def test_session_ids_are_not_part_of_the_url(url: str, expected: str) -> None:
    """A site putting a session id in every link must not be crawled (and archived) once per session."""
    assert canonicalize_url(url) == expected


def test_mirror_and_scheme_fold_to_primary() -> None:
    assert canonicalize_url("http://journalessor.ml/posts/a-1", "www.lessor.ml", "https") == "https://www.lessor.ml/posts/a-1"


SITE = Site(key="t", url="http://127.0.0.9:8000/", name="t", hosts=frozenset({"127.0.0.9:8000"}))


@pytest.mark.parametrize(
    "url, verdict",
    [
        ("http://127.0.0.9:8000/2025/06/22/le-president-recoit/", ARTICLE),
        ("http://127.0.0.9:8000/politique/mali-la-transition-en-question-4512.html", ARTICLE),
        ("http://127.0.0.9:8000/politique/", LISTING),
        ("http://127.0.0.9:8000/politique/page/2/", PAGINATION),
        ("http://127.0.0.9:8000/actualites?page=3", PAGINATION),
        ("http://127.0.0.9:8000/tag/bamako/", SKIP),
        ("http://127.0.0.9:8000/author/amadou/", SKIP),
        ("http://127.0.0.9:8000/?s=goita", SKIP),
        ("http://127.0.0.9:8000/wp-content/uploads/a.jpg", SKIP),
        ("http://127.0.0.9:8000/a/?doing_wp_cron=1712.5", SKIP),
        ("http://other.ml/2025/06/22/le-president-recoit/", SKIP),
    ],
)
def test_classify_link(url: str, verdict: str) -> None:
    assert classify_link(url, SITE) == verdict


def test_registry_patterns_route_seen_urls() -> None:
    sites = load_sites()
    assert classify_link("https://www.maliweb.net/nation/nouveau-gouvernement-qui-est-qui-2898703.html", sites["maliweb"]) == ARTICLE
    assert classify_link("https://www.maliweb.net/x/y-268632.html/attachment/mara-6", sites["maliweb"]) == SKIP
    assert classify_link("https://news.abamako.com/h/259882.html", sites["abamako"]) == ARTICLE


def test_pagination_key_groups_pages_of_one_listing() -> None:
    assert pagination_key("http://x/politique/page/3/") == pagination_key("http://x/politique/page/2") == "http://x/politique"
    assert pagination_key("http://x/actu?page=4") == "http://x/actu"
