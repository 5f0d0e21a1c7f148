"""Build a synthetic archive through the Archive API and measure inserts, size, search and coverage counts.

Usage:  .venv/bin/python bench/archive.py [--rows 1000000] [--db bench-1m.db] [--reuse]
Progress goes to stderr; the last stdout line is ONE JSON object of figures.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.search import search  # noqa: E402
from archive.stats import coverage  # noqa: E402
from archive.store import Archive, open_database  # noqa: E402
from bench.synthetic import Generator  # noqa: E402

RAW_SQL = """
    SELECT a.id, a.title, a.site, a.published, a.url,
           snippet(articles_fts, 1, '\x02', '\x03', ' … ', 24) AS snippet,
           bm25(articles_fts, 5.0, 1.0) AS rank
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20
"""


# Queries grouped by the share of the archive they match: the cost of BM25 ranking grows with it.
HIT_BANDS = (("under 1 %", 0.0, 0.01), ("1-5 %", 0.01, 0.05), ("5-20 %", 0.05, 0.20), ("over 20 %", 0.20, 1.01))


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`, in milliseconds rounded to 0.1."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000, 1)


def build(path: Path, rows: int, batch: int, seed: int) -> dict[str, Any]:
    """Insert `rows` synthetic articles with `Archive.save_batch`, `batch` per transaction."""
    gen = Generator(seed)
    archive = Archive.open(path)
    start = last = time.perf_counter()
    done, rates = 0, []
    items = gen.items(rows)
    while done < rows:
        chunk = [next(items) for _ in range(min(batch, rows - done))]
        archive.save_batch(chunk)
        done += len(chunk)
        if done % 50_000 == 0 or done == rows:
            now = time.perf_counter()
            rates.append(50_000 / (now - last) if done % 50_000 == 0 else 0)
            last = now
            print(f"  {done:>9,} articles  {done / (now - start):7.0f}/s overall", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    full = [r for r in rates if r]
    return {"rows": rows, "build_s": round(elapsed, 1), "insert_rate": round(rows / elapsed),
            "insert_rate_last_50k": round(full[-1]) if full else None}


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call of `fn` takes."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure_search(path: Path, queries: list[str], cli_queries: int) -> dict[str, Any]:
    """`malinews search` (its library call and, optionally, the CLI process) vs the raw FTS5 SQL."""
    db = open_database(path, readonly=True)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    api_t, raw_t = [], []
    for q in queries:  # warm both paths once, then alternate so the page cache favours neither
        search(db, q, limit=20)
        raw.execute(RAW_SQL, [q]).fetchall()
    for q in queries:
        api_t.append(timed(lambda: search(db, q, limit=20)))
        raw_t.append(timed(lambda: raw.execute(RAW_SQL, [q]).fetchall()))
    hits = [raw.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [q]).fetchone()[0] for q in queries]
    total = raw.execute("SELECT count(*) FROM articles").fetchone()[0] or 1
    bands: dict[str, Any] = {}
    for label, low, high in HIT_BANDS:
        idx = [i for i, h in enumerate(hits) if low <= h / total < high]
        if idx:
            bands[label] = {"queries": len(idx), "search_p95_ms": pct([api_t[i] for i in idx], 95),
                            "raw_fts_p95_ms": pct([raw_t[i] for i in idx], 95)}
    for q, h, a, r in sorted(zip(queries, hits, api_t, raw_t), key=lambda x: x[1]):
        print(f"  {q!r:40} {h:>8,} matches  search {a * 1000:7.1f} ms  raw {r * 1000:7.1f} ms", file=sys.stderr)
    out: dict[str, Any] = {
        "search_queries": len(queries),
        "search_p50_ms": pct(api_t, 50), "search_p95_ms": pct(api_t, 95), "search_max_ms": pct(api_t, 100),
        "raw_fts_p50_ms": pct(raw_t, 50), "raw_fts_p95_ms": pct(raw_t, 95), "raw_fts_max_ms": pct(raw_t, 100),
        "search_p95_over_raw": round(pct(api_t, 95) / max(pct(raw_t, 95), 0.1), 2),
        "search_by_match_share": bands,
    }
    if cli_queries:
        cli_t = []
        for q in queries[:cli_queries]:
            cmd = [sys.executable, "-m", "archive", "search", q, "--db", str(path), "--json"]
            cli_t.append(timed(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)))
        out |= {"cli_search_p50_ms": pct(cli_t, 50), "cli_search_p95_ms": pct(cli_t, 95)}
    db.close()
    raw.close()
    return out


def measure_coverage(path: Path) -> dict[str, Any]:
    """The faceted count per outlet per month (what `malinews stats` and the heatmap use)."""
    db = open_database(path, readonly=True)
    cells = coverage(db)
    times = [timed(lambda: coverage(db)) for _ in range(5)]
    db.close()
    return {"coverage_cells": len(cells), "coverage_ms": round(statistics.median(times) * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    """Parse options, build (unless --reuse), measure, print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000, help="articles to insert (default 1,000,000)")
    ap.add_argument("--db", type=Path, default=None, help="archive path (default bench-<rows>.db in the cwd)")
    ap.add_argument("--batch", type=int, default=1000, help="articles per save_batch transaction")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--queries", type=int, default=50, help="search queries of 1-3 words")
    ap.add_argument("--cli-queries", type=int, default=10, help="of those, also time N via the CLI process")
    ap.add_argument("--reuse", action="store_true", help="measure an existing archive instead of building")
    args = ap.parse_args(argv)
    path = args.db or Path(f"bench-{args.rows}.db")
    figures: dict[str, Any] = {"bench": "archive"}
    if args.reuse:
        if not path.exists():
            ap.error(f"--reuse: no archive at {path}")
    else:
        if path.exists():
            ap.error(f"{path} exists: pass --reuse to measure it, or delete it to rebuild")
        print(f"building {args.rows:,} synthetic articles into {path}", file=sys.stderr)
        figures |= build(path, args.rows, args.batch, args.seed)
    db = open_database(path, readonly=True)
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    size = sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists())
    figures |= {"articles": n, "db_bytes": size, "bytes_per_article": round(size / max(n, 1))}
    figures |= measure_search(path, Generator(args.seed).queries(args.queries), args.cli_queries)
    figures |= measure_coverage(path)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
