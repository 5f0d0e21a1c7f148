"""Stream articles out of the archive as JSON Lines or CSV, one cursor row at a time (constant memory)."""
from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from typing import Any, Iterator, TextIO

from sqlite_utils import Database

EXPORT_COLUMNS = ("url", "site", "title", "author", "published", "modified", "section", "tags", "language",
                  "text", "story_id", "original_site")
STORY_COLUMNS = ("n_articles", "n_sites")


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def export_query(site: str | None = None, since: str | None = None, until: str | None = None,
                 stories_only: bool = False) -> tuple[str, dict[str, Any]]:
    """The SELECT behind an export and its parameters (dates are inclusive YYYY-MM-DD)."""
    where, params = [], {}
    if site:
        where.append("a.site = :site")
        params["site"] = site
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    if until:
        where.append("a.published < :until_next")
        params["until_next"] = _next_day(until)
    if stories_only:  # one row per story: its original (or an article not yet in any story)
        where.append("(s.original_article_id = a.id OR a.story_id IS NULL)")
    cols = ", ".join(f"a.{c}" for c in EXPORT_COLUMNS[:-1]) + ", s.original_site"
    if stories_only:
        cols += ", s.n_articles, s.n_sites"
    sql = f"SELECT {cols} FROM articles a LEFT JOIN stories s ON s.id = a.story_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY a.id", params


def iter_articles(db: Database, **filters: Any) -> Iterator[dict[str, Any]]:
    """Yield export rows one by one from a live cursor; `tags` becomes a list."""
    sql, params = export_query(**filters)
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        record = dict(zip(names, row))
        try:
            tags = json.loads(record["tags"]) if record["tags"] else []
        except ValueError:
            tags = [record["tags"]]
        record["tags"] = tags if isinstance(tags, list) else [tags]
        yield record


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line (UTF-8, non-ASCII kept); returns the count."""
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
    return n


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """RFC 4180 CSV with a header; tags joined by "; "; returns the count."""
    writer: Any = None
    n = 0
    for n, row in enumerate(rows, 1):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({**row, "tags": "; ".join(str(t) for t in row["tags"])})
    if writer is None:
        csv.writer(out, lineterminator="\r\n").writerow(EXPORT_COLUMNS)
    return n
