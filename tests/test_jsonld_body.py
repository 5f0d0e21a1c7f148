"""A page rendered by script shows next to nothing; its text may be in its JSON-LD `articleBody`,
which is then read as paragraphs. A page whose own markup gives its text keeps that text."""
from __future__ import annotations

import json

import pytest

from pipelines.extract import extract_page, jsonld_body
from tests.testweb.hostile.make_hostile import PARAS

PAGE_PARAS = "".join(f"<p>{p} (page {i}.)</p>" for i, p in enumerate(PARAS))
LD_PARAS = "".join(f"<p>{p} (json {i}.)</p>" for i, p in enumerate(PARAS))


@pytest.mark.parametrize(("value", "expected"), [
    ("<p>Un.</p><p>Deux &amp; trois.</p>Quatre<br/>cinq", "Un.\nDeux & trois.\nQuatre\ncinq"),
    ("Ligne un.\n\n  Ligne   deux.", "Ligne un.\nLigne deux."),
    (["Un.", "Deux.", 3], "Un.\nDeux."),
    ({"@value": "x"}, ""),
    (None, ""),
])
def test_article_body_as_paragraphs(value: object, expected: str) -> None:
    assert jsonld_body({"articleBody": value}) == expected


def page(shown: str, article_body: str) -> bytes:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Kayes : la crue",
          "datePublished": "2025-03-14T09:30:00+00:00", "articleBody": article_body}
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Kayes : la crue</title>'
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head>'
            f'<body>{shown}<script src="/app.js"></script></body></html>').encode()


def text_of(body: bytes) -> str | None:
    result = extract_page({"url": "https://x.ml/2025/03/14/la-crue/", "body": body, "content_type": "text/html",
                           "hints": {}, "language": "fr", "now": "2026-01-01T00:00:00+00:00"})
    return result["article"]["text"] if result["article"] else None


@pytest.mark.parametrize("shown", ['<div id="app"></div>', '<div id="app"><p>Chargement…</p></div>'])
def test_a_page_rendered_by_script_gets_its_text_from_json_ld(shown: str) -> None:
    text = text_of(page(shown, LD_PARAS))
    assert text is not None and text.count("\n") == len(PARAS) - 1
    assert "(json 0.)" in text.split("\n")[0] and "Chargement" not in text


def test_a_page_that_shows_its_text_keeps_it() -> None:
    text = text_of(page(f"<article><h1>Kayes : la crue</h1>{PAGE_PARAS}</article>", LD_PARAS))
    assert text is not None and "(page 0.)" in text and "(json" not in text
