"""An archive kept on read-only media (a DVD, a read-only share or mount) can be searched, exported,
counted and served there; writers say where the problem is.

SQLite reads a WAL database through a `-shm` file it must create beside it: from a read-only folder
even a read-only open failed ("unable to open database file ... If the archive is damaged"). The
folder is made read-only by a `chmod` when the tests do not run as root, else by remounting a tmpfs
read-only (skipped when neither is possible here).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.readonly import connect_readonly
from archive.store import Archive
from conftest import REPO, cli_env, run_cli
from tests.test_archive_store import item
from tests.test_concurrency import free_port


def make_archive(path: Path, copy_open_to: Path | None = None) -> None:
    """A five-article archive at `path`; `copy_open_to`: also copy its files there while it is open
    (its last transactions still in the `-wal`, as a careless backup would)."""
    archive = Archive.open(path)
    archive.save_batch([item(f"http://x/{n}", f"À Kayes, la foire numéro {n} a rouvert ses portes mardi. " * 20)
                        for n in range(5)])
    if copy_open_to is not None:
        for suffix in ("", "-wal"):
            Path(f"{copy_open_to}{suffix}").write_bytes(Path(f"{path}{suffix}").read_bytes())
    archive.close()  # the last connection checkpoints the log and removes it


@pytest.fixture()
def readonly_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding an archive (`a.db`), then made read-only; yields the folder."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        make_archive(folder / "a.db")
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"root cannot be denied a folder by chmod, and no tmpfs can be mounted here: {mounted.stderr!r}")
    try:
        make_archive(folder / "a.db")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        assert not os.access(folder, os.W_OK)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_read_commands_work_on_read_only_media(readonly_folder: Path) -> None:
    db = str(readonly_folder / "a.db")
    hit = run_cli("search", "Kayes", "--db", db, "--json")
    assert hit.returncode == 0, hit.stderr
    assert len(hit.stdout.splitlines()) >= 1 and json.loads(hit.stdout.splitlines()[0])["url"].startswith("http://x/")
    exported = run_cli("export", "--db", db)
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 5, exported.stderr
    for command in (["stats"], ["health"], ["story", "1"]):
        proc = run_cli(*command, "--db", db)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, (command, proc.stderr)
    assert sorted(p.name for p in readonly_folder.iterdir()) == ["a.db"]  # nothing written beside it


def test_datasette_serves_an_archive_on_read_only_media(readonly_folder: Path) -> None:
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--db", str(readonly_folder / "a.db"),
                              "--port", str(port)], cwd=REPO, env=cli_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        body = None
        deadline = time.monotonic() + 30
        while body is None and serve.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/a.json?sql=select+count(*)+from+articles",
                                            timeout=5) as resp:
                    body = json.loads(resp.read())
            except OSError:
                time.sleep(0.2)  # still starting
        assert body is not None, "datasette never answered"
        assert body["rows"] == [[5]]
    finally:
        serve.terminate()
        out = serve.communicate(timeout=30)[0]
    assert "Traceback" not in out and "unable to open" not in out, out[-2000:]


def test_a_writer_names_the_read_only_media(readonly_folder: Path, tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text('[sites.x]\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    proc = run_cli("crawl", "--sites", str(sites), "--db", str(readonly_folder / "a.db"), "--quiet")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "The archive lies on read-only media: search, serve, export, stats and health read it there" in proc.stderr


def test_an_unreadable_wal_on_read_only_media_is_said(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Copied without a checkpoint, the archive's last transactions sit in its `-wal`, which an immutable
    open does not read: the reader is told how to copy it whole."""
    db = tmp_path / "copy.db"
    make_archive(tmp_path / "a.db", copy_open_to=db)
    assert Path(f"{db}-wal").stat().st_size > 0
    real = sqlite3.connect

    def no_shm(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if "mode=ro" in database:  # what a read-only folder does to it
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", no_shm)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    conn = connect_readonly(db)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    assert "write-ahead log, which cannot be read there" in caplog.text
