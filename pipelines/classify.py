"""Decide whether a page is a news article, always returning the reason for the decision."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from pipelines.metadata import ARTICLE_TYPES

MIN_WORDS_CONFIRMED = 30     # a page whose markup says "article" may be a short radio brief
MIN_WORDS_PATTERN = 40       # the site's article URL pattern vouches for a short page a little
MIN_WORDS_UNCONFIRMED = 80   # without markup evidence, demand a real body
WEBSITE_MIN_WORDS = 150   # og:type=website pages need this much dated text to count as articles
LISTING_CARDS = 6
# Share of the text's words that the page's own links say: a page of bare links (numbered, or one
# or two words each) under a dated address read as an article of link texts. Real unconfirmed
# articles measured up to 0.79, even with a whole menu extracted into the text.
LINK_LIST_SHARE = 0.9
LISTING_HEADING_LINKS = 10

_LISTING_TYPES = {"CollectionPage", "SearchResultsPage", "ProfilePage", "ItemList", "ContactPage", "AboutPage"}
_SOFT_404 = re.compile(
    r"page (?:introuvable|non trouv[ée]e|inexistante)|\berreur 404\b|\berror 404\b|^404\b|\b404\s*[-:|–]|"
    r"\bpage not found\b", re.I)
# Weaker phrases that a real headline could contain: only trusted when the markup claims no article.
_SOFT_404_WEAK = re.compile(r"\bnot found\b|n'existe (?:pas|plus)|aucun r[ée]sultat|nothing (?:was )?found", re.I)
_URL_SHAPES = (
    ("attachment", re.compile(r"/attachment/|[?&]attachment_id=", re.I)),
    ("search", re.compile(r"/(?:search|recherche)(?:/|$)|[?&](?:s|q|search)=", re.I)),
    ("tag", re.compile(r"/(?:tag|tags|etiquette|mot-cle|mots-cles)(?:/|$)", re.I)),
    ("author", re.compile(r"/(?:author|auteur|auteurs|journaliste)(?:/|$)", re.I)),
    ("category", re.compile(r"/(?:category|categorie|categories|rubrique|section)(?:/|$)", re.I)),
    ("contact", re.compile(r"/(?:contact|contactez-nous|nous-contacter|contact-us|a-propos|about|"
                           r"mentions-legales|politique-de-confidentialite|privacy-policy)/?$", re.I)),
    ("pagination", re.compile(r"/page/\d+/?$|[?&](?:page|paged)=(?:[2-9]|[1-9]\d+)(?:&|$)", re.I)),
)
# WordPress puts the template name in <body class>; these are never single articles.
_WP_BODY = (("soft-404", "error404"), ("search", "search-results"), ("search", "search-no-results"),
            ("attachment", "attachment"), ("tag", "tag"), ("author", "author"), ("category", "category"),
            ("homepage", "home"), ("listing", "archive"), ("listing", "blog"))


@dataclass(frozen=True)
class Verdict:
    """An article/non-article decision and its machine-readable reason."""

    is_article: bool
    reason: str


@dataclass(frozen=True)
class PageSignals:
    """Markup-level facts about a page, gathered before and after body extraction."""

    url: str
    canonical_url: str | None = None
    title: str = ""
    h1: str = ""
    body_classes: frozenset[str] = frozenset()
    jsonld_types: tuple[str, ...] = ()
    og_type: str | None = None
    has_published_meta: bool = False
    article_cards: int = 0
    heading_links: int = 0
    has_pagination: bool = False
    teaser_lines: int = 0       # extracted lines that are the text of a link (teaser titles)
    ellipsis_lines: int = 0     # extracted lines ending in "[…]" / "(…)" (teaser excerpts)
    text_lines: int = 0
    link_text_share: float = 0.0  # see LINK_LIST_SHARE (computed for pages without article markup)


def _teasers(signals: PageSignals) -> int:
    """How listing-like the page is: 0 (few teasers), 1 (many), 2 (very many cards or teaser titles)."""
    cards = max(signals.article_cards / LISTING_CARDS, signals.heading_links / LISTING_HEADING_LINKS)
    return 2 if cards >= 2 else 1 if cards >= 1 else 0


def _teaser_text(signals: PageSignals, word_count: int) -> bool:
    """Whether the text reads like a list of teasers (linked titles, "[…]" excerpts) rather than a story.

    Proportions matter: a long page with a few linked lines (a menu trafilatura kept) is not a listing.
    """
    teasers, ellipses, lines = signals.teaser_lines, signals.ellipsis_lines, signals.text_lines
    return (ellipses >= 2 and ellipses * 6 >= lines) or (
        teasers >= 2 and (teasers * 4 >= lines or word_count < 300))


def link_text_share(text: str, anchor_texts: list[str]) -> float:
    """Share of `text`'s words that the page's link texts also say, each link word covering one
    occurrence (casefolded; 0.0 for an empty text)."""
    words = Counter(text.casefold().split())
    total = sum(words.values())
    if not total:
        return 0.0
    said = Counter(word for anchor in anchor_texts for word in anchor.split())
    return sum(min(n, said[word]) for word, n in words.items() if word in said) / total


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def article_type(signals: PageSignals) -> str | None:
    """The first article-like JSON-LD @type, if any."""
    return next((t for t in signals.jsonld_types if t in ARTICLE_TYPES), None)


def markup_evidence(signals: PageSignals) -> str | None:
    """Reason string when the markup itself declares an article, else None."""
    if (kind := article_type(signals)):
        return f"json-ld:{kind}"
    if (signals.og_type or "").lower() == "article":
        return "og:type=article"
    if signals.has_published_meta:
        return "meta:published_time"
    return None


def classify_shape(signals: PageSignals, article_pattern: str | None = None,
                   exclude_pattern: str | None = None) -> Verdict | None:
    """Decisive negative verdict from URL, template and markup alone (before body extraction), else None."""
    urls = [u for u in (signals.url, signals.canonical_url) if u]
    if exclude_pattern and any(_compile(exclude_pattern).search(u) for u in urls):
        return Verdict(False, "excluded-pattern")
    confirmed = markup_evidence(signals)
    heading = f"{signals.title} | {signals.h1}"
    if _SOFT_404.search(signals.h1) or _SOFT_404.search(signals.title) or (
            not confirmed and _SOFT_404_WEAK.search(heading)):
        return Verdict(False, "soft-404")
    classes = signals.body_classes
    if "single-post" not in classes and ("single" not in classes or "attachment" in classes):
        for reason, klass in _WP_BODY:
            if klass in signals.body_classes:
                return Verdict(False, reason)
        if "page" in signals.body_classes and not confirmed:
            return Verdict(False, "static-page")
    path = urlsplit(signals.url)
    if path.path in ("", "/") and not path.query:
        return Verdict(False, "homepage")
    for reason, shape in _URL_SHAPES:
        target = path.path + ("?" + path.query if path.query else "")
        if shape.search(target) and not (reason == "pagination" and confirmed):
            return Verdict(False, f"url:{reason}")
    listing_type = next((t for t in signals.jsonld_types if t in _LISTING_TYPES), None)
    if listing_type and not article_type(signals):
        return Verdict(False, f"json-ld:{listing_type}")
    if not confirmed and _teasers(signals) >= (1 if signals.has_pagination else 2):
        return Verdict(False, "listing")
    if (signals.og_type or "").lower() == "profile":
        return Verdict(False, "og:type=profile")
    return None


def classify_page(signals: PageSignals, word_count: int, has_date: bool, article_pattern: str | None = None,
                  exclude_pattern: str | None = None, text: str = "") -> Verdict:
    """Full verdict once the body has been extracted: shape checks, then length, date and evidence."""
    early = classify_shape(signals, article_pattern, exclude_pattern)
    if early is not None:
        return early
    confirmed = markup_evidence(signals)
    if word_count < 60 and (_SOFT_404.search(text[:300]) or _SOFT_404_WEAK.search(text[:300])):
        return Verdict(False, "soft-404")
    if not confirmed and (_teasers(signals) and word_count < 300 or _teaser_text(signals, word_count)):
        return Verdict(False, "listing")
    if not confirmed and signals.link_text_share >= LINK_LIST_SHARE:
        return Verdict(False, "link-list")
    urls = [u for u in (signals.url, signals.canonical_url) if u]
    pattern_ok = bool(article_pattern) and any(_compile(article_pattern).search(u) for u in urls)
    minimum = MIN_WORDS_CONFIRMED if confirmed else MIN_WORDS_PATTERN if pattern_ok else MIN_WORDS_UNCONFIRMED
    if word_count < minimum:
        return Verdict(False, "too-short")
    if article_pattern and not pattern_ok and not confirmed:
        return Verdict(False, "not-article-pattern")
    og_type = (signals.og_type or "").lower()
    # Many custom CMSs say og:type=website on every page, so it only rejects thin or undated pages.
    if og_type == "website" and not confirmed and not pattern_ok and (not has_date or word_count < WEBSITE_MIN_WORDS):
        return Verdict(False, "og:type=website")
    if confirmed:
        return Verdict(True, confirmed)
    if not has_date:
        return Verdict(False, "no-date")
    return Verdict(True, "article-pattern" if pattern_ok else "dated-text")
