"""A site that stops answering is set aside after failures in a row, probed now and then, and let back in."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError as TxTimeoutError

from crawler.sitehealth import SiteDownSkip, SiteHealthMiddleware
from tests.test_deep_pagination import article
from tests.test_robots_sitemaps import crawl


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def request(site: str = "panne", n: int = 0) -> Request:
    return Request(f"http://127.0.0.9/{site}/{n}/", meta={"site": site})


def response(req: Request, status: int) -> HtmlResponse:
    return HtmlResponse(req.url, status=status, body=b"<html></html>", request=req)


@pytest.fixture
def breaker() -> tuple[SiteHealthMiddleware, Clock]:
    clock = Clock()
    crawler = get_crawler(settings_dict={"MALINEWS_SITE_DOWN_AFTER": 5, "MALINEWS_SITE_DOWN_PROBE_SECONDS": 60})
    crawler.spider = SimpleNamespace(sites={})
    mw = SiteHealthMiddleware.from_crawler(crawler)
    mw.clock = clock
    return mw, clock


def test_failures_in_a_row_set_the_site_aside(breaker: tuple[SiteHealthMiddleware, Clock]) -> None:
    mw, clock = breaker
    for n in range(4):
        mw.process_exception(request(n=n), TxTimeoutError("slow"))
    mw.process_response(request(n=4), response(request(n=4), 503))
    with pytest.raises(SiteDownSkip):
        mw.process_request(request(n=5))  # nothing more goes through…
    assert mw.process_request(request("autre")) is None  # …of that site only
    stats = mw.crawler.stats
    assert stats.get_value("malinews/panne/site_down") == 1
    assert stats.get_value("malinews/panne/site_down_skipped") >= 1


def test_a_success_resets_the_count(breaker: tuple[SiteHealthMiddleware, Clock]) -> None:
    mw, _ = breaker
    for n in range(4):
        mw.process_exception(request(n=n), ConnectionRefusedError())
    mw.process_response(request(n=4), response(request(n=4), 404))  # a 404 is an answer: the site is up
    for n in range(4):
        mw.process_response(request(n=n), response(request(n=n), 500))
    assert mw.process_request(request(n=9)) is None


def test_a_probe_goes_through_and_a_good_answer_lets_the_site_back(breaker: tuple[SiteHealthMiddleware, Clock]) -> None:
    mw, clock = breaker
    for n in range(5):
        mw.process_exception(request(n=n), TxTimeoutError("slow"))
    with pytest.raises(SiteDownSkip):
        mw.process_request(request(n=10))
    clock.now += 61
    probe = request(n=11)
    assert mw.process_request(probe) is None  # one probe after the interval
    with pytest.raises(SiteDownSkip):
        mw.process_request(request(n=12))  # and only one
    mw.process_exception(probe, TxTimeoutError("still slow"))
    with pytest.raises(SiteDownSkip):
        mw.process_request(request(n=13))
    clock.now += 61
    probe = request(n=14)
    assert mw.process_request(probe) is None
    mw.process_response(probe, response(probe, 200))
    assert all(mw.process_request(request(n=n)) is None for n in range(20, 30))


def test_ignored_requests_and_unknown_sites_are_not_failures(breaker: tuple[SiteHealthMiddleware, Clock]) -> None:
    mw, _ = breaker
    from scrapy.exceptions import IgnoreRequest
    for n in range(10):
        mw.process_exception(request(n=n), IgnoreRequest("off-site"))
        mw.process_exception(Request(f"http://127.0.0.9/robots{n}.txt"), TxTimeoutError("slow"))
    assert mw.process_request(request(n=99)) is None


N_DEAD = 200


@pytest.fixture()
def dying_web(tmp_path: Path) -> Path:
    """`panne` lists 200 articles in its sitemap and answers 503 for every one of them; `vivant` is fine."""
    root = tmp_path / "sites"
    panne = root / "panne" / "files"
    panne.mkdir(parents=True)
    (panne / "index.html").write_text("<html><body><a href='/actu/'>Actualités</a></body></html>", encoding="utf-8")
    locs = "".join(f"<url><loc>{{BASE}}/actu/rencontre-{n}/</loc></url>" for n in range(1, N_DEAD + 1))
    (panne / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><urlset '
                                       f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>', encoding="utf-8")
    (panne / "robots.txt").write_text("User-agent: *\nAllow: /\nSitemap: {BASE}/sitemap.xml\n", encoding="utf-8")
    (root / "panne" / "routes.toml").write_text('[routes."*"]\nstatus = 503\nbody = "<h1>Service Unavailable</h1>"\n',
                                                encoding="utf-8")
    vivant = root / "vivant" / "files"
    for n in (1, 2, 3):
        (vivant / "actu" / f"rencontre-{n}-a-kalaban-coro").mkdir(parents=True)
        (vivant / "actu" / f"rencontre-{n}-a-kalaban-coro" / "index.html").write_text(article(n), encoding="utf-8")
    (vivant / "index.html").write_text("<html><body>" + "".join(
        f"<a href='/actu/rencontre-{n}-a-kalaban-coro/'>Rencontre {n}</a>" for n in (1, 2, 3)) + "</body></html>",
        encoding="utf-8")
    return root


@pytest.mark.timeout(200)
def test_a_dead_site_is_set_aside_and_the_others_crawled(dying_web: Path, tmp_path: Path) -> None:
    db, requested = crawl(dying_web, tmp_path, "MALINEWS_SITE_DOWN_AFTER=10", "RETRY_TIMES=1")
    dead = [p for p in requested if p.startswith("/actu/rencontre-") and not p.endswith("-a-kalaban-coro/")]
    assert len(dead) <= 10 + 16 + 4, len(dead)  # 10 failed attempts, what was already in flight, probes
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC").fetchone()[0])["malinews"]
    assert stats["malinews/panne/site_down"] == 1
    assert stats["malinews/panne/site_down_skipped"] >= N_DEAD - len(dead)
    sites = dict(db.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    assert sites == {"vivant": 3}
    status, reason = db.execute("SELECT status, finish_reason FROM crawl_runs ORDER BY id DESC").fetchone()
    assert (status, reason) == ("finished", "finished")
