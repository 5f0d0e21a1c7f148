"""Deploy malinews to a scrapyd on loopback (scrapy.cfg [deploy]), schedule a crawl through its HTTP API,
and find the articles (and the run) in the archive."""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from conftest import PROXY_VARS, REPO

from crawler.sampleweb.server import TestWeb

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]')")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (pip install -e '.[test]')")

SITES = Path(__file__).resolve().parent / "testweb_wp" / "sites"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """GET (or POST `data` to) scrapyd's JSON API."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with NO_PROXY.open(base + path, data=body, timeout=10) as reply:
        return json.loads(reply.read())


def env() -> dict[str, str]:
    """No proxies, no PYTHONPATH: what scrapyd runs must come from the deployed egg and the venv."""
    out = {k: v for k, v in os.environ.items() if k not in PROXY_VARS and k != "PYTHONPATH"}
    out["NO_PROXY"] = out["no_proxy"] = "127.0.0.0/8,localhost"
    return out


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """A scrapyd on a free loopback port, in its own directory; stopped (by its pid) afterwards."""
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\n"
                                       "poll_interval = 0.5\nmax_proc = 1\n")
    proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=env(),
                            stdout=(home / "out.log").open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 30
        while True:
            try:
                if api(base, "daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    pytest.fail(f"scrapyd did not start: {(home / 'out.log').read_text()[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def deployable_copy(tmp_path: Path, url: str) -> Path:
    """The project as `scrapyd-deploy` sees it (a copy: the deploy writes setup.py and build/ there)."""
    project = tmp_path / "project"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "sites")
    for name in ("crawler", "pipelines", "archive"):
        shutil.copytree(REPO / name, project / name, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    cfg = (REPO / "scrapy.cfg").read_text(encoding="utf-8")
    assert "[deploy]" in cfg, "scrapy.cfg needs its [deploy] target"
    lines = [f"url = {url}" if line.startswith("url =") else line for line in cfg.splitlines()]
    (project / "scrapy.cfg").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def test_deploy_schedule_and_archive(scrapyd: str, tmp_path: Path, make_web: Callable[..., TestWeb]) -> None:
    project = deployable_copy(tmp_path, scrapyd)
    deploy = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy"], cwd=project, env=env(),
                            capture_output=True, text=True, timeout=180)
    assert deploy.returncode == 0 and '"status": "ok"' in deploy.stdout + deploy.stderr, deploy.stderr[-3000:]
    assert api(scrapyd, "listspiders.json?project=malinews")["spiders"] == ["news"]

    web = make_web(SITES, ["wplookup", "wpclosed"])
    sites, db = tmp_path / "sites.toml", tmp_path / "scrapyd.db"
    web.write_sites_toml(sites)
    job = api(scrapyd, "schedule.json", [
        ("project", "malinews"), ("spider", "news"),
        ("setting", f"MALINEWS_SITES_FILE={sites}"), ("setting", f"MALINEWS_DB={db}"),
        ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False")])
    assert job["status"] == "ok", job
    deadline = time.time() + 180
    while not any(j["id"] == job["jobid"] for j in api(scrapyd, "listjobs.json?project=malinews")["finished"]):
        assert time.time() < deadline, "the scrapyd job did not finish in 3 minutes"
        time.sleep(0.5)
    log = next((tmp_path / "scrapyd" / "logs" / "malinews" / "news").glob(f"{job['jobid']}.log")).read_text()
    assert "Spider closed (finished)" in log and "Traceback" not in log, log[-3000:]

    archive = sqlite3.connect(db)
    rows = archive.execute("SELECT site, date_source FROM articles ORDER BY site, url").fetchall()
    assert [r[0] for r in rows] == ["wpclosed"] * 2 + ["wplookup"] * 3, rows
    assert {r[1] for r in rows if r[0] == "wplookup"} == {"wp-api"}
    status, stats = archive.execute("SELECT status, stats FROM crawl_runs").fetchone()  # the run landed too
    assert status == "finished" and json.loads(stats)["launcher"] == "scrapy"
    assert json.loads(stats)["per_site"]["wplookup"]["articles_new"] == 3
    assert not Path(f"{db}.lock").read_text().strip(), "the archive lock must be released"
