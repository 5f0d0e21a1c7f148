"""An article answered at any path below it, whose relative links lead one level deeper, is one
article, not an endless crawl: its second addresses are aliases and their links are not followed;
looping paths are never requested."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.links import TRAP, classify_link, looping_path
from crawler.sametext import SameTextMemo, page_hash
from crawler.sites import Site
from crawler.spiders.news import NewsSpider
from tests.test_robots_sitemaps import crawl
from tests.test_spider_memory import BASE, follow, page, spider  # noqa: F401 - the spider fixture
from tests.testweb.hostile.make_hostile import article

ARTICLE_PATH = "/2025/03/14/les-ecoles-de-kayes-rouvrent/"
TITLE = "Les écoles de Kayes rouvrent leurs portes"


@pytest.mark.parametrize(("path", "loops"), [
    ("/2025/03/14/ecole/suite/page/2/suite/page/2/suite/", True),   # 'suite' three times
    ("/a/a/a/", True),
    ("/" + "/".join(f"s{i}" for i in range(25)) + "/", True),        # deeper than any site's paths
    ("/2025/03/14/ecole/suite/page/2/suite/", False),                # twice is still a path a site may mean
    ("/2025/03/03/slug/", False),
    ("/fr/actualite/fr/2025/slug.html", False),
    ("/", False),
    ("", False),
])
def test_looping_path(path: str, loops: bool) -> None:
    assert looping_path(path) is loops


def test_a_looping_link_is_a_trap_and_never_requested(spider: NewsSpider) -> None:  # noqa: F811
    site: Site = spider.sites["lejour"]
    deep = f"{BASE}/2025/03/14/ecole/suite/suite/suite/"
    assert classify_link(deep, site) == TRAP
    fine = f"{BASE}/politique/2025/06/la-commune-de-kalaban-coro-tient-sa-rencontre-1.html"
    requests = follow(spider, page(f"{BASE}/politique/2025/06/une-page.html"), [deep, fine])
    assert [r.url for r in requests] == [fine]
    assert spider.crawler.stats.get_value("malinews/lejour/trap_links") == 1


def test_same_text_memo() -> None:
    memo = SameTextMemo()
    art = {"content_hash": "ab12", "title": TITLE, "published": "2025-03-14"}
    assert memo.repeat_of("s", art, "http://x/a/", "http://x/a/") == (False, None)
    assert memo.repeat_of("s", art, "http://x/a/", "http://x/a/") == (False, None)  # the same address again
    assert memo.repeat_of("s", art, "http://x/a/suite/", "http://x/a/suite/") == (True, "http://x/a/")
    assert memo.repeat_of("t", art, "http://y/a/suite/", "http://y/a/suite/") == (False, None)  # another site
    # the same text under another title or date: its links are not followed, but it is its own row
    assert memo.repeat_of("s", art | {"title": "Résultats pour : suite"}, "http://x/b/", "http://x/b/") == (True, None)
    assert memo.repeat_of("s", art | {"published": "2026-01-02"}, "http://x/c/", "http://x/c/") == (True, None)
    assert memo.repeat_of("s", {"title": TITLE}, "http://x/d/", "http://x/d/") == (False, None)  # no text: no identity


def test_the_same_page_at_another_address_is_a_repeat() -> None:
    """A soft 404 answering every unknown path: the same bytes wherever it is served."""
    memo = SameTextMemo()
    key = page_hash(b"<html><h1>Page introuvable</h1><a href='suite/'>suite</a></html>")
    assert key == page_hash("<html><h1>Page introuvable</h1><a href='suite/'>suite</a></html>")  # any process
    assert memo.repeat_page("s", key, "http://x/a/") is False
    assert memo.repeat_page("s", key, "http://x/a/") is False  # the same address again
    assert memo.repeat_page("s", key, "http://x/b/") is True
    assert memo.repeat_page("t", key, "http://y/b/") is False  # another site
    assert memo.repeat_page("s", page_hash(b"<html>autre</html>"), "http://x/c/") is False
    assert memo.repeat_page("s", None, "http://x/d/") is False


def test_the_memo_is_bounded() -> None:
    """Past its size the memo starts afresh: an early text is a first address again."""
    memo = SameTextMemo(max_size=10)
    for n in range(25):
        memo.repeat_of("s", {"content_hash": str(n)}, f"http://x/{n}/", f"http://x/{n}/")
    assert memo.repeat_of("s", {"content_hash": "24"}, "http://x/copie/", "http://x/copie/") == (True, "http://x/24/")
    assert memo.repeat_of("s", {"content_hash": "0"}, "http://x/copie/", "http://x/copie/") == (False, None)


def _lenient_site(root: Path, name: str, canonical: bool) -> None:
    """A CMS that answers every unknown path with the article, whose links are relative."""
    html = article(TITLE, "2025-03-14", "les-ecoles-de-kayes-rouvrent", "T" + name[-1], relative=True)
    if not canonical:
        html = html.replace(f'<link rel="canonical" href="{ARTICLE_PATH}">', "")
    assert ("rel=\"canonical\"" in html) is canonical
    html = html.replace("</article>", '<p><a href="suite/">Lire la suite</a> <a href="./page/2/">Page 2</a></p></article>')
    files = root / name / "files"
    (files / ARTICLE_PATH.strip("/")).mkdir(parents=True)
    (files / ARTICLE_PATH.strip("/") / "index.html").write_text(html, encoding="utf-8")
    (files / "index.html").write_text(f'<html><body><h1>Le Kayesien</h1><a href="{ARTICLE_PATH}">École</a></body></html>',
                                      encoding="utf-8")
    (root / name / "routes.toml").write_text(f'[routes."*"]\nstatus = 200\nfile = "{ARTICLE_PATH}index.html"\n',
                                             encoding="utf-8")


def test_an_article_answered_at_every_path_below_it_is_archived_once(tmp_path: Path) -> None:
    root = tmp_path / "web"
    _lenient_site(root, "sanscanon", canonical=False)
    _lenient_site(root, "aveccanon", canonical=True)
    db, requested = crawl(root, tmp_path, "CLOSESPIDER_TIMEOUT=60")
    rows = db.execute("SELECT site, url FROM articles").fetchall()
    assert sorted(site for site, _ in rows) == ["aveccanon", "sanscanon"], rows
    assert all(url.endswith(ARTICLE_PATH) for _, url in rows), rows
    aliases = [url for (url,) in db.execute("SELECT url FROM url_aliases")]
    assert sorted(u.split("/", 3)[3] for u in aliases) == sorted(
        [ARTICLE_PATH[1:] + "page/2/", ARTICLE_PATH[1:] + "suite/"] * 2), aliases
    deep = [p for p in requested if p.startswith(ARTICLE_PATH) and p.count("/") > ARTICLE_PATH.count("/") + 2]
    assert deep == [], f"the trap was walked: {deep[:5]}"
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert stats["scrapy"]["finish_reason"] == "finished"
    counts = stats["malinews"]
    assert counts["malinews/sanscanon/same_text"] == 2 and counts["malinews/aveccanon/same_text"] == 2
    assert counts["malinews/dropped/duplicate_text"] == 2  # the canonical site's copies were already aliases by URL
