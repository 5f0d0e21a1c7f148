"""Full-text search over the archive (FTS5, accent- and case-insensitive, best matches first, one hit per story)."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlite_utils import Database

from archive.errors import SearchSyntaxError
from archive.ftsquery import plain_query

HL_START, HL_END = "\x02", "\x03"  # snippet markers, rendered by the CLI (bold or **)
SNIPPET = f"snippet(articles_fts, 1, '{HL_START}', '{HL_END}', ' … ', 24)"


@dataclass(frozen=True)
class SearchHit:
    """One search result: an article, and (by default) the other outlets carrying its story."""

    id: int
    title: str | None
    site: str
    published: str | None
    url: str
    snippet: str
    rank: float
    story_id: int | None = None
    also_in: tuple[str, ...] = field(default=())  # site keys of the story's other copies
    copies: int = 1                                # articles in the story

    def as_dict(self, start: str = "**", end: str = "**") -> dict[str, Any]:
        """The hit as a plain dict, with snippet markers replaced."""
        d = asdict(self)
        d["snippet"] = self.snippet.replace(HL_START, start).replace(HL_END, end)
        d["also_in"] = list(self.also_in)
        return d


def _hit(row: tuple[Any, ...], **extra: Any) -> SearchHit:
    """A SearchHit from (id, title, site, published, url, snippet, rank) plus story fields."""
    id_, title, site, published, url, snippet, rank = row
    return SearchHit(id_, title, site, published, url, snippet, rank, **extra)


# What SQLite's FTS5 says of a query it cannot parse (fts5_expr.c), as opposed to a database fault.
FTS5_QUERY_ERRORS = ("fts5", "syntax error", "no such column", "unterminated string", "unknown special query",
                     "expected integer")


def _run(db: Database, sql: str, params: dict[str, Any] | list[Any], query: str) -> list[tuple[Any, ...]]:
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if any(sign in message for sign in FTS5_QUERY_ERRORS):
            raise SearchSyntaxError(
                f"invalid search query {query!r}: {message}. Quote phrases and punctuation, "
                'e.g. malinews search \'"Mali : attaque"\'; operators are AND, OR, NOT, prefix*'
            ) from None
        raise


def search(
    db: Database,
    query: str,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    all_copies: bool = False,
) -> list[SearchHit]:
    """Ranked FTS5 search (bm25, title weighted ×5) with optional outlet and date filters.

    By default one hit per story: its original when the original matches, else its best-ranked
    copy, with `also_in` naming the outlets of the other copies; `all_copies` returns every row.
    `query` is SQLite FTS5 syntax: words, "exact phrases", OR, NOT, prefix*. A query FTS5 refuses
    is tried again with its words that hold punctuation quoted (`G5-Sahel`, `aujourd'hui`:
    `archive.ftsquery.plain_query`); raises SearchSyntaxError, with a readable message, when that
    fails too.
    """
    filters = {"site": site, "since": since, "until": until, "limit": limit, "all_copies": all_copies}
    try:
        return _search(db, query, **filters)
    except SearchSyntaxError:
        plain = plain_query(query)
        if not plain.strip() or plain == query:
            raise
        try:
            return _search(db, plain, **filters)
        except SearchSyntaxError:
            pass
        raise


def _search(db: Database, query: str, *, site: str | None, since: str | None, until: str | None, limit: int,
            all_copies: bool) -> list[SearchHit]:
    where = ["articles_fts MATCH :q"]
    params: dict[str, Any] = {"q": query}
    if site:
        where.append("a.site = :site")
        params["site"] = site
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    if until:
        where.append("substr(a.published, 1, 10) <= :until")
        params["until"] = until
    base = (f"FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            f"LEFT JOIN stories s ON s.id = a.story_id WHERE {' AND '.join(where)}")
    if all_copies:
        rows = _run(db, f"SELECT a.id, a.title, a.site, a.published, a.url, {SNIPPET}, bm25(articles_fts, 5.0, 1.0) "
                        f"AS rank, a.story_id, coalesce(s.n_articles, 1) {base} ORDER BY rank LIMIT :limit",
                    {**params, "limit": limit}, query)
        return [_hit(r[:7], story_id=r[7], copies=r[8]) for r in rows]
    chosen = _one_per_story(db, base, params, query, limit)
    if not chosen:
        return []
    marks = ",".join("?" * len(chosen))
    detail = {r[0]: r for r in _run(db, f"SELECT a.id, a.title, a.site, a.published, a.url, {SNIPPET} "
                                        f"FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                                        f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})",
                                     [query, *(c[0] for c in chosen)], query)}
    stories = [c[1] for c in chosen if c[1] is not None]
    sites: dict[int, list[str]] = {}
    if stories:
        smarks = ",".join("?" * len(stories))
        for story, s in db.execute(f"SELECT story_id, site FROM articles WHERE story_id IN ({smarks}) "
                                   f"GROUP BY story_id, site ORDER BY story_id, min(published), site", stories):
            sites.setdefault(story, []).append(s)
    hits = []
    for aid, story, rank, n in chosen:
        r = detail[aid]
        others = tuple(s for s in sites.get(story, []) if s != r[2]) if story is not None else ()
        hits.append(_hit((*r, rank), story_id=story, also_in=others, copies=n))
    return hits


def _one_per_story(db: Database, base: str, params: dict[str, Any], query: str,
                   limit: int) -> list[tuple[int, int | None, float, int]]:
    """(article id, story id, best rank, copies) of the `limit` best stories among the matches.

    Reads the best few hundred rows first (a top-N sort, as fast as a plain search); only when
    copies fill them does it group every match by story.
    """
    cols = "a.id, a.story_id, bm25(articles_fts, 5.0, 1.0) AS rank, s.original_article_id, coalesce(s.n_articles, 1)"
    fetch = limit * 5 + 50
    if set(params) == {"q"}:  # no filter: rank inside FTS5 alone, join only the rows kept
        ranked = ("SELECT a.id, a.story_id, t.rank, s.original_article_id, coalesce(s.n_articles, 1) FROM "
                  "(SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts "
                  "WHERE articles_fts MATCH :q ORDER BY rank {limit}) t JOIN articles a ON a.id = t.id "
                  "LEFT JOIN stories s ON s.id = a.story_id ORDER BY t.rank")
        first, every = ranked.format(limit="LIMIT :n"), ranked.format(limit="")
    else:
        first, every = f"SELECT {cols} {base} ORDER BY rank LIMIT :n", f"SELECT {cols} {base} ORDER BY rank"
    rows = _run(db, first, {**params, "n": fetch}, query)
    if len(rows) == fetch and len({r[1] if r[1] is not None else -r[0] for r in rows}) < limit:
        rows = _run(db, every, params, query)
    groups: dict[int, list[tuple[Any, ...]]] = {}
    for r in rows:
        groups.setdefault(r[1] if r[1] is not None else -r[0], []).append(r)
    out = []
    for members in list(groups.values())[:limit]:
        shown = next((r for r in members if r[0] == r[3]), members[0])  # the original when it matches
        out.append((shown[0], shown[1], members[0][2], members[0][4]))
    return out
