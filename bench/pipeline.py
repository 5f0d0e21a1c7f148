"""Crawl throughput vs bare trafilatura: serve N synthetic French articles on loopback, crawl them, compare.

Run: .venv/bin/python bench/pipeline.py [--n 5000]
The last line of output is one JSON object:
{"bare_aps": …, "pipeline_aps": …, "ratio": …, "peak_rss_mb": …, …}  (bare_aps: the mean of a loop run before and one after the crawl)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.memweb import MemWeb  # noqa: E402
from bench.proctree import TreeSampler  # noqa: E402
from bench.sitegen import generate_site  # noqa: E402
from crawler.sampleweb.server import TestWeb  # noqa: E402

# Politeness is lifted on loopback only: the benchmark site is ours and runs on this machine.
BENCH_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "MALINEWS_MAX_REQUESTS_PER_SITE": "0",  # --n 20000 is one site of 20,000+ pages
}
SITE = "bench"
NOW_DAY = "2026-01-01"


def log(msg: str) -> None:
    """Progress on stderr."""
    print(msg, file=sys.stderr, flush=True)


def page_set(base: str, root: Path, paths: list[str]) -> list[tuple[str, str]]:
    """(url, html) of each article exactly as the server sends it."""
    return [(base + p, (root / SITE / "files" / p.strip("/") / "index.html").read_text(encoding="utf-8")
             .replace("{BASE}", base)) for p in paths]


def serve(kind: str, tmp: Path) -> tuple[Any, str, Path]:
    """Start the chosen server; return (server context, base URL, sites file)."""
    if kind == "testweb":
        web = TestWeb(tmp, [SITE])
        web.start()
        return web, web.base_urls[SITE], web.write_sites_toml(tmp / "sites.toml")
    mem = MemWeb(tmp / SITE).__enter__()
    sites = tmp / "sites.toml"
    sites.write_text(f'[sites.{SITE}]\nurl = "{mem.base}/"\nname = "Le Quotidien de Bamako"\nlanguage = "fr"\n',
                     encoding="utf-8")
    return mem, mem.base, sites


def bare_loop(pages: list[tuple[str, str]]) -> tuple[float, float]:
    """(articles/s, CPU ms per article) of bare trafilatura, `trafilatura.extract(html, url=url)` with its
    defaults: one process, no I/O (the ceiling uses the CPU figure, steadier than wall time on a busy VM)."""
    import trafilatura

    t0, c0 = time.perf_counter(), time.process_time()
    for url, html in pages:
        trafilatura.extract(html, url=url)
    cpu_ms = (time.process_time() - c0) * 1000 / len(pages)
    return len(pages) / (time.perf_counter() - t0), cpu_ms


def same_call_loop(pages: list[tuple[str, str]]) -> float:
    """Articles/s of the pipeline's own trafilatura call: parse + `bare_extraction(fast=True)`; trafilatura's
    metadata pass is left out, as the pipeline runs it only for pages whose own markup lacks a field."""
    from trafilatura.utils import load_html

    from pipelines.extract import _run_trafilatura

    t0 = time.perf_counter()
    for url, html in pages:
        _run_trafilatura(load_html(html), url, NOW_DAY)
    return len(pages) / (time.perf_counter() - t0)


def extract_page_loop(pages: list[tuple[str, str]]) -> float:
    """Articles/s of the whole worker job (`crawler.datecheck.extract_checked`: trafilatura + malinews' own work)."""
    from crawler.datecheck import extract_checked

    t0 = time.perf_counter()
    for url, html in pages:
        extract_checked({"url": url, "body": html.encode(), "content_type": "text/html; charset=utf-8",
                      "hints": {"via": "sitemap"}, "article_pattern": None, "exclude_pattern": None,
                      "language": "fr", "now": f"{NOW_DAY}T00:00:00+00:00"})
    return len(pages) / (time.perf_counter() - t0)


def scrapy_floor(urls: list[str], tmp: Path) -> dict[str, Any]:
    """Bare Scrapy over the same pages with a do-nothing callback (bench/scrapy_floor.py)."""
    listing = tmp / "floor-urls.txt"
    listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "scrapy_floor.py"), str(listing)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    lines = out.stdout.strip().splitlines()
    figures = json.loads(lines[-1]) if lines else {}
    if out.returncode != 0 or figures.get("pages") != len(urls):
        log(out.stderr[-2000:])
        raise SystemExit(f"scrapy floor run failed: {figures}")
    return figures


def run_crawl(sites_file: Path, db: Path, extra: list[str]) -> dict[str, Any]:
    """Run `malinews crawl` in a subprocess, sampling its process tree and the archive's growth."""
    cmd = [sys.executable, "-m", "archive", "crawl", SITE, "--sites", str(sites_file), "--db", str(db), "--quiet"]
    for key, value in BENCH_SETTINGS.items():
        cmd += ["-s", f"{key}={value}"]
    cmd += extra
    log("$ " + " ".join(cmd[2:]))
    server_cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid, interval=0.5).start()  # light: the sampler shares the cores
    growth: list[tuple[float, int]] = []
    first: tuple[int, float, float] | None = None  # (articles, main CPU, worker CPU) once writing began
    while proc.poll() is None:
        time.sleep(0.5)
        growth.append((time.monotonic() - t0, _count(db)))
        if first is None and growth[-1][1] > 0:
            first = (growth[-1][1], *sampler.cpu_split())
    elapsed = time.monotonic() - t0
    sampler.stop()
    server_cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        log(stderr[-3000:])
        raise SystemExit(f"crawl failed with exit code {proc.returncode}")
    main_cpu, worker_cpu = sampler.cpu_split()
    return {"elapsed": elapsed, "growth": growth, "peak_rss": sampler.peak_rss, "peak_pss": sampler.peak_pss,
            "procs": sampler.peak_procs, "main_cpu": main_cpu, "worker_cpu": worker_cpu, "first": first,
            "server_cpu": (server_cpu1.ru_utime + server_cpu1.ru_stime) - (server_cpu0.ru_utime + server_cpu0.ru_stime),
            "stderr": stderr}


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def steady_rate(growth: list[tuple[float, int]], total: int) -> float:
    """Articles/s between 10 % and 90 % of the final count (start-up and tail excluded)."""
    lo = next(((t, c) for t, c in growth if c >= total * 0.1), None)
    hi = next(((t, c) for t, c in growth if c >= total * 0.9), None)
    if not lo or not hi or hi[0] <= lo[0]:
        return 0.0
    return (hi[1] - lo[1]) / (hi[0] - lo[0])


def run_stats(db: Path) -> dict[str, Any]:
    """The last crawl run's malinews stats (reactor lag, pool) and archive counts."""
    with sqlite3.connect(db) as conn:
        stats = json.loads(conn.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        counts = conn.execute("SELECT count(*), count(DISTINCT url), sum(text != '') FROM articles").fetchone()
    return {"malinews": stats.get("malinews", {}), "articles": counts[0], "distinct": counts[1], "with_text": counts[2]}


def main(argv: list[str] | None = None) -> int:
    """Generate, serve, measure, print the JSON line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="number of articles (default 5000)")
    ap.add_argument("--sample", type=int, default=1000, help="pages for the extract_page loop (default 1000)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary site and archive")
    ap.add_argument("--server", choices=("mem", "testweb"), default="mem",
                    help="mem: pre-rendered in-memory server (least CPU taken from the crawl); testweb: TestWeb")
    ap.add_argument("-s", "--set", dest="extra", action="append", default=[], metavar="NAME=VALUE",
                    help="extra Scrapy/malinews setting for the crawl (repeatable)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="malinews-bench-"))
    log(f"generating {args.n} articles in {tmp} …")
    arts = generate_site(tmp / SITE, args.n)
    server, base, sites_file = serve(args.server, tmp)
    try:
        pages = page_set(base, tmp, [a.path for a in arts])
        kb = sum(len(h.encode()) for _, h in pages) / len(pages) / 1024
        text_kb = sum(len(a.text.encode()) for a in arts) / len(arts) / 1024
        log(f"pages: {kb:.1f} KB of HTML, {text_kb:.1f} KB of text on average; load average {os.getloadavg()[0]:.2f}")
        bare_before, ms_before = bare_loop(pages)
        log(f"bare trafilatura (extract, defaults), 1 process: {bare_before:.1f} articles/s")
        same = same_call_loop(pages)
        log(f"the pipeline's trafilatura call, 1 process:   {same:.1f} articles/s")
        full = extract_page_loop(pages[: args.sample])
        log(f"extract_page (whole worker job), 1 process:   {full:.1f} articles/s (first {min(args.sample, len(pages))} pages)")
        floor = scrapy_floor([u for u, _ in pages], tmp)
        log(f"bare Scrapy, do-nothing callback, 1 process:   {floor['pages_per_s']:.1f} pages/s, "
            f"{floor['cpu_ms_per_page']:.2f} ms CPU per page")
        db = tmp / "bench.db"
        extra = [x for s in args.extra for x in ("-s", s)]
        crawl = run_crawl(sites_file, db, extra)
        # The VM's speed drifts (±15 %): the baseline is the mean of one loop before and one after the crawl.
        bare_after, ms_after = bare_loop(pages)
        bare, bare_ms = (bare_before + bare_after) / 2, (ms_before + ms_after) / 2
        log(f"bare trafilatura again, after the crawl:        {bare_after:.1f} articles/s (baseline: the mean, {bare:.1f})")
        del pages
    finally:
        server.__exit__(None, None, None)
    result = run_stats(db)
    n = result["articles"]
    aps = n / crawl["elapsed"]
    cores = len(os.sched_getaffinity(0))
    busy = (crawl["main_cpu"] + crawl["worker_cpu"]) / (crawl["elapsed"] * cores)
    st = result["malinews"]
    f = crawl["first"] or (0, 0.0, 0.0)
    steady_n = max(1, n - f[0])
    main_ms = (crawl["main_cpu"] - f[1]) * 1000 / steady_n
    worker_ms = (crawl["worker_cpu"] - f[2]) * 1000 / steady_n
    cpu_bound = cores * 1000 / (main_ms + worker_ms) if main_ms + worker_ms else 0.0
    # The best any Scrapy pipeline could do here: bare Scrapy's CPU plus bare trafilatura's, nothing else,
    # spread over every core with no hand-off cost.
    ceiling_aps = cores * 1000 / (floor["cpu_ms_per_page"] + bare_ms)
    log("politeness lifted for this loopback benchmark: " + ", ".join(f"{k}={v}" for k, v in BENCH_SETTINGS.items()))
    log(f"crawl: {n} articles ({result['distinct']} distinct URLs, {result['with_text']} with text) in "
        f"{crawl['elapsed']:.1f} s = {aps:.1f} articles/s wall clock; steady state {steady_rate(crawl['growth'], n):.1f}/s")
    log(f"CPU: scrapy process {crawl['main_cpu']:.1f} s, extraction workers {crawl['worker_cpu']:.1f} s, "
        f"{args.server} server {crawl['server_cpu']:.1f} s; crawl tree used {busy:.0%} of {cores} cores; "
        f"load average now {os.getloadavg()[0]:.2f}")
    log(f"CPU per article after start-up: scrapy process {main_ms:.1f} ms, workers {worker_ms:.1f} ms "
        f"(bare trafilatura {1000 / bare:.1f} ms) -> at most {cpu_bound:.0f} articles/s on {cores} idle cores")
    log(f"ceiling: bare Scrapy ({floor['cpu_ms_per_page']:.2f} ms) + bare trafilatura ({bare_ms:.2f} ms) CPU per page "
        f"on {cores} cores = {ceiling_aps:.0f} articles/s, a ratio of {ceiling_aps * bare_ms / 1000:.2f} for a pipeline that "
        f"stored, indexed and deduplicated nothing; ratio reached {aps / bare:.2f} "
        f"({aps / ceiling_aps:.0%} of that ceiling)")
    log(f"reactor: longest CPU burst between 50 ms ticks {st.get('malinews/reactor/max_busy_ms', 0)} ms; "
        f"max lag {st.get('malinews/reactor/max_lag_ms', 0)} ms, "
        f"{st.get('malinews/reactor/blocked_100ms', 0)} ticks ≥100 ms late of {st.get('malinews/reactor/ticks', 0)}")
    log(f"memory: peak RSS of the crawl's process tree {crawl['peak_rss'] / 2**20:.0f} MB "
        f"(PSS {crawl['peak_pss'] / 2**20:.0f} MB, {crawl['procs']} processes)")
    if n != args.n:
        log(f"WARNING: expected {args.n} articles, archived {n}")
    if args.keep:
        log(f"kept {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps({
        "bare_aps": round(bare, 1), "bare_aps_before": round(bare_before, 1), "bare_aps_after": round(bare_after, 1),
        "pipeline_aps": round(aps, 1), "ratio": round(aps / bare, 2),
        "peak_rss_mb": round(crawl["peak_rss"] / 2**20, 1), "peak_pss_mb": round(crawl["peak_pss"] / 2**20, 1),
        "steady_aps": round(steady_rate(crawl["growth"], n), 1), "extract_page_aps": round(full, 1),
        "same_call_aps": round(same, 1), "ratio_same_call": round(aps / same, 2),
        "articles": n, "n": args.n, "cores": cores, "cpu_busy": round(busy, 2),
        "reactor_max_lag_ms": st.get("malinews/reactor/max_lag_ms"), "reactor_max_busy_ms": st.get("malinews/reactor/max_busy_ms"), "page_kb": round(kb, 1),
        "server": args.server, "load_avg": round(os.getloadavg()[0], 2), "main_ms_per_article": round(main_ms, 2),
        "worker_ms_per_article": round(worker_ms, 2), "cpu_bound_aps": round(cpu_bound, 1),
        "scrapy_floor_pps": floor["pages_per_s"], "scrapy_floor_ms_per_page": floor["cpu_ms_per_page"],
        "ceiling_aps": round(ceiling_aps, 1), "ceiling_ratio": round(ceiling_aps * bare_ms / 1000, 2),
        "share_of_ceiling": round(aps / ceiling_aps, 2),
    }))
    return 0 if n == args.n else 1


if __name__ == "__main__":
    sys.exit(main())
