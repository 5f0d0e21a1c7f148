"""Write the WordPress-API and backfill test sites under tests/testweb_wp/sites/ (deterministic).

Sites (each gets a SITE.md map):
  wpopen       open REST API with `_embed`, 7 posts on 3 API pages; the homepage shows only 2 of them.
  wplookup     REST API without `_embedded`: categories/tags looked up, /users closed (401).
  wpclosed     REST API closed (401 JSON); articles only through the homepage.
  wphtml       every unknown path answers the homepage HTML with 200 (the API "answers" HTML).
  pagedlisting no API; homepage + /page/2..4/ pagination; month archives /YYYY/MM/ with articles
               linked from nowhere else (date_archive in site.toml).

Example:
    .venv/bin/python tests/testweb_wp/make_sites.py
"""
from __future__ import annotations

import html
import json
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent / "sites"
SENTENCES = [
    "Les autorités locales ont présenté le programme devant les représentants des quartiers concernés.",
    "Selon le communiqué, les travaux doivent s'étendre sur plusieurs mois et mobiliser des entreprises maliennes.",
    "Les habitants interrogés saluent l'initiative mais demandent un meilleur suivi des chantiers.",
    "Le financement est assuré en partie par l'État et en partie par des partenaires techniques.",
    "Une commission de suivi rendra compte de l'avancement tous les trois mois au conseil communal.",
    "Les associations de la société civile ont annoncé qu'elles resteraient attentives au respect des délais.",
]
API_QUERY = "per_page=100&page={page}&_embed=1"
QUERY_STYLE = "rest_route=%2Fwp%2Fv2%2Fposts&per_page=100&page={page}&_embed=1"  # as urlencode writes it
POSTS = "/wp-json/wp/v2/posts"


def body_text(seed: int) -> list[str]:
    """Four paragraphs of plausible French text, varied by `seed`."""
    return [" ".join(SENTENCES[(seed + i + j) % len(SENTENCES)] for j in range(3)) for i in range(4)]


def article_page(base: str, path: str, title: str, seed: int, *, jsonld_date: str | None = None,
                 visible_date: str | None = None, author: str | None = None) -> str:
    """A WordPress-like single post page."""
    url = base + path
    ld = ""
    if jsonld_date:
        ld = ('<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
             "datePublished": jsonld_date, "mainEntityOfPage": url}, ensure_ascii=False) + "</script>")
    byline = f'<p class="byline">Par {html.escape(author)}</p>' if author else ""
    shown = f'<div class="post-date">{html.escape(visible_date)}</div>' if visible_date else ""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body_text(seed))
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)} – Site</title>'
            f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">{ld}</head>'
            f'<body class="post-template-default single single-post"><header><a href="{base}/">Accueil</a></header>'
            f'<article><h1>{html.escape(title)}</h1>{shown}{byline}<div class="entry-content">{paras}</div></article>'
            f'<footer><p>© 2025 Site test</p></footer></body></html>\n')


def listing_page(base: str, title: str, links: list[tuple[str, str]], next_path: str | None = None) -> str:
    """A listing: teaser links (and a rel=next link)."""
    items = "".join(f'<li><h2><a href="{base}{p}">{html.escape(t)}</a></h2></li>' for p, t in links)
    nxt = f'<link rel="next" href="{base}{next_path}">' if next_path else ""
    more = f'<a class="next page-numbers" href="{base}{next_path}">Suivant</a>' if next_path else ""
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{nxt}'
            f'</head><body class="home blog"><h1>{html.escape(title)}</h1><ul>{items}</ul>{more}</body></html>\n')


def write(path: Path, text: str) -> None:
    """Write a text file, creating its directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def post_json(pid: int, base: str, path: str, title: str, date_gmt: str, *, author: int, cats: list[int],
              tags: list[int], names: dict[tuple[str, int], str] | None) -> dict[str, Any]:
    """One /wp/v2/posts item (with `_embedded` when `names` is given)."""
    post: dict[str, Any] = {
        "id": pid, "link": base + path, "date": date_gmt, "date_gmt": date_gmt, "modified_gmt": date_gmt,
        "title": {"rendered": html.escape(title)}, "content": {"rendered": "<p>…</p>"},
        "author": author, "categories": cats, "tags": tags}
    if names is not None:
        terms = [[{"id": c, "name": names[("categories", c)], "taxonomy": "category"} for c in cats],
                 [{"id": t, "name": names[("tags", t)], "taxonomy": "post_tag"} for t in tags]]
        post["_embedded"] = {"author": [{"id": author, "name": names[("users", author)]}], "wp:term": terms}
    return post


def api_routes(pages: list[list[dict[str, Any]]], total_posts: int, query_style: bool = False) -> str:
    """routes.toml rules serving each API page with the WordPress paging headers (at
    `/?rest_route=/wp/v2/posts&…` instead of `/wp-json/wp/v2/posts?…` when `query_style`)."""
    out = []
    for n, _ in enumerate(pages, 1):
        where = f"/?{QUERY_STYLE.format(page=n)}" if query_style else f"{POSTS}?{API_QUERY.format(page=n)}"
        out.append(f'[routes."{where}"]\nfile = "api/posts-{n}.json"\n'
                   f'headers = {{ "X-WP-Total" = "{total_posts}", "X-WP-TotalPages" = "{len(pages)}" }}\n')
    return "\n".join(out)


def wp_site(name: str, posts: list[dict[str, Any]], homepage: list[int], embed: bool, lookups: str = "",
            page_size: int = 3, delay: float = 0.0, query_style: bool = False) -> None:
    """A WordPress site: article pages, a homepage listing some of them, API pages, routes."""
    site = ROOT / name
    base = "{BASE}"
    names = {("categories", 3): "Économie", ("categories", 5): "Société", ("tags", 7): "Coton",
             ("tags", 8): "Bamako", ("users", 2): "Awa Diallo", ("users", 4): "Moussa Koné"}
    items = []
    for p in posts:
        write(site / "files" / p["path"].strip("/") / "index.html",
              article_page(base, p["path"], p["title"], p["id"], jsonld_date=p.get("jsonld"),
                           visible_date=p.get("visible"), author=p.get("byline")))
        items.append(post_json(p["id"], base, p["path"], p["title"], p["date_gmt"], author=p["author"],
                               cats=p["cats"], tags=p["tags"], names=names if embed else None))
    pages = [items[i:i + page_size] for i in range(0, len(items), page_size)]
    for n, page in enumerate(pages, 1):
        write(site / "files" / "api" / f"posts-{n}.json", json.dumps(page, ensure_ascii=False, indent=1))
    shown = [(p["path"], p["title"]) for p in posts if p["id"] in homepage]
    write(site / "files" / "index.html", listing_page(base, f"{name} : à la une", shown))
    slow = "".join(f'\n[routes."{p["path"]}"]\ndelay = {delay}\n' for p in posts) if delay else ""
    write(site / "routes.toml", f"# {name}: WordPress REST API pages (see SITE.md)\n\n"
          + api_routes(pages, len(items), query_style) + lookups + slow)


def make_wpopen() -> None:
    """Open API with _embed; dates: one agrees, one 3 days off (a disagreement), the rest only in the API."""
    posts = [
        dict(id=101, path="/2025/06/20/bamako-la-voirie-se-modernise/", title="Bamako : la voirie se modernise",
             date_gmt="2025-06-20T08:30:00", jsonld="2025-06-20T09:15:00+00:00", byline="Issa Traoré",
             author=2, cats=[5], tags=[8]),
        dict(id=102, path="/2025/06/18/segou-la-filiere-coton-se-prepare/", title="Ségou : la filière coton se prépare",
             date_gmt="2025-06-18T10:00:00", visible="18 juin 2025", author=2, cats=[3], tags=[7]),
        dict(id=103, path="/2025/06/15/kayes-un-nouveau-marche-inaugure/", title="Kayes : un nouveau marché inauguré",
             date_gmt="2025-06-15T07:00:00", jsonld="2025-06-10T07:00:00+00:00", byline="Awa Diallo",
             author=2, cats=[5, 3], tags=[]),
        dict(id=104, path="/2025/05/02/mopti-la-saison-de-peche-s-ouvre/", title="Mopti : la saison de pêche s'ouvre",
             date_gmt="2025-05-02T09:00:00", author=4, cats=[3], tags=[]),
        dict(id=105, path="/2025/04/11/sikasso-des-ecoles-rehabilitees/", title="Sikasso : des écoles réhabilitées",
             date_gmt="2025-04-11T11:00:00", author=4, cats=[5], tags=[8]),
        dict(id=106, path="/2025/02/07/gao-l-eau-potable-arrive-a-sossokoira/", title="Gao : l'eau potable arrive à Sossokoïra",
             date_gmt="2025-02-07T08:00:00", author=4, cats=[5], tags=[]),
        dict(id=107, path="/2024/12/20/tombouctou-les-manuscrits-numerises/", title="Tombouctou : les manuscrits numérisés",
             date_gmt="2024-12-20T15:00:00", author=2, cats=[5], tags=[]),
    ]
    wp_site("wpopen", posts, homepage=[101, 102], embed=True, delay=0.3)  # slow articles: time to interrupt


def make_wplookup() -> None:
    """API without _embedded: names come from /categories and /tags; /users answers 401."""
    posts = [
        dict(id=201, path="/2025/06/21/koutiala-l-usine-d-egrenage-redemarre/", title="Koutiala : l'usine d'égrenage redémarre",
             date_gmt="2025-06-21T08:00:00", visible="21 juin 2025", author=2, cats=[3], tags=[7, 8]),
        dict(id=202, path="/2025/06/19/bougouni-la-route-reprofilee/", title="Bougouni : la route reprofilée",
             date_gmt="2025-06-19T08:00:00", visible="19 juin 2025", author=2, cats=[5], tags=[]),
        dict(id=203, path="/2025/06/17/kita-les-maraichers-s-organisent/", title="Kita : les maraîchers s'organisent",
             date_gmt="2025-06-17T08:00:00", visible="17 juin 2025", byline="Moussa Koné", author=4, cats=[3, 5], tags=[8]),
    ]
    lookups = ('\n[routes."/wp-json/wp/v2/categories?include=3%2C5&per_page=100"]\nfile = "api/categories.json"\n'
               '\n[routes."/wp-json/wp/v2/tags?include=7%2C8&per_page=100"]\nfile = "api/tags.json"\n'
               '\n[routes."/wp-json/wp/v2/users?include=2%2C4&per_page=100"]\nstatus = 401\n'
               'body = \'{"code":"rest_user_cannot_view","message":"Sorry","data":{"status":401}}\'\n'
               'headers = { "Content-Type" = "application/json; charset=UTF-8" }\n')
    wp_site("wplookup", posts, homepage=[201], embed=False, lookups=lookups)
    api = ROOT / "wplookup" / "files" / "api"
    write(api / "categories.json", json.dumps([{"id": 3, "name": "Économie"}, {"id": 5, "name": "Soci&eacute;t&eacute;"}]))
    write(api / "tags.json", json.dumps([{"id": 7, "name": "Coton"}, {"id": 8, "name": "Bamako"}]))


def make_closed(name: str, routes: str) -> None:
    """A site whose API is unusable: two articles reachable from the homepage."""
    site = ROOT / name
    posts = [("/2025/06/20/nioro-la-foire-annuelle-attire-du-monde/", "Nioro : la foire annuelle attire du monde"),
             ("/2025/06/16/san-le-barrage-de-talo-remis-en-etat/", "San : le barrage de Talo remis en état")]
    for seed, (path, title) in enumerate(posts):
        write(site / "files" / path.strip("/") / "index.html",
              article_page("{BASE}", path, title, seed, visible_date=f"{20 - 4 * seed} juin 2025", author="Awa Diallo"))
    write(site / "files" / "index.html", listing_page("{BASE}", f"{name} : à la une", posts))
    write(site / "routes.toml", f"# {name}: the WordPress REST API is not usable (see SITE.md)\n\n{routes}")


def make_wpquery() -> None:
    """No pretty permalinks: `/wp-json/…` is a 404, the API answers at `/?rest_route=/wp/v2/posts`."""
    posts = [
        dict(id=301, path="/2025/03/03/gao-le-marche-central-rouvre/", title="Gao : le marché central rouvre",
             date_gmt="2025-03-03T08:00:00", author=2, cats=[3], tags=[]),
        dict(id=302, path="/2025/02/20/kidal-retour-des-eleves-en-classe/", title="Kidal : retour des élèves en classe",
             date_gmt="2025-02-20T09:30:00", author=4, cats=[5], tags=[8]),
        dict(id=303, path="/2025/02/02/tombouctou-les-manuscrits-numerises/", title="Tombouctou : les manuscrits numérisés",
             date_gmt="2025-02-02T11:00:00", author=2, cats=[5], tags=[]),
    ]
    wp_site("wpquery", posts, homepage=[301], embed=True, query_style=True)


def make_softredirect() -> None:
    """Not WordPress: `/` and every unknown path (sitemap, feed and API probes) 301 to `/accueil/`."""
    site = ROOT / "softredirect"
    posts = [("/2025/06/21/koutiala-la-campagne-cotonniere-demarre/", "Koutiala : la campagne cotonnière démarre"),
             ("/2025/06/17/bandiagara-les-ecoles-rouvrent/", "Bandiagara : les écoles rouvrent")]
    for seed, (path, title) in enumerate(posts):
        write(site / "files" / path.strip("/") / "index.html",
              article_page("{BASE}", path, title, seed + 40, visible_date=f"{21 - 4 * seed} juin 2025", author="Awa Diallo"))
    write(site / "files" / "accueil" / "index.html", listing_page("{BASE}", "softredirect : à la une", posts))
    write(site / "routes.toml", "# softredirect: the homepage and every unknown path redirect to /accueil/ (see SITE.md)\n\n"
          '[routes."/"]\nstatus = 301\nlocation = "{BASE}/accueil/"\ndelay = 1.0  # probe redirects land first\n\n'
          '[routes."*"]\nstatus = 301\nlocation = "{BASE}/accueil/"\n')


def make_pagedlisting() -> None:
    """Homepage + 3 pagination pages (3 articles each) and month archives with hidden articles."""
    site = ROOT / "pagedlisting"
    listed = [(f"/actualites/{i:02d}-{slug}", title, date) for i, (slug, title, date) in enumerate([
        ("conseil-des-ministres", "Conseil des ministres du mercredi", "2025-06-18"),
        ("campagne-agricole", "La campagne agricole est lancée", "2025-06-11"),
        ("examens-du-def", "Les examens du DEF se préparent", "2025-06-04"),
        ("hivernage-precoce", "Un hivernage précoce annoncé", "2025-05-28"),
        ("festival-sur-le-niger", "Le festival sur le Niger revient", "2025-05-14"),
        ("route-de-kayes", "La route de Kayes en travaux", "2025-04-30"),
        ("recolte-de-mangues", "Une récolte de mangues record", "2025-04-09"),
        ("foire-de-bamako", "La foire de Bamako ouvre ses portes", "2025-03-19"),
        ("journee-de-la-femme", "Journée de la femme à Ségou", "2025-03-08"),
        ("vaccination-contre-la-polio", "Vaccination contre la polio à Mopti", "2025-03-03"),
        ("bilan-de-la-can", "Le bilan de la CAN pour les Aigles", "2025-02-12"),
        ("rentree-universitaire", "Rentrée universitaire à Bamako", "2025-01-20"),
    ], 1)]
    hidden = [("/2025/01/hidden-01-forum-des-investisseurs", "Forum des investisseurs à Bamako", "2025-01-15"),
              ("/2025/01/hidden-02-salon-de-l-artisanat", "Salon de l'artisanat de Ségou", "2025-01-09"),
              ("/2025/02/hidden-03-marche-de-betail", "Le marché de bétail de Kati", "2025-02-21"),
              ("/2024/12/hidden-04-bilan-de-l-annee", "Le bilan de l'année 2024", "2024-12-30")]
    for seed, (path, title, date) in enumerate(listed + hidden):
        iso = date + "T09:00:00+00:00"
        write(site / "files" / path.strip("/") / "index.html",
              article_page("{BASE}", path, title, seed, jsonld_date=iso, author="Rédaction"))
    chunks = [listed[i:i + 3] for i in range(0, len(listed), 3)]
    for n, chunk in enumerate(chunks, 1):
        target = "index.html" if n == 1 else f"page/{n}/index.html"
        nxt = f"/page/{n + 1}/" if n < len(chunks) else None
        write(site / "files" / target, listing_page("{BASE}", f"Actualités, page {n}", [(p, t) for p, t, _ in chunk], nxt))
    for month in ("2025/01", "2025/02", "2024/12"):
        links = [(p, t) for p, t, _ in hidden if p.startswith("/" + month)]
        write(site / "files" / month / "index.html", listing_page("{BASE}", f"Archives {month}", links))
    write(site / "site.toml", 'date_archive = "{BASE}/%Y/%m/"\n'
          "article_pattern = '/actualites/[0-9]{2}-|/20[0-9]{2}/[0-9]{2}/hidden-'\n")


def main() -> int:
    """(Re)write every site."""
    if ROOT.exists():
        shutil.rmtree(ROOT)
    make_wpopen()
    make_wplookup()
    make_closed("wpclosed", f'[routes."{POSTS}?{API_QUERY.format(page=1)}"]\nstatus = 401\n'
                'body = \'{"code":"rest_forbidden","message":"REST API restricted","data":{"status":401}}\'\n'
                'headers = { "Content-Type" = "application/json; charset=UTF-8" }\n')
    make_closed("wphtml", '[routes."*"]\nfile = "index.html"\nstatus = 200\n')
    make_pagedlisting()
    make_wpquery()
    make_softredirect()
    for name, text in SITE_MD.items():
        write(ROOT / name / "SITE.md", text)
    print(f"wrote {', '.join(sorted(p.name for p in ROOT.iterdir()))} under {ROOT}")
    return 0


SITE_MD = {
    "wpopen": "# wpopen — WordPress, REST API open with `_embed`\n\n"
              "Homepage links 2 of 7 posts; the rest only through `/wp-json/wp/v2/posts` pages 1–3 "
              "(`X-WP-TotalPages: 3`, 3+3+1 posts). Article pages answer after 0.3 s. Post 101: JSON-LD 45 min after `date_gmt` (API wins). "
              "Post 102: no byline (author from the API). Post 103: JSON-LD 5 days before `date_gmt` "
              "(a date disagreement). Names (author, categories, tags) come from `_embedded`.\n",
    "wplookup": "# wplookup — WordPress REST API without `_embedded`\n\n"
                "One API page of 3 posts. Names through `/wp/v2/categories?include=3,5` and "
                "`/wp/v2/tags?include=7,8`; `/wp/v2/users?include=2,4` answers 401 (authors stay unknown "
                "unless the page shows a byline).\n",
    "wpclosed": "# wpclosed — REST API closed\n\n`/wp-json/wp/v2/posts` answers 401 JSON `rest_forbidden`. "
                "Two articles linked from the homepage.\n",
    "wphtml": "# wphtml — every unknown path is the homepage\n\nAny path without a file (robots.txt, "
              "sitemaps, /feed/, /wp-json/…) answers the homepage HTML with status 200. Two articles.\n",
    "wpquery": "# wpquery — WordPress without pretty permalinks\n\n`/wp-json/wp/v2/posts` is a 404; the "
               "same API answers at `/?rest_route=/wp/v2/posts&…` (one page of 3 posts, names embedded). The "
               "homepage links 1 of them: the other 2 come only through the `?rest_route=` API.\n",
    "softredirect": "# softredirect — every unknown path redirects to the homepage\n\n`/` and any path without "
                    "a file (robots.txt, sitemaps, /feed/, /wp-json/…) answer 301 → `/accueil/`, the listing of the "
                    "two articles. A probe must not take that page from the homepage request.\n",
    "pagedlisting": "# pagedlisting — listing pagination and month archives (no API, no sitemap)\n\n"
                    "Homepage = page 1 (3 newest), `/page/2/` … `/page/4/` (3 each, rel=next). Month "
                    "archives `/2025/01/`, `/2025/02/`, `/2024/12/` (site.toml `date_archive`) list 4 "
                    "articles linked from nowhere else. Every article has JSON-LD `datePublished`.\n",
}

if __name__ == "__main__":
    sys.exit(main())
