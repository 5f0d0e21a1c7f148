"""Hostile strings inside otherwise good pages: surrogates, invisible controls, oversized metadata,
placeholder dates and unreadable URLs never reach the archive (and never raise)."""
from __future__ import annotations

import json

import pytest

from crawler.sites import host_key
from crawler.urls import canonicalize_url, is_http_url
from pipelines.cleaning import tidy_author
from pipelines.dates import normalize_iso
from pipelines.extract import extract_page
from pipelines.links import absolute
from pipelines.textsafe import repair_mojibake, safe_article, scrub_field, scrub_text, truncate_words, unmarkup

PARA = ("Le gouvernement de transition a annoncé mardi à Bamako une série de mesures pour relancer "
        "l'économie nationale, selon un communiqué lu à la télévision publique. ")


def page(head: str = "", ld: dict | str | None = None, body: str = "") -> bytes:
    """An article page with a good date unless `head`/`ld` say otherwise."""
    if isinstance(ld, dict):
        ld = json.dumps(ld, ensure_ascii=False)
    ld_tag = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    paras = "".join(f"<p>{PARA * 2}Paragraphe {i}.</p>" for i in range(8))
    return (f'<html lang="fr"><head><meta charset="utf-8"><title>Un titre sur le Mali</title>{head}{ld_tag}</head>'
            f'<body><article><h1>Un titre sur le Mali</h1>{body}{paras}</article></body></html>').encode()


def extract(html: bytes) -> dict:
    return extract_page({"url": "http://127.0.0.9/2025/03/04/un-titre-sur-le-mali/", "body": html,
                         "content_type": "text/html; charset=utf-8", "now": "2025-06-01T00:00:00+00:00"})


def test_scrub_text_drops_lone_surrogates_and_boms_only() -> None:
    assert scrub_text("a\ud83db\ufeffc 😀") == "abc 😀"
    assert scrub_text("plain ascii") == "plain ascii"


def test_scrub_field_removes_invisible_controls_and_bounds_length() -> None:
    assert scrub_field("Ba\u200bmako \u202erevers\u202c  x") == "Bamako revers x"
    assert scrub_field("x" * 201, 200) is None and scrub_field("", 10) is None and scrub_field(3) is None


def test_control_characters_leave_texts_and_fields() -> None:
    assert scrub_text("a\x01b\x0bc\x0cd\x1fe\tf\ng\rh") == "a b c d e\tf\ng\rh"  # C0: a space; tab, LF, CR kept
    assert scrub_text("Sé\x85gou\x7f\x9f") == "Ségou"  # DEL and C1: dropped
    assert scrub_field("Les\x01 riziculteurs\x0b de Ségou\x85") == "Les riziculteurs de Ségou"
    assert scrub_field("ascii\x02only") == "ascii only"


def test_escaped_controls_in_json_ld_never_reach_the_article() -> None:
    ld = ('{"@type": "NewsArticle", "headline": "Un titre\\u0001 sur le\\u000b Mali", "datePublished": "2025-03-04",'
          ' "description": "R\\u00e9sum\\u00e9\\u0085", "author": {"@type": "Person", "name": "Awa\\u001fDiarra"}}')
    art = extract(page(ld=ld))["article"]
    assert art["title"] == "Un titre sur le Mali" and art["author"] == "Awa Diarra"
    assert art["description"] in (None, "Résumé")


def test_truncate_words_cuts_at_a_word_boundary() -> None:
    assert truncate_words("un deux trois quatre", 12) == "un deux …"
    assert truncate_words("court", 12) == "court" and truncate_words(None, 3) is None
    long = "Bamako : " + "très " * 100 + "long"
    assert len(truncate_words(long, 60)) <= 60 and truncate_words(long, 60).endswith("très …")
    assert truncate_words("x" * 100, 10) == "x" * 8 + " …"  # one unbroken word: cut inside it


def test_a_page_without_any_headline_keeps_its_first_line() -> None:
    html = page(ld={"@type": "NewsArticle", "datePublished": "2025-03-04"}).replace(
        b"<title>Un titre sur le Mali</title>", b"").replace(b"<h1>Un titre sur le Mali</h1>", b"")
    title = extract(html)["article"]["title"]
    assert title.startswith("Le gouvernement de transition a annonc") and title.endswith(" …") and len(title) <= 150


def test_safe_article_bounds_every_metadata_field() -> None:
    art = safe_article({"title": "T\ud800itre", "author": "A" * 300, "section": "S" * 200, "tags": ["x", "x", "y" * 101],
                        "description": "mot " * 1000, "image": "javascript:alert(1)", "language": "fr", "text": "b\udc00c"})
    assert art["title"] == "Titre" and art["author"] is None and art["section"] is None and art["tags"] == ["x"]
    assert len(art["description"]) <= 2002 and art["image"] is None and art["text"] == "bc"


def test_surrogates_in_json_ld_never_reach_the_article() -> None:
    ld = ('{"@type": "NewsArticle", "headline": "Titre du Mali \\ud83d", "datePublished": "2025-03-04T10:00:00Z",'
          ' "author": {"@type": "Person", "name": "Awa \\udc00Diarra"}}')
    art = extract(page(ld=ld))["article"]
    assert art["title"] == "Titre du Mali" and art["author"] == "Awa Diarra"
    for value in art.values():
        if isinstance(value, str):
            value.encode("utf-8")  # raises on a surrogate


def test_invisible_controls_leave_title_and_author() -> None:
    html = page(head='<meta name="author" content="Awa\u200b Diarra\u202e">',
                ld={"@type": "NewsArticle", "headline": "Un titre\u202e sur\u2066 le Mali\u2069", "datePublished": "2025-03-04"})
    art = extract(html)["article"]
    assert art["title"] == "Un titre sur le Mali" and art["author"] == "Awa Diarra"


def test_an_oversized_author_meta_falls_back_to_the_next_source() -> None:
    html = page(head='<meta name="author" content="' + "Mot " * 5000 + '">',
                ld={"@type": "NewsArticle", "datePublished": "2025-03-04", "author": "Awa Diarra"})
    art = extract(html)["article"]
    assert art["author"] == "Awa Diarra"


@pytest.mark.parametrize("stamp", ["1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1899-12-31", "1989-12-31T23:00:00Z"])
def test_placeholder_dates_are_not_dates(stamp: str) -> None:
    assert normalize_iso(stamp, "2025-06-01T00:00:00+00:00") is None
    html = page(head=f'<meta property="article:published_time" content="{stamp}">')
    art = extract(html)["article"]
    assert art is None or art["published"] is None or art["published"] >= "1990"


def test_a_real_early_date_is_kept() -> None:
    assert normalize_iso("1996-04-02T08:00:00Z", "2025-06-01T00:00:00+00:00") == "1996-04-02T08:00:00+00:00"


def test_unreadable_urls_are_dropped_not_raised() -> None:
    assert absolute("http://a.ml/x/", "http://[::1") is None and absolute("http://a.ml/x/", "//[zz") is None
    assert absolute("http://a.ml/x/", "http://[::1]:8080/p") == "http://[::1]:8080/p"
    assert host_key("http://[::1") == "" and not is_http_url("http://[::1")
    assert canonicalize_url("http://[::1/x") == "http://[::1/x"
    html = page(head='<link rel="canonical" href="http://[::1"><meta property="og:url" content="http://[fe80::1%eth0">',
                body='<p><a href="http://[::1/x">a</a> <a href="http://[zz]/">b</a></p>')
    result = extract(html)
    assert result["canonical_url"] is None and not any("[" in u for u in result["links"])


def test_tidy_author_drops_what_a_split_byline_leaves_behind() -> None:
    assert tidy_author("Par Moussa Keïta; Le") == "Moussa Keïta"
    assert tidy_author("Awa Diarra; Oumar Traoré") == "Awa Diarra; Oumar Traoré"
    assert tidy_author("Le") == ""
    assert tidy_author("Moussa Keïta; Publié le") == "Moussa Keïta"
    assert tidy_author("Moussa Keïta; Publié le jeudi") == "Moussa Keïta"
    assert tidy_author("Awa Diarra; mis à jour le 3 avril") == "Awa Diarra"
    assert tidy_author("Awa Diarra; Jeudi 3 avril 2025") == "Awa Diarra"
    assert tidy_author("Awa Diarra; le 3 avril 2025") == "Awa Diarra"
    assert tidy_author("Rédigé par Awa Diarra et Oumar Traoré.") == "Awa Diarra; Oumar Traoré"
    assert tidy_author("De notre correspondant à Gao; Moussa Keïta") == "Moussa Keïta"
    assert tidy_author("Moussa Keïta; Envoyé spécial à Kidal") == "Moussa Keïta"
    assert tidy_author("Auteur : Ibrahim Maïga") == tidy_author("Auteur Ibrahim Maïga") == "Ibrahim Maïga"
    assert tidy_author("la Rédaction") == "" and tidy_author("Service communication") == ""
    assert tidy_author("Amadou O.") == "Amadou O." and tidy_author("Parfait Sanogo") == "Parfait Sanogo"
    assert tidy_author("Leïla Touré; Lejeune Diallo; Le Bris") == "Leïla Touré; Lejeune Diallo; Le Bris"  # names, not dates


def test_html_escaped_twice_by_the_cms_is_read_as_paragraphs() -> None:
    from pipelines.cleaning import strip_literal_markup

    assert strip_literal_markup("Le code <p> est une balise.") == "Le code <p> est une balise."  # one tag: quoted
    assert strip_literal_markup('<p class="x">un</p><p>deux<br/>trois</p> <a href="y">lien</a>').split() == \
        ["un", "deux", "trois", "lien"]
    body = "".join(f"&lt;p&gt;{PARA} {i}&lt;/p&gt;" for i in range(6))
    art = extract(page(body=f"<div>{body}</div>"))["article"]
    assert "<p>" not in art["text"] and "&lt;" not in art["text"] and art["text"].count("\n") >= 5


def test_replacement_characters_are_dropped() -> None:
    """`&#0;`, `&#xD800;`, `&#x110000;` parse to U+FFFD: nothing a reader could use, in a title or a body."""
    from pipelines.textsafe import safe_article, scrub_text

    assert scrub_text("Kidal\ufffd\ufffd : retour") == "Kidal : retour"
    art = safe_article({"title": "\ufffd\ufffdRencontre à Kayes", "text": "Le maire\ufffd a parlé.", "tags": ["\ufffd"]})
    assert art["title"] == "Rencontre à Kayes" and art["text"] == "Le maire a parlé." and art["tags"] == []


@pytest.mark.parametrize(("raw", "clean"), [
    ("L&#8217;Essor &amp; la presse", "L’Essor & la presse"),        # JSON-LD keeps WordPress's entities
    ("<em>Kidal</em> : retour au calme<br/>", "Kidal : retour au calme"),
    ("&lt;b&gt;Rencontre à Kayes&lt;/b&gt;", "Rencontre à Kayes"),       # tags escaped by the CMS
    ("Inflation < 2 % à Bamako", "Inflation < 2 % à Bamako"),
    ("Critique de <The Palace: Tale of Jang Noksu>", "Critique de <The Palace: Tale of Jang Noksu>"),
    ("Sports&paris en ligne", "Sports&paris en ligne"),             # no semicolon: no entity
])
def test_unmarkup(raw: str, clean: str) -> None:
    from pipelines.textsafe import unmarkup

    assert unmarkup(raw) == clean


def test_fields_lose_markup_left_by_the_cms() -> None:
    from pipelines.textsafe import safe_article

    art = safe_article({"title": "<em>Rencontre</em> 5 &amp; Kayes", "author": "<b>Awa</b> Diallo",
                        "section": "Soci&eacute;t&eacute;", "tags": ["<i>Mali</i>"], "text": "x"})
    assert (art["title"], art["author"], art["section"], art["tags"]) == ("Rencontre 5 & Kayes", "Awa Diallo", "Société", ["Mali"])


@pytest.mark.parametrize("author", ["mailto:redaction@journal.ml", "redaction@journal.ml", "www.journal.ml",
                                    "https://journal.ml/auteur/awa/"])
def test_an_address_is_no_author(author: str) -> None:
    """Nor is trafilatura's rewrite of one, read from the same <meta> ("Mailtoredaction Ml")."""
    from pipelines.extract import extract_page
    from tests.test_deep_pagination import article

    html = article(5).replace("<head>", f"<head><meta name='author' content='{author}'>")
    got = extract_page({"url": "https://x.ml/2025/06/05/a/", "body": html.encode(), "content_type": "text/html",
                        "now": "2026-01-01T00:00:00+00:00"})["article"]
    assert got["author"] is None


def test_an_overlong_og_title_falls_back_to_the_h1() -> None:
    html = page(head='<meta property="og:title" content="' + "Mot " * 500 + '">',
                ld={"@type": "NewsArticle", "datePublished": "2025-03-04"})
    assert extract(html)["article"]["title"] == "Un titre sur le Mali"


def test_a_title_overlong_everywhere_is_shortened_not_refused() -> None:
    long = "Bamako : " + "très " * 2000 + "long"
    html = page(ld={"@type": "NewsArticle", "datePublished": "2025-03-04"}).replace(
        b"Un titre sur le Mali", long.encode())
    result = extract(html)
    assert result["is_article"]
    title = result["article"]["title"]
    assert title.startswith("Bamako : très très") and title.endswith("…") and len(title) <= 300


@pytest.mark.parametrize(("text", "expected"), [
    ("SÃ©gou : lâ€™Ã©tÃ© Â« brÃ»lant Â»", "Ségou : l’été « brûlant »"),
    ("Moussa KeÃ¯ta", "Moussa Keïta"),
    ("Ségou : l’été « brûlant » à Niono", "Ségou : l’été « brûlant » à Niono"),  # clean French: untouched
    ("Âge d'or : « Ça va » dit-il", "Âge d'or : « Ça va » dit-il"),              # a real capital Â
    ("sɛnɛkɛlaw ye baara daminɛ ka ɲɔ ni kɔɔri ŋaniya", "sɛnɛkɛlaw ye baara daminɛ ka ɲɔ ni kɔɔri ŋaniya"),  # Bambara
])
def test_repair_mojibake(text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


def test_a_double_encoded_page_is_repaired_before_its_text_is_hashed() -> None:
    clean = extract(page())["article"]
    twice = extract(page().decode("utf-8").encode("utf-8").decode("cp1252", "replace").encode("utf-8"))["article"]
    assert twice["title"] == clean["title"] and twice["text"] == clean["text"]
    assert twice["content_hash"] == clean["content_hash"]  # the same text: the same story


@pytest.mark.parametrize(("title", "expected"), [
    ("Kayes : l’été « brûlant » des maraîchers", "Kayes : l’été « brûlant » des maraîchers"),
    ("Mali : la transition en débat", "Mali : la transition en débat"),
    ("Mali : la transition en débat - Le Villageois", "Mali : la transition en débat"),  # the outlet's name goes
])
def test_a_title_tag_alone_is_not_cut_at_its_guillemets(title: str, expected: str) -> None:
    paras = "".join(f"<p>{PARA * 2}Paragraphe {i}.</p>" for i in range(8))
    html = (f'<html lang="fr"><head><meta charset="utf-8"><title>{title}</title><meta property="og:site_name" '
            f'content="Le Villageois"><meta property="article:published_time" content="2025-03-04"></head>'
            f'<body><div class="contenu">{paras}</div></body></html>').encode()
    assert extract(html)["article"]["title"] == expected


@pytest.mark.parametrize(("lang", "expected"), [("fr-FR", "fr"), ("FR", "fr"), ("fr_ML", "fr"), ("français", "fr"),
                                                ("Bambara", "bm"), ("bm-ML", "bm"), ("ﻉ", None), ("x" * 50, None)])
def test_page_language_codes_and_names(lang: str, expected: str | None) -> None:
    html = page(ld={"@type": "NewsArticle", "datePublished": "2025-03-04"}).replace(b'lang="fr"', f'lang="{lang}"'.encode())
    assert extract(html)["article"]["language"] == expected


def test_a_title_tag_cut_before_an_unknown_section_name_stays_cut() -> None:
    paras = "".join(f"<p>{PARA * 2}Paragraphe {i}.</p>" for i in range(8))
    html = (f'<html lang="fr"><head><meta charset="utf-8"><title>La transition en débat - Rubrique Politique</title>'
            f'<meta property="article:published_time" content="2025-03-04"></head>'
            f'<body><div class="contenu">{paras}</div></body></html>').encode()
    assert extract(html)["article"]["title"] == "La transition en débat"


@pytest.mark.parametrize(("raw", "expected"), [
    ("S&eacutegou", "Ségou"), ("S&#233gou", "Ségou"), ("S&#xE9gou", "Ségou"), ("&Eacutetat", "État"),
    ("Fran&ccedilais", "Français"), ("&laquoOui&raquo", "«Oui»"),          # as browsers read them, no semicolon
    ("Sports&paris", "Sports&paris"), ("R&D 2025", "R&D 2025"), ("A&B", "A&B"),  # not entities
])
def test_entities_without_their_semicolon(raw: str, expected: str) -> None:
    assert unmarkup(raw) == expected
