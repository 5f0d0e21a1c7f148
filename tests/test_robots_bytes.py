"""`crawler.robots.robots_bytes`: a robots.txt body read as UTF-8 text, gzipped and UTF-16 ones included."""
from __future__ import annotations

import gzip

import pytest

from crawler.discovery import robots_sitemaps
from crawler.robots import MAX_ROBOTS_BYTES, BoundedRobotParser, robots_bytes

ROBOTS = "User-agent: *\nDisallow: /prive/\nSitemap: http://x.ml/plan.xml\n"


@pytest.mark.parametrize("body", [
    ROBOTS.encode(), ROBOTS.encode("utf-16"), b"\xfe\xff" + ROBOTS.encode("utf-16-be"),
    gzip.compress(ROBOTS.encode()), gzip.compress(ROBOTS.encode("utf-16")),
], ids=["utf-8", "utf-16-le", "utf-16-be", "gzip", "gzip-utf-16"])
def test_rules_and_sitemaps_are_read(body: bytes) -> None:
    text = robots_bytes(body)
    assert text.decode("utf-8").lstrip("\ufeff") == ROBOTS
    assert robots_sitemaps(text, "http://x.ml/robots.txt") == ["http://x.ml/plan.xml"]
    parser = BoundedRobotParser(text, None)
    assert not parser.allowed("http://x.ml/prive/a", "malinews") and parser.allowed("http://x.ml/actu/", "malinews")


def test_a_gzip_bomb_is_inflated_no_further_than_the_limit() -> None:
    bomb = gzip.compress(b"Disallow: /x\n" * (40 * MAX_ROBOTS_BYTES // 13))  # 20 MB of rules in ~20 KB
    assert len(bomb) < 100_000
    text = robots_bytes(bomb)
    assert len(text) <= MAX_ROBOTS_BYTES and text.endswith(b"\n")


def test_broken_gzip_reads_as_nothing() -> None:
    assert robots_bytes(b"\x1f\x8b\x08\x00garbage") == b""


@pytest.mark.parametrize("line, urls", [
    ("Sitemap: http://x.ml/plan.xml", ["http://x.ml/plan.xml"]),
    ("Sitemap: http://x.ml/plan.xml # plan principal", ["http://x.ml/plan.xml"]),  # a comment ends any line
    ("Sitemap: http://x.ml/plan.xml\tnews", ["http://x.ml/plan.xml"]),
    ("  SITEMAP : <http://x.ml/plan.xml>", ["http://x.ml/plan.xml"]),
    ("sitemap:/plan.xml", ["http://x.ml/plan.xml"]),                           # relative: joined to robots.txt
    ("\ufeffSitemap: http://x.ml/plan.xml\r", ["http://x.ml/plan.xml"]),      # a BOM, CRLF
    ("# Sitemap: http://x.ml/commente.xml", []),
    ("Sitemap: javascript:alert(1)", []), ("Sitemap: http://[::1", []), ("Sitemap:", []),
])
def test_sitemap_lines_as_hand_written(line: str, urls: list[str]) -> None:
    """Scrapy's reader kept what followed the address: `/plan.xml%20` or `/plan.xmlnews`, both 404s."""
    assert robots_sitemaps(f"{line}\nUser-agent: *\nDisallow:\n".encode(), "http://x.ml/robots.txt") == urls
