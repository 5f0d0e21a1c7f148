"""The loopback test web itself: files, routes, gzip, encodings, generations, request log, sites file."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO, TESTWEB_SITES, cli_env, fetch, hard_site_names, load_expected
from crawler.sampleweb import SAMPLE_SITES
from crawler.sampleweb.routes import RoutesError
from crawler.sampleweb.server import TestWeb

pytestmark = pytest.mark.timeout(60)

MINI_ROUTES = """
[routes]
"/list" = { file = "list-1.html" }
"/list?page=2" = { file = "list-2.html" }
"/old.html" = { status = 301, location = "{BASE}/article.html" }
"/latin.html" = { encoding = "cp1252", headers = { "Content-Type" = "text/html" } }
"/bare.html" = { file = "article.html", headers = { "Content-Type" = "" } }
"/sitemap.xml.gz" = { gzip_file = "sitemap.xml" }
"/news.xml.gz" = { gzip_file = "sitemap.xml", content_encoding = true }
"/boom" = { status = 500, body = "<h1>Internal Server Error</h1>" }
"/cut.html" = { file = "article.html", body_bytes = 20 }
"/slow.html" = { file = "article.html", delay = 0.5 }
"/gone.html" = { status = 410 }
"/echo" = { file = "missing.html", echo_path = true }
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A two-site web on disk: `mini` (every feature) and `other` (a bare site)."""
    site = tmp_path / "mini"
    _write(site / "files" / "index.html", '<html><a href="{BASE}/article.html">a</a></html>')
    _write(site / "files" / "article.html", "<html><title>Été à Kayes</title><p>café</p></html>")
    _write(site / "files" / "latin.html", "<p>Août à Kayes, l’été – déjà</p>")
    _write(site / "files" / "list-1.html", "page one")
    _write(site / "files" / "missing.html", "<p>Rien à {PATH}</p>")
    _write(site / "files" / "list-2.html", "page two")
    _write(site / "files" / "sitemap.xml", "<urlset><url><loc>{BASE}/article.html</loc></url></urlset>")
    _write(site / "files" / "feed.rss", "<rss><link>{BASE}/</link></rss>")
    _write(site / "files" / "data.json", '{"home": "{BASE}/"}')
    _write(site / "files" / "section" / "index.html", "section index")
    _write(site / "routes.toml", MINI_ROUTES)
    _write(site / "site.toml", 'language = "fr"\nfeeds = ["{BASE}/feed.rss"]\nurl = "ignored"\n')
    _write(site / "v2" / "files" / "article.html", "<html><p>café, version 2</p></html>")
    _write(site / "v2" / "files" / "new.html", "brand new")
    _write(site / "v2" / "routes.toml", '[routes."/list?page=2"]\nfile = "list-1.html"\n')
    _write(tmp_path / "other" / "files" / "index.html", "other home")
    _write(tmp_path / "not-a-site" / "README", "ignored: no files/ folder")
    return tmp_path


def test_each_site_gets_its_own_loopback_address(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    assert sorted(web.base_urls) == ["mini", "other"]
    hosts = {urlsplit(u).netloc for u in web.base_urls.values()}
    assert len(hosts) == 2
    for base in web.base_urls.values():
        assert urlsplit(base).hostname.startswith("127.0.0.")
        assert not base.endswith("/")
    assert fetch(web.url("other", "/")).body == b"other home"
    assert list(make_web(mini, ["other"]).base_urls) == ["other"]
    with pytest.raises(ValueError, match="nope"):
        TestWeb(mini, ["nope"])


def test_base_substitution_directories_and_content_types(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    base = web.base_urls["mini"]
    assert fetch(web.url("mini", "/")).body.decode() == f'<html><a href="{base}/article.html">a</a></html>'
    for path in ("/sitemap.xml", "/feed.rss", "/data.json"):
        body = fetch(web.url("mini", path)).body.decode()
        assert "{BASE}" not in body and base in body, path
    assert fetch(web.url("mini", "/section/")).body == b"section index"
    assert fetch(web.url("mini", "/section")).body == b"section index"
    assert fetch(web.url("mini", "/article.html")).header("Content-Type") == "text/html; charset=utf-8"
    assert fetch(web.url("mini", "/sitemap.xml")).header("Content-Type") == "application/xml; charset=utf-8"
    assert fetch(web.url("mini", "/feed.rss")).header("Content-Type") == "application/rss+xml; charset=utf-8"


def test_missing_path_is_404_and_files_outside_the_site_are_never_served(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    assert fetch(web.url("mini", "/nope.html")).status == 404
    assert fetch(web.url("mini", "/../mini/routes.toml")).status == 404
    assert fetch(web.url("mini", "/%2e%2e/routes.toml")).status == 404


def test_query_routes_match_exactly_then_by_path(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    assert fetch(web.url("mini", "/list")).body == b"page one"
    assert fetch(web.url("mini", "/list?page=2")).body == b"page two"
    assert fetch(web.url("mini", "/list?page=9")).body == b"page one"  # unknown page: the bare path's rule
    # a query on a plain file is ignored, like most CMSs do with utm_* parameters
    assert b"caf" in fetch(web.url("mini", "/article.html?utm_source=x&utm_medium=y")).body
    r = fetch(web.url("mini", "/old.html"))
    assert r.status == 301
    assert r.header("Location") == web.url("mini", "/article.html")


def test_encoding_and_header_overrides(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    r = fetch(web.url("mini", "/latin.html"))
    assert r.header("Content-Type") == "text/html"  # no charset: the client must sniff
    assert r.body == "<p>Août à Kayes, l’été – déjà</p>".encode("cp1252")
    assert b"\x92" in r.body and b"\xe9" in r.body
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    assert fetch(web.url("mini", "/bare.html")).header("Content-Type") is None  # "" removes a header


def test_gzip_file_and_gzip_transport(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    base = web.base_urls["mini"]
    as_file = fetch(web.url("mini", "/sitemap.xml.gz"))
    assert as_file.header("Content-Type") == "application/x-gzip"
    assert as_file.header("Content-Encoding") is None
    assert gzip.decompress(as_file.body).decode() == f"<urlset><url><loc>{base}/article.html</loc></url></urlset>"
    in_transit = fetch(web.url("mini", "/news.xml.gz"))
    assert in_transit.header("Content-Encoding") == "gzip"
    assert in_transit.header("Content-Type").startswith("application/xml")
    assert gzip.decompress(in_transit.body) == gzip.decompress(as_file.body)
    automatic = fetch(web.url("mini", "/feed.rss.gz"))  # no file, no route: gzip of feed.rss
    assert automatic.status == 200 and gzip.decompress(automatic.body).decode() == f"<rss><link>{base}/</link></rss>"


def test_status_body_truncation_and_delay(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    boom = fetch(web.url("mini", "/boom"))
    assert boom.status == 500 and b"Internal Server Error" in boom.body
    assert boom.header("Content-Type") == "text/html; charset=utf-8"  # a `body` is HTML (it was octet-stream)
    cut = fetch(web.url("mini", "/cut.html"))
    assert cut.status == 200 and len(cut.body) == 20 and cut.header("Content-Length") == "20"
    assert fetch(web.url("mini", "/gone.html")).status == 410
    head = fetch(web.url("mini", "/article.html"), method="HEAD")
    assert head.status == 200 and head.body == b"" and int(head.header("Content-Length") or 0) > 0
    start = time.monotonic()
    assert fetch(web.url("mini", "/slow.html")).status == 200
    assert time.monotonic() - start >= 0.45


def test_echo_path_prints_the_address_asked_for(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    assert fetch(web.url("mini", "/echo?q=<b>&x=1")).body == "<p>Rien à /echo?q=&lt;b&gt;&amp;x=1</p>".encode()
    assert fetch(web.url("mini", "/missing.html")).body == "<p>Rien à {PATH}</p>".encode()  # only where the rule says


def test_generations_overlay_files_and_routes(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    assert "version 2" not in fetch(web.url("mini", "/article.html")).body.decode()
    assert fetch(web.url("mini", "/new.html")).status == 404
    web.set_generation(2)
    assert "version 2" in fetch(web.url("mini", "/article.html")).body.decode()
    assert fetch(web.url("mini", "/new.html")).body == b"brand new"
    assert fetch(web.url("mini", "/list?page=2")).body == b"page one"  # v2 route replaced v1's
    assert fetch(web.url("mini", "/list")).body == b"page one"  # v1 routes still apply
    assert b"Ao" in fetch(web.url("mini", "/latin.html")).body  # untouched files come from v1
    web.set_generation(1)
    assert fetch(web.url("mini", "/new.html")).status == 404
    with pytest.raises(ValueError):
        web.set_generation(0)


def test_request_log_records_and_clears(make_web: Callable[..., TestWeb], mini: Path) -> None:
    web = make_web(mini)
    fetch(web.url("mini", "/list?page=2"), headers={"User-Agent": "malinews-test/1"})
    fetch(web.url("other", "/missing"), method="HEAD")
    log = web.requests
    assert [(r.site, r.method, r.path, r.status) for r in log] == [
        ("mini", "GET", "/list?page=2", 200), ("other", "HEAD", "/missing", 404)]
    assert log[0].user_agent == "malinews-test/1"
    assert log[0].time <= log[1].time
    assert web.requested_paths("mini") == ["/list?page=2"]
    web.clear_log()
    assert web.requests == []


def test_sites_toml_has_url_plus_site_toml_keys(make_web: Callable[..., TestWeb], mini: Path, tmp_path: Path) -> None:
    web = make_web(mini)
    out = web.write_sites_toml(tmp_path / "sites.toml")
    data = tomllib.loads(out.read_text(encoding="utf-8"))["sites"]
    base = web.base_urls["mini"]
    assert data["other"] == {"url": web.base_urls["other"] + "/"}
    assert data["mini"] == {"url": base + "/", "language": "fr", "feeds": [base + "/feed.rss"]}
    only = tomllib.loads(web.write_sites_toml(tmp_path / "one.toml", ["other"]).read_text())["sites"]
    assert list(only) == ["other"]
    from crawler.sites import load_sites  # the product's loader accepts what we write

    web = make_web(TESTWEB_SITES)
    sites = load_sites(web.write_sites_toml(tmp_path / "hard.toml"))
    assert sorted(sites) == hard_site_names()
    assert {s.url for s in sites.values()} == {b + "/" for b in web.base_urls.values()}


def test_broken_routes_file_fails_at_start(tmp_path: Path) -> None:
    _write(tmp_path / "bad" / "files" / "index.html", "x")
    _write(tmp_path / "bad" / "routes.toml", '[routes."/x"]\nstatuss = 200\n')
    with pytest.raises(RoutesError, match="statuss"):
        TestWeb(tmp_path).start()


def test_cli_serves_a_directory(mini: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "crawler.sampleweb", "serve", str(mini)], cwd=REPO, env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        lines = [proc.stdout.readline().split() for _ in range(2)]  # type: ignore[union-attr]
        urls = dict((name, url) for name, url in lines)
        assert sorted(urls) == ["mini", "other"]
        assert fetch(urls["other"]).body == b"other home"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- the hard test web and the demo web as data ------------------------------------------------

@pytest.mark.parametrize("site", hard_site_names())
def test_hard_site_expected_pages_answer(make_web: Callable[..., TestWeb], site: str) -> None:
    web = make_web(TESTWEB_SITES, [site])
    exp = load_expected(web, site)
    assert exp["articles"], "every test site has articles"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for art in exp["articles"]:
        assert set(art) >= {"url", "title", "author", "published", "text_contains", "text_excludes"}
        with opener.open(art["url"], timeout=10) as resp:
            assert resp.status == 200 and resp.url == art["url"], art["url"]
            assert art["text_contains"][0].split()[0].encode("cp1252" if site == "legacy" else "utf-8") in resp.read()
        for alias in art.get("aliases", []):
            with opener.open(alias, timeout=10) as resp:
                assert resp.status == 200, alias
    for url in exp["v2"]["new"]:
        assert fetch(url).status == 404, f"{url} must only exist in generation 2"
    web.set_generation(2)
    for url in exp["v2"]["new"] + exp["v2"]["changed"]:
        with opener.open(url, timeout=10) as resp:
            assert resp.status == 200
    for url, sentence in exp["v2"]["changed_text_contains"].items():
        with opener.open(url, timeout=10) as resp:
            assert sentence in resp.read().decode()


def test_hard_web_traps_are_served_as_documented(make_web: Callable[..., TestWeb]) -> None:
    urls = make_web(TESTWEB_SITES).base_urls
    wp, agg, legacy, atom = (urls[s] for s in ("wpdaily", "aggregator", "legacy", "atomsite"))
    assert f"Sitemap: {wp}/sitemap_index.xml" in fetch(wp + "/robots.txt").body.decode()
    news = fetch(wp + "/news-sitemap.xml.gz")
    assert news.header("Content-Encoding") == "gzip" and b"news:publication_date" in gzip.decompress(news.body)
    posts = fetch(wp + "/post-sitemap.xml.gz")
    assert posts.header("Content-Type") == "application/x-gzip" and f"{wp}/2025/".encode() in gzip.decompress(posts.body)
    for probe in ("/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml", "/feed/", "/robots.txt"):
        assert fetch(agg + probe).status == 404, probe
    soft = fetch(agg + "/dossiers/elections-2024.html")
    assert soft.status == 200 and "Page introuvable" in soft.body.decode()
    assert b"A3" not in fetch(agg + "/actualites?page=3").body and fetch(agg + "/actualites?page=3").status == 200
    assert fetch(agg + "/rss/latest-posts").header("Content-Type").startswith("application/rss+xml")
    assert "Disallow: /prive/" in fetch(legacy + "/robots.txt").body.decode()
    assert fetch(legacy + "/archives/").status == 500
    l1 = fetch(legacy + "/articles/2025-06-17-maraichers-du-khasso.html")
    assert l1.header("Content-Type") == "text/html" and "d’eau avant août".encode("cp1252") in l1.body
    l2 = fetch(legacy + "/articles/2025-06-10-eleveurs-de-diema.html")
    assert l2.header("Content-Type") == "text/html; charset=utf-8" and "Diéma".encode("cp1252") in l2.body
    assert fetch(legacy + "/articles/2025-06-12-pont-de-bafoulabe.html").body.rstrip().endswith(b"maraichers-du")
    assert fetch(atom + "/").header("Location") == atom + "/fr"
    hop1 = fetch(atom + "/?p=5518")
    assert hop1.status == 302
    hop2 = fetch(hop1.header("Location") or "")
    assert hop2.status == 301 and (hop2.header("Location") or "").startswith(atom + "/fr/5518-")


def test_demo_web_has_two_sites_and_the_goita_article(make_web: Callable[..., TestWeb]) -> None:
    web = make_web(SAMPLE_SITES)
    assert len(web.base_urls) == 2
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    bodies = []
    for site in web.base_urls:
        with opener.open(web.url(site, "/"), timeout=10) as home:  # follows the radio's / -> /fr redirect
            assert home.status == 200
            bodies.append(home.read().decode())
    assert any("Goïta" in b for b in bodies)
    assert "{BASE}" not in json.dumps(bodies)


def test_a_reply_with_validators_answers_conditional_requests_with_304() -> None:
    from crawler.sampleweb.routes import Reply
    from crawler.sampleweb.server import not_modified

    reply = Reply(200, {"ETag": '"v1"', "Last-Modified": "Mon, 02 Jun 2025 08:00:00 GMT"}, b"<rss/>")
    assert not_modified(reply, '"v0", "v1"', None)
    assert not not_modified(reply, '"v2"', "Mon, 02 Jun 2025 08:00:00 GMT")  # the ETag decides when both are sent
    assert not_modified(reply, None, "Mon, 02 Jun 2025 08:00:00 GMT")
    assert not not_modified(reply, None, None)
    assert not not_modified(Reply(404, {"ETag": '"v1"'}, b""), '"v1"', None)
    assert not not_modified(Reply(200, {}, b"x"), '"v1"', "Mon, 02 Jun 2025 08:00:00 GMT")
