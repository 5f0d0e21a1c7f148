"""An article archived under another URL its canonical link names only *claims* that URL: the
article really published there is never lost, in the same run or a later one.

A CMS that heads its articles with the latest article's canonical link (or swaps two) made the
latest article vanish: its own page looked like a copy of the first claimant, whose text was
stored under its URL; the next run took that URL for archived.
"""
from __future__ import annotations

import html
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from archive.claims import same_article
from conftest import REPO, run_cli
from crawler.sampleweb.server import TestWeb

sys.path.insert(0, str(REPO / "tests" / "testweb" / "generate"))
from content import A  # noqa: E402 - distinct, realistic article texts

pytestmark = pytest.mark.timeout(120)
KEYS = ["W1", "W2", "W3", "W4", "W5", "C1"]


def path_of(key: str) -> str:
    return f"/2025/06/{10 + KEYS.index(key):02d}/article-{key.lower()}/"


def page(key: str, canonical: str | None) -> str:
    a = A[key]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"])
    link = f'<link rel="canonical" href="{{BASE}}{canonical}">' if canonical else ""
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(a["title"])}</title>{link}'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{a["published"]}">'
            f'</head><body><article><h1>{html.escape(a["title"])}</h1>{paras}</article></body></html>')


def write_site(root: Path, canonicals: dict[str, str | None], linked: list[str], slow: list[str] = (),
               generation: str = "") -> None:
    """One site: each article's page with its canonical link; the homepage links `linked`; `slow`
    pages answer after 1.5 s (so that the others are archived first)."""
    files = root / "canon" / generation / "files"
    for key, canonical in canonicals.items():
        (files / path_of(key).strip("/")).mkdir(parents=True, exist_ok=True)
        (files / path_of(key).strip("/") / "index.html").write_text(page(key, canonical), encoding="utf-8")
    (files / "index.html").parent.mkdir(parents=True, exist_ok=True)
    (files / "index.html").write_text("<html><body>" + "".join(f'<a href="{path_of(k)}">{k}</a> ' for k in linked)
                                      + "</body></html>", encoding="utf-8")
    routes = "".join(f'[routes."{path_of(k)}"]\ndelay = 1.5\n' for k in slow)
    (root / "canon" / generation / "routes.toml").write_text(routes, encoding="utf-8")


def crawl(web: TestWeb, tmp_path: Path) -> list[str]:
    """One crawl of the site into tmp_path/a.db; the paths it requested."""
    web.clear_log()
    web.write_sites_toml(tmp_path / "sites.toml")
    proc = run_cli("crawl", "--sites", str(tmp_path / "sites.toml"), "--db", str(tmp_path / "a.db"), "--quiet",
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "MALINEWS_WP_API=False")
    assert proc.returncode == 0, proc.stderr
    return [r.path for r in web.requests]


def rows(tmp_path: Path) -> dict[str, str]:
    """{article key: path of the URL its row is archived under}."""
    db = sqlite3.connect(tmp_path / "a.db")
    by_title = {A[k]["title"]: k for k in KEYS}
    return {by_title[title]: "/" + url.split("/", 3)[3] for title, url in db.execute("SELECT title, url FROM articles")}


def claims(tmp_path: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(tmp_path / "a.db")
    return [("/" + u.split("/", 3)[3], "/" + f.split("/", 3)[3])
            for u, f in db.execute("SELECT url, fetched_url FROM canonical_claims")]


@pytest.mark.parametrize("latest_first", [False, True], ids=["claimants-first", "latest-first"])
def test_a_canonical_to_the_latest_article_loses_no_article(tmp_path: Path, latest_first: bool) -> None:
    """Five articles name the latest one (C1) as canonical; it is linked too. Whichever is archived
    first, every article keeps a row under its own URL."""
    latest = path_of("C1")
    # two requests at a time per site: the one linked first and not slowed down is archived first
    write_site(tmp_path / "web", {k: latest for k in KEYS[:5]} | {"C1": None},
               ["C1", *KEYS[:5]] if latest_first else KEYS, slow=KEYS[:5] if latest_first else ["C1"])
    with TestWeb(tmp_path / "web") as web:
        crawl(web, tmp_path)
    assert rows(tmp_path) == {k: path_of(k) for k in KEYS}
    assert claims(tmp_path) == []
    stats = json.loads(sqlite3.connect(tmp_path / "a.db").execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert stats["malinews"].get("malinews/canonical/reclaimed", 0) == (0 if latest_first else 1)


def test_two_articles_naming_each_other_stay_apart(tmp_path: Path) -> None:
    write_site(tmp_path / "web", {"W1": path_of("W2"), "W2": path_of("W1")}, ["W1", "W2"], slow=["W2"])
    with TestWeb(tmp_path / "web") as web:
        crawl(web, tmp_path)
    assert rows(tmp_path) == {"W1": path_of("W1"), "W2": path_of("W2")}


def test_the_article_behind_a_claimed_url_is_found_in_a_later_run(tmp_path: Path) -> None:
    """Run 1 meets only W1, whose canonical link names C1's URL: W1 claims it. Run 2 meets C1 there:
    the claimed URL was not taken for archived, W1 goes back home, and its page is not fetched again."""
    write_site(tmp_path / "web", {"W1": path_of("C1"), "C1": None}, ["W1"])
    write_site(tmp_path / "web", {}, ["W1", "C1"], generation="v2")
    with TestWeb(tmp_path / "web") as web:
        crawl(web, tmp_path)
        assert rows(tmp_path) == {"W1": path_of("C1")}
        assert claims(tmp_path) == [(path_of("C1"), path_of("W1"))]
        web.set_generation(2)
        second = crawl(web, tmp_path)
    assert rows(tmp_path) == {"W1": path_of("W1"), "C1": path_of("C1")}
    assert claims(tmp_path) == [] and path_of("W1") not in second


def test_a_verified_claim_costs_one_fetch(tmp_path: Path) -> None:
    """An article met first at its old address (the CMS serves it under both slugs) claims its
    canonical URL; the page there is the same article: one fetch verifies it, no second row, and
    later runs skip it."""
    old = "/2025/06/10/ancien-titre-w1/"
    write_site(tmp_path / "web", {"W1": None}, [])
    copy = tmp_path / "web" / "canon" / "files" / old.strip("/") / "index.html"
    copy.parent.mkdir(parents=True)
    copy.write_text(page("W1", path_of("W1")), encoding="utf-8")
    (tmp_path / "web" / "canon" / "files" / "index.html").write_text(f'<a href="{old}">w1</a>', encoding="utf-8")
    write_site(tmp_path / "web", {}, ["W1"], generation="v2")
    (tmp_path / "web" / "canon" / "v2" / "files" / "index.html").write_text(
        f'<a href="{old}">w1</a> <a href="{path_of("W1")}">W1</a>', encoding="utf-8")
    with TestWeb(tmp_path / "web") as web:
        crawl(web, tmp_path)
        assert rows(tmp_path) == {"W1": path_of("W1")} and claims(tmp_path) == [(path_of("W1"), old)]
        web.set_generation(2)
        assert crawl(web, tmp_path).count(path_of("W1")) == 1
        assert rows(tmp_path) == {"W1": path_of("W1")} and claims(tmp_path) == []
        assert path_of("W1") not in crawl(web, tmp_path)
    assert sqlite3.connect(tmp_path / "a.db").execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_later_claimant_does_not_overwrite_an_earlier_one(tmp_path: Path) -> None:
    """Run 1: W1 claims C1's URL (C1 never linked). Run 2: W2, new, names the same URL: it gets its
    own row instead of turning W1's row into a version of itself."""
    write_site(tmp_path / "web", {"W1": path_of("C1"), "W2": path_of("C1")}, ["W1"])
    write_site(tmp_path / "web", {}, ["W1", "W2"], generation="v2")
    with TestWeb(tmp_path / "web") as web:
        crawl(web, tmp_path)
        web.set_generation(2)
        crawl(web, tmp_path)
    assert rows(tmp_path) == {"W1": path_of("C1"), "W2": path_of("W2")}
    versions = sqlite3.connect(tmp_path / "a.db").execute("SELECT count(*) FROM article_versions").fetchone()[0]
    assert versions == 0


def test_same_article() -> None:
    w1, w2 = A["W1"], A["W2"]
    text1, text2 = " ".join(w1["paras"]), " ".join(w2["paras"])
    assert same_article(w1["title"], text1, w1["title"].upper() + " !", "")   # the headline, spelt otherwise
    edited = text1.replace("onze", "douze") + " Mise à jour : le texte a été amendé."
    assert same_article(w1["title"], text1, "Carte judiciaire : ce que change la réforme", edited)  # retitled
    assert not same_article(w1["title"], text1, w2["title"], text2)
    assert not same_article(w1["title"], "", w2["title"], "")


def test_a_second_address_of_a_text_settles_no_claim() -> None:
    """The filter makes a page repeating a text an alias of the first address: it was not fetched
    there, so it must not pass for the page at that (possibly only claimed) URL."""
    from collections import Counter
    from types import SimpleNamespace

    from scrapy.settings import Settings

    from pipelines.filtering import ArticleFilterPipeline
    from pipelines.items import PageItem

    counts: Counter[str] = Counter()
    stats = SimpleNamespace(inc_value=lambda key, n=1: counts.update({key: n}), get_value=lambda key, d=0: counts.get(key, d))
    filt = ArticleFilterPipeline.from_crawler(SimpleNamespace(stats=stats, settings=Settings()))
    article = {"title": A["W1"]["title"], "text": " ".join(A["W1"]["paras"]), "published": "2025-06-22", "word_count": 400}
    result = {"is_article": True, "article": article}
    first = PageItem(site="s", url="http://s.ml/w1/", requested_url="http://s.ml/ancien/", final_url="http://s.ml/ancien/",
                     status=200, fetched_at="2025-06-22T10:00:00+00:00", result=result, fetched_url="http://s.ml/ancien/")
    assert not first.fetched_here  # archived under its canonical URL, fetched at its old one
    assert filt.process_item(first) is first and not first.alias_only
    second = PageItem(site="s", url="http://s.ml/w1-copie/", requested_url="http://s.ml/w1-copie/",
                      final_url="http://s.ml/w1-copie/", status=200, fetched_at="2025-06-22T10:00:00+00:00",
                      result=result, same_text_of="http://s.ml/w1/", fetched_url="http://s.ml/w1-copie/")
    assert second.fetched_here
    filt.process_item(second)
    assert second.alias_only and second.url == "http://s.ml/w1/" and second.fetched_here is False
