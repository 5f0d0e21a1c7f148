"""Per-outlet health figures and the outlet × month coverage counts, each query served by an index."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database


@dataclass
class OutletStats:
    """What `malinews stats` prints for one outlet."""

    site: str
    articles: int = 0
    stories: int = 0
    originals: int = 0
    copies: int = 0
    first_published: str | None = None
    last_published: str | None = None
    last_ok_crawl: str | None = None
    last_run_errors: int | None = None
    pct_date: float = 0.0
    pct_author: float = 0.0
    pct_section: float = 0.0
    median_words: int | None = None
    deleted: int = 0  # archived articles whose page the outlet has since taken down (gone_urls)
    gone_addresses: int = 0  # article addresses remembered as gone, archived or not

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (for --json)."""
        return asdict(self)


def coverage(db: Database) -> list[tuple[str, str, int]]:
    """(site, YYYY-MM, articles) for every outlet-month with at least one dated article."""
    return [tuple(r) for r in db.execute(
        "SELECT site, published_month, count(*) FROM articles WHERE published_month IS NOT NULL "
        "GROUP BY site, published_month ORDER BY site, published_month"
    )]


def _per_site(db: Database, sql: str) -> dict[str, tuple[Any, ...]]:
    return {row[0]: tuple(row[1:]) for row in db.execute(sql)}


def _median_words(db: Database, site: str, n: int) -> int | None:
    if n == 0:
        return None
    row = db.execute(
        "SELECT word_count FROM articles "
        "WHERE site = ? AND word_count IS NOT NULL ORDER BY word_count LIMIT 1 OFFSET ?",
        [site, (n - 1) // 2],
    ).fetchone()
    return row[0] if row else None


def _crawl_history(db: Database) -> tuple[dict[str, str], dict[str, int]]:
    """Last successful crawl time and errors of the most recent run, per site (crawl_runs is small)."""
    last_ok: dict[str, str] = {}
    last_errors: dict[str, int] = {}
    rows = db.execute("SELECT sites, status, finished, stats FROM crawl_runs ORDER BY id").fetchall()
    for sites_json, status, finished, stats_json in rows:
        try:
            sites = json.loads(sites_json or "[]")
            per_site = json.loads(stats_json or "{}").get("per_site", {})
        except (ValueError, AttributeError):
            continue
        for site in sites:
            if status == "finished" and finished:
                last_ok[site] = finished
            counts = per_site.get(site) or {}
            last_errors[site] = int(counts.get("errors", 0) or 0)
    return last_ok, last_errors


def outlet_stats(db: Database) -> list[OutletStats]:
    """One `OutletStats` per outlet seen in articles or crawl runs, most articles first."""
    dates = _per_site(db, "SELECT site, count(*), count(published), min(published), max(published) "
                          "FROM articles GROUP BY site")
    authors = _per_site(db, "SELECT site, count(author) FROM articles GROUP BY site")
    sections = _per_site(db, "SELECT site, count(section) FROM articles GROUP BY site")
    stories = _per_site(db, "SELECT site, count(DISTINCT story_id) FROM articles GROUP BY site")
    originals = _per_site(db, "SELECT a.site, count(*) FROM articles a JOIN stories s ON s.id = a.story_id "
                              "WHERE s.original_article_id = a.id GROUP BY a.site")
    last_ok, last_errors = _crawl_history(db)
    gone = _per_site(db, "SELECT site, count(*) FROM gone_urls GROUP BY site")
    deleted = _per_site(db, "SELECT a.site, count(DISTINCT a.id) FROM gone_urls g JOIN articles a ON a.id IN "
                            "(SELECT id FROM articles WHERE url = g.url UNION SELECT article_id FROM url_aliases "
                            "WHERE url = g.url) GROUP BY a.site")
    out = []
    for site in sorted(set(dates) | set(last_ok) | set(last_errors) | set(gone)):
        n, n_dated, first, last = dates.get(site, (0, 0, None, None))
        s = OutletStats(site, articles=n, first_published=first, last_published=last,
                        last_ok_crawl=last_ok.get(site), last_run_errors=last_errors.get(site))
        s.stories = stories.get(site, (0,))[0]
        s.originals = min(originals.get(site, (0,))[0], n)
        s.copies = n - s.originals
        if n:
            s.pct_date = round(100 * n_dated / n, 1)
            s.pct_author = round(100 * authors.get(site, (0,))[0] / n, 1)
            s.pct_section = round(100 * sections.get(site, (0,))[0] / n, 1)
        s.median_words = _median_words(db, site, n)
        s.deleted, s.gone_addresses = deleted.get(site, (0,))[0], gone.get(site, (0,))[0]
        out.append(s)
    return sorted(out, key=lambda s: (-s.articles, s.site))


COLUMNS = (
    ("outlet", "site", "<"), ("articles", "articles", ">"), ("stories", "stories", ">"),
    ("orig", "originals", ">"), ("copies", "copies", ">"), ("first", "first_published", "<"),
    ("last", "last_published", "<"), ("last ok crawl", "last_ok_crawl", "<"), ("err", "last_run_errors", ">"),
    ("%date", "pct_date", ">"), ("%auth", "pct_author", ">"), ("%sect", "pct_section", ">"),
    ("med.words", "median_words", ">"), ("deleted", "deleted", ">"),
)


def _cell(value: Any, key: str) -> str:
    if value is None:
        return "-"
    if key in ("first_published", "last_published"):
        return str(value)[:10]
    if key == "last_ok_crawl":
        return str(value)[:16].replace("T", " ")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def stats_table(rows: list[OutletStats]) -> str:
    """A fixed-width text table of `rows` with a totals line."""
    cells = [[_cell(getattr(r, key), key) for _, key, _ in COLUMNS] for r in rows]
    total = sum(r.articles for r in rows)
    cells.append(["TOTAL", f"{total:,}", f"{sum(r.stories for r in rows):,}", f"{sum(r.originals for r in rows):,}",
                  f"{sum(r.copies for r in rows):,}"] + [""] * (len(COLUMNS) - 5))
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, (h, _, _) in enumerate(COLUMNS)]
    def line(values: list[str]) -> str:
        return "  ".join(f"{v:{COLUMNS[i][2]}{widths[i]}}" for i, v in enumerate(values)).rstrip()
    head = line([h for h, _, _ in COLUMNS])
    return "\n".join([head, "-" * len(head), *(line(c) for c in cells[:-1]), "-" * len(head), line(cells[-1])])
