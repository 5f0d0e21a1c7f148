"""A listing-only site whose oldest articles sit 8 pagination steps deep: all are archived.

The last page also links a second section (`/archives/`) holding two more articles: pagination
steps must not count as listing depth, or that section is never read.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.sampleweb.server import TestWeb
from tests.conftest import run_cli

PAGES = 8
WORDS = ("la commune rurale de Kalaban Coro a accueilli mardi une rencontre des chefs de village sur la gestion "
         "des terres agricoles et la prévention des conflits entre éleveurs et agriculteurs pendant l'hivernage").split()


def article(n: int) -> str:
    body = "\n".join(
        f"<p>{' '.join(WORDS[(n + k + i) % len(WORDS)] for i in range(45)).capitalize()}. Rencontre numéro {n}, "
        f"paragraphe {k}.</p>" for k in range(6)
    )
    return (f"<html lang='fr'><head><meta charset='utf-8'><title>Rencontre {n} à Kalaban Coro</title></head><body>"
            f"<nav><a href='/'>Accueil</a> <a href='/actu/'>Actualités</a></nav><article><h1>Rencontre {n} à Kalaban "
            f"Coro sur le foncier rural</h1><p class='meta'>Publié le {n % 27 + 1} juin 2025 — Par Awa Diallo</p>{body}"
            "</article><footer>© Le Villageois</footer></body></html>")


def listing(page: int) -> str:
    items = "".join(
        f"<li><h2><a href='/actu/rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier/'>Rencontre {n}</a></h2></li>"
        for n in (2 * page - 1, 2 * page)
    )
    nxt = (f"<a rel='next' href='/actu/page/{page + 1}/'>Page suivante</a>" if page < PAGES
           else "<a href='/archives/'>Nos archives</a>")
    return f"<html><head><meta charset='utf-8'><title>Actualités</title></head><body><h1>Actualités</h1><ul>{items}</ul>{nxt}</body></html>"


@pytest.fixture()
def deep_site(tmp_path: Path) -> Path:
    files = tmp_path / "sites" / "villageois" / "files"
    (files / "actu").mkdir(parents=True)
    (files / "index.html").write_text("<html><body><a href='/actu/'>Actualités</a></body></html>", encoding="utf-8")
    (files / "actu" / "index.html").write_text(listing(1), encoding="utf-8")
    for page in range(2, PAGES + 1):
        (files / "actu" / "page" / str(page)).mkdir(parents=True)
        (files / "actu" / "page" / str(page) / "index.html").write_text(listing(page), encoding="utf-8")
    (files / "archives").mkdir()
    (files / "archives" / "index.html").write_text(
        "<html><body><h1>Archives</h1>" + "".join(
            f"<h2><a href='/actu/rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier/'>Rencontre {n}</a></h2>"
            for n in (2 * PAGES + 1, 2 * PAGES + 2)) + "</body></html>", encoding="utf-8")
    for n in range(1, 2 * PAGES + 3):
        d = files / "actu" / f"rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier"
        d.mkdir()
        (d / "index.html").write_text(article(n), encoding="utf-8")
    return tmp_path / "sites"


@pytest.mark.timeout(180)
def test_pagination_steps_do_not_count_as_listing_depth(deep_site: Path, tmp_path: Path) -> None:
    with TestWeb(deep_site) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                       "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
        assert proc.returncode == 0, proc.stderr
        requested = {r.path for r in web.requests}
    urls = {row[0].split("/actu/", 1)[1] for row in sqlite3.connect(tmp_path / "a.db").execute("SELECT url FROM articles")}
    expected = {f"rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier/" for n in range(1, 2 * PAGES + 3)}
    assert f"/actu/page/{PAGES}/" in requested
    assert urls == expected, f"missing: {sorted(expected - urls)}"


@pytest.fixture()
def menu_site(tmp_path: Path) -> Path:
    """Articles listed by a sitemap; every article's menu links the homepage and four section pages."""
    files = tmp_path / "sites" / "menus" / "files"
    files.mkdir(parents=True)
    menu = "<a href='/'>Accueil</a>" + "".join(f" <a href='/rubrique/{k}/'>Rubrique {k}</a>" for k in range(1, 5))
    (files / "index.html").write_text(f"<html><body><nav>{menu}</nav><h1>À la une</h1></body></html>", encoding="utf-8")
    (files / "robots.txt").write_text("User-agent: *\nSitemap: {BASE}/sitemap.xml\n", encoding="utf-8")
    locs = "".join(f"<url><loc>{{BASE}}/actu/rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier/</loc></url>"
                   for n in range(1, 13))
    (files / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        encoding="utf-8")
    for k in range(1, 5):
        (files / "rubrique" / str(k)).mkdir(parents=True)
        (files / "rubrique" / str(k) / "index.html").write_text(
            f"<html><body><nav>{menu}</nav><h1>Rubrique {k}</h1><p>Aucun article.</p></body></html>", encoding="utf-8")
    for n in range(1, 13):
        d = files / "actu" / f"rencontre-numero-{n}-a-kalaban-coro-sur-le-foncier"
        d.mkdir(parents=True)
        (d / "index.html").write_text(article(n).replace("<nav>", f"<nav>{menu}"), encoding="utf-8")
    return tmp_path / "sites"


@pytest.mark.timeout(180)
def test_listing_cap_counts_pages_not_the_menu_links_every_page_repeats(menu_site: Path, tmp_path: Path) -> None:
    """MALINEWS_MAX_LISTING_PAGES=4 is exactly the four section pages: the homepage and the menu links
    met again on every article must not use it up."""
    with TestWeb(menu_site) as web:
        web.write_sites_toml(tmp_path / "sites.toml")
        proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                       "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                       "-s", "MALINEWS_MAX_LISTING_PAGES=4", "-s", "MALINEWS_WP_API=False")
        assert proc.returncode == 0, proc.stderr
        requested = [r.path for r in web.requests]
    assert {f"/rubrique/{k}/" for k in range(1, 5)} <= set(requested), sorted(set(requested))
    assert requested.count("/") == 1, "the homepage is fetched once, however many menus link it"
    n = sqlite3.connect(tmp_path / "a.db").execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == 12
