"""The small bundled demo web (crawler/sampleweb/sites): 2 sites, 6 articles, one about Assimi Goïta."""
import copy
from pathlib import Path
from common import write, e, excerpt, dt
import wpdaily, atomsite


def build(out: Path, A, C):
    A = copy.deepcopy(A)
    C = dict(C)
    # -- quotidien: WordPress-like, robots Sitemap line, JSON-LD
    wpdaily.BRAND = "Le Quotidien du Niger (démo)"
    A["C1"].update(modified=A["C1"]["published"], tags=["Transition", "Koulouba"])
    posts = {
        "C1": dict(path="/2025/06/22/assimi-goita-recoit-les-chefs-religieux/", id=301, cat="politique", author_slug="amadou-traore", ld="plain", image="koulouba.jpg"),
        "W2": dict(path="/2025/06/20/campagne-cotonniere-la-cmdt-vise-780-000-tonnes/", id=288, cat="economie", author_slug="moussa-kone", ld="graph", image="coton.jpg"),
        "W4": dict(path="/2025/06/15/bamako-curage-des-caniveaux-avant-l-hivernage/", id=270, cat="societe", author_slug="fatoumata-coulibaly", ld="plain", image="caniveaux.jpg"),
    }
    q = out / "quotidien" / "files"
    write(q / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\n\nSitemap: {BASE}/sitemap.xml\n")
    post, _ = wpdaily.sitemaps(A, posts, 1)
    write(q / "sitemap.xml", post)
    write(q / "index.html", wpdaily.home(A, posts))
    for cat, label in wpdaily.CATS.items():
        keys = [k for k in posts if posts[k]["cat"] == cat]
        write(q / "category" / cat / "index.html", wpdaily.listing(label, f"{{BASE}}/category/{cat}/", keys, A, posts))
    for k in posts:
        write(q / posts[k]["path"].lstrip("/") / "index.html", wpdaily.article_page(k, A, C, posts))
    wpdaily.taxonomy(q, A, posts)
    write(q / "contact" / "index.html", wpdaily.static_page("Contact", "/contact/", "\n    <p>Rédaction : Bamako, Hamdallaye ACI 2000.</p>"))
    write(q / "a-propos" / "index.html", wpdaily.static_page("À propos", "/a-propos/", "\n    <p>Un journal de démonstration pour malinews : trois articles, un sitemap.</p>"))
    write(q / "politique-de-confidentialite" / "index.html", wpdaily.static_page("Politique de confidentialité", "/politique-de-confidentialite/", "\n    <p>Aucune donnée collectée.</p>"))
    # -- radio: Atom feed advertised on the homepage, no sitemap
    atomsite.BRAND = "Radio Kledu Démo"
    atomsite.EPISODES = False
    atomsite.POSTS = {"T1": dict(id=801, slug="segou-les-riziculteurs-preparent-l-hivernage", meta=True),
                      "T2": dict(id=798, slug="tombouctou-le-festival-vivre-ensemble-reporte", meta=True),
                      "T4": dict(id=790, slug="bamako-un-centre-d-accueil-pour-enfants-a-sogoniko", meta=True)}
    r = out / "radio" / "files"
    rows = "\n".join(atomsite.teaser(k, A, "{BASE}" + atomsite.new_path(k)) for k in atomsite.POSTS)
    write(out / "radio" / "routes.toml", """# radio (demo): the root redirects to the French home page.

[routes."/"]
status = 301
location = "{BASE}/fr"

[routes."/fr/actualites"]
file = "fr/index.html"
""")
    write(r / "robots.txt", "User-agent: *\nDisallow: /admin/\n")
    atomsite.static_pages(r, episodes=False)
    write(r / "fr" / "index.html", atomsite.head(f"Accueil | {atomsite.BRAND}", '<meta property="og:type" content="website">\n') + atomsite.header()
          + f'<main role="main">\n  <h2>Dernières actualités</h2>\n  <div class="view-actualites">\n{rows}\n  </div>\n</main>\n' + atomsite.footer())
    entries = "\n".join(f"""  <entry>
    <title>{e(A[k]["title"])}</title>
    <link rel="alternate" type="text/html" href="{{BASE}}{atomsite.new_path(k)}"/>
    <id>tag:radio-demo,2025:{atomsite.POSTS[k]["id"]}</id>
    <published>{A[k]["published"]}</published>
    <updated>{A[k]["published"]}</updated>
    <author><name>{e(A[k]["author"])}</name></author>
    <summary type="html">{e(excerpt(A[k], 30))}</summary>
  </entry>""" for k in atomsite.POSTS)
    write(r / "fr" / "flux.atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>{atomsite.BRAND}</title>
  <link rel="self" href="{{BASE}}/fr/flux.atom"/>
  <id>tag:radio-demo,2025:actualites</id>
  <updated>{A["T1"]["published"]}</updated>
{entries}
</feed>
""")
    for k in atomsite.POSTS:
        write(r / atomsite.new_path(k).lstrip("/") / "index.html", atomsite.article(k, A, C))
