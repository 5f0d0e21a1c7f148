"""`malinews crawl --revisit N` fetches again, per outlet, the N archived articles seen longest ago:
an edited text becomes a new version, a page the outlet took down is recorded as gone (the archive
keeps the article): what a fact-checker needs to see stealth edits and deletions."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.sampleweb.server import TestWeb
from tests.test_gone_urls import crawl, page, put

W1, W2, W3 = "/2025/06/10/article-w1/", "/2025/06/11/article-w2/", "/2025/06/12/article-w3/"


@pytest.mark.timeout(180)
def test_revisited_articles_show_their_edits_and_deletions(tmp_path: Path) -> None:
    root = tmp_path / "web"
    for path, key in ((W1, "W1"), (W2, "W2"), (W3, "W3")):
        put(root, path, page(key))
    put(root, "/", f'<html><body><a href="{W1}">1</a> <a href="{W2}">2</a> <a href="{W3}">3</a></body></html>')
    v2 = root / "sahel" / "v2"
    (v2 / "files" / W1.strip("/")).mkdir(parents=True)
    (v2 / "files" / W1.strip("/") / "index.html").write_text(
        page("W1").replace("</article>", "<p>Mise à jour : le ministre a démenti ces chiffres lundi soir.</p></article>"),
        encoding="utf-8")
    (v2 / "files" / "index.html").write_text("<html><body><h1>Le Sahel</h1></body></html>", encoding="utf-8")
    (v2 / "routes.toml").write_text(f'[routes."{W2}"]\nstatus = 404\nbody = "<h1>Introuvable</h1>"\n', encoding="utf-8")
    with TestWeb(root) as web:
        crawl(web, tmp_path)
        db = sqlite3.connect(tmp_path / "a.db")
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        db.execute("UPDATE articles SET last_seen = '2025-07-01T00:00:00+00:00' WHERE url NOT LIKE ?", [f"%{W3}"])
        db.commit()  # W3 was seen last: it is the one left out of a revisit of 2

        web.set_generation(2)
        plain, _ = crawl(web, tmp_path)
        assert not {W1, W2, W3} & set(plain)  # a crawl does not fetch archived articles again

        revisited, stats = crawl(web, tmp_path, "--revisit", "2")
        assert {W1, W2} <= set(revisited) and W3 not in revisited
        assert stats["malinews/sahel/articles_updated"] == 1
        assert stats["malinews/sahel/gone_archived"] == 1
        # the next revisit does not spend its budget on the page just taken down: it waits like any gone address
        again, _ = crawl(web, tmp_path, "--revisit", "2")
        assert W2 not in again and {W1, W3} <= set(again)
    versions = db.execute("SELECT a.url FROM article_versions v JOIN articles a ON a.id = v.article_id").fetchall()
    assert [u.split("/", 3)[3] for (u,) in versions] == [W1.lstrip("/")]
    assert "démenti" in db.execute("SELECT text FROM articles WHERE url LIKE ?", [f"%{W1}"]).fetchone()[0]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3  # the deleted article is kept
    assert [(u.split("/", 3)[3], r) for u, r in db.execute("SELECT url, reason FROM gone_urls")] == [(W2.lstrip("/"), "http_404")]
