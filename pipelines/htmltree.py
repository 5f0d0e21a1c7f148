"""Parse decoded HTML into the lxml tree trafilatura reads, without losing deeply nested pages.

libxml2's HTML parser stops with a fatal "Excessive depth in document" error at 256 open elements
(2,048 with `huge_tree`) and drops everything after that point: an article wrapped in 300 `<div>`s,
or following 3,000 unclosed `<font>` tags of an old CMS, came out empty. `parse_html` parses with
`huge_tree`, and a page deeper still is parsed again with its excess nesting removed
(`flatten_nesting`): the text survives, the surplus wrappers do not. A `<title>` whose end tag is
missing or misspelt, a comment never closed, or an attribute quote never closed swallows the
whole page; it is closed and the page parsed again. A start tag with over 1,000 attributes
(100,000 cost 15 s of parsing) loses them. Its elements answer trafilatura's `//p//text()` in
linear time (see trafilatura_guards).
"""
from __future__ import annotations

import re
from itertools import islice

import trafilatura.utils
from lxml.html import HtmlElement, HtmlElementClassLookup, HTMLParser, document_fromstring
from trafilatura.utils import load_html

from pipelines.trafilatura_guards import LinearXPathMixin


class LinearXPathLookup(HtmlElementClassLookup):
    """lxml.html's element classes with LinearXPathMixin mixed into every one, the plain
    HtmlElement included (lxml's own '*' mixin reaches only its special form and label classes)."""

    def __init__(self) -> None:
        super().__init__(mixins=[("*", LinearXPathMixin)])
        self._plain = type("HtmlElement", (LinearXPathMixin, HtmlElement), {})

    def lookup(self, node_type: str, document: object, namespace: str | None, name: str) -> type | None:
        """The class of a new element proxy; lxml.html's choice for anything else."""
        if node_type == "element":
            return self._element_classes.get(name.lower(), self._plain)
        return super().lookup(node_type, document, namespace, name)


FLATTEN_DEPTH = 500  # counted tags; with the uncounted ones under them, well under libxml2's 2,048
# trafilatura's own parser options, plus huge_tree (depth 2,048, text nodes over 10 MB). load_html
# reads this module global at call time; the page's size is bounded before it gets here.
DEEP_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                         remove_pis=True, huge_tree=True)
# Its elements answer trafilatura's quadratic `xpath("//p//text()")` in linear time.
DEEP_PARSER.set_element_class_lookup(LinearXPathLookup())
trafilatura.utils.HTML_PARSER = DEEP_PARSER

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>")
_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
_KNOWN_TAG = re.compile(r"<(?:title|meta|link|script|body|head|p|div|span|a|h[1-6]|article|section|table|br|img)[\s/>]", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Elements that never hold children (void) or that the parser closes by itself when a sibling opens:
# they never deepen the tree, so they are neither counted nor removed.
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "p li dt dd option".split())


# A start tag over 64 KiB long: libxml2 checks each attribute against all the others, so 100,000
# attributes on one element cost 15 s. Such a tag with over 1,000 attributes keeps its name only;
# one long attribute (a 200 KB <meta content>, a data: URI) is cheap and stays.
_HUGE_TAG = re.compile(r"<([a-zA-Z][\w:-]*)[^<>]{65536,}>")
MAX_ATTRIBUTES = 1000


_OPEN_VALUE = re.compile(r"""=\s*(["'])[^"'<>\n]{0,300}>""")  # a quoted value that reaches its tag's end
_TITLE_START = re.compile(r"<title\b[^>]*>", re.I)
_NEXT_TAG = re.compile(r"<(?=[a-zA-Z!/])")
_BAD_TITLE_END = re.compile(r"</\s+title\s*>", re.I)
_TITLE_END = re.compile(r"</title\s*>", re.I)


# A numeric reference to a character XML forbids: a C0 control (`&#11;`, the vertical tab of text
# pasted from Word; `&#1;`) or U+FFFE/U+FFFF. libxml2's HTML parser drops such raw characters but
# puts the referenced ones in the tree, and trafilatura's first copy of that text into a new element
# raised "All strings must be XML compatible": the whole article was lost. (NUL, surrogates and
# references past U+10FFFF libxml2 drops itself.) Tab, line feed and carriage return are allowed.
_FORBIDDEN_REFERENCE = re.compile(r"&#(?:0*([1-9]|[12][0-9]|3[01]|6553[45])(?![0-9])"
                                  r"|[xX]0*([1-9a-fA-F]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?")
_ALLOWED_CONTROLS = frozenset((9, 10, 13))


def _space_for_forbidden(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    return match.group(0) if code in _ALLOWED_CONTROLS else " "


def without_forbidden_references(text: str) -> str:
    """`text` with each numeric character reference to a character XML forbids (C0 controls but tab,
    line feed and carriage return; U+FFFE, U+FFFF) replaced by a space, the others left as written."""
    return _FORBIDDEN_REFERENCE.sub(_space_for_forbidden, text) if "&#" in text else text


# What a hacked CMS injects spam with, and readers never see, beyond the `display:none`,
# `visibility:hidden` and `aria-hidden` trafilatura drops itself: the `hidden` attribute, a block
# pushed off-screen (`left:-9999px`) or a zero font size.
_HIDING_STYLE = re.compile(r"(?:left|top|text-indent)\s*:\s*-\d{4,}(?:px)?"
                           r"|font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:;|!|$)", re.I)
# Substrings one of those needs in the source (plain `in` tests: a regex over every page cost 0.2 ms).
_HIDING_HINTS = (" hidden>", " hidden ", " hidden=", " hidden/", "font-size:0", "font-size: 0", ":-999", ": -999")


def drop_hidden_text(tree: HtmlElement, text: str) -> int:
    """Remove from `tree` the elements a browser never shows (the `hidden` attribute, an off-screen
    or zero-size style) when they hold under half of the page's text (a page whose article is
    hidden until a script shows it keeps it); returns how many were removed. `text` (the page's
    source) is only searched for a hint first: most pages pay nothing else."""
    if not any(hint in text for hint in _HIDING_HINTS):
        return 0
    body = next(tree.iter("body"), tree)
    hidden = [el for el in body.xpath(".//*[@hidden or @style]")
              if el.get("hidden") is not None or _HIDING_STYLE.search(el.get("style") or "")]
    if not hidden:
        return 0
    total = len(body.text_content())
    removed = 0
    for el in hidden:
        if el.getparent() is not None and len(el.text_content()) * 2 < total:
            el.drop_tree()
            removed += 1
    return removed


# A table laid out as the page (a menu cell beside the article's cell, as sites of the 2000s were
# built) holds prose in a cell; a data table (results, figures, a schedule) holds short cells.
# trafilatura reads every table as data: its cells became one "| menu | title text …" line, the
# article's paragraphs run together. Such tables are made divs first, as a browser lays them out.
LAYOUT_CELL_CHARS = 400   # a cell with this much text of its own table is prose, not a datum
MAX_LAYOUT_TABLES = 200   # pages with more tables (hostile nests of 1,000) are left as they are
MAX_LAYOUT_CELLS = 100    # a table with more cells is data (layouts have a handful)
_CELLS = "./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th"  # a table's own cells, not those of tables inside
_ROWS = "./tr | ./thead | ./tbody | ./tfoot | ./*/tr"
_TABLE_TAG = re.compile(r"<table\b", re.I)


def unwrap_layout_tables(tree: HtmlElement, text: str) -> int:
    """Turn the tables of `tree` used for layout (a cell holding prose, `LAYOUT_CELL_CHARS`) into
    divs, so their paragraphs are read as paragraphs; returns how many. `text` (the page's source)
    is checked for `<table` first: most pages pay nothing else."""
    if not _TABLE_TAG.search(text):
        return 0
    tables = tree.xpath("//table")
    if not tables or len(tables) > MAX_LAYOUT_TABLES:
        return 0
    layout = [t for t in tables if _holds_prose(t.xpath(_CELLS))]
    for table in layout:  # cells and rows first: renaming the table changes what its XPaths find
        for el in [*table.xpath(_CELLS), *table.xpath(_ROWS)]:
            el.tag = "div"
        table.tag = "div"
    return len(layout)


def _holds_prose(cells: list[HtmlElement]) -> bool:
    """Whether one of a table's own cells (at most MAX_LAYOUT_CELLS of them) holds prose; libxml2 measures
    each cell's text without building it."""
    return len(cells) <= MAX_LAYOUT_CELLS and any(
        cell.xpath("string-length(.) >= $n", n=LAYOUT_CELL_CHARS) for cell in cells)


def _without_attribute_flood(match: re.Match[str]) -> str:
    tag = match.group(0)
    return f"<{match.group(1)}>" if tag.count("=") > MAX_ATTRIBUTES else tag


def parse_html(text: str) -> HtmlElement | None:
    """The page's tree as trafilatura's `load_html` builds it; None for what is no HTML at all.

    Raises ValueError or TypeError as `load_html` does."""
    if "<" in text and _HUGE_TAG.search(text):
        text = _HUGE_TAG.sub(_without_attribute_flood, text)
    text = without_forbidden_references(text)
    tree = load_html(text)
    if too_deep(DEEP_PARSER):
        tree = load_html(flatten_nesting(text))
    if (tree is None or tree.tag != "html") and looks_like_markup(text):
        # No <html> start: lxml read a fragment ("<title>…</title><p>…": None; several elements: a
        # <div> or <span> root without the title). A browser builds the whole document; so does this.
        tree = open_body(document_fromstring(text.encode("utf-8", "surrogatepass"), parser=DEEP_PARSER))
    if tree is None:
        return None
    repaired = close_title(text) if swallowed_by_title(tree) else text
    if repaired is text and (raw := swallowing_raw_text(tree)) is not None:
        repaired = close_raw_text(text, raw)
    if (at := unclosed_comment(repaired)) is not None:
        # A comment never closed runs to the end of the page: the page is kept, the comment made empty.
        repaired = f"{repaired[:at]}-->{repaired[at:]}"
    if repaired is text and (quote := unclosed_quote(tree, text)) is not None:
        at, mark = quote
        repaired = f"{text[:at]}{mark}{text[at:]}"
    if repaired is not text and (fixed := load_html(repaired)) is not None:
        tree = fixed
    return tree


def open_body(tree: HtmlElement) -> HtmlElement:
    """Move what follows the head's own elements into a <body>, as a browser's parser does when no
    <body> tag comes: libxml2 knows no HTML5 element (`<nav>`, `<article>`…) and left them in <head>."""
    head = tree.find("head")
    if tree.find("body") is not None or head is None:
        return tree
    first = next((child for child in head if not isinstance(child.tag, str) or child.tag not in _HEAD_TAGS), None)
    if first is None:
        return tree
    body = tree.makeelement("body", {})
    moving = [first, *first.itersiblings()]
    for child in moving:
        body.append(child)  # append moves the element, its tail with it
    tree.append(body)
    return tree


def looks_like_markup(text: str, sample: int = 8192) -> bool:
    """Whether text without an <html> start is HTML a browser would render (an HTML tag it knows,
    next to no control characters), rather than binary bytes decoded into junk."""
    head = text[:sample]
    return bool(_KNOWN_TAG.search(head)) and len(_CONTROL.findall(head)) * 100 <= len(head)


def unclosed_quote(tree: HtmlElement, text: str) -> tuple[int, str] | None:
    """(where, which quote) to close an attribute whose quote was never closed (`<a href="/x>lien</a>…`):
    the parser, as a browser, reads on to the next such quote, and the page's body comes out empty.
    Only looked for in a long page whose body holds almost nothing; the value is closed before the
    `>` that ends its tag, when the same quote does not come back within 500 characters."""
    body = tree.find("body")
    if len(text) < 500 or (body is not None and sum(1 for _ in islice(body.iter(), 6)) >= 6):
        return None
    for match in _OPEN_VALUE.finditer(text):
        mark, close = match.group(1), match.end() - 1
        if text.find(mark, close, close + 500) < 0:
            return close, mark
    return None


def unclosed_comment(text: str, swallowed: int = 500) -> int | None:
    """Where to close a comment that is never closed and hides more than `swallowed` characters of
    markup (`<!-- pub` before the article), or None."""
    start = text.rfind("<!--")
    if start < 0 or text.rfind("-->") > start or len(text) - start < swallowed:
        return None
    return start + 4 if _NEXT_TAG.search(text, start + 4) else None


def swallowed_by_title(tree: HtmlElement) -> bool:
    """Whether `<title>` holds the page: its end tag is missing or misspelt (`</ title>`), and the
    parser, as a browser would, read everything after it as the title's text."""
    for title in tree.iter("title"):  # the page's, or one of an inline SVG icon's
        content = title.text
        if content and len(content) > 200 and _NEXT_TAG.search(content) is not None:
            return True
    return False


_RAW_TEXT_TAGS = ("style", "script")
_BAD_RAW_END = {tag: re.compile(rf"</\s+{tag}\s*>", re.I) for tag in _RAW_TEXT_TAGS}
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in _RAW_TEXT_TAGS}
_RAW_START = {tag: re.compile(rf"<{tag}\b[^>]*>", re.I) for tag in _RAW_TEXT_TAGS}
_PAGE_END = re.compile(r"</(?:body|html)\s*>", re.I)
PAGE_END_WINDOW = 65_536  # characters at a page's end searched for its closing tag


def ends_early(html: str) -> bool:
    """Whether a page stops before its end: no `</body>` or `</html>` in its last 64 K characters (a
    server that died mid-page, a PHP fatal error, a connection closed early with no length said)."""
    return _PAGE_END.search(html, max(0, len(html) - PAGE_END_WINDOW)) is None


# Where a page goes on after a stylesheet or script cut short: markup no CSS and hardly any script holds.
_PAGE_RESUMES = re.compile(r"</head\s*>|<body\b|<(?:div|p|article|main|header|section|h1|h2|table|ul|nav|footer)\b", re.I)


def swallowing_raw_text(tree: HtmlElement) -> str | None:
    """"style" or "script" when such an element never closed (its end tag missing or misspelt,
    `</ style>`) holds the page: its text runs on with the page's markup and the body is (almost)
    empty, as a browser would show it. None otherwise."""
    body = tree.find("body")
    if body is not None and sum(1 for _ in islice(body.iter(), 6)) >= 6:
        return None
    for element in tree.iter(*_RAW_TEXT_TAGS):
        content = element.text or ""
        if len(content) > 200 and _PAGE_RESUMES.search(content):
            return str(element.tag)
    return None


def close_raw_text(text: str, tag: str) -> str:
    """`text` with its unclosed `<style>` or `<script>` closed: a misspelt end tag corrected, else the
    end tag inserted where the page's markup resumes after the last start tag no end tag follows."""
    if _BAD_RAW_END[tag].search(text):
        return _BAD_RAW_END[tag].sub(f"</{tag}>", text, count=1)
    last_end = max((m.end() for m in _RAW_END[tag].finditer(text)), default=0)
    start = _RAW_START[tag].search(text, last_end)
    if start is None or (resume := _PAGE_RESUMES.search(text, start.end())) is None:
        return text
    return f"{text[:resume.start()]}</{tag}>{text[resume.start():]}"


def _unclosed_title(text: str) -> re.Match[str] | None:
    """The first `<title>` start tag (the page's, or an inline SVG's) that no `</title>` closes
    before the next one starts."""
    starts = list(_TITLE_START.finditer(text))
    for i, start in enumerate(starts):
        end = _TITLE_END.search(text, start.end())
        following = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        if end is None or end.start() > following:
            return start
    return None


def close_title(text: str) -> str:
    """`text` with its `<title>` closed: a misspelt end tag corrected, else `</title>` inserted
    before the first tag that follows the start tag."""
    if _BAD_TITLE_END.search(text):
        return _BAD_TITLE_END.sub("</title>", text, count=1)
    start = _unclosed_title(text)
    if start is None or (tag := _NEXT_TAG.search(text, start.end())) is None:
        return text
    before = text[:start.start()].lower()
    svg = before.rfind("<svg")  # an icon's title: its <svg> is left open too
    end = "</title></svg>" if svg >= 0 and "</svg" not in before[svg:] else "</title>"
    return f"{text[:tag.start()]}{end}{text[tag.start():]}"


def too_deep(parser: HTMLParser) -> bool:
    """Whether the parser's last run stopped at libxml2's nesting limit."""
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def flatten_nesting(text: str, limit: int = FLATTEN_DEPTH) -> str:
    """`text` without the start tags that open elements beyond `limit` levels, nor their end tags.

    A tag-level pass, not a parse: depth is counted from start and end tags (void elements and
    those the parser closes by itself aside), and an end tag is removed when a start tag of the
    same name was."""
    depth = 0
    removed: dict[str, int] = {}

    def keep(match: re.Match[str]) -> str:
        nonlocal depth
        name = match.group(2).lower()
        if name in _FLAT or match.group(0).endswith("/>"):
            return match.group(0)
        if not match.group(1):  # a start tag
            if depth >= limit:
                removed[name] = removed.get(name, 0) + 1
                return ""
            depth += 1
            return match.group(0)
        if removed.get(name):
            removed[name] -= 1
            return ""
        depth = max(depth - 1, 0)
        return match.group(0)

    return _TAG.sub(keep, text)
