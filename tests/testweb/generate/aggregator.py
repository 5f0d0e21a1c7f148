"""aggregator: a Maliweb-like aggregator: RSS only, ?page=N listings, utm links, syndicated copies."""
from pathlib import Path
from common import e, fr_date, write, excerpt, paras_html, rfc822, dt

BRAND = "Mali Actu Express"
POSTS = {
    "A1": dict(path="/regions/kayes-la-route-kayes-sadiola-enfin-rehabilitee-2891234.html", meta_time=True),
    "A2": dict(path="/education/bandiagara-reprise-des-cours-dans-plusieurs-ecoles-fermees-2891187.html", meta_time=False),
    "A3": dict(path="/politique/cnt-les-conseillers-examinent-la-loi-de-finances-rectificative-2891102.html", meta_time=True, meta_author=True, lire_aussi="A1"),
    "A4": dict(path="/societe/securite-alimentaire-le-pam-alerte-sur-la-soudure-dans-le-nord-2891045.html", meta_time=False),
    "A5": dict(path="/economie/sikasso-les-producteurs-de-mangues-cherchent-de-nouveaux-debouches-2890977.html", meta_time=True),
}
PAGES = [["A1", "A2"], ["A3", "A4"], ["A5"]]
UTM = "?utm_source=mae&utm_medium=listing&utm_campaign=une"


def head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="alternate" type="application/rss+xml" title="{BRAND} » Flux des dernières actualités" href="{{BASE}}/rss/latest-posts">
{extra}<link rel="stylesheet" href="{{BASE}}/static/css/mae.min.css">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-MAE2025"></script>
</head>
"""


def header():
    return f"""<body>
<div id="topbar"><span class="date-du-jour">Mardi 24 juin 2025</span> <span class="flash">Flash info : retrouvez la revue de presse chaque matin dès 7 heures</span></div>
<header id="header">
  <a href="{{BASE}}/" class="logo"><img src="{{BASE}}/static/img/logo.png" alt="{BRAND}"></a>
  <nav class="main-menu"><ul>
    <li><a href="{{BASE}}/">Accueil</a></li>
    <li><a href="{{BASE}}/actualites">Actualités</a></li>
    <li><a href="{{BASE}}/actualites?page=1">Revue de presse</a></li>
    <li><a href="{{BASE}}/annonces">Annonces</a></li>
    <li><a href="{{BASE}}/recherche?q=transition">Recherche</a></li>
    <li><a href="{{BASE}}/contact">Contact</a></li>
  </ul></nav>
</header>
"""


def sidebar(A):
    items = "".join(f'<li><a href="{{BASE}}{POSTS[k]["path"]}?utm_source=mae&amp;utm_medium=sidebar">{e(A[k]["title"])}</a></li>' for k in ("A3", "A1", "A4"))
    return f"""<aside id="sidebar">
  <section class="widget"><h3>Les plus lus</h3><ol>{items}</ol></section>
  <section class="widget"><h3>Sondage</h3><p>Êtes-vous satisfait de la fourniture d'électricité dans votre quartier ?</p><a href="{{BASE}}/sondage/vote?choix=non">Non</a> <a href="{{BASE}}/sondage/vote?choix=oui">Oui</a></section>
</aside>
"""


def footer():
    return f"""<footer id="footer">
  <p>{BRAND} – La revue de la presse malienne. Les articles publiés sur ce site appartiennent à leurs auteurs et aux journaux cités.</p>
  <p><a href="{{BASE}}/mentions-legales">Mentions légales</a> · <a href="{{BASE}}/contact">Contact</a> · <a href="{{BASE}}/rss/latest-posts">RSS</a></p>
  <p class="copyright">Copyright © 2025 {BRAND}. Tous droits réservés.</p>
</footer>
</body>
</html>
"""


def card(k, A):
    a, p = A[k], POSTS[k]
    return f"""    <div class="card">
      <div class="card-body"><span class="card-source">{e(a["source"])}</span> · <span class="card-date">{dt(a["published"]).strftime("%d/%m/%Y")}</span></div>
      <h3 class="card-title"><a href="{{BASE}}{p["path"]}{UTM.replace("&", "&amp;")}">{e(a["title"])}</a></h3>
      <p class="card-text">{e(excerpt(a, 30))}</p>
    </div>"""


def pager(n):
    links = " ".join(f'<span class="current">{i}</span>' if i == n else f'<a href="{{BASE}}/actualites?page={i}">{i}</a>' for i in range(1, 4))
    prev = f'<a class="prev" href="{{BASE}}/actualites?page={n - 1}">« Précédent</a> ' if n > 1 else ""
    nxt = f' <a class="next" href="{{BASE}}/actualites?page={n + 1}">Suivant »</a>' if n < 3 else ""
    return f'    <div class="page-nav">{prev}{links}{nxt} <span class="pages">Page {n} sur 3</span></div>'


def listing_page(n, A):
    rels = ""
    if n > 1:
        rels += f'<link rel="prev" href="{{BASE}}/actualites?page={n - 1}">\n'
    if n < 3:
        rels += f'<link rel="next" href="{{BASE}}/actualites?page={n + 1}">\n'
    cards = "\n".join(card(k, A) for k in PAGES[n - 1])
    return head(f"Actualités – Page {n} – {BRAND}", rels) + header() + f"""<main id="v_container">
  <h1>Toute l'actualité du Mali</h1>
{cards}
{pager(n)}
</main>
{sidebar(A)}""" + footer()


def home(A):
    cards = "\n".join(card(k, A) for k in PAGES[0])
    return head(f"{BRAND} – Toute l'actualité du Mali", '<meta property="og:type" content="website">\n<meta name="description" content="La revue de la presse malienne en continu.">\n') + header() + f"""<main id="v_container">
  <section class="a-la-une"><h2>À la une</h2>
{cards}
  </section>
  <section class="dossiers"><h2>Nos dossiers</h2>
    <ul><li><a href="{{BASE}}/dossiers/elections-2024.html">Dossier spécial : les élections de 2024</a></li>
    <li><a href="{{BASE}}/actualites">Toutes les actualités</a></li></ul>
  </section>
</main>
{sidebar(A)}""" + footer()


def article(k, A, C):
    a, p = A[k], POSTS[k]
    url = "{BASE}" + p["path"]
    extra = (f'<link rel="canonical" href="{url}">\n<meta property="og:type" content="article">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="og:url" content="{url}">\n<meta name="description" content="{e(excerpt(a, 24))}">\n')
    if p.get("meta_time"):
        extra += f'<meta property="article:published_time" content="{a["published"]}">\n'
    if p.get("meta_author"):
        extra += f'<meta name="author" content="{e(a["author"])}">\n'
    when = fr_date(a["published"])
    if "T" in a["published"]:
        d = dt(a["published"])
        when += f" à {d.hour:02d}h{d.minute:02d}"
    byline = f'<span class="post-author">Par {e(a["author"])}</span> | ' if a["author"] else ""
    paras = paras_html(a["paras"], "      ")
    if p.get("lire_aussi"):
        r = p["lire_aussi"]
        cut = paras.split("\n")
        cut.insert(3, f'      <p class="lire-aussi"><strong>Lire aussi :</strong> <a href="{{BASE}}{POSTS[r]["path"]}">{e(A[r]["title"])}</a></p>')
        paras = "\n".join(cut)
    comments = "\n".join(f'      <div class="comment"><p class="comment-meta"><b>{e(n)}</b> – le {dt(a["published"]).day + 1:02d}/06/2025 à 0{8 + i}:3{i}</p><p class="comment-text">{e(t)}</p></div>'
                         for i, (n, t) in enumerate(C[k]))
    share = (f'<div class="share"><span>Partager :</span> <a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a> '
             f'<a href="https://twitter.com/share?url={url}">Twitter</a> <a href="whatsapp://send?text={url}">WhatsApp</a></div>')
    related = "".join(f'<li><a href="{{BASE}}{POSTS[r]["path"]}?utm_source=mae&amp;utm_medium=related">{e(A[r]["title"])}</a></li>' for r in POSTS if r != k)
    return head(f"{a['title']} | {BRAND}", extra) + header() + f"""<main id="content">
  <div class="breadcrumb"><a href="{{BASE}}/">Accueil</a> › <a href="{{BASE}}/actualites">{e(a["section"])}</a></div>
  <article class="post">
    <h1 class="post-title">{e(a["title"])}</h1>
    <div class="post-meta">{byline}<span class="post-date">Publié le {when}</span> | <span class="post-views">1 254 vues</span></div>
    {share}
    <div class="post-content">
{paras}
      <p class="source"><strong>Source : {e(a["source"])}</strong></p>
    </div>
    {share}
  </article>
  <section class="related"><h3>Articles similaires</h3><ul>{related}</ul></section>
  <section class="comments"><h3>Commentaires ({len(C[k])})</h3>
{comments}
    <form class="comment-form" action="{{BASE}}/commentaires/ajouter" method="post"><textarea name="texte"></textarea><button>Réagir</button></form>
  </section>
</main>
{sidebar(A)}""" + footer()


def rss(A):
    items = "\n".join(f"""  <item>
    <title>{e(A[k]["title"])}</title>
    <link>{{BASE}}{POSTS[k]["path"]}?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">mae-{POSTS[k]["path"][-12:-5]}</guid>
    <pubDate>{rfc822(A[k]["published"])}</pubDate>
    {f"<dc:creator><![CDATA[{A[k]['author']}]]></dc:creator>" if A[k]["author"] else ""}
    <category><![CDATA[{A[k]["section"]}]]></category>
    <description><![CDATA[{excerpt(A[k], 40)}]]></description>
  </item>""" for k in ("A1", "A2", "A3", "A4"))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>{BRAND}</title>
  <link>{{BASE}}/</link>
  <atom:link href="{{BASE}}/rss/latest-posts" rel="self" type="application/rss+xml"/>
  <description>La revue de la presse malienne</description>
  <language>fr</language>
  <lastBuildDate>{rfc822(A["A1"]["published"])}</lastBuildDate>
{items}
</channel>
</rss>
"""


def simple(title, body, A):
    return head(f"{title} – {BRAND}") + header() + f"""<main id="content">
  <h1>{e(title)}</h1>
{body}
</main>
{sidebar(A)}""" + footer()


def build(out: Path, A, C):
    f = out / "files"
    write(f / "index.html", home(A))
    for n in (1, 2, 3):
        write(f / "actualites" / f"page-{n}.html", listing_page(n, A))
    for k in POSTS:
        write(f / POSTS[k]["path"].lstrip("/"), article(k, A, C))
    write(f / "rss" / "latest-posts.xml", rss(A))
    write(f / "introuvable.html", simple("Page introuvable", """  <p class="error-404">Oups ! La page que vous recherchez est introuvable. Elle a peut-être été déplacée ou supprimée.</p>
  <p>Retournez à <a href="{BASE}/">l'accueil</a> ou consultez <a href="{BASE}/actualites">toutes les actualités</a>.</p>""", A))
    results = "\n".join(card(k, A) for k in ("A3", "A1"))
    write(f / "recherche.html", simple("Résultats de recherche pour « transition »", f"""  <form action="{{BASE}}/recherche" method="get"><input name="q" value="transition"><button>Rechercher</button></form>
  <p>2 résultats trouvés.</p>
{results}""", A))
    write(f / "annonces" / "index.html", simple("Annonces", """  <ul class="annonces">
    <li><b>Avis de recrutement</b> – Une ONG internationale recrute un chauffeur basé à Mopti. Dossiers avant le 30 juin 2025.</li>
    <li><b>Vente</b> – Terrain de 300 m² à Kalaban Coura ACI, titre foncier. Tél. 76 00 00 00.</li>
    <li><b>Avis de perte</b> – Il a été perdu une carte NINA au nom de Traoré Adama. Prière de la rapporter.</li>
  </ul>""", A))
    write(f / "contact" / "index.html", simple("Contact", """  <p>Écrivez-nous : contact@maliactuexpress.ml</p>
  <p>Pour signaler un article ou demander son retrait, précisez son adresse et le journal d'origine.</p>""", A))
    write(f / "sondage.html", simple("Sondage", "  <p>Merci pour votre participation ! Les résultats seront publiés vendredi.</p>", A))
    write(f / "mentions-legales" / "index.html", simple("Mentions légales", "  <p>Éditeur : MAE SARL, Bamako. Hébergement : Bamako.</p>", A))
