"""Benchmark `extract_page` against bare `trafilatura.extract` on the shared article-extraction benchmark.

Example:
    .venv/bin/python bench/extraction.py                # all pages, table + one JSON line
    .venv/bin/python bench/extraction.py --worst 10     # also list pages where ours loses most F1
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402

from pipelines.extract import extract_page  # noqa: E402


def _pages(bench_dir: Path, limit: int | None) -> list[tuple[str, bytes, str]]:
    """(id, raw body, url) for every benchmark page, sorted by id."""
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((bench_dir / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        out.append((page_id, gzip.decompress(path.read_bytes()), truth.get(page_id, {}).get("url", "")))
    return out[:limit] if limit else out


def _run_all(pages: list[tuple[str, bytes, str]]) -> tuple[Any, ...]:
    """Predictions and per-page ms of extract_page, trafilatura.extract and bare_extraction+metadata."""
    now = datetime.now(timezone.utc).isoformat()
    ours: dict[str, str] = {}
    theirs: dict[str, str] = {}
    ours_ms: list[float] = []
    theirs_ms: list[float] = []
    rejected: Counter[str] = Counter()
    meta_pred: dict[str, str] = {}
    meta_ms: list[float] = []
    warm = pages[0]
    extract_page({"url": warm[2], "body": warm[1], "content_type": None, "hints": {}, "now": now})
    trafilatura.extract(warm[1], include_comments=False)  # both pay their one-time stoplist/model loads here
    for page_id, body, url in pages:
        job = {"url": url, "body": body, "content_type": None, "hints": {}, "now": now}
        start = time.perf_counter()
        result = extract_page(job)
        ours_ms.append((time.perf_counter() - start) * 1000)
        ours[page_id] = result["article"]["text"] if result["article"] else ""
        if not result["is_article"]:
            rejected[result["reason"]] += 1
        start = time.perf_counter()
        text = trafilatura.extract(body, url=url, include_comments=False)
        theirs_ms.append((time.perf_counter() - start) * 1000)
        theirs[page_id] = text or ""
        start = time.perf_counter()
        doc = trafilatura.bare_extraction(body, url=url, with_metadata=True, include_comments=False)
        meta_ms.append((time.perf_counter() - start) * 1000)
        meta_pred[page_id] = (doc.text if doc is not None else "") or ""
    return ours, theirs, ours_ms, theirs_ms, rejected, meta_pred, meta_ms


def _score(score_py: Path, files: list[Path], truth: Path) -> dict[str, dict]:
    """Run the benchmark's own scorer as a subprocess and return its JSON results by file stem."""
    proc = subprocess.run([sys.executable, str(score_py), *map(str, files), "--json", "--truth", str(truth)],
                          capture_output=True, text=True, check=True)
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return {r["name"]: r for r in results}


def _per_page(score_py: Path, file: Path, out: Path, truth: Path) -> dict[str, float]:
    subprocess.run([sys.executable, str(score_py), str(file), "--json", "--per-page", str(out), "--truth", str(truth)],
                   capture_output=True, text=True, check=True)
    with out.open() as fh:
        return {row["id"]: float(row["tp"]) for row in csv.DictReader(fh)}


def main(argv: list[str] | None = None) -> int:
    """Run both extractors, score them, print a table and a final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench-dir", type=Path, default=REPO.parent / "shared" / "extraction-benchmark")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where ours trails most")
    args = parser.parse_args(argv)
    score_py = args.bench_dir / "score.py"
    if not score_py.exists():
        print(f"error: {score_py} not found; pass --bench-dir", file=sys.stderr)
        return 2
    pages = _pages(args.bench_dir, args.limit)
    ours, theirs, ours_ms, theirs_ms, rejected, meta_pred, meta_ms = _run_all(pages)
    with tempfile.TemporaryDirectory(prefix="malinews-bench-") as tmp:
        files = [Path(tmp) / "ours.json", Path(tmp) / "trafilatura.json", Path(tmp) / "bare_metadata.json"]
        for file, preds in zip(files, (ours, theirs, meta_pred)):
            file.write_text(json.dumps(preds), encoding="utf-8")
        truth = json.loads((args.bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
        subset = Path(tmp) / "truth.json"  # --limit scores only the pages that were run
        subset.write_text(json.dumps({pid: truth[pid] for pid, _, _ in pages if pid in truth}), encoding="utf-8")
        scores = _score(score_py, files, subset)
        if args.worst:
            a = _per_page(score_py, files[0], Path(tmp) / "a.csv", subset)
            b = _per_page(score_py, files[1], Path(tmp) / "b.csv", subset)
            print("pages where ours trails trafilatura (tp share ours vs trafilatura):")
            for page_id in sorted(a, key=lambda k: a[k] - b[k])[:args.worst]:
                print(f"  {page_id[:12]}  {a[page_id]:.3f} vs {b[page_id]:.3f}")
    rows = [("extract_page (malinews)", scores["ours"], ours_ms),
            ("trafilatura.extract", scores["trafilatura"], theirs_ms),
            ("  (bare_extraction+meta)", scores["bare_metadata"], meta_ms)]
    print(f"{'extractor':<26} {'F1':>6} {'prec':>6} {'recall':>6} {'ms/page (median)':>17}")
    for name, res, times in rows:
        print(f"{name:<26} {res['f1']:>6.3f} {res['precision']:>6.3f} {res['recall']:>6.3f} "
              f"{statistics.median(times):>17.1f}")
    if rejected:
        print("pages extract_page classified as non-articles: "
              + ", ".join(f"{reason} ×{n}" for reason, n in rejected.most_common()))
    print(json.dumps({"ours_f1": round(scores["ours"]["f1"], 4), "trafilatura_f1": round(scores["trafilatura"]["f1"], 4),
                      "ours_ms_median": round(statistics.median(ours_ms), 2),
                      "trafilatura_ms_median": round(statistics.median(theirs_ms), 2), "pages": len(pages)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
