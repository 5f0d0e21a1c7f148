"""Body decoding: BOM, HTTP charset, meta charset, UTF-8/cp1252 fallbacks (pipelines/decode.py)."""
from __future__ import annotations

import codecs

import pytest

from pipelines.decode import decode_body, declared_charsets

FRENCH = ("<html><head><title>Ségou</title></head><body><p>Le président a visité la région de Ségou en août. "
          "Très bien accueilli, il a évoqué l'œuvre des coopératives à côté du fleuve.</p></body></html>")


def test_plain_utf8_without_declaration() -> None:
    assert decode_body(FRENCH.encode("utf-8")) == (FRENCH, "utf-8")


def test_cp1252_without_any_charset_is_not_read_as_utf8() -> None:
    text, encoding = decode_body(FRENCH.encode("cp1252"), "text/html")
    assert encoding == "cp1252"
    assert "président" in text and "œuvre" in text and "\ufffd" not in text


def test_declared_utf8_that_is_really_cp1252() -> None:
    text, encoding = decode_body(FRENCH.encode("cp1252"), "text/html; charset=UTF-8")
    assert encoding == "cp1252"
    assert "août" in text


def test_mixed_utf8_page_with_cp1252_fragment_keeps_both() -> None:
    body = FRENCH.encode("utf-8") + "<p>Déjà vu à Kayes</p>".encode("cp1252")
    text, encoding = decode_body(body, "text/html; charset=utf-8")
    assert encoding == "utf-8+cp1252"
    assert "Ségou" in text and "Déjà vu à Kayes" in text


def test_declared_latin1_but_really_utf8() -> None:
    text, encoding = decode_body(FRENCH.encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert encoding == "utf-8"
    assert "président" in text and "Ã©" not in text


def test_meta_charset_used_when_header_silent() -> None:
    body = b'<html><head><meta charset="windows-1252"></head><body>' + "été".encode("cp1252") + b"</body></html>"
    text, encoding = decode_body(body, "text/html")
    assert (encoding, "été" in text) == ("cp1252", True)


def test_http_equiv_charset() -> None:
    body = (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
            + "Kati – écoles".encode("cp1252"))
    assert decode_body(body)[1] == "cp1252"


def test_header_wins_over_meta() -> None:
    body = '<meta charset="utf-8"><p>Привет, как дела у вас сегодня?</p>'.encode("cp1251")
    text, encoding = decode_body(body, "text/html; charset=windows-1251")
    assert encoding == "cp1251" and "Привет" in text


SEGOU = ("<p>À Ségou, les producteurs de riz préparent l'hivernage malgré le retard des engrais promis par "
          "l'État ; l'été sera décisif, a déclaré le préfet à Niono.</p>")


@pytest.mark.parametrize("label", ["koi8-r", "windows-1256", "shift_jis", "gb2312", "windows-1251", "big5", "euc-kr",
                                   "iso-8859-7"])
def test_valid_utf8_wins_over_any_label(label: str) -> None:
    text, encoding = decode_body(SEGOU.encode("utf-8"), f"text/html; charset={label}")
    assert (encoding, text) == ("utf-8", SEGOU)


@pytest.mark.parametrize("label", ["koi8-r", "shift_jis", "gb2312", "windows-1251", "euc-kr", "iso-8859-7", "windows-1256"])
def test_western_text_under_another_scripts_label_is_cp1252(label: str) -> None:
    """French in cp1252 labelled KOI8-R read "SИgou", in GB2312 "S茅gou" or "Sgou": Latin letters glued
    to another script's are a lying label."""
    text, encoding = decode_body(SEGOU.encode("cp1252"), f"text/html; charset={label}")
    assert (encoding, text) == ("cp1252", SEGOU)


def test_one_glued_letter_in_a_short_text_is_enough() -> None:
    """A short `<loc>` decoded as windows-1251 reads "lйgislatives-а-kati": two junctions, but every
    Cyrillic letter touches a Latin one."""
    body = '<loc>http://x.ml/législatives-à-kati/</loc>'.encode("cp1252")
    assert decode_body(body, "text/xml; charset=windows-1251") == (body.decode("cp1252"), "cp1252")


@pytest.mark.parametrize(("label", "native"), [
    ("koi8-r", "<p>Новости из Бамако: правительство объявило о новых мерах, iPhone и Wi-Fi в городе.</p>"),
    ("windows-1256", "<p>أخبار من باماكو: أعلنت الحكومة عن إجراءات جديدة في المدينة اليوم.</p>"),
    ("shift_jis", "<p>バマコからのニュース：政府は新しい措置を発表しました。</p>"),
    ("gb2312", "<p>来自巴马科的新闻：政府宣布了新的措施。</p>"),
])
def test_text_truly_in_another_script_keeps_its_label(label: str, native: str) -> None:
    text, encoding = decode_body(native.encode(label), f"text/html; charset={label}")
    assert text == native and encoding != "cp1252"


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_bom(bom: bytes, codec: str) -> None:
    text, encoding = decode_body(bom + "<p>Mopti</p>".encode(codec), "text/html; charset=iso-8859-1")
    assert text == "<p>Mopti</p>" and encoding == codec


def test_cyrillic_without_declaration_uses_detector() -> None:
    body = "<p>Привет, как дела? Это тестовая страница на русском языке, довольно длинная.</p>".encode("cp1251")
    assert decode_body(body)[1] == "cp1251"


@pytest.mark.parametrize(("body", "content_type"), [
    (b"", None), (b"\xff\xfe\xff", "text/html; charset=bogus-charset"), (b"\x81\x8d\x8f\x90\x9d", "text/html"),
    (b'<meta charset="utf-16"><p>abc</p>', None),
])
def test_never_raises(body: bytes, content_type: str | None) -> None:
    text, encoding = decode_body(body, content_type)
    assert isinstance(text, str) and encoding


def test_declared_charsets_order_and_unknown_labels() -> None:
    body = b'<meta charset="latin1">'
    assert declared_charsets(body, "text/html; charset=utf-8") == ["utf-8", "cp1252"]
    assert declared_charsets(b"<p>x</p>", "text/html; charset=nonsense") == []


def test_xml_prolog_encoding() -> None:
    body = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><body><p>' + "Été à Ségou".encode("latin-1") + b"</p>"
    text, encoding = decode_body(body)
    assert encoding == "cp1252" and "Été à Ségou" in text


PAGE = ("<html><head><meta charset='utf-8'><title>Le président à Kidal</title></head>"
        "<body><p>Élections générales à Bamako, l’économie malienne.</p></body></html>")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=utf-8", "text/html; charset=utf-16"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec: str, content_type: str) -> None:
    """Real UTF-16 with no BOM, whatever the labels say (its own <meta> claims UTF-8)."""
    text, encoding = decode_body(PAGE.encode(codec), content_type)
    assert text == PAGE and encoding == codec


@pytest.mark.parametrize("label", ["utf-32", "UTF-32LE", "utf-16"])
def test_a_utf16_or_utf32_label_on_utf8_bytes_is_a_lie(label: str) -> None:
    text, encoding = decode_body(PAGE.encode("utf-8"), f"text/html; charset={label}")
    assert text == PAGE and encoding == "utf-8"


def test_stray_nul_bytes_do_not_make_utf16() -> None:
    body = ("<html><body>" + "<p>Mopti\x00, Ségou\x00 et Kayes.</p>" * 20 + "</body></html>").encode("utf-8")
    assert decode_body(body, "text/html")[1] == "utf-8"


def test_form_feed_is_whitespace_not_glue() -> None:
    """HTML counts U+000C as whitespace; lxml's tree would drop it and glue the words."""
    text, _ = decode_body("<h1>Rencontre\x0c5\x0cà Kayes</h1>".encode(), "text/html")
    assert text == "<h1>Rencontre 5 à Kayes</h1>"


@pytest.mark.parametrize("stray", ["</body></html>", "</BODY></HTML >", "</html>"])
def test_an_article_after_a_stray_html_end_tag_is_kept(stray: str) -> None:
    """libxml2 stops at the first </html>; browsers go on. An ad template closing the page early
    must not cost the article that follows it."""
    from trafilatura.utils import load_html

    body = (f"<html><body><div class='pub'>Publicité</div>{stray}\n<article><h1>Kati</h1>"
            "<p>Le conseil communal s’est réuni à Kati.</p></article></body></html>\n<!-- cache -->").encode()
    text, _ = decode_body(body, "text/html; charset=utf-8")
    assert "Le conseil communal" in load_html(text).text_content()


@pytest.mark.parametrize("tail", ["", "\n", "\n<!-- généré par le cache en 0,2 s -->\n<!-- fin -->\n"])
def test_a_page_ending_at_html_end_is_left_as_is(tail: str) -> None:
    page = "<html><body><p>Été à Ségou.</p></body></html>" + tail
    assert decode_body(page.encode(), "text/html")[0] == page


@pytest.mark.parametrize("label", ["utf-7", "unicode_escape", "raw_unicode_escape", "cp500", "punycode", "rot13",
                                   "base64", "idna", "utf8mb4"])
@pytest.mark.parametrize("where", ["header", "meta"])
def test_a_label_browsers_do_not_decode_is_ignored(label: str, where: str) -> None:
    """Python knows codecs no browser decodes a page with: UTF-7 turns every `+` into base64 and
    drops the accents, unicode_escape reads backslashes, EBCDIC garbles all of it. The label is
    ignored and the bytes sniffed, as in a browser."""
    page = PAGE.replace("charset='utf-8'", f"charset='{label}'").replace("</body>", "<p>1+1=2, C:\\temp\\new</p></body>")
    header = f"text/html; charset={label}" if where == "header" else "text/html"
    assert decode_body(page.encode("utf-8"), header) == (page, "utf-8")
    assert decode_body(FRENCH.encode("cp1252"), f"text/html; charset={label}")[1] == "cp1252"


@pytest.mark.parametrize(("label", "codec", "sample"), [
    ("windows-874", "cp874", "ข่าวจากบามาโก"), ("x-sjis", "cp932", "バマコのニュース"), ("windows-31j", "cp932", "ニュース"),
    ("x-mac-cyrillic", "mac_cyrillic", "Новости из Бамако"), ("iso-8859-8-i", "iso8859_8", "חדשות מבמאקו"),
    ("x-cp1251", "cp1251", "Новости из Бамако"),
])
def test_whatwg_labels_python_does_not_know(label: str, codec: str, sample: str) -> None:
    body = f"<html><head><meta charset='{label}'></head><body><p>{sample}</p></body></html>".encode(codec)
    text, encoding = decode_body(body, "text/html")
    assert sample in text and encoding == codec
