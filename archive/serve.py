"""Run datasette on an archive with the shipped configuration, templates and plugin (read-only)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from archive.errors import ArchiveMissingError
from archive.serve_config import DatasetteFiles, build

PLUGIN_MODULES = ("web_plugin", "web_facets")  # datasette plugins shipped in archive/


def prepare_archive(db: str | Path) -> set[str]:
    """Bring the archive's schema up to date (indexes the pages need) and list its tables and views."""
    import sys

    from archive.schema import migrations
    from archive.store import Archive, open_database

    if not Path(db).exists():
        raise ArchiveMissingError(f"no archive at {db}; run `malinews crawl --db {db}` first, or pass --db PATH")
    conn = open_database(db, readonly=True)
    try:
        pending = [m.name for m in migrations.pending(conn)]
        if not pending:  # nothing to write: an archive on read-only media is served as it is
            return _names(conn)
    finally:
        conn.close()
    # one-off, but minutes on a big archive: say so rather than look stuck
    print(f"Updating the archive schema ({', '.join(pending)}); this runs once …", file=sys.stderr)
    archive = Archive.open(db)
    try:
        return _names(archive.db)
    finally:
        archive.close()


def _names(db: Any) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def served_file(db: str | Path) -> list[str]:
    """How datasette is given the archive: as an immutable file (`-i`) when it lies on read-only media,
    where SQLite cannot create the index a WAL database is read through (see `archive/readonly.py`)."""
    if not os.access(Path(db).resolve().parent, os.W_OK):
        return ["-i", str(db)]
    return [str(db)]


def database_name(db: str | Path) -> str:
    """The name datasette gives the database: the file name without its extension."""
    return Path(db).stem


def datasette_files(db: str | Path, version: str | None = None) -> DatasetteFiles:
    """The metadata/config/settings for serving `db` with datasette `version` (default: installed)."""
    return build(database_name(db), prepare_archive(db), version)


def emit(db: str | Path, directory: str | Path, version: str | None = None) -> list[str]:
    """Write the configuration files for `db` into `directory`; return a datasette command line."""
    files = datasette_files(db, version)
    args = files.write(Path(directory))
    plugins_dir = Path(directory) / "plugins"
    plugins_dir.mkdir(exist_ok=True)
    for name in PLUGIN_MODULES:
        source = Path(__file__).with_name(f"{name}.py").read_text(encoding="utf-8")
        (plugins_dir / f"malinews_{name}.py").write_text(source, encoding="utf-8")
    return ["datasette", "serve", *served_file(db), *args, "--plugins-dir", str(plugins_dir)]


def register_plugin() -> None:
    """Register the malinews datasette plugins with datasette's plugin manager (once per process)."""
    import importlib

    from datasette.plugins import pm

    for name in PLUGIN_MODULES:
        module = importlib.import_module(f"archive.{name}")
        if not pm.is_registered(module):
            pm.register(module, name=f"malinews-{name}")


def run_datasette(db: str | Path, host: str, port: int, *, open_browser: bool = False) -> None:
    """Serve `db` until interrupted (blocks); datasette's own CLI does the serving."""
    from datasette.cli import cli as datasette_cli

    files = datasette_files(db)  # refuses a file that is no archive before anything is announced
    print(f"Serving {db} on http://{host}:{port}/ (read-only; Ctrl-C to stop)", file=sys.stderr)
    workdir = Path(tempfile.mkdtemp(prefix="malinews-serve-"))
    args = ["serve", *served_file(db), "--host", host, "--port", str(port), *files.write(workdir)]
    if open_browser:
        args.append("--open")
    register_plugin()
    datasette_cli.main(args=args, prog_name="datasette", standalone_mode=True)
