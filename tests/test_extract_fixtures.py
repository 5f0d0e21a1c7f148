"""Check `extract_page` against the recorded fixture pages, one test per (case, expected field)."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from pipelines.extract import extract_page

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.parent for p in FIXTURES.glob("*/*/expected.json"))
EXACT_ARTICLE_FIELDS = ("title", "author", "published", "modified", "section", "tags", "date_source", "language",
                        "description", "image")
EXACT_RESULT_FIELDS = ("is_article", "reason", "canonical_url", "encoding", "feeds")
DEFAULT_MIN_F1 = 0.95
HOW_TO_FIX = ("If the new value is right (e.g. after a deliberate change or a trafilatura upgrade), edit the case in "
              "tests/fixtures/fixture_*.py and rerun `.venv/bin/python tests/fixtures/make_fixtures.py`; otherwise "
              "fix pipelines/ (dates.py, cleaning.py, classify.py, extract.py).")


@lru_cache(maxsize=None)
def run_case(case: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """extract_page's result for a case and the expectations (cached: one extraction per case)."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    job = {"url": meta["url"], "body": gzip.decompress((case / "page.html.gz").read_bytes()),
           "content_type": meta.get("content_type"), "hints": meta.get("hints") or {}, "now": meta["now"],
           "article_pattern": meta.get("article_pattern"), "exclude_pattern": meta.get("exclude_pattern"),
           "language": meta.get("language")}
    return extract_page(job), expected


def token_f1(expected: str, got: str) -> float:
    """Bag-of-words F1 between two texts (\\w+ tokens, casefolded)."""
    want, have = (Counter(re.findall(r"\w+", t.casefold())) for t in (expected, got))
    common = sum((want & have).values())
    if not common:
        return 0.0
    precision, recall = common / sum(have.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _params() -> list[Any]:
    out = []
    for case in CASES:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        for key in expected:
            if key != "min_f1":
                out.append(pytest.param(case, key, id=f"{case.parent.name}/{case.name}:{key}"))
    return out


def _fail(case: Path, key: str, got: Any, want: Any, extra: str = "") -> str:
    return (f"{case.relative_to(FIXTURES)} field {key!r}: got {got!r}, expected {want!r}. {extra}\n{HOW_TO_FIX}")


def test_fixture_set_is_big_enough() -> None:
    """The brief asks for at least 12 article and 8 non-article cases."""
    kinds = Counter(run_case(c)[1]["is_article"] for c in CASES)
    assert kinds[True] >= 12 and kinds[False] >= 8, f"only {dict(kinds)} fixture cases; add more with make_fixtures.py"


@pytest.mark.parametrize(("case", "key"), _params())
def test_fixture_field(case: Path, key: str) -> None:
    """One expected field of one fixture case."""
    result, expected = run_case(case)
    want = expected[key]
    article = result.get("article") or {}
    text = article.get("text", "")
    if key in EXACT_RESULT_FIELDS:
        extra = f"(reason was {result['reason']!r})" if key == "is_article" else ""
        assert result[key] == want, _fail(case, key, result[key], want, extra)
    elif key == "reason_contains":
        assert not result["is_article"] and want in result["reason"], _fail(
            case, key, (result["is_article"], result["reason"]), (False, f"…{want}…"))
    elif key in EXACT_ARTICLE_FIELDS:
        assert result["article"] is not None, _fail(case, key, None, want, f"page rejected: {result['reason']}")
        assert article.get(key) == want, _fail(case, key, article.get(key), want)
    elif key == "text_contains":
        missing = [s for s in want if s not in text]
        assert not missing, _fail(case, key, text[:300], want, f"missing snippets: {missing}")
    elif key == "text_excludes":
        present = [s for s in want if s in text]
        assert result["article"] is not None and not present, _fail(case, key, text[:300], want,
                                                                   f"unwanted snippets kept: {present}")
    elif key == "first_line_startswith":
        first = text.split("\n", 1)[0]
        assert first.startswith(want), _fail(case, key, first[:80], want + "…")
    elif key == "expected_text":
        score = token_f1(want, text)
        floor = expected.get("min_f1", DEFAULT_MIN_F1)
        assert score >= floor, _fail(case, key, text[:300], want[:300], f"token F1 {score:.3f} < {floor}")
    elif key == "next_pages_contains":
        missing = [u for u in want if u not in result["next_pages"]]
        assert not missing, _fail(case, key, result["next_pages"], want, f"missing: {missing}")
    else:
        pytest.fail(f"{case}: unknown expected.json key {key!r}; teach tests/test_extract_fixtures.py about it")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_fixture_result_shape(case: Path) -> None:
    """Every result has the contract's keys, absolute links, and a consistent article dict."""
    result, _ = run_case(case)
    assert set(result) >= {"is_article", "reason", "canonical_url", "links", "feeds", "next_pages", "encoding", "article"}
    assert result["reason"], "every verdict needs a reason"
    assert all(u.startswith(("http://", "https://")) for u in result["links"] + result["feeds"] + result["next_pages"])
    assert len(result["links"]) == len(set(result["links"]))
    article = result["article"]
    assert (article is not None) == result["is_article"]
    if article:
        assert article["word_count"] == len(article["text"].split())
        assert re.fullmatch(r"[0-9a-f]{64}", article["content_hash"])
        assert article["title"] and article["title"] not in article["text"].split("\n")[:1]
