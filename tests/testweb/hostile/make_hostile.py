"""Write the hostile test web (six sites: markup, http, traps, robots, loops, echoes) and its expected.json files.

Run `python tests/testweb/hostile/make_hostile.py` after editing; the output is committed.
Huge bodies (50 MB page, gzip bombs, 100k links) are NOT written here: `add_runtime_files(root)`
creates them in a temporary copy at test time (tests/test_hostile.py).
"""
from __future__ import annotations

import codecs
import gzip
import json
import re
import random
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PARAS = (
    "À Ségou, les producteurs de riz de l'Office du Niger ont entamé la préparation des parcelles avant l'hivernage, "
    "malgré le retard des engrais promis par l'État.",
    "Selon le directeur régional de l'agriculture, près de cent vingt mille hectares seront aménagés cette saison, "
    "soit une hausse de huit pour cent par rapport à l'année dernière.",
    "« Nous avons besoin de semences de qualité et d'un accès au crédit », explique Aminata Traoré, présidente "
    "d'une coopérative de femmes rurales à Niono, où l'eau arrive enfin dans les canaux secondaires.",
    "Les éleveurs, eux, s'inquiètent du prix de l'aliment bétail qui a presque doublé en deux ans, "
    "ce qui pèse lourdement sur les ménages les plus vulnérables du cercle.",
    "Le gouverneur a promis une rencontre avec les partenaires techniques et financiers avant la fin du mois "
    "pour discuter du financement des aménagements hydro-agricoles et de l'entretien des digues.",
)


def article(title: str, day: str, slug: str, key: str, extra_head: str = "", body_prefix: str = "",
            jsonld: str | None = None, relative: bool = False, repeat: int = 1) -> str:
    """A genuine French news article page; `key` is a unique word so each text is distinct
    (`repeat`: the five paragraphs that many times, for a longer article)."""
    base = "" if relative else "{BASE}"
    paras = "\n".join(f"<p>{p} (Réf. {key}-{i}.)</p>" for i, p in enumerate(PARAS * repeat))
    ld = jsonld if jsonld is not None else json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
         "datePublished": f"{day}T09:30:00+00:00", "author": {"@type": "Person", "name": "Moussa Keïta"}},
        ensure_ascii=False)
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">{extra_head}<title>{title} – Le Hostile</title>'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{day}T09:30:00+00:00">'
            f'<link rel="canonical" href="{base}/{day.replace("-", "/")}/{slug}/">'
            f'<script type="application/ld+json">{ld}</script></head>\n'
            f'<body class="single single-post"><nav><a href="{base}/">Accueil</a> <a href="{base}/contact/">Contact</a></nav>'
            f'<article>{body_prefix}<h1>{title}</h1><p class="byline">Par Moussa Keïta, le {day}</p>\n{paras}\n</article>'
            f'<footer><p>© 2025 Le Hostile. Tous droits réservés.</p></footer></body></html>\n')


def case(key: str, path: str, outcome: str, what: str, title: str | None = None, snippet: str | None = None,
         published: str | None = None) -> dict:
    """One hostile case for expected.json; `outcome` names the counter it must land in
    (`published`: the day the archived row must carry, when the case is about dates)."""
    d = {"key": key, "path": path, "outcome": outcome, "what": what}
    if title:
        d.update(title=title, text_contains=[snippet or f"Réf. {key}-0."])
    if published:
        d["published"] = published
    return d


def case_day(number: int, month: int) -> str:
    """The publication day of case number `number` of a site whose cases start in `month` (2025):
    the day of the month is the case number, running on into the next month."""
    days = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    while number > days[month]:
        number, month = number - days[month], month + 1
    return f"2025-{month:02d}-{number:02d}"


def write_site(name: str, pages: dict[str, str | bytes], routes: str, cases: list[dict], doc: str) -> None:
    """Write one site: files/, routes.toml, expected.json and SITE.md."""
    root = HERE / name
    shutil.rmtree(root, ignore_errors=True)
    for path, content in pages.items():
        target = root / "files" / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (root / "routes.toml").write_text(routes, encoding="utf-8")
    (root / "expected.json").write_text(json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    table = "\n".join(f"| {c['key']} | `{c['path']}` | {c['outcome']} | {c['what']} |" for c in cases)
    (root / "SITE.md").write_text(f"# {name} — hostile cases\n\n{doc}\n\n| case | path | outcome | what |\n|---|---|---|---|\n"
                                  f"{table}\n", encoding="utf-8")


def homepage(links: list[str], extra: str = "") -> str:
    """A listing page linking every path."""
    items = "".join(f'<li><a href="{{BASE}}{p}">{p}</a></li>' for p in links)
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le Hostile</title>'
            f'<meta property="og:type" content="website"></head><body><h1>À la une</h1><ul>{items}</ul>{extra}</body></html>')


def markup_site() -> None:
    """Genuine articles behind broken markup and lying encodings: all must be archived, cleanly."""
    cases, pages, routes = [], {}, ["# markup: every article is genuine; only its bytes are hostile"]
    unlisted: set[str] = set()  # cases the homepage must not link (reached another way)

    def add(key: str, slug: str, outcome: str, what: str, html: str | bytes, route: str = "", title: str = "",
            published: str | None = None, snippet: str | None = None) -> None:
        path = f"/{case_day(int(key[1:]), 6).replace('-', '/')}/{slug}/"
        pages[path] = html
        if route:
            routes.append(f'[routes."{path}"]\n{route}')
        cases.append(case(key, path, outcome, what, title or None, snippet, published=published))

    def art(key: str, slug: str, title: str, **kw: Any) -> str:
        return article(title, case_day(int(key[1:]), 6), slug, key, **kw)

    t = "Ségou : les riziculteurs préparent l'hivernage malgré le retard des engrais"
    full = art("M1", "article-tronque-en-plein-paragraphe", t)
    cut = full.encode().index("(Réf. M1-3".encode())
    add("M1", "article-tronque-en-plein-paragraphe", "article", "body cut mid-paragraph, no closing tags", full,
        f"body_bytes = {cut}", t)
    t2 = "Bamako : des balises mal imbriquées n'empêchent pas la lecture"
    broken = art("M2", "balises-mal-imbriquees-partout-ici", t2).replace("<p>", "<p><span><b><div>", 3).replace(
        "</article>", "</span></i></div></td></article></table>")
    add("M2", "balises-mal-imbriquees-partout-ici", "article", "unclosed/misnested tags, stray end tags", broken, title=t2)
    t3 = "Kayes : des octets invalides au milieu d'un texte en UTF-8"
    raw = art("M3", "octets-utf8-invalides-dans-le-texte", t3, relative=True).encode("utf-8")
    raw = raw.replace("hectares".encode(), b"hect\xff\xfeares", 1).replace("crédit".encode(), b"cr\xe9dit", 1)
    add("M3", "octets-utf8-invalides-dans-le-texte", "article", "invalid UTF-8 bytes in a UTF-8 page", raw,
        'file = "/raw/m3.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8" }', t3)
    pages["/raw/m3.bin"] = raw
    for key, slug, title, route, what in (
        ("M4", "declare-utf8-mais-encode-cp1252", "Mopti : une page déclarée UTF-8 mais encodée en cp1252",
         'encoding = "cp1252"\nheaders = { "Content-Type" = "text/html; charset=utf-8" }', "says UTF-8 (header and meta), bytes are cp1252"),
        ("M5", "declare-latin1-mais-encode-utf8", "Gao : une page déclarée latin-1 mais écrite en UTF-8",
         'headers = { "Content-Type" = "text/html; charset=iso-8859-1" }', "says ISO-8859-1, bytes are UTF-8"),
        ("M6", "sans-aucune-declaration-de-charset", "Sikasso : aucune déclaration de jeu de caractères",
         'encoding = "cp1252"\nheaders = { "Content-Type" = "text/html" }', "cp1252 bytes, no charset anywhere"),
        ("M10", "page-declaree-utf16-sans-bom", "Tombouctou : une page déclarée UTF-16 sans BOM",
         'headers = { "Content-Type" = "text/html; charset=utf-16" }', "says UTF-16 without BOM, bytes are UTF-8"),
    ):
        html = art(key, slug, title)
        if key == "M6":
            html = html.replace('<meta charset="utf-8">', "")
        add(key, slug, "article", what, html, route, title)
    t7 = "Koulikoro : des octets nuls glissés dans le code HTML"
    nul = art("M7", "octets-nuls-au-milieu-du-html", t7, relative=True).encode().replace(b"<nav>", b"\x00\x00<nav>\x00")
    pages["/raw/m7.bin"] = nul.replace(b"</p>", b"\x00</p>", 2)
    add("M7", "octets-nuls-au-milieu-du-html", "article", "NUL bytes inside the HTML", nul,
        'file = "/raw/m7.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8" }', t7)
    t8 = "Kidal : des caractères de contrôle dans le titre"
    add("M8", "caracteres-de-controle-dans-le-titre", "article", "control characters (\\x0b \\x1b \\x07) in title and text",
        art("M8", "caracteres-de-controle-dans-le-titre", t8).replace("<h1>Kidal :", "<h1>\x0bKidal\x1b :").replace(
            "Selon le", "Selon\x07 le"), title=t8)
    t9 = "Ménaka : un JSON-LD cassé et un script piégé"
    add("M9", "json-ld-casse-et-script-piege", "article", "invalid JSON-LD; a script full of '</p><p>' strings",
        art("M9", "json-ld-casse-et-script-piege", t9, jsonld='{"@type": "NewsArticle", "headline": "Ménaka",,, ',
            extra_head='<script>var s = "</p><p>FAUX PARAGRAPHE</p>"; document.write(s);</script>'), title=t9)
    t11 = "Nioro : un article enfoui sous cinq mille div imbriqués"
    add("M11", "imbrication-profonde-de-div", "article", "article inside 5,000 unclosed nested <div> (libxml2 stopped at 256 levels)",
        art("M11", "imbrication-profonde-de-div", t11, body_prefix="<div>" * 5000), title=t11)
    t12 = "Diré : un titre démesuré " + "très " * 2000
    add("M12", "titre-gigantesque-de-dix-mille-caracteres", "article", "a 10,000-character <title>/<h1> (archived, the title shortened)",
        art("M12", "titre-gigantesque-de-dix-mille-caracteres", t12), title="Diré : un titre démesuré " + "très " * 53 + "très …")
    t13 = "Ségou : un JSON-LD qui échappe des moitiés d'emoji"
    ld13 = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "%s \\ud83d", '
            '"datePublished": "2025-06-13T09:30:00+00:00", "author": {"@type": "Person", "name": "Moussa \\udc00Keïta"}}' % t13)
    add("M13", "json-ld-avec-surrogats-isoles", "article", "JSON-LD escapes lone UTF-16 surrogates (\\ud83d) in headline and author",
        art("M13", "json-ld-avec-surrogats-isoles", t13, jsonld=ld13), title=t13)
    t14 = "Bamako : un titre truffé de caractères invisibles"
    sneaky = "Bamako\u200b : un titre \u202etruffé\u202c de caractères\u2066 invisibles\u2069"
    add("M14", "titre-avec-controles-bidi-invisibles", "article", "bidi overrides and zero-width characters in title, h1 and byline",
        art("M14", "titre-avec-controles-bidi-invisibles", t14).replace(t14, sneaky).replace("Moussa Keïta", "Moussa\u200b Keïta\u202e"),
        title=t14)
    t15 = "Kati : des métadonnées démesurées dans l'en-tête"
    huge = ('<meta name="author" content="%s"><meta name="description" content="%s">'
            '<meta property="article:section" content="%s">' % ("Auteur " * 30000, "Résumé long. " * 8000, "Rubrique " * 500))
    add("M15", "metadonnees-demesurees-dans-l-en-tete", "article", "200 KB author meta, 100 KB description, 4 KB section",
        art("M15", "metadonnees-demesurees-dans-l-en-tete", t15, extra_head=huge,
            jsonld='{"@type": "NewsArticle", "datePublished": "2025-06-15T09:30:00+00:00"}'), title=t15)
    t16 = "Sikasso : une URL canonique illisible et des liens piégés"
    trap_links = ('<link rel="canonical" href="http://[::1"><meta property="og:image" content="javascript:alert(1)">'
                  '<meta property="og:url" content="http://[fe80::1%25eth0">')
    add("M16", "url-canonique-illisible-et-liens-pieges", "article",
        "canonical http://[::1, og:image javascript:, links to http://[::1/x and http://[zz]/ in the body",
        art("M16", "url-canonique-illisible-et-liens-pieges", t16, extra_head=trap_links,
            body_prefix='<p><a href="http://[::1/x">lien</a> <a href="http://[zz]/">lien</a> <a href="//[::1">lien</a></p>'
            ).replace('<link rel="canonical" href="{BASE}/2025/06/16/url-canonique-illisible-et-liens-pieges/">', ""),
        title=t16)
    t17 = "Koutiala : une date de publication au 1er janvier 1970"
    ld17 = json.dumps({"@type": "NewsArticle", "headline": t17, "datePublished": "1970-01-01T00:00:00+00:00",
                       "dateModified": "0001-01-01T00:00:00Z"}, ensure_ascii=False)
    add("M17", "date-de-publication-epoch-1970", "article", "published 1970-01-01 (epoch) in meta and JSON-LD, modified year 1",
        art("M17", "date-de-publication-epoch-1970", t17, jsonld=ld17).replace(
            'content="2025-06-17T09:30:00+00:00"', 'content="1970-01-01T00:00:00+00:00"'), title=t17)
    t18 = "Bougouni : un CMS qui échappe deux fois son propre HTML"
    html18 = art("M18", "html-echappe-deux-fois-par-le-cms", t18)
    head18, body18 = html18.split("<article>", 1)
    body18, tail18 = body18.split("</article>", 1)
    body18 = body18.replace("<p>", "&lt;p&gt;").replace("</p>", "&lt;/p&gt;")
    add("M18", "html-echappe-deux-fois-par-le-cms", "article", "paragraph tags escaped twice (&amp;lt;p&amp;gt; shown as text)",
        f"{head18}<article>{body18}</article>{tail18}", title=t18)
    t19 = "Ségou : les résultats du scrutin, cercle par cercle"
    rng19 = random.Random(19)
    table19 = "<table>" + "".join(
        f"<tr><td>Bureau {i}</td><td>{rng19.randint(100, 9999)}</td><td>{rng19.randint(100, 9999)}</td>"
        f"<td>{rng19.randint(10, 99)},{rng19.randint(0, 9)} %</td></tr>" for i in range(150)) + "</table>"
    add("M19", "resultats-du-scrutin-en-tableau", "article",
        "a table of 150 rows of figures before the prose (an election-results article: not noise)",
        art("M19", "resultats-du-scrutin-en-tableau", t19).replace("</h1>", "</h1>" + table19, 1), title=t19)
    markup_more(add, art, pages, routes, unlisted)
    pages["/"] = homepage([c["path"] for c in cases if c["key"] not in unlisted], SESSION_LINKS)
    pages["/robots.txt"] = "User-agent: *\nDisallow: /raw/\n"
    write_site("markup", pages, "\n\n".join(routes) + "\n", cases,
               f"{len(cases)} cases, nearly all genuine articles whose bytes, metadata or shape are hostile (the outcome column says which are not). `/raw/*.bin` hold non-UTF-8 bytes "
               "served under the article URLs (robots.txt keeps the crawler out of `/raw/` itself). M25 is linked only "
               "by M24's tab-and-newline-laden link; the homepage links M30 only with session ids.")


SESSION_SLUG = "article-derriere-des-identifiants-de-session"
SESSION_PATH = f"/{case_day(30, 6).replace('-', '/')}/{SESSION_SLUG}/"
SESSION_LINKS = (f'<p><a href="{SESSION_PATH}?PHPSESSID=a1b2c3">Session 1</a> '
                 f'<a href="{SESSION_PATH};jsessionid=E5F6A7">Session 2</a> <a href="/?PHPSESSID=a1b2c3">Une</a></p>')


def markup_more(add: Any, art: Any, pages: dict[str, str | bytes], routes: list[str], unlisted: set[str]) -> None:
    """Cases M20-M32: BOMs against the labels, XHTML, impossible dates, <base> and href traps,
    <noscript> bodies, a stray </html>, 2,000 JSON-LD blocks, session ids, HTML sent as text/plain,
    XHTML with a long prolog; M33-M35: articles nested past libxml2's depth limit; M36-M37: frames; M38: no title; M39-M40: mojibake; M41-M42: a title or comment never closed;
    M43-M44: a JavaScript redirect; M45-M46: strings that made regular expressions quadratic;
    M47-M48: element floods that made trafilatura's `//X//Y` XPaths quadratic; M49: a dated address
    whose page is nothing but links; M50-M51: labels of codecs no browser decodes a page with;
    M52-M53: a stylesheet and a script never closed."""
    t = "Bamako : une page en UTF-16 avec BOM que l'en-tête dit UTF-8"
    html = art("M20", "utf16-avec-bom-annonce-utf8", t, relative=True).replace('<meta charset="utf-8">', '<meta charset="utf-16">')
    pages["/raw/m20.bin"] = codecs.BOM_UTF16_LE + html.encode("utf-16-le")
    add("M20", "utf16-avec-bom-annonce-utf8", "article", "UTF-16 LE with a BOM; the header says UTF-8", html,
        'file = "/raw/m20.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8" }', t)
    t = "Gao : un BOM UTF-8 contre un en-tête KOI8-R et un meta latin-1"
    html = art("M21", "bom-utf8-contre-des-etiquettes-fausses", t, relative=True).replace(
        '<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    pages["/raw/m21.bin"] = codecs.BOM_UTF8 + html.encode("utf-8")
    add("M21", "bom-utf8-contre-des-etiquettes-fausses", "article", "a UTF-8 BOM; header says KOI8-R, <meta> ISO-8859-1 (the BOM wins)",
        html, 'file = "/raw/m21.bin"\nheaders = { "Content-Type" = "text/html; charset=koi8-r" }', t)
    t = "Sikasso : une page XHTML servie en application/xhtml+xml"
    html = art("M22", "xhtml-servi-en-application-xml", t).replace(
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">',
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" '
        'lang="fr"><head><meta http-equiv="Content-Type" content="application/xhtml+xml; charset=utf-8" />')
    add("M22", "xhtml-servi-en-application-xml", "article", "XHTML with an XML prolog, served as application/xhtml+xml", html,
        'headers = { "Content-Type" = "application/xhtml+xml; charset=utf-8" }', t)
    t = "Ségou : une date en 2099 et une autre au 45 du 13e mois"
    ld = json.dumps({"@type": "NewsArticle", "headline": t, "datePublished": "2099-01-01T00:00:00Z",
                     "dateModified": "2025-13-45T10:00:00Z"}, ensure_ascii=False)
    aside = "<aside><h3>À lire aussi</h3><ul>" + "".join(
        f"<li>{1 + i % 28}/{1 + i % 12}/20{12 + i % 12} – Un autre article, numéro {i}</li>" for i in range(40)) + "</ul></aside>"
    day = case_day(23, 6)
    add("M23", "date-future-et-date-impossible", "article",
        "datePublished 2099 (JSON-LD), 2025-13-45 (meta), 40 other dates in a sidebar",
        art("M23", "date-future-et-date-impossible", t, jsonld=ld).replace(
            f'content="{day}T09:30:00+00:00"', 'content="2025-13-45T09:30:00+00:00"').replace("<footer>", aside + "<footer>"),
        title=t, published=day)
    linked = f"/{case_day(25, 6).replace('-', '/')}/article-lie-par-un-lien-plein-de-tabulations/"
    t = "Kati : une balise base en javascript et des liens tabulés"
    tabbed = linked.replace("article-lie", "article-\tlie").replace("/2025/06/", "/2025/\n06/") + "\r\n"
    add("M24", "base-javascript-et-liens-tabules", "article",
        '<base href="javascript:…">; an href with tabs, newlines and spaces inside (links M25)',
        art("M24", "base-javascript-et-liens-tabules", t, relative=True, extra_head='<base href="javascript:alert(1)//">',
            body_prefix=f'<p>À lire : <a href=" \t{tabbed} ">un article lié</a></p>'), title=t)
    t = "Nara : un article seulement lié par un lien tabulé"
    add("M25", "article-lie-par-un-lien-plein-de-tabulations", "article", "reached only through M24's tab-laden href",
        art("M25", "article-lie-par-un-lien-plein-de-tabulations", t), title=t)
    unlisted.add("M25")
    t = "Kita : une balise base qui pointe hors du site"
    add("M26", "base-qui-pointe-hors-du-site", "article", '<base href="https://ailleurs.example/">: relative links and canonical go off-site',
        art("M26", "base-qui-pointe-hors-du-site", t, relative=True, extra_head='<base href="https://ailleurs.example/">'), title=t)
    t = "Kidal : un article qui n'existe que dans noscript"
    head, rest = art("M27", "article-seulement-dans-noscript", t).split("<article>", 1)
    body, tail = rest.split("</article>", 1)
    add("M27", "article-seulement-dans-noscript", "article", "the body only inside <noscript> (a JavaScript app shell)",
        f'{head}<div id="app"></div><noscript><article>{body}</article></noscript>{tail}', title=t)
    t = "Koulikoro : un article après une fin de page parasite"
    add("M28", "article-apres-une-fin-de-page-parasite", "article",
        "an ad template's </body></html> before the article (libxml2 stopped reading there)",
        art("M28", "article-apres-une-fin-de-page-parasite", t).replace(
            "<article>", '<div class="pub">Publicité</div></body></html>\n<article>'), title=t)
    t = "Tombouctou : deux mille blocs JSON-LD dans l'en-tête"
    blocks = "".join(f'<script type="application/ld+json">{{"@type": "BreadcrumbList", "position": {i}, "name": "Miette {i}"}}</script>'
                     for i in range(2000))
    add("M29", "deux-mille-blocs-json-ld", "article", "2,000 JSON-LD blocks before the article's own",
        art("M29", "deux-mille-blocs-json-ld", t, extra_head=blocks), title=t)
    t = "San : un article derrière des identifiants de session"
    add("M30", SESSION_SLUG, "article",
        "linked with ?PHPSESSID= and ;jsessionid=, no canonical, links itself and the homepage with a new session id",
        art("M30", SESSION_SLUG, t).replace(f'<link rel="canonical" href="{{BASE}}{SESSION_PATH}">', "").replace(
            '<a href="{BASE}/contact/">Contact</a>', f'<a href="{SESSION_PATH}?PHPSESSID=d4e5f6">Moi</a> '
            '<a href="/?PHPSESSID=d4e5f6">Une</a>'), title=t)
    routes.append(f'[routes."{SESSION_PATH};jsessionid=E5F6A7"]\nfile = "{SESSION_PATH}index.html"')  # as a Java server would
    unlisted.add("M30")
    t = "Niono : un article servi en text/plain"
    add("M31", "article-servi-en-texte-brut", "either", "an HTML article served as text/plain",
        art("M31", "article-servi-en-texte-brut", t), 'headers = { "Content-Type" = "text/plain; charset=utf-8" }', t)
    t = "Bougouni : une page XHTML au long prologue"
    prolog = ('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="/style.css"?>\n'
              '<!-- ' + "Généré par un vieux CMS. " * 60 + '-->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" '
              'lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />')
    add("M32", "xhtml-au-long-prologue", "article",
        "XHTML whose XML declaration, stylesheet instruction and 1.5 KB comment push <html> past byte 512 (taken for a feed)",
        art("M32", "xhtml-au-long-prologue", t).replace('<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">', prolog),
        title=t)
    t = "Banamba : un article dans trois cents div imbriqués"
    add("M33", "article-dans-trois-cents-div", "article", "the article inside 300 nested, closed <div> (past libxml2's 256 levels)",
        art("M33", "article-dans-trois-cents-div", t).replace("<article>", '<div class="wrap">' * 300 + "<article>").replace(
            "</article>", "</article>" + "</div>" * 300), title=t)
    t = "Dioïla : trois mille balises font jamais fermées"
    add("M34", "trois-mille-balises-font", "article", "3,000 unclosed <font> tags before the article, as an old CMS wrote them",
        art("M34", "trois-mille-balises-font", t, body_prefix='<font face="Verdana" size="2">' * 3000), title=t)
    t = "Yélimané : un article au fond de mille tableaux imbriqués"
    add("M35", "article-au-fond-de-mille-tableaux", "article", "the article inside 1,000 nested layout tables",
        art("M35", "article-au-fond-de-mille-tableaux", t).replace(
            "<article>", '<table width="100%"><tr><td valign="top">' * 1000 + "<article>").replace(
            "</article>", "</article>" + "</td></tr></table>" * 1000), title=t)
    framed = f"/{case_day(37, 6).replace('-', '/')}/contenu-d-une-page-en-cadres/"
    t = "Kolokani : une page en cadres"
    add("M36", "page-en-cadres", "none", "a <frameset> whose content frame (M37) is linked nowhere else",
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">\n<html><head><title>{t}</title></head>'
        f'<frameset rows="90,*"><frame src="/bandeau.html" name="haut"><frame src="{framed}" name="contenu">'
        "<noframes><body><p>Votre navigateur ne lit pas les cadres.</p></body></noframes></frameset></html>\n")
    t = "Kolokani : l'article d'une page en cadres"
    add("M37", "contenu-d-une-page-en-cadres", "article", "reached only as M36's content frame",
        art("M37", "contenu-d-une-page-en-cadres", t), title=t)
    unlisted.add("M37")
    t = "Kita : un article sans aucun titre"
    html = art("M38", "article-sans-aucun-titre", t, jsonld=json.dumps(
        {"@type": "NewsArticle", "datePublished": f"{case_day(38, 6)}T09:30:00+00:00"}))
    html = html.replace(f"<title>{t} – Le Hostile</title>", "").replace(f"<h1>{t}</h1>", "")
    add("M38", "article-sans-aucun-titre", "article", "no <title>, <h1>, og:title nor headline: the first line stands in", html,
        title="À Ségou, les producteurs de riz de l'Office du Niger ont entamé la préparation des parcelles avant "
              "l'hivernage, malgré le retard des engrais promis …")
    t = "Sévaré : un article que le CMS a encodé deux fois"
    twice = art("M39", "article-encode-deux-fois", t)
    head, body = twice.split("<body", 1)
    add("M39", "article-encode-deux-fois", "article",
        "the body's UTF-8 read as cp1252 and stored again as UTF-8 by the CMS ('SÃ©varÃ©'): repaired",
        head + "<body" + body.encode("utf-8").decode("cp1252", "replace").replace("\ufffd", "?"), title=t)
    t = "Koutiala : seul le titre est passé deux fois par l'encodeur"
    add("M40", "titre-encode-deux-fois", "article", "title, <h1>, JSON-LD headline and byline double-encoded, text clean",
        art("M40", "titre-encode-deux-fois", t).replace(t, t.encode("utf-8").decode("cp1252")).replace(
            "Moussa Keïta", "Moussa KeÃ¯ta"), title=t)
    t = "Bla : une balise de titre mal fermée"
    add("M41", "balise-de-titre-mal-fermee", "article", "'</ title>' (a space): the title ran to the end of the page",
        art("M41", "balise-de-titre-mal-fermee", t).replace(" – Le Hostile</title>", " – Le Hostile</ title>"), title=t)
    t = "Macina : un commentaire jamais refermé"
    add("M42", "commentaire-jamais-referme", "article", "'<!-- pub' never closed before the article: the rest was a comment",
        art("M42", "commentaire-jamais-referme", t).replace("<article>", "<!-- bloc publicitaire <article>"), title=t)
    moved = f"/{case_day(44, 6).replace('-', '/')}/article-demenage-par-un-script/"
    add("M43", "ancienne-adresse-redirigee-en-javascript", "none",
        "an old address that only moves on by script: window.location.href to M44, linked nowhere else",
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Redirection</title>"
        f"<script>window.location.href = \"{moved}\";</script></head><body><p>Redirection…</p></body></html>\n")
    t = "Kolondiéba : un article déménagé par un script"
    add("M44", "article-demenage-par-un-script", "article", "reached only through M43's JavaScript redirect",
        art("M44", "article-demenage-par-un-script", t), title=t)
    unlisted.add("M44")
    t = "Yanfolila : un article signé d'une ligne de mille capitales"
    page = art("M45", "derniere-ligne-de-mille-capitales", t)
    at = page.rindex("</p>\n</article>")
    add("M45", "derniere-ligne-de-mille-capitales", "article",
        "the article ends on one 'word' of 1,000 capitals and a '!' (the credit scan's name-line regex took hours)",
        page[:at] + "</p><p>" + "MALI" * 250 + "!" + page[at:], title=t)
    t = "Kadiolo : des métadonnées hérissées de chevrons"
    add("M46", "metadonnees-herissees-de-chevrons", "article",
        "100,000 '<' in an author <meta> and in a date <meta> (trafilatura's tag stripper: quadratic)",
        art("M46", "metadonnees-herissees-de-chevrons", t, extra_head=f'<meta name="author" content="{"<" * 100_000}">'
            f'<meta name="date" content="{"<" * 100_000}">'), title=t)
    t = "Koutiala : un nuage de trente mille mots-clés"
    cloud = "".join(f'<div class="tags"><a href="#mot-{i}">mot {i}</a></div>' for i in range(30_000))
    add("M47", "nuage-de-trente-mille-mots-cles", "article",
        "a tag cloud of 30,000 <div class=\"tags\"><a href> after the article (1.6 MB; trafilatura's tag-link search took 53 s)",
        art("M47", "nuage-de-trente-mille-mots-cles", t).replace("</article>", "</article>" + cloud), title=t)
    t = "Bla : deux cent mille paragraphes vides"
    add("M48", "deux-cent-mille-paragraphes-vides", "article",
        "200,000 one-character paragraphs after the article (1.6 MB; trafilatura's '//p//text()' took 184 s, past the 120 s extraction timeout)",
        art("M48", "deux-cent-mille-paragraphes-vides", t).replace("</article>", "</article>" + "<p>.</p>" * 200_000), title=t)
    links = "".join(f'<li><a href="/">Dossier {i}</a></li>\n' for i in range(5000))
    add("M49", "cinq-mille-liens-a-deux-mots", "dropped",
        "a dated article address whose page is a list of 5,000 two-word links and nothing else (was archived as an article)",
        f"<!DOCTYPE html><html><head><title>Dossiers</title></head><body><ul>{links}</ul></body></html>")
    t = "Ménaka : une page en UTF-8 étiquetée UTF-7"
    add("M50", "page-utf8-etiquetee-utf7", "article",
        "UTF-8 bytes labelled UTF-7 by the header and the <meta> (a codec Python knows and browsers refuse: "
        "the accents were lost and the page dropped as too short)",
        art("M50", "page-utf8-etiquetee-utf7", t).replace('<meta charset="utf-8">', '<meta charset="utf-7">'),
        'headers = { "Content-Type" = "text/html; charset=utf-7" }', t)
    t = "Douentza : une page en UTF-8 étiquetée EBCDIC"
    add("M51", "page-utf8-etiquetee-ebcdic", "article",
        "UTF-8 bytes labelled cp500 (EBCDIC) by the header and unicode-escape by the <meta>",
        art("M51", "page-utf8-etiquetee-ebcdic", t).replace('<meta charset="utf-8">', '<meta charset="unicode-escape">'),
        'headers = { "Content-Type" = "text/html; charset=cp500" }', t)
    t = "Bandiagara : une feuille de style coupée en plein milieu"
    add("M52", "feuille-de-style-coupee", "article",
        "a <style> in the head cut short, never closed: the page became the stylesheet's text",
        art("M52", "feuille-de-style-coupee", t, extra_head="<style>.une { font-weight: bold; }\n.pub { display"), title=t)
    t = "Tessalit : un script de mesure d'audience jamais fermé"
    add("M53", "script-d-audience-jamais-ferme", "article",
        "a <script> in the head cut short, never closed: the page became the script's text",
        art("M53", "script-d-audience-jamais-ferme", t).replace(
            "</head>", "<script>window.dataLayer = window.dataLayer || [];\nif (n<2) { dataLayer.push\n</head>", 1), title=t)
    t = "Nioro : une page sans html, head ni body, qui commence par son titre"
    bare = re.sub(r"<!DOCTYPE html>\n<html[^>]*><head>|</head>\n<body[^>]*>|</body></html>", "",
                  art("M54", "page-sans-html-ni-head-ni-body", t))
    assert bare.startswith("<meta charset") and "<body" not in bare
    add("M54", "page-sans-html-ni-head-ni-body", "article",
        "no <html>, <head> or <body> tag: the page starts with its <meta>, <title> and JSON-LD (lxml read a "
        "fragment and found no document)", bare, title=t)
    t = "Koutiala : une page dont le texte n'est que dans son JSON-LD"
    day = case_day(55, 6)
    body = "".join(f"<p>{p} (Réf. M55-{i}.)</p>" for i, p in enumerate(PARAS))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t,
                     "datePublished": f"{day}T09:30:00+00:00", "articleBody": body}, ensure_ascii=False)
    scripted = re.sub(r"<article>.*</article>", '<div id="app"><p>Chargement…</p></div><script src="/app.js"></script>',
                      art("M55", "texte-seulement-dans-le-json-ld", t, jsonld=ld), flags=re.S)
    assert "Réf. M55-0." not in scripted.split("</head>")[1]
    add("M55", "texte-seulement-dans-le-json-ld", "article",
        "a page rendered by script: its body says 'Chargement…', its text (as HTML) is only in JSON-LD articleBody: "
        "archived as its paragraphs (trafilatura's own fallback ran them together)",
        scripted, title=t, snippet="(Réf. M55-0.)\nSelon le directeur")
    t = "Gao : un texte collé depuis un traitement de texte"
    pasted = art("M56", "texte-colle-depuis-un-traitement-de-texte", t)
    pasted = pasted.replace("l'Office du Niger", "l'Office&#11;du Niger&#x0C;", 1).replace("engrais promis", "engrais&#1;promis", 1)
    pasted = pasted.replace("près de cent", "près de&#xFFFE; cent", 1).replace("éleveurs, eux,", "éleveurs,&#x1F; eux,", 1)
    add("M56", "texte-colle-depuis-un-traitement-de-texte", "article",
        "references to characters XML forbids in the paragraphs (&#11;, Word's vertical tab; &#1;, &#x1F;, &#xFFFE;): "
        "libxml2 put them in the tree and trafilatura's copy refused them (the article was lost as too short)",
        pasted, title=t)
    t = "Ménaka : des caractères de contrôle échappés dans le JSON-LD"
    day = case_day(57, 6)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.replace("des ", "des\x01 ", 1),
                     "description": "Contrôle\x0b échappé\x85", "datePublished": f"{day}T09:30:00+00:00",
                     "author": {"@type": "Person", "name": "Moussa\x0bKeïta"}})
    assert "\\u0001" in ld and "\\u000b" in ld
    add("M57", "controles-echappes-dans-le-json-ld", "article",
        "C0 and C1 control characters escaped in the JSON-LD headline, description and author (\\u0001, \\u000b, \\u0085): "
        "archived in the title and description", art("M57", "controles-echappes-dans-le-json-ld", t, jsonld=ld), title=t)
    t = "Bougouni : un site piraté glisse des liens cachés dans l'article"
    spam = "casino en ligne bonus gratuit paris sportifs " * 6
    hacked = art("M60", "liens-caches-par-un-site-pirate", t).replace("</article>", (
        f'<p hidden>{spam}<a href="https://casino.example/">casino</a></p>'
        f'<div style="position:absolute; left:-9999px"><p>{spam}</p></div>'
        f'<p style="font-size:0">{spam}</p></article>'))
    add("M60", "liens-caches-par-un-site-pirate", "article",
        "spam a hacked CMS hides in the article (the `hidden` attribute, a block at left:-9999px, font-size:0): "
        "archived without it (trafilatura drops display:none, not these)", hacked, title=t)
    t = "Koulikoro : un serveur PHP mal réglé imprime ses erreurs dans la page"
    warning = ("<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent by (output started "
               "at /home/hostile/public_html/wp-content/themes/newsmag/functions.php:12) in "
               "<b>/home/hostile/public_html/wp-includes/pluggable.php</b> on line <b>1435</b><br />\n")
    uncaught = ("<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function wpb_views() in "
                "/home/hostile/public_html/wp-content/themes/newsmag/single.php:41\nStack trace:\n"
                "#0 /home/hostile/public_html/wp-includes/template-loader.php(106): include()\n#1 {main}\n"
                "  thrown in <b>/home/hostile/public_html/wp-content/themes/newsmag/single.php</b> on line <b>41</b><br />\n")
    db_error = ("<div id='error'><p class='wpdberror'><strong>WordPress database error:</strong> [Table "
                "'hostile.wp_termmeta' doesn't exist]<br /><code>SELECT term_id, meta_key, meta_value FROM wp_termmeta "
                "WHERE term_id IN (4) ORDER BY meta_id ASC</code></p></div>")
    debris = art("M61", "erreurs-php-imprimees-dans-la-page", t).replace("<article>", f"<article>{db_error}", 1)
    debris = debris.replace("</p>\n<p>Selon", f"{warning}</p>\n<p>Selon", 1).replace("</article>", f"{uncaught}</article>", 1)
    add("M61", "erreurs-php-imprimees-dans-la-page", "article",
        "PHP warnings before the doctype and in a paragraph, a PHP 7 fatal error with its stack trace after the text, "
        "a WordPress database error with its query before it: all were archived as the article's words",
        (warning * 2).replace("<br />\n", "", 1) + debris, title=t)
    t = "Nioro : un formulaire de commentaire jamais refermé avant l'article"
    add("M62", "textarea-jamais-refermee-avant-l-article", "article",
        "an unclosed <textarea> in a form before the article: '</form><article>' and '</footer></body></html>' "
        "were archived as text", art("M62", "textarea-jamais-refermee-avant-l-article", t).replace(
            "<article>", "<form action='/commenter/'><textarea name='c'></form><article>", 1), title=t)
    t = "Kolondiéba : un site des années 2000 mis en page par un tableau"
    laid_out = art("M63", "article-mis-en-page-par-un-tableau", t)
    head, rest = laid_out.split("<body", 1)
    paragraphs = re.findall(r"<p>(.*?)</p>", rest, re.S)
    laid_out = (f'{head}<body bgcolor="#ffffff"><table width="780" border="0"><tr><td width="160" valign="top">'
                '<a href="{BASE}/">Accueil</a><br><a href="{BASE}/politique/">Politique</a></td><td valign="top">'
                f'<font face="Arial" size="2"><b>{t}</b><br>Par Moussa Keïta, le {case_day(63, 6)}<br><br>'
                + "<br><br>".join(paragraphs) + "</font></td></tr></table></body></html>")
    add("M63", "article-mis-en-page-par-un-tableau", "article",
        "an article laid out in a table, as sites of the 2000s were (a menu cell, then the text in <br><br> "
        "paragraphs): trafilatura read the table as data and ran menu, headline and paragraphs into one line",
        laid_out, title=t, snippet="(Réf. M63-0.)\nSelon le directeur")
    t = "Bafoulabé : un bandeau de cookies glissé dans l'article"
    banner = ('<div class="bandeau-rgpd"><p>Nous utilisons des cookies pour vous garantir la meilleure expérience sur '
              'notre site. Si vous continuez à utiliser ce dernier, nous considérerons que vous acceptez l\'utilisation '
              'des cookies.</p><button>Accepter</button> <button>Refuser</button></div>')
    add("M64", "bandeau-de-cookies-dans-l-article", "article",
        "a cookie-consent banner without a telltale class (bandeau-rgpd) at the end of the article element: its "
        "sentence was archived as the article's last paragraph",
        art("M64", "bandeau-de-cookies-dans-l-article", t).replace("</article>", banner + "</article>", 1), title=t)
    t = "Kidal : une page en UTF-8 déclarée KOI8-R par le serveur"
    add("M58", "page-utf8-declaree-koi8-r", "article",
        "UTF-8 bytes under `charset=koi8-r` (header): read 'Sц╘gou' (only a Western label lost to valid UTF-8)",
        art("M58", "page-utf8-declaree-koi8-r", t), 'headers = { "Content-Type" = "text/html; charset=koi8-r" }', t)
    t = "Douentza : une page en cp1252 déclarée cyrillique (windows-1251)"
    add("M59", "page-cp1252-declaree-cyrillique", "article",
        "cp1252 bytes under `charset=windows-1251` (header and meta): read 'Sйgou', Cyrillic letters glued to Latin ones",
        art("M59", "page-cp1252-declaree-cyrillique", t).replace('<meta charset="utf-8">', '<meta charset="windows-1251">'),
        'encoding = "cp1252"\nheaders = { "Content-Type" = "text/html; charset=windows-1251" }', t)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    from make_hostile_net import discovery_site, echoes_site, http_site, loops_site, robots_site  # noqa: E402

    markup_site()
    http_site()
    discovery_site()
    robots_site()
    loops_site()
    echoes_site()
    print(f"wrote {HERE}/markup, http, traps, robots, loops, echoes")
