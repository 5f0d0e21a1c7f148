"""Article addresses found gone (404, 410, a "page not found" answered 200) are remembered: the next
crawls leave them alone for 1, 2, 4 … 64 days, unless a sitemap dates them after the last check or
`--recheck-gone` is given; an article archived there later makes the archive forget them.

Without it every scheduled crawl fetched every dead address its sitemaps, feeds and old articles
still list, for ever.
"""
from __future__ import annotations

import html
import json
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from archive import gone
from archive.store import Archive
from conftest import REPO, run_cli
from crawler.sampleweb.server import TestWeb

sys.path.insert(0, str(REPO / "tests" / "testweb" / "generate"))
from content import A  # noqa: E402 - distinct, realistic article texts

DELETED = "/2025/06/20/article-supprime/"  # 404
WITHDRAWN = "/2025/06/21/article-retire/"  # 410
LOST = "/2025/06/22/page-perdue/"  # 200 "page introuvable"
SENT_HOME = "/2025/06/23/article-renvoye-a-l-accueil/"  # 301 to the front page
DEAD = (DELETED, WITHDRAWN, LOST, SENT_HOME)
NOT_FOUND = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page introuvable – Le Gone</title>"
             "</head><body><h1>Oups ! Cette page n'existe pas</h1><p>Elle a peut-être été déplacée.</p></body></html>")


def page(key: str) -> str:
    a = A[key]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"])
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(a["title"])}</title>'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{a["published"]}">'
            f'</head><body><article><h1>{html.escape(a["title"])}</h1>{paras}</article></body></html>')


def put(root: Path, path: str, text: str) -> None:
    target = root / "sahel" / "files" / path.strip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def sitemap(entries: dict[str, str]) -> str:
    """A sitemap of {path: lastmod}."""
    urls = "".join(f"<url><loc>{{BASE}}{p}</loc><lastmod>{m}</lastmod></url>" for p, m in entries.items())
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


@pytest.fixture()
def web_root(tmp_path: Path) -> Path:
    """An outlet whose homepage links one article and three dead article addresses; its sitemap
    lists a second article and the 404 again."""
    root = tmp_path / "web"
    put(root, "/2025/06/10/article-w1/", page("W1"))
    put(root, "/2025/06/11/article-w2/", page("W2"))
    put(root, LOST, NOT_FOUND)
    put(root, "/", "<html><body><h1>Le Gone</h1>" + "".join(
        f'<a href="{p}">lien {i}</a> ' for i, p in enumerate(["/2025/06/10/article-w1/", *DEAD])) + "</body></html>")
    put(root, "/sitemap.xml", sitemap({"/2025/06/11/article-w2/": "2025-06-11", DELETED: "2025-06-20"}))
    (root / "sahel" / "routes.toml").write_text(f'[routes."{WITHDRAWN}"]\nstatus = 410\nfile = "index.html"\n\n'
                                               f'[routes."{SENT_HOME}"]\nstatus = 301\nlocation = "{{BASE}}/"\n',
                                               encoding="utf-8")
    return root


def crawl(web: TestWeb, tmp_path: Path, *options: str) -> tuple[list[str], dict[str, int]]:
    """One crawl into tmp_path/a.db: (paths requested, its run's malinews stats)."""
    web.clear_log()
    web.write_sites_toml(tmp_path / "sites.toml")
    proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False", *options)
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(tmp_path / "a.db")
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])["malinews"]
    return [r.path for r in web.requests], stats


def gone_rows(tmp_path: Path) -> dict[str, tuple[str, int]]:
    """{path: (reason, checks)} of the gone addresses."""
    db = sqlite3.connect(tmp_path / "a.db")
    return {"/" + u.split("/", 3)[3]: (r, c) for u, r, c in db.execute("SELECT url, reason, checks FROM gone_urls")}


@pytest.mark.timeout(240)
def test_gone_addresses_are_left_alone_until_their_wait_is_over(web_root: Path, tmp_path: Path) -> None:
    with TestWeb(web_root) as web:
        first, stats = crawl(web, tmp_path)
        assert all(p in first for p in DEAD)
        assert gone_rows(tmp_path) == {DELETED: ("http_404", 1), WITHDRAWN: ("http_410", 1), LOST: ("soft-404", 1),
                                       SENT_HOME: ("redirect-home", 1)}
        assert stats["malinews/sahel/gone_remembered"] == 4
        db = sqlite3.connect(tmp_path / "a.db")
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2

        second, stats = crawl(web, tmp_path)
        assert "/" in second and "/sitemap.xml" in second
        assert [p for p in second if p in DEAD] == []
        assert stats["malinews/sahel/skipped_gone"] == 4  # the 404 is met twice (link, sitemap): skipped once
        assert gone_rows(tmp_path)[DELETED] == ("http_404", 1)

        # its wait over, an address is asked again, and waits twice as long after a second "gone"
        db.execute("UPDATE gone_urls SET retry_after = '2000-01-01T00:00:00+00:00' WHERE url LIKE ?", [f"%{WITHDRAWN}"])
        db.commit()
        third, _ = crawl(web, tmp_path)
        assert [p for p in third if p in DEAD] == [WITHDRAWN]
        last, retry = db.execute("SELECT last_checked, retry_after FROM gone_urls WHERE url LIKE ?",
                                 [f"%{WITHDRAWN}"]).fetchone()
        assert gone_rows(tmp_path)[WITHDRAWN] == ("http_410", 2)
        assert datetime.fromisoformat(retry) - datetime.fromisoformat(last) == timedelta(days=2)

        # a sitemap dating the address after its last check: asked again at once
        time.sleep(1.1)
        stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        put(web_root, "/sitemap.xml", sitemap({"/2025/06/11/article-w2/": "2025-06-11", DELETED: stamp}))
        fourth, _ = crawl(web, tmp_path)
        assert [p for p in fourth if p in DEAD] == [DELETED]

        # --recheck-gone asks them all; one is an article now: archived, and forgotten as gone
        put(web_root, LOST, page("W3"))
        fifth, stats = crawl(web, tmp_path, "--recheck-gone")
        assert sorted(p for p in fifth if p in DEAD) == sorted(DEAD)
        assert "malinews/sahel/skipped_gone" not in stats
        assert set(gone_rows(tmp_path)) == {DELETED, WITHDRAWN, SENT_HOME}
        assert db.execute("SELECT title FROM articles WHERE url LIKE ?", [f"%{LOST}"]).fetchone() == (A["W3"]["title"],)


def test_the_wait_doubles_up_to_64_days() -> None:
    assert [gone.wait_after(n).days for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 64, 64, 64]


def test_held_back_until_the_wait_is_over_or_a_newer_date() -> None:
    held = gone.Gone("u", "http_404", 1, "2026-01-01T00:00:00+00:00", "2026-01-02T00:00:00+00:00")
    assert held.held_back("2026-01-01T12:00:00+00:00")
    assert not held.held_back("2026-01-02T00:00:01+00:00")
    assert held.held_back("2026-01-01T12:00:00+00:00", "2025-12-31T00:00:00+00:00")  # dated before the check
    assert not held.held_back("2026-01-01T12:00:00+00:00", "2026-01-01T06:00:00+00:00")


GONE_ITEM = {"site": "s", "url": "https://s.ml/a/", "gone": "http_404", "fetched_at": "2026-01-01T00:00:00+00:00"}


def test_a_second_report_in_one_check_counts_once(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db", stories=False)
    assert [r.status for r in archive.save_batch([GONE_ITEM, GONE_ITEM])] == ["gone", "gone"]
    later = {**GONE_ITEM, "fetched_at": "2026-01-03T00:00:00+00:00"}
    archive.save_batch([later])
    assert archive.gone_many(["https://s.ml/a/", "https://s.ml/b/"]) == {
        "https://s.ml/a/": gone.Gone("https://s.ml/a/", "http_404", 2, "2026-01-03T00:00:00+00:00",
                                     "2026-01-05T00:00:00+00:00")}


def _article(url: str, requested: str) -> dict:
    a = A["W4"]
    text = "\n".join(a["paras"])
    return {"site": "s", "url": url, "requested_url": requested, "fetched_url": url, "final_url": url,
            "status": 200, "fetched_at": "2026-01-02T00:00:00+00:00", "body": b"<html></html>",
            "article": {"title": a["title"], "text": text, "content_hash": "h1", "published": a["published"]}}


def test_an_article_archived_at_a_gone_address_forgets_it(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db", stories=False)
    archive.save_batch([GONE_ITEM, {**GONE_ITEM, "url": "https://s.ml/old/"}])
    # the gone address now redirects to the article's new one: both are its addresses
    assert [r.status for r in archive.save_batch([_article("https://s.ml/new/", "https://s.ml/old/")])] == ["new"]
    assert set(archive.gone_many(["https://s.ml/a/", "https://s.ml/old/"])) == {"https://s.ml/a/"}
    # an archived article's page found gone later (the outlet deleted it): recorded, the article kept
    assert [r.status for r in archive.save_batch([{**GONE_ITEM, "url": "https://s.ml/new/"}])] == ["gone_archived"]
    assert set(archive.gone_many(["https://s.ml/new/"])) == {"https://s.ml/new/"}
    assert archive.lookup("https://s.ml/new/") is not None
