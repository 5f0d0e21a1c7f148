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


@pytest.mark.timeout(180)
def test_a_revisit_cut_short_by_the_server_keeps_the_whole_text(tmp_path: Path) -> None:
    """A page that stops early on a revisit (a PHP fatal error mid-page, a body cut with no length said)
    gives the archived text cut short: no edit. An article whose page ends properly without its last
    paragraph was edited, and becomes a version."""
    root = tmp_path / "web"
    for path, key in ((W1, "W1"), (W2, "W2"), (W3, "W3")):
        put(root, path, page(key))
    put(root, "/", f'<html><body><a href="{W1}">1</a> <a href="{W2}">2</a> <a href="{W3}">3</a></body></html>')
    v2 = root / "sahel" / "v2"
    whole = {key: page(key) for key in ("W1", "W2", "W3")}
    last = {key: whole[key].rindex("<p>") for key in whole}
    fatal = ("<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted (tried to allocate "
             "20480 bytes) in <b>/home/sahel/public_html/wp-includes/class-wp-query.php</b> on line <b>3052</b><br />\n")
    cut_mid_word = last["W2"] + len("<p>") + 25
    for path, text in ((W1, whole["W1"][:last["W1"]] + "<p>" + fatal),  # PHP died before the last paragraph
                       (W2, whole["W2"]),  # served cut below (the route), mid-word, HTTP/1.0-style
                       (W3, whole["W3"][:last["W3"]] + "</article></body></html>")):  # a real edit
        (v2 / "files" / path.strip("/")).mkdir(parents=True)
        (v2 / "files" / path.strip("/") / "index.html").write_text(text, encoding="utf-8")
    cut_bytes = len(whole["W2"][:cut_mid_word].encode())
    (v2 / "routes.toml").write_text(f'[routes."{W2}"]\nfile = "{W2}index.html"\nbody_bytes = {cut_bytes}\n',
                                    encoding="utf-8")
    with TestWeb(root) as web:
        crawl(web, tmp_path)
        db = sqlite3.connect(tmp_path / "a.db")
        before = dict(db.execute("SELECT url, text FROM articles"))
        assert len(before) == 3
        web.set_generation(2)
        revisited, stats = crawl(web, tmp_path, "--revisit", "3")
        assert {W1, W2, W3} <= set(revisited)
    after = dict(db.execute("SELECT url, text FROM articles"))
    by_path = {"/" + u.split("/", 3)[3]: u for u in before}
    assert after[by_path[W1]] == before[by_path[W1]] and after[by_path[W2]] == before[by_path[W2]]
    assert stats["malinews/sahel/articles_cut_short"] == 2
    assert stats["malinews/sahel/articles_updated"] == 1  # W3: its outlet removed the last paragraph
    assert len(after[by_path[W3]]) < len(before[by_path[W3]])
    versions = db.execute("SELECT a.url FROM article_versions v JOIN articles a ON a.id = v.article_id").fetchall()
    assert [u for (u,) in versions] == [by_path[W3]]
