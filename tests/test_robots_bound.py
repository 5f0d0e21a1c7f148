"""A robots.txt bomb is read only up to RFC 9309's 500 KiB: rules beyond are ignored, the cut is counted."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawler.robots import MAX_ROBOTS_BYTES, BoundedRobotParser, truncate_robots
from tests.test_robots_sitemaps import N, SITEMAP, _site, crawl

RULES = "".join(f"Disallow: /zone-{i}/rubrique-{i * 7}/*.php$\n" for i in range(150_000)).encode()  # ~6 MB


def test_truncate_keeps_whole_lines_only() -> None:
    body = b"User-agent: *\nDisallow: /a/\nDisallow: /bbbbbbbb/\n"
    assert truncate_robots(body, 1000) == body
    assert truncate_robots(body, 30) == b"User-agent: *\nDisallow: /a/\n"  # "Disallow: /bbb…" would be cut: dropped
    assert truncate_robots(b"x" * 50, 10) == b""


def test_rules_past_the_limit_are_ignored_and_counted() -> None:
    crawler = get_crawler()
    body = b"User-agent: *\nDisallow: /prive/\n" + RULES + b"Disallow: /tout-a-la-fin/\n"
    start = time.perf_counter()
    parser = BoundedRobotParser.from_crawler(crawler, body)
    assert time.perf_counter() - start < 3  # the whole body took ~4.5 s to parse
    assert not parser.allowed("http://x.ml/prive/page", "malinews")
    assert parser.allowed("http://x.ml/tout-a-la-fin/page", "malinews")  # past 500 KiB: never read
    assert crawler.stats.get_value("malinews/robots/truncated") == 1
    small = BoundedRobotParser.from_crawler(crawler, b"User-agent: *\nDisallow: /x/\n")
    assert not small.allowed("http://x.ml/x/1", "malinews") and crawler.stats.get_value("malinews/robots/truncated") == 1


@pytest.mark.timeout(180)
def test_crawl_behind_a_robots_bomb(tmp_path: Path) -> None:
    """A 6 MB robots.txt: its Sitemap: line is followed, the articles archived, the cut counted."""
    locs = "".join(f"<url><loc>{{BASE}}/actu/rencontre-{n}/</loc></url>" for n in range(1, N + 1))
    root = _site(tmp_path, SITEMAP, '<?xml version="1.0" encoding="UTF-8"?>'
                 f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>')
    robots = root / "robotsplan" / "files" / "robots.txt"
    robots.write_bytes(robots.read_bytes() + RULES)
    assert robots.stat().st_size > 10 * MAX_ROBOTS_BYTES
    db, _ = crawl(root, tmp_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == N
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert stats["malinews"].get("malinews/robots/truncated") == 1
