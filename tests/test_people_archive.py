"""Issue 4 archive features: published_month/extractor_version, re-extraction writes, stats, export."""
from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.export import iter_articles, write_jsonl
from archive.provenance import extractor_version
from archive.reextract import reextract
from archive.stats import coverage, outlet_stats
from archive.store import Archive, open_database
from sample_archive import GOITA_TITLE, article_item, build_sample_archive, jsonl

EXPORT_KEYS = {"url", "site", "title", "author", "published", "modified", "section", "tags", "language", "text",
               "story_id", "original_site"}


@pytest.fixture()
def sample(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    db = tmp_path / "sample.db"
    return db, build_sample_archive(db)


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_published_month_and_extractor_version_are_kept(sample: tuple[Path, dict[str, int]]) -> None:
    db, ids = sample
    archive = Archive.open(db)
    row = archive.db.execute("SELECT published_month, extractor_version FROM articles WHERE id = ?",
                             [ids["goita-chefs-traditionnels"]]).fetchone()
    assert row == ("2025-06", extractor_version())
    assert "trafilatura" in row[1] and "malinews" in row[1]
    archive.db.execute("UPDATE articles SET published = '2024-01-02' WHERE id = ?", [ids["sans-date"]])
    assert archive.db.execute("SELECT published_month FROM articles WHERE id = ?", [ids["sans-date"]]).fetchone()[0] == "2024-01"
    archive.close()


def test_replace_extraction_versions_only_real_changes(sample: tuple[Path, dict[str, int]]) -> None:
    db, ids = sample
    archive = Archive.open(db)
    aid = ids["pluies-mopti"]
    same = article_item("studiotamani", "pluies-mopti", "Fortes pluies à Mopti",
                        ["Des pluies diluviennes ont touché Mopti.", "Plusieurs maisons se sont effondrées."],
                        published="2025-03-02T08:00:00+00:00", author="Moussa Koné", section="Société", tags=["Mopti"])["article"]
    fts_before = archive.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'diluviennes'").fetchone()[0]
    with archive.db.atomic():
        assert archive.replace_extraction(aid, same, "v-next") == "unchanged"
        assert archive.replace_extraction(aid, {**same, "author": "M. Koné"}, "v-next") == "metadata"
        changed = {**same, "author": "M. Koné", "text": "Texte réécrit.", "content_hash": "h2"}
        assert archive.replace_extraction(aid, changed, "v-next") == "changed"
    row = archive.db.execute("SELECT author, text, extractor_version FROM articles WHERE id = ?", [aid]).fetchone()
    assert row == ("M. Koné", "Texte réécrit.", "v-next")
    versions = archive.db.execute("SELECT text FROM article_versions WHERE article_id = ?", [aid]).fetchall()
    assert len(versions) == 1 and "diluviennes" in versions[0][0]
    assert fts_before == 1
    assert archive.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'diluviennes'").fetchone()[0] == 0
    assert archive.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'réécrit'").fetchone()[0] == 1
    archive.close()


def test_reextract_core_counts_and_keeps_non_articles(sample: tuple[Path, dict[str, int]]) -> None:
    db, ids = sample
    archive = Archive.open(db)
    seen_jobs: list[dict[str, Any]] = []

    def fake_extract(job: dict[str, Any]) -> dict[str, Any]:
        seen_jobs.append(job)
        if "examens" in job["url"]:
            return {"is_article": False, "reason": "listing", "article": None}
        art = archive.db.execute("SELECT title, author, published, modified, section, description, image, language, "
                                 "text, word_count, content_hash, date_source, tags FROM articles WHERE url = ?",
                                 [job["url"]]).fetchone()
        keys = ("title", "author", "published", "modified", "section", "description", "image", "language", "text",
                "word_count", "content_hash", "date_source", "tags")
        article = dict(zip(keys, art))
        article["tags"] = json.loads(article["tags"])
        if "pluies" in job["url"]:
            article |= {"text": "Nouveau texte.", "content_hash": "new"}
        return {"is_article": True, "reason": "json-ld", "article": article}

    summary = reextract(archive, fake_extract, "v2", {"studiotamani": {"language": "fr"}}, site="studiotamani", batch=1)
    assert summary.counts == {"changed": 1, "not_article_now": 1}
    assert all(j["body"].startswith(b"<html>") and j["now"] == "2025-06-23T08:00:00+00:00" for j in seen_jobs)
    assert archive.db.execute("SELECT title FROM articles WHERE id = ?", [ids["examens"]]).fetchone()[0] == "Les examens du DEF reportés"
    summary = reextract(archive, fake_extract, "v2", {}, since="2025-05-01")
    assert summary.counts == {"unchanged": 4}  # the coton edit (May) and the three Goïta copies (June)
    archive.close()


def test_stats_table_json_and_plot(sample: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    db, _ = sample
    conn = open_database(db, readonly=True)
    rows = {r.site: r for r in outlet_stats(conn)}
    assert set(rows) == {"essor", "maliweb", "malijet", "studiotamani"}
    essor, malijet = rows["essor"], rows["malijet"]
    assert (essor.articles, essor.originals, essor.copies) == (2, 2, 0)
    assert (malijet.articles, malijet.copies, malijet.last_run_errors) == (2, 1, 1)  # its Goïta copy
    assert malijet.pct_date == 50.0 and malijet.pct_author == 0.0
    assert essor.first_published == "2025-05-10" and essor.last_published.startswith("2025-06-22")
    assert essor.last_ok_crawl is not None and essor.median_words is not None
    assert (malijet.deleted, malijet.gone_addresses, essor.deleted) == (1, 1, 0)  # its Goïta copy was taken down
    assert ("essor", "2025-06", 1) in coverage(conn)
    plot = tmp_path / "coverage.png"
    result = run("stats", "--db", str(db), "--plot", str(plot))
    assert result.exit_code == 0, result.output
    assert "studiotamani" in result.output and "%date" in result.output
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and 2_000 < plot.stat().st_size < 300_000
    as_json = jsonl(run("stats", "--db", str(db), "--json").stdout)
    assert {r["site"] for r in as_json} == set(rows)


def test_export_jsonl_fields_filters_and_utf8(sample: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    db, _ = sample
    out = tmp_path / "all.jsonl"
    assert run("export", "--db", str(db), "-o", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert "Goïta".encode() in raw  # UTF-8, not \u escapes
    rows = jsonl(raw.decode("utf-8"))
    assert len(rows) == 8 and all(set(r) == EXPORT_KEYS for r in rows)
    goita = next(r for r in rows if r["site"] == "essor" and r["title"] == GOITA_TITLE)
    assert goita["tags"] == ["Transition", "Koulouba"] and goita["original_site"] == "essor"
    assert goita["text"].count("\n") == 2
    essor_june = jsonl(run("export", "--db", str(db), "--site", "essor", "--since", "2025-06-01").stdout)
    assert [r["title"] for r in essor_june] == [GOITA_TITLE]
    until = jsonl(run("export", "--db", str(db), "--until", "2025-06-22").stdout)
    assert {r["published"][:10] for r in until} <= {"2024-11-30", "2025-01-15", "2025-03-02", "2025-05-10", "2025-06-22"}
    assert sum(r["published"].startswith("2025-06-22") for r in until) == 2  # until is inclusive
    stories = jsonl(run("export", "--db", str(db), "--stories-only").stdout)
    assert len(stories) == 6 and sum(r["title"].endswith(GOITA_TITLE) for r in stories) == 1
    assert next(r for r in stories if r["title"] == GOITA_TITLE)["n_articles"] == 3


def test_export_csv_round_trips(sample: tuple[Path, dict[str, int]]) -> None:
    db, _ = sample
    text = run("export", "--db", str(db), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 8 and set(rows[0]) == EXPORT_KEYS
    assert any(r["tags"] == "Transition; Koulouba" for r in rows)
    assert any("\n" in r["text"] for r in rows)


def test_export_streams_in_constant_memory(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    archive = Archive.open(db)
    para = "Bamako " * 900  # ~6 kB of text per article, 3 MB+ in all
    archive.save_batch([article_item("essor", f"a{i}", f"Titre {i}", [para, str(i)], published="2025-01-01")
                        for i in range(600)])
    archive.close()
    conn = open_database(db, readonly=True)
    sink = io.StringIO()
    tracemalloc.start()
    rows = iter_articles(conn)
    first = next(rows)
    sink.write(json.dumps(first))
    sink = io.StringIO()  # drop what was written: only the exporter's own memory counts

    class Null(io.TextIOBase):
        def write(self, s: str) -> int:
            return len(s)

    n = write_jsonl(rows, Null())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 599
    assert peak < 1_000_000, f"export held {peak:,} bytes: it must stream row by row, not fetchall()"
