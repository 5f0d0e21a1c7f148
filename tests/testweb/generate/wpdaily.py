"""wpdaily: a WordPress-like daily with sitemaps, JSON-LD, AMP, tags/categories/authors."""
import json
from pathlib import Path
from common import e, fr_date, write, excerpt, paras_html, dt

BRAND = "Le Quotidien de Bamako"
TODAY = "mardi 24 juin 2025"

POSTS = {
    "W1": dict(path="/2025/06/22/conseil-des-ministres-loi-nouvelle-carte-judiciaire/", id=10231, cat="politique", amp=True,
               author_slug="awa-diallo", ld="plain", image="conseil-ministres-juin.jpg"),
    "W2": dict(path="/2025/06/20/campagne-cotonniere-2025-2026-la-cmdt-vise-780-000-tonnes/", id=10212, cat="economie",
               author_slug="moussa-kone", ld="graph", image="coton-cmdt.jpg"),
    "W3": dict(path="/2025/06/18/football-les-aigles-dominent-la-mauritanie-a-nouakchott/", id=10198, cat="sport",
               author_slug="ibrahim-sangare", ld="authorlist", image="aigles-nouakchott.jpg"),
    "W4": dict(path="/2025/06/15/bamako-la-mairie-lance-le-curage-des-caniveaux/", id=10176, cat="societe",
               author_slug="fatoumata-coulibaly", ld="zulu", image="curage-caniveaux.jpg"),
    "W5": dict(path="/2025/06/24/education-les-resultats-du-def-2025-attendus/", id=10250, cat="societe",
               author_slug="awa-diallo", ld="plain", image="def-2025.jpg"),
}
CATS = {"politique": "Politique", "economie": "Économie", "societe": "Société", "sport": "Sport"}
V2_CHANGED_MODIFIED = "2025-06-25T09:00:00+00:00"


def head(title, canonical, og_type="website", extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<link rel="canonical" href="{canonical}">
<meta property="og:locale" content="fr_FR">
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="{BRAND}">
<link rel="alternate" type="application/rss+xml" title="{BRAND} » Flux" href="{{BASE}}/feed/">
<link rel="alternate" type="application/rss+xml" title="{BRAND} » Flux des commentaires" href="{{BASE}}/comments/feed/">
{extra}<link rel="stylesheet" id="td-theme-css" href="{{BASE}}/wp-content/themes/Newspaper/style.css?ver=12.6" type="text/css" media="all">
<link rel="https://api.w.org/" href="{{BASE}}/wp-json/">
<link rel="shortlink" href="{canonical}">
</head>
"""


def header():
    menu = "".join(f'<li class="menu-item"><a href="{{BASE}}/category/{k}/">{v}</a></li>' for k, v in CATS.items())
    return f"""<body class="home blog td-standard-pack">
<div class="td-header-top-menu">
  <div class="td-header-sp-top-menu"><span class="td_data_time">{TODAY}</span> <span class="td-weather">Bamako 34 °C, ciel dégagé</span></div>
  <div class="td-header-sp-top-widget"><a href="https://www.facebook.com/quotidiendebamako">Facebook</a> <a href="https://twitter.com/quotidienbko">Twitter</a> <a href="https://www.youtube.com/@quotidiendebamako">YouTube</a></div>
</div>
<header class="td-header-wrap">
  <div class="td-header-sp-logo"><a class="td-main-logo" href="{{BASE}}/">{BRAND}<span class="td-visual-hidden"> – Quotidien d'information générale</span></a></div>
  <nav id="td-header-menu" role="navigation"><ul class="sf-menu">
    <li class="menu-item"><a href="{{BASE}}/">Accueil</a></li>{menu}
    <li class="menu-item"><a href="{{BASE}}/contact/">Contact</a></li>
  </ul></nav>
  <form class="td-search-form" action="{{BASE}}/" method="get"><input type="text" name="s" placeholder="Rechercher"><button type="submit">OK</button></form>
</header>
"""


def sidebar(A, posts, exclude=None):
    items = "".join(f'<li><a href="{{BASE}}{posts[k]["path"]}">{e(A[k]["title"])}</a></li>' for k in posts if k != exclude)
    return f"""<aside class="td-pb-span4 td-main-sidebar">
  <div class="td_block_wrap td_block_popular"><h4 class="block-title"><span>Les plus lus</span></h4><ul>{items}</ul></div>
  <div class="td_block_wrap widget_newsletter"><h4 class="block-title"><span>Newsletter</span></h4>
    <p>Recevez chaque matin l'essentiel de l'actualité malienne dans votre boîte mail.</p>
    <form action="{{BASE}}/newsletter/" method="post"><input type="email" name="email"><button>S'abonner</button></form></div>
  <div class="td_block_wrap widget_pub"><a href="https://www.orangemali.com/"><img src="{{BASE}}/wp-content/uploads/2025/05/pub-orange-money.jpg" alt="Publicité"></a></div>
</aside>
"""


def footer():
    return f"""<footer class="td-footer-wrapper">
  <div class="td-footer-info"><p>{BRAND} – Quotidien d'information générale édité à Bamako, Hamdallaye ACI 2000, rue 405. Tél. : +223 20 29 00 00.</p></div>
  <ul class="td-footer-menu"><li><a href="{{BASE}}/a-propos/">À propos</a></li><li><a href="{{BASE}}/contact/">Contact</a></li>
  <li><a href="{{BASE}}/politique-de-confidentialite/">Politique de confidentialité</a></li></ul>
  <div class="td-sub-footer-copy">© 2025 {BRAND}. Tous droits réservés.</div>
  <script>window.tdwGlobal = {{"ajaxUrl":"{{BASE}}\\/wp-admin\\/admin-ajax.php"}};</script>
  <img src="{{BASE}}/wp-cron.php" width="1" height="1" alt=""><a class="td-hidden" href="{{BASE}}/?doing_wp_cron=1750764011.4412839412689208984375">.</a>
</footer>
</body>
</html>
"""


def jsonld(k, a, p, modified):
    url = "{BASE}" + p["path"]
    person = {"@type": "Person", "name": a["author"], "url": "{BASE}/author/" + p["author_slug"] + "/"}
    art = {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"], "dateModified": modified,
           "mainEntityOfPage": url, "articleSection": a["section"], "keywords": ", ".join(a["tags"]), "inLanguage": "fr-FR",
           "image": "{BASE}/wp-content/uploads/2025/06/" + p["image"],
           "publisher": {"@type": "Organization", "name": BRAND, "logo": {"@type": "ImageObject", "url": "{BASE}/wp-content/uploads/logo.png"}}}
    if p["ld"] == "plain":
        art["author"] = person
        data = {"@context": "https://schema.org", **art}
    elif p["ld"] == "graph":  # Yoast style: everything in @graph, author by @id
        art["author"] = {"@id": url + "#/schema/person/1"}
        data = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "@id": url, "url": url, "name": a["title"] + " - " + BRAND, "datePublished": a["published"]},
            {**art, "@id": url + "#article", "isPartOf": {"@id": url}},
            {"@type": "Person", "@id": url + "#/schema/person/1", "name": a["author"]},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Accueil", "item": "{BASE}/"}]}]}
    elif p["ld"] == "authorlist":
        art["author"] = [person]
        data = {"@context": "https://schema.org", **art}
    else:  # "zulu": UTC written with Z
        art["author"] = person
        art["datePublished"] = a["published"].replace("+00:00", "Z")
        art["dateModified"] = modified.replace("+00:00", "Z")
        data = {"@context": "https://schema.org", **art}
    return json.dumps(data, ensure_ascii=False, indent=1)


def article_page(k, A, C, posts, gen=1):
    a, p = A[k], posts[k]
    paras = list(a["paras"])
    modified = a["modified"]
    if gen == 2 and a.get("v2_extra"):
        paras.append(a["v2_extra"])
        modified = V2_CHANGED_MODIFIED
    url = "{BASE}" + p["path"]
    extra = (f'<meta name="description" content="{e(excerpt(a, 25))}">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="og:url" content="{url}">\n<meta property="og:image" content="{{BASE}}/wp-content/uploads/2025/06/{p["image"]}">\n'
             f'<meta property="article:section" content="{e(a["section"])}">\n')
    if p["ld"] != "authorlist":  # W3 gives its date only in JSON-LD and the visible <time>
        extra += f'<meta property="article:published_time" content="{a["published"]}">\n<meta property="article:modified_time" content="{modified}">\n'
    for t in a["tags"]:
        extra += f'<meta property="article:tag" content="{e(t)}">\n'
    # WordPress advertises each post's comments feed; following it costs one request per article
    extra += f'<link rel="alternate" type="application/rss+xml" title="{BRAND} » {e(a["title"])} Flux des commentaires" href="{url}feed/">\n'
    if p.get("amp"):
        extra += f'<link rel="amphtml" href="{url}amp/">\n'
    extra += f'<script type="application/ld+json" class="yoast-schema-graph">{jsonld(k, a, p, modified)}</script>\n'
    cat = p["cat"]
    comments = C[k]
    clist = "\n".join(
        f'''    <li class="comment" id="comment-{p["id"] + i}"><article class="comment-body">
      <footer class="comment-meta"><cite class="comment-author">{e(n)}</cite> <span class="comment-date">{fr_date(a["published"])} à {13 + i} h {10 + 7 * i} min</span></footer>
      <div class="comment-content"><p>{e(t)}</p></div>
      <a rel="nofollow" class="comment-reply-link" href="{url}?replytocom={p["id"] + i}#respond">Répondre</a></article></li>'''
        for i, (n, t) in enumerate(comments))
    tags = "".join(f'<li><a href="{{BASE}}/tag/{slugify(t)}/">{e(t)}</a></li>' for t in a["tags"])
    related = "".join(f'<li><a href="{{BASE}}{posts[r]["path"]}">{e(A[r]["title"])}</a> <span class="td-post-date">{fr_date(A[r]["published"])}</span></li>'
                      for r in posts if r != k)
    share = (f'<div class="td-post-sharing"><span class="td-post-share-title">Partager :</span> '
             f'<a class="td-social-facebook" href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> '
             f'<a class="td-social-twitter" href="https://twitter.com/intent/tweet?url={url}">Twitter</a> '
             f'<a class="td-social-whatsapp" href="https://api.whatsapp.com/send?text={url}">WhatsApp</a></div>')
    amp_link = f'\n      <p class="td-amp-link"><a href="{url}amp/">Version mobile (AMP)</a></p>' if p.get("amp") else ""
    figure = (f'<figure class="wp-caption"><a href="{url}attachment/{p["image"][:-4]}/"><img src="{{BASE}}/wp-content/uploads/2025/06/{p["image"]}" alt="{e(a["title"])}"></a>'
              f'<figcaption class="wp-caption-text">Photo d\'illustration ({BRAND})</figcaption></figure>') if p.get("amp") else \
             f'<figure class="wp-caption"><img src="{{BASE}}/wp-content/uploads/2025/06/{p["image"]}" alt=""><figcaption class="wp-caption-text">Photo : DR</figcaption></figure>'
    sb = sidebar(A, {r: posts[r] for r in posts if gen == 2 or r != "W5"}, exclude=k)
    return head(f"{a['title']} - {BRAND}", url, "article", extra) + header().replace('class="home blog', f'class="post-template-default single single-post postid-{p["id"]}') + f"""<div class="td-main-content-wrap"><div class="td-container">
  <div class="td-pb-span8 td-main-content">
    <div class="entry-crumbs"><a href="{{BASE}}/">Accueil</a> » <a href="{{BASE}}/category/{cat}/">{CATS[cat]}</a> » {e(a["title"])}</div>
    <article id="post-{p["id"]}" class="post-{p["id"]} post type-post status-publish format-standard">
      <header class="td-post-title">
        <ul class="td-category"><li class="entry-category"><a href="{{BASE}}/category/{cat}/">{CATS[cat]}</a></li></ul>
        <h1 class="entry-title">{e(a["title"])}</h1>
        <div class="td-module-meta-info">
          <div class="td-post-author-name">Par <a href="{{BASE}}/author/{p["author_slug"]}/">{e(a["author"])}</a> -</div>
          <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a["published"]}">{fr_date(a["published"])}</time></span>
          <div class="td-post-comments"><a href="{url}#comments">{len(comments)}</a></div>
          <div class="td-post-views"><span>1{p["id"] % 900}</span></div>
        </div>
      </header>
      {share}
      <div class="td-post-featured-image">{figure}</div>
      <div class="td-post-content tagdiv-type">
{paras_html(paras, "        ")}
      </div>{amp_link}
      <footer>
        <div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li>{tags}</ul></div>
        {share.replace('td-post-sharing"', 'td-post-sharing td-post-sharing-bottom"')}
        <div class="td-author-box"><a href="{{BASE}}/author/{p["author_slug"]}/">{e(a["author"])}</a><p>Journaliste au {BRAND}.</p></div>
      </footer>
    </article>
    <div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><span>Articles similaires</span></h4><ul>{related}</ul></div>
    <div class="comments" id="comments">
      <div class="td-comments-title-wrap"><h4 class="block-title"><span>{len(comments)} Commentaires</span></h4></div>
      <ol class="comment-list">
{clist}
      </ol>
      <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3>
        <form action="{{BASE}}/wp-comments-post.php" method="post" id="commentform"><textarea name="comment" placeholder="Commentaire :"></textarea>
        <input name="author" placeholder="Nom :*"><input name="email" placeholder="E-mail :*"><input type="submit" value="Publier le commentaire"></form></div>
    </div>
  </div>
{sb}</div></div>
""" + footer()


def amp_page(k, A, posts):
    a, p = A[k], posts[k]
    url = "{BASE}" + p["path"]
    return f"""<!doctype html>
<html amp lang="fr-FR">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - {BRAND}</title>
<link rel="canonical" href="{url}">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{{visibility:hidden}}</style>
</head>
<body>
<header class="amp-wp-header"><a href="{{BASE}}/">{BRAND}</a></header>
<article class="amp-wp-article">
  <header class="amp-wp-article-header"><h1 class="amp-wp-title">{e(a["title"])}</h1>
  <div class="amp-wp-meta amp-wp-byline">Par {e(a["author"])}</div>
  <div class="amp-wp-meta amp-wp-posted-on"><time datetime="{a["published"]}">{fr_date(a["published"])}</time></div></header>
  <div class="amp-wp-article-content">
{paras_html(a["paras"], "    ")}
  </div>
  <footer class="amp-wp-article-footer"><p><a href="{url}#comments">Laisser un commentaire</a></p></footer>
</article>
<footer class="amp-wp-footer"><p>© 2025 {BRAND}</p><a href="{url}">Voir la version non-AMP</a></footer>
</body>
</html>
"""


def attachment_page(k, A, posts):
    a, p = A[k], posts[k]
    slug = p["image"][:-4]
    url = "{BASE}" + p["path"] + f"attachment/{slug}/"
    return head(f"{slug} - {BRAND}", url, "article", f'<meta property="og:title" content="{slug}">\n<meta property="article:published_time" content="{a["published"]}">\n') + header() + f"""<div class="td-main-content-wrap"><div class="td-container"><div class="td-main-content">
  <article class="attachment type-attachment">
    <h1 class="entry-title">{slug}</h1>
    <div class="td-module-meta-info"><span class="td-post-date"><time datetime="{a["published"]}">{fr_date(a["published"])}</time></span></div>
    <div class="entry-attachment"><a href="{{BASE}}/wp-content/uploads/2025/06/{p["image"]}"><img src="{{BASE}}/wp-content/uploads/2025/06/{p["image"]}" width="1024" height="683" alt=""></a></div>
    <p>Publié dans <a href="{{BASE}}{p["path"]}">{e(a["title"])}</a></p>
  </article>
</div></div></div>
""" + footer()


def slugify(s):
    import unicodedata, re
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def listing(title, canonical, keys, A, posts, intro="", pager=""):
    items = "\n".join(f"""    <div class="td_module_10 td_module_wrap">
      <h3 class="entry-title td-module-title"><a href="{{BASE}}{posts[k]["path"]}" rel="bookmark">{e(A[k]["title"])}</a></h3>
      <div class="td-module-meta-info"><span class="td-post-author-name"><a href="{{BASE}}/author/{posts[k]["author_slug"]}/">{e(A[k]["author"])}</a> -</span> <time class="entry-date" datetime="{A[k]["published"]}">{fr_date(A[k]["published"])}</time></div>
      <div class="td-excerpt">{e(excerpt(A[k], 28))}</div>
    </div>""" for k in keys)
    return head(f"{title} - {BRAND}", canonical) + header() + f"""<div class="td-main-content-wrap"><div class="td-container">
  <div class="td-pb-span8 td-main-content">
    <h1 class="entry-title td-page-title">{e(title)}</h1>{intro}
{items}
{pager}
  </div>
{sidebar(A, posts)}</div></div>
""" + footer()


def home(A, posts):
    keys = sorted(posts, key=lambda k: A[k]["published"], reverse=True)
    extra = f"""    <div class="td-block-more"><a href="{{BASE}}/tag/transition/">#Transition</a> <a href="{{BASE}}/tag/hivernage/">#Hivernage</a></div>"""
    page = listing("À la une", "{BASE}/", keys, A, posts, pager=extra)
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebSite", "name": BRAND, "url": "{BASE}/",
                     "potentialAction": {"@type": "SearchAction", "target": "{BASE}/?s={search_term_string}", "query-input": "required name=search_term_string"}}, ensure_ascii=False)
    return page.replace("</head>", f'<meta name="description" content="{BRAND}, quotidien malien d\'information générale.">\n<script type="application/ld+json">{ld}</script>\n</head>', 1)


def static_page(title, path, body):
    return head(f"{title} - {BRAND}", "{BASE}" + path) + header() + f"""<div class="td-main-content-wrap"><div class="td-container"><div class="td-main-content">
  <h1 class="entry-title">{e(title)}</h1>
  <div class="td-page-content">{body}</div>
</div></div></div>
""" + footer()


def sitemaps(A, posts, gen):
    keys = sorted(posts, key=lambda k: A[k]["published"], reverse=True)
    def lastmod(k):
        return V2_CHANGED_MODIFIED if (gen == 2 and A[k].get("v2_extra")) else A[k]["modified"]
    urls = "\n".join(f"""  <url>
    <loc>{{BASE}}{posts[k]["path"]}</loc>
    <lastmod>{lastmod(k)}</lastmod>
    <image:image><image:loc>{{BASE}}/wp-content/uploads/2025/06/{posts[k]["image"]}</image:loc></image:image>
  </url>""" for k in keys)
    post = f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="{{BASE}}/main-sitemap.xsl"?>
<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""
    news_keys = keys[:3]
    nurls = "\n".join(f"""  <url>
    <loc>{{BASE}}{posts[k]["path"]}</loc>
    <news:news>
      <news:publication><news:name>{BRAND}</news:name><news:language>fr</news:language></news:publication>
      <news:publication_date>{A[k]["published"]}</news:publication_date>
      <news:title>{e(A[k]["title"])}</news:title>
      <news:keywords>{e(", ".join(A[k]["tags"]))}</news:keywords>
    </news:news>
  </url>""" for k in news_keys)
    news = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{nurls}
</urlset>
"""
    return post, news


AUTHOR_BIOS = {
    "awa-diallo": "Awa Diallo est journaliste politique au Quotidien de Bamako depuis 2016. Elle couvre le gouvernement et les institutions de la Transition.",
}


def taxonomy(root: Path, A, posts):
    """Tag and author archive pages for every tag and author of `posts`."""
    tags = {}
    for k in posts:
        for t in A[k]["tags"]:
            tags.setdefault(slugify(t), (t, []))[1].append(k)
    for slug, (label, keys) in tags.items():
        write(root / "tag" / slug / "index.html", listing(f"Étiquette : {label}", f"{{BASE}}/tag/{slug}/", keys, A, posts))
    for slug in {p["author_slug"] for p in posts.values()}:
        keys = [k for k in posts if posts[k]["author_slug"] == slug]
        name = A[keys[0]]["author"]
        bio = AUTHOR_BIOS.get(slug, f"{name} est journaliste au {BRAND}.")
        write(root / "author" / slug / "index.html", listing(f"{name}, auteur", f"{{BASE}}/author/{slug}/", keys, A, posts,
                                                             intro=f'\n    <div class="td-author-description">{e(bio)}</div>'))
    for t in ("transition", "hivernage"):  # homepage tag links
        if t not in tags:
            write(root / "tag" / t / "index.html", listing(f"Étiquette : {t.capitalize()}", f"{{BASE}}/tag/{t}/", [], A, posts))


def pages(f: Path):
    """Static pages linked from every page's menu and footer."""
    write(f / "contact" / "index.html", static_page("Contact", "/contact/", """
    <p>Rédaction du Quotidien de Bamako, Hamdallaye ACI 2000, rue 405, porte 112, Bamako.</p>
    <p>Téléphone : +223 20 29 00 00 – Courriel : redaction@quotidiendebamako.ml</p>
    <form action="{BASE}/contact/" method="post"><input name="nom"><textarea name="message"></textarea><button>Envoyer</button></form>"""))
    write(f / "a-propos" / "index.html", static_page("À propos", "/a-propos/", """
    <p>Le Quotidien de Bamako est un journal malien d'information générale fondé en 2009. Il paraît du lundi au vendredi et publie chaque jour sur son site l'actualité politique, économique, sociale et sportive du Mali.</p>
    <p>Directeur de publication : Mamadou Sylla. Rédacteur en chef : Awa Diallo.</p>"""))
    write(f / "politique-de-confidentialite" / "index.html", static_page("Politique de confidentialité", "/politique-de-confidentialite/",
          "\n    <p>Nous ne collectons que les données nécessaires à la publication des commentaires et à l'envoi de la newsletter.</p>"))


def build(out: Path, A, C):
    f = out / "files"
    g1 = {k: v for k, v in POSTS.items() if k != "W5"}
    write(f / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {BASE}/sitemap_index.xml\n")
    write(f / "sitemap_index.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{BASE}/post-sitemap.xml.gz</loc><lastmod>2025-06-22T14:05:00+00:00</lastmod></sitemap>
  <sitemap><loc>{BASE}/page-sitemap.xml</loc><lastmod>2025-01-10T09:00:00+00:00</lastmod></sitemap>
  <sitemap><loc>{BASE}/news-sitemap.xml.gz</loc></sitemap>
</sitemapindex>
""")
    write(f / "page-sitemap.xml", """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{BASE}/</loc><lastmod>2025-06-22T14:05:00+00:00</lastmod></url>
  <url><loc>{BASE}/a-propos/</loc><lastmod>2025-01-10T09:00:00+00:00</lastmod></url>
  <url><loc>{BASE}/contact/</loc><lastmod>2025-01-10T09:00:00+00:00</lastmod></url>
</urlset>
""")
    for gen, posts in ((1, g1), (2, POSTS)):
        root = f if gen == 1 else out / "v2" / "files"
        post, news = sitemaps(A, posts, gen)
        write(root / "post-sitemap.xml", post)
        write(root / "news-sitemap.xml", news)
        write(root / "index.html", home(A, posts))
        for cat, label in CATS.items():
            keys = sorted([k for k in posts if posts[k]["cat"] == cat], key=lambda k: A[k]["published"], reverse=True)
            write(root / "category" / cat / "index.html", listing(label, f"{{BASE}}/category/{cat}/", keys, A, posts,
                                                                   intro=f'\n    <div class="td-category-description"><p>Toute l\'actualité {label.lower()} du Mali.</p></div>'))
        taxonomy(root, A, posts)
    for k in POSTS:
        root = f if k != "W5" else out / "v2" / "files"
        write(root / POSTS[k]["path"].lstrip("/") / "index.html", article_page(k, A, C, g1 if k != "W5" else POSTS))
    write(out / "v2" / "files" / POSTS["W2"]["path"].lstrip("/") / "index.html", article_page("W2", A, C, POSTS, gen=2))
    write(f / POSTS["W1"]["path"].lstrip("/") / "amp" / "index.html", amp_page("W1", A, POSTS))
    write(f / POSTS["W1"]["path"].lstrip("/") / "attachment" / POSTS["W1"]["image"][:-4] / "index.html", attachment_page("W1", A, POSTS))
    pages(f)
