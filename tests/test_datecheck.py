"""Dates you can trust: URL dates (L'Essor's uniqid), every source of a page, disagreements beyond a day."""
from __future__ import annotations

import json

import pytest

from crawler.datecheck import date_candidates, disagreements, extract_checked, uniqid_date, url_date

ESSOR_PATTERN = r"^https?://(www\.)?(lessor|journalessor)\.ml/posts/[a-z0-9-]+-[0-9a-f]{13}$"
PARAS = ("<p>L'Agence malienne de presse et de publicité a ouvert lundi à Bamako un atelier de trois jours "
         "consacré à la vérification des faits et à la couverture des crises par les rédactions régionales.</p>"
         "<p>Les participants venus de Kayes, Ségou, Mopti et Gao échangeront sur les outils numériques, "
         "la déontologie et la place de la radio de proximité dans l'information des populations rurales.</p>")


@pytest.mark.parametrize(("url", "expected"), [
    # SEEN URLs (outlets.md): the decoded times match the articles' content
    ("https://lessor.ml/posts/presse-classique-loriginalite-toujours-au-rendez-vous-681862dd276fa",
     "2025-05-05T07:03:57+00:00"),
    ("https://journalessor.ml/posts/editorial-aujourdhui-le-n20500-de-lessor-68ff3bd69b349",
     "2025-10-27T09:31:02+00:00"),
    ("https://www.lessor.ml/posts/bilan-6773a254e1f0c", "2024-12-31T07:50:44+00:00"),
    ("https://www.lessor.ml/posts/trop-ancien-0000000012345", None),       # 1970: not a uniqid
    ("https://www.lessor.ml/posts/futur-7fffffff00000", None),             # 2038: in the future
    ("https://www.maliweb.net/nation/titre-2898703.html", None),
])
def test_uniqid_suffix_is_a_creation_time(url: str, expected: str | None) -> None:
    got = uniqid_date(url, "2026-01-01T00:00:00+00:00")
    assert (got[:16] if got else got) == (expected[:16] if expected else expected)


def test_url_dates_from_paths_and_uniqids() -> None:
    assert url_date("https://www.journaldumali.com/2021/07/02/cote-divoire-orpaillage/") == "2021-07-02"
    assert url_date("https://lessor.ml/posts/x-681862dd276fa", "2026-01-01")[:10] == "2025-05-05"


def test_disagreements_beyond_one_calendar_day() -> None:
    candidates = {"json-ld": "2025-06-20T09:15:00+00:00", "sitemap": "2025-06-21", "url": "2025-06-17",
                  "visible-text": "2025-06-22"}
    found = disagreements("2025-06-20T08:30:00+00:00", "wp-api", candidates)
    assert found == [{"source": "url", "value": "2025-06-17", "gap_days": 3},
                     {"source": "visible-text", "value": "2025-06-22", "gap_days": 2}]
    assert disagreements(None, None, candidates) == []
    assert disagreements("2025-06-22", "visible-text", {"visible-text": "2025-01-01"}) == []


def test_every_source_of_a_page_is_collected() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2025-06-10T07:00:00Z"})
    page = (f'<html><head><meta property="article:published_time" content="2025-06-11T07:00:00+00:00">'
            f'<script type="application/ld+json">{ld}</script></head><body><h1>Titre</h1>'
            f'<div class="date">Publié le 12 juin 2025</div>{PARAS}</body></html>').encode()
    hints = {"via": "feed", "published": "Fri, 13 Jun 2025 08:00:00 GMT", "lastmod": "2025-06-30T00:00:00Z"}
    found = date_candidates(page, "text/html; charset=utf-8", "https://x.ml/2025/06/14/titre/", hints,
                            "2025-07-01T00:00:00+00:00")
    assert found == {"feed": "2025-06-13T08:00:00+00:00", "json-ld": "2025-06-10T07:00:00+00:00",
                     "meta": "2025-06-11T07:00:00+00:00", "visible-text": "2025-06-12", "url": "2025-06-14"}
    wp = date_candidates(page, None, "https://x.ml/a/", {"wp_date": "2025-06-09T08:00:00+00:00",
                                                         "published": "2025-06-09T08:00:00+00:00"}, "2025-07-01")
    assert wp["wp-api"] == "2025-06-09T08:00:00+00:00" and "sitemap" not in wp


def _job(url: str, body: str, hints: dict[str, object] | None = None) -> dict[str, object]:
    return {"url": url, "body": body.encode(), "content_type": "text/html; charset=utf-8", "hints": hints or {},
            "article_pattern": ESSOR_PATTERN, "exclude_pattern": None, "language": "fr",
            "now": "2025-06-01T00:00:00+00:00"}


def test_essor_page_without_a_shown_date_gets_its_uniqid_date() -> None:
    page = f"<html><head><title>Atelier</title></head><body><h1>Atelier de l'AMAP</h1>{PARAS}</body></html>"
    result = extract_checked(_job("https://www.lessor.ml/posts/atelier-de-lamap-681862dd276fa", page))
    assert result["is_article"], result["reason"]
    assert result["article"]["published"] == "2025-05-05T07:03:57+00:00"
    assert result["article"]["date_source"] == "url"
    assert result["date_check"]["disagreements"] == []


def test_wp_hint_wins_and_a_far_page_date_is_a_disagreement() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2025-05-01"})
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><h1>Atelier</h1>'
            f"{PARAS}</body></html>")
    hints = {"via": "wp-api", "wp_date": "2025-05-05T08:00:00+00:00", "published": "2025-05-05T08:00:00+00:00",
             "wp_tags": ["Presse"]}
    result = extract_checked(_job("https://www.lessor.ml/posts/atelier-681862dd276fa", page, hints))
    article, check = result["article"], result["date_check"]
    assert (article["published"], article["date_source"], article["tags"]) == (
        "2025-05-05T08:00:00+00:00", "wp-api", ["Presse"])
    assert check["disagreements"] == [{"source": "json-ld", "value": "2025-05-01", "gap_days": 4}]
    assert check["candidates"]["url"].startswith("2025-05-05")


def test_a_relative_word_misread_as_the_date_is_caught() -> None:
    """A short lead saying "hier" is read as yesterday's date by the header scan; the uniqid says otherwise."""
    lead = "<p>Le ministre a inauguré hier le nouveau siège de l'agence.</p>"
    page = f"<html><body><h1>Inauguration</h1>{lead}{PARAS}</body></html>"
    result = extract_checked(_job("https://www.lessor.ml/posts/inauguration-681862dd276fa", page))
    check = result["date_check"]
    assert (check["published"], check["source"]) == ("2025-05-31", "visible-text")
    assert check["disagreements"] == [{"source": "url", "value": "2025-05-05T07:03:57+00:00", "gap_days": 26}]


def test_non_articles_pass_through_unchecked() -> None:
    result = extract_checked(_job("https://www.lessor.ml/", "<html><body><h1>Accueil</h1></body></html>"))
    assert not result["is_article"] and "date_check" not in result
