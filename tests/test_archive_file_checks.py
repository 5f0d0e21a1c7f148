"""A --db that is no archive (not SQLite, damaged, another program's database, empty) and a search
query FTS5 cannot parse end as one clear line and exit 2, never as a traceback; another program's
database is left exactly as it was."""
from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

from archive import cli as cli_module
from archive.errors import ArchiveInvalidError, SearchSyntaxError
from archive.search import search
from archive.store import Archive, open_database
from tests.conftest import run_cli
from tests.test_archive_store import item

SITES = """
[sites.essor]
name = "L'Essor"
url = "http://127.0.0.1:9/"
language = "fr"
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("mes notes de terrain, Kayes 2025\n", encoding="utf-8")
    return path


def foreign(tmp_path: Path) -> Path:
    path = tmp_path / "budget.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE depenses (poste TEXT, montant INTEGER)")
        conn.execute("INSERT INTO depenses VALUES ('carburant', 25000)")
    conn.close()
    return path


def damaged(tmp_path: Path) -> Path:
    """A real archive cut after its first 8 KB (a copy interrupted by a full disk)."""
    source = tmp_path / "whole.db"
    archive = Archive.open(source)
    archive.save_batch([item(f"http://x/{n}", f"Texte numéro {n} " * 400) for n in range(20)])
    archive.close()
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    path = tmp_path / "cut.db"
    path.write_bytes(source.read_bytes()[:8192])
    return path


@pytest.mark.parametrize(("make", "message"), [
    (not_sqlite, "is not a SQLite database"),
    (foreign, "is a SQLite database but not a malinews archive (its tables: depenses)"),
    (damaged, "cannot be read as a SQLite database (database disk image is malformed)"),
])
@pytest.mark.parametrize("command", [["search", "Kayes"], ["stats"], ["crawl", "--quiet"]])
def test_a_db_that_is_no_archive_is_refused_in_one_line(tmp_path: Path, make, message: str,
                                                        command: list[str]) -> None:
    path = make(tmp_path)
    before = digest(path)
    sites = tmp_path / "sites.toml"
    sites.write_text(SITES, encoding="utf-8")
    extra = ["--sites", str(sites)] if command[0] == "crawl" else []
    proc = run_cli(*command, "--db", str(path), *extra)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert message in proc.stderr and str(path) in proc.stderr, proc.stderr
    assert digest(path) == before, "the file was changed"
    beside = {p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)} - {path.name}
    assert path.name + ".lock" not in beside, "a lock file was left beside it"
    if make is not damaged:  # the damaged archive is in WAL mode: SQLite opens its -wal and -shm files
        assert not beside, f"files left beside it: {beside}"


def test_another_programs_database_is_not_migrated_by_the_api(tmp_path: Path) -> None:
    path = foreign(tmp_path)
    with pytest.raises(ArchiveInvalidError, match="not a malinews archive"):
        Archive.open(path)
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["depenses"]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_an_empty_file_is_a_new_archive_for_a_crawl_and_none_yet_for_a_search(tmp_path: Path) -> None:
    path = tmp_path / "vide.db"
    path.touch()
    proc = run_cli("search", "Kayes", "--db", str(path))
    assert proc.returncode == 2 and "no archive in" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    archive = Archive.open(path)  # what a crawl does with it
    assert "articles" in archive.db.table_names()
    archive.close()


def test_an_archive_opens_as_before(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.db")
    archive.save_batch([item("http://x/1", "Les écoles de Kayes rouvrent leurs portes")])
    archive.close()
    db = open_database(tmp_path / "a.db", readonly=True)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


@pytest.mark.parametrize("query", [
    "*", "NEAR(Kayes écoles, x)", "(" * 3000 + "Kayes" + ")" * 3000, "{nope}: Kayes", "Kayes OR", "AND", "NOT Kayes",
])
def test_a_query_fts5_cannot_parse_is_a_search_syntax_error(tmp_path: Path, query: str) -> None:
    archive = Archive.open(tmp_path / "a.db")
    archive.save_batch([item("http://x/1", "Les écoles de Kayes rouvrent leurs portes")])
    with pytest.raises(SearchSyntaxError, match="Quote phrases"):
        search(archive.db, query)
    archive.close()


def main_exit_code(monkeypatch: pytest.MonkeyPatch, error: Exception) -> int | str | None:
    """Run `archive.cli.main` with every command failing with `error`; the code it exits with."""
    def failing(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(cli_module, "cli", failing)
    monkeypatch.delenv("MALINEWS_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["malinews", "stats"])
    with pytest.raises(SystemExit) as exited:
        cli_module.main()
    return exited.value.code


def test_sqlite_failures_past_the_open_end_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main_exit_code(monkeypatch, sqlite3.DatabaseError("database disk image is malformed")) == 1
    err = capsys.readouterr().err
    assert "Error: SQLite: database disk image is malformed" in err and "PRAGMA integrity_check" in err
    monkeypatch.setenv("MALINEWS_DEBUG", "1")
    with pytest.raises(sqlite3.DatabaseError):
        cli_module.main()


@pytest.mark.parametrize("ref", ["99999999999999999999999", "²", "٣"])
def test_an_id_sqlite_cannot_hold_is_no_story(tmp_path: Path, ref: str) -> None:
    """A story 'id' past SQLite's 64-bit integers was an OverflowError traceback; '²' a ValueError."""
    archive = Archive.open(tmp_path / "a.db")
    archive.save_batch([item("http://x/1", "Les écoles de Kayes rouvrent leurs portes")])
    archive.close()
    proc = run_cli("story", ref, "--db", str(tmp_path / "a.db"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"no story {ref!r}" in proc.stderr


def test_serve_refuses_a_file_that_is_no_archive_before_announcing_it(tmp_path: Path) -> None:
    path = not_sqlite(tmp_path)
    proc = run_cli("serve", "--db", str(path), "--port", "0", timeout=60)
    assert proc.returncode == 2 and "is not a SQLite database" in proc.stderr, proc.stderr
    assert "Serving" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
