"""trafilatura's metadata pass runs only when a page's own markup lacks a field, and gives what the full pass gives."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

import pipelines.extract as extract
from pipelines.extract import HEAD_FIELDS, TRAFILATURA_FAST, TrafilaturaDoc, date_params, extract_page

FIXTURES = sorted(Path(__file__).parent.joinpath("fixtures").glob("*/*/page.html.gz"))
NOW = "2026-01-01T00:00:00+00:00"
BODY = "".join(f"<p>Phrase {i} du conseil des ministres réuni à Koulouba sous la présidence du chef de l'État.</p>"
               for i in range(12))
FULL_MARKUP = f"""<html lang="fr"><head><title>Le Conseil des ministres - Journal</title>
<meta property="og:title" content="Le Conseil des ministres du mercredi">
<meta property="og:image" content="https://journal.ml/img/conseil.jpg">
<meta property="og:description" content="Compte rendu du Conseil des ministres.">
<meta property="article:published_time" content="2025-06-18T14:00:00+00:00">
<meta property="article:section" content="Politique"><meta property="article:tag" content="Gouvernement">
<meta name="author" content="Awa Traoré"></head>
<body><article><h1>Le Conseil des ministres du mercredi</h1>{BODY}</article></body></html>"""


def _job(html: str | bytes, url: str = "https://journal.ml/2025/06/18/conseil/") -> dict:
    return {"url": url, "body": html.encode() if isinstance(html, str) else html, "content_type": "text/html",
            "hints": {"via": "sitemap"}, "language": "fr", "now": NOW}


def test_full_markup_never_runs_the_metadata_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract_metadata ran although the page's markup had every field")

    monkeypatch.setattr(extract, "extract_metadata", refuse)
    article = extract_page(_job(FULL_MARKUP))["article"]
    assert article["title"] == "Le Conseil des ministres du mercredi"
    assert article["author"] == "Awa Traoré" and article["published"].startswith("2025-06-18")
    assert article["tags"] == ["Gouvernement"] and article["image"].endswith("conseil.jpg")


def test_bare_markup_falls_back_to_trafilatura_metadata() -> None:
    """No og:, no JSON-LD, no meta date: the title and date come from trafilatura's full pass."""
    html = f"<html><head><title>Kidal : retour au calme</title></head><body><main>{BODY}</main>" \
           "<p class='date'>Publié le 12/03/2025</p></body></html>"
    tree = load_html(html)
    doc = TrafilaturaDoc(tree, "https://journal.ml/kidal/", "2026-01-01", "du texte")
    assert doc._meta is None
    full = extract_metadata(load_html(html), "https://journal.ml/kidal/", date_params("2026-01-01"), TRAFILATURA_FAST)
    assert doc.get("title") == full.title and doc.get("title")
    assert doc._meta is not None  # the full pass ran for the title
    assert doc.get("date") == full.date == "2025-03-12"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_lazy_fields_equal_the_full_pass(path: Path) -> None:
    """On every recorded outlet page, each field read lazily equals `extract_metadata`'s value."""
    tree = load_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    url = "https://www.example.ml/2025/06/22/page/"
    full = extract_metadata(tree, url, date_params("2026-01-01"), TRAFILATURA_FAST).as_dict()
    head_only = TrafilaturaDoc(tree, url, "2026-01-01", "du texte")
    for key in sorted(HEAD_FIELDS):
        assert head_only.get(key) == (full[key] or None), key
    assert head_only._meta is None  # none of those needed the full pass
    for key in ("title", "author", "date", "language"):
        assert head_only.get(key) == full[key], key


def test_no_body_means_no_metadata() -> None:
    """trafilatura finding no body gives no metadata either (as its `bare_extraction` returning None did)."""
    doc = TrafilaturaDoc(load_html(FULL_MARKUP), "https://journal.ml/a/", "2026-01-01", None)
    assert doc.get("title") is None and doc.get("tags", []) == [] and doc._meta is None
