r"""A page whose JSON-LD holds one huge string must not cost its extraction worker ~140 bytes a character.

trafilatura's JSON-LD pass minifies every script with `JSON_MINIFY = ("(?:\\.|[^"\\])*")|\s`: an
alternation inside a repeat, so Python's regex engine keeps one backtracking frame per character of
a string literal. A 5 MB `articleBody` (5.3 MB page) took the worker to ~790 MB (and 1.3 s); the
possessive form of the same regex gives identical output in ~50 MB and 0.03 s. pipelines/trafilatura_guards.py
installs it; the second test checks it minifies every recorded JSON-LD block exactly as the original.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

PROBE = r"""
import json, resource, sys
sys.path.insert(0, "tests/testweb/hostile")
from make_hostile import article
from pipelines.extract import extract_page
title = "Koro : un JSON-LD de cinq mégaoctets"
ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                 "datePublished": "2025-06-30T09:30:00+00:00", "articleBody": "Remplissage du corps. " * 240_000})
body = article(title, "2025-06-30", "json-ld-de-cinq-megaoctets", "J1", jsonld=ld).replace("{BASE}", "http://127.0.0.1:1").encode()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = extract_page({"url": "http://127.0.0.1:1/2025/06/30/json-ld-de-cinq-megaoctets/", "body": body, "content_type": "text/html",
                       "hints": {}, "now": "2025-11-28T00:00:00+00:00"})
print(json.dumps({"before_mb": before / 1024, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "is_article": result["is_article"]}))
"""


def test_huge_jsonld_string_costs_its_size_not_100_times_it() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["is_article"]
    assert got["peak_mb"] - got["before_mb"] < 250, f"extraction grew the worker by {got['peak_mb'] - got['before_mb']:.0f} MB"


ORIGINAL_MINIFY = re.compile(r'("(?:\\.|[^"\\])*")|\s')  # trafilatura 2.0's own
LD_SCRIPT = re.compile(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', re.S | re.I)


def recorded_jsonld_blocks() -> list[str]:
    """Every JSON-LD block of the recorded pages, plus strings built to stress the escapes."""
    blocks = []
    for page in sorted(Path(REPO, "tests").rglob("*.htm*")):
        blocks += LD_SCRIPT.findall(page.read_text("utf-8", "replace"))
    return blocks + ['{"a": "x\\"y",  "b" : "\\\\" , "c":"\\u00e9 \\n"}', '{"unterminated": "abc  }', '"\\', ' { } ']


def test_possessive_minify_is_the_original_one() -> None:
    import pipelines.extract  # noqa: F401  (installs the possessive regex)
    import trafilatura.metadata

    blocks = recorded_jsonld_blocks()
    assert len(blocks) > 100
    assert trafilatura.metadata.JSON_MINIFY.pattern != ORIGINAL_MINIFY.pattern
    for block in blocks:
        assert trafilatura.metadata.JSON_MINIFY.sub(r"\1", block) == ORIGINAL_MINIFY.sub(r"\1", block)
