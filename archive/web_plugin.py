"""The datasette plugin `malinews serve` registers: read-only connections, readable cells, article pages."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape

from archive.ftsquery import readable_query

LINK_COLUMNS = {"article": "articles", "original": "articles", "story": "stories"}


def safe_href(url: Any) -> str | None:
    """`url` when it is an http(s) URL (never javascript: and the like), else None."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    """Archive connections refuse every write, whatever SQL or plugin asks for one; `fts_query(term)`
    reads a search term as `malinews search` does (`G5-Sahel`, `aujourd'hui`: archive/ftsquery.py)."""
    if not database.startswith("_"):
        conn.execute("PRAGMA query_only = 1")
    conn.create_function("fts_query", 1, readable_query, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    """Compressed pages and documents show as their size; id columns of canned queries link to their rows."""
    if column == "html_zlib" and isinstance(value, (bytes, bytearray)):
        return Markup(f"<em>zlib-compressed HTML, {len(value):,} bytes</em>")
    if column == "body_zlib" and isinstance(value, (bytes, bytearray)):
        return Markup(f"<em>zlib-compressed document, {len(value):,} bytes</em>")
    if table is None and column in LINK_COLUMNS and isinstance(value, int):
        href = datasette.urls.row(database, LINK_COLUMNS[column], str(value))
        return Markup(f'<a href="{escape(href)}">{value}</a>')
    return None


def _tags(raw: Any) -> list[str]:
    try:
        tags = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return []
    return [str(t) for t in tags] if isinstance(tags, list) else []


async def article_context(datasette: Any, database: str, article_id: str) -> dict[str, Any] | None:
    """Everything the article page shows: the article, its paragraphs, its story's copies, its versions."""
    db = datasette.get_database(database)
    rows = (await db.execute("SELECT * FROM articles WHERE id = ?", [article_id])).rows
    if not rows:
        return None
    art = dict(rows[0])
    story = None
    copies: list[dict[str, Any]] = []
    if art.get("story_id") is not None:
        srows = (await db.execute("SELECT * FROM stories WHERE id = ?", [art["story_id"]])).rows
        story = dict(srows[0]) if srows else None
        crows = (await db.execute(
            "SELECT id, site, title, published, url FROM articles WHERE story_id = ? AND id != ? "
            "ORDER BY published, id LIMIT 200", [art["story_id"], art["id"]])).rows
        original = story.get("original_article_id") if story else None
        for c in crows:
            copies.append({**dict(c), "href": datasette.urls.row(database, "articles", str(c["id"])),
                           "original_href": safe_href(c["url"]), "is_original": c["id"] == original})
    versions = (await db.execute(
        "SELECT count(*) FROM article_versions WHERE article_id = ?", [art["id"]])).rows[0][0]
    return {
        "article": art,
        "paragraphs": [p.strip() for p in (art.get("text") or "").split("\n") if p.strip()],
        "original_href": safe_href(art.get("url")),
        "tags": _tags(art.get("tags")),
        "story": story,
        "story_href": datasette.urls.row(database, "stories", str(story["id"])) if story else None,
        "is_original": bool(story and story.get("original_article_id") == art["id"]),
        "copies": copies,
        "versions": versions,
        "versions_href": datasette.urls.table(database, "article_versions") + f"?article_id={art['id']}",
        "search_href": datasette.urls.table(database, "articles"),
    }


@hookimpl
def extra_template_vars(view_name: str, table: str | None, database: str | None, request: Any,
                        datasette: Any) -> Any:
    """On an `articles` row page, hand the readable-article context to templates/row.html."""
    if view_name != "row" or table != "articles" or request is None or database is None:
        return None
    pks = request.url_vars.get("pks", "")

    async def inner() -> dict[str, Any]:
        if not pks.isdigit():
            return {}
        return {"malinews_article": await article_context(datasette, database, pks)}

    return inner


@hookimpl(tryfirst=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> None:
    """A sort by a column the table does not have (`?_sort=nope`) is the request's fault: 400, not
    datasette's 500 (the page that says so is datasette's own)."""
    if isinstance(exception, DatasetteError) and str(exception.message).startswith("Cannot sort table by "):
        exception.status = 400
    return None
