"""Turn a raw HTTP body into text: BOM, HTTP charset, <meta charset>, then UTF-8 / cp1252 sniffing."""
from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|"""
                           rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Single-byte Western labels are all decoded as their superset cp1252, like browsers do (WHATWG).
_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "ascii", "cp1250", "iso8859_2", "mac_roman",
            "cp850", "cp437", "iso8859_9", "cp1254", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_14"}
# The charsets browsers decode (the WHATWG Encoding Standard's), by Python codec name. A label for any
# other codec Python happens to know (utf-7, unicode_escape, punycode, EBCDIC cp500, rot13…) is ignored
# as browsers ignore it and the body is sniffed: a stray or hostile label cannot garble the page.
_BROWSER_CODECS = _WESTERN | {
    "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "cp866", "koi8_r",
    "koi8_u", "mac_cyrillic", "cp874", "tis_620", "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp",
    "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
    *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)), *(f"cp{n}" for n in range(1250, 1259)),
}
# WHATWG labels Python's codec registry does not know.
_WHATWG_ONLY = {"windows-874": "cp874", "x-mac-cyrillic": "mac_cyrillic", "x-mac-ukrainian": "mac_cyrillic",
                "windows-31j": "cp932", "x-sjis": "cp932", "iso-8859-8-i": "iso8859_8", "csiso88598i": "iso8859_8",
                "logical": "iso8859_8", "x-gbk": "gbk", "x-euc-jp": "euc_jp", "x-mac-roman": "mac_roman",
                **{f"x-cp{n}": f"cp{n}" for n in range(1250, 1259)}}
_OTHER_SCRIPTS = ("cp1251", "koi8", "iso8859_5", "mac_cyrillic", "cp1256", "iso8859_6", "cp1253", "iso8859_7",
                  "cp1255", "iso8859_8", "shift_jis", "cp932", "euc", "gb", "big5", "cp949", "cp874", "tis")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# A Latin letter right next to a letter of another script (Greek, Cyrillic, Hebrew, Arabic, Thai,
# kana, CJK, Hangul), a box-drawing sign or U+FFFD: French decoded with a lying label ("SИgou" from
# KOI8-R, "Sأ©gou" from windows-1256, "S茅gou" from GB2312). Text truly in those scripts has none.
_LATIN = "A-Za-z\u00c0-\u024f"
_FOREIGN = ("\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u2500-\u259f"
            "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff61-\uff9f\ufffd")
_MIXED_SCRIPT = re.compile(f"[{_LATIN}][{_FOREIGN}]|[{_FOREIGN}][{_LATIN}]")
_FOREIGN_CHAR = re.compile(f"[{_FOREIGN}]")
SNIFF_CHARS = 100_000


def _glues_scripts(text: str) -> bool:
    """Whether another script's letters in `text` mostly touch Latin ones (at least one junction per
    four such letters, in the first 100,000 characters): a lying label, not text in that script."""
    junctions = len(_MIXED_SCRIPT.findall(text, 0, SNIFF_CHARS))
    return junctions > 0 and junctions * 4 >= len(_FOREIGN_CHAR.findall(text, 0, SNIFF_CHARS))


_HTML_END = re.compile(r"</html\s*>", re.I)
_ONLY_COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)*", re.S)  # what caches append after </html>


def _utf8_with_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252 instead of replacing them."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("malinews-cp1252", _utf8_with_cp1252)


def _normalise(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when unknown or not a charset browsers decode."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_WHATWG_ONLY.get(label, label)).name.replace("-", "_")
    except LookupError:
        return None
    if name not in _BROWSER_CODECS:
        return None
    if name in _WESTERN:
        return "cp1252"
    return "utf-8" if name == "utf_8" else name


def declared_charsets(body: bytes, content_type: str | None) -> list[str]:
    """Encodings declared by the HTTP header and the first <meta charset>, in that order."""
    found: list[str] = []
    if content_type:
        match = _HTTP_CHARSET.search(content_type)
        if match and (name := _normalise(match.group(1))):
            found.append(name)
    match = _META_CHARSET.search(body[:4096])
    label = (match.group(1) or match.group(2)) if match else None
    if label and (name := _normalise(label.decode("ascii", "ignore"))) and name not in found:
        found.append(name)
    return found


def _guess_undeclared(body: bytes) -> str:
    """Best single-byte guess for a body that is not UTF-8 (cp1252 unless clearly another script)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency missing
        return "cp1252"
    best = from_bytes(body[:200_000], steps=5, chunk_size=512).best()
    name = _normalise(best.encoding) if best is not None else None
    # Only trust the detector for other scripts: on short French text it often picks an exotic
    # Latin codepage (mac_latin2, cp1257...) where cp1252 is right.
    if name and name.startswith(_OTHER_SCRIPTS):
        return name
    return "cp1252"


def utf16_without_bom(body: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for a body that is UTF-16 without a BOM, else None.

    HTML markup is mostly ASCII, so UTF-16 text shows a NUL in every other byte; UTF-8 and the
    single-byte charsets never do (stray NULs in a broken page are not that regular).
    """
    sample = body[:1024]
    if len(sample) < 32:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, others, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.4 * len(nuls) and others.count(0) <= 0.05 * len(others):
            return name
    return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body and return `(text, encoding used)`; never raises (see `_decode`).

    Form feeds become spaces: HTML counts them as whitespace, but the XML tree lxml builds
    drops them, which glued the words they separated ("Rencontre<FF>5" read "Rencontre5").
    Content after a stray `</html>` is kept (see `keep_after_html_end`).
    """
    text, encoding = _decode(body, content_type)
    return keep_after_html_end(text.replace("\x0c", " ") if "\x0c" in text else text), encoding


def keep_after_html_end(text: str) -> str:
    """`text` without its `</html>` end tags when more than whitespace and comments follows the first.

    libxml2's HTML parser (lxml, hence trafilatura) stops reading at `</html>`, while browsers
    (HTML5 "after after body" mode) put what follows into the body. A CMS that includes an ad or a
    header template ending in `</body></html>` before the article lost the whole article. The
    parser closes the document at the end of the text anyway, so dropping the tag loses nothing.
    """
    end = _HTML_END.search(text)
    if end is None:
        return text
    trailer = _ONLY_COMMENTS.match(text, end.end())
    if trailer is not None and trailer.end() == len(text):
        return text
    return text[:end.start()] + _HTML_END.sub("", text[end.end():])


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode an HTML body and return `(text, encoding used)`; never raises.

    Order: BOM, UTF-16 recognised by its NUL bytes, HTTP charset, <meta charset>. A declared (or absent) UTF-8 that is not valid
    UTF-8 is decoded run by run, invalid runs as cp1252 (label "utf-8+cp1252"), or wholly as
    cp1252 when it holds no valid multibyte sequence. Any other declared charset loses to a body
    that is valid UTF-8 with multibyte sequences (a common misconfiguration; text in another charset
    is next to never valid UTF-8), and another script's charset to cp1252 when it glues foreign letters
    to Latin ones ("SИgou") where cp1252 does not (`_MIXED_SCRIPT`).
    """
    if not body:
        return "", "utf-8"
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace"), name
    if (utf16 := utf16_without_bom(body)) is not None:
        return body.decode(utf16, errors="replace"), utf16
    declared = declared_charsets(body, content_type)
    enc = declared[0] if declared else None
    if enc and enc.startswith(("utf_16", "utf_32")):
        enc = "utf-8"  # a UTF-16/32 label on bytes that are not (no BOM, no NULs) is a lie, as browsers assume
    try:
        text: str | None = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if enc in (None, "utf-8"):
        if text is not None:
            return text, "utf-8"
        if _UTF8_MULTIBYTE.search(body):
            return body.decode("utf-8", errors="malinews-cp1252"), "utf-8+cp1252"
        enc = "cp1252" if enc else _guess_undeclared(body)
    elif text is not None and _UTF8_MULTIBYTE.search(body):
        return text, "utf-8"  # valid UTF-8 with multibyte sequences is UTF-8, whatever the label says
    try:
        decoded = body.decode(enc, errors="replace")
    except (LookupError, ValueError):  # pragma: no cover - _normalise already checked the label
        return body.decode("cp1252", errors="replace"), "cp1252"
    if enc != "cp1252" and _glues_scripts(decoded):
        western = body.decode("cp1252", errors="replace")
        if _MIXED_SCRIPT.search(western, 0, SNIFF_CHARS) is None:
            return western, "cp1252"  # Western text under another script's label
    return decoded, enc
