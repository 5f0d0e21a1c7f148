"""CLI commands for people using the archive: serve (datasette), stats (+ coverage chart), export."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

import click

from archive.cli import IsoDate, check_window, db_option, fail, open_existing, parent_must_exist
from archive.errors import MalinewsError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0 = every one).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="TCP port (0 = any free).")
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the archive.")
@click.option("--emit-config", type=click.Path(file_okay=False), default=None,
              help="Do not serve: write the datasette files for this archive into DIR and print the command.")
@click.option("--datasette-version", type=click.Choice(["0.65", "1.0"]), default=None,
              help="With --emit-config: the datasette layout to write (default: the installed datasette).")
def serve(db: str, host: str, port: int, open_browser: bool, emit_config: str | None,
          datasette_version: str | None) -> None:
    """Browse and search the archive in datasette (read-only).

    Articles newest first with facets (outlet, section, language, author, month), full-text search,
    readable article pages with the other copies of each story, and canned queries.

    Example: malinews serve --db malinews.db --port 8001
    """
    from archive.serve import emit, run_datasette

    try:
        if emit_config:
            command = emit(db, emit_config, datasette_version)
            click.echo(" ".join(command))
            return
        run_datasette(db, host, port, open_browser=open_browser)
    except MalinewsError as exc:
        fail(exc)


@click.command()
@db_option
@click.option("--plot", callback=parent_must_exist, type=click.Path(dir_okay=False), default=None,
              help="Also draw the outlet × month coverage heatmap into this PNG file.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per outlet instead of the table.")
def stats(db: str, plot: str | None, as_json: bool) -> None:
    """Per-outlet health of the archive, and optionally its coverage chart.

    Articles, stories, originals vs copies, first/last published, last successful crawl, errors in
    the last run, % with a date / author / section, median body length (words).

    Example: malinews stats --db malinews.db --plot coverage.png
    """
    from archive.serve import prepare_archive
    from archive.stats import coverage, outlet_stats, stats_table

    try:
        prepare_archive(db)
        conn = open_existing(db)
    except MalinewsError as exc:
        fail(exc)
        return
    rows = outlet_stats(conn)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.as_dict(), ensure_ascii=False))
    elif rows:
        click.echo(stats_table(rows))
    else:
        click.echo("The archive holds no article yet.", err=True)
    if plot:
        from archive.coverage_plot import plot_coverage

        try:
            path = plot_coverage(coverage(conn), plot)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"Coverage chart written to {path}", err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--site", help="Only this outlet (registry key).")
@click.option("--since", type=IsoDate(), help="Published on or after this date.")
@click.option("--until", type=IsoDate(), help="Published on or before this date.")
@click.option("--stories-only", is_flag=True, help="One row per story: its original article.")
@click.option("-o", "--output", callback=parent_must_exist, type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: stdout).")
def export(db: str, fmt: str, site: str | None, since: str | None, until: str | None, stories_only: bool,
           output: str) -> None:
    """Export articles as JSON Lines or CSV (UTF-8), streaming: any archive size, constant memory.

    Fields: url, site, title, author, published, modified, section, tags (a list), language, text,
    story_id, original_site.

    Example: malinews export --site essor --since 2025-01-01 -o essor-2025.jsonl
    """
    from archive.export import iter_articles, write_csv, write_jsonl

    check_window(since, until)
    try:
        conn = open_existing(db)
    except MalinewsError as exc:
        fail(exc)
        return
    rows = iter_articles(conn, site=site, since=since, until=until, stories_only=stories_only)
    writer = write_csv if fmt == "csv" else write_jsonl
    out: TextIO
    if output == "-":
        out = sys.stdout
        if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
            out.reconfigure(encoding="utf-8")
        n = writer(rows, out)
        out.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="") as out:
            n = writer(rows, out)
    where = "stdout" if output == "-" else str(Path(output))
    click.echo(f"Exported {n:,} {'stories' if stories_only else 'articles'} to {where}", err=True)
