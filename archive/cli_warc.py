"""CLI commands that rebuild articles from kept raw material with no network: import-warc, reextract."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

import click

from archive.cli import IsoDate, db_option, fail, open_existing, sites_option
from archive.errors import MalinewsError


def _sites(sites_file: str | None) -> Any:
    from crawler.sites import SitesConfigError, load_sites

    try:
        return load_sites(sites_file)
    except SitesConfigError as exc:
        fail(exc)


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in sorted(counts.items())) or "nothing"


@click.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@sites_option
def import_warc(files: tuple[str, ...], db: str, sites_file: str | None) -> None:
    """Build or update an archive from WARC files (no network), with the crawl's own extraction.

    Responses are replayed in file order: sitemaps and feeds give their hints, HTML pages of the
    registered sites are extracted, articles are saved like a crawl saves them.

    Example: malinews import-warc warc/*.warc.gz --db rebuilt.db --sites my-sites.toml
    """
    from archive.lock import ArchiveLock
    from crawler.warc_import import import_warcs

    registry = _sites(sites_file)
    try:
        with ArchiveLock(db):
            summary = import_warcs(files, db, registry)
    except MalinewsError as exc:
        fail(exc)
        return
    for path, why in summary.problems.items():
        click.echo(f"warning: {path}: {why}", err=True)
    click.echo(f"Imported {summary.files} WARC file(s): {summary.responses:,} responses, {summary.pages:,} HTML pages; "
               f"{_counts_line(summary.counts)}", err=True)
    if summary.unreadable:
        fail(MalinewsError(f"{len(summary.unreadable)} of {summary.files} file(s) are not readable WARC files"))


@click.command()
@db_option
@sites_option
@click.option("--site", help="Only this outlet (registry key).")
@click.option("--since", type=IsoDate(), help="Only articles published on or after this date.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: one per CPU core).")
def reextract(db: str, sites_file: str | None, site: str | None, since: str | None, workers: int | None) -> None:
    """Re-run extraction over the raw pages kept in the archive (no network).

    Each article's latest page is extracted again with the installed trafilatura and malinews;
    only articles whose output changed are updated (their previous text goes to article_versions),
    and every article looked at records the extractor_version.

    Example: malinews reextract --site essor --since 2025-01-01
    """
    from archive.lock import ArchiveLock
    from archive.provenance import extractor_version
    from archive.reextract import reextract as run_reextract
    from archive.store import Archive
    from pipelines.extract import extract_page

    registry = _sites(sites_file)
    confs = {k: {"article_pattern": s.article_pattern, "exclude_pattern": s.exclude_pattern, "language": s.language}
             for k, s in registry.items()}
    try:
        open_existing(db).close()
        with ArchiveLock(db):
            archive = Archive.open(db)
            try:
                tty = sys.stderr.isatty()

                def progress(summary: Any) -> None:
                    if tty:
                        click.echo(f"\r  {summary.total:,} articles re-extracted", nl=False, err=True)

                version = extractor_version()
                with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
                    summary = run_reextract(archive, extract_page, version, confs, site=site, since=since,
                                            progress=progress, map_fn=partial(pool.map, chunksize=8))
            finally:
                archive.close()
    except MalinewsError as exc:
        fail(exc)
        return
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"Re-extracted {summary.total:,} articles with {version}: {_counts_line(summary.counts)}", err=True)
