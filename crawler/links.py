"""Pure link triage for discovery: is a URL an article candidate, a listing, pagination or noise?"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.sites import Site

ARTICLE, LISTING, PAGINATION, SKIP = "article", "listing", "pagination", "skip"
TRAP = "trap"  # a path that loops (a segment met MAX_SEGMENT_REPEATS times, or too deep): never requested
MAX_SEGMENT_REPEATS = 3
MAX_SEGMENTS = 24

ASSET = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|docx?|xlsx?|pptx?|zip|rar|gz|tgz|7z|mp3|mp4|m4a|ogg|"
    r"wav|avi|mov|webm|flv|css|js|json|xml|rss|atom|txt|csv|woff2?|ttf|eot|apk|exe)$",
    re.I,
)
NOISE = re.compile(
    r"/(wp-admin|wp-login\.php|wp-json|xmlrpc\.php|cdn-cgi|feed|rss|comments/feed|trackback|embed|"
    r"attachment|author|auteur|tag|tags|etiquette|search|recherche|login|connexion|register|"
    r"inscription|account|compte|cart|panier|print|imprimer|share|partager|wp-content|wp-includes)(/|$)"
    r"|[?&](s|q|replytocom|doing_wp_cron|share|print|action|attachment_id|preview|format|output)="
    r"|^mailto:|^javascript:|^tel:",
    re.I,
)
PAGINATION_RE = re.compile(r"(/page/\d+/?$|[?&](page|paged|pg|pagenum|start)=\d+)", re.I)
DATE_PATH = re.compile(r"/(19|20)\d\d/[01]?\d/([0-3]?\d/)?[^/]+")
ID_SLUG = re.compile(r"(^|[/_-])\d{3,}([_-]|\.html?$|$)|\?p=\d+$")


@lru_cache(maxsize=256)
def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def pagination_key(url: str) -> str:
    """The listing a pagination URL belongs to (URL with its page number removed)."""
    return PAGINATION_RE.sub("", url).rstrip("/?&")


def looks_like_article(url: str) -> bool:
    """Heuristic for sites without an `article_pattern`: dated paths, ids or long slugs."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if DATE_PATH.search(parts.path) or ID_SLUG.search(last) or (parts.query and ID_SLUG.search("?" + parts.query)):
        return True
    words = [w for w in re.split(r"[-_]+", re.sub(r"\.(html?|php|aspx?)$", "", last)) if w]
    return len(words) >= 4


def looping_path(path: str) -> bool:
    """True for a path no site means: one segment three times (`/a/suite/page/2/suite/page/2/suite/`),
    or more than MAX_SEGMENTS segments. Relative links resolved below a page that a lenient CMS
    answers at any depth build such paths one level per page, without end."""
    segments = [s for s in path.split("/") if s]
    return len(segments) > MAX_SEGMENTS or max(Counter(segments).values(), default=0) >= MAX_SEGMENT_REPEATS


def classify_link(url: str, site: Site) -> str:
    """Triage a same-site link: ARTICLE candidate, LISTING page, PAGINATION step, TRAP or SKIP."""
    if not site.owns(url):
        return SKIP
    parts = urlsplit(url)
    if looping_path(parts.path):
        return TRAP
    tail = parts.path + ("?" + parts.query if parts.query else "")
    exclude = _compile(site.exclude_pattern)
    if exclude and exclude.search(url):
        return SKIP
    if ASSET.search(parts.path) or NOISE.search(tail):
        return SKIP
    if PAGINATION_RE.search(tail):
        return PAGINATION
    pattern = _compile(site.article_pattern)
    if pattern and pattern.search(url):
        return ARTICLE
    if looks_like_article(url):
        return ARTICLE
    return LISTING
