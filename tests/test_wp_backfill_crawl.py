"""WordPress REST API and backfill, end to end on the loopback test web (tests/testweb_wp/sites)."""
from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote

from conftest import REPO, cli_env, run_cli

from crawler.sampleweb.server import TestWeb

SITES = Path(__file__).resolve().parent / "testweb_wp" / "sites"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--quiet"]


def crawl(web: TestWeb, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`malinews crawl` of every site `web` serves, into tmp/a.db; the request log starts empty."""
    web.write_sites_toml(tmp / "sites.toml")
    web.clear_log()
    return run_cli("crawl", "--sites", str(tmp / "sites.toml"), "--db", str(tmp / "a.db"), *FAST, *args)


def articles(tmp: Path) -> dict[str, dict[str, Any]]:
    """{URL path: article row} of the archive."""
    db = sqlite3.connect(tmp / "a.db")
    db.row_factory = sqlite3.Row
    return {"/" + r["url"].split("/", 3)[3]: dict(r) for r in db.execute("SELECT * FROM articles")}


def last_stats(tmp: Path) -> dict[str, Any]:
    """Status, mode and `malinews/…` stats of the last crawl run."""
    row = sqlite3.connect(tmp / "a.db").execute("SELECT status, stats FROM crawl_runs ORDER BY id DESC").fetchone()
    stats = json.loads(row[1])
    return {"status": row[0], "mode": stats.get("mode"), "per_site": stats["per_site"], **stats["malinews"]}


def article_paths(web: TestWeb, site: str) -> list[str]:
    """Requested article paths (dated paths or /actualites/, not month archives) on `site`, in order."""
    return [p for p in web.requested_paths(site)
            if p.startswith(("/20", "/actualites/")) and not re.fullmatch(r"/\d{4}/\d{2}/", p)]


def test_wp_api_gives_the_back_catalogue_exact_dates_and_names(make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["wpopen"])
    proc = crawl(web, tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = articles(tmp_path)
    assert len(got) == 7, sorted(got)  # the homepage shows 2: the other 5 came from the API only
    assert {a["date_source"] for a in got.values()} == {"wp-api"}
    voirie = got["/2025/06/20/bamako-la-voirie-se-modernise/"]
    assert voirie["published"] == "2025-06-20T08:30:00+00:00"  # date_gmt, not JSON-LD's 09:15
    assert (voirie["author"], voirie["section"], json.loads(voirie["tags"])) == ("Issa Traoré", "Société", ["Bamako"])
    coton = got["/2025/06/18/segou-la-filiere-coton-se-prepare/"]
    assert (coton["author"], coton["section"]) == ("Awa Diallo", "Économie")  # no byline on the page
    pages = [p for p in web.requested_paths("wpopen") if p.startswith("/wp-json/")]
    assert pages == [f"/wp-json/wp/v2/posts?per_page=100&page={n}&_embed=1" for n in (1, 2, 3)]
    stats = last_stats(tmp_path)
    assert stats["malinews/wpopen/date_disagreements"] == 1  # post 103: JSON-LD five days off
    assert stats["malinews/date_disagreements/json-ld"] == 1 and stats["per_site"]["wpopen"]["errors"] == 0

    again = crawl(web, tmp_path)  # recent mode: the first API page has nothing new, so it stops there
    assert again.returncode == 0, again.stderr
    assert [p for p in web.requested_paths("wpopen") if p.startswith("/wp-json/")] == pages[:1]
    assert article_paths(web, "wpopen") == []


def test_names_are_looked_up_when_the_api_does_not_embed(make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["wplookup"])
    proc = crawl(web, tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = articles(tmp_path)
    koutiala = got["/2025/06/21/koutiala-l-usine-d-egrenage-redemarre/"]  # also linked from the homepage
    assert (koutiala["published"], koutiala["date_source"]) == ("2025-06-21T08:00:00+00:00", "wp-api")
    assert (koutiala["section"], json.loads(koutiala["tags"])) == ("Économie", ["Coton", "Bamako"])
    assert got["/2025/06/19/bougouni-la-route-reprofilee/"]["section"] == "Société"
    assert got["/2025/06/19/bougouni-la-route-reprofilee/"]["author"] is None  # /users answered 401
    assert got["/2025/06/17/kita-les-maraichers-s-organisent/"]["author"] == "Moussa Koné"  # page byline
    stats = last_stats(tmp_path)
    assert stats["malinews/wplookup/wp_api_users_closed"] == 1 and stats["per_site"]["wplookup"]["errors"] == 0


def test_a_closed_api_falls_back_quietly(make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["wpclosed", "wphtml"])
    proc = crawl(web, tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = sqlite3.connect(tmp_path / "a.db").execute("SELECT site, date_source FROM articles").fetchall()
    assert sorted(rows) == [("wpclosed", "visible-text")] * 2 + [("wphtml", "visible-text")] * 2
    stats = last_stats(tmp_path)
    for site in ("wpclosed", "wphtml"):
        assert stats[f"malinews/{site}/wp_api_closed"] == 1
        assert stats["per_site"][site]["errors"] == 0
    assert "Traceback" not in proc.stderr and "ERROR" not in proc.stderr
    # 401 means closed: no second try; an HTML answer might be a missing route: one ?rest_route= try
    assert not [p for p in web.requested_paths("wpclosed") if p.startswith("/?rest_route=")]
    assert len([p for p in web.requested_paths("wphtml") if p.startswith("/?rest_route=")]) == 1


def test_an_api_without_pretty_permalinks_is_read_through_rest_route(make_web: Callable[..., TestWeb],
                                                                     tmp_path: Path) -> None:
    web = make_web(SITES, ["wpquery"])
    proc = crawl(web, tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = articles(tmp_path)
    assert len(got) == 3, sorted(got)  # the homepage links one: two came only through ?rest_route=
    assert {a["date_source"] for a in got.values()} == {"wp-api"}
    kidal = got["/2025/02/20/kidal-retour-des-eleves-en-classe/"]
    assert (kidal["published"], kidal["author"], kidal["section"]) == ("2025-02-20T09:30:00+00:00", "Moussa Koné", "Société")
    api = [unquote(p) for p in web.requested_paths("wpquery") if "wp/v2" in unquote(p)]
    assert api[0].startswith("/wp-json/wp/v2/posts?") and api[1].startswith("/?rest_route=/wp/v2/posts&")
    stats = last_stats(tmp_path)
    assert stats["malinews/wpquery/wp_api_query_style_tried"] == 1 and stats["malinews/wpquery/wp_api_pages"] == 1
    assert stats["per_site"]["wpquery"]["errors"] == 0


def test_backfill_walks_pagination_and_date_archives(make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["pagedlisting"])
    first = crawl(web, tmp_path, "-s", "MALINEWS_MAX_LISTING_PAGES=0")
    assert first.returncode == 0, first.stderr
    archived = set(article_paths(web, "pagedlisting"))
    assert len(archived) == 3
    recent = crawl(web, tmp_path)  # page 1 holds nothing new: recent mode does not page further
    assert recent.returncode == 0 and "/page/2/" not in web.requested_paths("pagedlisting")
    backfill = crawl(web, tmp_path, "--backfill", "--since", "2025-01-01", "--until", "2025-03-31")
    assert backfill.returncode == 0, backfill.stderr
    paths = web.requested_paths("pagedlisting")
    assert {"/page/2/", "/page/3/", "/page/4/"} <= set(paths)  # to the end of the listing
    months = sorted(p for p in paths if re.fullmatch(r"/\d{4}/\d{2}/", p))
    assert months == ["/2025/01/", "/2025/02/", "/2025/03/"]  # only the window's month archives
    assert not archived & set(article_paths(web, "pagedlisting")), "re-fetched archived articles"
    got = articles(tmp_path)
    assert "/2025/01/hidden-01-forum-des-investisseurs" in got and "/2025/02/hidden-03-marche-de-betail" in got
    in_window = {p for p, a in got.items() if "2025-01-01" <= a["published"][:10] <= "2025-03-31"}
    assert len(in_window) == 8
    assert not [p for p, a in got.items() if "2025-03-31" < a["published"][:10] and p not in archived]
    stats = last_stats(tmp_path)
    assert stats["mode"] == "backfill" and stats["malinews/dropped/after_until"] >= 1
    assert stats["per_site"]["pagedlisting"]["errors"] == 0  # missing month archives are not errors
    assert not Path(f"{tmp_path / 'a.db'}.jobs").exists()  # finished: no job state left


def test_an_interrupted_backfill_resumes_without_refetching(make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["wpopen"])  # article pages answer after 0.3 s
    web.write_sites_toml(tmp_path / "sites.toml")
    cmd = [sys.executable, "-m", "archive", "crawl", "--sites", str(tmp_path / "sites.toml"), "--db",
           str(tmp_path / "a.db"), "--backfill", *FAST, "-s", "CONCURRENT_REQUESTS=1"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not article_paths(web, "wpopen"):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)  # what systemd's stop or Ctrl-C does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "run the same command again to resume" in err, err
    first = set(article_paths(web, "wpopen"))
    jobs = list(Path(f"{tmp_path / 'a.db'}.jobs").iterdir())
    assert len(jobs) == 1 and (jobs[0] / "malinews-hints.json").is_file()
    assert last_stats(tmp_path)["status"] == "interrupted"
    before = set(articles(tmp_path))
    assert 0 < len(before) < 7, "the interruption should leave work for the second run"

    web.clear_log()
    again = subprocess.run(cmd, cwd=REPO, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    second = article_paths(web, "wpopen")
    assert second and not set(second) & before, f"archived articles fetched again: {set(second) & before}"
    assert len(set(second)) == len(second)
    got = articles(tmp_path)
    assert len(got) == 7 and {a["date_source"] for a in got.values()} == {"wp-api"}  # queued hints kept
    assert not Path(f"{tmp_path / 'a.db'}.jobs").exists()
    assert first  # (the first run did fetch something before stopping)
