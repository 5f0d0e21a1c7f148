"""The HTTP `Refresh` header is followed as browsers follow it (`crawler.middlewares.AliasRedirectMiddleware`).

End to end: hostile case H40 -> H41 in `tests/test_hostile.py`.
"""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.middlewares import AliasRedirectMiddleware, PageMetaRefreshMiddleware, refresh_url
from pipelines.links import refresh_target


@pytest.mark.parametrize(("value", "expected"), [
    (b"0; url=/ailleurs/", (0.0, "/ailleurs/")),
    (b"0;URL='/ailleurs/'", (0.0, "/ailleurs/")),
    (b'  3 ; url = "/avec espace/" ', (3.0, "/avec espace/")),
    (b"5, http://autre.ml/a/", (5.0, "http://autre.ml/a/")),
    (b"1; /sans-url-egal/", (1.0, "/sans-url-egal/")),
    (b"0; urlaub.html", (0.0, "urlaub.html")),
    (b'0; URL="/q/" suite', (0.0, "/q/")),
])
def test_refresh_header_is_read(value: bytes, expected: tuple[float, str]) -> None:
    assert refresh_target(value) == expected


@pytest.mark.parametrize("value", [None, b"", b"0", b"30", b"0; url=", b"0; url = ", b"0; url", b"abc",
                                   b"0; url=" + b"a" * 5000])
def test_a_reload_or_an_unreadable_header_names_no_address(value: bytes | None) -> None:
    assert refresh_target(value) is None


@pytest.fixture
def middleware() -> AliasRedirectMiddleware:
    crawler = get_crawler(settings_dict={"METAREFRESH_MAXDELAY": 100})
    return AliasRedirectMiddleware.from_crawler(crawler)


def page(url: str, status: int = 200, refresh: str | None = None) -> Response:
    headers = {"Content-Type": "text/html; charset=utf-8"}
    if refresh is not None:
        headers["Refresh"] = refresh
    return HtmlResponse(url, status=status, headers=headers, body=b"<p>Redirection.</p>")


def test_a_refresh_header_is_a_redirect(middleware: AliasRedirectMiddleware) -> None:
    request = Request("http://site.ml/ancienne/", meta={"kind": "page", "site": "s"})
    out = middleware.process_response(request, page(request.url, refresh="0; url=/2025/01/02/nouvelle/"))
    assert isinstance(out, Request)
    assert out.url == "http://site.ml/2025/01/02/nouvelle/"
    assert out.meta["redirect_urls"] == ["http://site.ml/ancienne/"]
    assert out.meta["redirect_reasons"] == ["refresh header"]
    assert out.dont_filter  # a page's redirect reaches the spider even to a page seen already (alias)


@pytest.mark.parametrize(("status", "refresh"), [
    (200, "100; url=/trop-tard/"),         # not under METAREFRESH_MAXDELAY
    (200, "0; url=javascript:alert(1)"),   # not http(s)
    (200, "0; url=file:///etc/passwd"),
    (200, "0"),                            # a reload
    (404, "0; url=/ailleurs/"),            # only a 2xx page moves on
])
def test_refresh_headers_not_followed(middleware: AliasRedirectMiddleware, status: int, refresh: str) -> None:
    request = Request("http://site.ml/ancienne/", meta={"kind": "page"})
    response = page(request.url, status=status, refresh=refresh)
    assert middleware.process_response(request, response) is response


def test_dont_redirect_and_head_requests_keep_the_reply(middleware: AliasRedirectMiddleware) -> None:
    for request in (Request("http://site.ml/a/", meta={"dont_redirect": True}),
                    Request("http://site.ml/a/", method="HEAD")):
        response = page(request.url, refresh="0; url=/b/")
        assert middleware.process_response(request, response) is response


def test_a_refresh_loop_stops_at_the_redirect_limit() -> None:
    crawler = get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 3})
    mw = AliasRedirectMiddleware.from_crawler(crawler)
    request = Request("http://site.ml/boucle/")
    other = {"http://site.ml/boucle/": "/boucle-2/", "http://site.ml/boucle-2/": "/boucle/"}  # two pages, each to the other
    for _ in range(3):
        request = mw.process_response(request, page(request.url, refresh=f"0; url={other[request.url]}"))
        assert isinstance(request, Request)
    with pytest.raises(IgnoreRequest):
        mw.process_response(request, page(request.url, refresh=f"0; url={other[request.url]}"))


def test_a_refresh_to_the_page_itself_is_a_reload_not_a_redirect(middleware: AliasRedirectMiddleware) -> None:
    """A page refreshing to itself shows its reader the page; as a redirect it was lost to the duplicate filter."""
    request = Request("http://site.ml/2025/01/02/article/")
    for refresh in ("0; url=/2025/01/02/article/", "0; url=#haut", "5"):
        response = page(request.url, refresh=refresh)
        assert middleware.process_response(request, response) is response, refresh


def test_status_redirects_still_work(middleware: AliasRedirectMiddleware) -> None:
    request = Request("http://site.ml/a/")
    response = Response(request.url, status=301, headers={"Location": "/b/"})
    out = middleware.process_response(request, response)
    assert isinstance(out, Request) and out.url == "http://site.ml/b/"


def test_a_slow_refresh_is_a_page_not_a_redirect() -> None:
    """The project's METAREFRESH_MAXDELAY (10 s; Scrapy's 100 s redirected articles that send readers
    home after 30 s, hostile H45-H46): a 30 s refresh leaves the page to the spider."""
    from crawler import settings as project

    mw = AliasRedirectMiddleware.from_crawler(get_crawler(settings_dict={"METAREFRESH_MAXDELAY": project.METAREFRESH_MAXDELAY}))
    request = Request("http://site.ml/2025/01/02/article/", meta={"kind": "page"})
    slow = page(request.url, refresh="30; url=/")
    assert mw.process_response(request, slow) is slow
    assert isinstance(mw.process_response(request, page(request.url, refresh="3; url=/ailleurs/")), Request)


@pytest.mark.parametrize("target, expected", [
    ("/2025/06/01/autre/", "http://x.ml/2025/06/01/autre/"),
    ("https://x.ml/a/#haut", "https://x.ml/a/#haut"),
    ("javascript:void(0)", None), ("mailto:redaction@x.ml", None), ("data:text/html,x", None),
    ("ftp://x.ml/a", None), ("about:blank", None),
    ("http://[::1", None), ("http://x.ml:99999/", None), ("http://", None),  # unreadable addresses
    ("", None), ("#haut", None), ("/2025/06/01/page/", None), ("  /2025/06/01/page/#x ", None),  # the page itself
])
def test_refresh_url(target: str, expected: str | None) -> None:
    assert refresh_url("http://x.ml/2025/06/01/page/", target) == expected


@pytest.mark.parametrize("target, redirected", [
    ("/2025/06/01/autre/", True),
    ("javascript:void(0)", False), ("mailto:redaction@x.ml", False), ("http://[::1", False),  # Scrapy lost the page
    ("", False), ("#haut", False),  # a reload of the page: Scrapy's duplicate filter lost it
])
def test_a_meta_refresh_leading_nowhere_leaves_the_page(target: str, redirected: bool) -> None:
    mw = PageMetaRefreshMiddleware.from_crawler(get_crawler(settings_dict={"METAREFRESH_MAXDELAY": 10}))
    request = Request("http://x.ml/2025/06/01/page/")
    body = f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head><body><p>Texte</p></body></html>'
    response = HtmlResponse(request.url, body=body.encode(), encoding="utf-8")
    out = mw.process_response(request, response)
    if redirected:
        assert isinstance(out, Request) and out.url == "http://x.ml/2025/06/01/autre/"
    else:
        assert out is response
