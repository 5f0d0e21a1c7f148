"""Bounds on trafilatura's own regular expressions and XPaths for hostile input (`install()`,
called by pipelines.extract).

A few of trafilatura's patterns retry a failing match from every position of a string, or keep a
backtracking frame per character, so a hostile page made them quadratic in time or memory. Its
XPaths of the shape `//X//Y` are quadratic in libxml2, which merges each X's descendants into the
result with a duplicate check against everything found so far: a 1 MB tag cloud of 25,000
`<div class="tags"><a href>` took 67 s, 200,000 `<p>a</p>` 97 s. Each replacement here gives
exactly the original's result, and is installed only while trafilatura still ships the pattern it
replaces: a release that changes one keeps its own.
(tests/test_regex_bounds.py, tests/test_xpath_bounds.py, tests/test_jsonld_memory.py)
"""
from __future__ import annotations

import contextlib
import re
from typing import Any, Callable

import trafilatura.json_metadata
import trafilatura.metadata
import trafilatura.utils
import trafilatura.xpaths
from lxml.etree import XPath, _Element

# A JSON-LD, <meta> or byline author string longer than this is no list of names (malinews keeps
# authors of at most 200 characters): trafilatura's name clean-up is quadratic on such strings.
MAX_AUTHOR_INPUT = 1000

_JSON_MINIFY = r'("(?:\\.|[^"\\])*")|\s'
_STRIP_TAGS = r"(<!--.*?-->|<[^>]*>)"
_AUTHOR_SPECIAL = r"[^\w]+$|[:()?*$#!%/<>{}~¿]"


def strip_tags(text: str) -> str:
    """`re.sub(r"(<!--.*?-->|<[^>]*>)", "", text)` in linear time.

    The regex looks for the end of a comment or a tag from every `<`: 200 KB of `<` in a `<meta>`
    took 22 s. Here each search starts where the previous one stopped, and once no `>` is left
    nothing more can match.
    """
    if "<" not in text:
        return text
    out: list[str] = []
    pos = 0
    close = newline = -2  # next "-->" / "\n" from where last looked for; -1: none left
    while (start := text.find("<", pos)) >= 0:
        end = -1
        if text.startswith("<!--", start):  # a comment: up to the first "-->" on the same line
            if -1 < close < start + 4 or close == -2:
                close = text.find("-->", start + 4)
            if -1 < newline < start + 4 or newline == -2:
                newline = text.find("\n", start + 4)
            if close >= 0 and (newline < 0 or close < newline):
                end = close + 3
        if end < 0:  # a tag: up to the first ">"
            if (gt := text.find(">", start + 1)) < 0:
                break
            end = gt + 1
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


class _TagStripper:
    """Stands in for trafilatura's HTML_STRIP_TAGS pattern, which it only calls as `.sub("", text)`."""

    def __init__(self, original: re.Pattern[str]) -> None:
        self._original = original
        self.pattern = original.pattern

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        """`strip_tags(string)`; any other use goes to the original pattern."""
        if repl == "" and not count and isinstance(string, str):
            return strip_tags(string)
        return self._original.sub(repl, string, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


_normalize_authors = trafilatura.json_metadata.normalize_authors


def bounded_normalize_authors(current_authors: str | None, author_string: str) -> str | None:
    """trafilatura's `normalize_authors`, except that a string over MAX_AUTHOR_INPUT characters is
    ignored, as trafilatura ignores an author given as a URL or an e-mail address."""
    if isinstance(author_string, str) and len(author_string) > MAX_AUTHOR_INPUT:
        return current_authors
    return _normalize_authors(current_authors, author_string)


# `//X//a[@href]`: trafilatura's category and tag link searches.
_LINKS_UNDER = re.compile(r"^//(?P<outer>.+)//a\[@href\]$", re.S)


class LinksUnder:
    """Stands in for an XPath `OUTER//a[@href]`, found in linear time: OUTER's matches first (the
    original's own first step), then one walk through each outermost match's descendants."""

    def __init__(self, outer: str, original: Callable[..., Any]) -> None:
        self._original = original
        self._outer = XPath(outer, namespaces={"re": trafilatura.xpaths.REGEXP_NS})
        self.path = getattr(original, "path", None)

    @classmethod
    def replacing(cls, original: XPath) -> LinksUnder:
        """The linear form of a compiled `//X//a[@href]` (ValueError for any other shape)."""
        match = _LINKS_UNDER.match(" ".join(original.path.split()))
        if match is None:
            raise ValueError(f"not an //X//a[@href] XPath: {original.path!r}")
        return cls("//" + match.group("outer"), original)

    def __call__(self, tree: _Element, **variables: Any) -> list[_Element]:
        """The `<a href>` elements inside OUTER's matches, each once, in document order."""
        if variables:
            return self._original(tree, **variables)  # type: ignore[no-any-return]
        matches = self._outer(tree)
        if not matches:
            return []
        matched = set(matches)  # lxml keeps one proxy per live node: identity is node identity
        inside: set[_Element] = set()
        links: list[_Element] = []
        for top in matches:
            if top in inside:  # its links were collected with the match that holds it
                continue
            for element in top.iterdescendants():
                if element in matched:
                    inside.add(element)
                if element.tag == "a" and element.get("href") is not None:
                    links.append(element)
        return links


# Quadratic paths trafilatura passes as strings to `element.xpath(...)` (no object to replace):
# `//p//text()` in its main extractor, and its licence search through the footers' links. The
# parser's elements (LinearXPathMixin) answer them with these: the same nodes in the same order.
LINEAR_XPATHS = {"//p//text()": "//text()[ancestor::p]"}
FOOTER_LINKS = './/footer//a[@href]|.//div[contains(@class, "footer") or contains(@id, "footer")]//a[@href]'
LINEAR_CALLS = {FOOTER_LINKS: LinksUnder('.//footer|.//div[contains(@class, "footer") or contains(@id, "footer")]',
                                         lambda tree, **variables: _Element.xpath(tree, FOOTER_LINKS, **variables))}


class LinearXPathMixin:
    """Element mixin (see htmltree.DEEP_PARSER) that answers `element.xpath(path)` for a path in
    LINEAR_XPATHS or LINEAR_CALLS with its linear equivalent."""

    def xpath(self, _path: str, *args: Any, **kwargs: Any) -> Any:
        """lxml's `_Element.xpath`, with a quadratic path swapped for its linear twin."""
        if not args and (linear := LINEAR_CALLS.get(_path)) is not None:
            return linear(self, **kwargs)  # type: ignore[arg-type]
        return super().xpath(LINEAR_XPATHS.get(_path, _path), *args, **kwargs)  # type: ignore[misc]


def _links_under(expressions: list[Any]) -> None:
    for i, expression in enumerate(expressions):
        if isinstance(expression, XPath):
            with contextlib.suppress(ValueError):  # not of the //X//a[@href] shape: kept as it is
                expressions[i] = LinksUnder.replacing(expression)


def install() -> None:
    """Put the bounded forms in place of trafilatura's (idempotent)."""
    # trafilatura minifies every JSON-LD script with `("(?:\\.|[^"\\])*")|\s`: a repeated
    # alternation, so the engine kept one backtracking frame per character of a string literal and a
    # 5 MB `articleBody` took a worker to ~790 MB. The possessive form matches the same strings (the
    # two branches cannot overlap) without the frames.
    if trafilatura.metadata.JSON_MINIFY.pattern == _JSON_MINIFY:
        trafilatura.metadata.JSON_MINIFY = re.compile(r'("(?:[^"\\]++|\\.)*+")|\s')
    for module in (trafilatura.utils, trafilatura.metadata, trafilatura.json_metadata):
        if isinstance(module.HTML_STRIP_TAGS, re.Pattern) and module.HTML_STRIP_TAGS.pattern == _STRIP_TAGS:
            module.HTML_STRIP_TAGS = _TagStripper(module.HTML_STRIP_TAGS)
    # `[^\w]+$` is tried from every character of a run of punctuation that does not end the name;
    # from the run's first character only, it removes the same trailing run.
    if trafilatura.json_metadata.AUTHOR_REMOVE_SPECIAL.pattern == _AUTHOR_SPECIAL:
        trafilatura.json_metadata.AUTHOR_REMOVE_SPECIAL = re.compile(r"(?<!\W)\W+$|[:()?*$#!%/<>{}~¿]")
    for module in (trafilatura.json_metadata, trafilatura.metadata):
        if module.normalize_authors is _normalize_authors:
            module.normalize_authors = bounded_normalize_authors
    # the lists trafilatura.metadata imported (same objects), so both modules see the linear forms
    _links_under(trafilatura.xpaths.CATEGORIES_XPATHS)
    _links_under(trafilatura.xpaths.TAGS_XPATHS)
