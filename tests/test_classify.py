"""The is-this-an-article decision and its reasons (pipelines/classify.py)."""
from __future__ import annotations

import pytest

from pipelines.classify import PageSignals, classify_page, classify_shape, link_text_share
from pipelines.extract import extract_page

ARTICLE_URL = "https://www.maliweb.net/nation/nouveau-gouvernement-qui-est-qui-2898703.html"
MALIWEB_PATTERN = r"^https?://(www\.)?maliweb\.net/([a-z0-9-]+/)+[a-z0-9-]+-[0-9]+\.html$"


def signals(url: str = ARTICLE_URL, **kw: object) -> PageSignals:
    return PageSignals(url=url, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "reason"), [
    ("NewsArticle", "json-ld:NewsArticle"), ("ReportageNewsArticle", "json-ld:ReportageNewsArticle"),
    ("BlogPosting", "json-ld:BlogPosting"), ("Article", "json-ld:Article"),
])
def test_json_ld_article_types(kind: str, reason: str) -> None:
    verdict = classify_page(signals(jsonld_types=("WebPage", kind)), word_count=300, has_date=True)
    assert (verdict.is_article, verdict.reason) == (True, reason)


def test_og_article_then_meta_published() -> None:
    assert classify_page(signals(og_type="article"), 300, True).reason == "og:type=article"
    assert classify_page(signals(has_published_meta=True), 300, True).reason == "meta:published_time"


@pytest.mark.parametrize(("url", "reason"), [
    ("https://www.journaldumali.com/tag/mopti/", "url:tag"),
    ("https://maliweb.net/author/InfoMatin/page/9", "url:author"),
    ("https://benbere.org/auteur/mohamedgakou/", "url:author"),
    ("https://maliweb.net/category/editorial/", "url:category"),
    ("https://benbere.org/page/117/?s=Bamako", "url:search"),
    ("https://www.studiotamani.org/contact/", "url:contact"),
    ("https://maliactu.net/les-radios/attachment/animateur-radio", "url:attachment"),
    ("https://maliactu.net/breves-du-mali/page/647/", "url:pagination"),
    ("https://www.maliweb.net/", "homepage"),
])
def test_url_shapes_reject_before_extraction(url: str, reason: str) -> None:
    verdict = classify_shape(signals(url))
    assert verdict is not None and (verdict.is_article, verdict.reason) == (False, reason)


def test_article_url_with_page_one_query_is_not_pagination() -> None:
    assert classify_shape(signals("http://entermedia.co.kr/news/news_view.html?idx=8576&page=1")) is None


@pytest.mark.parametrize(("classes", "reason"), [
    ("archive tag tag-mopti", "tag"), ("archive author author-infomatin", "author"),
    ("archive category category-editorial", "category"), ("search search-results", "search"),
    ("error404", "soft-404"), ("home blog", "homepage"),
    ("attachment single single-attachment", "attachment"), ("page-template-default page page-id-2", "static-page"),
])
def test_wordpress_body_classes(classes: str, reason: str) -> None:
    verdict = classify_shape(signals(body_classes=frozenset(classes.split())))
    assert verdict is not None and verdict.reason == reason


def test_single_post_body_class_is_not_rejected() -> None:
    classes = frozenset("post-template-default single single-post postid-5 tag-mali".split())
    assert classify_shape(signals(body_classes=classes)) is None


@pytest.mark.parametrize("title", ["Page introuvable - Mali Actu", "Erreur 404", "404 - Page not found"])
def test_soft_404_titles(title: str) -> None:
    assert classify_page(signals(title=title, og_type="article"), 300, True).reason == "soft-404"


def test_weak_soft_404_phrase_needs_no_article_markup() -> None:
    headline = "Négociations salariales : aucun résultat après trois jours"
    assert classify_page(signals(h1=headline, og_type="article"), 300, True).is_article
    assert classify_page(signals(h1="Aucun résultat"), 300, True).reason == "soft-404"


def test_short_text_mentioning_not_found_is_soft_404() -> None:
    text = "Désolé, la page que vous cherchez n'existe pas ou a été déplacée."
    assert classify_page(signals(), 12, False, text=text).reason == "soft-404"


def test_exclude_pattern_wins_over_json_ld() -> None:
    verdict = classify_page(signals(ARTICLE_URL + "?amp=1", jsonld_types=("NewsArticle",)), 300, True,
                            MALIWEB_PATTERN, r"[?&]amp=")
    assert verdict.reason == "excluded-pattern"


def test_canonical_can_satisfy_the_article_pattern() -> None:
    page = signals("https://maliweb.net/?p=123", canonical_url=ARTICLE_URL)
    assert classify_page(page, 200, True, MALIWEB_PATTERN).reason == "article-pattern"


def test_pattern_mismatch_without_markup_is_rejected() -> None:
    page = signals("https://www.maliweb.net/qui-sommes-nous.html")
    assert classify_page(page, 300, True, MALIWEB_PATTERN).reason == "not-article-pattern"


def test_listing_by_teaser_count_and_pagination() -> None:
    page = signals("https://malijet.com/a_la_une_du_mali/", heading_links=12, has_pagination=True)
    assert classify_shape(page).reason == "listing"  # type: ignore[union-attr]
    # An article with a related-posts block (a few teasers) stays an article.
    related = signals(og_type="article", heading_links=8, article_cards=4)
    assert classify_page(related, 400, True).is_article


def test_og_website_rejects_thin_pages_but_not_dated_long_ones() -> None:
    assert classify_page(signals(og_type="website"), 100, True).reason == "og:type=website"
    assert classify_page(signals(og_type="website"), 600, False).reason == "og:type=website"
    assert classify_page(signals(og_type="website"), 600, True).reason == "dated-text"


@pytest.mark.parametrize(("kw", "words", "reason"), [
    ({"jsonld_types": ("NewsArticle",)}, 20, "too-short"),  # below even the confirmed minimum
    ({"jsonld_types": ("NewsArticle",)}, 30, "json-ld:NewsArticle"),  # a short radio brief passes
    ({}, 60, "too-short"),
    ({}, 200, "dated-text"),
])
def test_length_thresholds(kw: dict, words: int, reason: str) -> None:
    assert classify_page(signals(**kw), words, True).reason == reason


def test_undated_unconfirmed_page_is_no_date() -> None:
    assert classify_page(signals(), 400, False).reason == "no-date"


def test_teaser_text_is_a_listing_without_any_markup_signal() -> None:
    # legacy rubrique: 2 linked titles + 2 "[…]" excerpts in ~10 extracted lines
    page = signals("http://aurore-kayes.ml/rubriques/societe.html", teaser_lines=2, ellipsis_lines=2, text_lines=10)
    assert classify_page(page, 120, True).reason == "listing"


def test_a_few_linked_lines_in_a_long_page_are_not_a_listing() -> None:
    # a long page where trafilatura kept a menu: 22 linked lines among 853
    page = signals(teaser_lines=22, text_lines=853)
    assert classify_page(page, 3000, True).reason == "dated-text"


def test_teaser_lines_do_not_override_article_markup() -> None:
    page = signals(og_type="article", teaser_lines=3, ellipsis_lines=2, text_lines=8)
    assert classify_page(page, 200, True).is_article


def test_link_text_share_counts_each_link_word_once() -> None:
    assert link_text_share("", ["a"]) == 0.0
    assert link_text_share("1 2 3 4", ["1", "2", "3", "4"]) == 1.0
    assert link_text_share("Mali mali MALI paix", ["mali"]) == 0.25  # one link word covers one occurrence
    assert link_text_share("Le Mali et la paix", ["politique", "le mali"]) == 0.4


LINK_LISTS = {  # a dated address whose page is nothing but links: archived as an "article" of link texts
    "numbers": lambda i: f'<a href="/archives/{i}/">{i}</a>\n',
    "two words": lambda i: f'<a href="/archives/{i}/">Lien {i}</a>\n',
    "list items": lambda i: f'<li><a href="/archives/{i}/">Article {i}</a></li>\n',
}


@pytest.mark.parametrize("shape", list(LINK_LISTS))
def test_a_page_of_bare_links_is_no_article(shape: str) -> None:
    links = "".join(LINK_LISTS[shape](i) for i in range(3000))
    page = f"<html><head><title>Liens</title></head><body>{links}</body></html>"
    result = extract_page({"url": "http://127.0.0.1:1/2025/08/05/liens/", "body": page.encode(),
                           "content_type": "text/html", "now": "2025-11-28T00:00:00+00:00"})
    assert (result["is_article"], result["reason"]) == (False, "link-list")


def test_an_undeclared_article_among_its_links_stays_an_article() -> None:
    menu = "".join(f'<li><a href="/rubrique/{w}/">{w}</a></li>' for w in ("Politique", "Société", "Économie", "Sport"))
    body = " ".join(f"Le conseil régional de Ségou a validé le budget de la campagne agricole numéro {i}." for i in range(12))
    page = (f"<html><head><title>Ségou : le budget agricole validé</title></head><body><ul>{menu}</ul>"
            f"<h1>Ségou : le budget agricole validé</h1><p>Publié le 3 juillet 2025</p><p>{body}</p>"
            f'<p>Lire aussi : <a href="/2025/07/02/x/">le Mali et la paix</a></p></body></html>')
    result = extract_page({"url": "http://127.0.0.1:1/2025/07/03/budget-agricole/", "body": page.encode(),
                           "content_type": "text/html", "now": "2025-11-28T00:00:00+00:00"})
    assert result["is_article"], result["reason"]
