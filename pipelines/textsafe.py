"""Make extracted strings safe to store and to show.

Pages are hostile in quiet ways: JSON-LD may escape a lone UTF-16 surrogate (`"\\ud83d"`), which
Python accepts but SQLite cannot encode; titles and bylines may carry invisible bidi overrides or
zero-width characters that make two equal names differ (or a title display reversed); a `<meta
name="author">` may hold 200 KB. These helpers give every article field a safe, bounded value.
"""
from __future__ import annotations

import html
import re
from typing import Any

import ftfy
from ftfy.badness import is_bad

from pipelines.metadata import squash

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab, line feed and carriage return; DEL; C1 controls: invisible, and XML-forbidden
# (C0) where trafilatura or datasette's HTML meets them. JSON-LD escapes them (`"\\u0001"`), an
# entity spells them (`&#11;`, the vertical tab of text pasted from Word). A C0 control stands
# between words (a space replaces it); DEL and C1 controls are dropped.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_TABLE = {**{c: " " for c in (*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20))}, **dict.fromkeys(range(0x7f, 0xa0))}
# Zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, word joiner, BOM: invisible in a title.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# An entity with its semicolon (html.unescape alone would also read "&para" in "Sports&paris").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
                     # Without the semicolon, as browsers still read them: numeric ones, and the
                     # accented letters and quotes of French ("S&eacutegou", "S&#233gou").
                     r"|&(?:#[0-9]{2,7}(?![0-9;])|#[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])"
                     r"|(?:[aeiouAEIOU](?:acute|grave|circ|uml)|[cC]cedil|[lr]aquo|nbsp)(?!;))")
# Tags a CMS leaves in a title or byline: "<b>", "</em>", "<br/>"; not "< 2 %" nor a work's title "<The Palace>".
_TAG = re.compile(r"</?(?:a|abbr|b|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|mark|p|q|s|small|span|strong"
                  r"|sub|sup|u)(?:\s[^<>]{0,300})?/?>", re.I)
MAX_AUTHOR = 200       # longer is not a byline (a whole paragraph, a keyword dump)
MAX_SECTION = 120
MAX_TAG = 100
MAX_TAGS = 30
MAX_DESCRIPTION = 2000
MAX_URL = 2048


def _without_controls(text: str) -> str:
    """`text` rid of control characters (see `_CONTROL`); untouched, without a copy, when it has none."""
    return text.translate(_CONTROL_TABLE) if _CONTROL.search(text) else text


# What UTF-8 read as cp1252 or latin-1 leaves behind ("Ã©", "Ã\xa0", "â€™", "Â«"): a cheap gate
# before ftfy's own badness test, which costs ~2 ms on an 8 KB text.
_MOJIBAKE_HINT = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€")


def repair_mojibake(text: str) -> str:
    """`text` with UTF-8 that was decoded as cp1252 or latin-1 ("SÃ©gou", "lâ€™Ã©tÃ©") decoded
    again, as ftfy does; text that only looks odd is left as it is."""
    if _MOJIBAKE_HINT.search(text) and is_bad(text):
        return ftfy.fix_encoding(text)
    return text


def scrub_text(text: str) -> str:
    """`text` without lone surrogates (half an emoji says nothing and cannot be stored as UTF-8),
    byte-order marks, or U+FFFD replacement characters (what `&#0;`, `&#xD800;` or undecodable
    bytes became: they say nothing either); mojibake repaired (`repair_mojibake`); control characters
    removed (C0 but tab, line feed and carriage return, each replaced by a space; DEL; C1)."""
    if text.isascii():
        return _without_controls(text)
    return _without_controls(repair_mojibake(_SURROGATE.sub("", text).replace("\ufeff", "").replace("\ufffd", "")))


def unmarkup(value: str) -> str:
    """A metadata string without the HTML a CMS left in it: JSON-LD and escaped titles carry
    entities (`L&#8217;Essor`, `&amp;`) and tags (`<em>…</em>`) that a reader never sees."""
    if "&" in value:
        value = _ENTITY.sub(lambda m: html.unescape(m.group(0)), value)
    if "<" in value:
        value = _TAG.sub("", value)
    return value


def scrub_field(value: Any, limit: int | None = None) -> str | None:
    """A metadata string: HTML entities and tags removed, scrubbed, invisible controls removed,
    whitespace squashed; None when empty, not a string, or longer than `limit` (a value that long
    is not what the field means)."""
    if not isinstance(value, str):
        return None
    value = unmarkup(value)
    if not value.isascii():
        value = _INVISIBLE.sub("", scrub_text(value))
    else:
        value = _without_controls(value)
    value = squash(value)
    if not value or (limit is not None and len(value) > limit):
        return None
    return value


def truncate_words(text: str | None, limit: int) -> str | None:
    """`text` cut at the last word boundary before `limit` characters, ellipsis included."""
    if text is None or len(text) <= limit:
        return text
    return text[:limit - 2].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def safe_url(url: Any) -> str | None:
    """An http(s) URL of sane length, or None."""
    if not isinstance(url, str) or len(url) > MAX_URL or not url.startswith(("http://", "https://")):
        return None
    return scrub_field(url)


def safe_article(article: dict[str, Any]) -> dict[str, Any]:
    """`article` (the extraction contract's dict) with every string field made safe and bounded."""
    tags = [t for t in (scrub_field(t, MAX_TAG) for t in article.get("tags") or []) if t]
    article.update(
        title=scrub_field(article.get("title")) or "",
        author=scrub_field(article.get("author"), MAX_AUTHOR),
        section=scrub_field(article.get("section"), MAX_SECTION),
        tags=list(dict.fromkeys(tags))[:MAX_TAGS],
        description=truncate_words(scrub_field(article.get("description")), MAX_DESCRIPTION),
        image=safe_url(article.get("image")),
        language=scrub_field(article.get("language"), 20),
        text=scrub_text(article.get("text") or ""),
    )
    return article


__all__ = ["repair_mojibake", "scrub_text", "scrub_field", "unmarkup", "truncate_words", "safe_url", "safe_article",
           "MAX_AUTHOR", "MAX_DESCRIPTION", "MAX_TAG"]
