"""atomsite: a radio site with an Atom feed, redirecting legacy URLs and a feed-only article."""
from pathlib import Path
from common import e, fr_date, write, excerpt, paras_html, dt

BRAND = "Studio Fleuve Niger"
EPISODES = True  # the demo web has no programme episode pages
POSTS = {
    "T1": dict(id=5521, slug="segou-les-riziculteurs-de-l-office-du-niger-preparent-l-hivernage", meta=True),
    "T2": dict(id=5518, slug="tombouctou-le-festival-vivre-ensemble-reporte", meta=True),
    "T3": dict(id=5514, slug="gao-des-pluies-diluviennes-endommagent-une-centaine-d-habitations", meta=False),
    "T4": dict(id=5507, slug="bamako-un-centre-d-accueil-pour-enfants-en-situation-de-rue-a-sogoniko", meta=True),
    "T5": dict(id=5530, slug="sikasso-ouverture-de-la-foire-regionale-de-l-artisanat", meta=True),
}


def new_path(k):
    return f"/fr/{POSTS[k]['id']}-{POSTS[k]['slug']}"


def old_path(k):
    return f"/index.php/actualites/{POSTS[k]['id']}-{POSTS[k]['slug']}"


def head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="alternate" type="application/atom+xml" title="{BRAND} – Actualités" href="{{BASE}}/fr/flux.atom">
{extra}<link rel="stylesheet" href="{{BASE}}/themes/fleuve/css/style.css">
</head>
"""


def header():
    return f"""<body class="path-frontpage">
<div class="region-top"><span class="direct">En direct : 98.5 FM Bamako – 101.2 FM Mopti</span> <a href="{{BASE}}/fr/ecouter-le-direct">Écouter le direct</a></div>
<header role="banner"><a href="{{BASE}}/fr" rel="home" class="site-logo">{BRAND}</a><p class="site-slogan">La radio de l'information et du dialogue</p>
<nav class="menu--main"><ul>
  <li><a href="{{BASE}}/fr">Accueil</a></li>
  <li><a href="{{BASE}}/fr/actualites">Actualités</a></li>
  <li><a href="{{BASE}}/fr/emissions">Émissions</a></li>
  <li><a href="{{BASE}}/fr/qui-sommes-nous">Qui sommes-nous</a></li>
</ul></nav>
<div class="langues"><a href="{{BASE}}/fr" hreflang="fr">Français</a> · <span>Bamanankan</span> · <span>Fulfulde</span> · <span>Songhoy</span> · <span>Tamasheq</span></div>
</header>
"""


def footer():
    return f"""<footer role="contentinfo">
  <p>{BRAND} est un programme de radio indépendant qui produit chaque jour des journaux d'information en cinq langues.</p>
  <p><a href="{{BASE}}/fr/flux.atom">Flux Atom</a> · <a href="{{BASE}}/fr/qui-sommes-nous">Qui sommes-nous</a> · © 2025 {BRAND}</p>
</footer>
</body>
</html>
"""


def article(k, A, C):
    a, p = A[k], POSTS[k]
    url = "{BASE}" + new_path(k)
    extra = (f'<link rel="canonical" href="{url}">\n<link rel="shortlink" href="{{BASE}}/node/{p["id"]}">\n<meta property="og:type" content="article">\n'
             f'<meta property="og:url" content="{url}">\n<meta property="og:title" content="{e(a["title"])}">\n'
             f'<meta property="og:description" content="{e(excerpt(a, 20))}">\n')
    if p["meta"]:
        extra += f'<meta property="article:published_time" content="{a["published"]}">\n'
    by = f'<span class="field--name-uid">Par {e(a["author"])}</span> · ' if a["author"] else ""
    d = dt(a["published"])
    episode = '<li><a href="{BASE}/fr/emissions/grand-dialogue-du-20-juin-2025">Grand dialogue : la saison des pluies</a></li>' if EPISODES else ""
    comments = "\n".join(f'      <article class="comment"><footer><span class="username">{e(n)}</span> <span class="comment-time">il y a {2 + i} jours</span></footer><div class="comment-body"><p>{e(t)}</p></div></article>'
                         for i, (n, t) in enumerate(C[k]))
    return head(f"{a['title']} | {BRAND}", extra) + header().replace("path-frontpage", "path-node page-node-type-article") + f"""<main role="main">
  <article role="article" class="node node--type-article node--view-mode-full">
    <h1 class="page-title"><span>{e(a["title"])}</span></h1>
    <div class="node__meta">{by}<time datetime="{a["published"]}">Publié le {fr_date(a["published"])} à {d.hour:02d}:{d.minute:02d}</time> · <a href="{{BASE}}/fr/actualites">{e(a["section"])}</a></div>
    <div class="audio-player"><span>Écouter le reportage (2 min 45 s)</span> <audio controls src="{{BASE}}/sites/default/files/audio/{p["id"]}.mp3"></audio></div>
    <div class="clearfix text-formatted field field--name-body">
{paras_html(a["paras"], "      ")}
    </div>
    <div class="social-share">Partager : <a href="https://www.facebook.com/share.php?u={url}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={url}">Twitter</a> <a href="https://api.whatsapp.com/send?text={url}">WhatsApp</a></div>
  </article>
  <section class="block-related"><h2>Articles similaires</h2><ul>
    <li><a href="{{BASE}}/fr/actualites">Toute l'actualité</a></li>{episode}</ul></section>
  <section class="comments"><h2>Commentaires</h2>
{comments}
  </section>
</main>
""" + footer()


def teaser(k, A, href):
    a = A[k]
    return f"""    <div class="views-row"><h3><a href="{href}">{e(a["title"])}</a></h3><span class="date">{dt(a["published"]).strftime("%d.%m.%Y")}</span><p>{e(excerpt(a, 24))}</p></div>"""


def home(A, gen):
    rows = []
    if gen == 2:
        rows.append(teaser("T5", A, "{BASE}" + new_path("T5")))
    rows += [teaser("T1", A, "{BASE}" + old_path("T1")),
             teaser("T2", A, "{BASE}/?p=5518"),
             teaser("T4", A, "{BASE}" + new_path("T4"))]
    body = "\n".join(rows)
    return head(f"Accueil | {BRAND}", '<meta property="og:type" content="website">\n') + header() + f"""<main role="main">
  <h2>Dernières actualités</h2>
  <div class="view-actualites">
{body}
  </div>
  <section class="emissions"><h2>Nos émissions</h2><ul><li><a href="{{BASE}}/fr/emissions/grand-dialogue-du-20-juin-2025">Grand dialogue du 20 juin 2025</a></li></ul></section>
</main>
""" + footer()


def emission():
    return head(f"Grand dialogue du 20 juin 2025 | {BRAND}", '<meta property="og:type" content="article">\n<meta property="article:published_time" content="2025-06-20T19:00:00+00:00">\n') + header() + f"""<main role="main">
  <article class="node node--type-emission">
    <h1 class="page-title">Grand dialogue du 20 juin 2025</h1>
    <div class="node__meta"><time datetime="2025-06-20T19:00:00+00:00">20 juin 2025</time></div>
    <div class="audio-player"><audio controls src="{{BASE}}/sites/default/files/audio/gd-20250620.mp3"></audio></div>
    <p>Émission en bambara. Invités : un agronome et un représentant de la protection civile. Durée : 52 minutes.</p>
  </article>
</main>
""" + footer()


def atom(A, gen):
    keys = (["T5"] if gen == 2 else []) + ["T1", "T2", "T3", "T4"]
    def link(k):
        return "{BASE}" + (old_path(k) if k == "T1" else new_path(k))
    entries = "\n".join(f"""  <entry>
    <title>{e(A[k]["title"])}</title>
    <link rel="alternate" type="text/html" href="{link(k)}"/>
    <id>tag:studiofleuveniger.org,2025:node/{POSTS[k]["id"]}</id>
    <published>{A[k]["published"]}</published>
    <updated>{A[k]["published"]}</updated>
    {f"<author><name>{e(A[k]['author'])}</name></author>" if A[k]["author"] else "<author><name>Rédaction</name></author>"}
    <summary type="html">{e(excerpt(A[k], 30))}</summary>
  </entry>""" for k in keys)
    updated = A[keys[0]]["published"]
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>{BRAND} – Actualités</title>
  <link rel="self" href="{{BASE}}/fr/flux.atom"/>
  <link rel="alternate" type="text/html" href="{{BASE}}/fr"/>
  <id>tag:studiofleuveniger.org,2025:actualites</id>
  <updated>{updated}</updated>
{entries}
</feed>
"""


def static_pages(f: Path, episodes: bool = True):
    """Pages of the main menu that are not news: programmes (with one episode page), about, live stream."""
    if episodes:
        write(f / "fr" / "emissions" / "grand-dialogue-du-20-juin-2025" / "index.html", emission())
        items = '<li><a href="{BASE}/fr/emissions/grand-dialogue-du-20-juin-2025">Grand dialogue du 20 juin 2025</a></li>'
    else:
        items = "<li>Grand dialogue, chaque vendredi à 19 h</li>"
    write(f / "fr" / "emissions" / "index.html", head(f"Émissions | {BRAND}") + header() + f"""<main role="main"><h1>Émissions</h1>
  <ul>{items}</ul></main>
""" + footer())
    write(f / "fr" / "qui-sommes-nous" / "index.html", head(f"Qui sommes-nous | {BRAND}") + header() + f"""<main role="main"><h1>Qui sommes-nous</h1>
  <p>{BRAND} est une radio d'information créée en 2013 à Bamako. Elle produit des journaux et des débats en français, bambara, peul, songhaï et tamasheq, diffusés par un réseau de radios partenaires.</p></main>
""" + footer())
    write(f / "fr" / "ecouter-le-direct" / "index.html", head(f"Écouter le direct | {BRAND}") + header() + """<main role="main"><h1>Écouter le direct</h1>
  <audio controls src="https://stream.example.invalid/live.mp3"></audio><p>Programme du jour : journal en français à 7 h, 12 h et 18 h.</p></main>
""" + footer())


def build(out: Path, A, C):
    f = out / "files"
    for gen in (1, 2):
        root = f if gen == 1 else out / "v2" / "files"
        write(root / "fr" / "index.html", home(A, gen))
        write(root / "fr" / "flux.atom", atom(A, gen))
    for k in POSTS:
        root = f if k != "T5" else out / "v2" / "files"
        write(root / new_path(k).lstrip("/") / "index.html", article(k, A, C))
    static_pages(f)
    write(f / "robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /user/\n")
