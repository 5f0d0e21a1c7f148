"""Page templates of the five syndication sites: a Next.js-like daily, a radio, a WordPress aggregator,
a home-made PHP portal and a weekly (each with its own boilerplate, dates and discovery)."""
import hashlib, json
from pathlib import Path
from common import e, fr_date, dt, write, rfc822

BRAND = {"quotidien": "L'Essor", "tamani": "Studio Tamani", "revue": "MaliRelais", "portail": "Niani Info",
         "hebdo": "Le Flambeau"}
CHROME = {  # boilerplate of each site that must never reach an archived text
    "quotidien": ["Journal du jour", "Abonnez-vous à l'édition numérique", "Partager sur", "À lire aussi", "Tous droits réservés"],
    "tamani": ["Écouter le journal", "Écouter le reportage", "Dans la même rubrique", "Partager :", "radio d'information des Maliens"],
    "revue": ["Suivez MaliRelais", "Partager :", "Articles similaires", "Laisser un commentaire", "Les plus lus", "Tous droits réservés"],
    "portail": ["Envoyer à un ami", "Autres articles", "Soyez le premier à réagir", "Les plus commentés", "Reproduction interdite"],
    "hebdo": ["paraît chaque lundi", "Partager cet article", "À lire également", "Les commentaires sont modérés", "Tous droits réservés"],
}
NOT_ARTICLES = {
    "quotidien": ["/", "/rubrique/societe", "/rubrique/politique", "/contact"],
    "tamani": ["/", "/actualites/", "/flash-info/", "/emissions/", "/qui-sommes-nous/"],
    "revue": ["/", "/category/societe/", "/category/economie/", "/contact/"],
    "portail": ["/", "/rubrique/societe.html", "/rubrique/economie.html", "/contact.html"],
    "hebdo": ["/", "/rubrique/economie/", "/rubrique/environnement/", "/abonnement.html"],
}
DISALLOWED = {"quotidien": ["/api/"], "tamani": [], "revue": ["/wp-admin/"], "portail": ["/admin/"], "hebdo": ["/recherche"]}
READERS = [("Bakary", "Merci pour l'information, mais on attend de voir les résultats sur le terrain avant d'applaudir."),
           ("Fanta D.", "Toujours les mêmes promesses, rien ne change dans nos quartiers depuis des années."),
           ("Le Patriote", "Que Dieu protège le Mali et ses enfants. Courage à tous ceux qui travaillent dans l'ombre."),
           ("Issa de Kati", "Il faudrait aussi parler des villages oubliés de tout le monde, pas seulement de la capitale.")]
SECTIONS = ["Politique", "Économie", "Société", "Culture", "Sport", "Sécurité", "Environnement", "Éducation"]


def slug(s):
    import unicodedata, re
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()).strip("-")


def _n(a):
    return int(hashlib.sha1(a["path"].encode()).hexdigest()[:6], 16)


def comments_of(a):
    if a["site"] != "revue":
        return []
    i = _n(a) % len(READERS)
    return [t for _, t in (READERS[i], READERS[(i + 1) % len(READERS)])]


def _paras(a, indent="      "):
    return "\n".join(f"{indent}<p>{e(p)}</p>" for p in a["paras"])


def _teaser(a, n=28):
    body = next(p for p in a["paras"] if len(p.split()) > 12)
    return " ".join(body.split()[:n]) + " […]"


def _when(a):
    d = dt(a["published"])
    return f"{fr_date(a['published'], weekday=True)} à {d.hour:02d}h{d.minute:02d}"


def _credit_name(a):
    for line in a["lines"]:
        for head in ("Source : ", "Avec "):
            if line.startswith(head):
                return line[len(head):]
        if line in BRAND.values():
            return line
    return None


def _others(a, arts, n=4):
    mine = [x for x in arts if x is not a]
    k = _n(a) % max(len(mine), 1)
    return (mine[k:] + mine[:k])[:n]


# -- quotidien: L'Essor-like (Next.js), sitemap in robots.txt, JSON-LD, uniqid URLs -----------------

def q_page(title, body, canonical="", extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{f'<link rel="canonical" href="{canonical}">' if canonical else ''}
<meta property="og:site_name" content="L'Essor">
{extra}<link rel="stylesheet" href="/_next/static/css/8f2c1e.css">
</head>
<body>
<div id="__next">
<div class="topbar"><span>Journal du jour : édition n°20418</span> <a href="/abonnement">Abonnez-vous à l'édition numérique</a> <a href="/api/auth/signin">Connexion</a></div>
<header class="site-header"><a class="logo" href="/">L'Essor</a> <span class="tagline">Quotidien national d'information</span>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/rubrique/politique">Politique</a></li><li><a href="/rubrique/societe">Société</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<main class="container">
{body}
</main>
<footer class="site-footer"><p>L'Essor – Quotidien national d'information. Société nationale des éditions, Bamako.</p><p>© 2025 L'Essor. Tous droits réservés.</p></footer>
</div>
</body></html>
"""


def q_article(a, arts):
    url = "{BASE}" + a["path"]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"],
          "dateModified": a["published"], "mainEntityOfPage": url, "articleSection": a["section"], "inLanguage": "fr",
          "publisher": {"@type": "Organization", "name": "L'Essor"}}
    if a["author"]:
        ld["author"] = {"@type": "Person", "name": a["author"]}
    extra = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="og:url" content="{url}">\n<meta name="description" content="{e(_teaser(a, 24))}">\n'
             f'<meta property="article:published_time" content="{a["published"]}">\n'
             f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n')
    by = f'<span class="author">Par {e(a["author"])}</span> · ' if a["author"] else ""
    related = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts))
    body = f"""<article class="post-single">
  <div class="breadcrumb"><a href="/">Accueil</a> / <a href="/rubrique/{slug(a["section"])}">{e(a["section"])}</a></div>
  <h1 class="post-title">{e(a["title"])}</h1>
  <div class="post-meta">{by}<span class="date">Publié le {dt(a["published"]):%d/%m/%Y} | L'Essor</span></div>
  <div class="post-content">
{_paras(a)}
  </div>
  <div class="share-bar">Partager sur : <a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> <a href="https://x.com/intent/post?url={url}">X</a> <a href="https://wa.me/?text={url}">WhatsApp</a></div>
</article>
<aside class="related"><h2>À lire aussi</h2><ul>{related}</ul></aside>"""
    return q_page(f"{a['title']} | L'Essor", body, url, extra)


def q_listing(title, items):
    lis = "\n".join(f'<div class="card"><h3><a href="{x["path"]}">{e(x["title"])}</a></h3><p class="date">{dt(x["published"]):%d/%m/%Y}</p><p>{e(_teaser(x))}</p></div>' for x in items)
    return q_page(f"{title} | L'Essor", f'<h1 class="page-title">{e(title)}</h1>\n{lis}', extra='<meta property="og:type" content="website">\n')


def build_quotidien(f, arts):
    new = sorted(arts, key=lambda a: a["published"], reverse=True)
    for a in arts:
        write(f / a["path"].lstrip("/") / "index.html", q_article(a, arts))
    write(f / "index.html", q_listing("À la une", new[:6]))
    for sec in ("politique", "societe"):
        write(f / "rubrique" / sec / "index.html", q_listing(sec.capitalize(), [a for a in new if slug(a["section"]) == sec] or new[:2]))
    write(f / "contact" / "index.html", q_page("Contact | L'Essor", "<h1>Contact</h1><p>Rédaction : Koulouba, Bamako. Courriel : redaction@lessor.ml</p>"))
    write(f / "robots.txt", "User-agent: *\nDisallow: /api/\n\nSitemap: {BASE}/sitemap.xml\n")
    urls = "\n".join(f"  <url><loc>{{BASE}}{a['path']}</loc><lastmod>{a['published']}</lastmod></url>" for a in new)
    write(f / "sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n')


# -- tamani: a radio (RSS at /feed/, og + article:published_time, no byline, audio boilerplate) -------

def t_page(title, body, canonical="", extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr"><head>
<meta charset="utf-8">
<title>{e(title)}</title>
{f'<link rel="canonical" href="{canonical}">' if canonical else ''}
<meta property="og:site_name" content="Studio Tamani">
<link rel="alternate" type="application/rss+xml" title="Studio Tamani » Flux" href="{{BASE}}/feed/">
{extra}</head>
<body class="node-type-article">
<div class="live-bar"><a href="/direct/">En direct</a> – Écouter le journal en français, bambara, peul, sonrhaï et tamasheq</div>
<header><a href="/" class="logo">Studio Tamani</a>
<nav><a href="/">Accueil</a> <a href="/flash-info/">Flash info</a> <a href="/emissions/">Émissions</a> <a href="/qui-sommes-nous/">Qui sommes-nous</a></nav></header>
<main>
{body}
</main>
<footer><p>Studio Tamani, la radio d'information des Maliens, diffusée chaque jour sur un réseau de radios partenaires.</p><p>© 2025 Studio Tamani</p></footer>
</body></html>
"""


def t_article(a, arts):
    url = "{BASE}" + a["path"]
    d = dt(a["published"])
    extra = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="article:published_time" content="{a["published"]}">\n')
    more = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts, 3))
    audio = "" if a["breve"] else f'  <div class="audio-player">Écouter le reportage <audio controls src="/sites/default/files/audio/{_n(a)}.mp3"></audio></div>\n'
    body = f"""<article class="node-article">
  <h1 class="page-header">{e(a["title"])}</h1>
  <div class="submitted"><time datetime="{a["published"]}">{fr_date(a["published"], weekday=True, cap=True)} - {d.hour:02d}:{d.minute:02d}</time></div>
  <div class="field-rubrique"><a href="/{'flash-info' if a['breve'] else 'actualites'}/">{e(a["section"])}</a></div>
  <div class="field-body">
{_paras(a)}
  </div>
{audio}  <div class="share">Partager : <a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> <a href="https://twitter.com/share?url={url}">Twitter</a></div>
</article>
<section class="more"><h2>Dans la même rubrique</h2><ul>{more}</ul></section>"""
    return t_page(f"{a['title']} – Studio Tamani", body, url, extra)


def t_listing(title, items):
    lis = "\n".join(f'<div class="views-row"><h3><a href="{x["path"]}">{e(x["title"])}</a></h3><p>{e(_teaser(x, 20))}</p></div>' for x in items)
    return t_page(f"{title} – Studio Tamani", f"<h1>{e(title)}</h1>\n{lis}", extra='<meta property="og:type" content="website">\n')


def build_tamani(f, arts):
    new = sorted(arts, key=lambda a: a["published"], reverse=True)
    for a in arts:
        write(f / a["path"].lstrip("/") / "index.html", t_article(a, arts))
    write(f / "index.html", t_listing("Actualités", [a for a in new if not a["breve"]][:5]))
    write(f / "flash-info" / "index.html", t_listing("Flash info", [a for a in new if a["breve"]]))
    write(f / "actualites" / "index.html", t_listing("Toutes les actualités", [a for a in new if not a["breve"]]))
    write(f / "emissions" / "index.html", t_page("Émissions – Studio Tamani", "<h1>Nos émissions</h1><p>Le Grand Dialogue, chaque jeudi à 19 heures : un débat en direct avec les auditeurs.</p>"))
    write(f / "qui-sommes-nous" / "index.html", t_page("Qui sommes-nous – Studio Tamani", "<h1>Qui sommes-nous ?</h1><p>Un studio de production d'information basé à Bamako, qui diffuse ses programmes en cinq langues.</p>"))
    items = "\n".join(f"""  <item><title>{e(a["title"])}</title><link>{{BASE}}{a["path"]}</link><guid>{{BASE}}{a["path"]}</guid>
    <pubDate>{rfc822(a["published"])}</pubDate><category>{e(a["section"])}</category><description>{e(_teaser(a, 30))}</description></item>""" for a in new)
    write(f / "feed.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Studio Tamani</title><link>{{BASE}}/</link><description>L'information des Maliens</description><language>fr</language>
{items}
</channel></rss>
""")


# -- revue: MaliRelais, a Maliweb-like WordPress aggregator (sitemap_index probe, Yoast graph, comments) --

def r_page(title, body, canonical="", extra="", body_class="home blog"):
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head>
<meta charset="UTF-8">
<title>{e(title)}</title>
{f'<link rel="canonical" href="{canonical}">' if canonical else ''}
<meta property="og:locale" content="fr_FR"><meta property="og:site_name" content="MaliRelais">
{extra}<link rel="stylesheet" href="{{BASE}}/wp-content/themes/Newspaper/style.css?ver=12.6">
</head>
<body class="{body_class}">
<div class="td-header-top-menu"><span>Flash : Suivez MaliRelais sur WhatsApp et Telegram</span> <a href="{{BASE}}/wp-admin/">Connexion</a></div>
<header class="td-header-wrap"><a class="td-main-logo" href="{{BASE}}/">MaliRelais</a>
<ul class="sf-menu"><li><a href="{{BASE}}/category/politique/">Politique</a></li><li><a href="{{BASE}}/category/economie/">Économie</a></li><li><a href="{{BASE}}/category/societe/">Société</a></li><li><a href="{{BASE}}/contact/">Contact</a></li></ul></header>
<div class="td-main-content-wrap">
{body}
</div>
<aside class="td-main-sidebar"><h4 class="block-title">Les plus lus</h4><p>Retrouvez chaque jour la revue de presse malienne.</p></aside>
<footer class="td-footer-wrapper"><p>MaliRelais – L'actualité malienne en continu. Les articles repris de la presse malienne restent la propriété de leurs auteurs et des journaux cités.</p><p>© 2025 MaliRelais. Tous droits réservés.</p></footer>
</body></html>
"""


def r_article(a, arts):
    url = "{BASE}" + a["path"]
    pid = 3102000 + _n(a) % 90000
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": a["title"] + " | MaliRelais", "datePublished": a["published"]},
        {"@type": "NewsArticle", "@id": url + "#article", "isPartOf": {"@id": url}, "headline": a["title"],
         "datePublished": a["published"], "dateModified": a["published"], "articleSection": [a["section"]],
         "publisher": {"@type": "Organization", "name": "MaliRelais"}, "inLanguage": "fr-FR"}]}
    extra = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="og:url" content="{url}">\n<meta property="article:published_time" content="{a["published"]}">\n'
             f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld, ensure_ascii=False)}</script>\n')
    share = f'<div class="td-post-sharing"><span>Partager :</span> <a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={url}">Twitter</a> <a href="https://t.me/share/url?url={url}">Telegram</a></div>'
    i = _n(a) % len(READERS)
    comments = "\n".join(f'<li class="comment"><cite>{e(n)}</cite> <span class="comment-date">{fr_date(a["published"])}</span><div class="comment-content"><p>{e(t)}</p></div></li>'
                         for n, t in (READERS[i], READERS[(i + 1) % len(READERS)]))
    related = "".join(f'<li><a href="{{BASE}}{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts, 3))
    sec = slug(a["section"])
    body = f"""<div class="td-container"><div class="td-pb-span8 td-main-content">
<article id="post-{pid}" class="post-{pid} post type-post status-publish">
  <header class="td-post-title"><ul class="td-category"><li><a href="{{BASE}}/category/{sec}/">{e(a["section"])}</a></li></ul>
  <h1 class="entry-title">{e(a["title"])}</h1>
  <div class="td-module-meta-info"><time class="entry-date" datetime="{a["published"]}">{fr_date(a["published"])}</time> <span class="td-nr-views">{_n(a) % 3000 + 120} vues</span></div></header>
  {share}
  <div class="td-post-content tagdiv-type">
{_paras(a)}
  </div>
  {share}
</article>
<div class="td_block_related_posts"><h4>Articles similaires</h4><ul>{related}</ul></div>
<div class="comments" id="comments"><h4>2 Commentaires</h4><ol class="comment-list">
{comments}
</ol><div id="respond"><h3>Laisser un commentaire</h3><form action="{{BASE}}/wp-comments-post.php" method="post"><textarea name="comment"></textarea><input type="submit" value="Publier"></form></div></div>
</div></div>"""
    return r_page(f"{a['title']} | MaliRelais", body, url, extra, f"post-template-default single single-post postid-{pid}")


def r_listing(title, items, canonical):
    lis = "\n".join(f'<div class="td_module_10"><h3 class="entry-title"><a href="{{BASE}}{x["path"]}">{e(x["title"])}</a></h3><time>{fr_date(x["published"])}</time><div class="td-excerpt">{e(_teaser(x))}</div></div>' for x in items)
    return r_page(f"{title} | MaliRelais", f'<h1 class="td-page-title">{e(title)}</h1>\n{lis}', canonical,
                  body_class="archive category" if "category" in canonical else "home blog")


def build_revue(f, arts):
    new = sorted(arts, key=lambda a: a["published"], reverse=True)
    for a in arts:
        write(f / a["path"].lstrip("/"), r_article(a, arts))
    write(f / "index.html", r_listing("MaliRelais – L'actualité malienne en continu", new[:8], "{BASE}/"))
    for sec in ("politique", "economie", "societe"):
        write(f / "category" / sec / "index.html", r_listing(sec.capitalize(), [a for a in new if slug(a["section"]) == sec], f"{{BASE}}/category/{sec}/"))
    write(f / "contact" / "index.html", r_page("Contact | MaliRelais", "<h1>Contact</h1><p>Pour signaler un article ou demander son retrait : contact@malirelais.ml</p>", body_class="page"))
    write(f / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n")
    write(f / "sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
          f'  <sitemap><loc>{{BASE}}/post-sitemap.xml</loc><lastmod>{new[0]["published"]}</lastmod></sitemap>\n</sitemapindex>\n')
    urls = "\n".join(f"  <url><loc>{{BASE}}{a['path']}</loc><lastmod>{a['published']}</lastmod></url>" for a in new)
    write(f / "post-sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n')


# -- portail: Niani Info, a home-made PHP portal (no sitemap, no feed, no og: listings and visible dates) --

def p_page(title, body, desc="", side=""):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(title)}</title>
<meta name="description" content="{e(desc)}" /><meta name="keywords" content="Mali, actualité, Bamako, presse malienne" />
</head>
<body>
<div id="haut"><a href="/"><img src="/img/logo_niani.gif" alt="Niani Info" /></a> <span class="slogan">Le portail de l'information malienne</span></div>
<div id="menu"><a href="/">Accueil</a> | <a href="/rubrique/politique.html">Politique</a> | <a href="/rubrique/economie.html">Économie</a> | <a href="/rubrique/societe.html">Société</a> | <a href="/rubrique/sport.html">Sport</a> | <a href="/contact.html">Contact</a></div>
<div id="page"><div id="gauche">
{body}
</div>
<div id="droite"><div class="pub">Publicité – Espace disponible</div><div class="bloc"><b>Les plus commentés</b><ul>{side}</ul></div></div></div>
<div id="bas">Niani Info © 2025 – Reproduction interdite sans autorisation. <a href="/admin/login.php">Espace rédaction</a></div>
</body></html>
"""


def p_article(a, arts):
    source = _credit_name(a) or "Niani Info"
    autres = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts))
    body = f"""<div class="article">
<h1 class="titre_article">{e(a["title"])}</h1>
<div class="info_article">Publié le {_when(a)} | {e(source)}</div>
<div class="texte_article">
{_paras(a)}
</div>
<div class="outils">Partager sur Facebook | Twitter | Envoyer à un ami | Imprimer l'article</div>
</div>
<div class="autres_articles"><b>Autres articles</b><ul>{autres}</ul></div>
<div class="reactions"><b>Commentaires (0)</b><p>Soyez le premier à réagir à cet article.</p><form method="post" action="/reagir.php"><textarea name="texte"></textarea><input type="submit" value="Envoyer" /></form></div>"""
    side = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts, 6)[4:])
    return p_page(f"{a['title']} - Niani Info", body, _teaser(a, 20), side)


def p_listing(title, items):
    lis = "\n".join(f'<div class="breve"><a href="{x["path"]}" class="titre">{e(x["title"])}</a> <span class="date">{dt(x["published"]):%d/%m/%Y}</span><p>{e(_teaser(x, 18))}</p></div>' for x in items)
    return p_page(f"{title} - Niani Info", f'<h2 class="rubrique">{e(title)}</h2>\n{lis}')


def build_portail(f, arts):
    new = sorted(arts, key=lambda a: a["published"], reverse=True)
    for a in arts:
        write(f / a["path"].lstrip("/"), p_article(a, arts))
    write(f / "index.html", p_listing("À la une", new[:8]))
    groups = {"politique": ["Politique", "Sécurité"], "economie": ["Économie"], "societe": ["Société", "Culture", "Éducation", "Environnement", "Flash info"], "sport": ["Sport"]}
    for name, secs in groups.items():
        write(f / "rubrique" / f"{name}.html", p_listing(name.capitalize(), [a for a in new if a["section"] in secs]))
    assert all(any(a["section"] in s for s in groups.values()) for a in arts)
    write(f / "contact.html", p_page("Contact - Niani Info", "<h2>Contact</h2><p>Niani Info, Hippodrome, Bamako. redaction@nianiinfo.ml</p>"))
    write(f / "robots.txt", "User-agent: *\nDisallow: /admin/\n")


# -- hebdo: Le Flambeau, a weekly (RSS at /rss.xml, JSON-LD Article, bylines, dated URLs) -----------

def h_page(title, body, canonical="", extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>{e(title)}</title>
{f'<link rel="canonical" href="{canonical}">' if canonical else ''}
<meta property="og:site_name" content="Le Flambeau">
<link rel="alternate" type="application/rss+xml" title="Le Flambeau" href="{{BASE}}/rss.xml">
{extra}</head>
<body>
<div class="bandeau-abonnement">Le Flambeau paraît chaque lundi. <a href="/abonnement.html">Abonnez-vous à la version papier</a></div>
<header><a class="logo" href="/">Le Flambeau</a> <span>Hebdomadaire indépendant d'informations générales</span>
<nav><a href="/">Accueil</a> <a href="/rubrique/economie/">Économie</a> <a href="/rubrique/environnement/">Environnement</a> <a href="/recherche?q=">Recherche</a></nav></header>
<main>
{body}
</main>
<footer>Le Flambeau – Hebdomadaire indépendant d'informations générales. Siège : Hamdallaye ACI 2000, Bamako. © 2025 Tous droits réservés.</footer>
</body></html>
"""


def h_article(a, arts):
    url = "{BASE}" + a["path"]
    ld = {"@context": "https://schema.org", "@type": "Article", "headline": a["title"], "datePublished": a["published"],
          "publisher": {"@type": "Organization", "name": "Le Flambeau"}}
    if a["author"]:
        ld["author"] = {"@type": "Person", "name": a["author"]}
    extra = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n')
    by = f'<p class="signature">Par {e(a["author"])}</p>' if a["author"] else ""
    more = "".join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in _others(a, arts, 3))
    body = f"""<article>
  <div class="surtitre"><a href="/rubrique/{slug(a["section"])}/">{e(a["section"])}</a></div>
  <h1>{e(a["title"])}</h1>
  {by}<p class="date">Publié le {_when(a)}</p>
  <div class="corps">
{_paras(a)}
  </div>
  <p class="partage">Partager cet article : Facebook · Twitter · WhatsApp</p>
</article>
<section class="a-lire"><h2>À lire également</h2><ul>{more}</ul></section>
<section class="reagir"><h2>Réagir</h2><p>Les commentaires sont modérés avant publication.</p><form method="post" action="/reagir"><textarea name="m"></textarea><button>Envoyer</button></form></section>"""
    return h_page(f"{a['title']} – Le Flambeau", body, url, extra)


def h_listing(title, items):
    lis = "\n".join(f'<div class="teaser"><h3><a href="{x["path"]}">{e(x["title"])}</a></h3><p>{e(_teaser(x, 24))}</p></div>' for x in items)
    return h_page(f"{title} – Le Flambeau", f"<h1>{e(title)}</h1>\n{lis}", extra='<meta property="og:type" content="website">\n')


def build_hebdo(f, arts):
    new = sorted(arts, key=lambda a: a["published"], reverse=True)
    for a in arts:
        write(f / a["path"].lstrip("/"), h_article(a, arts))
    write(f / "index.html", h_listing("Cette semaine", new[:5]))
    for sec in sorted({a["section"] for a in arts}):
        write(f / "rubrique" / slug(sec) / "index.html", h_listing(sec, [a for a in new if a["section"] == sec]))
    write(f / "abonnement.html", h_page("Abonnement – Le Flambeau", "<h1>Abonnement</h1><p>Un an : 26 000 francs CFA, livraison à Bamako comprise.</p>"))
    write(f / "robots.txt", "User-agent: *\nDisallow: /recherche\n")
    items = "\n".join(f"""  <item><title>{e(a["title"])}</title><link>{{BASE}}{a["path"]}</link><guid>{{BASE}}{a["path"]}</guid><pubDate>{rfc822(a["published"])}</pubDate>
    <description>{e(_teaser(a, 30))}</description></item>""" for a in new)
    write(f / "rss.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Flambeau</title><link>{{BASE}}/</link><description>Hebdomadaire indépendant</description><language>fr</language>
{items}
</channel></rss>
""")


SITE_INTRO = {
    "quotidien": """# quotidien — « L'Essor » (a Next.js-like national daily; the original of most stories)

Discovery: robots.txt `Sitemap:` → `/sitemap.xml` (every article, `lastmod`); the homepage lists the six latest.
Article URLs `/posts/<slug>-<uniqid>` (PHP `uniqid()`: the first 8 hex digits are the Unix time), served as directory
indexes. JSON-LD `NewsArticle` (author only when signed: AMAP dispatches, communiqués and bulletins are unsigned),
`og:site_name` « L'Essor » — which is how copies saying « Source : L'Essor » map to this site and not to the
registry's `essor`. Trap: the « Connexion » link points into robots-disallowed `/api/`. Boilerplate: edition bar,
« Abonnez-vous à l'édition numérique », « Partager sur », « À lire aussi », footer.""",
    "tamani": """# tamani — « Studio Tamani » (a radio: reports, army communiqués, « Flash info » brèves)

Discovery: RSS at `/feed/` (a route: a directory path served as `application/rss+xml`), linked from every page; the
homepage lists only five reports, `/actualites/` and `/flash-info/` the rest. No robots.txt, no sitemap. Articles
`/actualites/<id>-<slug>/`, brèves `/flash-info/<id>-<slug>/`: `og:type` article, `article:published_time`, no byline.
Boilerplate: live bar « Écouter le journal… », audio player « Écouter le reportage », « Dans la même rubrique ».""",
    "revue": """# revue — « MaliRelais » (a Maliweb-like WordPress aggregator: copies of everyone)

Discovery: no `Sitemap:` line; the `/sitemap_index.xml` probe → `/post-sitemap.xml`. Articles
`/<section>/<slug>-<id>.html`, Yoast `@graph` JSON-LD without author, `single-post` body class. Copies keep the
original's signature line (« Mariam COULIBALY ») and end with « Source : … » / « Avec AFP »; titles often get
« Mali : ». Trap: `/wp-admin/` (disallowed) linked from the top bar. Boilerplate: « Partager : », « Articles
similaires », two reader comments and « Laisser un commentaire », « Les plus lus », footer.""",
    "portail": """# portail — « Niani Info » (a home-made PHP portal, aBamako/Malijet-like)

No sitemap, no feed, no `og:` tags, no JSON-LD: discovery is homepage → `/rubrique/<name>.html` listings; articles
`/h/<id>.html` are articles by their dated text (« Publié le mardi 3 juin 2025 à 08h15 | L'Essor »). Credits take
every form: a source card as first line (« L'Essor »), a bare outlet name as last line (« Studio Tamani »), « (AMAP) »,
« Source : … », or nothing. Holds the earliest copy of a story credited to « Le Challenger », which is not on the web.
Trap: `/admin/login.php` (disallowed) in the footer. Boilerplate: « Envoyer à un ami », « Autres articles »,
« Soyez le premier à réagir », « Les plus commentés », « Reproduction interdite ».""",
    "hebdo": """# hebdo — « Le Flambeau » (a weekly that reports and republishes)

Discovery: RSS at `/rss.xml` (linked from every page), homepage, `/rubrique/<section>/` listings. Articles
`/actualite/YYYY/MM/DD/<slug>.html`, JSON-LD `Article` (author when signed), `og:site_name` « Le Flambeau » (copies
say « Source : Le Flambeau »). First carrier of an AFP dispatch (« Avec AFP »); republishes Studio Tamani
(« Avec Studio Tamani »), L'Essor (one copy a week late) and MaliRelais (a copy of a copy). Trap: `/recherche`
(disallowed) in the menu. Boilerplate: « paraît chaque lundi », « Partager cet article », « À lire également »,
« Les commentaires sont modérés », footer.""",
}
ROUTES = {
    "tamani": '# tamani: the RSS feed lives at /feed/ (a directory path), served with an RSS content type.\n\n'
              '[routes."/feed/"]\nfile = "feed.xml"\nheaders = { "Content-Type" = "application/rss+xml; charset=UTF-8" }\n',
    "portail": '# portail: a bare 404 for everything missing (no sitemap, no feed).\n',
}
BUILDERS = {"quotidien": build_quotidien, "tamani": build_tamani, "revue": build_revue, "portail": build_portail, "hebdo": build_hebdo}


def build_site(site, out: Path, arts):
    BUILDERS[site](out / "files", arts)
    if site in ROUTES:
        write(out / "routes.toml", ROUTES[site])
