"""Make the references of a sitemap or feed say what their author meant before lxml reads them.

Hand-written feeds and CMS plugins (Joomla's `index.php?option=com_content&view=article&id=12`) leave
raw `&` in URLs, and old RSS 0.91 feeds use HTML entities (`L&eacute;gislatives`) that XML does not
define. lxml's recovering parser drops what follows: the URL became `?option=com_content=article=12`
(another page) and the title `L`. A DOCTYPE's internal subset (entity bombs, external entities) cut a
sitemap short at the first expanded reference, losing the genuine entries after it.

`repair_references` rewrites the bytes, outside CDATA sections:

- the DOCTYPE is removed (malinews never resolves entities, so it only ever did harm);
- `&name;` for an HTML entity becomes its numeric character reference; the five XML entities and
  numeric references stay; any other `&name;` (an entity of the removed DOCTYPE) is dropped;
- any other `&` becomes `&amp;`.

All of it is regular-expression work at C speed, linear in the document.
"""
from __future__ import annotations

import re
from html.entities import html5

_XML_NAMED = frozenset((b"amp", b"lt", b"gt", b"quot", b"apos"))
# A quick test: is there anything to repair at all? (Most sitemaps and feeds are clean.)
_SUSPECT = re.compile(rb"<!DOCTYPE|&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)", re.I)
# An unterminated CDATA section runs to the end of the document, as in XML, and is scanned once.
_PIECE = re.compile(
    rb"(<!\[CDATA\[(?:[^\]]++|\](?!\]>))*+(?:\]\]>|\Z))"  # 1: CDATA, kept as it is
    rb"|&(?:(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)"  # 2: a numeric reference
    rb"|([A-Za-z][A-Za-z0-9]{0,31});)?"  # 3: a named reference; neither: a raw ampersand
)
# A whole DOCTYPE declaration: quoted strings and comments of its internal subset may hold `]` and `>`.
DOCTYPE = re.compile(
    rb"<!DOCTYPE(?:[^\[>\"']++|\"[^\"]*+\"|'[^']*+')*+"
    rb"(?:\[(?:[^\]\"'<]++|\"[^\"]*+\"|'[^']*+'|<!--(?:[^-]++|-(?!->))*+-->|<)*+\]\s*+)?>",
    re.I,
)
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")


def _utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:64].count(0) > 8


def drop_doctype(data: bytes) -> bytes:
    """`data` without the DOCTYPE of its prolog (internal subset included); unchanged when there is
    none, or when the declaration never ends (lxml then reports the document as broken)."""
    found = re.search(rb"<!DOCTYPE", data[:65536], re.I)
    if found is None or _ELEMENT_START.search(data, 0, found.start()):
        return data  # no DOCTYPE, or only after the root element started (text, not a declaration)
    whole = DOCTYPE.match(data, found.start())
    return data if whole is None else data[:found.start()] + data[whole.end():]


def _replace(match: re.Match[bytes]) -> bytes:
    cdata, numeric, name = match.groups()
    if cdata is not None or numeric is not None:
        return match.group(0)
    if name is None:
        return b"&amp;"  # a raw ampersand
    if name in _XML_NAMED:
        return match.group(0)
    chars = html5.get(name.decode("ascii") + ";")
    if chars is None:
        return b""  # an entity only a DOCTYPE could define, or nonsense
    return b"".join(b"&#%d;" % ord(ch) for ch in chars)


def repair_references(data: bytes) -> bytes:
    """The XML document `data` with its DOCTYPE removed and its references repaired (see the module
    docstring). UTF-16 documents are returned unchanged (their bytes are not ASCII-compatible)."""
    if _utf16(data) or _SUSPECT.search(data) is None:
        return data
    return _PIECE.sub(_replace, drop_doctype(data))
