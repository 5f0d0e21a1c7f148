"""Archive schema, batched saves, versions, aliases, runs, search and the write lock."""
from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest

from archive.errors import ArchiveLockedError, SearchSyntaxError
from archive.lock import ArchiveLock
from archive.schema import migrations
from archive.search import search
from archive.store import Archive


def item(url: str, text: str, *, title: str = "Titre", site: str = "essor", requested: str | None = None,
         published: str = "2025-06-22", lastmod: str | None = None) -> dict[str, Any]:
    return {
        "site": site, "url": url, "requested_url": requested or url, "final_url": requested or url,
        "status": 200, "headers": {"Content-Type": "text/html"}, "content_type": "text/html",
        "fetched_at": "2025-06-23T08:00:00+00:00", "body": f"<html><p>{text}</p></html>".encode(),
        "discovered_via": "sitemap", "source_modified": lastmod,
        "article": {"title": title, "author": "Amadou Traoré", "published": published, "modified": None,
                    "section": "Politique", "tags": ["Mali", "Transition"], "description": None, "image": None,
                    "language": "fr", "text": text, "word_count": len(text.split()),
                    "content_hash": str(hash(text)), "date_source": "json-ld"},
    }


@pytest.fixture()
def archive(tmp_path: Path) -> Archive:
    a = Archive.open(tmp_path / "a.db")
    yield a
    a.close()


def test_schema_has_wal_fts_and_migration_record(archive: Archive) -> None:
    db = archive.db
    assert {"articles", "stories", "pages", "article_versions", "crawl_runs", "articles_fts", "url_aliases"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "remove_diacritics 2" in db["articles_fts"].schema
    applied = db["_sqlite_migrations"].count
    assert applied >= 1 and not migrations.pending(db)
    Archive.open(archive.db.conn.execute("PRAGMA database_list").fetchone()[2]).close()  # re-open: idempotent
    assert db["_sqlite_migrations"].count == applied


def test_new_unchanged_updated_and_versions(archive: Archive) -> None:
    first = archive.save_batch([item("http://x/a", "Le président Assimi Goïta a reçu la délégation.")])
    assert [r.status for r in first] == ["new"]
    row = archive.db.execute("SELECT tags, story_id, word_count FROM articles").fetchone()
    assert json.loads(row[0]) == ["Mali", "Transition"] and row[1] is not None
    assert archive.save_batch([item("http://x/a", "Le président Assimi Goïta a reçu la délégation.")])[0].status == "unchanged"
    assert archive.db["pages"].count == 1  # an unchanged article is not rewritten
    assert archive.save_batch([item("http://x/a", "Texte corrigé : le président a reçu la délégation.")])[0].status == "updated"
    versions = list(archive.db["article_versions"].rows)
    assert len(versions) == 1 and "Goïta" in versions[0]["text"]
    assert "corrigé" in archive.db.execute("SELECT text FROM articles").fetchone()[0]
    assert archive.db["pages"].count == 2
    html = archive.db.execute("SELECT html_zlib FROM pages ORDER BY id DESC").fetchone()[0]
    assert b"corrig" in zlib.decompress(html)


def test_lookup_by_alias(archive: Archive) -> None:
    archive.save_batch([item("http://x/a", "Un texte.", requested="http://x/old/a", lastmod="2025-06-22")])
    known = archive.lookup("http://x/old/a")
    assert known is not None and known.url == "http://x/a" and known.source_modified == "2025-06-22"
    assert archive.lookup("http://x/nope") is None


def test_lookup_many_matches_lookup_in_chunks(archive: Archive) -> None:
    archive.save_batch([item(f"http://x/{i}", f"Texte numéro {i}.", requested=f"http://x/old/{i}") for i in range(7)])
    asked = [f"http://x/{i}" for i in range(0, 7, 2)] + ["http://x/old/1", "http://x/old/3", "http://x/nope"]
    found = archive.lookup_many(asked, chunk=2)  # several chunks, aliases and misses mixed
    assert set(found) == set(asked) - {"http://x/nope"}
    assert all(found[u] == archive.lookup(u) for u in found)
    assert found["http://x/old/3"].url == "http://x/3"


def test_a_bad_item_is_rejected_alone_and_leaves_nothing_behind(archive: Archive) -> None:
    bad = item("http://x/b", "Deux.")
    bad["article"]["text"] = None  # NOT NULL violation mid-batch
    surrogate = item("http://x/c", "Trois.", title="Titre \ud83d")  # SQLite cannot encode a lone surrogate
    results = archive.save_batch([item("http://x/a", "Un."), bad, surrogate, item("http://x/d", "Quatre.")])
    assert [r.status for r in results] == ["new", "rejected", "rejected", "new"]
    assert sorted(r["url"] for r in archive.db["articles"].rows) == ["http://x/a", "http://x/d"]
    assert archive.db["pages"].count == 2 and archive.db["stories"].count == 2
    assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def fail_at(archive: Archive, monkeypatch: pytest.MonkeyPatch, url: str, message: str) -> None:
    """Make saving the item at `url` fail at the database level (as a full disk or an I/O error does)."""
    real = archive._save_one

    def failing(it: dict, run_id: int | None) -> object:
        if it["url"] == url:
            raise sqlite3.OperationalError(message)
        return real(it, run_id)

    monkeypatch.setattr(archive, "_save_one", failing)


def test_a_database_failure_aborts_the_whole_batch(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_at(archive, monkeypatch, "http://x/b", "disk I/O error")
    with pytest.raises(sqlite3.OperationalError):
        archive.save_batch([item("http://x/a", "Un."), item("http://x/b", "Deux.")])
    assert archive.db["articles"].count == 0 and archive.db["stories"].count == 0 and archive.db["pages"].count == 0


def test_an_aborted_batch_leaves_no_story_cache_behind(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """The story index's caches (archived fingerprints, the sites it knows) may describe rows of the batch
    a full disk rolled back: they are dropped with it, and the next batch reads the file again."""
    text = ("Le Conseil des ministres s'est réuni mercredi à Koulouba sous la présidence du chef de l'État, "
            "qui a adopté trois projets de loi sur la justice et la décentralisation. ") * 4
    archive.save_batch([item("http://x/a", text)])
    assert archive.stories is not None and archive.stories._known == {"essor"}
    fail_at(archive, monkeypatch, "http://x/c", "database or disk is full")
    with pytest.raises(sqlite3.OperationalError):
        archive.save_batch([item("http://x/b", text + "Mise à jour.", site="maliweb"), item("http://x/c", "Trois.")])
    assert not archive.stories._docs and not archive.stories._known
    monkeypatch.undo()
    archive.save_batch([item("http://x/b", text + "Mise à jour.", site="maliweb")])
    rows = {u: s for u, s in archive.db.execute("SELECT url, story_id FROM articles")}
    assert rows["http://x/a"] == rows["http://x/b"]  # the copy joins the story of the article it copies
    assert archive.db.execute("SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)").fetchone()[0] == 0


def test_runs_left_running_become_killed(archive: Archive) -> None:
    first = archive.start_run(["essor"])
    second = archive.start_run(["essor"])
    rows = {r["id"]: r for r in archive.db["crawl_runs"].rows}
    assert rows[first]["status"] == "killed" and rows[second]["status"] == "running"
    archive.finish_run(second, "finished", "finished", {"pages": 3, "errors": 1, "extra": {"a": 1}})
    row = archive.db["crawl_runs"].get(second)
    assert row["status"] == "finished" and row["pages"] == 3 and json.loads(row["stats"]) == {"extra": {"a": 1}}


def test_search_is_accent_insensitive_ranked_and_filtered(archive: Archive) -> None:
    archive.save_batch([
        item("http://x/a", "Le colonel Assimi Goïta a présidé le conseil.", title="Conseil des ministres"),
        item("http://x/b", "Goita Goita : le nom revient trois fois, Goïta.", title="Goïta à Kayes", site="maliweb",
             published="2024-01-05"),
        item("http://x/c", "Rien à voir.", title="Sport"),
    ])
    hits = search(archive.db, "goita")
    assert [h.url for h in hits] == ["http://x/b", "http://x/a"]
    assert "\x02" in hits[0].snippet
    assert [h.url for h in search(archive.db, "GOÏTA", site="essor")] == ["http://x/a"]
    assert [h.url for h in search(archive.db, "goita", since="2025-01-01")] == ["http://x/a"]
    assert [h.url for h in search(archive.db, "goita", until="2024-12-31")] == ["http://x/b"]
    with pytest.raises(SearchSyntaxError, match="Quote phrases"):
        search(archive.db, "goita OR")


def test_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    with ArchiveLock(tmp_path / "a.db"):
        with pytest.raises(ArchiveLockedError, match="another malinews crawl"):
            ArchiveLock(tmp_path / "a.db").acquire()
    with ArchiveLock(tmp_path / "a.db"):
        pass


def test_late_hints_raise_source_modified_and_apply_api_metadata(archive: Archive) -> None:
    a = item("http://x/a", "Un texte.", lastmod="2025-06-22")
    a["article"]["section"] = None
    archive.save_batch([a])
    results = archive.save_batch([
        {"site": "essor", "url": "http://x/a", "source_modified": "2025-06-25T09:00:00+00:00", "hint_only": True,
         "metadata": {"published": "2025-06-21T08:00:00+00:00", "date_source": "wp-api", "tags": ["Coton"],
                      "section": "Économie", "author": "Quelqu'un"}},
        {"site": "essor", "url": "http://x/a", "source_modified": "2025-06-23", "hint_only": True},  # older: ignored
        {"site": "essor", "url": "http://x/none", "source_modified": "2025-06-23", "hint_only": True},
    ])
    assert [r.status for r in results] == ["hint", "hint", "hint_missing"]
    row = archive.db.execute("SELECT source_modified, published, date_source, tags, section, author FROM articles").fetchone()
    assert row == ("2025-06-25T09:00:00+00:00", "2025-06-21T08:00:00+00:00", "wp-api", '["Coton"]', "Économie",
                   "Amadou Traoré")  # the page's byline is kept; only missing fields are filled


def test_the_storage_pipeline_counts_a_rejected_item_as_an_error_of_its_site() -> None:
    import asyncio
    from types import SimpleNamespace

    from scrapy.utils.test import get_crawler

    from archive.store import SaveResult
    from pipelines.storage import StoragePipeline

    crawler = get_crawler()
    crawler.stats.open_spider()
    pipe = StoragePipeline(crawler, ":memory:", None, 100, 2.0)
    loop = asyncio.new_event_loop()
    try:
        done = loop.create_future()
        done.set_result([SaveResult("http://x/a", 1, "new"), SaveResult("http://x/b", 0, "rejected")])
        pipe._saved([SimpleNamespace(site="essor"), SimpleNamespace(site="essor")], done)
    finally:
        loop.close()
    stats = crawler.stats.get_stats()
    assert stats["malinews/essor/articles_new"] == 1 and stats["malinews/essor/articles_rejected"] == 1
    assert stats["malinews/essor/errors"] == 1
