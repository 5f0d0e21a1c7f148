"""French/ISO date parsing and normalisation to UTC+0 (pipelines/dates.py)."""
from __future__ import annotations

import pytest

from pipelines.dates import date_from_url, normalize_iso, parse_date_text, parse_dateline, parse_now

NOW = "2025-06-23T12:00:00+00:00"


@pytest.mark.parametrize(("text", "expected"), [
    ("Publié le dimanche 22 juin 2025", "2025-06-22"),
    ("22/06/2025 à 10h30", "2025-06-22T10:30:00+00:00"),
    ("22 juin 2025 - 10:30", "2025-06-22T10:30:00+00:00"),
    ("Mis en ligne le 3 Fév 2024", "2024-02-03"),
    ("le 1er décembre 2024", "2024-12-01"),
    ("12 août 2023 à 9H05", "2023-08-12T09:05:00+00:00"),
    ("5 aout 2021", "2021-08-05"),
    ("12 ao\ufffdt 2023", "2023-08-12"),            # Malijet mis-decoded accent
    ("3 f\ufffdvrier 2020", "2020-02-03"),
    ("9 dÃ©cembre 2022", "2022-12-09"),              # UTF-8 read as cp1252
    ("Date : 22 juillet 2019", "2019-07-22"),
    ("jeu 28 Nov 2024 - 0:36", "2024-11-28T00:36:00+00:00"),
    ("Publié le vendredi 8 octobre 2021  |  liberation . fr", "2021-10-08"),
    ("September 22, 2021", "2021-09-22"),
    ("2025-06-22T10:30:00+01:00", "2025-06-22T09:30:00+00:00"),
    ("il y a 3 heures", "2025-06-23T09:00:00+00:00"),
    ("Publié il y a 2 jours", "2025-06-21"),
    ("il y a une semaine", "2025-06-16"),
    ("hier", "2025-06-22"),
    ("aujourd'hui à 10h30", "2025-06-23T10:30:00+00:00"),
    ("Aujourd’hui", "2025-06-23"),
])
def test_parse_date_text(text: str, expected: str) -> None:
    assert parse_date_text(text, NOW) == expected


@pytest.mark.parametrize("text", [
    "25 juin 2025",                 # two days after NOW: beyond the one-day tolerance
    "31 février 2024",              # impossible day
    "30/13/2024",                   # impossible month
    "Le bilan s'élève à 12 morts",  # no date at all
    "",
])
def test_parse_date_text_rejects(text: str) -> None:
    assert parse_date_text(text, NOW) is None


def test_future_date_is_skipped_for_a_later_valid_one() -> None:
    assert parse_date_text("Prochaine session : 30/06/2025. Publié le 20/06/2025", NOW) == "2025-06-20"


def test_tomorrow_is_tolerated() -> None:
    assert parse_date_text("24 juin 2025", NOW) == "2025-06-24"


def test_relative_words_can_be_disabled() -> None:
    assert parse_date_text("hier soir à Bamako", NOW, relative=False) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-06-22T10:30:00+01:00", "2025-06-22T09:30:00+00:00"),
    ("2025-06-22T10:30:00Z", "2025-06-22T10:30:00+00:00"),
    ("2025-06-22T10:30:00.123+0100", "2025-06-22T09:30:00+00:00"),
    ("2025-06-22T23:30:00-02:00", "2025-06-23T01:30:00+00:00"),   # the offset moves the day
    ("2025-06-22 10:30:00", "2025-06-22T10:30:00+00:00"),         # naive = Bamako time = UTC
    ("2025-06-22", "2025-06-22"),                                 # a date stays a date
    ("Sun, 22 Jun 2025 10:30:00 +0100", "2025-06-22T09:30:00+00:00"),  # feed pubDate
    ("22 juin 2025", "2025-06-22"),
    ("2025-6-2", "2025-06-02"),                                   # PHP's date("Y-n-j"): was no date
    ("2025-6-2 9:05", "2025-06-02"),                              # an hour without its zero: the day alone
    ("2025-6-2 09:05:00", "2025-06-02T09:05:00+00:00"),
    ("2026-01-01", None),
    ("not a date", None),
    (None, None),
])
def test_normalize_iso(value: str | None, expected: str | None) -> None:
    assert normalize_iso(value, NOW) == expected


def test_dateline_year_is_inferred_from_now() -> None:
    assert parse_dateline("Bamako, 27 oct (AMAP) - Le ministre", "2024-10-28T00:00:00+00:00") == "2024-10-27"
    # 27 June 2025 would be in the future on 23 June 2025: it must be last year's.
    assert parse_dateline("Bamako, 27 juin (AMAP)", NOW) == "2024-06-27"
    assert parse_dateline("Bamako, 27 oct (AMAP)", NOW, year_hint=2019) == "2019-10-27"
    assert parse_dateline("Bamako (AMAP) - Le ministre", NOW) is None


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.journaldumali.com/2021/07/02/cote-divoire-creation/", "2021-07-02"),
    ("https://malibook.net/2020/12/18/medias-ortm-et-rti", "2020-12-18"),
    ("https://example.ml/journal-du-2025-06-22-soir", "2025-06-22"),
    ("https://www.mandeinfos.com/2019/04/", None),       # month archive: no day
    ("https://example.ml/2025/13/01/x", None),
    ("https://www.maliweb.net/nation/slug-2898703.html", None),
    ("https://example.ml/2030/01/01/future", None),
])
def test_date_from_url(url: str, expected: str | None) -> None:
    assert date_from_url(url, NOW) == expected


def test_parse_now_defaults_to_utc() -> None:
    assert parse_now("2025-06-23T12:00:00").utcoffset().total_seconds() == 0
    assert parse_now("2025-06-23T14:00:00+02:00").hour == 12
    assert parse_now("garbage").tzinfo is not None


def _page(**meta: str):
    from pipelines.metadata import PageMeta
    return PageMeta(meta=dict(meta))


def test_published_priority_and_sources() -> None:
    from pipelines.pubdate import choose_published
    now = parse_now(NOW)
    url = "https://www.journaldumali.com/2021/07/02/slug/"
    meta = _page(**{"article:published_time": "2025-06-20T08:15:00+01:00"})
    assert choose_published(meta, "", "2025-01-01", {}, url, now, "2025-06-19") == ("2025-06-20T07:15:00+00:00", "meta")
    assert choose_published(_page(), "", "2025-01-01", {}, url, now, "2025-06-19") == ("2025-06-19", "visible-text")
    assert choose_published(_page(), "", "2025-01-01", {}, url, now) == ("2025-01-01", "trafilatura")
    feed = {"via": "feed", "published": "Sat, 21 Jun 2025 10:00:00 +0000", "lastmod": "2025-06-22"}
    assert choose_published(_page(), "", None, feed, url, now) == ("2025-06-21T10:00:00+00:00", "feed")
    assert choose_published(_page(), "", None, {"lastmod": "2025-06-22"}, url, now) == ("2025-06-22", "sitemap")
    assert choose_published(_page(), "", None, {}, url, now) == ("2021-07-02", "url")
    assert choose_published(_page(), "", None, {}, "https://x.ml/a", now) == (None, None)


def test_date_only_markup_takes_the_time_of_a_visible_timestamp() -> None:
    from pipelines.pubdate import choose_published
    meta = _page(**{"article:published_time": "2025-06-22"})
    got = choose_published(meta, "", None, {}, "https://x.ml/a", parse_now(NOW), "2025-06-22T10:30:00+00:00")
    assert got == ("2025-06-22T10:30:00+00:00", "visible-text")
    other_day = choose_published(meta, "", None, {}, "https://x.ml/a", parse_now(NOW), "2025-06-21T10:30:00+00:00")
    assert other_day == ("2025-06-22", "meta")


def test_future_markup_date_falls_through() -> None:
    from pipelines.pubdate import choose_published
    meta = _page(**{"article:published_time": "2031-01-01T00:00:00Z"})
    assert choose_published(meta, "", None, {}, "https://x.ml/a", parse_now(NOW), "2025-06-19")[1] == "visible-text"


def test_agency_dateline_dates_the_text() -> None:
    from pipelines.pubdate import choose_published
    text = "Bamako, 27 oct (AMAP) - Le ministre de l'Agriculture a entamé dimanche une visite."
    got = choose_published(_page(), text, None, {}, "https://amap.ml/?p=1", parse_now("2024-10-28T10:00:00Z"))
    assert got == ("2024-10-27", "visible-text")


@pytest.mark.parametrize(("value", "expected"), [
    (1749550000, "2025-06-10T10:06:40+00:00"),       # seconds
    (1749550000123, "2025-06-10T10:06:40+00:00"),    # milliseconds
    (1749550000.5, "2025-06-10T10:06:40+00:00"),
    (0, None), (-5, None), (True, None),             # not a time
    (4102444800, None),                              # 2100: the future
    (10**30, None),                                  # past any calendar
    (315532800, None),                               # 1980: before the archive's earliest date
])
def test_json_numbers_are_unix_times(value: object, expected: str | None) -> None:
    assert normalize_iso(value, "2025-11-28T00:00:00+00:00") == expected  # type: ignore[arg-type]


def test_json_ld_lists_and_value_objects() -> None:
    now = "2025-11-28T00:00:00+00:00"
    assert normalize_iso(["", "pas une date", "2025-06-10T08:00:00Z", "2025-06-11"], now) == "2025-06-10T08:00:00+00:00"
    assert normalize_iso({"@value": "2025-06-10T08:00:00Z", "@type": "DateTime"}, now) == "2025-06-10T08:00:00+00:00"
    assert normalize_iso([], now) is None and normalize_iso({}, now) is None
    assert normalize_iso([{"@value": 1749550000}], now) == "2025-06-10T10:06:40+00:00"
    deep: list = ["2025-06-10"]
    for _ in range(5000):
        deep = [deep]
    assert normalize_iso(deep, now) is None  # not read, and no RecursionError


@pytest.mark.parametrize(("byline", "date"), [
    ("Par Awa Diarra, 3 avr. 2025", "2025-04-03"),
    ("Par Awa Diarra - le 3 sept. 2024 à 10h15", "2024-09-03T10:15:00+00:00"),
    ("Par Awa Diarra, publié le jeudi 3 avril 2025", "2025-04-03"),
])
def test_a_bylines_own_date_dates_the_article(byline: str, date: str) -> None:
    """The byline gave the author, and its date was not read: a French abbreviated month
    ("avr.", "sept.") is unknown to htmldate, so the page had no date at all."""
    from lxml.html import document_fromstring

    from pipelines.metadata import read_meta
    from pipelines.pubdate import header_scan
    tree = document_fromstring(f"<html><body><h1>Un titre</h1><p>{byline}</p><p>{'Texte. ' * 60}</p></body></html>")
    assert header_scan(read_meta(tree), parse_now(NOW)) == (date, "Awa Diarra")
