"""legacy: an old hand-made site: cp1252 pages with wrong/missing charsets, robots Disallow, 500, truncated HTML."""
from pathlib import Path
from common import e, fr_date, write, excerpt, paras_html, dt

BRAND = "L'Aurore de Kayes"
POSTS = {
    "L1": "/articles/2025-06-17-maraichers-du-khasso.html",
    "L2": "/articles/2025-06-10-eleveurs-de-diema.html",
    "L3": "/articles/2025-06-12-pont-de-bafoulabe.html",
}
PRIVE = {
    "/prive/brouillon-remaniement.html": ("Exclusif : la liste des ministres pressentis pour le remaniement", "C2"),
    "/prive/notes/rapport-interne-juin-2025.html": ("Rapport interne : bilan de la rédaction au premier semestre 2025", "C4"),
}


def head(title, meta_charset=None):
    m = f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">\n' if meta_charset else ""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
{m}<title>{e(title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css">
</head>
"""


def top(rel="../"):
    return f"""<body bgcolor="#FFFFF0">
<div id="bandeau"><font size="5" color="#8B0000"><b>{BRAND}</b></font><br><font size="2"><i>Le journal de la première région – depuis 1998</i></font></div>
<div id="menu"><a href="{rel}index.html">Accueil</a> | <a href="{rel}rubriques/societe.html">Société</a> | <a href="{rel}rubriques/economie.html">Économie</a> | <a href="{rel}rubriques/sport.html">Sport</a> | <a href="{rel}archives/">Archives</a> | <a href="mailto:aurore.kayes@yahoo.fr">Écrivez-nous</a></div>
"""


def bottom(rel="../"):
    return f"""<div id="pied"><hr><font size="1">{BRAND} – Quartier Plateau, Kayes – Tél. 21 52 00 00 – Site mis à jour par la rédaction. Tous droits réservés.<br>
<a href="{rel}index.html">Retour à l'accueil</a></font></div>
</body>
</html>
"""


def article(k, A, C, meta_charset=None, truncate=False):
    a = A[k]
    comments = "\n".join(f'<p class="commentaire"><b>{e(n)}</b> a écrit :<br>{e(t)}</p>' for n, t in C[k])
    body = f"""<div id="contenu">
<h1>{e(a["title"])}</h1>
<p class="signature"><i>Par {e(a["author"])}</i><br><font size="2">{a["datestr"]}</font></p>
{paras_html(a["paras"], "")}
<p class="partage">Partager : <a href="http://www.facebook.com/share.php?u=http://aurore-kayes.ml{POSTS[k]}">Facebook</a> - <a href="http://twitter.com/home?status={e(a["title"])}">Twitter</a> - WhatsApp</p>
</div>
"""
    rest = f"""<div id="lateral"><b>Les plus lus</b><ul><li><a href="2025-06-17-maraichers-du-khasso.html">Les maraîchers du Khasso</a></li><li><a href="2025-06-10-eleveurs-de-diema.html">Les éleveurs de Diéma</a></li></ul>
<b>Articles similaires</b><ul><li><a href="2025-06-12-pont-de-bafoulabe.html">Le pont de Bafoulabé</a></li></ul></div>
<div id="commentaires"><b>Vos commentaires</b>
{comments}
</div>
"""
    page = head(f"{a['title']} - {BRAND}", meta_charset) + top() + body
    if truncate:
        # the server dropped the connection here: the page stops in the middle of the sidebar markup
        return page + '<div id="lateral"><b>Les plus lus</b><ul><li><a href="2025-06-17-maraichers-du'
    return page + rest + bottom()


def prive(path, title, src, A):
    a = A[src]
    return head(f"{title} - {BRAND}", "utf-8") + top("../" * path.count("/", 1)) + f"""<div id="contenu">
<h1>{e(title)}</h1>
<p class="signature"><i>Par la rédaction</i><br><font size="2">Samedi 21 juin 2025</font></p>
<p><b>DOCUMENT INTERNE – NE PAS PUBLIER</b></p>
{paras_html(a["paras"], "")}
</div>
""" + bottom("../" * path.count("/", 1))


def listing(title, keys, A):
    items = "\n".join(f'<li><a href="../articles/{POSTS[k].rsplit("/", 1)[1]}"><b>{e(A[k]["title"])}</b></a><br><font size="2">{A[k]["datestr"]} – {e(excerpt(A[k], 18))}</font></li>' for k in keys)
    return head(f"{title} - {BRAND}", "utf-8") + top() + f"""<div id="contenu"><h1>{e(title)}</h1>
<ul>
{items}
</ul></div>
""" + bottom()


def home(A):
    items = "\n".join(f'<li><a href="articles/{POSTS[k].rsplit("/", 1)[1]}"><b>{e(A[k]["title"])}</b></a> <font size="2">({A[k]["datestr"]})</font></li>' for k in ("L1", "L3", "L2"))
    return head(f"{BRAND} – Accueil", "utf-8") + top("") + f"""<div id="contenu">
<table width="100%" border="0"><tr><td valign="top">
<h2>Les dernières nouvelles</h2>
<ul>
{items}
</ul>
</td><td valign="top" width="220">
<b>Espace rédaction</b>
<ul><li><a href="prive/brouillon-remaniement.html">Brouillon : remaniement</a></li><li><a href="prive/notes/rapport-interne-juin-2025.html">Rapport interne de juin</a></li></ul>
<b>Liens utiles</b>
<ul><li><a href="archives/">Nos archives depuis 1998</a></li><li><a href="rubriques/culture.html">Culture</a></li></ul>
</td></tr></table>
</div>
""" + bottom("")


def build(out: Path, A, C):
    f = out / "files"
    write(f / "robots.txt", "# robots.txt de L'Aurore de Kayes\nUser-agent: *\nDisallow: /prive/\nDisallow: /cgi-bin/\n")
    write(f / "index.html", home(A))
    write(f / POSTS["L1"].lstrip("/"), article("L1", A, C, None))
    write(f / POSTS["L2"].lstrip("/"), article("L2", A, C, "windows-1252"))
    write(f / POSTS["L3"].lstrip("/"), article("L3", A, C, "utf-8", truncate=True))
    write(f / "rubriques" / "societe.html", listing("Société", ["L1", "L3"], A))
    write(f / "rubriques" / "economie.html", listing("Économie", ["L2"], A))
    write(f / "rubriques" / "culture.html", listing("Culture", [], A))
    write(f / "style.css", "body { font-family: Verdana, sans-serif; }\n")
    for path, (title, src) in PRIVE.items():
        write(f / path.lstrip("/"), prive(path, title, src, A))
