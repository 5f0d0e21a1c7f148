"""The `malinews` command line: crawl, search, sites, demo (library errors become clear messages)."""
from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click

from archive.errors import ArchiveMissingError, MalinewsError

DEFAULT_DB = "malinews.db"


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-06-22", param, ctx)


def check_window(since: str | None, until: str | None) -> None:
    """Refuse a --since after --until (a usage error, exit 2): no date is in both, and a crawl would
    fetch every outlet's pages only to keep none of them."""
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: no date is in both; "
                               f"did you mean --since {until} --until {since}?")


def fail(exc: Exception) -> None:
    """Print a library error as one clear line and exit with its code (2 = config/usage)."""
    click.secho(f"Error: {exc}", fg="red", err=True)
    sys.exit(getattr(exc, "exit_code", 1))


def parent_must_exist(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: refuse a file path whose directory does not exist (a usage error, exit 2),
    rather than let the first write fail deep inside SQLite, Scrapy or the exporter."""
    if value and value != "-" and not Path(value).expanduser().parent.is_dir():
        raise click.BadParameter(f"the directory {Path(value).expanduser().parent} does not exist; create it or "
                                 "choose another path")
    return value


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --db option."""
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                        callback=parent_must_exist, help="Path of the SQLite archive.")(f)


def sites_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --sites option."""
    return click.option("--sites", "sites_file", type=click.Path(dir_okay=False), default=None,
                        help="Sites file (TOML, same format as crawler/sites.toml). Default: the bundled registry.")(f)


def open_existing(db: str) -> Any:
    """Open an archive that must already exist (for read commands)."""
    from archive.store import open_database

    if not Path(db).exists():
        raise ArchiveMissingError(f"no archive at {db}; run `malinews crawl --db {db}` first, or pass --db PATH")
    conn = open_database(db, readonly=True)  # also from read-only media
    if "articles" not in conn.table_names():  # an empty file: no crawl has written to it yet
        conn.close()
        raise ArchiveMissingError(f"no archive in {db} yet (an empty database); run `malinews crawl --db {db}` first, "
                                  "or pass --db PATH")
    return conn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="malinews")
def cli() -> None:
    """malinews: the archive of Malian news.

    Crawl news sites into one SQLite archive, then search it or browse it with datasette.
    """


@cli.command()
@click.argument("names", nargs=-1)
@sites_option
@db_option
@click.option("--since", type=IsoDate(), help="Skip articles published before this date.")
@click.option("--until", type=IsoDate(), help="Skip articles published after this date.")
@click.option("--backfill", is_flag=True,
              help="Walk each outlet's whole history (WP API pages, all pagination, date archives); "
                   "resumable: rerun the same command after an interruption.")
@click.option("--max-articles", type=click.IntRange(min=0), default=0, help="Stop after N articles per site (0 = all).")
@click.option("--revisit", type=click.IntRange(min=0), default=0, metavar="N",
              help="Also fetch again, per outlet, the N archived articles seen longest ago: an edited text "
                   "becomes a new version, a deleted article is recorded (the archive keeps it).")
@click.option("--recheck-gone", is_flag=True,
              help="Ask again now the article addresses earlier crawls found gone (404, 410, 'page not found'), "
                   "which are otherwise left alone for 1, 2, 4 … 64 days after each check.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting, e.g. -s DOWNLOAD_DELAY=0 (repeatable).")
@click.option("--quiet", is_flag=True, help="No live progress display.")
@click.option("--log-level", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), default="WARNING",
              show_default=True, help="Scrapy log level (logs go to stderr or --log-file).")
@click.option("--log-file", type=click.Path(dir_okay=False), callback=parent_must_exist,
              help="Write the Scrapy log to this file.")
@click.option("--warc", "warc_dir", type=click.Path(file_okay=False), default=None,
              help="Also write every HTTP response fetched to gzipped WARC/1.1 files in DIR (rotated at ~1 GB).")
def crawl(names: tuple[str, ...], sites_file: str | None, db: str, since: str | None, until: str | None,
          backfill: bool, max_articles: int, revisit: int, recheck_gone: bool,
          overrides: tuple[str, ...], quiet: bool, log_level: str, log_file: str | None,
          warc_dir: str | None) -> None:
    """Crawl the named sites (default: every registered site) into the archive.

    Example: malinews crawl essor studiotamani --db malinews.db --max-articles 50

    Example: malinews crawl journaldumali --backfill --since 2020-01-01 --until 2020-12-31
    """
    from crawler.run import run_crawl
    from crawler.sites import SitesConfigError

    check_window(since, until)
    parsed: dict[str, str] = {}
    for item in overrides:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="-s/--set")
        k, v = item.split("=", 1)
        parsed[k.strip()] = v.strip()
    parsed.setdefault("LOG_LEVEL", log_level)
    if log_file:
        parsed.setdefault("LOG_FILE", log_file)
    if warc_dir:
        from crawler.overrides import SettingOverrideError, check_directory

        try:  # named as given: the check of -s values would name MALINEWS_WARC_DIR
            check_directory(warc_dir, f"--warc {warc_dir}")
        except SettingOverrideError as exc:
            fail(exc)
        parsed["MALINEWS_WARC_DIR"] = str(Path(warc_dir).resolve())
    if recheck_gone:
        parsed["MALINEWS_RECHECK_GONE"] = "True"
    if revisit:
        parsed["MALINEWS_REVISIT"] = str(revisit)
    try:
        summary = run_crawl(db, list(names), sites_file, since=since, max_articles=max_articles,
                            overrides=parsed, progress=not quiet, backfill=backfill, until=until)
    except (SitesConfigError, MalinewsError) as exc:
        fail(exc)
        return
    from archive.report import summary_table

    click.echo(summary_table(summary.per_site, summary.run_id, summary.finish_reason), err=True)
    if (stopped := ARCHIVE_STOPS.get(summary.finish_reason)) is not None:
        click.secho(f"Error: {stopped}", fg="red", err=True)
    if (unreachable := summary.unreachable) is not None:
        click.secho(f"Error: {unreachable}. Check this machine's network and DNS; nothing was archived.",
                    fg="red", err=True)
        sys.exit(1)
    if backfill and not summary.ok:
        click.echo("Backfill interrupted: run the same command again to resume where it stopped.", err=True)
    if not summary.ok:
        sys.exit(1)


@cli.command()
@click.argument("query")
@db_option
@click.option("--site", help="Only this outlet (registry key).")
@click.option("--since", type=IsoDate(), help="Published on or after this date.")
@click.option("--until", type=IsoDate(), help="Published on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--all-copies", is_flag=True, help="Every matching article, not one per story.")
def search(query: str, db: str, site: str | None, since: str | None, until: str | None, limit: int, as_json: bool,
           all_copies: bool) -> None:
    """Full-text search (accent- and case-insensitive), best matches first, one result per story.

    QUERY uses SQLite FTS5 syntax: words, "exact phrase", OR, NOT, prefix*. A story republished by
    several outlets shows once (its original when it matches), with "also in: …" the other outlets.

    Example: malinews search 'Goita transition' --since 2025-01-01
    """
    from archive.search import HL_END, HL_START, search as run_search
    from archive.credits import site_display_names
    from archive.site_names import outlet_names

    check_window(since, until)
    try:
        conn = open_existing(db)
        hits = run_search(conn, query, site=site, since=since, until=until, limit=limit,
                          all_copies=all_copies)
    except MalinewsError as exc:
        fail(exc)
        return
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit.as_dict(), ensure_ascii=False))
        return
    if not hits:
        click.echo(f"No article matches {query!r}.", err=True)
        return
    color = sys.stdout.isatty()
    names = outlet_names(conn, {s for hit in hits for s in hit.also_in}, site_display_names())
    for n, hit in enumerate(hits, 1):
        click.secho(f"{n}. {hit.title or '(untitled)'}", bold=True)
        click.echo(f"   {hit.site} · {(hit.published or 'undated')[:16]} · {hit.url}")
        if hit.also_in:
            click.echo(f"   also in: {', '.join(names.get(s, s) for s in hit.also_in)}")
        snippet = hit.snippet.replace("\n", " ")
        if color:
            snippet = snippet.replace(HL_START, "\x1b[1;33m").replace(HL_END, "\x1b[0m")
        else:
            snippet = snippet.replace(HL_START, "**").replace(HL_END, "**")
        click.echo(f"   {snippet}\n")


@cli.command()
@sites_option
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def sites(sites_file: str | None, db: str, as_json: bool) -> None:
    """List the registered outlets, with their last crawl when the archive (--db) exists.

    Example: malinews sites --sites my-sites.toml --db malinews.db
    """
    from archive.health import last_crawl_text, last_runs
    from crawler.sites import SitesConfigError, load_sites

    try:
        registry = load_sites(sites_file)
        runs = last_runs(open_existing(db)) if Path(db).exists() else {}
    except (SitesConfigError, MalinewsError) as exc:
        fail(exc)
        return
    for site in registry.values():
        if as_json:
            click.echo(json.dumps({"key": site.key, "name": site.name, "url": site.url, "kind": site.kind,
                                   "language": site.language, "feeds": list(site.feeds),
                                   "last_crawl": runs.get(site.key)}, ensure_ascii=False))
        else:
            click.echo(f"{site.key:<14} {site.name[:28]:<28} {site.kind or '-':<10} {site.language or '-':<3} "
                       f"{site.url:<34} {last_crawl_text(runs.get(site.key))}")


@cli.command()
@click.option("--db", default=None, type=click.Path(dir_okay=False),
              help="Archive to create (default: a fresh file in a temporary directory).")
@click.option("--query", default="Goita", show_default=True, help="What to search for after the crawl.")
def demo(db: str | None, query: str) -> None:
    """Serve a bundled sample web on loopback, crawl it, and search the new archive.

    Example: malinews demo
    """
    from archive.demo import run_demo

    try:
        run_demo(db, query)
    except MalinewsError as exc:
        fail(exc)


# -- commands defined in their own modules (one line each; keep this block sorted) --------
# (helpers add `from archive.cli_xxx import yyy` + `cli.add_command(yyy)` here)
from archive.cli_ops import health, schedule  # noqa: E402  (issue 5)
from archive.cli_people import export, serve, stats  # noqa: E402  (issue 4)
from archive.cli_stories import dedupe, history, story  # noqa: E402  (issue 3)
from archive.cli_warc import import_warc, reextract  # noqa: E402  (issue 4)
cli.add_command(dedupe)
cli.add_command(export)
cli.add_command(health)
cli.add_command(history)
cli.add_command(import_warc)
cli.add_command(reextract)
cli.add_command(schedule)
cli.add_command(serve)
cli.add_command(stats)
cli.add_command(story)


DISK_FULL_HINT = ("Free some space on the archive's disk and run the command again: the archive keeps every "
                  "transaction it committed, and a crawl fetches again what it could not save.")


READ_ONLY_HINT = ("The archive lies on read-only media: search, serve, export, stats and health read it there; "
                  "to crawl or deduplicate, copy it to writable storage.")


# Why a crawl stopped because its archive refused a batch for good (`pipelines.storage.fatal_write_error`).
ARCHIVE_STOPS = {
    "disk_full": f"the archive's disk is full; the crawl stopped. {DISK_FULL_HINT}",
    "archive_read_only": "the archive became read-only during the crawl (its disk remounted read-only, or the "
                         "file's permissions changed); the crawl stopped. Make it writable and run the command "
                         "again: what was committed is kept.",
    "archive_io_error": "the archive's disk failed (a disk I/O error: a failing or unplugged disk); the crawl "
                        "stopped. Check the disk, then the archive with `sqlite3 ARCHIVE 'PRAGMA integrity_check'`.",
    "archive_damaged": "the archive is damaged (SQLite: database disk image is malformed); the crawl stopped. "
                       "Check it with `sqlite3 ARCHIVE 'PRAGMA integrity_check'` and restore it from a backup.",
}


def main() -> None:
    """Console-script entry point: SQLite failures past the checks at open (a page damaged deep in the
    file, a lock held past the 30 s busy timeout) and OS errors (a full disk, an unwritable file) end
    as one line, not a traceback (MALINEWS_DEBUG=1 shows it)."""
    try:
        cli(prog_name="malinews")
    except sqlite3.Error as exc:
        if os.environ.get("MALINEWS_DEBUG"):
            raise
        hint = (DISK_FULL_HINT if "disk is full" in str(exc) else "If the archive is damaged, check it with "
                "`sqlite3 ARCHIVE 'PRAGMA integrity_check'` and restore it from a backup.")
        click.secho(f"Error: SQLite: {exc}. {hint}", fg="red", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a file or directory that cannot be written
        if os.environ.get("MALINEWS_DEBUG"):
            raise
        hint = f". {DISK_FULL_HINT}" if exc.errno == errno.ENOSPC else f". {READ_ONLY_HINT}" if exc.errno == errno.EROFS else ""
        click.secho(f"Error: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "") + hint,
                    fg="red", err=True)
        sys.exit(1)
