"""The same article (text, title and date) met at a second address of its site by a later run is an
alias of the row an earlier run archived, as a second address met in the same run is: one article,
one row. It used to become a second row (a Joomla article under two category paths, found at its
second path a week later)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive.store import Archive
from conftest import run_cli
from crawler.sampleweb.server import TestWeb
from tests.test_gone_urls import page, put


def item(url: str, title: str = "Le coton reprend", text: str = "Un texte.", published: str = "2025-06-10") -> dict:
    return {"site": "s", "url": url, "requested_url": url, "fetched_url": url, "final_url": url, "status": 200,
            "fetched_at": "2026-01-02T00:00:00+00:00", "body": b"<html></html>",
            "article": {"title": title, "text": text, "content_hash": f"h-{text}", "published": published}}


def test_a_second_address_of_an_archived_article_is_its_alias(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db", stories=False)
    archive.save_batch([item("https://s.ml/politique/coton")])
    [result] = archive.save_batch([item("https://s.ml/economie/coton")])
    assert (result.status, result.url) == ("alias", "https://s.ml/politique/coton")
    assert archive.count_articles() == 1
    assert archive.lookup("https://s.ml/economie/coton").url == "https://s.ml/politique/coton"


@pytest.mark.parametrize("change", [{"title": "Un autre titre"}, {"published": "2025-06-11"}, {"text": "Autre."}])
def test_another_title_date_or_text_is_another_row(tmp_path: Path, change: dict) -> None:
    """A teaser shown under every headline, or a weekly column reusing its text, stays apart."""
    archive = Archive.open(tmp_path / "a.db", stories=False)
    archive.save_batch([item("https://s.ml/a")])
    assert [r.status for r in archive.save_batch([item("https://s.ml/b", **change)])] == ["new"]
    assert archive.count_articles() == 2


def test_the_same_article_on_another_site_is_a_copy_not_an_alias(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db", stories=False)
    archive.save_batch([item("https://s.ml/a")])
    assert [r.status for r in archive.save_batch([{**item("https://t.ml/a"), "site": "t"}])] == ["new"]


@pytest.mark.timeout(180)
def test_a_later_crawl_finding_an_article_at_a_second_path_keeps_one_row(tmp_path: Path) -> None:
    root = tmp_path / "web"
    first, second = "/politique/2025/06/10/article-w1/", "/economie/2025/06/10/article-w1/"
    put(root, first, page("W1"))
    put(root, "/", f'<html><body><a href="{first}">W1</a></body></html>')
    v2 = root / "sahel" / "v2" / "files"
    (v2 / second.strip("/")).mkdir(parents=True)
    (v2 / second.strip("/") / "index.html").write_text(page("W1"), encoding="utf-8")
    (v2 / "index.html").write_text(f'<html><body><a href="{second}">W1</a></body></html>', encoding="utf-8")
    with TestWeb(root) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        for generation in (1, 2, 2):
            web.set_generation(generation)
            web.clear_log()
            proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False")
            assert proc.returncode == 0, proc.stderr
        assert second not in [r.path for r in web.requests]  # the third run knows it
    db = sqlite3.connect(tmp_path / "a.db")
    assert [u.split("/", 3)[3] for (u,) in db.execute("SELECT url FROM articles")] == [first.lstrip("/")]
    assert [u.split("/", 3)[3] for (u,) in db.execute("SELECT url FROM url_aliases")] == [second.lstrip("/")]
