"""WARC: the middleware's records (valid under `warcio check`, rotation), and crawl → WARC → import-warc."""
from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from warcio.archiveiterator import ArchiveIterator

from conftest import TESTWEB_SITES, run_cli
from crawler.sampleweb.server import TestWeb
from crawler.warc import KIND_HEADER, REDIRECTED_FROM, WarcMiddleware

FAST = ["--quiet", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
ARTICLE_FIELDS = ("url", "site", "title", "author", "published", "modified", "section", "tags", "language", "text",
                  "content_hash", "word_count", "date_source")


def warcio_check(files: list[Path]) -> subprocess.CompletedProcess[str]:
    """`warcio check -v FILES` (the validator web archivists use)."""
    return subprocess.run([sys.executable, "-c", "import sys; from warcio.cli import main; sys.exit(main())",
                           "check", "-v", *map(str, files)], capture_output=True, text=True)


def records(files: list[Path]) -> list[Any]:
    """(type, WARC headers, HTTP headers, decoded payload) of every record."""
    out = []
    for path in files:
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                out.append((rec.rec_type, rec.rec_headers, rec.http_headers, rec.content_stream().read()))
    return out


class Stats:
    """The two StatsCollector methods the middleware uses."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def inc_value(self, key: str, n: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + n

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


@dataclass
class FakeCrawler:
    stats: Stats


def test_middleware_writes_valid_rotating_warc_files(tmp_path: Path) -> None:
    mw = WarcMiddleware(FakeCrawler(Stats()), str(tmp_path), max_bytes=25_000)  # type: ignore[arg-type]
    page = "<html><body>" + "".join(f"<p>Paragraphe {i} : Goïta, Bamako, {os.urandom(8).hex()}</p>" for i in range(400)) + "</body></html>"
    raw = page.encode("utf-8")
    for i in range(12):
        req = Request(f"http://127.0.0.10:8000/a/{i}.html", meta={"kind": "page", "via": "sitemap"},
                      headers={"User-Agent": "malinews-test"})
        if i % 3 == 0:  # as received: still gzip-encoded, chunked
            resp = HtmlResponse(req.url, status=200, body=gzip.compress(raw), request=req,
                                headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip",
                                         "Transfer-Encoding": "chunked"})
        else:
            resp = HtmlResponse(req.url, status=200, body=raw, request=req,
                                headers={"Content-Type": "text/html; charset=utf-8"})
        assert mw.process_response(req, resp) is resp
    redirect_req = Request("http://127.0.0.10:8000/new", meta={"redirect_urls": ["http://127.0.0.10:8000/old"]})
    mw.process_response(redirect_req, HtmlResponse(redirect_req.url, status=200, body=b"<html></html>", request=redirect_req))
    mw.spider_closed()

    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) >= 3, "files must rotate past MALINEWS_WARC_MAX_BYTES"
    assert not list(tmp_path.glob("*.open")), "finished files are renamed"
    check = warcio_check(files)
    assert check.returncode == 0, check.stdout + check.stderr
    recs = records(files)
    assert [r[0] for r in recs].count("warcinfo") == len(files)
    responses = [r for r in recs if r[0] == "response"]
    requests = [r for r in recs if r[0] == "request"]
    assert len(responses) == len(requests) == 13
    assert all(r[1].protocol == "WARC/1.1" for r in recs)
    ids = {r[1].get_header("WARC-Record-ID") for r in responses}
    assert {r[1].get_header("WARC-Concurrent-To") for r in requests} == ids
    assert all(r[3] == raw for r in responses[:12]), "payloads read back as the page (gzip decoded by warcio)"
    assert responses[0][2].get_header("Content-Encoding") == "gzip" and responses[0][2].get_header("Transfer-Encoding") is None
    assert responses[0][1].get_header(KIND_HEADER) == "page"
    assert responses[-1][1].get_header(REDIRECTED_FROM) == "http://127.0.0.10:8000/old"
    assert requests[0][2].protocol == "GET" or requests[0][2].statusline.startswith("GET")
    assert requests[0][2].get_header("User-Agent") == "malinews-test"


# -- end to end: crawl the loopback test web with --warc, then rebuild the archive from the WARC ------
@dataclass
class WarcCrawl:
    web: TestWeb
    sites_file: Path
    db: Path
    warc_dir: Path
    logged: list[Any]


@pytest.fixture(scope="module")
def warc_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WarcCrawl]:
    work = tmp_path_factory.mktemp("warc")
    with TestWeb(TESTWEB_SITES) as web:
        sites_file = web.write_sites_toml(work / "sites.toml")
        db, warc_dir = work / "crawl.db", work / "warc"
        proc = run_cli("crawl", "--sites", str(sites_file), "--db", str(db), "--warc", str(warc_dir), *FAST,
                       timeout=180)
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield WarcCrawl(web, sites_file, db, warc_dir, web.requests)


def article_rows(db: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {r["url"]: dict(r) for r in conn.execute(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles")}


def test_crawl_warc_files_pass_warcio_check(warc_crawl: WarcCrawl) -> None:
    files = sorted(warc_crawl.warc_dir.glob("*.warc.gz"))
    assert files and not list(warc_crawl.warc_dir.glob("*.open"))
    check = warcio_check(files)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr


def test_every_fetched_response_is_in_the_warc(warc_crawl: WarcCrawl) -> None:
    recs = records(sorted(warc_crawl.warc_dir.glob("*.warc.gz")))
    in_warc = sorted((r[1].get_header("WARC-Target-URI"), int(r[2].get_statuscode()))
                     for r in recs if r[0] == "response")
    served = sorted((warc_crawl.web.url(r.site, r.path), r.status) for r in warc_crawl.logged if r.method == "GET")
    assert in_warc == served
    assert sum(r[0] == "request" for r in recs) == len(in_warc)
    assert any(status == 404 for _, status in in_warc) and any("/robots.txt" in u for u, _ in in_warc)


def test_import_warc_rebuilds_the_same_articles_offline(warc_crawl: WarcCrawl, tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.db"
    warc_crawl.web.clear_log()
    files = [str(p) for p in sorted(warc_crawl.warc_dir.glob("*.warc.gz"))]
    proc = run_cli("import-warc", *files, "--db", str(rebuilt), "--sites", str(warc_crawl.sites_file))
    assert proc.returncode == 0, proc.stderr
    assert warc_crawl.web.requests == [], "import-warc must not touch the network"
    crawled, imported = article_rows(warc_crawl.db), article_rows(rebuilt)
    assert crawled, "the crawl archived no article"
    assert sorted(imported) == sorted(crawled)
    for url, row in crawled.items():
        diff = {k: (row[k], imported[url][k]) for k in ARTICLE_FIELDS if row[k] != imported[url][k]}
        assert not diff, f"{url}: crawl vs import-warc differ: {diff}"
    with sqlite3.connect(rebuilt) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == len(crawled)


def test_reextract_changes_nothing_then_repairs_tampered_articles(warc_crawl: WarcCrawl, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    with sqlite3.connect(warc_crawl.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    warc_crawl.web.clear_log()
    proc = run_cli("reextract", "--db", str(db), "--sites", str(warc_crawl.sites_file))
    assert proc.returncode == 0, proc.stderr
    assert warc_crawl.web.requests == []
    n = len(article_rows(db))
    assert f"unchanged {n}" in proc.stderr, proc.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
        assert conn.execute("SELECT count(DISTINCT extractor_version) FROM articles").fetchone()[0] == 1
        first = conn.execute("SELECT id, site FROM articles ORDER BY id LIMIT 1").fetchone()
        other = conn.execute("SELECT id, site FROM articles WHERE site != ? ORDER BY id LIMIT 1", [first[1]]).fetchone()
        victims = [first, other]
        conn.execute("UPDATE articles SET text = 'texte d''un ancien extracteur', content_hash = 'old' WHERE id = ?",
                     [victims[0][0]])
        conn.execute("UPDATE articles SET title = 'Ancien titre' WHERE id = ?", [victims[1][0]])
    proc = run_cli("reextract", "--db", str(db), "--sites", str(warc_crawl.sites_file), "--site", victims[0][1])
    assert proc.returncode == 0 and "changed 1" in proc.stderr, proc.stderr
    proc = run_cli("reextract", "--db", str(db), "--sites", str(warc_crawl.sites_file))
    assert "changed 1" in proc.stderr and f"unchanged {n - 1}" in proc.stderr, proc.stderr
    after = article_rows(db)
    assert article_rows(warc_crawl.db) == after, "re-extraction restores what the crawl extracted"
    with sqlite3.connect(db) as conn:
        old = conn.execute("SELECT article_id, title, text FROM article_versions ORDER BY id").fetchall()
    assert [o[0] for o in old] == [victims[0][0], victims[1][0]]
    assert old[0][2] == "texte d'un ancien extracteur" and old[1][1] == "Ancien titre"
    assert json.loads(json.dumps(old))  # plain values, nothing binary


def test_import_warc_reads_other_tools_warcs(warc_crawl: WarcCrawl, tmp_path: Path) -> None:
    """The same exchanges without malinews' own WARC fields (as wget or Heritrix would write them)."""
    from warcio.warcwriter import WARCWriter

    foreign = tmp_path / "foreign.warc.gz"
    with open(foreign, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for path in sorted(warc_crawl.warc_dir.glob("*.warc.gz")):
            with open(path, "rb") as fh:
                for rec in ArchiveIterator(fh):
                    for name in ("WARC-Malinews-Kind", "WARC-Malinews-Via", "WARC-Malinews-Redirected-From"):
                        rec.rec_headers.remove_header(name)
                    writer.write_record(rec)
    rebuilt = tmp_path / "foreign.db"
    proc = run_cli("import-warc", str(foreign), "--db", str(rebuilt), "--sites", str(warc_crawl.sites_file))
    assert proc.returncode == 0, proc.stderr
    assert sorted(article_rows(rebuilt)) == sorted(article_rows(warc_crawl.db))


def test_a_cut_or_foreign_file_is_named_never_a_traceback(warc_crawl: WarcCrawl, tmp_path: Path) -> None:
    """A WARC cut mid-record (a crawl killed mid-write, a broken download) gives what came before it;
    a file that is no WARC at all is named and the command exits 1."""
    whole = max(sorted(warc_crawl.warc_dir.glob("*.warc.gz")), key=lambda p: p.stat().st_size)
    raw = gzip.decompress(whole.read_bytes())
    # Cut halfway through the first response record past two thirds of the file (a cut between two
    # records loses nothing, and is rightly no warning).
    typed = raw.index(b"WARC-Type: response", len(raw) * 2 // 3)
    block = raw[raw.rindex(b"WARC/1.", 0, typed):raw.index(b"\r\n\r\n", typed) + 4]
    length = int(re.search(rb"Content-Length: (\d+)", block).group(1))
    cut = tmp_path / "cut.warc"
    cut.write_bytes(raw[: raw.rindex(b"WARC/1.", 0, typed) + len(block) + length // 2])
    proc = run_cli("import-warc", str(cut), "--db", str(tmp_path / "cut.db"), "--sites", str(warc_crawl.sites_file))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert f"warning: {cut}: read up to response" in proc.stderr and "truncated files 1" in proc.stderr
    with sqlite3.connect(tmp_path / "cut.db") as conn:
        rebuilt = dict(conn.execute("SELECT url, text FROM articles"))
    with sqlite3.connect(warc_crawl.db) as conn:
        crawled = dict(conn.execute("SELECT url, text FROM articles"))
    assert rebuilt  # what came before the cut…
    assert all(crawled.get(url) == text for url, text in rebuilt.items())  # …whole: the cut record is not half a row
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(bytes(range(256)) * 20)
    proc = run_cli("import-warc", str(junk), str(cut), "--db", str(tmp_path / "junk.db"), "--sites", str(warc_crawl.sites_file))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert f"warning: {junk}: not a readable WARC file" in proc.stderr
    assert "Error: 1 of 2 file(s) are not readable WARC files" in proc.stderr


def test_a_gzip_bomb_in_a_warc_is_read_no_further_than_a_crawl_would(tmp_path: Path) -> None:
    """warcio undoes a record's Content-Encoding: a 256 KB gzip bomb (256 MB of zeros) read whole took
    the import to 3.2 GB for its 1 GB sibling. It is read up to DOWNLOAD_MAXSIZE, counted too large,
    and the genuine article after it is imported."""
    import io
    import tracemalloc

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from crawler.sites import load_sites
    from crawler.warc_import import READ_LIMIT, import_warcs
    from tests.testweb.hostile.make_hostile import article

    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", compresslevel=9) as bomb:
        for _ in range(256):
            bomb.write(bytes(1 << 20))
    assert 256 << 20 > 4 * READ_LIMIT
    page = article("Les écoles de Kayes rouvrent leurs portes", "2025-03-14", "ecoles", "W1").replace("{BASE}", "http://127.0.0.1:9")
    path = tmp_path / "bombe.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, encoding in (("http://127.0.0.1:9/2025/03/14/bombe/", packed.getvalue(), [("Content-Encoding", "gzip")]),
                                    ("http://127.0.0.1:9/2025/03/14/ecoles/", page.encode(), [])):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *encoding,
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    sites = tmp_path / "sites.toml"
    sites.write_text('[sites.hostile]\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    tracemalloc.start()
    try:
        summary = import_warcs([path], tmp_path / "a.db", load_sites(sites))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.counts.get("too_large") == 1 and summary.responses == 2, summary
    assert peak < 3 * READ_LIMIT, f"the import peaked at {peak / 2**20:.0f} MB of Python objects"
    with sqlite3.connect(tmp_path / "a.db") as conn:
        assert [u for (u,) in conn.execute("SELECT url FROM articles")] == ["http://127.0.0.1:9/2025/03/14/ecoles/"]
