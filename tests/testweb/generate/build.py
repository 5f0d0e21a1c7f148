"""Generate the hard test web (tests/testweb/sites) and the demo web (crawler/sampleweb/sites)."""
import json, shutil, sys
from pathlib import Path
from common import write
import content, wpdaily, aggregator, customcms, atomsite, legacy

A, C = content.A, content.COMMENTS
REPO = Path(__file__).resolve().parents[3]
HARD = REPO / "tests/testweb/sites"
DEMO = REPO / "crawler/sampleweb/sites"

CHROME = {  # boilerplate strings of each site that must never reach an archived text
    "wpdaily": ["Partager", "Articles similaires", "Les plus lus", "Laisser un commentaire", "Tous droits réservés", "Bamako 34 °C", "Newsletter"],
    "aggregator": ["Partager", "Articles similaires", "Les plus lus", "Commentaires (", "Tous droits réservés", "Flash info", "Sondage"],
    "customcms": ["Partager", "Articles similaires", "Les plus lus", "Réactions (", "Tous droits réservés", "Bamako 38°C", "Lire la suite"],
    "atomsite": ["Partager", "Articles similaires", "Écouter le reportage", "En direct", "Commentaires"],
    "legacy": ["Partager", "Les plus lus", "Vos commentaires", "Tous droits réservés", "Retour à l'accueil"],
}


def snippet(p, start, n):
    w = p.split()
    return " ".join(w[start:start + n]).rstrip(".,;:")


def expect(site, k, url, aliases=(), extra_contains=(), extra_excludes=()):
    a = A[k]
    contains = [snippet(a["paras"][1], 4, 9), snippet(a["paras"][-1], 0, 8), *extra_contains]
    excludes = [C[k][0][1], C[k][-1][1], *CHROME[site], *extra_excludes]
    if a["author"]:
        excludes.append("Par " + a["author"])
    rec = {"key": k, "url": "{BASE}" + url, "title": a["title"], "author": a["author"], "published": a["published"],
           "text_contains": contains, "text_excludes": excludes}
    if aliases:
        rec["aliases"] = ["{BASE}" + x for x in aliases]
    return rec


def dump(site, data):
    write(HARD / site / "expected.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main():
    for d in (HARD, DEMO):
        if d.exists():
            for sub in d.iterdir():
                if sub.is_dir():
                    for keep in ("SITE.md",):
                        pass
                    for child in ("files", "v2"):
                        shutil.rmtree(sub / child, ignore_errors=True)
    # -- wpdaily
    wpdaily.build(HARD / "wpdaily", A, C)
    P = wpdaily.POSTS
    write(HARD / "wpdaily/routes.toml", """# wpdaily: how some paths are served (see crawler/sampleweb/README.md)

# The post sitemap is a gzip FILE: application/x-gzip, no Content-Encoding.
[routes."/post-sitemap.xml.gz"]
gzip_file = "post-sitemap.xml"

# The news sitemap is gzip-compressed in TRANSPORT: Content-Encoding: gzip, Content-Type application/xml.
[routes."/news-sitemap.xml.gz"]
gzip_file = "news-sitemap.xml"
content_encoding = true
""")
    w1 = P["W1"]["path"]
    dump("wpdaily", {
        "articles": [
            expect("wpdaily", "W1", w1, aliases=[w1 + "amp/", w1 + "?replytocom=10231"]),
            expect("wpdaily", "W2", P["W2"]["path"]),
            expect("wpdaily", "W3", P["W3"]["path"]),
            expect("wpdaily", "W4", P["W4"]["path"]),
        ],
        "not_articles": ["{BASE}" + x for x in ["/", "/category/politique/", "/category/economie/", "/tag/transition/", "/tag/coton/",
                                                "/author/awa-diallo/", "/contact/", "/a-propos/", w1 + "amp/",
                                                w1 + "attachment/conseil-ministres-juin/", w1 + "?replytocom=10231",
                                                "/?doing_wp_cron=1750764011.4412839412689208984375"]],
        "disallowed": ["/wp-admin/"],
        "v2": {"new": ["{BASE}" + P["W5"]["path"]], "changed": ["{BASE}" + P["W2"]["path"]],
               "changed_text_contains": {"{BASE}" + P["W2"]["path"]: "le paiement intégral des arriérés aux producteurs de la filiale de Fana"},
               "articles": [expect("wpdaily", "W5", P["W5"]["path"])]},
    })
    # -- aggregator
    aggregator.build(HARD / "aggregator", A, C)
    P = aggregator.POSTS
    write(HARD / "aggregator/routes.toml", """# aggregator: RSS at an extension-less path, ?page=N listings, a soft 404, real 404s elsewhere.

[routes."/rss/latest-posts"]
file = "rss/latest-posts.xml"
headers = { "Content-Type" = "application/rss+xml; charset=UTF-8" }

[routes."/actualites"]
file = "actualites/page-1.html"

[routes."/actualites?page=1"]
file = "actualites/page-1.html"

[routes."/actualites?page=2"]
file = "actualites/page-2.html"

[routes."/actualites?page=3"]
file = "actualites/page-3.html"

# any query: the search page (a listing, never an article)
[routes."/recherche"]
file = "recherche.html"

# a vote link (GET with side effects on a real site): answers a thank-you page
[routes."/sondage/vote"]
file = "sondage.html"

# soft 404: an old dossier URL answers 200 with the "Page introuvable" page
[routes."/dossiers/elections-2024.html"]
file = "introuvable.html"

# everything else that does not exist (robots.txt, sitemap.xml, /feed/ …): a real 404 with the same page
[routes."*"]
status = 404
file = "introuvable.html"
""")
    utm = "?utm_source=mae&utm_medium=listing&utm_campaign=une"
    dump("aggregator", {
        "articles": [
            expect("aggregator", "A1", P["A1"]["path"], aliases=[P["A1"]["path"] + utm, P["A1"]["path"] + "?utm_source=rss&utm_medium=feed"]),
            expect("aggregator", "A2", P["A2"]["path"], aliases=[P["A2"]["path"] + utm]),
            expect("aggregator", "A3", P["A3"]["path"], aliases=[P["A3"]["path"] + utm], extra_excludes=["Lire aussi"]),
            expect("aggregator", "A4", P["A4"]["path"], aliases=[P["A4"]["path"] + utm]),
            expect("aggregator", "A5", P["A5"]["path"], aliases=[P["A5"]["path"] + utm]),
        ],
        "not_articles": ["{BASE}" + x for x in ["/", "/actualites", "/actualites?page=1", "/actualites?page=2", "/actualites?page=3",
                                                "/dossiers/elections-2024.html", "/recherche?q=transition", "/annonces", "/contact",
                                                P["A1"]["path"] + utm]],
        "disallowed": [],
        "v2": {"new": [], "changed": [], "changed_text_contains": {}},
    })
    # -- customcms
    customcms.build(HARD / "customcms", A, C)
    P = customcms.POSTS
    write(HARD / "customcms/routes.toml", """# customcms: a custom 404 page for every missing path (robots.txt, sitemap.xml, feeds …).

[routes."*"]
status = 404
file = "404.html"
""")
    dump("customcms", {
        "articles": [
            expect("customcms", "C1", P["C1"]["path"], extra_contains=["le général d'armée Assimi Goïta"]),
            expect("customcms", "C2", P["C2"]["path"]),
            expect("customcms", "C3", P["C3"]["path"]),
            expect("customcms", "C4", P["C4"]["path"]),
        ],
        "not_articles": ["{BASE}" + x for x in ["/", "/politique/", "/politique/page/2/", "/societe/", "/economie/",
                                                "/auteur/amadou-traore/", "/contact.html", "/qui-sommes-nous.html", "/404.html"]],
        "disallowed": [],
        "search": {"Goita": "{BASE}" + P["C1"]["path"]},
        "v2": {"new": ["{BASE}" + P["C5"]["path"]], "changed": [], "changed_text_contains": {},
               "articles": [expect("customcms", "C5", P["C5"]["path"])]},
    })
    # -- atomsite
    atomsite.build(HARD / "atomsite", A, C)
    np_, op = atomsite.new_path, atomsite.old_path
    routes = ["""# atomsite: the root redirects to /fr, legacy Joomla paths and ?p= shortlinks redirect to /fr/<id>-<slug>.

[routes."/"]
status = 301
location = "{BASE}/fr"

[routes."/fr/actualites"]
file = "fr/index.html"

# shortlink chain: /?p=5518 -302-> /index.php/actualites/5518-… -301-> /fr/5518-…
[routes."/?p=5518"]
status = 302
location = "{BASE}%s"
""" % op("T2")]
    for k in atomsite.POSTS:
        routes.append(f'[routes."{op(k)}"]\nstatus = 301\nlocation = "{{BASE}}{np_(k)}"\n')
    write(HARD / "atomsite/routes.toml", "\n".join(routes))
    dump("atomsite", {
        "articles": [
            expect("atomsite", "T1", np_("T1"), aliases=[op("T1")]),
            expect("atomsite", "T2", np_("T2"), aliases=["/?p=5518", op("T2")]),
            expect("atomsite", "T3", np_("T3")),
            expect("atomsite", "T4", np_("T4")),
        ],
        "not_articles": ["{BASE}" + x for x in ["/", "/fr", "/fr/actualites", "/fr/emissions", "/fr/emissions/grand-dialogue-du-20-juin-2025",
                                                "/fr/qui-sommes-nous", op("T1"), "/?p=5518", op("T2")]],
        "disallowed": ["/admin/", "/user/"],
        "v2": {"new": ["{BASE}" + np_("T5")], "changed": [], "changed_text_contains": {},
               "articles": [expect("atomsite", "T5", np_("T5"))]},
    })
    # -- legacy
    legacy.build(HARD / "legacy", A, C)
    P = legacy.POSTS
    write(HARD / "legacy/routes.toml", f"""# legacy: windows-1252 pages with a missing or wrong charset, a 500, a slow page.

# cp1252 bytes, Content-Type without charset, no <meta charset>: the decoder must sniff.
[routes."{P["L1"]}"]
encoding = "cp1252"
headers = {{ "Content-Type" = "text/html" }}

# cp1252 bytes, but the header WRONGLY says utf-8 (the <meta> says windows-1252).
[routes."{P["L2"]}"]
encoding = "cp1252"
headers = {{ "Content-Type" = "text/html; charset=utf-8" }}

[routes."/archives/"]
status = 500
body = "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>"

[routes."/rubriques/societe.html"]
delay = 1.0
""")
    dump("legacy", {
        "articles": [
            expect("legacy", "L1", P["L1"], extra_contains=["ne s’aggrave d’ici la mi-août si les pluies tardent", "températures dépassant régulièrement 45 degrés"]),
            expect("legacy", "L2", P["L2"], extra_contains=["le transport est partagé", "sac de tourteau de coton de cinquante kilogrammes"]),
            expect("legacy", "L3", P["L3"]),
        ],
        "not_articles": ["{BASE}" + x for x in ["/", "/index.html", "/rubriques/societe.html", "/rubriques/economie.html",
                                                "/prive/brouillon-remaniement.html", "/prive/notes/rapport-interne-juin-2025.html", "/archives/"]],
        "disallowed": ["/prive/"],
        "v2": {"new": [], "changed": [], "changed_text_contains": {}},
    })
    import syndication
    syndication.build(HARD)  # quotidien, tamani, revue, portail, hebdo + tests/testweb/syndication.json
    import demo
    demo.build(DEMO, A, C)


if __name__ == "__main__":
    main()
