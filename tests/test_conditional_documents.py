"""Sitemaps and feeds served with an ETag or a Last-Modified are kept, and the next crawl asks for
them conditionally: on 304 Not Modified it reads the kept copy, exactly as a fresh download, so an
entry it could not fetch before is still requested."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from archive import documents
from archive.store import Archive
from conftest import run_cli
from crawler.sampleweb.server import TestWeb
from tests.test_gone_urls import page, put, sitemap

ARTICLES = {"W1": "/2025/06/10/article-w1/", "W2": "/2025/06/11/article-w2/", "W3": "/2025/06/12/article-w3/",
            "W4": "/2025/06/13/article-w4/"}
DOCS = ("/sitemap_index.xml", "/post-sitemap.xml", "/feed/")


def rss(paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{{BASE}}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Sahel</title>{items}</channel></rss>'


def routes(post_etag: str, w3_status: int) -> str:
    return (f'[routes."/sitemap_index.xml"]\nheaders = {{ "ETag" = "\\"i1\\"" }}\n\n'
            f'[routes."/post-sitemap.xml"]\nheaders = {{ "ETag" = "\\"{post_etag}\\"", '
            f'"Last-Modified" = "Mon, 02 Jun 2025 08:00:00 GMT" }}\n\n'
            '[routes."/feed/"]\nheaders = { "Last-Modified" = "Tue, 03 Jun 2025 08:00:00 GMT" }\n\n'
            f'[routes."{ARTICLES["W3"]}"]\nstatus = {w3_status}\n')


@pytest.fixture()
def web_root(tmp_path: Path) -> Path:
    """Generation 1: W3 answers 503. Generation 2: W3 answers, no document changed. Generation 3:
    the post sitemap lists W4 too, under a new ETag."""
    root = tmp_path / "web"
    for key, path in ARTICLES.items():
        put(root, path, page(key))
    put(root, "/", "<html><body><h1>Le Sahel</h1></body></html>")
    put(root, "/sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
        'schemas/sitemap/0.9"><sitemap><loc>{BASE}/post-sitemap.xml</loc></sitemap></sitemapindex>')
    put(root, "/post-sitemap.xml", sitemap({ARTICLES[k]: "2025-06-12" for k in ("W1", "W2", "W3")}))
    put(root, "/feed/", rss([ARTICLES["W1"]]))
    (root / "sahel" / "routes.toml").write_text(routes("p1", 503), encoding="utf-8")
    (root / "sahel" / "v2").mkdir()
    (root / "sahel" / "v2" / "routes.toml").write_text(routes("p1", 200), encoding="utf-8")
    v3 = root / "sahel" / "v3"
    (v3 / "files").mkdir(parents=True)
    (v3 / "files" / "post-sitemap.xml").write_text(sitemap({ARTICLES[k]: "2025-06-13" for k in ARTICLES}), encoding="utf-8")
    (v3 / "routes.toml").write_text(routes("p2", 200), encoding="utf-8")
    return root


def crawl(web: TestWeb, tmp_path: Path, *settings: str) -> tuple[dict[str, list[int]], dict[str, int]]:
    """One crawl: ({path: statuses answered}, the run's malinews stats)."""
    web.clear_log()
    web.write_sites_toml(tmp_path / "sites.toml")
    extra = [x for s in settings for x in ("-s", s)]
    proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False",
                   "-s", "RETRY_TIMES=0", *extra)
    assert proc.returncode == 0, proc.stderr
    answered: dict[str, list[int]] = {}
    for r in web.requests:
        answered.setdefault(r.path, []).append(r.status)
    db = sqlite3.connect(tmp_path / "a.db")
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])["malinews"]
    return answered, stats


def archived(tmp_path: Path) -> set[str]:
    db = sqlite3.connect(tmp_path / "a.db")
    return {"/" + u.split("/", 3)[3] for (u,) in db.execute("SELECT url FROM articles")}


@pytest.mark.timeout(240)
def test_unchanged_documents_are_read_from_their_kept_copies(web_root: Path, tmp_path: Path) -> None:
    with TestWeb(web_root) as web:
        first, stats = crawl(web, tmp_path)
        assert all(first[d] == [200] for d in DOCS)
        assert stats["malinews/discovery/document_kept"] == 3
        assert archived(tmp_path) == {ARTICLES["W1"], ARTICLES["W2"]}  # W3 answered 503

        web.set_generation(2)
        second, stats = crawl(web, tmp_path)
        assert all(second[d] == [304] for d in DOCS), {d: second.get(d) for d in DOCS}
        assert stats["malinews/sahel/not_modified"] == 3
        # the kept sitemap is read as a download would be: W3, which failed, is asked for again
        assert second[ARTICLES["W3"]] == [200] and ARTICLES["W1"] not in second
        assert archived(tmp_path) == {ARTICLES["W1"], ARTICLES["W2"], ARTICLES["W3"]}

        web.set_generation(3)
        third, stats = crawl(web, tmp_path)
        assert third["/post-sitemap.xml"] == [200] and third["/sitemap_index.xml"] == [304]
        assert ARTICLES["W4"] in archived(tmp_path)
        db = sqlite3.connect(tmp_path / "a.db")
        assert db.execute("SELECT etag FROM discovery_documents WHERE url LIKE '%/post-sitemap.xml'").fetchone() == ('"p2"',)

        off, _ = crawl(web, tmp_path, "MALINEWS_CONDITIONAL_GET=False")
        assert all(off[d] == [200] for d in DOCS)


def test_a_document_without_a_usable_validator_is_not_kept(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db", stories=False)
    item = {"site": "s", "url": "https://s.ml/feed/", "document": True, "etag": '"a1"', "last_modified": None,
            "fetched_at": "2026-01-01T00:00:00+00:00", "body": b"<rss/>"}
    assert [r.status for r in archive.save_batch([item])] == ["document_kept"]
    assert archive.document_validators(item["url"]).headers() == {"If-None-Match": '"a1"'}
    assert archive.kept_document(item["url"]) == b"<rss/>"
    # a header value that cannot be sent back (control characters, not ASCII, huge) is no validator
    for bad in ('"a\r\nX-Evil: 1"', '"é"', '"' + "x" * 600 + '"'):
        assert [r.status for r in archive.save_batch([{**item, "etag": bad}])] == ["document_dropped"]
        assert archive.document_validators(item["url"]) is None and archive.kept_document(item["url"]) is None
    assert documents.Validators(None, "Mon, 02 Jun 2025 08:00:00 GMT").headers() == {
        "If-Modified-Since": "Mon, 02 Jun 2025 08:00:00 GMT"}
