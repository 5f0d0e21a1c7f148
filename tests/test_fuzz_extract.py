"""`extract_page` on 600 mutated copies of a genuine article: never an exception, never a slow page,
and wherever the article survives, its headline survives whole.

The mutations are what hostile pages combine: truncation, control and bidi characters, lying or
unknown charset labels, BOMs, CRLF, deep nesting, a second <head>, NUL bytes, entities with and
without their semicolon, end tags dropped, upper-case tags, a <head> opened as <body>, cp1252 and
UTF-16 bytes. Seeds are fixed: a failure names its mutations and reproduces.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "testweb" / "hostile"))
from make_hostile import article  # noqa: E402

from pipelines.extract import extract_page  # noqa: E402

TITLE = "Ségou : l’été « brûlant » des maraîchers de l'Office du Niger"
URL = "http://127.0.0.1:1/2025/06/10/ete-brulant/"
PAGE = article(TITLE, "2025-06-10", "ete-brulant", "F1").replace("{BASE}", "http://127.0.0.1:1")
# Mutations that change the headline itself: a charset lie or junk changes its characters, and NUL
# bytes in place of its spaces are dropped (as browsers drop them), gluing its words.
TITLE_CHANGING = {"label", "cp1252", "utf16", "junk", "nul"}


def mutate(rng: random.Random) -> tuple[bytes, list[str]]:
    """A mutated copy of PAGE and the names of its mutations."""
    page, ops = PAGE, []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["trunc", "junk", "label", "bom", "crlf", "nest", "head", "nul", "entity", "unclosed",
                         "upper", "swap", "cp1252", "utf16"])
        ops.append(op)
        if op == "trunc":
            page = page[: int(len(page) * rng.uniform(0.6, 0.99))]
        elif op == "junk":
            at = rng.randrange(len(page))
            page = page[:at] + "".join(chr(rng.choice([0, 1, 0x1B, 0xFFFE, 0x202E, 0xAD, 0x3C, 0x3E, 0x26, 0x22]))
                                       for _ in range(rng.randint(1, 20))) + page[at:]
        elif op == "label":
            page = page.replace('<meta charset="utf-8">', f'<meta charset="{rng.choice(["iso-8859-1", "utf-16", "koi8-r", "bogus", ""])}">')
        elif op == "bom":
            page = "\ufeff" + page
        elif op == "crlf":
            page = page.replace("\n", "\r\n")
        elif op == "nest":
            page = page.replace("<article>", "<div><span><b>" * rng.randint(1, 400) + "<article>")
        elif op == "head":
            page = page.replace("</head>", "<head><title>Autre</title></head></head>")
        elif op == "nul":
            page = page.replace(" ", "\x00", rng.randint(1, 50))
        elif op == "entity":
            page = page.replace("é", rng.choice(["&eacute;", "&#233;", "&#xE9;", "&eacute", "&#233"]))
        elif op == "unclosed":
            page = page.replace("</p>", "").replace("</div>", "")
        elif op == "upper":
            page = page.replace("<p>", "<P>").replace("</p>", "</P>").replace("<article>", "<ARTICLE>")
        elif op == "swap":
            page = page.replace("<head>", "<body>", 1)
    if "utf16" in ops:
        return page.encode("utf-16", "surrogatepass"), ops
    if "cp1252" in ops:
        return page.encode("cp1252", "replace"), ops
    return page.encode("utf-8", "surrogatepass"), ops


@pytest.mark.parametrize("seed", range(6))
def test_mutated_pages_never_break_extraction(seed: int) -> None:
    rng = random.Random(seed)
    articles = 0
    for _ in range(100):
        body, ops = mutate(rng)
        started = time.perf_counter()
        result = extract_page({"url": URL, "body": body, "hints": {}, "now": "2025-11-28T00:00:00+00:00",
                               "content_type": rng.choice(["text/html", "text/html; charset=utf-8", None,
                                                           "text/html; charset=latin-1"])})
        assert time.perf_counter() - started < 5, ops
        if result["is_article"]:
            articles += 1
            title = result["article"]["title"]
            assert title and "\x00" not in title, (ops, title)
            if not TITLE_CHANGING & set(ops):
                assert title == TITLE, (ops, title)
    assert articles >= 90  # most mutations leave a readable article
