"""`malinews health`: a silent outlet and a collapsed field raise alerts (exit 1); the SQL is also canned."""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from archive.health import last_crawl_text, outlet_health
from archive.health_queries import canned_queries
from archive.store import Archive

NOW = "2025-06-30T12:00:00"
SITES_TOML = """
[sites.essor]
name = "L'Essor"
url = "https://www.lessor.ml/"
[sites.maliweb]
name = "Maliweb"
url = "https://www.maliweb.net/"
[sites.amap]
name = "AMAP"
url = "https://amap.ml/"
[sites.lejalon]
name = "Le Jalon"
url = "https://lejalon.com/"
[sites.ortm]
name = "ORTM"
url = "https://ortm.ml/"
"""


def item(site: str, day: date, n: int, *, author: str | None = "Awa Diallo", words: int = 300) -> dict[str, Any]:
    """An article published on `day` and archived the same day (first_seen = fetched_at)."""
    text = " ".join([f"{site}{n}"] + ["mot"] * (words - 1))
    url = f"https://{site}.example.ml/{day.isoformat()}-{n}/"
    return {"site": site, "url": url, "requested_url": url, "final_url": url, "status": 200, "headers": {},
            "content_type": "text/html", "fetched_at": f"{day.isoformat()}T18:00:00+00:00", "body": b"<html></html>",
            "discovered_via": "listing", "source_modified": None,
            "article": {"title": f"Titre {n}", "author": author, "published": f"{day.isoformat()}T09:00:00+00:00",
                        "modified": None, "section": "Politique", "tags": [], "description": None, "image": None,
                        "language": "fr", "text": text, "word_count": words,
                        "content_hash": hashlib.sha256(text.encode()).hexdigest(), "date_source": "json-ld"}}


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """essor went silent on June 10; maliweb lost its authors on June 24; amap is healthy; lejalon is new."""
    path = tmp_path_factory.mktemp("health") / "a.db"
    archive = Archive.open(path)
    items = []
    start = date(2025, 2, 1)
    for i in range((date(2025, 6, 30) - start).days + 1):
        day = start + timedelta(days=i)
        if day <= date(2025, 6, 10):
            items.append(item("essor", day, i))
        items.append(item("maliweb", day, i, author=None if day >= date(2025, 6, 24) else "Info-Matin"))
        items.append(item("amap", day, i))
    items += [item("lejalon", date(2025, 6, 28), 1), item("lejalon", date(2025, 6, 29), 2)]
    archive.save_batch(items)
    run = archive.start_run(["essor", "maliweb", "amap", "lejalon"])
    archive.finish_run(run, "finished", "finished", {
        "pages": 40, "errors": 12, "per_site": {"essor": {"pages": 2, "errors": 12, "articles_new": 0},
                                                "maliweb": {"pages": 20, "errors": 0, "articles_new": 7},
                                                "amap": {"pages": 18, "errors": 0, "articles_new": 7}},
        "malinews": {"malinews/maliweb/date_disagreements": 3, "malinews/essor/site_down_skipped": 180,
                     "malinews/essor/gone_remembered": 12, "malinews/essor/dead_sources": 1,
                     "malinews/amap/gone_remembered": 5, "malinews/maliweb/budget_skipped": 7341}})
    archive.close()
    (path.parent / "sites.toml").write_text(SITES_TOML, encoding="utf-8")
    return path


def test_health_flags_the_silent_outlet_and_the_collapsed_field(archive_path: Path) -> None:
    sites = str(archive_path.parent / "sites.toml")
    proc = run_cli("health", "--db", str(archive_path), "--sites", sites, "--now", NOW)
    assert proc.returncode == 1, proc.stderr
    assert "ALERT essor: SILENT: no new article in the last 7 days, usually 7 a week (last published 2025-06-10)" \
        in proc.stderr
    assert "ALERT maliweb: FIELD COLLAPSED: author on 12% of the 8 articles archived in the last 7 days " \
           "(usually 100% of 90)" in proc.stderr
    assert "amap" not in proc.stderr.replace("ALERT essor", "").split("alert(s)")[0].split("ALERT maliweb")[0]
    assert "warning essor: 12 errors in its last run (86% of requests)" in proc.stderr
    assert "warning maliweb: 3 date disagreements in its last run" in proc.stderr
    assert "warning essor: went down during its last run: 180 requests skipped" in proc.stderr
    assert "went down" not in proc.stderr.split("warning essor: went down")[1]  # essor only
    assert ("warning essor: 12 article addresses found gone in its last run (86% of requests): has the outlet "
            "moved its articles to new addresses?") in proc.stderr
    assert "warning essor: 1 sitemap(s), feed(s) or page(s) listed only gone addresses" in proc.stderr
    assert ("warning maliweb: used its request budget in its last run: 7341 requests skipped past "
            "MALINEWS_MAX_REQUESTS_PER_SITE") in proc.stderr
    assert "warning amap" not in proc.stderr  # 5 gone of 18: a few dead links, not a move
    assert "2 alert(s) on 2 outlet(s)." in proc.stderr
    lines = {line.split()[0]: line for line in proc.stdout.splitlines()[2:]}
    assert lines["essor"].endswith("ALERT") and lines["maliweb"].endswith("ALERT")
    assert lines["amap"].endswith("ok") and lines["lejalon"].endswith("learning") and lines["ortm"].endswith("no-data")


def test_health_json_and_a_healthy_selection(archive_path: Path) -> None:
    sites = str(archive_path.parent / "sites.toml")
    proc = run_cli("health", "--db", str(archive_path), "--sites", sites, "--now", NOW, "--json")
    rows = {r["site"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert set(rows) == {"essor", "maliweb", "amap", "lejalon", "ortm"}
    amap = rows["amap"]
    assert amap["ok"] and (amap["new_1d"], amap["new_7d"], amap["new_30d"]) == (1, 7, 30)
    assert amap["usual_per_week"] == 7 and amap["coverage"]["author"] == {"recent": 1.0, "history": 1.0}
    assert rows["maliweb"]["collapsed"] == ["author"] and rows["essor"]["activity"] == "silent"
    assert rows["essor"]["last_run"]["error_rate"] == pytest.approx(0.857, abs=0.001)
    ok = run_cli("health", "--db", str(archive_path), "--sites", sites, "--now", NOW, "--site", "amap")
    assert ok.returncode == 0 and "no alert" in ok.stderr
    typo = run_cli("health", "--db", str(archive_path), "--sites", sites, "--now", NOW, "--site", "amapp")
    assert typo.returncode == 2 and typo.stderr.startswith("Error: unknown site 'amapp'; known sites: amap, essor")


def test_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("health", "--db", str(tmp_path / "none.db"))
    assert proc.returncode == 2 and proc.stderr.startswith("Error: no archive at")


def test_canned_queries_compute_the_same_verdicts(archive_path: Path) -> None:
    archive = Archive.open(archive_path)
    queries = canned_queries()
    assert set(queries) == {"health_activity", "health_coverage", "health_last_runs", "health_date_disagreements"}
    for name, query in queries.items():
        assert query["title"] and query["sql"].lstrip().upper().startswith(("WITH", "SELECT")), name
    activity = {r["site"]: r for r in archive.db.query(queries["health_activity"]["sql"], {"now": NOW})}
    assert activity["essor"]["activity"] == "silent" and activity["amap"]["activity"] == "ok"
    coverage = {r["site"]: r for r in archive.db.query(queries["health_coverage"]["sql"], {"now": NOW})}
    assert coverage["maliweb"]["collapsed"] == "author" and coverage["amap"]["collapsed"] == ""
    blank_now = list(archive.db.query(queries["health_activity"]["sql"], {"now": ""}))  # datasette's empty field
    assert {r["site"] for r in blank_now} == {"essor", "maliweb", "amap", "lejalon"}
    runs = list(archive.db.query(queries["health_date_disagreements"]["sql"]))
    assert [(r["site"], r["date_disagreements"]) for r in runs] == [("maliweb", 3)]
    python = {h.site: h for h in outlet_health(archive.db, now=NOW)}
    assert python["essor"].activity == "silent" and python["maliweb"].collapsed == ["author"]
    archive.close()


@pytest.mark.parametrize("status, reason, shown", [
    ("finished", "finished", "finished:"),
    ("interrupted", "disk_full", "interrupted (disk_full):"),  # why it stopped, beside the counts
    ("killed", None, "killed:"),
])
def test_the_last_crawl_says_why_it_stopped(status: str, reason: str | None, shown: str) -> None:
    run = {"last_run_finished": "2026-11-29T18:00:00+00:00", "last_run_started": None, "last_run_status": status,
           "last_run_reason": reason, "last_run_pages": 3, "last_run_new": 1, "last_run_errors": 0,
           "last_success": None}
    assert last_crawl_text(run) == f"2026-11-29 18:00 {shown} 3 pages, 1 new, 0 errors"


def test_sites_shows_the_last_crawl(archive_path: Path) -> None:
    sites = str(archive_path.parent / "sites.toml")
    proc = run_cli("sites", "--sites", sites, "--db", str(archive_path))
    assert proc.returncode == 0, proc.stderr
    lines = {line.split()[0]: line for line in proc.stdout.splitlines()}
    assert "finished: 20 pages, 7 new, 0 errors" in lines["maliweb"]
    assert lines["ortm"].endswith("never crawled")
    as_json = {r["key"]: r for r in map(json.loads, run_cli("sites", "--sites", sites, "--db", str(archive_path),
                                                            "--json").stdout.splitlines())}
    assert as_json["essor"]["last_crawl"]["last_run_errors"] == 12 and as_json["ortm"]["last_crawl"] is None
    no_db = run_cli("sites", "--sites", sites, "--db", str(archive_path.parent / "absent.db"))
    assert no_db.returncode == 0 and "never crawled" in no_db.stdout
