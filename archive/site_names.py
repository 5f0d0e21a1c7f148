"""Learn each outlet's display name from its archived pages (og:site_name, JSON-LD publisher, <title> suffix).

Copies credit outlets by name ("Source : L'Aurore de Kayes") while the archive knows sites by key
("legacy"): the names a site gives itself on its own pages connect the two, whatever the sites file.
"""
from __future__ import annotations

import html
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping

from sqlite_utils import Database

from archive.neardup import fold

SAMPLE = 5  # pages read per site
_META = re.compile(r"""<meta\s(?:[^>"']|"[^"]*"|'[^']*')*?(?:property|name)=["'](?:og:site_name|application-name)["']"""
                   r"""(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_CONTENT = re.compile(r"""content=(?:"([^"]{2,80})"|'([^']{2,80})')""", re.I)
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_SEPARATOR = re.compile(r"^\s*[|–—:-]\s*")


def names_from_html(page: str, article_title: str | None) -> list[str]:
    """The names a page gives its own outlet: og:site_name, the JSON-LD publisher, its <title> suffix."""
    names = [m.group(1) or m.group(2) for tag in _META.findall(page) if (m := _CONTENT.search(tag))]
    names += _PUBLISHER.findall(page)
    title = _TITLE.search(page)
    if title and article_title:
        text = " ".join(html.unescape(title.group(1)).split())
        if fold(text).startswith(fold(article_title).strip()) and len(text) > len(article_title):
            rest = _SEPARATOR.sub("", text[len(article_title.strip()):])
            if rest and len(rest.split()) <= 6:
                names.append(rest)
    return [html.unescape(n).strip() for n in names if n.strip()]


def learn_site_names(db: Database, site: str) -> list[str]:
    """Names seen on the site's first archived pages (most frequent first; deterministic)."""
    rows = db.execute(
        "SELECT p.html_zlib, a.title FROM articles a JOIN pages p ON p.article_id = a.id WHERE a.site = ? "
        "ORDER BY a.published, a.url LIMIT ?", [site, SAMPLE]).fetchall()
    seen: Counter[str] = Counter()
    for blob, title in rows:
        try:
            page = zlib.decompressobj().decompress(blob or b"", 400_000).decode("utf-8", "replace")
        except zlib.error:
            continue
        seen.update(set(names_from_html(page, title)))
    return sorted(seen, key=lambda n: (-seen[n], n))


def outlet_names(db: Database, keys: Iterable[str], registry: Mapping[str, str]) -> dict[str, str]:
    """Display name of each site key: the registry's name, else the name its own pages give it, else the key."""
    out: dict[str, str] = {}
    for key in keys:
        if key in registry:
            out[key] = registry[key]
        else:
            learned = learn_site_names(db, key)
            out[key] = learned[0] if learned else key
    return out
