"""Probes (sitemaps, feeds, the WP API) redirected to a real page never take it from the crawl."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from conftest import run_cli

from crawler.sampleweb.server import TestWeb

SITES = Path(__file__).resolve().parent / "testweb_wp" / "sites"


def test_a_site_redirecting_every_unknown_path_to_its_homepage_is_still_crawled(
        make_web: Callable[..., TestWeb], tmp_path: Path) -> None:
    web = make_web(SITES, ["softredirect"])
    web.write_sites_toml(tmp_path / "sites.toml")
    proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"),
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--quiet")
    assert proc.returncode == 0, proc.stderr
    rows = sorted(r[0].split("/", 3)[3] for r in sqlite3.connect(tmp_path / "a.db").execute("SELECT url FROM articles"))
    assert rows == ["2025/06/17/bandiagara-les-ecoles-rouvrent/", "2025/06/21/koutiala-la-campagne-cotonniere-demarre/"]
    probes = [p for p in web.requested_paths("softredirect") if p.startswith(("/sitemap", "/feed", "/wp-json"))]
    assert probes, "the probes were not even sent"
