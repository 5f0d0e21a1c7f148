"""The WordPress REST API parser: open, closed and odd answers; posts into hints; hints into results."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from crawler import wpapi

JSON = {"Content-Type": "application/json; charset=UTF-8"}


def post(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"id": 9, "link": "https://x.ml/2025/06/20/a/", "date_gmt": "2025-06-20T08:30:00",
                               "modified_gmt": "2025-06-21T10:00:00", "title": {"rendered": "L&rsquo;&eacute;t&eacute; <b>chaud</b>"},
                               "author": 2, "categories": [3], "tags": [7, 8]}
    base.update(kw)
    return base


def test_posts_url_pages_by_100_newest_first_within_dates() -> None:
    url = wpapi.posts_url("https://x.ml/", 3, after="2025-01-01", before="2025-03-31")
    parts = urlsplit(url)
    assert parts.path == "/wp-json/wp/v2/posts"
    assert dict(parse_qsl(parts.query)) == {"per_page": "100", "page": "3", "_embed": "1",
                                            "after": "2025-01-01T00:00:00", "before": "2025-03-31T23:59:59"}
    assert "after" not in wpapi.posts_url("https://x.ml/sub/", 1)


def test_open_api_reply_with_total_pages() -> None:
    reply = wpapi.parse_reply(200, {**JSON, "X-WP-TotalPages": "12"}, json.dumps([post(), "junk"]).encode())
    assert reply.ok and reply.total_pages == 12 and len(reply.items) == 1


def test_scrapy_style_bytes_headers_are_read() -> None:
    reply = wpapi.parse_reply(200, {b"Content-Type": [b"application/json"], b"X-Wp-Totalpages": [b"3"]}, b"[]")
    assert reply.ok and reply.total_pages == 3


@pytest.mark.parametrize(("status", "headers", "body", "reason"), [
    (401, JSON, b'{"code":"rest_forbidden"}', "http-401"),
    (403, JSON, b"{}", "http-403"),
    (404, {"Content-Type": "text/html"}, b"<html>Not found</html>", "http-404"),
    (200, {"Content-Type": "text/html; charset=utf-8"}, b"<!DOCTYPE html><html>home</html>", "not-json"),
    (200, JSON, b'{"code":"rest_no_route","message":"No route"}', "json-rest_no_route"),
    (200, JSON, b"[{broken", "bad-json"),
    (200, JSON, b"[" * 200_000 + b"]" * 200_000, "bad-json"),  # nested past the parser's recursion limit
    (200, JSON, b'"a string"', "not-a-list"),
])
def test_closed_or_unusable_api_says_why(status: int, headers: dict[str, str], body: bytes, reason: str) -> None:
    reply = wpapi.parse_reply(status, headers, body)
    assert not reply.ok and reply.reason == reason


def test_post_hints_carry_exact_utc_dates_and_embedded_names() -> None:
    embedded = post(_embedded={"author": [{"id": 2, "name": "Awa Diallo"}],
                               "wp:term": [[{"id": 3, "name": "&Eacute;conomie", "taxonomy": "category"}],
                                           [{"id": 7, "name": "Coton", "taxonomy": "post_tag"},
                                            {"id": 8, "name": "Bamako", "taxonomy": "post_tag"}]]})
    names = wpapi.names_from_embed(embedded)
    hints = wpapi.post_hints(embedded, names)
    assert hints == {"url": "https://x.ml/2025/06/20/a/", "via": "wp-api", "title": "L’été chaud",
                     "published": "2025-06-20T08:30:00+00:00", "wp_date": "2025-06-20T08:30:00+00:00",
                     "lastmod": "2025-06-21T10:00:00+00:00", "wp_modified": "2025-06-21T10:00:00+00:00",
                     "wp_author": "Awa Diallo", "wp_categories": ["Économie"], "wp_tags": ["Coton", "Bamako"], "wp_id": 9}


def test_missing_names_are_looked_up_once_per_id() -> None:
    posts = [post(), post(id=10, categories=[3, 5], tags=[], author=4)]
    names = {("tags", 7): "Coton"}
    missing = wpapi.missing_names(posts, names, tried=[("users", 4)])
    assert missing == {"categories": [3, 5], "tags": [8], "users": [2]}
    url = wpapi.lookup_url("https://x.ml/", "categories", [5, 3, 5])
    assert url == "https://x.ml/wp-json/wp/v2/categories?include=3%2C5&per_page=100"
    looked = wpapi.names_from_lookup("categories", [{"id": 3, "name": "Soci&eacute;t&eacute;"}, {"name": "no id"}])
    assert looked == {("categories", 3): "Société"}


def test_post_without_link_or_dates() -> None:
    assert wpapi.post_hints({"id": 1, "link": "/relative"}, {}) is None
    hints = wpapi.post_hints({"id": 1, "link": "https://x.ml/p/", "date_gmt": None}, {})
    assert hints == {"url": "https://x.ml/p/", "via": "wp-api", "wp_id": 1}
    assert wpapi.slim_post(post(content={"rendered": "<p>long</p>"}))["title"] == "L’été chaud"


def test_api_values_win_over_the_page_only_where_they_are_exact() -> None:
    result = {"is_article": True, "article": {"published": "2025-06-20T09:15:00+00:00", "date_source": "json-ld",
                                              "modified": None, "tags": ["x"], "section": None, "author": "Issa Traoré"}}
    hints = {"wp_date": "2025-06-20T08:30:00+00:00", "wp_modified": "2025-06-21T10:00:00+00:00",
             "wp_tags": ["Coton"], "wp_categories": ["Économie"], "wp_author": "admin"}
    article = wpapi.apply_hints(result, hints)["article"]
    assert (article["published"], article["date_source"], article["modified"]) == (
        "2025-06-20T08:30:00+00:00", "wp-api", "2025-06-21T10:00:00+00:00")
    assert article["tags"] == ["Coton"] and article["section"] == "Économie" and article["author"] == "Issa Traoré"
    untouched = {"is_article": False, "article": None}
    assert wpapi.apply_hints(untouched, hints) == untouched


@pytest.mark.parametrize("header", ["999999", "1" + "0" * 400, "-5", "douze"])
def test_total_pages_header_is_bounded(header: str) -> None:
    """A hostile X-WP-TotalPages cannot make a backfill schedule a million API pages."""
    reply = wpapi.parse_reply(200, {**JSON, "X-WP-TotalPages": header}, json.dumps([post()]).encode())
    assert reply.ok and 1 <= reply.total_pages <= wpapi.MAX_TOTAL_PAGES
