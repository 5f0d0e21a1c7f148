"""Time the pages people use against a running `malinews serve` (started here unless --url is given).

Usage:  .venv/bin/python bench/datasette.py --db bench-1000000.db [--repeat 20]
        .venv/bin/python bench/datasette.py --url http://127.0.0.1:8001 --database malinews
Progress goes to stderr; the last stdout line is ONE JSON object of figures (milliseconds).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100


def fetch(url: str) -> tuple[float, int, int]:
    """(seconds, status, bytes) of one GET."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return time.perf_counter() - start, status, len(body)


def pick_terms(db: Path) -> dict[str, tuple[str, int]]:
    """A rare (~0.05 % of articles) and a common (~2 %) search term, with their document counts."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    total = conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 1
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')")
    out = {}
    for label, share in (("rare", 0.0005), ("common", 0.02)):
        row = conn.execute("SELECT term, doc FROM temp.vocab WHERE length(term) > 4 AND term GLOB '[a-z]*' "
                           "ORDER BY abs(doc - ?) LIMIT 1", [share * total]).fetchone()
        out[label] = (row[0], row[1])
    top_site = conn.execute("SELECT value FROM facet_counts WHERE facet = 'site' ORDER BY n DESC LIMIT 1").fetchone()
    month = conn.execute("SELECT value FROM facet_counts WHERE facet = 'published_month' ORDER BY value DESC LIMIT 1").fetchone()
    out["site"] = (top_site[0] if top_site else "essor", 0)
    out["month"] = (month[0] if month else "2025-06", 0)
    conn.close()
    return out


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`python -m archive serve` on a free port; returns the process and its base URL once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):  # first start may migrate a big archive
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"malinews serve exited with {proc.returncode}")
            time.sleep(0.25)
    proc.terminate()
    raise SystemExit("malinews serve did not answer within 5 minutes")


def pages(database: str, terms: dict[str, tuple[str, int]]) -> dict[str, str]:
    """The pages to time, by figure name."""
    art = f"/{database}/articles"
    q = urllib.parse.quote
    return {
        "table": art,
        "search": f"{art}?_search={q(terms['rare'][0])}",
        "search_common": f"{art}?_search={q(terms['common'][0])}",
        "facet_site": f"{art}?site={q(terms['site'][0])}",
        "facet_month": f"{art}?published_month={q(terms['month'][0])}",
        "json": f"{art}.json",
        "json_array": f"{art}.json?_shape=array&_size=50&site={q(terms['site'][0])}",
        "article": f"{art}/1",
        "coverage_query": f"/{database}/coverage_per_month",
        "latest_query": f"/{database}/latest_per_outlet",
        "stories_query": f"/{database}/stories_most_copies",
        "term_query": f"/{database}/term_between_dates?term={q(terms['rare'][0])}&since=2020-01-01&until=2025-12-31",
        "edited_query": f"/{database}/edited_articles",
    }


def main(argv: list[str] | None = None) -> int:
    """Start or reach the server, time each page `--repeat` times after warming up, print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="archive to serve (a server is started on a free port)")
    ap.add_argument("--url", help="base URL of an already running malinews serve")
    ap.add_argument("--database", help="datasette database name with --url (default: the --db file stem)")
    ap.add_argument("--repeat", type=int, default=20, help="timed requests per page (after 2 warm-ups)")
    args = ap.parse_args(argv)
    if not args.db and not args.url:
        ap.error("give --db (start a server) or --url (use a running one)")
    if args.db and not args.db.exists():
        ap.error(f"no archive at {args.db}")
    database = args.database or (args.db.stem if args.db else "malinews")
    proc = None
    base = args.url.rstrip("/") if args.url else ""
    if not args.url:
        print(f"starting malinews serve on {args.db} …", file=sys.stderr)
        proc, base = start_server(args.db)
    try:
        terms = pick_terms(args.db) if args.db else {"rare": ("Tombouctou", 0), "common": ("Bamako", 0),
                                                     "site": ("essor", 0), "month": ("2025-06", 0)}
        figures: dict[str, Any] = {"bench": "datasette", "database": database, "repeat": args.repeat,
                                   "search_term": terms["rare"][0], "search_docs": terms["rare"][1],
                                   "search_common_term": terms["common"][0], "search_common_docs": terms["common"][1],
                                   "facet_site": terms["site"][0], "facet_month": terms["month"][0]}
        for name, path in pages(database, terms).items():
            url = base + path
            for _ in range(2):
                fetch(url)
            times, status, size = [], 0, 0
            for _ in range(args.repeat):
                seconds, status, size = fetch(url)
                times.append(seconds * 1000)
            median = round(statistics.median(times), 1)
            p95 = round(sorted(times)[int(0.95 * (len(times) - 1))], 1)
            figures |= {f"{name}_ms": median, f"{name}_p95_ms": p95}
            flag = "ok " if median <= TARGET_MS else "SLOW"
            print(f"  {flag} {name:<15} median {median:7.1f} ms  p95 {p95:7.1f} ms  HTTP {status}  {size:,} B  {path}",
                  file=sys.stderr)
            if status != 200:
                figures[f"{name}_status"] = status
        print(json.dumps(figures))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
