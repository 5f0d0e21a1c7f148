"""`extract_page(job) -> dict`: the pure, picklable extraction step run in worker processes (docs/design.md)."""
from __future__ import annotations

import hashlib
import html as html_lib
import re
import unicodedata
from dataclasses import replace
from typing import Any, Iterator
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import Document, examine_meta, extract_catstags, extract_meta_json, extract_metadata

from archive.textsketch import text_sketch
from pipelines.classify import (MIN_WORDS_CONFIRMED, PageSignals, classify_page, classify_shape, link_text_share,
                                markup_evidence)
from pipelines.cleaning import byline_author, clean_text, fix_apostrophes, tidy_author
from pipelines.date_languages import install as install_date_languages
from pipelines.dates import day_written, parse_now
from pipelines.decode import decode_body
from pipelines.htmltree import drop_hidden_text, ends_early, parse_html, unwrap_layout_tables
from pipelines.links import PageLinks, absolute, extract_links
from pipelines.metadata import PageMeta, jsonld_list, jsonld_names, jsonld_text, read_meta, squash
from pipelines.pubdate import PUBLISHED_META, choose_modified, choose_published, header_scan
from pipelines.textsafe import MAX_AUTHOR, safe_article, scrub_text, truncate_words
from pipelines.trafilatura_guards import install as install_trafilatura_guards

install_trafilatura_guards()  # bounded forms of trafilatura's quadratic regexes (hostile input)
install_date_languages()  # htmldate's free-text dates in the press's languages, not all 205 locales

# fast=True skips trafilatura's readability/jusText fallback: on the shared benchmark it scored higher
# (F1 0.963 vs 0.960) and cost ~6 ms less per page (bench/extraction.py); all fixtures pass either way.
TRAFILATURA_FAST = True
MAX_TITLE_CHARS = 300  # longer "titles" are a CMS pasting the lead paragraph, or hostile
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ")  # not " : ": "Mali : …" is a headline
_ALNUM = re.compile(r"[\W_]+")
# Boilerplate containers of French CMSs that trafilatura does not know by name (comments are
# "réactions", related items "similaires", share bars "partage", footers "pied"), plus page banners.
# The `@class and (…)` guard lets libxml2 skip elements without the attribute: 2.4× faster, same nodes.
PRUNE_XPATH = [
    "//*[@class and (contains(@class,'reaction') or contains(@class,'commentaire')"
    " or contains(@class,'similaires') or contains(@class,'partage') or contains(@class,'lire-aussi')"
    " or contains(@class,'meteo') or contains(@class,'weather'))]"
    " | //*[@id and (contains(@id,'commentaire') or contains(@id,'pied'))]",
    "//header[@role='banner'] | //footer[@role='contentinfo']",
]
CATSTAGS = {"categories": "category", "tags": "tag"}  # trafilatura's field -> its link-search kind
HEAD_FIELDS = frozenset({"image", "description", *CATSTAGS})  # fields trafilatura takes from <meta>/JSON-LD (+ links)
_NOT_A_NAME = re.compile(r"(?:https?|mailto|www)[\s:./a-z]|[^\s@]+@[^\s@]+$", re.I)  # a URL or an address, no byline
_TEASER_END = re.compile(r"(?:\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))\s*$")
_SOURCE_LINE = re.compile(r"^[^\S\n]*source\s*:", re.I | re.M)
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote)\s*>", re.I)
_TAG = re.compile(r"<[^<>]{0,2000}>")
MAX_JSONLD_BODY = 2_000_000  # characters of a JSON-LD articleBody read at most


def content_hash(text: str) -> str:
    """sha256 hex of the text after NFKC, casefolding and whitespace collapsing."""
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _norm(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def strip_site_name(title: str, site_names: list[str]) -> str:
    """Remove a leading or trailing " - SiteName" part when it names the site."""
    names = [n for n in (_norm(s) for s in site_names) if len(n) >= 3]
    for sep in _SEPARATORS:
        if sep not in title:
            continue
        head, tail = title.rsplit(sep, 1)
        first, rest = title.split(sep, 1)
        for part, keep in ((tail, head), (first, rest)):
            part_norm = _norm(part)
            if part_norm and keep.strip() and any(
                    n in part_norm or (part_norm in n and len(part_norm) >= 0.6 * len(n)) for n in names):
                return keep.strip()
    return title


def _site_names(page: PageMeta, url: str) -> list[str]:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    publisher = jsonld_text(page.jsonld_article.get("publisher"))
    # trafilatura's own sitename is left out: it is often guessed from the <title> itself.
    return [n for n in (page.meta.get("og:site_name"), publisher, host, host.rsplit(".", 1)[0]) if n]


def _title_sources(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any]) -> Iterator[str | None]:
    yield page.meta.get("og:title")
    yield jsonld_text(page.jsonld_article.get("headline"))
    yield page.h1
    guess = doc.get("title")  # trafilatura's metadata pass runs only if the page's own markup has no title
    if guess and page.html_title and guess != page.html_title and _cut_inside_headline(page.html_title, guess):
        guess = None
    yield guess
    yield page.html_title


def _cut_inside_headline(html_title: str, guess: str) -> bool:
    """Whether trafilatura's title is `<title>` cut (by its own HTMLTITLE_REGEX) at a colon or a
    guillemet: French headlines space those ("Mali : la transition", "l'été « brûlant » des
    maraîchers"), so the cut falls inside the headline, while " - ", " | ", " – " set off an outlet
    or section name."""
    match = trafilatura.metadata.HTMLTITLE_REGEX.match(html_title)
    if match is None or guess not in (match[1], match[2]):
        return False
    return html_title[len(match[1] or ""):].lstrip()[:1] in tuple(":«»‹›<>")


def choose_title(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any], url: str, hint: str | None) -> str:
    """Headline from og:title, JSON-LD headline, <h1>, trafilatura, <title>; a hint title confirms."""
    names = _site_names(page, url)
    name_norms = {_norm(n) for n in names}
    candidates = []
    overlong = []  # a 10,000-character og:title is not a headline: the next source may hold one
    wanted = _norm(squash(hint)) if hint else ""
    for raw in _title_sources(page, doc):
        raw = fix_apostrophes(squash(raw)) if raw else ""
        if wanted and _norm(raw) == wanted and len(raw) <= MAX_TITLE_CHARS:
            return raw  # the sitemap/feed title confirms this exact form
        title = strip_site_name(raw, names) if raw else ""
        if len(title) > MAX_TITLE_CHARS:
            overlong.append(title)
            continue
        if title and _norm(title) not in name_norms:
            candidates.append(title)
            if not wanted:
                break  # the first usable title wins: later sources are not even read
    if wanted and candidates:
        for title in candidates:
            if _norm(title) == wanted:
                return title
    if candidates:
        return candidates[0]
    hint_title = squash(hint)
    if hint_title and len(hint_title) <= MAX_TITLE_CHARS:
        return hint_title
    return (truncate_words(overlong[0], MAX_TITLE_CHARS) or "") if overlong else ""


def _language_sources(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any], default: str | None) -> Iterator[str | None]:
    yield jsonld_text(page.jsonld_article.get("inLanguage"))
    yield page.html_lang
    yield page.meta.get("og:locale")
    yield page.meta.get("content-language")
    yield doc.get("language")  # read (and trafilatura's metadata pass run) only when the markup says nothing
    yield default


# Language names some CMSs write where a code belongs (`<html lang="français">`, `inLanguage: "French"`).
LANGUAGE_NAMES = {"français": "fr", "francais": "fr", "french": "fr", "bambara": "bm", "bamanankan": "bm",
                  "english": "en", "anglais": "en", "arabe": "ar", "arabic": "ar", "العربية": "ar"}


def _language(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any], default: str | None) -> str | None:
    for raw in _language_sources(page, doc, default):
        code = re.split(r"[-_]", raw.strip().lower())[0] if raw else ""
        code = LANGUAGE_NAMES.get(code, code)
        if code and code.isascii() and code.isalpha() and len(code) <= 3:
            return code
    return None


def _author_sources(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any]) -> Iterator[str | None]:
    yield jsonld_names(page.jsonld_article.get("author"))
    yield page.meta.get("author")
    article_author = page.meta.get("article:author", "")
    yield None if "/" in article_author else article_author  # a profile URL is no name
    yield doc.get("author")  # read only when the markup names nobody


def _author(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any]) -> str | None:
    """The byline from JSON-LD, <meta>, else trafilatura, tidied ("Par Oumar Diakité" → "Oumar Diakité");
    a URL or an e-mail address is no name (nor trafilatura's rewrite of one: "Mailtoredaction Ml")."""
    for raw in _author_sources(page, doc):
        if raw and len(raw) <= MAX_AUTHOR and not _NOT_A_NAME.match(raw.strip()):
            raw = fix_apostrophes(squash(raw))
            return byline_author(raw) or tidy_author(raw) or None
    return None


class TrafilaturaDoc:
    """trafilatura's body text, with its metadata (title, author, date, categories…) extracted only
    when a field is first asked for.

    Most news pages give malinews its title, author and date in their own markup (og:, JSON-LD, the
    headline block), so trafilatura's metadata pass (htmldate's date search, licence, categories:
    ~1 ms a page) is only a fallback. It runs on the untouched parsed tree: `bare_extraction` copies
    a tree it is given before pruning it.
    """

    def __init__(self, tree: HtmlElement, url: str, now_day: str, text: str | None) -> None:
        self.tree, self.url, self.now_day, self.text = tree, url, now_day, text
        self._meta: dict[str, Any] | None = None
        self._head: Document | None = None  # trafilatura's <meta> and JSON-LD pass alone

    def get(self, key: str, default: Any = None) -> Any:
        """A field of trafilatura's output, like `dict.get` on `bare_extraction(...).as_dict()`."""
        if self.text is None:  # trafilatura found no body: it gives no metadata either
            return default
        if key == "text":
            return self.text
        if key in HEAD_FIELDS and self._meta is None:
            value = self._head_field(key)
            return value if value else default
        if self._meta is None:
            self._meta = extract_metadata(self.tree, self.url, date_params(self.now_day), TRAFILATURA_FAST).as_dict()
        value = self._meta.get(key)
        return default if value is None else value

    def _head_field(self, key: str) -> Any:
        """Image, description, categories or tags exactly as `extract_metadata` finds them, without its
        costly rest (title, author, date and licence searches): <meta> and JSON-LD first, then, for
        categories and tags, the page's category and tag links."""
        if self._head is None:
            head = examine_meta(self.tree)
            try:
                head = extract_meta_json(self.tree, head)
            except Exception:  # noqa: BLE001 - extract_metadata ignores its JSON-LD bugs the same way
                pass
            head.clean_and_trim()
            self._head = head
        value = getattr(self._head, key)
        if not value and key in CATSTAGS:
            value = extract_catstags(CATSTAGS[key], self.tree)
        return value


def written_date(value: str | None, html: str) -> str | None:
    """trafilatura's date, unless it falls on the 1st of a month the page never writes in full: then
    htmldate padded a year or a month (a copyright line "© 2025" became 2025-01-01), and a feed,
    sitemap or URL date, or none, is better than a made-up day."""
    if not value or value[8:10] != "01" or day_written(value, html):
        return value
    return None


def date_params(now_day: str) -> dict[str, Any]:
    """htmldate's settings: the original (not updated) date, extensive search, nothing after today."""
    return {"original_date": True, "extensive_search": True, "max_date": now_day}


def _run_trafilatura(tree: HtmlElement, url: str, now_day: str) -> TrafilaturaDoc:
    """trafilatura's body for a parsed tree (text None when it finds nothing), metadata on demand."""
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=True, fast=TRAFILATURA_FAST,
        prune_xpath=PRUNE_XPATH)
    return TrafilaturaDoc(tree, url, now_day, doc.text if doc is not None else None)


def _signals(page: PageMeta, url: str, canonical: str | None, has_pagination: bool) -> PageSignals:
    return PageSignals(
        url=url, canonical_url=canonical, title=page.html_title, h1=page.h1, body_classes=page.body_classes,
        jsonld_types=tuple(page.jsonld_types), og_type=page.meta.get("og:type"),
        has_published_meta=any(page.meta.get(k) for k in PUBLISHED_META[:3]),
        article_cards=page.article_cards, heading_links=page.heading_links, has_pagination=has_pagination)


def _text_signals(signals: PageSignals, text: str, found: PageLinks) -> PageSignals:
    """Add listing evidence found in the extracted text: linked teaser titles, "[…]" excerpts, and
    (for a page whose markup does not say "article") how much of it is the page's link texts."""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    teasers = sum(1 for line in lines if line.casefold() in found.anchor_titles)
    ellipses = sum(1 for line in lines if _TEASER_END.search(line))
    share = link_text_share(text, found.anchor_texts) if markup_evidence(signals) is None else 0.0
    return replace(signals, teaser_lines=teasers, ellipsis_lines=ellipses, text_lines=len(lines), link_text_share=share)


def extract_page(job: dict[str, Any]) -> dict[str, Any]:
    """Decode, parse once, classify and extract one fetched page; see docs/design.md for both dicts."""
    return extract_page_meta(job)[0]


def extract_page_meta(job: dict[str, Any]) -> tuple[dict[str, Any], PageMeta | None]:
    """`extract_page`'s result plus the page's parsed metadata (None when unparseable), for callers
    that read more from the page without parsing it again."""
    url: str = job["url"]
    raw = job.get("body") or b""
    text, encoding = decode_body(raw.encode("utf-8") if isinstance(raw, str) else raw, job.get("content_type"))
    result: dict[str, Any] = {"is_article": False, "reason": "", "canonical_url": None, "links": [],
                              "feeds": [], "next_pages": [], "encoding": encoding, "article": None}
    try:
        tree = parse_html(text) if text.strip() else None
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        result["reason"] = "unparseable"
        return result, None
    found = extract_links(tree, url)
    result.update(canonical_url=found.canonical_url, links=found.links, feeds=found.feeds,
                  next_pages=found.next_pages)
    page = read_meta(tree)
    signals = _signals(page, url, found.canonical_url, bool(found.next_pages))
    verdict = classify_shape(signals, job.get("article_pattern"), job.get("exclude_pattern"))
    if verdict is not None:  # decided from markup alone: skip the costly body extraction
        result["reason"] = verdict.reason
        return result, page
    now = parse_now(job.get("now"))
    drop_hidden_text(tree, text)
    unwrap_layout_tables(tree, text)
    try:
        doc = _run_trafilatura(tree, url, now.date().isoformat())
    except Exception as err:  # noqa: BLE001 - one bad page must not kill a worker; the reason says why
        result["reason"] = f"extraction-error:{type(err).__name__}"
        return result, page
    article = _build_article(page, doc, job, url, now, text)
    signals = _text_signals(signals, article["text"], found)
    verdict = classify_page(signals, article["word_count"], article["published"] is not None,
                            job.get("article_pattern"), job.get("exclude_pattern"), article["text"])
    result.update(is_article=verdict.is_article, reason=verdict.reason,
                  article=article if verdict.is_article else None)
    if verdict.is_article:  # the story index's sketch, here in the worker rather than on the archive's writer
        result["sketch"] = text_sketch(article["text"])
        result["ends_early"] = ends_early(text)  # a refetch cut short must not replace a whole text
    return result, page


def jsonld_body(node: dict[str, Any]) -> str:
    """The `articleBody` of a JSON-LD article node as paragraphs (its HTML, if any, reduced to text)."""
    value = node.get("articleBody")
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return ""
    value = _TAG.sub(" ", _BLOCK_END.sub("\n", value[:MAX_JSONLD_BODY]))
    return "\n".join(line for line in (squash(html_lib.unescape(x)) for x in value.split("\n")) if line)


def _build_article(page: PageMeta, doc: TrafilaturaDoc | dict[str, Any], job: dict[str, Any], url: str, now: Any,
                   html: str = "") -> dict[str, Any]:
    """The article dict of the contract, whatever the verdict will be (`html`: the decoded page)."""
    hints = job.get("hints") or {}
    title = scrub_text(choose_title(page, doc, url, hints.get("title")))
    cleaned = clean_text(scrub_text(doc.get("text") or ""), title)
    body = cleaned.text
    if "\n" not in body and (ld_text := jsonld_body(page.jsonld_article)):
        # A page that renders its text by script shows next to nothing ("Chargement…") and its JSON-LD
        # may hold it all; trafilatura's own fallback to it (an empty body) runs its paragraphs together.
        fallback = clean_text(scrub_text(ld_text), title)
        words = body.split()
        if len(words) < MIN_WORDS_CONFIRMED < len(fallback.text.split()) or words == fallback.text.split():
            cleaned, body = fallback, fallback.text
    if not title:  # no source names it: its first line stands in rather than the article being lost
        title = truncate_words(squash(next((line for line in body.split("\n") if line.strip()), "")), 150) or ""
    if cleaned.source and not _SOURCE_LINE.search(body):
        body = f"{body}\nSource : {cleaned.source}" if body else f"Source : {cleaned.source}"
    header_date, header_author = header_scan(page, now)
    published, date_source = choose_published(page, body, lambda: written_date(doc.get("date"), html), hints, url, now,
                                              header_date)
    ld = page.jsonld_article
    section = (jsonld_list(ld.get("articleSection")) or page.multi.get("article:section")
               or list(doc.get("categories") or []) or [None])[0]
    tags = page.multi.get("article:tag") or jsonld_list(ld.get("keywords")) or list(doc.get("tags") or [])
    image = page.meta.get("og:image") or jsonld_text(ld.get("image")) or doc.get("image")
    return safe_article({
        "title": title,
        "author": _author(page, doc) or header_author or cleaned.author,
        "published": published,
        "modified": choose_modified(page, now),
        "section": squash(section) or None,
        "tags": list(dict.fromkeys(squash(t) for t in tags if squash(t)))[:30],
        "description": squash(page.meta.get("og:description") or page.meta.get("description")
                              or jsonld_text(ld.get("description")) or doc.get("description")) or None,
        "image": absolute(url, image) if image else None,
        "language": _language(page, doc, job.get("language")),
        "text": body,
        "word_count": len(body.split()),
        "content_hash": content_hash(body),
        "date_source": date_source,
    })


__all__ = ["extract_page", "extract_page_meta", "content_hash", "strip_site_name", "choose_title"]
