"""trafilatura's `//X//Y` XPaths stay linear on element floods, and find what they found before.

libxml2 merges the descendants of each X into the result with a duplicate check against all nodes
found so far, so `//X//Y` is quadratic in the number of X: a tag cloud of 25,000
`<div class="tags"><a href>` took trafilatura's tag search 67 s, 40,000 `<footer><a href>` its
licence search 31 s, 200,000 `<p>a</p>` its `//p//text()` 97 s (the 120 s extraction timeout is
reached by 1.6 MB of them). The linear forms
(pipelines.trafilatura_guards) are checked against the originals on random trees and on the
recorded pages, then timed on floods the old forms took minutes over.
"""
from __future__ import annotations

import copy
import gzip
import random
import re
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent / "testweb" / "hostile"))
from make_hostile import article  # noqa: E402

import pipelines.extract as extract  # noqa: E402
import trafilatura.metadata  # noqa: E402
from pipelines.htmltree import parse_html  # noqa: E402
from pipelines.trafilatura_guards import FOOTER_LINKS, LinearXPathMixin, LinksUnder  # noqa: E402
from test_regex_bounds import within  # noqa: E402

TESTS = Path(__file__).parent
GUARDED = trafilatura.metadata.CATEGORIES_XPATHS + trafilatura.metadata.TAGS_XPATHS

# Elements and classes the category and tag XPaths look for, and some they do not.
OPENERS = ['<div class="tags">', '<div class="row">', '<div class="post-meta">', '<div class="entry-utility x">',
           '<div class="topics">', '<div>', '<p class="entry-tags">', '<p class="postmeta">', '<p>',
           '<span class="post-category">', '<li class="cat-links big">', '<header class="entry-header">',
           '<footer class="entry-meta">', '<section class="entry-meta">', '<span>', '<b>',
           '<a href="/tag/mali/">', '<a href="/category/politique/">', '<a>', '<a class="entry-meta" href="/x">',
           '<footer>', '<div class="site-footer">', '<div id="footer-widgets">']


def random_page(rng: random.Random) -> str:
    """A random nest of the elements above, with text and tails, as HTML."""
    out: list[str] = ["<html><body>"]

    def grow(depth: int) -> None:
        for _ in range(rng.randint(0, 4)):
            opener = rng.choice(OPENERS)
            name = opener[1:].split(">")[0].split()[0]
            out.append(opener + rng.choice(["", "Bamako ", "mot "]))
            if depth < 6:
                grow(depth + 1)
            out.append(f"</{name}>" + rng.choice(["", " queue", ""]))
    grow(0)
    out.append("</body></html>")
    return "".join(out)


def same_texts(got: list[object], want: list[object]) -> bool:
    """Equal text nodes: same strings, same parents, same text-or-tail."""
    return [(str(t), t.getparent(), t.is_tail) for t in got] == [(str(t), t.getparent(), t.is_tail) for t in want]


def check_tree(tree: etree._Element) -> None:
    for expression in GUARDED:
        assert expression(tree) == expression._original(tree), expression.path
    for element in [tree, *tree.iter("div", "p", "span", "footer")][:20]:  # from any element
        assert same_texts(element.xpath("//p//text()"), etree._Element.xpath(element, "//p//text()"))
        assert element.xpath(FOOTER_LINKS) == etree._Element.xpath(element, FOOTER_LINKS)


def test_guards_are_installed() -> None:
    assert len(GUARDED) == 10 and all(isinstance(e, LinksUnder) for e in GUARDED)
    tree = parse_html("<html><body><form><label>a</label><input></form><p>b</p><article>c</article></body></html>")
    assert all(isinstance(e, LinearXPathMixin) for e in tree.iter())
    assert all(isinstance(e, LinearXPathMixin) for e in copy.deepcopy(tree).iter())
    assert all(isinstance(e, LinearXPathMixin) for e in copy.copy(tree).iter())


def test_linear_forms_find_what_the_originals_found_on_random_trees() -> None:
    rng = random.Random(11)
    found = footers = 0
    for _ in range(400):
        tree = parse_html(random_page(rng))
        check_tree(tree)
        found += sum(len(e(tree)) for e in GUARDED)
        footers += len(tree.xpath(FOOTER_LINKS))
    assert found > 1000 and footers > 300  # the random pages do exercise the searches


PAGES = sorted(TESTS.glob("fixtures/**/page.html.gz")) + sorted(TESTS.glob("testweb/sites/**/*.html"))[:150]


def test_linear_forms_find_what_the_originals_found_on_recorded_pages() -> None:
    assert len(PAGES) > 50
    for path in PAGES:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")
        tree = parse_html(text)
        if tree is not None:
            check_tree(tree)


def test_other_calls_reach_the_original_xpath() -> None:
    tree = parse_html('<html><body><div class="tags"><a href="/tag/a/">a</a></div><p>x<b>y</b></p></body></html>')
    expression = GUARDED[-4]  # //div[@class='tags']//a[@href]
    assert [a.text for a in expression(tree)] == ["a"]
    assert tree.xpath("//p//text()") == ["x", "y"]
    assert tree.xpath("count(//p)") == 1.0  # any other path goes through untouched
    with pytest.raises(ValueError):
        LinksUnder.replacing(etree.XPath("//div"))


TITLE = "Sikasso : la filière coton fait ses comptes"
URL = "http://127.0.0.1:1/2025/07/03/filiere-coton/"
PAGE = article(TITLE, "2025-07-03", "filiere-coton", "RB").replace("{BASE}", "http://127.0.0.1:1")
FLOODS = {  # what the old XPaths took
    "tag cloud of 25,000 links": "".join(f'<div class="tags"><a href="/tag/mot-{i}/">mot</a></div>' for i in range(25_000)),  # 67 s
    "150,000 one-letter paragraphs": "<p>a</p>" * 150_000,  # 50 s
    "40,000 entry headers with a link": '<header class="entry-header"><a href="/x">x</a></header>' * 40_000,  # 60 s
}


@pytest.mark.parametrize("case", list(FLOODS))
def test_element_floods_do_not_stall_extraction(case: str) -> None:
    page = PAGE.replace("</article>", "</article>" + FLOODS[case])
    with within(15):
        result = extract.extract_page({"url": URL, "body": page.encode(), "content_type": "text/html",
                                       "now": "2025-11-28T00:00:00+00:00"})
    assert result["is_article"], case
    assert result["article"]["title"] == TITLE
    assert result["article"]["published"].startswith("2025-07-03")
    assert "Office du Niger" in result["article"]["text"]


def test_a_footer_flood_does_not_stall_the_metadata_pass() -> None:
    """No JSON-LD byline: trafilatura's full metadata pass runs, with its licence search through
    every footer's links (`.//footer//a[@href]|…`: 31 s for 40,000 footers)."""
    page = re.sub(r'<script type="application/ld\+json">.*?</script>', "", PAGE, flags=re.S)
    page = page.replace("</article>", "</article>" + '<footer><a href="/f">f</a></footer>' * 40_000)
    with within(15):
        result = extract.extract_page({"url": URL, "body": page.encode(), "content_type": "text/html",
                                       "now": "2025-11-28T00:00:00+00:00"})
    assert result["is_article"] and result["article"]["title"] == TITLE
    assert "Office du Niger" in result["article"]["text"]


def test_the_footer_search_with_variables_goes_to_the_original() -> None:
    tree = parse_html('<html><body><footer><a href="/l">licence</a></footer></body></html>')
    assert [a.text for a in tree.xpath(FOOTER_LINKS)] == ["licence"]
    assert [str(a.text) for a in tree.xpath(FOOTER_LINKS, smart_strings=False)] == ["licence"]
