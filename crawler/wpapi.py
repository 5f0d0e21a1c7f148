"""Pure parsing of the WordPress REST API (`/wp-json/wp/v2/posts`): pages of posts into article hints.

Sites without pretty permalinks (or whose server does not route `/wp-json/`) answer the same API
at `/?rest_route=/wp/v2/posts`: the "query" URL style.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode, urljoin

POSTS_ROUTE = "/wp/v2/posts"
POSTS_PATH = "/wp-json" + POSTS_ROUTE
PER_PAGE = 100
# X-WP-TotalPages is believed up to this (500,000 posts, far beyond any Malian outlet): a hostile or
# broken header saying 999999 would otherwise make a backfill schedule a million API pages.
MAX_TOTAL_PAGES = 5000
LOOKUP_KINDS = {"categories": "categories", "tags": "tags", "users": "author"}  # endpoint → post field
WP_HINT_KEYS = ("wp_date", "wp_modified", "wp_author", "wp_categories", "wp_tags", "wp_id")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class WpReply:
    """One REST API answer: `ok` with its items, or closed/unusable with the reason."""

    ok: bool
    reason: str
    items: list[dict[str, Any]] = field(default_factory=list)
    total_pages: int = 1


def api_url(site_url: str, route: str, query: list[tuple[str, str]], style: str = "pretty") -> str:
    """URL of REST API `route` (e.g. `/wp/v2/posts`): `/wp-json/<route>?…` or `/?rest_route=<route>&…`."""
    if style == "query":
        return urljoin(site_url, "/") + "?" + urlencode([("rest_route", route), *query])
    return urljoin(site_url, "/wp-json" + route) + "?" + urlencode(query)


def posts_url(site_url: str, page: int = 1, *, after: str | None = None, before: str | None = None,
              embed: bool = True, style: str = "pretty") -> str:
    """URL of one page of posts, newest first, optionally within [after, before] (ISO dates)."""
    query: list[tuple[str, str]] = [("per_page", str(PER_PAGE)), ("page", str(page))]
    if embed:
        query.append(("_embed", "1"))
    if after:
        query.append(("after", f"{after[:10]}T00:00:00"))
    if before:
        query.append(("before", f"{before[:10]}T23:59:59"))
    return api_url(site_url, POSTS_ROUTE, query, style)


def lookup_url(site_url: str, kind: str, ids: Iterable[int], style: str = "pretty") -> str:
    """URL naming the given category/tag/user ids (`include=…`, one page of at most 100)."""
    wanted = ",".join(str(i) for i in sorted(set(ids))[:PER_PAGE])
    return api_url(site_url, f"/wp/v2/{kind}", [("include", wanted), ("per_page", str(PER_PAGE))], style)


def worth_query_style(reply: WpReply) -> bool:
    """Whether a failed first page at `/wp-json/` may still work as `?rest_route=`: the path was
    not found or not the API (a 401/403 means the API itself is closed)."""
    return reply.reason in ("http-404", "not-json", "http-410")


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if (key.decode("latin-1") if isinstance(key, bytes) else str(key)).lower() == name.lower():
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            return None if value is None else str(value)
    return None


def parse_reply(status: int, headers: Mapping[str, Any], body: bytes) -> WpReply:
    """Read an API answer; anything but a JSON list with status 200 means "closed" (and why)."""
    if status != 200:
        return WpReply(False, f"http-{status}")
    ctype = (_header(headers, "Content-Type") or "").lower()
    if "json" not in ctype and body.lstrip()[:1] not in (b"[", b"{"):
        return WpReply(False, "not-json")
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[… nested 200,000 deep
        return WpReply(False, "bad-json")
    if not isinstance(data, list):
        code = data.get("code") if isinstance(data, dict) else None
        return WpReply(False, f"json-{code}" if code else "not-a-list")
    try:
        total = min(max(1, int(_header(headers, "X-WP-TotalPages") or 1)), MAX_TOTAL_PAGES)
    except (ValueError, OverflowError):
        total = 1
    return WpReply(True, "ok", [d for d in data if isinstance(d, dict)], total)


def text(value: Any) -> str | None:
    """Plain text of a WP field that may be `{"rendered": "<b>…</b>"}` or a string."""
    if isinstance(value, dict):
        value = value.get("rendered")
    if not isinstance(value, str):
        return None
    cleaned = " ".join(html.unescape(_TAGS.sub("", value)).split())
    return cleaned or None


def gmt(value: Any) -> str | None:
    """A WP `*_gmt` value ("2025-06-20T08:30:00", no zone) as ISO 8601 UTC."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", value.strip()):
        return None
    return value.strip() + "+00:00"


def names_from_embed(post: Mapping[str, Any]) -> dict[tuple[str, int], str]:
    """{(kind, id): name} from a post's `_embedded` author and `wp:term` blocks."""
    out: dict[tuple[str, int], str] = {}
    embedded = post.get("_embedded") or {}
    for author in embedded.get("author") or []:
        if isinstance(author, dict) and isinstance(author.get("id"), int) and text(author.get("name")):
            out[("users", author["id"])] = text(author["name"]) or ""
    for group in embedded.get("wp:term") or []:
        for term in group if isinstance(group, list) else []:
            if not isinstance(term, dict) or not isinstance(term.get("id"), int) or not text(term.get("name")):
                continue
            kind = {"category": "categories", "post_tag": "tags"}.get(term.get("taxonomy", ""))
            if kind:
                out[(kind, term["id"])] = text(term["name"]) or ""
    return out


def names_from_lookup(kind: str, items: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int], str]:
    """{(kind, id): name} from a `/categories`, `/tags` or `/users` answer."""
    return {(kind, i["id"]): text(i.get("name")) or "" for i in items
            if isinstance(i.get("id"), int) and text(i.get("name"))}


def slim_post(post: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields hints need (requests carry posts while names are looked up; no bodies)."""
    keep = ("id", "link", "date_gmt", "modified_gmt", "author", "categories", "tags")
    slim = {k: post[k] for k in keep if k in post}
    slim["title"] = text(post.get("title"))
    return slim


def _ids(value: Any) -> list[int]:
    if isinstance(value, int):
        return [value]
    return [v for v in value if isinstance(v, int)] if isinstance(value, list) else []


def missing_names(posts: Iterable[Mapping[str, Any]], names: Mapping[tuple[str, int], str],
                  tried: Iterable[tuple[str, int]] = ()) -> dict[str, list[int]]:
    """{endpoint: ids} still to look up (not named, not tried before) for these posts."""
    skip = set(names) | set(tried)
    out: dict[str, list[int]] = {}
    for post in posts:
        for kind, key in LOOKUP_KINDS.items():
            for i in _ids(post.get(key)):
                if (kind, i) not in skip and i not in out.setdefault(kind, []):
                    out[kind].append(i)
    return {k: v for k, v in out.items() if v}


def post_hints(post: Mapping[str, Any], names: Mapping[tuple[str, int], str]) -> dict[str, Any] | None:
    """Discovery hints for one post (url, dates, title, author, categories, tags); None without a link."""
    link = post.get("link")
    if not isinstance(link, str) or not link.startswith(("http://", "https://")):
        return None
    published, modified = gmt(post.get("date_gmt")), gmt(post.get("modified_gmt"))
    hints: dict[str, Any] = {"url": link, "via": "wp-api", "title": text(post.get("title"))}
    if published:
        hints["published"] = hints["wp_date"] = published
    if modified or published:
        hints["lastmod"] = modified or published
    if modified:
        hints["wp_modified"] = modified
    author = [names[("users", i)] for i in _ids(post.get("author")) if ("users", i) in names]
    hints["wp_author"] = author[0] if author else None
    hints["wp_categories"] = [names[("categories", i)] for i in _ids(post.get("categories")) if ("categories", i) in names]
    hints["wp_tags"] = [names[("tags", i)] for i in _ids(post.get("tags")) if ("tags", i) in names]
    if isinstance(post.get("id"), int):
        hints["wp_id"] = post["id"]
    return {k: v for k, v in hints.items() if v not in (None, [], "")}


def apply_hints(result: dict[str, Any], hints: Mapping[str, Any]) -> dict[str, Any]:
    """Let the API's exact values win in an extraction result: dates (date_source "wp-api") and tags;
    author and section only fill what the page did not show (a byline beats a WordPress account)."""
    article = result.get("article")
    if not article or not hints.get("wp_date"):
        return result
    article["published"], article["date_source"] = hints["wp_date"], "wp-api"
    if hints.get("wp_modified"):
        article["modified"] = hints["wp_modified"]
    if hints.get("wp_tags"):
        article["tags"] = list(dict.fromkeys(hints["wp_tags"]))[:30]
    if hints.get("wp_categories") and not article.get("section"):
        article["section"] = hints["wp_categories"][0]
    if hints.get("wp_author") and not article.get("author"):
        article["author"] = hints["wp_author"]
    return result


def late_metadata(hints: Mapping[str, Any]) -> dict[str, Any]:
    """The API values `apply_hints` would have applied, as a row update for an archived article."""
    meta: dict[str, Any] = {"published": hints.get("wp_date"), "date_source": "wp-api",
                            "modified": hints.get("wp_modified")}
    if hints.get("wp_tags"):
        meta["tags"] = list(dict.fromkeys(hints["wp_tags"]))[:30]
    if hints.get("wp_categories"):
        meta["section"] = hints["wp_categories"][0]
    if hints.get("wp_author"):
        meta["author"] = hints["wp_author"]
    return meta
