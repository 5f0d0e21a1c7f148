"""A "page not found" answered with status 200 is a 404 in all but status: its links are not
followed (a real 404's never are), except on the outlet's own entry pages."""
from __future__ import annotations

import json
from pathlib import Path

from tests.test_robots_sitemaps import crawl
from tests.testweb.hostile.make_hostile import article

ARTICLE_PATH = "/2025/11/01/la-filiere-coton-retrouve-des-couleurs/"
TITLE = "La filière coton retrouve des couleurs"
# Printing the address asked for makes every copy's bytes differ, so `same_page` cannot catch it.
MISSING = ('<html><head><title>Le Sahel Matin</title></head><body><nav><a href="actualites/">Actualités</a> '
           '<a href="?page=2">Page 2</a> <a href="2025/11/02/evenement-unique-a-segou/">Événement</a></nav>'
           "<h1>Oups ! Cette page n'existe pas</h1><p>Rien à l'adresse {PATH}.</p></body></html>")


def _site(root: Path, name: str, home: str, echo: bool = True) -> None:
    files = root / name / "files"
    (files / ARTICLE_PATH.strip("/")).mkdir(parents=True)
    (files / ARTICLE_PATH.strip("/") / "index.html").write_text(
        article(TITLE, "2025-11-01", ARTICLE_PATH.split("/")[-2], "S1"), encoding="utf-8")
    (files / "introuvable.html").write_text(MISSING, encoding="utf-8")
    (files / "index.html").write_text(home, encoding="utf-8")
    (root / name / "routes.toml").write_text(
        f'[routes."*"]\nstatus = 200\nfile = "introuvable.html"\necho_path = {str(echo).lower()}\n', encoding="utf-8")


def test_the_links_of_a_soft_404_are_not_followed(tmp_path: Path) -> None:
    sections = "".join(f'<a href="/rubrique/theme-{i}/">Thème {i}</a> ' for i in range(8))
    _site(tmp_path / "web", "echo", f'<html><body><h1>Le Sahel Matin</h1>{sections}'
                                     f'<a href="{ARTICLE_PATH}">Coton</a></body></html>')
    db, requested = crawl(tmp_path / "web", tmp_path, "CLOSESPIDER_TIMEOUT=60")
    assert db.execute("SELECT title FROM articles").fetchall() == [(TITLE,)]
    assert sum(p.startswith("/rubrique/theme-") for p in requested) == 8
    below = [p for p in requested if p.startswith("/rubrique/theme-") and p.count("/") > 3 or "?page=2" in p]
    assert below == [], f"the soft 404s' links were followed: {below[:5]}"
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])["malinews"]
    # the 8 sections, and the article's /contact/ link, which this site does not have either
    assert requested.count("/contact/") == 1
    assert stats["malinews/echo/soft_404"] == 9
    assert stats["malinews/discovery/soft_404_not_followed"] == 9


def test_a_homepage_that_reads_as_a_soft_404_is_still_followed(tmp_path: Path) -> None:
    """A front page titled like an error (a CMS in a bad state) still leads to the outlet's articles:
    the entry pages the registry names are always followed."""
    _site(tmp_path / "web", "broken", '<html><head><title>Page introuvable</title></head><body>'
                                      f'<h1>Erreur 404</h1><a href="{ARTICLE_PATH}">Coton</a></body></html>', echo=False)
    db, requested = crawl(tmp_path / "web", tmp_path, "CLOSESPIDER_TIMEOUT=60")
    assert db.execute("SELECT title FROM articles").fetchall() == [(TITLE,)]
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])["malinews"]
    assert stats["malinews/broken/soft_404"] == 1  # the article's /contact/ link, not the homepage
