"""CLI commands for stories and versions: history (an article's texts over time), story, dedupe."""
from __future__ import annotations

import json
import sys
import time
from itertools import pairwise
from typing import Any

import click

from archive.cli import db_option, fail
from archive.errors import MalinewsError


def _color(line: str) -> str:
    """A diff line coloured for a terminal (red removed, green added, cyan hunk headers)."""
    if line.startswith(("+++", "---")):
        return click.style(line, bold=True)
    if line.startswith("@@"):
        return click.style(line, fg="cyan")
    return click.style(line, fg="red" if line.startswith("-") else "green" if line.startswith("+") else None)


def _echo_diff(lines: list[str]) -> None:
    tty = sys.stdout.isatty()
    for line in lines:
        click.echo(_color(line) if tty else line)


@click.command()
@click.argument("url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The versions as JSON lines (no diff).")
def history(url: str, db: str, as_json: bool) -> None:
    """Every text an article had (URL, alias or article id), with a readable diff between versions.

    Example: malinews history https://www.lessor.ml/posts/… --db malinews.db
    """
    from archive.serve import prepare_archive
    from archive.store import open_database
    from archive.story_report import find_article, label, unified_diff, versions

    try:
        prepare_archive(db)
        conn = open_database(db, readonly=True)
    except MalinewsError as exc:
        fail(exc)
        return
    article = find_article(conn, url)
    if article is None:
        click.secho(f"Error: no article at {url!r} in {db} (give its URL, a fetched alias or its id)", fg="red", err=True)
        sys.exit(1)
    texts = versions(conn, article)
    if as_json:
        for v in texts:
            click.echo(json.dumps({"article_id": article["id"], "url": article["url"], **v.__dict__}, ensure_ascii=False))
        return
    click.secho(article["title"] or "(untitled)", bold=True)
    click.echo(f"{article['url']} · {article['site']} · published {(article['published'] or 'undated')[:16]} · "
               f"{len(texts)} version{'s' * (len(texts) > 1)}")
    for v in texts:
        click.echo(f"  {label(v)}{' current' if v.seen_to is None else ''} · {len(v.text.split())} words · "
                   f"{(v.content_hash or '')[:12]}")
    if len(texts) == 1:
        click.echo("The text has not changed since it was first archived.", err=True)
    for old, new in pairwise(texts):
        click.echo("")
        _echo_diff(unified_diff(old, new) or [f"(version {new.number}: same text, new title or hash)"])


def _story_json(story: dict[str, Any], copies: list[Any]) -> str:
    return json.dumps({**story, "copies": [{k: v for k, v in c.__dict__.items() if k != "text"} for c in copies]},
                      ensure_ascii=False)


@click.command()
@click.argument("ref")
@db_option
@click.option("--diff", "show_diff", is_flag=True, help="Also print each copy's diff against the original.")
@click.option("--json", "as_json", is_flag=True, help="The story and its copies as one JSON object.")
def story(ref: str, db: str, show_diff: bool, as_json: bool) -> None:
    """All copies of a story (REF: story id, or an article URL): outlet, date, URL, how each differs.

    Example: malinews story 42 --db malinews.db --diff
    """
    from archive.credits import site_display_names
    from archive.site_names import outlet_names
    from archive.serve import prepare_archive
    from archive.store import open_database
    from archive.stories import StoryIndex
    from archive.story_report import find_article, story_copies, text_diff

    try:
        prepare_archive(db)
        conn = open_database(db, readonly=True)
    except MalinewsError as exc:
        fail(exc)
        return
    story_id: int | None = int(ref) if ref.isascii() and ref.isdigit() and int(ref) < 2**63 else None
    if story_id is None:
        article = find_article(conn, ref)
        story_id = article["story_id"] if article else None
    found = story_copies(conn, story_id, StoryIndex(conn).matcher()) if story_id is not None else None
    if found is None:
        click.secho(f"Error: no story {ref!r} in {db} (give a story id or an article URL)", fg="red", err=True)
        sys.exit(1)
    info, copies = found
    if as_json:
        click.echo(_story_json(info, copies))
        return
    names = outlet_names(conn, {info["original_site"], *(c.site for c in copies)} - {None}, site_display_names())
    click.secho(f"Story {info['id']}: {info['title'] or '(untitled)'}", bold=True)
    click.echo(f"first published {(info['first_published'] or 'undated')[:16]} · {info['n_articles']} "
               f"article{'s' * (info['n_articles'] > 1)} on {info['n_sites']} outlet{'s' * (info['n_sites'] > 1)} · "
               f"original: {names.get(info['original_site'], info['original_site'])}")
    for c in copies:
        mark = "★" if c.original else " "
        what = "original" if c.original else "; ".join(c.differences) + f" (similarity {c.similarity:.2f})"
        click.echo(f"{mark} {names.get(c.site, c.site)[:22]:<22} {(c.published or 'undated')[:16]:<16} {c.url}")
        click.echo(f"    {what}")
    if show_diff and copies and copies[0].original:
        orig = copies[0]
        for c in copies[1:]:
            click.echo("")
            _echo_diff(text_diff(orig.title, orig.text, c.title, c.text, f"original ({orig.site})", f"copy ({c.site})"))


@click.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Forget every story and recompute them all (deterministic).")
@click.option("--threshold", type=click.FloatRange(0.05, 1.0), default=None,
              help="Jaccard of 5-word shingles that joins two copies (default 0.4; needs --rebuild).")
def dedupe(db: str, rebuild: bool, threshold: float | None) -> None:
    """Group articles into stories: new articles only, or every story again with --rebuild.

    The same archive always gives the same stories, whatever order its articles were crawled in.

    Example: malinews dedupe --rebuild --threshold 0.5 --db malinews.db
    """
    from archive.lock import ArchiveLock
    from archive.serve import prepare_archive
    from archive.store import Archive

    if threshold is not None and not rebuild:
        raise click.UsageError("--threshold changes every story: use it with --rebuild")
    try:
        prepare_archive(db)
        with ArchiveLock(db):
            archive = Archive.open(db)
            index = archive.stories
            assert index is not None
            start = time.perf_counter()
            progress = (lambda n: click.echo(f"\r  {n:,} articles …", nl=False, err=True)) if sys.stderr.isatty() else None
            n = index.rebuild(threshold, progress=progress) if rebuild else index.assign_all(index.pending(), progress=progress)
            stories, multi, copies = archive.db.execute(
                "SELECT count(*), sum(n_articles > 1), sum(CASE WHEN n_articles > 1 THEN n_articles ELSE 0 END) "
                "FROM stories").fetchone()
            archive.close()
    except MalinewsError as exc:
        fail(exc)
        return
    took = time.perf_counter() - start
    click.echo(("\n" if progress else "") + f"{'Rebuilt' if rebuild else 'Assigned'} {n:,} articles in {took:.1f} s "
               f"(threshold {index.threshold}): {stories:,} stories, {multi or 0:,} with copies "
               f"({copies or 0:,} articles).", err=True)
