"""What people type into `malinews search` is read as the FTS5 query they meant (`archive/ftsquery.py`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import SearchSyntaxError
from archive.ftsquery import plain_query
from archive.search import search
from archive.store import Archive
from tests.test_archive_store import item


@pytest.mark.parametrize(("typed", "meant"), [
    ("aujourd'hui", "\"aujourd'hui\""),
    ("l’armée à Kidal", '"l’armée" à Kidal'),
    ("G5-Sahel", '"G5-Sahel"'),
    ("COVID-19 Bamako", '"COVID-19" Bamako'),
    ("5.000 tonnes", '"5.000" tonnes'),
    ("Mali : attaque", "Mali attaque"),            # ":" read as a column filter: "no such column: Mali"
    ("Ansongo, Ménaka", '"Ansongo," Ménaka'),
    ("title:G5-Sahel", 'title:"G5-Sahel"'),       # a real column filter stays one
    ("G5-Sah*", '"G5-Sah"*'),                      # a prefix stays one
    ('"Kayes', '"Kayes"'),                          # an unterminated phrase is closed
    ('(coton OR "prix du coton") NOT Ségou*', '( coton OR "prix du coton" ) NOT Ségou*'),
    ('"a ""cité"" b"', '"a ""cité"" b"'),           # FTS5's doubled quote inside a phrase
    ("NEAR(a b, x)", "NEAR(a b, x)"),               # deliberate syntax: left to FTS5's own error
    ("{title}: x-y", "{title}: x-y"),
    ("attaque -Kidal", "attaque NOT Kidal"),        # as search engines read a minus
    ("attaque -G5-Sahel", 'attaque NOT "G5-Sahel"'),
    ("-Kidal", "NOT Kidal"),                         # alone: still FTS5's error, never the opposite
])
def test_words_with_punctuation_become_phrases(typed: str, meant: str) -> None:
    assert plain_query(typed) == meant


@pytest.fixture()
def archive(tmp_path: Path) -> Archive:
    a = Archive.open(tmp_path / "a.db")
    a.save_batch([
        item("http://x/a", "La force conjointe du G5-Sahel se retire ; aujourd'hui l'État malien réorganise l'armée.",
             title="G5-Sahel : le retrait"),
        item("http://x/b", "Le Sahel et le G5 ne sont pas cités ensemble ici, ni l'armée.", title="Autre sujet"),
        item("http://x/c", "Le COVID-19 recule à Bamako : 5.000 doses livrées.", title="Santé"),
    ])
    yield a
    a.close()


@pytest.mark.parametrize(("typed", "urls"), [
    ("G5-Sahel", ["http://x/a"]),          # the phrase g5 sahel, not g5 and sahel anywhere
    ("aujourd'hui", ["http://x/a"]),
    ("l'État", ["http://x/a"]),
    ("COVID-19", ["http://x/c"]),
    ("5.000", ["http://x/c"]),
    ("Bamako : doses", ["http://x/c"]),
    ("armée -G5-Sahel", ["http://x/b"]),
])
def test_the_search_finds_what_was_meant(archive: Archive, typed: str, urls: list[str]) -> None:
    assert [h.url for h in search(archive.db, typed)] == urls


def test_valid_fts5_is_run_as_written(archive: Archive) -> None:
    assert {h.url for h in search(archive.db, "G5 AND Sahel")} == {"http://x/a", "http://x/b"}
    assert [h.url for h in search(archive.db, "title:G5")] == ["http://x/a"]


def test_a_query_still_unreadable_keeps_fts5s_message(archive: Archive) -> None:
    for typed in ("NOT Sahel", "-Sahel"):
        with pytest.raises(SearchSyntaxError, match="Quote phrases"):
            search(archive.db, typed)


@pytest.mark.parametrize(("typed", "read"), [
    ("G5 AND Sahel", "G5 AND Sahel"),          # valid FTS5: as written
    ("title:Kidal", "title:Kidal"),
    ("G5-Sahel", '"G5-Sahel"'),                 # refused as written, read as a phrase
    ("NOT Kidal", "NOT Kidal"),                 # refused both ways: left for FTS5 to explain
    ("", ""),
])
def test_readable_query_is_the_written_query_whenever_fts5_reads_it(typed: str, read: str) -> None:
    from archive.ftsquery import fts5_accepts, readable_query

    assert readable_query(typed) == read
    assert fts5_accepts("G5 AND Sahel") and not fts5_accepts("G5-Sahel") and not fts5_accepts("nope:x")
