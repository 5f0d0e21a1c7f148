"""Deeply nested pages keep their text: libxml2 stops at its nesting limit and drops the rest."""
from __future__ import annotations

import pytest

from pipelines.htmltree import (DEEP_PARSER, flatten_nesting, looks_like_markup, parse_html, too_deep,
                                without_forbidden_references)

PARAS = "".join(f"<p>Paragraphe numéro {i} du corps de l'article.</p>" for i in range(5))


def page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}<p>Après la page.</p></body></html>"


@pytest.mark.parametrize("body", [
    "<div>" * 300 + PARAS + "</div>" * 300,  # past libxml2's default 256: huge_tree is enough
    "<div class='c'>" * 5000 + PARAS + "</div>" * 5000,  # past huge_tree's 2,048: flattened
    "<font color='red'>" * 3000 + PARAS,  # an old CMS that never closes its <font>
    "<table><tr><td>" * 3000 + PARAS + "</td></tr></table>" * 3000,
    "<ul><li>" * 4000 + PARAS,
])
def test_deep_pages_keep_all_their_text(body: str) -> None:
    tree = parse_html(page(body))
    assert tree is not None
    text = tree.text_content()
    assert all(f"Paragraphe numéro {i} " in text for i in range(5))
    assert "Après la page." in text


def test_shallow_pages_are_parsed_once_and_unchanged() -> None:
    html = page("<div><div>" + PARAS + "</div></div>")
    tree = parse_html(html)
    assert not too_deep(DEEP_PARSER)
    assert len(tree.xpath("//div")) == 2 and len(tree.xpath("//p")) == 6


def test_flatten_removes_only_the_excess_and_its_end_tags() -> None:
    html = "<div>" * 6 + "<br><p>x</p><img src=a />" + "</div>" * 6 + "<div>after</div>"
    flat = flatten_nesting(html, limit=4)
    assert flat == "<div>" * 4 + "<br><p>x</p><img src=a />" + "</div>" * 4 + "<div>after</div>"
    assert flatten_nesting(html, limit=10) == html


@pytest.mark.parametrize("broken", [
    lambda html: html.replace("</title>", ""),                 # no end tag: the title ran to the end
    lambda html: html.replace("</title>", "</ title>"),        # a misspelt one is no end tag either
    lambda html: html.replace("<body>", "<body><!-- pub "),    # a comment never closed
    lambda html: html.replace("</title>", "</title><style>body { color: #222 }\n"),       # a stylesheet cut short
    lambda html: html.replace("</title>", "</title><script>var pub = 1;\nif (a<b) {}\n"),  # a script cut short
    lambda html: html.replace("</title>", "</title><script>var pub = 1;</ script>"),      # a misspelt end tag
    lambda html: html.replace("</title>", "</title><style>p{}</style><style>a{}</ style >"),
    lambda html: html.replace("<body>", "<body><svg><title>icône "),                      # an icon's title never closed
])
def test_a_page_swallowed_by_a_broken_construct_is_read_again(broken) -> None:
    html = page(PARAS * 3).replace("<title>T</title>", "<title>Un titre</title>")
    tree = parse_html(broken(html))
    text = tree.find("body").text_content()
    assert all(f"Paragraphe numéro {i} " in text for i in range(5))
    assert len(tree.findall(".//p")) >= 15  # paragraphs, not the text of whatever swallowed them
    assert tree.find(".//title").text.strip() == "Un titre"


def test_a_short_page_is_left_as_it_is() -> None:
    html = "<html><head><title>Erreur</title></head><body><p>Page introuvable</p><!-- fin --></body></html>"
    tree = parse_html(html)
    assert tree.find("body").text_content() == "Page introuvable"


def test_a_tag_with_100000_attributes_keeps_its_name_not_its_attributes() -> None:
    attrs = " ".join(f'data-a{i}="v"' for i in range(100_000))  # 15 s of libxml2 parsing as it is
    tree = parse_html(page(f"<div class='pub' {attrs}>Publicité</div>" + PARAS))
    div = tree.find(".//div")
    assert div is not None and div.text == "Publicité" and not div.attrib
    assert "Paragraphe numéro 4 " in tree.find("body").text_content()
    small = parse_html(page("<div class='pub' data-a='1'>Publicité</div>"))
    assert small.find(".//div").attrib == {"class": "pub", "data-a": "1"}


def test_an_attribute_quote_never_closed_does_not_swallow_the_page() -> None:
    html = page(PARAS * 3).replace("<body>", '<body><a href="/rubrique/politique>Politique</a>')
    tree = parse_html(html)
    assert all(f"Paragraphe numéro {i} " in tree.find("body").text_content() for i in range(5))
    assert tree.find(".//a").get("href") == "/rubrique/politique"


def test_a_script_that_writes_markup_is_not_taken_for_a_swallowed_page() -> None:
    """Scripts full of markup strings close properly: the body is there, nothing is re-parsed."""
    script = "<script>document.write('<div class=\"pub\"><p>' + x + '</p></div>');" + " var y = 1;" * 30 + "</script>"
    html = page(PARAS * 3).replace("</title>", "</title>" + script)
    tree = parse_html(html)
    assert "Paragraphe numéro 4 " in tree.find("body").text_content()
    assert tree.find(".//script").text.startswith("document.write('<div")


@pytest.mark.parametrize("text", [
    # lxml builds no tree at all for these (trafilatura's load_html returns None)
    '<meta charset="utf-8"><title>Kayes : la rentrée</title>\n<nav><a href="/">Accueil</a></nav>'
    "<article><h1>Kayes</h1><p>Les écoles rouvrent.</p></article>",
    '<meta charset="utf-8"><title>Kayes : la rentrée</title><script type="application/ld+json">{"a": 1}</script>\n'
    "<article><h1>Kayes</h1><p>Les écoles rouvrent.</p></article>",
    '<a href="/2025/07/24/kayes/">Kayes</a>',                                  # a bare link
])
def test_a_page_without_html_head_or_body_is_a_whole_document(text: str) -> None:
    """A browser builds <html>, <head> and <body> around whatever it gets; lxml read a fragment."""
    tree = parse_html(text)
    assert tree is not None and tree.tag == "html" and tree.find("body") is not None
    if "<title>" in text:
        assert tree.findtext(".//head/title") == "Kayes : la rentrée"
    assert "/2025/07/24/kayes/" in [a.get("href") for a in tree.iter("a")] or "<h1>Kayes</h1>" in text


def test_text_without_any_tag_is_still_no_page() -> None:
    """Plain text is not wrapped into a document: it stays `unparseable`, as binary junk does."""
    assert parse_html("Just a sentence, no markup at all, a < b.") is None


def test_binary_junk_is_not_taken_for_a_fragment() -> None:
    import random
    junk = random.Random(9).randbytes(40_000).decode("cp1252", "replace")
    assert not looks_like_markup(junk)
    assert looks_like_markup("<title>Kayes</title><p>Les écoles rouvrent.</p>")


@pytest.mark.parametrize(("written", "read"), [
    ("a&#11;b", "a b"), ("a&#x0B;b", "a b"), ("a&#0011b", "a b"), ("a&#1;b", "a b"), ("a&#x1f;b", "a b"),
    ("a&#12;b", "a b"), ("a&#xFFFE;b", "a b"), ("a&#65535;b", "a b"),
    ("a&#9;b", "a&#9;b"), ("a&#10;b", "a&#10;b"), ("a&#x0d;b", "a&#x0d;b"),  # allowed in XML
    ("a&#8217;b", "a&#8217;b"), ("a&#111;b", "a&#111;b"), ("a&#x1F600;b", "a&#x1F600;b"), ("a&#xFFFEF;b", "a&#xFFFEF;b"),
    ("a&#327680;b", "a&#327680;b"), ("sans référence", "sans référence"),
])
def test_references_to_characters_xml_forbids_become_spaces(written: str, read: str) -> None:
    assert without_forbidden_references(written) == read


def test_a_forbidden_reference_in_a_paragraph_does_not_lose_the_article() -> None:
    """libxml2 put the referenced control in the tree; trafilatura's copy of it raised and the
    extraction returned nothing (hostile M56)."""
    from trafilatura import bare_extraction

    paragraph = "<p>" + "Le texte&#11;collé depuis un traitement de texte continue ici. " * 20 + "</p>"
    tree = parse_html(f"<html><head><title>T</title></head><body><article><h1>Un titre</h1>{paragraph}</article></body></html>")
    doc = bare_extraction(tree, fast=True)
    assert doc is not None and "Le texte collé" in doc.text


def test_text_a_browser_never_shows_is_dropped_unless_it_is_the_page() -> None:
    from pipelines.htmltree import drop_hidden_text

    prose = "<p>" + "Le conseil régional s'est réuni à Sikasso pour le budget. " * 10 + "</p>"
    html = (f"<html><body><article>{prose}<p hidden>casino un</p><div style='position: absolute; left: -9999px'>"
            "casino deux</div><span style='font-size:0'>casino trois</span><p style='font-size:0.9em'>légende</p>"
            "<input type='hidden' value='x'></article></body></html>")
    tree = parse_html(html)
    assert drop_hidden_text(tree, html) == 3
    text = tree.text_content()
    assert "casino" not in text and "légende" in text and "Sikasso" in text
    whole = f"<html><body><div hidden>{prose}</div><p>Chargement…</p></body></html>"  # shown later by a script
    assert drop_hidden_text(parse_html(whole), whole) == 0
    plain = f"<html><body>{prose}</body></html>"
    assert drop_hidden_text(parse_html(plain), plain) == 0


PROSE = "Les producteurs de riz de l'Office du Niger ont entamé la préparation des parcelles. " * 6  # ~500 characters


@pytest.mark.parametrize("html, unwrapped", [
    # a 2000s layout: a menu cell beside the article's cell
    (f"<table><tr><td><a href='/'>Accueil</a></td><td><b>Titre</b><br><br>{PROSE}<br><br>{PROSE}</td></tr></table>", 1),
    # the same inside a layout table of its own (the outer cell holds the inner table's prose too)
    (f"<table><tr><td><table><tbody><tr><td>menu</td><td>{PROSE}</td></tr></tbody></table></td></tr></table>", 2),
    ("<table><tr><th>Cercle</th><th>Voix</th></tr>" + "<tr><td>Kati</td><td>12 345</td></tr>" * 40 + "</table>", 0),  # data
    ("<table><tr>" + f"<td>{PROSE}</td>" * 101 + "</tr></table>", 0),  # over MAX_LAYOUT_CELLS: data, not layout
    (f"<div>{PROSE}</div>", 0),
])
def test_layout_tables_become_divs_data_tables_stay(html: str, unwrapped: int) -> None:
    from pipelines.htmltree import unwrap_layout_tables

    tree = parse_html(f"<html><body>{html}</body></html>")
    text_before = tree.text_content()
    assert unwrap_layout_tables(tree, html) == unwrapped
    assert tree.text_content() == text_before  # nothing lost, only renamed
    left = len(tree.xpath("//table"))
    assert (left == 0) if unwrapped else (left == html.count("<table"))


def test_a_layout_table_reads_as_paragraphs() -> None:
    """Hostile M63 in small: trafilatura ran the menu, headline and paragraphs of a layout table into one line."""
    from pipelines.extract import extract_page

    first, second = PROSE.strip(), PROSE.strip().replace("riz", "mil")
    html = ("<html><head><title>Titre – Site</title><meta property='og:type' content='article'>"
            "<meta property='article:published_time' content='2025-06-01T08:00:00+00:00'></head><body>"
            f"<table><tr><td><a href='/'>Accueil</a></td><td><b>Titre</b><br><br>{first}<br><br>{second}"
            "</td></tr></table></body></html>")
    article = extract_page({"url": "http://x.ml/2025/06/01/a/", "body": html.encode(), "content_type": "text/html",
                            "hints": {}, "now": "2025-06-02T00:00:00+00:00"})["article"]
    assert f"{first}\n{second}" in article["text"]
