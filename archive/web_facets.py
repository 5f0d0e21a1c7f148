"""A datasette facet type (`fast`) for the articles table that stays fast on a million rows.

Whole-archive and one-outlet pages read the counts kept by triggers (facet_counts,
facet_counts_by_site, migration m022); search results count through a narrow covering index;
anything else runs datasette's usual column-facet query. Self-contained (datasette + stdlib only)
so `malinews serve --emit-config` can copy it into a plugins directory.
"""
from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

COUNTED_TABLE = "articles"
COUNTED = ("site", "section", "language", "author", "published_month")
NARROW_INDEX = "idx_articles_facet_cols"
NOT_FILTERS = ("_searchmode",)


def request_mode(args: Any) -> str:
    """`all` (no filter), `site` (only site=X), `search` (full-text search involved) or `sql`."""
    keys = [k for k in args if args.get(k) not in (None, "")]
    searching = any(k.startswith("_search") and k not in NOT_FILTERS for k in keys)
    special = any(k in ("_where", "_through") for k in keys)
    filters = [k for k in keys if not (k.startswith("_") and "__" not in k)]
    if searching:
        return "search"
    if special:
        return "sql"
    if not filters:
        return "all"
    if filters == ["site"] and len(args.getlist("site")) == 1:
        return "site"
    return "sql"


class FastColumnFacet(ColumnFacet):
    """Column facets answered from maintained counts when the filters allow it."""

    type = "fast"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._search_counts: dict[str, list[tuple[Any, int]]] | None = None

    async def _has(self, name: str) -> bool:
        db = self.ds.get_database(self.database)
        rows = await db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name])
        return bool(rows.rows)

    async def _where(self) -> str:
        marker = f" from {escape_sqlite(self.table)} "
        return self.sql.split(marker, 1)[1] if marker in self.sql else ""

    async def facet_query(self, column: str, limit: int) -> tuple[str, Any, str]:
        """The SQL and parameters that count `column` for this request, and which path it takes."""
        col = escape_sqlite(column)
        mode = self.mode(column)
        if mode == "all" and await self._has("facet_counts"):
            return ("SELECT value, n AS count FROM facet_counts WHERE facet = :facet AND n > 0 "
                    f"ORDER BY n DESC, value LIMIT {limit}", {"facet": column}, "facet_counts")
        if mode == "site" and await self._has("facet_counts_by_site"):
            return ("SELECT value, n AS count FROM facet_counts_by_site WHERE site = :site AND facet = :facet "
                    f"AND n > 0 ORDER BY n DESC, value LIMIT {limit}",
                    {"site": self.request.args.get("site"), "facet": column}, "facet_counts_by_site")
        if mode == "search" and await self._has(NARROW_INDEX):
            where = await self._where()
            glue = "and" if where.strip() else "where"
            return (f"select {col} as value, count(*) as count from {escape_sqlite(self.table)} "
                    f"indexed by {NARROW_INDEX} {where} {glue} {col} is not null group by {col} "
                    f"order by count desc, value limit {limit}", self.params, NARROW_INDEX)
        return (f"select {col} as value, count(*) as count from ({self.sql}) where {col} is not null "
                f"group by {col} order by count desc, value limit {limit}", self.params, "scan")

    def mode(self, column: str) -> str:
        """The request's mode for this column (`sql` unless it is a counted column of the articles table)."""
        return request_mode(self.request.args) if self.table == COUNTED_TABLE and column in COUNTED else "sql"

    async def search_counts(self, columns: list[str], limit: int) -> dict[str, list[tuple[Any, int]]]:
        """The top `limit` values of every facet of a search, counted by SQLite in ONE pass over the
        narrow index: the matches are materialised once and grouped per column in C, so only the
        top values come back to Python (not one row per match)."""
        if self._search_counts is None:
            where = await self._where()
            cols = ", ".join(escape_sqlite(c) for c in columns)
            groups = " union all ".join(
                f"select {i} as f, {escape_sqlite(c)} as v, count(*) as n from m "
                f"where {escape_sqlite(c)} is not null group by {escape_sqlite(c)}" for i, c in enumerate(columns))
            sql = (f"with m as materialized (select {cols} from {escape_sqlite(self.table)} indexed by {NARROW_INDEX} "
                   f"{where}) select f, v, n from (select f, v, n, row_number() over "
                   f"(partition by f order by n desc, v) as r from ({groups})) where r <= {int(limit)} order by f, r")
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                self._search_counts = {"": []}  # marks "timed out": the other facets won't retry
                raise
            counted: dict[str, list[tuple[Any, int]]] = {c: [] for c in columns}
            for f, v, n in rows.rows:
                counted[columns[f]].append((v, n))
            self._search_counts = counted
        return self._search_counts

    async def counts(self, column: str, limit: int, columns: list[str]) -> tuple[list[tuple[Any, int]], str]:
        """(value, count) rows for `column`, most frequent first, and the path that answered."""
        if self.mode(column) == "search" and await self._has(NARROW_INDEX):
            if self._search_counts is not None and "" in self._search_counts:
                raise QueryInterrupted(None, "", [])
            counted = await self.search_counts(columns, limit)
            return counted[column][:limit], NARROW_INDEX
        sql, params, counted_by = await self.facet_query(column, limit)
        rows = await self.ds.execute(self.database, sql, params, truncate=False,
                                     custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        return [(r["value"], r["count"]) for r in rows.rows], counted_by

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        """Same results as datasette's column facets (toggle links, selection, truncation)."""
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        qs_pairs = self.get_querystring_pairs()
        facet_size = self.get_facet_size()
        configs = self.get_configs()
        columns = [c for c in dict.fromkeys(cfg["config"].get("column") or cfg["config"]["simple"] for cfg in configs)
                   if c in COUNTED]
        for source_and_config in configs:
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            try:
                rows, counted_by = await self.counts(column, facet_size + 1, columns)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            for value, count in rows[:facet_size]:
                selected = (column, str(value)) in qs_pairs
                path = (path_with_removed_args(self.request, {column: str(value)}) if selected
                        else path_with_added_args(self.request, {column: value}))
                values.append({"value": value, "label": value, "count": count,
                               "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                               "selected": selected})
            results.append({  # shown as a plain column facet; `counted_by` says which path answered
                "name": column, "type": "column", "counted_by": counted_by, "hideable": source != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_fast": column})),
                "results": values, "truncated": len(rows) > facet_size,
            })
        return results, timed_out

    async def suggest(self) -> list[dict[str, Any]]:
        """Never suggest: suggestions are what makes datasette slow on big tables."""
        return []


@hookimpl
def register_facet_classes() -> list[type]:
    """Make `{"fast": "column"}` usable in table facet configuration."""
    return [FastColumnFacet]
