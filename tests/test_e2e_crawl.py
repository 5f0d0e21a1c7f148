"""End to end: `python -m archive crawl` over the loopback test web, then the archive checked row by row.

One crawl per session (generation 1; `crawl1` in conftest.py, shared with test_syndication_web.py), then one
incremental re-crawl (generation 2). Every expectation comes from tests/testweb/sites/<site>/expected.json; each failure names the site, the URL and the field.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import CrawlRun, hard_site_names, load_expected, raw_expected, run_cli, strip_tracking
from crawler.sampleweb.server import TestWeb

pytestmark = pytest.mark.timeout(240)

SITES = hard_site_names()
RAW = {site: raw_expected(site) for site in SITES}
_norm = strip_tracking


def _query(run: CrawlRun, sql: str, args: list[Any]) -> list[sqlite3.Row]:
    if not run.db.exists():
        pytest.fail(f"the crawl left no archive at {run.db}; {run.explain()}")
    con = sqlite3.connect(f"file:{run.db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _rows(run: CrawlRun, site: str | None = None) -> dict[str, dict[str, Any]]:
    sql, args = ("SELECT * FROM articles WHERE site = ?", [site]) if site else ("SELECT * FROM articles", [])
    return {r["url"]: dict(r) for r in _query(run, sql, args)}


def _row(run: CrawlRun, site: str, url: str) -> dict[str, Any]:
    rows = _rows(run, site)
    if url not in rows:
        pytest.fail(f"{site}: no article row for {url}\n  rows of this site: {sorted(rows) or 'none'}\n  {run.explain()}")
    return rows[url]


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def _article_params(kind: str = "articles") -> list[Any]:
    """(site, index) params over expected articles (`kind` "v2": the articles new in generation 2)."""
    arts = {s: RAW[s]["articles"] if kind == "articles" else RAW[s]["v2"].get("articles", []) for s in SITES}
    return [pytest.param(s, i, id=f"{s}-{a.get('key', i)}") for s in SITES for i, a in enumerate(arts[s])]


# -- run 1 --------------------------------------------------------------------------------------

def test_crawl_succeeds(crawl1: CrawlRun) -> None:
    assert crawl1.returncode == 0, crawl1.explain()


@pytest.mark.parametrize("site", SITES)
def test_article_url_set(crawl1: CrawlRun, testweb: TestWeb, site: str) -> None:
    exp = {a["url"] for a in load_expected(testweb, site)["articles"]}
    got = set(_rows(crawl1, site))
    assert got == exp, (f"{site}: archived URLs differ from expected.json (rows must carry canonical URLs)\n"
                        f"  missing: {sorted(exp - got)}\n  unexpected: {sorted(got - exp)}")


@pytest.mark.parametrize("field_name", ["title", "author", "published"])
@pytest.mark.parametrize(("site", "index"), _article_params())
def test_article_field(crawl1: CrawlRun, testweb: TestWeb, site: str, index: int, field_name: str) -> None:
    art = load_expected(testweb, site)["articles"][index]
    _check_field(_row(crawl1, site, art["url"]), art, site, field_name)


def _check_field(row: dict[str, Any], art: dict[str, Any], site: str, field_name: str) -> None:
    want, got = art[field_name], row[field_name]
    where = f"{site} {art['url']} {field_name}"
    if field_name == "published":
        assert got, f"{where}: no publication date (expected {want})"
        assert str(got)[:10] == want[:10], f"{where}: got {got!r}, expected the day {want[:10]} (Africa/Bamako = UTC)"
    elif field_name == "author":
        assert (got or None) == want, f"{where}: got {got!r}, expected {want!r}"
    else:
        assert got == want, f"{where}: got {got!r}, expected {want!r}"


@pytest.mark.parametrize(("site", "index"), _article_params())
def test_article_text_contains(crawl1: CrawlRun, testweb: TestWeb, site: str, index: int) -> None:
    art = load_expected(testweb, site)["articles"][index]
    text = _row(crawl1, site, art["url"])["text"] or ""
    missing = [s for s in art["text_contains"] if s not in text]
    assert not missing, f"{site} {art['url']}: body text lacks {missing}\n--- text ---\n{text[:1500]}"


@pytest.mark.parametrize(("site", "index"), _article_params())
def test_article_text_excludes(crawl1: CrawlRun, testweb: TestWeb, site: str, index: int) -> None:
    art = load_expected(testweb, site)["articles"][index]
    text = _row(crawl1, site, art["url"])["text"] or ""
    leaked = [s for s in art["text_excludes"] if s in text]
    assert not leaked, f"{site} {art['url']}: boilerplate/comments leaked into the text: {leaked}\n--- text ---\n{text[:1500]}"


@pytest.mark.parametrize(("site", "index"), _article_params())
def test_article_basics(crawl1: CrawlRun, testweb: TestWeb, site: str, index: int) -> None:
    art = load_expected(testweb, site)["articles"][index]
    row = _row(crawl1, site, art["url"])
    minimum = art.get("min_words", 200)  # brèves and bulletins say so in expected.json
    assert row["word_count"] and row["word_count"] >= minimum, f"{art['url']}: word_count {row['word_count']} < {minimum}"
    assert re.fullmatch(r"[0-9a-f]{64}", row["content_hash"] or ""), f"{art['url']}: content_hash {row['content_hash']!r}"
    assert "\ufffd" not in row["text"] and "\ufffd" not in row["title"], f"{art['url']}: undecodable bytes (charset)"
    assert row["first_seen"] and row["last_seen"]


@pytest.mark.parametrize("site", SITES)
def test_not_articles_are_never_archived(crawl1: CrawlRun, testweb: TestWeb, site: str) -> None:
    exp = load_expected(testweb, site)
    rows = _rows(crawl1)
    wrong = [u for u in exp["not_articles"] if u in rows]
    assert not wrong, f"{site}: non-article pages archived as articles: {wrong}"


@pytest.mark.parametrize("site", SITES)
def test_disallowed_paths_are_never_requested(crawl1: CrawlRun, testweb: TestWeb, site: str) -> None:
    prefixes = load_expected(testweb, site)["disallowed"]
    hits = [r.path for r in crawl1.requests if r.site == site and any(r.path.startswith(p) for p in prefixes)]
    assert not hits, f"{site}: robots.txt disallows {prefixes} but the crawler requested {hits}"


def test_comment_feeds_are_never_requested(crawl1: CrawlRun) -> None:
    """wpdaily heads every page with its comments feed and every post with its own, as WordPress does:
    they list comments, never articles (one wasted request per article)."""
    wp = [r.path for r in crawl1.requests if r.site == "wpdaily"]
    assert "/feed/" in wp, "the site's own feed, advertised on every page, is still read"
    comments = [p for p in wp if p.endswith("/comments/feed/") or re.fullmatch(r"/2025/\d\d/\d\d/[^/]+/feed/", p)]
    assert not comments, f"comment feeds requested: {comments}"


def test_pending_requests_wait_on_disk_and_the_queue_is_removed(crawl1: CrawlRun) -> None:
    """Every request went through Scrapy's disk queue (none unserializable); nothing is left behind."""
    conn = sqlite3.connect(crawl1.db)
    stats = json.loads(conn.execute("SELECT stats FROM crawl_runs ORDER BY id LIMIT 1").fetchone()[0])["scrapy"]
    conn.close()
    assert stats.get("scheduler/enqueued/disk", 0) == stats["scheduler/enqueued"] > 100
    assert "scheduler/unserializable" not in stats
    assert not list(crawl1.db.parent.glob("malinews.db.jobs/run-*"))


def test_crawler_identifies_itself(crawl1: CrawlRun) -> None:
    agents = {r.user_agent for r in crawl1.requests}
    assert agents and all("malinews" in a.lower() for a in agents), f"user agents seen: {agents}"


def test_fts_finds_goita_without_accent(crawl1: CrawlRun, testweb: TestWeb) -> None:
    want = load_expected(testweb, "customcms")["search"]["Goita"]
    got = [u for (u,) in _query(crawl1, "SELECT a.url FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                                       "WHERE articles_fts MATCH ?", ["Goita"])]
    assert want in got, f"FTS 'Goita' should find {want}; found {got}"


def test_cli_search_json_finds_goita(crawl1: CrawlRun, testweb: TestWeb) -> None:
    want = load_expected(testweb, "customcms")["search"]["Goita"]
    proc = run_cli("search", "Goita", "--db", str(crawl1.db), "--json", timeout=60)
    assert proc.returncode == 0, proc.stderr
    hits = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert want in [h.get("url") for h in hits], f"`search Goita --json` printed {proc.stdout!r}"


# -- run 2: incremental --------------------------------------------------------------------------

def test_recrawl_succeeds(crawl2: CrawlRun) -> None:
    assert crawl2.returncode == 0, crawl2.explain()


@pytest.mark.parametrize("site", SITES)
def test_recrawl_skips_unchanged_articles(crawl2: CrawlRun, testweb: TestWeb, site: str) -> None:
    exp = load_expected(testweb, site)
    changed = set(exp["v2"]["changed"])
    unchanged: dict[str, str] = {}
    for art in exp["articles"]:
        if art["url"] not in changed:
            for url in [art["url"], *art.get("aliases", [])]:
                unchanged[_norm(_path(url))] = art["url"]
    fetched = sorted({f"{r.status} {r.path} (= {unchanged[_norm(r.path)]})" for r in crawl2.requests
                      if r.site == site and _norm(r.path) in unchanged})
    assert not fetched, (f"{site}: the re-crawl requested unchanged articles again, or URLs that led to them in run 1 "
                         f"(redirect sources, AMP, tracking variants: record them as aliases): {fetched}")


@pytest.mark.parametrize("site", SITES)
def test_recrawl_url_set(crawl2: CrawlRun, testweb: TestWeb, site: str) -> None:
    exp = load_expected(testweb, site)
    want = {a["url"] for a in exp["articles"]} | set(exp["v2"]["new"])
    got = set(_rows(crawl2, site))
    assert got == want, f"{site}: after the re-crawl\n  missing: {sorted(want - got)}\n  unexpected: {sorted(got - want)}"


@pytest.mark.parametrize("field_name", ["title", "author", "published"])
@pytest.mark.parametrize(("site", "index"), _article_params("v2"))
def test_recrawl_new_article_fields(crawl2: CrawlRun, testweb: TestWeb, site: str, index: int, field_name: str) -> None:
    art = load_expected(testweb, site)["v2"]["articles"][index]
    _check_field(_row(crawl2, site, art["url"]), art, site, field_name)


@pytest.mark.parametrize(("site", "index"), _article_params("v2"))
def test_recrawl_new_article_text(crawl2: CrawlRun, testweb: TestWeb, site: str, index: int) -> None:
    art = load_expected(testweb, site)["v2"]["articles"][index]
    text = _row(crawl2, site, art["url"])["text"] or ""
    assert all(s in text for s in art["text_contains"]), f"{art['url']}: missing {art['text_contains']}"
    assert not [s for s in art["text_excludes"] if s in text], f"{art['url']}: boilerplate leaked"


CHANGED = [pytest.param(site, url, id=f"{site}-{urlsplit(url).path.strip('/').split('/')[-1][:30]}")
           for site in SITES for url in RAW[site]["v2"]["changed_text_contains"]]


@pytest.mark.parametrize(("site", "raw_url"), CHANGED)
def test_recrawl_updates_changed_article(crawl1: CrawlRun, crawl2: CrawlRun, testweb: TestWeb, site: str, raw_url: str) -> None:
    url = raw_url.replace("{BASE}", testweb.base_urls[site])
    sentence = load_expected(testweb, site)["v2"]["changed_text_contains"][url]
    before, after = _row(crawl1, site, url), _row(crawl2, site, url)
    assert sentence not in before["text"], "generation 1 must not contain the v2 sentence"
    assert sentence in after["text"], (f"{url}: the re-crawl did not store the changed text (its sitemap lastmod moved "
                                       f"forward); requests for it in run 2: {crawl2.requested(site, _path(url))}")
    assert after["content_hash"] != before["content_hash"]
    assert after["id"] == before["id"], "a changed article keeps its row (url is unique)"
    versions = _query(crawl2, "SELECT text FROM article_versions WHERE article_id = ?", [after["id"]])
    assert len(versions) == 1, f"{url}: expected one archived previous version, found {len(versions)}"
    assert sentence not in versions[0][0], "the archived version is the old text"


def test_recrawl_keeps_unchanged_articles_unversioned(crawl2: CrawlRun, testweb: TestWeb) -> None:
    changed = {u for s in SITES for u in load_expected(testweb, s)["v2"]["changed"]}
    rows = [(url, row["id"]) for url, row in _rows(crawl2).items() if url not in changed]
    ids = {i for (i,) in _query(crawl2, "SELECT DISTINCT article_id FROM article_versions", [])}
    wrong = [url for url, i in rows if i in ids]
    assert not wrong, f"unchanged articles got a version row: {wrong}"


def test_whole_e2e_is_fast(crawl1: CrawlRun, crawl2: CrawlRun) -> None:
    assert crawl1.seconds + crawl2.seconds < 110, f"crawls took {crawl1.seconds:.0f}s + {crawl2.seconds:.0f}s"
