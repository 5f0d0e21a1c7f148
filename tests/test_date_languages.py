"""htmldate's free-text date parser limited to the press's languages (pipelines/date_languages.py)."""
from __future__ import annotations

import json
from pathlib import Path

import htmldate.extractors
import pytest

import pipelines.extract  # noqa: F401 - installs the limited parser
from crawler.datecheck import extract_checked
from pipelines.date_languages import _ORIGINAL, LANGUAGES, SETTING_KEYS, limited_parser

STRINGS = json.loads((Path(__file__).parent / "fixtures" / "dateparser_strings.json").read_text(encoding="utf-8"))["strings"]


def test_htmldate_gets_the_limited_parser_with_its_own_settings() -> None:
    parser = htmldate.extractors.get_external_parser()
    original = _ORIGINAL()
    assert parser is limited_parser() and parser is not original
    assert parser.languages == list(LANGUAGES) and original.languages is None
    for key in SETTING_KEYS:
        assert getattr(parser._settings, key) == getattr(original._settings, key), key


@pytest.mark.parametrize("chunk", range(4))
def test_same_dates_as_with_every_locale(chunk: int) -> None:
    """200 strings htmldate sent to dateparser on the recorded pages: the same date, or none, with
    five languages as with all 205 locales."""
    strings = STRINGS[chunk::4]
    original, limited = _ORIGINAL(), limited_parser()
    assert [limited.get_date_data(s)["date_obj"] for s in strings] == [original.get_date_data(s)["date_obj"] for s in strings]


def test_a_page_dated_only_in_free_text_still_gets_its_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """No date in the markup: trafilatura's htmldate search finds it, through the limited parser."""
    page = ("<html lang='fr'><head><meta charset='utf-8'><title>Les cotonculteurs de Koutiala attendent les intrants</title>"
            "</head><body><h1>Les cotonculteurs de Koutiala attendent les intrants</h1><div class='posted'>November 20 15:23 2019</div>"
            + "".join(f"<p>Les producteurs de coton de la zone de Koutiala attendent toujours les engrais promis par "
                      f"la compagnie, et la campagne agricole risque de prendre du retard, paragraphe {i}.</p>" for i in range(6))
            + "</body></html>")
    asked: list[str] = []
    parser = limited_parser()
    real = parser.get_date_data
    monkeypatch.setattr(parser, "get_date_data", lambda text, *a, **k: asked.append(text) or real(text, *a, **k))
    result = extract_checked({"url": "https://www.journal.ml/agriculture/les-cotonculteurs-de-koutiala/", "body": page.encode(),
                              "content_type": "text/html", "hints": {"via": "link"}, "article_pattern": None,
                              "exclude_pattern": None, "language": "fr", "now": "2026-11-29T00:00:00+00:00"})
    assert result["article"]["published"][:10] == "2019-11-20"
    assert "November 20 15:23 2019" in asked
