"""A backfill walks pagination to its end, but not down an endless generated one."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_deep_pagination import article
from tests.test_robots_sitemaps import crawl

PAGES = 300


@pytest.fixture()
def endless_site(tmp_path: Path) -> Path:
    """/actu/ lists 2 articles; each of /actu/page/2/ … /actu/page/300/ (generated pages, as a CMS
    that never says "no more" makes them) lists the same 2 and links the next."""
    site = tmp_path / "sites" / "sansfin"
    files = site / "files"
    (files / "actu").mkdir(parents=True)
    items = "".join(f"<h2><a href='/actu/rencontre-{n}-a-kalaban-coro/'>Rencontre {n}</a></h2>" for n in (1, 2))
    listing = ("<html><head><meta charset='utf-8'><title>Actualités</title></head><body><h1>Actualités</h1>"
               f"{items}<a rel='next' class='next' href='page/2/'>Page suivante</a></body></html>")
    (files / "index.html").write_text("<html><body><a href='/actu/'>Actualités</a></body></html>", encoding="utf-8")
    (files / "actu" / "index.html").write_text(listing, encoding="utf-8")
    for n in range(2, PAGES + 1):
        (files / "actu" / "page" / str(n)).mkdir(parents=True)
        (files / "actu" / "page" / str(n) / "index.html").write_text(
            listing.replace("href='page/2/'", f"href='/actu/page/{n + 1}/'"), encoding="utf-8")
    for n in (1, 2):
        (files / "actu" / f"rencontre-{n}-a-kalaban-coro").mkdir()
        (files / "actu" / f"rencontre-{n}-a-kalaban-coro" / "index.html").write_text(article(n), encoding="utf-8")
    return tmp_path / "sites"


@pytest.mark.timeout(200)
def test_backfill_stops_an_endless_pagination(endless_site: Path, tmp_path: Path) -> None:
    db, requested = crawl(endless_site, tmp_path, "CLOSESPIDER_TIMEOUT=90", options=("--backfill", "--since", "2025-01-01"))
    pages = [p for p in requested if p.startswith("/actu/page/")]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    status, reason = db.execute("SELECT status, finish_reason FROM crawl_runs ORDER BY id DESC").fetchone()
    assert (status, reason) == ("finished", "finished"), reason
    assert len(pages) <= 2, pages  # the previous code walked all 299
