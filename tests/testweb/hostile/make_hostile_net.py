"""The `http`, `traps`, `robots` and `loops` hostile sites (HTTP failures, traps, XML bombs) and their runtime-generated files."""
from __future__ import annotations

import gzip
import zlib
import random
from urllib.parse import quote
from pathlib import Path

from make_hostile import article, case, case_day, homepage, write_site

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lolololololololololololololololololololololololololololololololololololol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
"""


def http_site() -> None:
    """Failing HTTP: errors, timeouts, redirect loops, empty/binary/huge bodies, bombs; two genuine articles."""
    cases, pages, routes = [], {}, []

    def add(key: str, slug: str, outcome: str, what: str, route: str = "", genuine: bool = False, repeat: int = 1) -> str:
        day = case_day(int(key[1:]), 7)
        path = f"/{day.replace('-', '/')}/{slug}/"
        title = f"Article {key} : " + slug.replace("-", " ")
        if genuine or not route or "file" not in route and "body" not in route and "location" not in route:
            pages[path] = article(title, day, slug, key, repeat=repeat)
        if route:
            routes.append(f'[routes."{path}"]\n{route}')
        cases.append(case(key, path, outcome, what, title if outcome in ("article", "either") else None))
        return path

    add("H1", "erreur-serveur-interne-cinq-cents", "errors", "500 on every try", 'status = 500\nbody = "<h1>Erreur</h1>"')
    add("H2", "service-indisponible-cinq-cent-trois", "errors", "503 + Retry-After",
        'status = 503\nbody = "<h1>Maintenance</h1>"\nheaders = { "Retry-After" = "3600" }')
    add("H3", "delai-depasse-le-serveur-ne-repond-pas", "errors", "answers after 6 s (> DOWNLOAD_TIMEOUT)", "delay = 6")
    add("H4", "reponse-tres-lente-mais-valide-ici", "article", "answers after 1.2 s: slow but genuine", "delay = 1.2", genuine=True)
    a = "/2025/07/05/boucle-de-redirection-premiere-page/"
    b = "/2025/07/05/boucle-de-redirection-seconde-page/"
    add("H5", "boucle-de-redirection-premiere-page", "ignored", "302 A -> B -> A", f'status = 302\nlocation = "{{BASE}}{b}"')
    routes.append(f'[routes."{b}"]\nstatus = 302\nlocation = "{{BASE}}{a}"')
    p6 = "/2025/07/06/redirection-vers-soi-meme-encore/"
    add("H6", "redirection-vers-soi-meme-encore", "ignored", "301 to itself", f'status = 301\nlocation = "{{BASE}}{p6}"')
    add("H7", "chaine-de-redirections-beaucoup-trop-longue", "ignored", "a chain of 15 redirects (> REDIRECT_MAX_TIMES)",
        'status = 302\nlocation = "{BASE}/saut/1"')
    for i in range(1, 15):
        routes.append(f'[routes."/saut/{i}"]\nstatus = 302\nlocation = "{{BASE}}/saut/{i + 1}"')
    routes.append('[routes."/saut/15"]\nstatus = 302\nlocation = "{BASE}/2025/07/17/article-sain-du-site-http-temoin/"')
    add("H8", "page-vide-zero-octet-statut-deux-cents", "dropped", "200 with a 0-byte body", 'body = ""')
    add("H9", "binaire-servi-comme-du-html-ici", "dropped", "random binary bytes served as text/html",
        'file = "/raw/binaire.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8" }')
    pages["/raw/binaire.bin"] = random.Random(9).randbytes(40_000)
    add("H10", "bombe-gzip-de-plusieurs-gigaoctets", "ignored", "Content-Encoding: gzip expanding to 2 GB (generated at test time)",
        'file = "/raw/bomb.gz.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8", "Content-Encoding" = "gzip" }')
    add("H11", "page-de-cinquante-megaoctets-html", "errors", "a 50 MB HTML page (generated at test time)",
        'file = "/raw/big50.html"')
    add("H12", "page-de-douze-megaoctets-html-ici", "skipped", "a 12 MB page: under DOWNLOAD_MAXSIZE, over MALINEWS_MAX_PAGE_BYTES",
        'file = "/raw/big12.html"')
    add("H13", "article-introuvable-quatre-cent-quatre", "errors", "404", 'status = 404\nbody = "<h1>Introuvable</h1>"')
    add("H14", "type-pdf-annonce-pour-du-html-ici", "skipped", "an HTML article served as application/pdf",
        'headers = { "Content-Type" = "application/pdf" }', genuine=True)
    p15 = "/2025/07/15/rafraichissement-meta-en-boucle-infinie/"
    add("H15", "rafraichissement-meta-en-boucle-infinie", "dropped",
        "<meta http-equiv=refresh> to itself at once: a reload, so the page is read once (no article in it)",
        f'body = "<html><head><meta http-equiv=\\"refresh\\" content=\\"0; url={{BASE}}{p15}\\"></head><body>...</body></html>"')
    add("H16", "html-servi-en-gzip-tronque-au-milieu", "either", "Content-Encoding: gzip, stream cut in the middle",
        'gzip_file = "/raw/gz-source.html"\ncontent_encoding = true\nbody_bytes = 700')
    pages["/raw/gz-source.html"] = article("Article H16 : html servi en gzip tronque au milieu", "2025-07-16",
                                           "html-servi-en-gzip-tronque-au-milieu", "H16")
    add("H17", "article-sain-du-site-http-temoin", "article", "a plain article (also the end of the H7 chain)", genuine=True)
    add("H18", "en-tetes-contradictoires-et-longueur", "article", "duplicate, contradictory Content-Type headers",
        'headers = { "Content-Type" = "text/html; charset=utf-8; charset=koi8-r" }', genuine=True)
    # Faults on the socket itself (crawler.sampleweb `wire`); H19 is robots.txt below.
    add("H20", "connexion-coupee-au-milieu-du-corps", "errors", "half the promised body, then a TCP reset", 'wire = "reset"')
    add("H21", "ligne-de-statut-illisible-ici", "errors", "an unreadable status line (HTTP/1.1 deux-cents OK)",
        'wire = "garbage-status"')
    add("H22", "reponse-sans-aucun-en-tete-http", "errors", "HTTP/0.9 style: the HTML with no status line or headers",
        'wire = "no-headers"')
    add("H23", "reponse-au-compte-gouttes-un-octet", "errors", "one byte every 0.2 s (slowloris): over DOWNLOAD_TIMEOUT",
        'wire = "drip"')
    add("H24", "corps-chunked-qui-ne-finit-jamais", "errors", "a chunked body that never ends", 'wire = "endless"')
    add("H25", "en-tete-de-deux-cents-kilo-octets", "errors", "a 200 KB response header line", 'wire = "huge-header"')
    add("H26", "encodage-de-transfert-inconnu-ici", "either", "Content-Encoding: x-inconnu on a plain HTML article",
        'headers = { "Content-Encoding" = "x-inconnu" }', genuine=True)
    add("H27", "gzip-annonce-mais-html-en-clair", "either", "Content-Encoding: gzip on a body that is plain HTML",
        'headers = { "Content-Encoding" = "gzip" }', genuine=True)
    add("H28", "redirection-vers-un-fichier-local", "ignored", "302 to file:///etc/passwd",
        'status = 302\nlocation = "file:///etc/passwd"')
    add("H30", "bombe-deflate-de-deux-cent-cinquante-mo", "ignored",
        "Content-Encoding: deflate expanding to 256 MB (generated at test time)",
        'file = "/raw/bomb.deflate.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8", "Content-Encoding" = "deflate" }')
    add("H31", "bombe-brotli-de-deux-cent-cinquante-mo", "ignored",
        "Content-Encoding: br expanding to 256 MB (generated at test time)",
        'file = "/raw/bomb.br.bin"\nheaders = { "Content-Type" = "text/html; charset=utf-8", "Content-Encoding" = "br" }')
    add("H29", "jeu-de-caracteres-inexistant-ici", "article", "Content-Type charset=x-pas-de-tel-jeu (unknown codec)",
        'headers = { "Content-Type" = "text/html; charset=x-pas-de-tel-jeu" }', genuine=True)
    # Lies about the body's length and framing, and a Retry-After no crawl can honour.
    add("H32", "longueur-annoncee-superieure-au-corps", "errors",
        "Content-Length 10,000 bytes over the body, then a clean close", 'wire = "length-over"', genuine=True)
    add("H33", "longueur-annoncee-inferieure-au-corps", "either",
        "Content-Length half the body, all of it sent on a kept-alive connection (the rest poisons the next reply)",
        'wire = "length-under"', genuine=True, repeat=3)
    add("H34", "taille-de-bloc-chunked-illisible", "errors", "Transfer-Encoding: chunked with a chunk size that is no hex number",
        'wire = "bad-chunk"', genuine=True)
    add("H35", "trop-de-requetes-attendez-onze-jours", "errors", "429 with Retry-After: 999999 (11 days): not waited for",
        'status = 429\nbody = "<h1>Trop de requetes</h1>"\nheaders = { "Retry-After" = "999999" }')
    add("H36", LONG_SLUG, "article", f"an article of {LONG_REPEAT * 5:,} paragraphs, 6 MB (generated at test time): archived whole",
        'file = "/raw/fleuve6.html"')
    gz_identity = f"/{case_day(37, 7).replace('-', '/')}/gzip-puis-identity-annonces/"
    add("H37", "gzip-puis-identity-annonces", "article",
        "a gzipped article sent with Content-Encoding: gzip, identity (Scrapy refused the list and left it gzipped)",
        f'gzip_file = "{gz_identity}"\ncontent_encoding = true\nheaders = {{ "Content-Encoding" = "gzip, identity" }}', genuine=True)
    add("H38", "contenu-partiel-deux-cent-six", "errors",
        "206 Partial Content: the first 2,600 of a 4,045-byte article, though no Range was asked (it was archived cut)",
        "status = 206\nbody_bytes = 2600", genuine=True, repeat=3)
    add("H39", "six-cent-mille-sauts-de-ligne", "skipped",
        f"a 2.4 MB page of {BR_FLOOD:,} <br> tags (generated at test time): over MALINEWS_MAX_PAGE_TAGS (500,000), "
        "skipped and counted (a million elements took a worker to 1.5-2.9 GB)", 'file = "/raw/br600k.html"')
    # An old address that moves on only by the HTTP Refresh header (PHP's `header("Refresh: 0; url=…")`),
    # which browsers follow like the <meta>; its target is linked nowhere else.
    target = f"/{case_day(41, 7).replace('-', '/')}/article-atteint-par-un-en-tete-refresh/"
    add("H40", "ancienne-adresse-en-tete-refresh", "none",
        "200 with `Refresh: 0; url=…` to H41 and a one-line body (Scrapy reads only the <meta> refresh)",
        f'body = "<p>Redirection.</p>"\nheaders = {{ "Refresh" = "0; url={target}" }}')
    add("H41", "article-atteint-par-un-en-tete-refresh", "article", "reached only through H40's Refresh header",
        genuine=True)
    add("H42", "article-servi-en-octet-stream", "article",
        "a genuine article sent as application/octet-stream (a misconfigured server or bucket): its bytes are HTML",
        'headers = { "Content-Type" = "application/octet-stream" }', genuine=True)
    add("H43", "article-servi-en-text-xml", "article",
        "a genuine article sent as text/xml, as XHTML often is: its root is <html> (was skipped as not HTML)",
        'headers = { "Content-Type" = "text/xml; charset=utf-8" }', genuine=True)
    add("H44", "donnees-json-sur-une-adresse-datee", "skipped", "JSON sent as application/json at a dated address",
        'body = "{\\"titre\\": \\"pas une page\\", \\"items\\": [1, 2, 3]}"\n'
        'headers = { "Content-Type" = "application/json" }')
    def refreshing(key: str, slug: str, head: str, header: str | None, what: str) -> None:
        """A genuine article with a `<meta>` refresh in its head and/or a Refresh header."""
        day = case_day(int(key[1:]), 7)
        path = f"/{day.replace('-', '/')}/{slug}/"
        pages[path] = article(f"Article {key} : " + slug.replace("-", " "), day, slug, key, extra_head=head)
        if header:
            routes.append(f'[routes."{path}"]\nheaders = {{ "Refresh" = "{header}" }}')
        cases.append(case(key, path, "article", what, f"Article {key} : " + slug.replace("-", " ")))

    # A refresh too slow to be a redirect: the page is read (Scrapy's METAREFRESH_MAXDELAY of 100 s made
    # these three redirects, and lost two genuine articles to the homepage).
    for key, slug, head, header, what in (
            ("H45", "article-qui-renvoie-a-l-accueil-apres-30-s", '<meta http-equiv="refresh" content="30; url={BASE}/">',
             None, "a genuine article whose <meta http-equiv=refresh> sends readers home after 30 s"),
            ("H46", "article-dont-l-en-tete-renvoie-a-l-accueil", "", "30; url=/",
             "a genuine article whose Refresh header sends readers home after 30 s")):
        refreshing(key, slug, head, header, what)
    slow_target = f"/{case_day(48, 7).replace('-', '/')}/article-annonce-par-un-rafraichissement-lent/"
    add("H47", "page-qui-se-rafraichit-lentement-ailleurs", "none",
        "a short notice whose <meta http-equiv=refresh> moves on to H48 after 15 s (too slow for a redirect: a link)",
        f'body = "<html><head><meta http-equiv=\\"refresh\\" content=\\"15; url={slow_target}\\"></head>'
        f'<body><p>Cette page a change d adresse.</p></body></html>"')
    add("H48", "article-annonce-par-un-rafraichissement-lent", "article", "reached only through H47's slow refresh",
        genuine=True)
    header_target = f"/{case_day(50, 7).replace('-', '/')}/article-annonce-par-un-en-tete-lent/"
    add("H49", "page-dont-l-en-tete-se-rafraichit-lentement", "none",
        "a short notice whose Refresh header moves on to H50 after 15 s (too slow for a redirect: a link)",
        f'body = "<p>Cet article a demenage, vous allez etre redirige.</p>"\nheaders = {{ "Refresh" = "15; url={header_target}", "Content-Type" = "text/html; charset=utf-8" }}')
    add("H50", "article-annonce-par-un-en-tete-lent", "article", "reached only through H49's slow Refresh header",
        genuine=True)
    # A refresh that leads nowhere a crawler can go, or back to the page: Scrapy built the redirect anyway
    # and lost the article to the error ("Missing scheme", "Invalid IPv6 URL") or to its duplicate filter.
    for key, slug, head, header, what in (
            ("H51", "article-rafraichi-vers-du-javascript", '<meta http-equiv="refresh" content="0; url=javascript:void(0)">',
             None, "a genuine article whose <meta> refresh goes to javascript:void(0) at once"),
            ("H52", "article-rafraichi-vers-une-adresse-illisible", '<meta http-equiv="refresh" content="0; url=http://[::1">',
             None, "a genuine article whose <meta> refresh goes to an unreadable address (http://[::1)"),
            ("H53", "article-qui-se-recharge-lui-meme", '<meta http-equiv="refresh" content="3; url=#haut">',
             None, "a genuine article whose <meta> refresh reloads the page itself after 3 s (url=#haut)"),
            ("H54", "article-dont-l-en-tete-mene-nulle-part", "", "0; url=http://[::1",
             "a genuine article whose Refresh header goes to an unreadable address at once")):
        refreshing(key, slug, head, header, what)
    add("H55", "article-au-content-type-absurde", "article",
        "a genuine article sent with `Content-Type: ;;;=;charset`, no MIME type at all (was skipped as not HTML)",
        'headers = { "Content-Type" = ";;;=;charset" }', genuine=True)
    pages["/"] = homepage([c["path"] for c in cases if c["key"] not in ("H41", "H48", "H50")])
    routes.append('[routes."/robots.txt"]\nstatus = 500\nbody = "robots exploded"')
    write_site("http", pages, "\n\n".join(routes) + "\n", cases + [case("H19", "/robots.txt", "none", "robots.txt answers 500")],
               "HTTP-level hostility. The homepage links every case; robots.txt answers 500 (crawl as allowed).")


PLAN_CHAIN = 12
OFFSITE_SITEMAPS = ("http://169.254.169.254/latest/meta-data/", "http://localhost:1/sitemap-interne.xml")


def discovery_site() -> None:
    """Hostile discovery: XML bombs, sitemap loops, endless calendar/pagination, 100k links, off-site and junk URLs."""
    good = [("D1", "premier-article-cache-dans-les-sitemaps"), ("D2", "second-article-cache-dans-les-sitemaps")]
    pages: dict[str, str | bytes] = {}
    cases = []
    paths = []
    for key, slug in good:
        day = f"2025-08-{int(key[1:]):02d}"
        path = f"/{day.replace('-', '/')}/{slug}/"
        title = f"Article {key} : " + slug.replace("-", " ")
        pages[path] = article(title, day, slug, key)
        paths.append(path)
        cases.append(case(key, path, "article", "genuine, listed only by a looping sitemap index", title))
    sm = '<sitemap><loc>{{BASE}}/{}</loc></sitemap>'
    pages["/sitemap-a.xml"] = f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sm.format("sitemap-b.xml")}{sm.format("sitemap-a.xml")}</sitemapindex>'
    pages["/sitemap-b.xml"] = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                               f'{sm.format("sitemap-a.xml")}{sm.format("sitemap-articles.xml")}</sitemapindex>')
    urls = "".join(f"<url><loc>{{BASE}}{p}</loc></url>" for p in paths)
    junk = ("javascript:alert(1)", "data:text/html,<b>x</b>", "{BASE}/" + "tres-long-" * 600 + "/", "http://[::1", "ftp://x/y",
            "https://ailleurs.example/2025/08/09/article-hors-site-dans-le-sitemap/")
    urls += "".join(f"<url><loc>{u.replace('&', '&amp;').replace('<', '&lt;')}</loc></url>" for u in junk)
    pages["/sitemap-articles.xml"] = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    pages["/sitemap-bombe.xml"] = BOMB + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url><url><loc>&xxe;</loc></url></urlset>'
    pages["/feed/"] = (BOMB + '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
                       "<link>&xxe;</link><description>&lol9;</description></item></channel></rss>")
    index = '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</sitemapindex>'
    for i in range(1, PLAN_CHAIN + 1):  # each index lists the next, distinct one: no loop to detect
        pages[f"/plan/{i}.xml"] = index.format(f"<sitemap><loc>{{BASE}}/plan/{i + 1}.xml</loc></sitemap>")
    pages["/plan-ailleurs.xml"] = index.format("".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in OFFSITE_SITEMAPS))
    pages["/robots.txt"] = ("User-agent: *\nSitemap: {BASE}/sitemap-a.xml\nSitemap: {BASE}/sitemap-bombe.xml\n"
                            "Sitemap: {BASE}/sitemap-gzbomb.xml.gz\nSitemap: {BASE}/plan/1.xml\n"
                            "Sitemap: {BASE}/plan-ailleurs.xml\nSitemap: http://localhost:1/sitemap-declare-ailleurs.xml\n")
    pages["/agenda/"] = ('<!DOCTYPE html><html><head><title>Agenda</title></head><body><h1>Agenda culturel</h1>'
                         '<a href="mois-suivant/">Mois suivant</a> <a href="evenement-unique-de-ce-mois-ci-a-bamako/">Événement</a>'
                         '<a href="?page=2" rel="next">Suite</a></body></html>')
    pages["/"] = homepage(paths[:0] + ["/agenda/", "/actualites/page/1/", "/liens/", "/flux-par-rubrique/"],
                          '<a href="https://ailleurs.example/2025/08/10/lien-hors-site-sur-la-une/">hors site</a>')
    routes = ['[routes."/sitemap-gzbomb.xml.gz"]\nfile = "/raw/sitemap-bomb.gz.bin"\nheaders = { "Content-Type" = "application/x-gzip" }',
              '[routes."/liens/"]\nfile = "/raw/links100k.html"',
              '[routes."/flux-par-rubrique/"]\nfile = "/raw/feeds5k.html"',
              '# every unknown path is a 200 soft-404 page that links one level deeper: an endless trap',
              '[routes."*"]\nstatus = 200\nfile = "/agenda/index.html"']
    cases += [
        case("D3", "/sitemap-a.xml", "documents", "sitemap index listing itself and sitemap-b, which lists sitemap-a back"),
        case("D4", "/sitemap-bombe.xml", "documents", "billion-laughs entities + external entity (XXE) in a urlset"),
        case("D5", "/feed/", "documents", "billion-laughs + XXE in an RSS feed"),
        case("D6", "/sitemap-gzbomb.xml.gz", "unreadable", "gzip file expanding to 2 GB (generated at test time)"),
        case("D7", "/agenda/", "none", "endless calendar: every unknown path is a soft-404 linking deeper"),
        case("D8", "/actualites/page/1/", "none", "endless pagination through the soft-404 trap"),
        case("D9", "/liens/", "links_capped", "a page with 100,000 links (generated at test time)"),
        case("D25", "/flux-par-rubrique/", "feeds_capped",
             f"a page advertising {FEED_FLOOD:,} feeds in its head (generated at test time): the first 20 are read"),
        case("D10", "/sitemap-articles.xml", "documents", "javascript:, data:, 6,000-character, broken and off-site URLs"),
        case("D11", "/", "none", "an off-site link on the homepage (never requested)"),
        case("D12", "/plan/1.xml", "sitemaps_capped",
             f"a chain of {PLAN_CHAIN} distinct sitemap indexes, each listing the next: cut at depth 4"),
        case("D13", "/plan-ailleurs.xml", "offsite",
             "a sitemap index (and robots.txt) listing sitemaps on other hosts (cloud metadata, localhost)"),
    ]
    more_discovery(pages, routes, cases)
    entity_discovery(pages, routes, cases)
    undated_article(pages, cases)
    generated_sitemap(pages, cases)
    long_doctype_discovery(pages, cases)
    charset_discovery(pages, routes, cases)
    hand_written_discovery(pages, routes, cases)
    write_site("traps", pages, "\n\n".join(routes) + "\n", cases,
               "Discovery traps. D1 and D2 are reachable only through the looping sitemap index; D15-D18 only through "
               "a text sitemap, a sitemap served as HTML, an Atom feed and a 50,000-item RSS feed; D19-D21 only through "
               "documents whose references lxml's recovering parser read wrong; D26-D27 only through a sitemap and a "
               "feed whose DOCTYPE is longer than the sniffed bytes; D28-D29 only through a feed and a sitemap whose "
               "declared charset lies, under accented addresses.")


GIANT_FEED_ITEMS = 50_000
FEED_FLOOD = 5_000  # D25: feeds one page advertises


def more_discovery(pages: dict[str, str | bytes], routes: list[str], cases: list[dict]) -> None:
    """D14-D18: robots.txt listing itself as a sitemap; genuine articles listed only by hostile
    but readable documents (BOMs, CRLF, padded <loc>, wrong Content-Type, relative Atom links, a
    50,000-item feed)."""
    found: dict[str, str] = {}
    for key, slug in (("D15", "article-du-plan-texte-avec-bom"), ("D16", "article-du-plan-servi-en-html"),
                      ("D17", "article-du-flux-atom-relatif"), ("D18", "article-du-flux-geant")):
        day = case_day(int(key[1:]), 8)
        found[key] = f"/{day.replace('-', '/')}/{slug}/"
        pages[found[key]] = article(f"Article {key} : " + slug.replace("-", " "), day, slug, key)
    pages["/plan-texte.txt"] = "\ufeff\r\n  {BASE}" + found["D15"] + "  \r\n\r\n{BASE}" + found["D15"] + "\r\n"
    pages["/plan-html.xml"] = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                               f'sitemap/0.9">\n<url><loc>\n\t  {{BASE}}{found["D16"]}\n  \t</loc><lastmod> 2025-08-16 </lastmod>'
                               '</url>\n</urlset>\n')
    routes.append('[routes."/plan-html.xml"]\nheaders = { "Content-Type" = "text/html; charset=utf-8" }')
    pages["/flux/atom.xml"] = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Flux</title>'
                               f'<entry><title>D17</title><link href="..{found["D17"]}"/><updated>2025-08-17T09:30:00Z</updated>'
                               '</entry></feed>')
    pages["/robots.txt"] = str(pages["/robots.txt"]) + ("Sitemap: {BASE}/robots.txt\nSitemap: {BASE}/plan-texte.txt\n"
                                                        "Sitemap: {BASE}/plan-html.xml\n")
    pages["/"] = str(pages["/"]).replace("</head>", '<link rel="alternate" type="application/atom+xml" href="/flux/atom.xml">'
                                         '<link rel="alternate" type="application/rss+xml" href="/flux/geant.rss"></head>')
    cases += [
        case("D14", "/robots.txt", "unreadable", "robots.txt lists itself as a sitemap"),
        case("D15", found["D15"], "article", "listed only by a text sitemap with a UTF-8 BOM, CRLF, blank lines, padding",
             "Article D15 : " + "article-du-plan-texte-avec-bom".replace("-", " ")),
        case("D16", found["D16"], "article", "listed only by a sitemap with a BOM, served as text/html, tabs and newlines in <loc>",
             "Article D16 : " + "article-du-plan-servi-en-html".replace("-", " ")),
        case("D17", found["D17"], "article", "listed only by an Atom feed with a relative link (no xml:base)",
             "Article D17 : " + "article-du-flux-atom-relatif".replace("-", " ")),
        case("D18", found["D18"], "article",
             f"listed only by an RSS feed of {GIANT_FEED_ITEMS:,} off-site items and 1,000 copies of it (generated at test time)",
             "Article D18 : " + "article-du-flux-geant".replace("-", " ")),
    ]


JOOMLA_QUERY = "option=com_content&view=article&id=2020&catid=8"


def entity_discovery(pages: dict[str, str | bytes], routes: list[str], cases: list[dict]) -> None:
    """D19-D21: genuine articles listed only by documents whose references lxml's recovering parser
    read wrong: after an entity bomb, in a feed with raw `&` in a Joomla URL, and through an HTML
    entity (`&eacute;`) in a sitemap's `<loc>`."""
    day = case_day(19, 8)
    d19 = f"/{day.replace('-', '/')}/article-apres-la-bombe-d-entites/"
    pages[d19] = article("Article D19 : article apres la bombe d entites", day, "article-apres-la-bombe-d-entites", "D19")
    pages["/plan-bombe-et-article.xml"] = (BOMB + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                           f"<url><loc>&lol9;</loc></url><url><loc>{{BASE}}{d19}</loc></url></urlset>")
    day = case_day(20, 8)
    title = "Article D20 : une adresse Joomla dans un flux aux esperluettes nues"
    joomla = article(title, day, "joomla", "D20").replace(
        f'{{BASE}}/{day.replace("-", "/")}/joomla/', "{BASE}/index.php?" + JOOMLA_QUERY.replace("&", "&amp;"))
    pages["/raw/joomla-d20.html"] = joomla
    d20 = "/index.php?" + "&".join(sorted(JOOMLA_QUERY.split("&")))  # as malinews canonicalises it
    routes.append(f'[routes."{d20}"]\nfile = "/raw/joomla-d20.html"')
    pages["/flux/joomla.rss"] = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Actualités & dépêches</title>'
                                 f"<item><title>D20 & co</title><link>{{BASE}}/index.php?{JOOMLA_QUERY}</link></item></channel></rss>")
    day = case_day(21, 8)
    slug = "législatives-partielles-à-kati"
    pages[f"/{day.replace('-', '/')}/{slug}/"] = article("Article D21 : législatives partielles à Kati", day, slug, "D21")
    d21 = f"/{day.replace('-', '/')}/{quote(slug)}/"
    loc = slug.replace("é", "&eacute;").replace("à", "&agrave;")
    pages["/plan-entites-html.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                       f'sitemap/0.9"><url><loc>{{BASE}}/{day.replace("-", "/")}/{loc}/</loc></url></urlset>')
    pages["/robots.txt"] = str(pages["/robots.txt"]) + "Sitemap: {BASE}/plan-bombe-et-article.xml\nSitemap: {BASE}/plan-entites-html.xml\n"
    pages["/"] = str(pages["/"]).replace("</head>", '<link rel="alternate" type="application/rss+xml" href="/flux/joomla.rss"></head>')
    cases += [
        case("D19", d19, "article", "listed only by a sitemap whose first entry is a billion-laughs reference "
             "(libxml2 stopped there: the entries after it were lost)", "Article D19 : article apres la bombe d entites"),
        case("D20", d20, "article", f"a Joomla address (index.php?{JOOMLA_QUERY}) listed only by an RSS feed with raw '&' "
             "(lxml dropped '&view' and '&catid': another page was requested)", title),
        case("D21", d21, "article", "listed only by a sitemap spelling its accents as HTML entities (&eacute;, not XML: "
             "the URL was cut at the first one)", "Article D21 : législatives partielles à Kati"),
    ]


def undated_article(pages: dict[str, str | bytes], cases: list[dict]) -> None:
    """D22-D23: articles whose page and address carry no date, only a footer's '© 2025'; their feed
    dates them 14 March 2025, in RFC 822 (htmldate padded the copyright year to 2025-01-01, which
    outranked the feed) and the way a French CMS writes it (the feed date was dropped as unreadable)."""
    items = ""
    for key, slug, stamp, what in (
            ("D22", "un-article-sans-date-que-seul-le-flux-date", "Fri, 14 Mar 2025 09:30:00 +0000",
             "14 March 2025 in its feed (the copyright year, padded to 2025-01-01, outranked the feed)"),
            ("D23", "un-article-date-en-francais-par-son-flux", "vendredi 14 mars 2025 à 09h30",
             "its feed's <pubDate> in French, 'vendredi 14 mars 2025 à 09h30' (dropped as unreadable)")):
        path = f"/actualites/{slug}/"
        title = f"Article {key} : " + slug.replace("-", " ")
        html = article(title, "2025-03-14", slug, key,
                       jsonld='{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "' + title + '"}')
        html = html.replace('<meta property="article:published_time" content="2025-03-14T09:30:00+00:00">', "")
        html = html.replace(", le 2025-03-14", "").replace(f"/2025/03/14/{slug}/", path)
        assert "2025-03-14" not in html and "© 2025" in html
        pages[path] = html
        items += f"<item><title>{key}</title><link>{{BASE}}{path}</link><pubDate>{stamp}</pubDate></item>"
        cases.append(case(key, path, "article", f"no date on the page or in its address, '© 2025' in the footer, {what}",
                          title, published="2025-03-14"))
    pages["/flux/sans-date.rss"] = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Flux</title>'
                                    f"{items}</channel></rss>")
    pages["/"] = str(pages["/"]).replace("</head>", '<link rel="alternate" type="application/rss+xml" href="/flux/sans-date.rss"></head>')


def generated_sitemap(pages: dict[str, str | bytes], cases: list[dict]) -> None:
    """D24: a sitemap whose 25 entries all carry the minute it was generated (taken as modification
    times, every scheduled crawl would fetch them all again); the entries lead to the soft-404 trap."""
    urls = "".join(f"<url><loc>{{BASE}}/evenements/fiche-{i}/</loc><lastmod>2025-08-24T06:00:{i:02d}+00:00</lastmod></url>"
                   for i in range(25))
    pages["/plan-date-generee.xml"] = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    pages["/robots.txt"] = str(pages["/robots.txt"]) + "Sitemap: {BASE}/plan-date-generee.xml\n"
    cases.append(case("D24", "/plan-date-generee.xml", "generated_dates",
                      "a sitemap stamping its 25 entries with the minute it was generated: those lastmods are dropped"))


QUADRATIC_ENTITY, QUADRATIC_REFS = 70_000, 2_000  # D26-D27: one entity's size, references to it


def long_doctype_discovery(pages: dict[str, str | bytes], cases: list[dict]) -> None:
    """D26-D27: genuine articles listed only by a sitemap and a feed opening on the "quadratic blowup"
    (one 70,000-character entity referenced 2,000 times, 140 MB if expanded; libxml2's billion-laughs
    guard does not see it): the DOCTYPE alone outran the 64 KiB sniffed for the root element, and the
    documents were counted unreadable."""
    doctype = f'<!DOCTYPE %s [<!ENTITY a "{"a" * QUADRATIC_ENTITY}">]>'
    refs = "&a;" * QUADRATIC_REFS
    found = {}
    for key, slug in (("D26", "article-apres-le-doctype-du-plan"), ("D27", "article-apres-le-doctype-du-flux")):
        day = case_day(int(key[1:]), 8)
        found[key] = f"/{day.replace('-', '/')}/{slug}/"
        pages[found[key]] = article(f"Article {key} : " + slug.replace("-", " "), day, slug, key)
    pages["/plan-doctype-geant.xml"] = ('<?xml version="1.0"?>' + doctype % "urlset" + '<urlset xmlns="http://www.'
                                        f'sitemaps.org/schemas/sitemap/0.9"><url><loc>{refs}</loc></url>'
                                        f'<url><loc>{{BASE}}{found["D26"]}</loc></url></urlset>')
    pages["/flux/doctype-geant.rss"] = ('<?xml version="1.0"?>' + doctype % "rss" + '<rss version="2.0"><channel><title>Flux</title>'
                                        f'<item><title>{refs}</title><description>{refs}</description></item>'
                                        f'<item><title>D27</title><link>{{BASE}}{found["D27"]}</link></item></channel></rss>')
    pages["/robots.txt"] = str(pages["/robots.txt"]) + "Sitemap: {BASE}/plan-doctype-geant.xml\n"
    pages["/"] = str(pages["/"]).replace("</head>", '<link rel="alternate" type="application/rss+xml" href="/flux/doctype-geant.rss"></head>')
    for key, what in (("D26", "a sitemap"), ("D27", "an RSS feed")):
        cases.append(case(key, found[key], "article",
                          f"listed only by {what} whose DOCTYPE defines one {QUADRATIC_ENTITY:,}-character entity, referenced "
                          f"{QUADRATIC_REFS:,} times (the 'quadratic blowup'): its root lay past the 64 KiB sniffed (unreadable)",
                          f"Article {key} : " + found[key].split("/")[-2].replace("-", " ")))


def hand_written_discovery(pages: dict[str, str | bytes], routes: list[str], cases: list[dict]) -> None:
    """D30-D31: genuine articles listed only by a sitemap whose robots.txt line ends on a comment
    (`Sitemap: … # plan des brèves`: Scrapy's reader asked for `/plan-des-breves.xml%20`), and by a
    sitemap in UTF-16 without its BOM (every letter ASCII, NUL bytes between: lxml read nothing)."""
    found = {}
    for key, slug in (("D30", "article-du-plan-commente"), ("D31", "article-du-plan-en-utf16-sans-bom")):
        day = case_day(int(key[1:]), 8)
        found[key] = f"/{day.replace('-', '/')}/{slug}/"
        pages[found[key]] = article(f"Article {key} : " + slug.replace("-", " "), day, slug, key)
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{BASE}}{}</loc></url></urlset>'
    pages["/plan-des-breves.xml"] = '<?xml version="1.0" encoding="UTF-8"?>' + urlset.format(found["D30"])
    pages["/plan-utf16.xml"] = '<?xml version="1.0" encoding="UTF-16"?>' + urlset.format(found["D31"])
    routes.append('[routes."/plan-utf16.xml"]\nencoding = "utf-16-le"')
    pages["/robots.txt"] = str(pages["/robots.txt"]) + ("Sitemap: {BASE}/plan-des-breves.xml   # plan des brèves\n"
                                                        "Sitemap: {BASE}/plan-utf16.xml\n")
    for key, what in (("D30", "a sitemap whose robots.txt `Sitemap:` line ends on a `# comment`"),
                      ("D31", "a sitemap in UTF-16 without its BOM (NUL bytes between ASCII letters)")):
        cases.append(case(key, found[key], "article", f"listed only by {what}: the article was never requested",
                          f"Article {key} : " + found[key].split("/")[-2].replace("-", " ")))


def charset_discovery(pages: dict[str, str | bytes], routes: list[str], cases: list[dict]) -> None:
    """D28-D29: genuine articles under accented addresses, listed only by a feed declared ISO-8859-1
    but written in UTF-8 (its link read `/lÃ©gislatives-…/`) and by a sitemap declared UTF-8 but saved
    in cp1252 (its `<loc>` lost its accents): both were requested at addresses that do not exist."""
    found = {}
    for key, slug in (("D28", "législatives-à-kati-selon-un-flux-mal-étiqueté"),
                      ("D29", "élections-à-ségou-selon-un-plan-mal-étiqueté")):
        day = case_day(int(key[1:]), 8)
        raw = f"/{day.replace('-', '/')}/{slug}/"
        pages[raw] = article(f"Article {key} : " + slug.replace("-", " "), day, slug, key)
        found[key] = (raw, f"/{day.replace('-', '/')}/{quote(slug)}/")
    pages["/flux/etiquete-latin1.rss"] = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
                                         f'<title>Actualités</title><item><title>Législatives à Kati</title>'
                                         f'<link>{{BASE}}{found["D28"][0]}</link></item></channel></rss>')
    pages["/plan-etiquete-utf8.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                        f'schemas/sitemap/0.9"><url><loc>{{BASE}}{found["D29"][0]}</loc></url></urlset>')
    routes.append('[routes."/plan-etiquete-utf8.xml"]\nencoding = "cp1252"\n'
                  'headers = { "Content-Type" = "application/xml" }')
    pages["/robots.txt"] = str(pages["/robots.txt"]) + "Sitemap: {BASE}/plan-etiquete-utf8.xml\n"
    pages["/"] = str(pages["/"]).replace("</head>", '<link rel="alternate" type="application/rss+xml" href="/flux/etiquete-latin1.rss"></head>')
    cases += [
        case("D28", found["D28"][1], "article", "an accented address listed only by an RSS feed declared ISO-8859-1 but "
             "written in UTF-8 (requested as /lÃ©gislatives-…/, a 404)", "Article D28 : " + "législatives-à-kati-selon-un-flux-mal-étiqueté".replace("-", " ")),
        case("D29", found["D29"][1], "article", "an accented address listed only by a sitemap declared UTF-8 but saved in "
             "cp1252 (its accents lost: a 404)", "Article D29 : " + "élections-à-ségou-selon-un-plan-mal-étiqueté".replace("-", " ")),
    ]


def giant_feed(article_path: str) -> str:
    """D18's RSS feed: GIANT_FEED_ITEMS off-site items, then the one genuine article 1,000 times."""
    items = "".join(f"<item><title>Dépêche {i}</title><link>https://ailleurs.example/depeche-{i}/</link></item>"
                    for i in range(GIANT_FEED_ITEMS))
    items += f"<item><title>D18</title><link>{{BASE}}{article_path}</link></item>" * 1000
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Géant</title>{items}</channel></rss>'


def robots_site() -> None:
    """A site whose robots.txt never answers in time: crawled as allowed, counted, no traceback."""
    key, slug = "R2", "article-d-un-site-au-robots-muet"
    day = case_day(2, 9)
    path = f"/{day.replace('-', '/')}/{slug}/"
    title = "Article R2 : " + slug.replace("-", " ")
    pages: dict[str, str | bytes] = {path: article(title, day, slug, key), "/": homepage([path])}
    routes = '[routes."/robots.txt"]\ndelay = 6\nbody = "User-agent: *\\nDisallow: /\\n"\n'
    cases = [case("R1", "/robots.txt", "robots_unreachable", "robots.txt answers after 6 s (> DOWNLOAD_TIMEOUT), every try"),
             case(key, path, "article", "a genuine article of that site", title)]
    write_site("robots", pages, routes, cases,
               "robots.txt times out (it would say `Disallow: /` if it answered): Scrapy crawls the host as allowed; "
               "malinews counts the failure once instead of logging its traceback.")


def loops_site() -> None:
    """A CMS that answers every unknown path with one article whose links are relative: each level
    of `suite/` is a new address of the same article with one more link, an endless crawl."""
    key, slug = "L1", "les-ecoles-de-kayes-rouvrent-leurs-portes"
    day = case_day(5, 10)
    path = f"/{day.replace('-', '/')}/{slug}/"
    title = "Article L1 : " + slug.replace("-", " ")
    html = article(title, day, slug, key, relative=True).replace(f'<link rel="canonical" href="{path}">', "")
    html = html.replace("</article>", '<p><a href="suite/">Lire la suite</a> · <a href="./page/2/">Page 2</a></p></article>')
    trap = "/archives/suite/suite/suite/"
    pages: dict[str, str | bytes] = {path: html, "/": homepage([path, trap])}
    routes = f'[routes."*"]\nstatus = 200\nfile = "{path}index.html"\n'
    cases = [case(key, path, "article", "a genuine article without canonical link, its links relative; every unknown "
                  "path answers 200 with it", title),
             case("L2", path + "suite/", "same_text", "the same article one level deeper (and its page/2/): an alias, "
                  "its links not followed (they went one level deeper each time, without end)"),
             case("L3", "/", "trap_links", f"the homepage links {trap}, a path repeating one segment three times: never requested")]
    write_site("loops", pages, routes, cases,
               "Every unknown path answers 200 with the article L1, whose links are relative: `suite/` and "
               "`./page/2/` resolve one level deeper on every copy. The copies are aliases of L1 and their links "
               "are not followed; a looping path is never requested.")


ECHO_SECTIONS = 60  # unknown addresses the echoes homepage links


def echoes_site() -> None:
    """A CMS whose "page not found", answered 200, prints the address asked for (so no two copies share
    their bytes) and links its menu relatively: each copy leads one level deeper, without end."""
    key, slug = "E1", "la-filiere-coton-retrouve-des-couleurs"
    day = case_day(1, 11)
    path = f"/{day.replace('-', '/')}/{slug}/"
    title = "Article E1 : " + slug.replace("-", " ")
    sections = [f"/rubrique/theme-{i}/" for i in range(ECHO_SECTIONS)]
    missing = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le Hostile</title></head><body>'
               '<nav><a href="actualites/">Actualités</a> <a href="politique/">Politique</a> <a href="?page=2">Page 2</a> '
               '<a href="mois-suivant/">Mois suivant</a> <a href="2025/11/02/evenement-unique-a-segou-ce-dimanche/">'
               'Événement</a></nav><h1>Oups ! Cette page n\'existe pas</h1><p>Aucun contenu à l\'adresse {PATH}. '
               'Vérifiez {PATH} ou revenez à l\'accueil.</p></body></html>')
    pages: dict[str, str | bytes] = {path: article(title, day, slug, key), "/": homepage([path, *sections]),
                                     "/introuvable.html": missing,
                                     "/robots.txt": "User-agent: *\nSitemap: {BASE}/sitemap-archives.xml\n"}
    routes = ('[routes."*"]\nstatus = 200\nfile = "introuvable.html"\necho_path = true\n\n'
              '[routes."/sitemap-archives.xml"]\nfile = "/raw/dead-sitemap.xml"\n')
    cases = [case(key, path, "article", "a genuine article beside the trap", title),
             case("E2", sections[0], "soft_404", f"{ECHO_SECTIONS} unknown sections answer 200 with a 'page not found' "
                  "that prints the address asked for (its bytes differ each time) and links its menu relatively: "
                  "dropped, its links not followed (each led one level deeper, without end)"),
             case("E3", "/sitemap-archives.xml", "dead_sources", f"a sitemap of {DEAD_SITEMAP:,} article addresses that "
                  "all answer the 'page not found' (generated at test time): after MALINEWS_DEAD_SOURCE_AFTER (100) in a "
                  "row its other addresses are skipped")]
    write_site("echoes", pages, routes, cases,
               "Every unknown path answers 200 with a 'page not found' (title: the site's name) that prints the "
               "address asked for and whose menu links are relative. The homepage links E1 and "
               f"{ECHO_SECTIONS} unknown sections; below them nothing may be requested.")


LONG_SLUG, LONG_REPEAT = "article-fleuve-de-six-megaoctets", 6000  # H36: ~900,000 words
BR_FLOOD = 600_000  # H39: <br> tags in one page
DEAD_SITEMAP = 3_000  # E3: dead article addresses one sitemap lists


def dead_sitemap() -> str:
    """E3's sitemap: DEAD_SITEMAP dated article addresses that do not exist."""
    urls = "".join(f"<url><loc>{{BASE}}/2019/{i % 12 + 1:02d}/{i % 28 + 1:02d}/article-disparu-numero-{i}/</loc>"
                   f"<lastmod>2019-{i % 12 + 1:02d}-{i % 28 + 1:02d}</lastmod></url>" for i in range(DEAD_SITEMAP))
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def add_runtime_files(root: Path) -> None:
    """Write the huge bodies into a copy of the hostile web: 50 MB and 12 MB pages, a 6 MB article,
    gzip bombs, 100k links."""
    (root / "http" / "files" / "raw" / "fleuve6.html").write_text(article(
        "Article H36 : " + LONG_SLUG.replace("-", " "), case_day(36, 7), LONG_SLUG, "H36", repeat=LONG_REPEAT), encoding="utf-8")
    (root / "http" / "files" / "raw" / "br600k.html").write_text(
        "<html><head><title>Sauts</title></head><body><p>" + "<br>" * BR_FLOOD + "</p></body></html>", encoding="utf-8")
    filler = "<p>" + "Remplissage sans intérêt pour gonfler la page. " * 40 + "</p>\n"
    for name, size in (("big50.html", 50), ("big12.html", 12)):
        chunk = filler.encode()
        with (root / "http" / "files" / "raw" / name).open("wb") as out:
            out.write(b"<html><head><title>Enorme</title></head><body>")
            for _ in range(size * 2**20 // len(chunk)):
                out.write(chunk)
            out.write(b"</body></html>")
    member = gzip.compress(b"\0" * 2**26, compresslevel=9)  # 64 MiB of zeros in ~64 KB
    bomb = member * 32  # 2 GiB once inflated (multi-member gzip)
    (root / "http" / "files" / "raw" / "bomb.gz.bin").write_bytes(bomb)
    zeros = b"\0" * 2**24
    deflate = zlib.compressobj(9)
    (root / "http" / "files" / "raw" / "bomb.deflate.bin").write_bytes(
        b"".join(deflate.compress(zeros) for _ in range(16)) + deflate.flush())  # 256 MiB inflated
    try:
        import brotli  # Scrapy decodes `br` only when it is installed
        squeeze = brotli.Compressor(quality=1)
        (root / "http" / "files" / "raw" / "bomb.br.bin").write_bytes(
            b"".join(squeeze.process(zeros) for _ in range(16)) + squeeze.finish())
    except ImportError:
        (root / "http" / "files" / "raw" / "bomb.br.bin").write_bytes(b"\x1b" + b"\0" * 1000)
    (root / "traps" / "files" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "traps" / "files" / "raw" / "sitemap-bomb.gz.bin").write_bytes(bomb)
    (root / "traps" / "files" / "flux" / "geant.rss").write_text(
        giant_feed(f"/{case_day(18, 8).replace('-', '/')}/article-du-flux-geant/"), encoding="utf-8")
    feeds = "".join(f'<link rel="alternate" type="application/rss+xml" title="Rubrique {i}" href="/flux/rubrique-{i}.xml">\n'
                    for i in range(FEED_FLOOD))
    (root / "traps" / "files" / "raw" / "feeds5k.html").write_text(
        f"<html><head><title>Nos flux</title>{feeds}</head><body><h1>Nos flux</h1></body></html>", encoding="utf-8")
    (root / "echoes" / "files" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "echoes" / "files" / "raw" / "dead-sitemap.xml").write_text(dead_sitemap(), encoding="utf-8")
    links = "".join(f'<a href="/archives/lien-numero-{i}-de-la-page-geante/">{i}</a>\n' for i in range(100_000))
    (root / "traps" / "files" / "raw" / "links100k.html").write_text(
        f"<html><head><title>Liens</title></head><body>{links}</body></html>", encoding="utf-8")
