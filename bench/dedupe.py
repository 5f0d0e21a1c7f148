"""Benchmark story deduplication: synthetic archives of N articles, 5 % lightly edited copies.

Usage:  .venv/bin/python bench/dedupe.py [--sizes 10000,100000] [--templated 2000] [--dir DIR] [--keep]
For each size it builds an archive through `Archive.save_batch` (stories deferred) and times
`StoryIndex.assign_all` on every chunk of 1,000 new articles (commit included): the per-article
dedupe time over the whole build and over its last 10 % (the marginal cost at that size), peak RSS,
and pairwise precision/recall against the known copies; then (`--templated N`) N templated articles of
one outlet and month, whose per-article cost must not grow with N. CPU time (process) is printed beside wall time:
on a shared machine it is the steadier of the two. Progress goes to stderr; the last stdout
line is ONE JSON object of figures.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from array import array
from collections import Counter
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from pathlib import Path
from collections.abc import Iterator
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.stories import StoryIndex  # noqa: E402
from archive.store import Archive  # noqa: E402
from archive.story_report import story_members  # noqa: E402
from bench.synthetic import COMMON, NAMES, SYLLABLES, content_hash  # noqa: E402

PER_DAY = 300          # articles a day across outlets (Malian press order of magnitude)
COPY_RATE = 0.05
SITES = [f"outlet{i:02d}" for i in range(20)]
CHUNK = 1000


class Corpus:
    """Deterministic French-like articles; a copy is a recent original with one or two light edits."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        tail = {"".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))) for _ in range(30_000)}
        self.vocab = list(COMMON) + list(NAMES) + sorted(tail)
        self.cum = list(accumulate(1.0 / (rank + 3) ** 1.1 for rank in range(len(self.vocab))))
        self.recent: list[tuple[int, str, str, datetime, str]] = []  # (truth, title, text, published, site)
        self.start = datetime(2015, 1, 1, tzinfo=timezone.utc)

    def sentence(self) -> str:
        words = self.rng.choices(self.vocab, cum_weights=self.cum, k=self.rng.randint(12, 28))
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), str(self.rng.randint(2, 2025)))
        return " ".join(words).capitalize() + "."

    def text(self) -> str:
        """300-500 words in 4-7 paragraphs."""
        target, paras, n = self.rng.randint(300, 500), [], 0
        while n < target:
            para = " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))
            paras.append(para)
            n += len(para.split())
        return "\n".join(paras)

    def edit(self, text: str) -> str:
        """One or two light edits: credit line, dropped/added paragraph, typos, rewritten lead, boilerplate."""
        lines = text.split("\n")
        for op in self.rng.sample(["credit", "drop", "add", "typos", "lead", "boiler"], self.rng.choice([1, 2])):
            if op == "credit":
                lines.append(self.rng.choice(["Source : L'Essor", "Avec AFP", "Studio Tamani", "(AMAP)"]))
            elif op == "drop" and len(lines) > 3:
                del lines[self.rng.randrange(1, len(lines))]
            elif op == "add":
                lines.insert(self.rng.randrange(len(lines) + 1), self.sentence() + " " + self.sentence())
            elif op == "typos":
                for _ in range(self.rng.randint(1, 3)):
                    i = self.rng.randrange(len(lines))
                    words = lines[i].split()
                    j = self.rng.randrange(len(words))
                    if len(words[j]) > 3:
                        words[j] = words[j][:1] + words[j][2:]
                    lines[i] = " ".join(words)
            elif op == "lead":
                lines[0] = self.sentence() + " " + re.split(r"(?<=\.)\s+", lines[0], maxsplit=1)[-1]
            elif op == "boiler":
                lines += ["Partager :", "Lire aussi : " + self.sentence()]
        return "\n".join(lines)

    def items(self, n: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """(truth cluster id, archive item) for n articles in publication order."""
        for k in range(n):
            published = self.start + timedelta(days=k / PER_DAY)
            if self.recent and self.rng.random() < COPY_RATE:
                truth, title, text, when, site = self.rng.choice(self.recent)
                published = max(published, when + timedelta(hours=self.rng.uniform(0.5, 72)))
                site = self.rng.choice([s for s in SITES if s != site])
                title, text = self.rng.choice(["", "Mali : "]) + title, self.edit(text)
            else:
                truth, site = k, self.rng.choice(SITES)
                title = " ".join(self.rng.choices(self.vocab, cum_weights=self.cum, k=8)).capitalize()
                text = self.text()
                self.recent = (self.recent + [(truth, title, text, published, site)])[-3 * PER_DAY:]
            yield truth, item(f"https://{site}.example/{truth}-{k}", site, title, text, published)


def item(url: str, site: str, title: str, text: str, published: datetime) -> dict[str, Any]:
    """An archive item (the StoragePipeline shape)."""
    when = published.replace(microsecond=0).isoformat()
    return {"site": site, "url": url, "requested_url": url, "final_url": url, "status": 200, "headers": {},
            "content_type": "text/html", "fetched_at": when, "body": b"", "discovered_via": "sitemap",
            "source_modified": None,
            "article": {"title": title, "author": None, "published": when, "modified": None, "section": None,
                        "tags": [], "description": None, "image": None, "language": "fr", "text": text,
                        "word_count": len(text.split()), "content_hash": content_hash(text), "date_source": "json-ld"}}


def pairwise(db: Any, truth_sizes: array) -> tuple[float, float]:
    """Pairwise precision/recall of the archive's stories against the generator's copies (streamed)."""
    tp = predicted = 0
    for _, urls in story_members(db):
        truths = Counter(int(u.rsplit("/", 1)[1].split("-")[0]) for u in urls)
        tp += sum(n * (n - 1) // 2 for n in truths.values())
        predicted += len(urls) * (len(urls) - 1) // 2
    expected = sum(n * (n - 1) // 2 for n in truth_sizes)
    return (tp / predicted if predicted else 1.0), (tp / expected if expected else 1.0)


def remove_archive(path: Path) -> None:
    """Delete an SQLite archive with its WAL and shared-memory files, if there."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(size: int, workdir: Path, seed: int) -> dict[str, Any]:
    """Build one archive of `size` articles and measure its deduplication."""
    path = workdir / f"dedupe-{size}.db"
    remove_archive(path)
    archive = Archive.open(path, stories=False)
    index = StoryIndex(archive.db)
    corpus, truth_sizes = Corpus(seed), array("I", bytes(4 * size))  # copies per original, flat in memory
    write_s = dedupe_s = tail_s = cpu_s = cpu_tail_s = 0.0
    tail_from = size - size // 10
    chunk: list[dict[str, Any]] = []
    done, started = 0, time.perf_counter()
    for truth, it in corpus.items(size):
        truth_sizes[truth] += 1
        chunk.append(it)
        if len(chunk) == CHUNK or done + len(chunk) == size:
            t0 = time.perf_counter()
            ids = [r.article_id for r in archive.save_batch(chunk)]
            t1, c1 = time.perf_counter(), time.process_time()
            index.assign_all(ids, batch=CHUNK)
            t2, c2 = time.perf_counter(), time.process_time()
            write_s, dedupe_s, cpu_s = write_s + t1 - t0, dedupe_s + t2 - t1, cpu_s + c2 - c1
            tail_s += (t2 - t1) if done >= tail_from else 0.0
            cpu_tail_s += (c2 - c1) if done >= tail_from else 0.0
            done += len(chunk)
            chunk = []
            if done % (size // 20 or 1) < CHUNK:
                print(f"  {size:,}: {done:,} articles, dedupe {1000 * dedupe_s / done:.2f} ms/article, "
                      f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pairwise(archive.db, truth_sizes)
    stories = archive.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    archive.close()
    tail_n = size - tail_from
    return {"size": size, "dedupe_ms_per_article": round(1000 * dedupe_s / size, 3),
            "dedupe_ms_per_article_last10pct": round(1000 * tail_s / max(tail_n, 1), 3),
            "dedupe_cpu_ms_per_article": round(1000 * cpu_s / size, 3),
            "dedupe_cpu_ms_per_article_last10pct": round(1000 * cpu_tail_s / max(tail_n, 1), 3),
            "write_ms_per_article": round(1000 * write_s / size, 3), "peak_rss_mb": round(rss_mb, 1),
            "pair_precision": round(precision, 4), "pair_recall": round(recall, 4), "stories": stories,
            "copies": size - sum(1 for n in truth_sizes if n), "db_mb": round(path.stat().st_size / 1e6, 1)}


def run_templated(n: int, workdir: Path, seed: int) -> dict[str, Any]:
    """`n` templated articles of one outlet and month (a communiqué of nominations: one shared template
    of 300-500 words, 40 decree numbers of its own each, every one its own story): per-article dedupe
    time over the first and the last 10 %. Each shares its LSH buckets with all the earlier ones, so the cost must stay flat."""
    path = workdir / "dedupe-templated.db"
    remove_archive(path)
    archive = Archive.open(path, stories=False)
    index = StoryIndex(archive.db)
    corpus = Corpus(seed)
    template = corpus.text().split("\n")
    month = datetime(2025, 3, 1, tzinfo=timezone.utc)
    times: list[float] = []
    for start in range(0, n, 100):
        chunk = []
        for i in range(start, min(n, start + 100)):
            # what is filled into the template: decree and registration numbers
            own = " ".join(f"n°{corpus.rng.randrange(10 ** 6)}" for _ in range(40))
            text = "\n".join([*template[:2], f"Nominations {i} : {own}.", *template[2:]])
            chunk.append(item(f"https://outlet00.ml/communique/{i}-0", "outlet00", f"Communiqué numéro {i}", text,
                              month + timedelta(days=i % 28, hours=i % 24)))
        ids = [r.article_id for r in archive.save_batch(chunk)]
        t0 = time.perf_counter()
        index.assign_all(ids, batch=len(ids))
        times.extend([(time.perf_counter() - t0) / len(ids)] * len(ids))
    stories = archive.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    archive.close()
    remove_archive(path)
    tenth = max(n // 10, 1)
    first, last = sum(times[:tenth]) / tenth, sum(times[-tenth:]) / tenth
    return {"templated": n, "stories": stories, "dedupe_ms_first10pct": round(1000 * first, 3),
            "dedupe_ms_last10pct": round(1000 * last, 3), "last_vs_first": round(last / first, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated archive sizes (e.g. 10000,100000,1000000)")
    parser.add_argument("--dir", default=None, help="where to build the archives (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the archives")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--templated", type=int, default=2000,
                        help="also build N templated articles of one outlet and month (0 = skip)")
    args = parser.parse_args(argv)
    workdir = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="malinews-dedupe-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        r = run(size, workdir, args.seed)
        results.append(r)
        print(f"{size:>9,} articles: dedupe {r['dedupe_ms_per_article']:.2f} ms/article (last 10 %: "
              f"{r['dedupe_ms_per_article_last10pct']:.2f}; CPU {r['dedupe_cpu_ms_per_article']:.2f} / "
              f"{r['dedupe_cpu_ms_per_article_last10pct']:.2f}), write {r['write_ms_per_article']:.2f} ms/article, "
              f"peak RSS {r['peak_rss_mb']:.0f} MB, precision {r['pair_precision']:.4f}, recall {r['pair_recall']:.4f}")
        if not args.keep:
            remove_archive(workdir / f"dedupe-{size}.db")
    templated = run_templated(args.templated, workdir, args.seed) if args.templated else None
    if templated:
        print(f"{args.templated:>9,} templated articles of one outlet and month: dedupe "
              f"{templated['dedupe_ms_first10pct']:.2f} ms/article over the first 10 %, "
              f"{templated['dedupe_ms_last10pct']:.2f} over the last ({templated['last_vs_first']:.2f}x), "
              f"{templated['stories']:,} stories")
    if not args.keep and not args.dir:
        shutil.rmtree(workdir, ignore_errors=True)
    base = results[0]
    figures = {"bench": "dedupe", "per_day": PER_DAY, "copy_rate": COPY_RATE, "results": results,
               "scaling_last10pct_vs_first": round(results[-1]["dedupe_ms_per_article_last10pct"]
                                                   / base["dedupe_ms_per_article"], 2),
               "scaling_cpu_last10pct_vs_first": round(results[-1]["dedupe_cpu_ms_per_article_last10pct"]
                                                       / base["dedupe_cpu_ms_per_article"], 2),
               "templated": templated}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
