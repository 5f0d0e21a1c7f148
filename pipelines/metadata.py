"""Read page-level metadata (meta tags, JSON-LD, <title>, <h1>, body classes) from a parsed tree in one pass."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "Report",
                           "LiveBlogPosting", "SatiricalArticle", "ScholarlyArticle", "TechArticle"})
_MULTI = ("article:tag", "article:section", "article:author")
_WS = re.compile(r"\s+")


@dataclass
class PageMeta:
    """Raw metadata found in the page markup, before any choice between sources."""

    meta: dict[str, str] = field(default_factory=dict)          # first value per lower-cased name/property
    multi: dict[str, list[str]] = field(default_factory=dict)   # repeated ones (article:tag…)
    jsonld_types: list[str] = field(default_factory=list)       # every @type seen, in order
    jsonld_article: dict[str, Any] = field(default_factory=dict)  # the first article-typed node
    html_title: str = ""
    h1: str = ""
    h1_node: HtmlElement | None = None
    html_lang: str | None = None
    body_classes: frozenset[str] = frozenset()
    article_cards: int = 0      # <article> elements
    heading_links: int = 0      # <h2>…<h5> that contain a link: teaser titles


def squash(text: str | None) -> str:
    """Collapse whitespace and strip; '' for None."""
    return _WS.sub(" ", text).strip() if text else ""


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _walk_jsonld(data: Any, page: PageMeta, depth: int = 0) -> None:
    """Record @types and the first article node of a JSON-LD value (objects, lists, @graph)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _walk_jsonld(item, page, depth + 1)
        return
    if not isinstance(data, dict):
        return
    types = _types(data)
    page.jsonld_types.extend(types)
    if not page.jsonld_article and ARTICLE_TYPES.intersection(types):
        page.jsonld_article = data
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        if isinstance(data.get(key), (list, dict)):
            _walk_jsonld(data[key], page, depth + 1)


def read_meta(tree: HtmlElement) -> PageMeta:
    """Collect meta tags, JSON-LD, title, first <h1>, <html lang>, body classes and listing counts."""
    page = PageMeta(html_lang=tree.get("lang") or tree.get("xml:lang"))
    for node in tree.iter("meta", "script", "title", "h1", "h2", "h3", "h4", "h5", "body", "article"):
        tag = node.tag
        if tag == "meta":
            key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
            value = node.get("content")
            if key and value is not None:
                value = squash(value)
                page.meta.setdefault(key, value)
                if key in _MULTI and value:
                    page.multi.setdefault(key, []).append(value)
        elif tag == "script":
            if (node.get("type") or "").strip().lower() == "application/ld+json" and node.text:
                try:
                    _walk_jsonld(json.loads(node.text), page)
                except (ValueError, RecursionError):
                    continue
        elif tag == "title":
            page.html_title = page.html_title or squash(node.text_content())
        elif tag == "h1":
            if page.h1_node is None and (text := squash(node.text_content())):
                page.h1, page.h1_node = text, node
        elif tag == "body":
            page.body_classes = frozenset((node.get("class") or "").lower().split())
        elif tag == "article":
            page.article_cards += 1
        elif node.find(".//a") is not None:
            page.heading_links += 1
    return page


def jsonld_text(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, an object with name/url, or a list."""
    if isinstance(value, str):
        return squash(value) or None
    if isinstance(value, dict):
        return jsonld_text(value.get("name") or value.get("@id") or value.get("url"))
    if isinstance(value, list):
        parts = [p for p in (jsonld_text(v) for v in value) if p]
        return ", ".join(dict.fromkeys(parts)) or None
    return None


def jsonld_names(value: Any) -> str | None:
    """The names of a JSON-LD `author` (a string, a Person, or a list of them), `; `-separated as
    malinews writes several authors ("Awa Diarra; Oumar Traoré", as a byline "X et Y" gives them)."""
    if isinstance(value, list):
        names = [name for name in (jsonld_text(v) for v in value[:20]) if name]
        return "; ".join(dict.fromkeys(names)) or None
    return jsonld_text(value)


def jsonld_list(value: Any) -> list[str]:
    """A list of strings from a JSON-LD keywords/section value (comma-separated string or list)."""
    if isinstance(value, str):
        return [squash(v) for v in value.split(",") if squash(v)]
    if isinstance(value, list):
        return [s for v in value for s in jsonld_list(v)]
    return []
