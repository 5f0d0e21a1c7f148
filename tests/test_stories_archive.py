"""Stories in a live archive: updates re-assign and split, versions and `history`, `story`, `dedupe`, search."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.search import search
from archive.store import Archive
from stories_corpus import CorpusArticle, load_corpus, to_item

CORPUS = {(a.story, a.site): a for a in load_corpus()}
TAOUSSA = [a for a in load_corpus() if a.story == "essor-taoussa"]
ESSOR = CORPUS[("essor-taoussa", "essor")]
OTHER = CORPUS[("jdm-safo", "journaldumali")]


def art(url: str, site: str, text: str, title: str = "Titre", published: str = "2025-06-10T08:00:00+00:00") -> CorpusArticle:
    return CorpusArticle("x", site, url, title, published, "", False, text)


def story_of(archive: Archive, url: str) -> int:
    return archive.db.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()[0]


@pytest.fixture()
def archive(tmp_path: Path) -> Archive:
    a = Archive.open(tmp_path / "a.db")
    yield a
    a.close()


def test_an_edited_article_keeps_its_story_and_its_previous_text(archive: Archive) -> None:
    archive.save_batch([to_item(a) for a in TAOUSSA])
    story = story_of(archive, ESSOR.url)
    edited = ESSOR.text.replace("La cérémonie s'est déroulée", "La cérémonie officielle s'est tenue")
    assert archive.save_batch([to_item(ESSOR, text=edited, fetched_at="2025-07-01T08:00:00+00:00")])[0].status == "updated"
    assert story_of(archive, ESSOR.url) == story
    old = archive.db.execute("SELECT text, seen_from, seen_to FROM article_versions").fetchall()
    assert old == [(ESSOR.text, "2025-06-30T08:00:00+00:00", "2025-07-01T08:00:00+00:00")]


def test_a_rewritten_article_leaves_its_story(archive: Archive) -> None:
    archive.save_batch([to_item(a) for a in TAOUSSA])
    story = story_of(archive, ESSOR.url)
    archive.save_batch([to_item(ESSOR, text=OTHER.text, fetched_at="2025-07-01T08:00:00+00:00")])
    assert story_of(archive, ESSOR.url) != story
    assert {story_of(archive, a.url) for a in TAOUSSA if a.url != ESSOR.url} == {story}
    row = archive.db.execute("SELECT n_articles, original_site FROM stories WHERE id = ?", [story]).fetchone()
    assert row[0] == len(TAOUSSA) - 1 and row[1] != "essor", "the original left: the story picks another"


def test_a_story_held_together_by_one_article_splits_when_it_changes(archive: Archive) -> None:
    lines = OTHER.text.split("\n")
    head, tail = "\n".join(lines[:2]), "\n".join(lines[2:])
    whole = art("https://www.journaldumali.com/whole", "journaldumali", OTHER.text)
    teaser = art("https://bamada.net/teaser", "bamada", head + " (…)")
    ending = art("https://maliweb.net/ending", "maliweb", tail)
    archive.save_batch([to_item(a) for a in (teaser, ending, whole)])
    assert len({story_of(archive, a.url) for a in (teaser, ending, whole)}) == 1
    archive.save_batch([to_item(whole, text=ESSOR.text)])
    assert len({story_of(archive, a.url) for a in (teaser, ending, whole)}) == 3
    assert archive.db["stories"].count == 3


def test_stories_survive_a_restart(tmp_path: Path) -> None:
    first = Archive.open(tmp_path / "r.db")
    first.save_batch([to_item(TAOUSSA[0])])
    first.close()
    again = Archive.open(tmp_path / "r.db")  # nothing rebuilt in memory: the buckets are in the file
    again.save_batch([to_item(a) for a in TAOUSSA[1:]])
    assert len({story_of(again, a.url) for a in TAOUSSA}) == 1
    again.close()


def test_reextraction_that_changes_the_text_reassigns_the_story(archive: Archive) -> None:
    archive.save_batch([to_item(a) for a in TAOUSSA])
    story = story_of(archive, ESSOR.url)
    new = to_item(ESSOR, text=OTHER.text)["article"]
    with archive.db.atomic():
        assert archive.replace_extraction(story_of_id(archive, ESSOR.url), new, "test-2") == "changed"
    assert story_of(archive, ESSOR.url) != story


def story_of_id(archive: Archive, url: str) -> int:
    return archive.db.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()[0]


def test_deferred_stories_are_assigned_by_dedupe(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    deferred = Archive.open(db, stories=False)
    deferred.save_batch([to_item(a) for a in TAOUSSA])
    assert deferred.db.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == len(TAOUSSA)
    deferred.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["dedupe", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"Assigned {len(TAOUSSA)} articles" in result.output and "1 with copies" in result.output
    result = runner.invoke(cli, ["dedupe", "--threshold", "0.6", "--db", str(db)])
    assert result.exit_code == 2 and "--rebuild" in result.output
    result = runner.invoke(cli, ["dedupe", "--rebuild", "--threshold", "0.6", "--db", str(db)])
    assert result.exit_code == 0 and "threshold 0.6" in result.output, result.output
    reopened = Archive.open(db)
    assert reopened.stories.threshold == 0.6, "the rebuild threshold is kept for later crawls"
    reopened.close()


def test_history_prints_versions_and_a_readable_diff(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    archive = Archive.open(db)
    archive.save_batch([to_item(ESSOR)])
    edited = ESSOR.text.replace("trente mois", "trente-six mois")
    archive.save_batch([to_item(ESSOR, text=edited, fetched_at="2025-07-01T08:00:00+00:00")])
    archive.close()
    result = CliRunner().invoke(cli, ["history", ESSOR.url, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 versions" in result.output and "version 2 (2025-07-01T08:00 → now) current" in result.output
    assert "-Les travaux de la deuxième phase devraient durer trente mois" in result.output
    assert "+Les travaux de la deuxième phase devraient durer trente-six mois" in result.output
    lines = CliRunner().invoke(cli, ["history", ESSOR.url, "--db", str(db), "--json"]).output.splitlines()
    assert [json.loads(line)["number"] for line in lines] == [1, 2]
    missing = CliRunner().invoke(cli, ["history", "https://nowhere/", "--db", str(db)])
    assert missing.exit_code == 1 and "no article" in missing.output


def test_story_lists_copies_with_their_differences(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    archive = Archive.open(db)
    archive.save_batch([to_item(a) for a in TAOUSSA])
    story = story_of(archive, ESSOR.url)
    archive.close()
    result = CliRunner().invoke(cli, ["story", str(story), "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "original: L'Essor" in out and f"{len(TAOUSSA)} articles on {len(TAOUSSA)} outlets" in out
    assert "★ L'Essor" in out and "credits L'Essor" in out and "title «Mali : " in out
    assert "truncated (43 % of the original's words)" in out and "first sentence rewritten; 3 words corrected" in out
    assert "1 paragraph removed" in out and "same text, other credit/boilerplate lines" in out
    by_url = CliRunner().invoke(cli, ["story", TAOUSSA[-1].url, "--db", str(db), "--json"])
    data = json.loads(by_url.output)
    assert data["id"] == story and len(data["copies"]) == len(TAOUSSA) and data["copies"][0]["original"]
    diff = CliRunner().invoke(cli, ["story", str(story), "--db", str(db), "--diff"]).output
    assert "--- original (essor)" in diff and "+Source : L'Essor" in diff


def test_search_shows_one_result_per_story(archive: Archive) -> None:
    archive.save_batch([to_item(a) for a in TAOUSSA] + [to_item(OTHER)])
    hits = search(archive.db, "Taoussa")
    assert [h.url for h in hits] == [ESSOR.url], "one hit: the original, which matches"
    assert set(hits[0].also_in) == {a.site for a in TAOUSSA} - {"essor"} and hits[0].copies == len(TAOUSSA)
    assert len(search(archive.db, "Taoussa", all_copies=True)) == len(TAOUSSA)
    assert [h.site for h in search(archive.db, "Taoussa", site="bamada")] == ["bamada"]
    assert len(search(archive.db, "Taoussa OR Safo")) == 2


def test_search_cli_also_in_and_all_copies(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    archive = Archive.open(db)
    archive.save_batch([to_item(a) for a in TAOUSSA])
    archive.close()
    out = CliRunner().invoke(cli, ["search", "Taoussa", "--db", str(db)]).output
    assert out.count("Taoussa :") == 1 and "also in: Maliweb, Malijet, Bamada.net, Maliactu" in out
    every = CliRunner().invoke(cli, ["search", "Taoussa", "--db", str(db), "--all-copies", "--json"]).output
    assert len(every.splitlines()) == len(TAOUSSA)


def test_stories_view_and_story_search(archive: Archive) -> None:
    archive.save_batch([to_item(a) for a in TAOUSSA])
    row = archive.db.execute("SELECT title, original_url, n_articles, n_sites, sites FROM stories_view").fetchone()
    assert row[:4] == (ESSOR.title, ESSOR.url, len(TAOUSSA), len(TAOUSSA))
    assert row[4] == "bamada, essor, maliactu, malijet, maliweb"
    found = archive.db.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'taoussa'").fetchall()
    assert found == [(story_of(archive, ESSOR.url),)]


def test_credits_name_outlets_of_any_sites_file(archive: Archive) -> None:
    """Test webs use their own keys ("legacy"): the name on the original's pages links the credit to it."""
    original = CORPUS[("essor-taoussa", "essor")]
    page = f"<html><head><title>{original.title} - L'Aurore de Kayes</title></head><body>…</body></html>"
    copy = CorpusArticle("x", "aggregator", "https://agg.test/taoussa", "Mali : " + original.title,
                         "2025-06-10T11:00:00+00:00", "", False, original.text + "\nSource : L'Aurore de Kayes")
    archive.save_batch([to_item(copy)])  # the copy first: "L'Aurore de Kayes" is not known yet
    assert archive.db.execute("SELECT credited_source FROM articles").fetchone()[0] == "L'Aurore de Kayes"
    item = to_item(CorpusArticle("x", "legacy", "https://legacy.test/taoussa", original.title, original.published,
                                 "", False, original.text))
    item["body"] = page.encode()
    archive.save_batch([item])
    credited = archive.db.execute("SELECT credited_source FROM articles WHERE site = 'aggregator'").fetchone()[0]
    assert credited == "legacy", "learned from the original's <title>, the credit now names its site key"
    row = archive.db.execute("SELECT original_site, n_articles FROM stories").fetchone()
    assert row == ("legacy", 2)


COUNCIL = ("Le Conseil des Ministres s'est réuni en session ordinaire au Palais de Koulouba sous la présidence du "
           "Chef de l'État. Après examen des points inscrits à l'ordre du jour, le Conseil a adopté des projets de "
           "texte et procédé à des nominations. Au titre du Ministère de l'Économie et des Finances, sur le rapport du "
           "ministre, le Conseil a adopté un projet de décret portant approbation du marché relatif aux travaux. ") * 3


def communique(n: int) -> str:
    """The n-th weekly communiqué: the same template, its own nominations (each is its own story)."""
    names = " ".join(f"Nommé{(n * 7919 + i * 104729) % 1000003}" for i in range(40))
    return f"{COUNCIL}\nNominations de la semaine {n} : {names}.\n{COUNCIL}"


def test_templated_articles_are_verified_against_a_bounded_number_of_candidates(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new communiqué shares its LSH buckets with every earlier one: each was verified against
    all of them (quadratic; past the fingerprint cache, 1,000 took the writer 80 s a hundred)."""
    from archive import stories

    calls: list[int] = []
    real = stories.StoryIndex.verify
    monkeypatch.setattr(stories.StoryIndex, "verify", lambda self, doc, other: calls.append(doc.id) or real(self, doc, other))
    n = stories.MAX_VERIFIED + 15
    archive.save_batch([to_item(art(f"https://essor.ml/communique-{i}/", "essor", communique(i),
                                    title=f"Communiqué du Conseil des Ministres numéro {i}")) for i in range(n)])
    per_article = [calls.count(i) for i in set(calls)]
    assert max(per_article) == stories.MAX_VERIFIED  # the latest ones met the bound
    assert archive.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == n


def test_a_copy_of_one_templated_article_still_finds_its_story(archive: Archive) -> None:
    n = 60
    archive.save_batch([to_item(art(f"https://essor.ml/communique-{i}/", "essor", communique(i),
                                    title=f"Communiqué du Conseil des Ministres numéro {i}")) for i in range(n)])
    copy = art("https://maliweb.net/communique-17/", "maliweb", communique(17) + "\nSource : L'Essor",
               title="Communiqué du Conseil des Ministres numéro 17")
    archive.save_batch([to_item(copy)])
    assert story_of(archive, copy.url) == story_of(archive, "https://essor.ml/communique-17/")
    assert archive.db.execute("SELECT count(*) FROM articles WHERE story_id = ?",
                              [story_of(archive, copy.url)]).fetchone()[0] == 2
