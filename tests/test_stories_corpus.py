"""Stories on the syndication corpus (tests/fixtures/stories): clusters, credits, originals, determinism.

The corpus: syndication chains of 3-5 copies with every edit the issue lists (title prefix, credit
line added/removed, trimmed/added paragraph, rewritten first sentence, typos, boilerplate, truncated
teaser) and near misses that must stay apart (three weeks of « Communiqué du Conseil des ministres »,
five army bulletins, two of them the same day, one visit told by three outlets, a bridge opening told
by two outlets quoting the same speech, three brèves with the same opening words).
If a case fails, run `python tests/fixtures/stories/build.py` after editing originals/ or copies.toml.
"""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from archive.store import Archive
from stories_corpus import (CORPUS, archive_clusters, expected_clusters, load_corpus, pairwise_scores, to_item,
                            variants)

BUILD = CORPUS.parent / "build.py"
ARTICLES = load_corpus()
STORIES = sorted({a.story for a in ARTICLES})


def build_archive(path: Path, articles: list, batch: int = 7) -> Archive:
    """An archive holding `articles`, saved in batches through the normal API."""
    archive = Archive.open(path)
    for i in range(0, len(articles), batch):
        archive.save_batch([to_item(a) for a in articles[i:i + batch]])
    return archive


def snapshot(archive: Archive) -> list[tuple]:
    """Stories as comparable values: (story id, sorted URLs, original URL, title, first published)."""
    rows = archive.db.execute(
        "SELECT s.id, group_concat(a.url, ' '), o.url, s.title, s.first_published, s.n_articles, s.n_sites "
        "FROM stories s JOIN articles a ON a.story_id = s.id JOIN articles o ON o.id = s.original_article_id "
        "GROUP BY s.id ORDER BY s.id").fetchall()
    return [(r[0], tuple(sorted(r[1].split())), *r[2:]) for r in rows]


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = build_archive(tmp_path_factory.mktemp("stories") / "corpus.db", ARTICLES)
    yield archive
    archive.close()


def story_of(archive: Archive, url: str) -> int:
    return archive.db.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()[0]


def test_corpus_files_are_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pairwise_precision_and_recall(corpus_archive: Archive) -> None:
    precision, recall = pairwise_scores(archive_clusters(corpus_archive.db), expected_clusters(ARTICLES))
    assert precision >= 0.99 and recall >= 0.95, f"precision {precision:.3f}, recall {recall:.3f}"


@pytest.mark.parametrize("name", STORIES)
def test_each_story_is_one_story_of_its_own(corpus_archive: Archive, name: str) -> None:
    urls = {a.url for a in ARTICLES if a.story == name}
    ids = {story_of(corpus_archive, u) for u in urls}
    assert len(ids) == 1, f"{name}: its {len(urls)} copies are split over stories {ids}"
    members = {u for (u,) in corpus_archive.db.execute("SELECT url FROM articles WHERE story_id = ?", [ids.pop()])}
    intruders = sorted(members - urls)
    assert not intruders, f"{name}: joined with other stories' articles {intruders}"


@pytest.mark.parametrize("article", ARTICLES, ids=[f"{a.story}/{a.site}" for a in ARTICLES])
def test_credited_source(corpus_archive: Archive, article) -> None:
    got = corpus_archive.db.execute("SELECT credited_source FROM articles WHERE url = ?", [article.url]).fetchone()[0]
    assert (got or "") == article.credit, f"{article.url}: credited_source {got!r}, expected {article.credit!r}"


@pytest.mark.parametrize("name", STORIES)
def test_original(corpus_archive: Archive, name: str) -> None:
    want = next(a for a in ARTICLES if a.story == name and a.original)
    row = corpus_archive.db.execute(
        "SELECT o.url, s.original_site, s.n_articles, s.n_sites, s.first_published, s.title FROM stories s "
        "JOIN articles o ON o.id = s.original_article_id WHERE s.id = ?", [story_of(corpus_archive, want.url)]).fetchone()
    copies = [a for a in ARTICLES if a.story == name]
    assert row[:2] == (want.url, want.site), f"{name}: original {row[:2]}, expected {want.site} {want.url}"
    assert row[2:5] == (len(copies), len({a.site for a in copies}), min(a.published for a in copies))
    assert row[5] == want.title


def test_incremental_stories_equal_a_rebuild(corpus_archive: Archive, tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "again.db", ARTICLES)
    before = {frozenset(c) for c in archive_clusters(archive.db)}
    archive.stories.rebuild()
    assert {frozenset(c) for c in archive_clusters(archive.db)} == before
    archive.close()


def test_rebuild_is_deterministic_whatever_the_insertion_order(tmp_path: Path) -> None:
    snaps = []
    for seed in (1, 2, 3):
        articles = list(ARTICLES)
        random.Random(seed).shuffle(articles)
        archive = build_archive(tmp_path / f"order{seed}.db", articles, batch=5 + seed)
        incremental = {frozenset(c) for c in archive_clusters(archive.db)}
        archive.stories.rebuild(threshold=0.4)
        snaps.append((incremental, snapshot(archive)))
        archive.close()
    assert snaps[0][0] == snaps[1][0] == snaps[2][0], "incremental clusters depend on insertion order"
    assert snaps[0][1] == snaps[1][1] == snaps[2][1], "rebuilt stories (ids, copies, originals) differ"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_variants(tmp_path: Path, seed: int) -> None:
    """Five random light edits (one or two each) of every original, mixed in insertion order."""
    articles = variants(ARTICLES, seed)
    random.Random(seed).shuffle(articles)
    archive = build_archive(tmp_path / "variants.db", articles, batch=20)
    precision, recall = pairwise_scores(archive_clusters(archive.db), expected_clusters(articles))
    archive.close()
    assert precision >= 0.99 and recall >= 0.95, f"seed {seed}: precision {precision:.3f}, recall {recall:.3f}"
