"""customcms: a custom CMS with no sitemap, no feed, no JSON-LD, French dates in visible text only."""
from pathlib import Path
from common import e, fr_date, write, excerpt, paras_html, dt

BRAND = "L'Écho du Djoliba"
POSTS = {
    "C1": dict(path="/politique/1204-le-general-assimi-goita-recoit-les-chefs-religieux.html", sec="politique"),
    "C2": dict(path="/politique/1198-reforme-de-la-charte-des-partis-la-classe-politique-divisee.html", sec="politique"),
    "C3": dict(path="/societe/1201-campagne-de-vaccination-contre-la-rougeole-a-bamako.html", sec="societe"),
    "C4": dict(path="/economie/1195-edm-sa-promet-de-reduire-les-delestages.html", sec="economie"),
    "C5": dict(path="/economie/1210-une-nouvelle-ligne-aerienne-bamako-tombouctou.html", sec="economie"),
}
SECS = {"politique": "Politique", "societe": "Société", "economie": "Économie"}


def head(title, desc=""):
    d = f'\n<meta name="description" content="{e(desc)}">' if desc else ""
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title)}</title>{d}
<link rel="stylesheet" href="/assets/css/echo.css?v=3">
<link rel="icon" href="/favicon.ico">
</head>
"""


def header():
    nav = "".join(f'<li><a href="/{k}/">{v}</a></li>' for k, v in SECS.items())
    return f"""<body>
<div class="bandeau"><span class="date-jour">Mardi 24 juin 2025</span> | <span class="meteo">Bamako 38°C</span> | <span class="cours">1 € = 655,957 FCFA</span></div>
<div id="entete"><a href="/" class="logo">{BRAND}</a><span class="devise">Le journal qui vous informe sans détour</span></div>
<ul id="menu"><li><a href="/">Accueil</a></li>{nav}<li><a href="/contact.html">Contact</a></li></ul>
"""


def sidebar(A, posts):
    plus = "".join(f'<li><a href="{posts[k]["path"]}">{e(A[k]["title"])}</a></li>' for k in ("C1", "C4", "C3") if k in posts)
    return f"""<div id="colonne-droite">
  <div class="bloc"><div class="bloc-titre">Les plus lus</div><ul>{plus}</ul></div>
  <div class="bloc"><div class="bloc-titre">Nos journalistes</div><ul><li><a href="/auteur/amadou-traore/">Amadou Traoré</a></li></ul></div>
  <div class="bloc pub"><img src="/assets/img/pub-banque.gif" alt="Publicité : BDM-SA, la banque de tous les Maliens"></div>
</div>
"""


def footer():
    return f"""<div id="pied">
  <p>{BRAND} – Hebdomadaire d'informations générales – Récépissé n°0456/MATCL – Siège : Badalabougou, rue 105, Bamako.</p>
  <p><a href="/contact.html">Nous contacter</a> | <a href="/qui-sommes-nous.html">Qui sommes-nous ?</a> | Tous droits réservés © 2025</p>
</div>
</body>
</html>
"""


def article(k, A, C, posts):
    a, p = A[k], POSTS[k]
    sec = p["sec"]
    similaires = "".join(f'<li><a href="{posts[r]["path"]}">{e(A[r]["title"])}</a></li>' for r in posts if r != k)
    comments = "\n".join(f'    <div class="reaction"><span class="pseudo">{e(n)}</span> <span class="quand">le {dt(a["published"]).day + 1:02d}/06/2025 à {9 + 2 * i}:{15 + i * 11}</span><p>{e(t)}</p></div>'
                         for i, (n, t) in enumerate(C[k]))
    return head(f"{a['title']} - {BRAND}", excerpt(a, 20)) + header() + f"""<div id="contenu">
  <div id="colonne-gauche">
    <div class="fil"><a href="/">Accueil</a> &gt; <a href="/{sec}/">{SECS[sec]}</a></div>
    <div class="article-detail">
      <h1 class="titre">{e(a["title"])}</h1>
      <div class="infos"><span class="auteur">Par {e(a["author"])}</span> | <span class="date">{a["datestr"]}</span> | <span class="rubrique">{SECS[sec]}</span></div>
      <div class="partage">Partager : <a href="https://www.facebook.com/sharer.php?u=https://echodudjoliba.ml{p["path"]}">Facebook</a> <a href="https://twitter.com/intent/tweet?text={e(a["title"])}">Twitter</a> <a href="https://wa.me/?text=https://echodudjoliba.ml{p["path"]}">WhatsApp</a> <a href="javascript:window.print()">Imprimer</a></div>
      <div class="texte">
{paras_html(a["paras"], "        ")}
      </div>
      <div class="partage">Partager : Facebook Twitter WhatsApp</div>
    </div>
    <div class="similaires"><div class="bloc-titre">Articles similaires</div><ul>{similaires}</ul></div>
    <div class="reactions"><div class="bloc-titre">Réactions ({len(C[k])})</div>
{comments}
    <form method="post" action="/reagir.php"><input type="hidden" name="id" value="{p["path"].split("/")[2].split("-")[0]}"><textarea name="message"></textarea><input type="submit" value="Envoyer"></form>
    </div>
  </div>
{sidebar(A, posts)}</div>
""" + footer()


def item(k, A, big=False):
    a, p = A[k], POSTS[k]
    d = dt(a["published"])
    return f"""    <div class="{'une' if big else 'breve'}">
      <h2><a href="{p["path"]}">{e(a["title"])}</a></h2>
      <p class="date-liste">{d.strftime("%d/%m/%Y")}</p>
      <p>{e(excerpt(a, 40 if big else 22))} <a href="{p["path"]}" class="suite">Lire la suite</a></p>
    </div>"""


def page(title, body, A, posts, desc=""):
    return head(f"{title} - {BRAND}", desc) + header() + f"""<div id="contenu">
  <div id="colonne-gauche">
    <h1 class="titre-rubrique">{e(title)}</h1>
{body}
  </div>
{sidebar(A, posts)}</div>
""" + footer()


def home(A, posts, gen):
    keys = ["C5", "C1", "C3", "C4"] if gen == 2 else ["C1", "C3", "C4"]
    body = item(keys[0], A, big=True) + "\n    <h3>Dernières nouvelles</h3>\n" + "\n".join(item(k, A) for k in keys[1:])
    return page("À la une", body, A, posts, "L'Écho du Djoliba, l'actualité du Mali sans détour.")


def build(out: Path, A, C):
    f = out / "files"
    g1 = {k: v for k, v in POSTS.items() if k != "C5"}
    for gen, posts in ((1, g1), (2, POSTS)):
        root = f if gen == 1 else out / "v2" / "files"
        write(root / "index.html", home(A, posts, gen))
        eco = ["C5", "C4"] if gen == 2 else ["C4"]
        write(root / "economie" / "index.html", page("Économie", "\n".join(item(k, A) for k in eco), A, posts))
    for k in POSTS:
        root = f if k != "C5" else out / "v2" / "files"
        write(root / POSTS[k]["path"].lstrip("/"), article(k, A, C, g1 if k != "C5" else POSTS))
    pag1 = '    <div class="pagination"><span class="courante">1</span> <a href="/politique/page/2/">2</a> <a href="/politique/page/2/">Suivant »</a></div>'
    pag2 = '    <div class="pagination"><a href="/politique/">« Précédent</a> <a href="/politique/">1</a> <span class="courante">2</span></div>'
    write(f / "politique" / "index.html", page("Politique", item("C1", A) + "\n" + pag1, A, g1))
    write(f / "politique" / "page" / "2" / "index.html", page("Politique – page 2", item("C2", A) + "\n" + pag2, A, g1))
    write(f / "societe" / "index.html", page("Société", item("C3", A), A, g1))
    write(f / "auteur" / "amadou-traore" / "index.html", page("Amadou Traoré", """    <div class="bio"><p>Amadou Traoré est chef du desk politique de L'Écho du Djoliba. Diplômé de l'École supérieure de journalisme de Bamako, il suit depuis 2015 la vie des institutions maliennes, les partis politiques et la diplomatie.</p>
    <p>Pour le contacter : a.traore@echodudjoliba.ml</p></div>
    <h3>Ses derniers articles</h3>
""" + item("C1", A), A, g1))
    write(f / "contact.html", page("Contact", """    <p>L'Écho du Djoliba – Badalabougou, rue 105, porte 22, Bamako (Mali).</p>
    <p>Téléphone : +223 66 00 00 00 – Courriel : redaction@echodudjoliba.ml</p>
    <p>Pour vos annonces et publicités, contactez notre service commercial du lundi au vendredi, de 8 heures à 17 heures.</p>
    <form method="post" action="/contact.php"><input name="nom" placeholder="Votre nom"><textarea name="message"></textarea><input type="submit" value="Envoyer"></form>""", A, g1))
    write(f / "qui-sommes-nous.html", page("Qui sommes-nous ?", """    <p>Fondé en 2011, L'Écho du Djoliba est un hebdomadaire indépendant d'informations générales paraissant le lundi. Son site publie chaque jour des articles de la rédaction.</p>""", A, g1))
    write(f / "404.html", page("Page non trouvée", """    <p>Erreur 404 : la page demandée n'existe pas ou a été supprimée.</p>
    <p><a href="/">Retour à l'accueil</a></p>""", A, g1))
