"""Per-outlet fixtures (tests/fixtures/outlets/<site>/<case>/) through `extract_page`, one test per expected field.

Cases are written from what ../shared/outlets.md marks SEEN for each registered outlet; a field the
extractor does not get right yet is listed under `known_issues` in expected.json and runs as a
strict xfail (it fails loudly the day it starts passing, so the note can be removed).
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from crawler.sites import load_sites
from pipelines.extract import extract_page

ROOT = Path(__file__).parent / "fixtures" / "outlets"
CASES = sorted(p.parent for p in ROOT.glob("*/*/expected.json"))
RESULT_FIELDS = ("is_article", "reason", "canonical_url", "encoding")
ARTICLE_FIELDS = ("title", "author", "published", "modified", "section", "tags", "date_source", "language")
HOW_TO_FIX = ("If the new value is right, edit the case in tests/fixtures/outlets/cases_*.py and rerun "
              "`.venv/bin/python tests/fixtures/outlets/make_outlet_fixtures.py`; otherwise fix pipelines/.")


@lru_cache(maxsize=None)
def run_case(case: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(extract_page result, expected.json, meta.json) of a case, extracted once."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    job = {"url": meta["url"], "body": gzip.decompress((case / "page.html.gz").read_bytes()),
           "content_type": meta.get("content_type"), "hints": meta.get("hints") or {}, "now": meta["now"],
           "article_pattern": meta.get("article_pattern"), "exclude_pattern": meta.get("exclude_pattern"),
           "language": meta.get("language")}
    return extract_page(job), expected, meta


def _params() -> list[Any]:
    out = []
    for case in CASES:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        known = expected.get("known_issues", {})
        for key in expected:
            if key == "known_issues":
                continue
            marks = [pytest.mark.xfail(reason=known[key], strict=True)] if key in known else []
            out.append(pytest.param(case, key, id=f"{case.parent.name}/{case.name}:{key}", marks=marks))
    out.append(pytest.param(None, "registry", id="every-outlet-has-cases"))
    return out


def _msg(case: Path, key: str, got: Any, want: Any, extra: str = "") -> str:
    return f"{case.relative_to(ROOT)} {key!r}: got {got!r}, expected {want!r}. {extra}\n{HOW_TO_FIX}"


def _registry_check() -> None:
    sites = load_sites()
    kinds: dict[str, Counter[bool]] = {key: Counter() for key in sites}
    for case in CASES:
        result, expected, meta = run_case(case)
        site = sites.get(case.parent.name)
        assert site is not None, f"{case}: no outlet {case.parent.name!r} in crawler/sites.toml"
        assert (meta["article_pattern"], meta["exclude_pattern"]) == (site.article_pattern, site.exclude_pattern), (
            f"{case}: meta.json patterns differ from crawler/sites.toml; {HOW_TO_FIX}")
        kinds[site.key][bool(expected["is_article"])] += 1
    missing = {k: dict(c) for k, c in kinds.items() if not (c[True] and c[False])}
    assert not missing, f"outlets without an article and a non-article case: {missing}"


@pytest.mark.parametrize(("case", "key"), _params())
def test_outlet_fixture(case: Path | None, key: str) -> None:
    """One expected field of one outlet case (or: every registered outlet has both kinds of case)."""
    if case is None:
        _registry_check()
        return
    result, expected, _ = run_case(case)
    want = expected[key]
    article = result.get("article") or {}
    text = article.get("text", "")
    if key in RESULT_FIELDS:
        assert result[key] == want, _msg(case, key, result[key], want, f"(reason {result['reason']!r})")
    elif key == "reason_contains":
        assert not result["is_article"] and want in result["reason"], _msg(
            case, key, (result["is_article"], result["reason"]), (False, f"…{want}…"))
    elif key in ARTICLE_FIELDS:
        assert result["article"] is not None, _msg(case, key, None, want, f"page rejected: {result['reason']}")
        assert article.get(key) == want, _msg(case, key, article.get(key), want)
    elif key.startswith("text_contains"):
        missing = [s for s in want if s not in text]
        assert not missing, _msg(case, key, text[:300], want, f"missing: {missing}")
    elif key.startswith("text_excludes"):
        present = [s for s in want if s in text]
        assert result["article"] is not None and not present, _msg(case, key, text[:300], want, f"kept: {present}")
    elif key == "first_line_startswith":
        first = text.split("\n", 1)[0]
        assert first.startswith(want), _msg(case, key, first[:80], want + "…")
    else:
        pytest.fail(f"{case}: unknown expected.json key {key!r}; teach tests/test_outlet_fixtures.py about it")
