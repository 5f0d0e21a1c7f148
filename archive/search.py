"""Full-text search over the archive (FTS5, accent- and case-insensitive, best matches first)."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

from archive.errors import SearchSyntaxError

HL_START, HL_END = "\x02", "\x03"  # snippet markers, rendered by the CLI (bold or **)


@dataclass(frozen=True)
class SearchHit:
    """One search result."""

    id: int
    title: str | None
    site: str
    published: str | None
    url: str
    snippet: str
    rank: float

    def as_dict(self, start: str = "**", end: str = "**") -> dict[str, Any]:
        """The hit as a plain dict, with snippet markers replaced."""
        d = asdict(self)
        d["snippet"] = self.snippet.replace(HL_START, start).replace(HL_END, end)
        return d


def search(
    db: Database,
    query: str,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Ranked FTS5 search (bm25, title weighted ×5) with optional outlet and date filters.

    `query` is SQLite FTS5 syntax: words, "exact phrases", OR, NOT, prefix*.
    Raises SearchSyntaxError with a readable message when the query is not valid FTS5.
    """
    where = ["articles_fts MATCH :q"]
    params: dict[str, Any] = {"q": query, "limit": limit}
    if site:
        where.append("a.site = :site")
        params["site"] = site
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    if until:
        where.append("substr(a.published, 1, 10) <= :until")
        params["until"] = until
    sql = f"""
        SELECT a.id, a.title, a.site, a.published, a.url,
               snippet(articles_fts, 1, '{HL_START}', '{HL_END}', ' … ', 24) AS snippet,
               bm25(articles_fts, 5.0, 1.0) AS rank
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE {' AND '.join(where)}
        ORDER BY rank LIMIT :limit
    """
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "fts5" in message or "no such column" in message or "syntax error" in message:
            raise SearchSyntaxError(
                f"invalid search query {query!r}: {message}. Quote phrases and punctuation, "
                'e.g. malinews search \'"Mali : attaque"\'; operators are AND, OR, NOT, prefix*'
            ) from None
        raise
    return [SearchHit(*row) for row in rows]
