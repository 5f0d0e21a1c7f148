"""Write a synthetic French news site (WordPress-like pages, robots.txt, sitemaps) as a TestWeb site directory."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

SUBJECTS = (
    "Le gouvernement de transition", "Le ministre de l'Économie et des Finances", "La société civile",
    "Le Conseil national de Transition", "Les syndicats de l'enseignement", "La mairie du district de Bamako",
    "Le gouverneur de la région de Ségou", "Les éleveurs du cercle de Nioro", "La Banque centrale des États de l'Afrique de l'Ouest",
    "Le président de la Fédération malienne de football", "Les partenaires techniques et financiers",
    "L'Office du Niger", "La compagnie Énergie du Mali", "Les associations de femmes rurales",
    "Le procureur du pôle judiciaire spécialisé", "Les autorités de la Confédération des États du Sahel",
)
VERBS = (
    "a annoncé", "a présidé", "a dénoncé", "a salué", "a lancé", "a réaffirmé", "a validé", "a examiné",
    "a inauguré", "a appelé à", "a plaidé pour", "a adopté", "s'est félicité de", "a rejeté",
)
OBJECTS = (
    "un nouveau programme de construction de routes dans la région de Kayes",
    "la hausse du prix du carburant à la pompe", "le calendrier des examens du baccalauréat",
    "l'ouverture de la campagne agricole dans la zone Office du Niger",
    "un accord de coopération sécuritaire avec le Burkina Faso et le Niger",
    "le budget rectificatif de l'année en cours, évalué à plusieurs milliards de francs CFA",
    "les coupures d'électricité qui frappent les quartiers de la rive droite",
    "la réhabilitation du pont des Martyrs et des voies d'accès",
    "la distribution de vivres aux populations déplacées de Tombouctou",
    "le recrutement de trois mille jeunes diplômés dans la fonction publique",
    "la lutte contre la spéculation sur les denrées de première nécessité pendant le Ramadan",
    "les résultats provisoires du recensement général de la population",
)
TAILS = (
    "lors d'une cérémonie tenue ce mardi au Centre international de conférences de Bamako.",
    "en présence de nombreux notables, chefs de village et représentants des partenaires.",
    "selon un communiqué rendu public dans la soirée.", "a-t-on appris de sources concordantes.",
    "devant une salle comble, malgré la chaleur qui s'abat sur la capitale depuis plusieurs jours.",
    "avant d'inviter les uns et les autres à la retenue et au dialogue.",
    "une décision diversement appréciée par les acteurs du secteur.",
    "dans un contexte marqué par la flambée des prix et l'insécurité dans le centre du pays.",
)
QUOTES = (
    "« Nous n'avons pas d'autre choix que de travailler ensemble pour le développement du pays », a-t-il déclaré.",
    "« Les populations attendent des actes concrets et non des promesses », estime un habitant du quartier.",
    "« C'est un premier pas, mais le chemin reste long », reconnaît une responsable d'association.",
    "« La sécurité des personnes et des biens demeure notre priorité absolue », a insisté le ministre.",
)
SECTIONS = ("politique", "economie", "securite", "societe", "culture", "sport", "international", "sante")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")
AUTHORS = ("Moussa Traoré", "Aminata Diallo", "Boubacar Sidibé", "Fatoumata Coulibaly", "Issa Keïta",
           "Mariam Konaté", "Sékou Diarra", "Oumou Sangaré")


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article: its path on the site and the text a good extractor should return."""

    path: str
    title: str
    published: str
    text: str


SYLLABLES = "ba bou da di do fa fo ka ki ko kou la li lo ma mi mo na ni no sa si so ta ti to wa ya ze gou dé ré lé".split()
COMMON = ("de la le et les des à en du un une que pour dans est au par sur qui ne se plus ce avec sont été son sa "
          "ses aux leur ont elle nous ils tout mais comme entre après avant selon contre sans sous depuis cette").split()


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Common French words first, then invented ones: enough variety that articles share few word 5-grams."""
    invented = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)})
    return list(COMMON) + invented


def _clause(rng: random.Random, vocab: list[str]) -> str:
    """8-16 words, common words often, invented ones rarely (a rough Zipf)."""
    n = len(vocab)
    return " ".join(vocab[min(n - 1, int(rng.paretovariate(0.9)) - 1)] if rng.random() < 0.5 else rng.choice(vocab)
                    for _ in range(rng.randint(8, 16)))


def _paragraphs(rng: random.Random, min_chars: int, max_chars: int, vocab: list[str] | None = None) -> list[str]:
    vocab = vocab or vocabulary(random.Random(0), 2000)
    target = rng.randint(min_chars, max_chars)
    paras: list[str] = []
    total = 0
    while total < target:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            # Stock phrases stay a minority, as in real news: two unrelated articles of one outlet
            # share few word 5-grams (estimated Jaccard well under 0.1), so they are not near-duplicates.
            draw = rng.random()
            if draw < 0.04:
                sentences.append(rng.choice(QUOTES))
            elif draw < 0.2:
                tail = rng.choice(TAILS).rstrip(".")
                sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, "
                                 f"{_clause(rng, vocab)}, {tail}.")
            else:
                sentences.append(f"{_clause(rng, vocab).capitalize()}, {_clause(rng, vocab)}.")
        para = " ".join(sentences)
        paras.append(para)
        total += len(para) + 1
    return paras


def article_html(art: SyntheticArticle, section: str, author: str, related: list[tuple[str, str]]) -> str:
    """A full WordPress-like article page: header, menus, ticker, article, share bar, related, comments, footer."""
    menu = "".join(f'<li class="menu-item"><a href="{{BASE}}/category/{s}/">{s.capitalize()}</a></li>' for s in SECTIONS)
    day = datetime.fromisoformat(art.published)
    human = f"{day.day} {MONTHS_FR[day.month - 1]} {day.year} à {day:%H:%M}"
    body = "".join(f"<p>{escape(p)}</p>\n" for p in art.text.split("\n"))
    rel = "".join(f'<li><a href="{{BASE}}{p}">{escape(t)}</a></li>' for p, t in related)
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
                         "datePublished": art.published, "author": {"@type": "Person", "name": author},
                         "publisher": {"@type": "Organization", "name": "Le Quotidien de Bamako"},
                         "articleSection": section.capitalize(), "inLanguage": "fr-FR"}, ensure_ascii=False)
    footer = "".join(f'<li><a href="{{BASE}}/page-{i}/">Rubrique {i}</a></li>' for i in range(24))
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>{escape(art.title)} - Le Quotidien de Bamako</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article"><meta property="og:title" content="{escape(art.title)}">
<meta property="og:site_name" content="Le Quotidien de Bamako"><meta property="og:url" content="{{BASE}}{art.path}">
<meta property="article:published_time" content="{art.published}"><meta property="article:section" content="{section.capitalize()}">
<meta name="author" content="{author}"><link rel="canonical" href="{{BASE}}{art.path}">
<link rel="alternate" type="application/rss+xml" title="Flux" href="{{BASE}}/feed/">
<link rel="stylesheet" href="{{BASE}}/wp-content/themes/quotidien/style.css?ver=6.4">
<script type="application/ld+json">{jsonld}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head><body class="post-template-default single single-post postid-{abs(hash(art.path)) % 99999} single-format-standard">
<div id="top-bar"><span class="date">Bamako, {human}</span><ul class="social"><li><a href="https://facebook.com/lqb">Facebook</a></li><li><a href="https://x.com/lqb">X</a></li></ul></div>
<header id="masthead"><a class="logo" href="{{BASE}}/"><img src="{{BASE}}/wp-content/uploads/logo.png" alt="Le Quotidien de Bamako"></a>
<nav id="site-navigation"><ul class="menu">{menu}</ul></nav>
<div class="ticker"><strong>Flash info :</strong> <a href="{{BASE}}{related[0][0]}">{escape(related[0][1])}</a></div></header>
<div id="content" class="site-content"><main id="main">
<article class="post type-post status-publish hentry category-{section}">
<header class="entry-header"><span class="cat-links"><a href="{{BASE}}/category/{section}/">{section.capitalize()}</a></span>
<h1 class="entry-title">{escape(art.title)}</h1>
<div class="entry-meta">Par <span class="author vcard"><a href="{{BASE}}/author/{author.split()[0].lower()}/">{author}</a></span> —
<time class="entry-date published" datetime="{art.published}">{human}</time></div></header>
<div class="entry-content">
{body}</div>
<div class="sharedaddy"><h3>Partager :</h3><ul><li><a href="https://www.facebook.com/sharer.php?u={{BASE}}{art.path}">Facebook</a></li>
<li><a href="https://wa.me/?text={{BASE}}{art.path}">WhatsApp</a></li><li><a href="{{BASE}}{art.path}?share=email">E-mail</a></li></ul></div>
<footer class="entry-footer"><span class="tags-links">Mots-clés : <a href="{{BASE}}/tag/{section}/" rel="tag">{section}</a>, <a href="{{BASE}}/tag/mali/" rel="tag">Mali</a></span></footer>
</article>
<section class="related-posts"><h2>Articles similaires</h2><ul>{rel}</ul></section>
<div id="comments" class="comments-area"><h2 class="comments-title">2 réponses</h2><ol class="comment-list">
<li class="comment"><div class="comment-author">Adama K.</div><div class="comment-content"><p>Merci pour cet article très instructif, il faut que les autorités agissent vite.</p></div></li>
<li class="comment"><div class="comment-author">Kadidia</div><div class="comment-content"><p>On attend de voir. Ce n'est pas la première fois qu'on nous promet cela.</p></div></li></ol>
<div id="respond"><h3>Laisser un commentaire</h3><form action="{{BASE}}/wp-comments-post.php" method="post"><textarea name="comment"></textarea><input type="submit" value="Publier"></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Les plus lus</h2><ul>{rel}</ul></section>
<section class="widget"><h2 class="widget-title">Newsletter</h2><p>Recevez chaque matin l'essentiel de l'actualité malienne.</p></section></aside></div>
<footer id="colophon"><ul class="footer-menu">{footer}</ul><p>© {day.year} Le Quotidien de Bamako. Tous droits réservés.</p></footer>
<script src="{{BASE}}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script></body></html>
"""


def generate_site(root: Path, n: int, seed: int = 6, min_chars: int = 5000, max_chars: int = 8000) -> list[SyntheticArticle]:
    """Write `root/files/…` (n articles, homepage, robots.txt, sitemap index + sitemaps); return the articles."""
    rng = random.Random(seed)
    vocab = vocabulary(random.Random(seed))
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    # 97 minutes apart from 2024-01-01, or earlier for a large n: the last article must be dated
    # before the benchmark's clock (2026-01-01), as a page dated after the crawl's clock is refused
    # its date and sent to the costly fallback search.
    start = min(datetime(2024, 1, 1, 7, 0, tzinfo=timezone.utc),
                datetime(2025, 12, 31, 7, 0, tzinfo=timezone.utc) - timedelta(minutes=97 * (n - 1)))
    arts: list[SyntheticArticle] = []
    meta: list[tuple[str, str]] = []
    for i in range(n):
        when = start + timedelta(minutes=97 * i)
        section = rng.choice(SECTIONS)
        title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (n° {i + 1})"
        path = f"/{when:%Y/%m/%d}/{section}-article-{i + 1:06d}/"
        text = "\n".join(_paragraphs(rng, min_chars, max_chars, vocab))
        arts.append(SyntheticArticle(path, title, when.isoformat(), text))
        meta.append((section, rng.choice(AUTHORS)))
    for i, (art, (section, author)) in enumerate(zip(arts, meta)):
        related = [(arts[j].path, arts[j].title) for j in (rng.randrange(n) for _ in range(6))]
        page = files / art.path.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(article_html(art, section, author, related), encoding="utf-8")
    latest = "".join(f'<li><a href="{{BASE}}{a.path}">{escape(a.title)}</a></li>' for a in arts[-30:])
    (files / "index.html").write_text(
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le Quotidien de Bamako</title>'
        f'<meta property="og:type" content="website"></head><body><h1>À la une</h1><ul>{latest}</ul></body></html>',
        encoding="utf-8")
    (files / "robots.txt").write_text("User-agent: *\nDisallow: /wp-admin/\nSitemap: {BASE}/sitemap.xml\n", encoding="utf-8")
    chunks = [arts[k:k + 1000] for k in range(0, n, 1000)]
    index = "".join(f"<sitemap><loc>{{BASE}}/post-sitemap{k + 1}.xml</loc></sitemap>" for k in range(len(chunks)))
    (files / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>',
        encoding="utf-8")
    for k, chunk in enumerate(chunks):
        urls = "".join(f"<url><loc>{{BASE}}{a.path}</loc><lastmod>{a.published}</lastmod></url>" for a in chunk)
        (files / f"post-sitemap{k + 1}.xml").write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            encoding="utf-8")
    (root / "site.toml").write_text('name = "Le Quotidien de Bamako"\nlanguage = "fr"\nkind = "daily"\n', encoding="utf-8")
    return arts
