"""Parse French, English and ISO dates into ISO 8601 at UTC+0 (Africa/Bamako), rejecting future dates
and dates before the web press existed (the Unix epoch and year 1 are CMS placeholders, not dates)."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

UTC = timezone.utc
FUTURE_TOLERANCE = timedelta(days=1)
EARLIEST = date(1990, 1, 1)  # no Malian outlet published on the web before this

_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "aou": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
# Mis-decoded accents ("ao\ufffdt", "f?vrier") are folded to "?" first, so let it stand for a letter.
_MONTH_RE = (r"(janv(?:ier)?|jan(?:uary)?|f[e?]vr?(?:ier)?|feb(?:ruary)?|mar(?:s|ch)?|avr(?:il)?|apr(?:il)?|"
             r"mai|may|jui?n[e]?|juil(?:let)?|jul[y]?|ao[u?]t?|aug(?:ust)?|sept?(?:embre|ember)?|"
             r"oct(?:obre|ober)?|nov(?:embre|ember)?|d[e?]c(?:embre|ember)?)\.?")
_TIME = r"(?:\s*(?:a|,|-|\u2013|\|)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})?(?::\d{2})?(?:\s*(?:min|mn))?)?"
_WEEKDAY = r"(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?,?\s+)?"
_DMY_TEXT = re.compile(r"\b" + _WEEKDAY + r"(\d{1,2})(?:er)?\s+" + _MONTH_RE + r",?\s+(\d{4})\b" + _TIME)
_MDY_TEXT = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\b" + _TIME)
_DMY_NUM = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b" + _TIME)
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                  r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d:])", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:er)?\s+" + _MONTH_RE + r"(?!\w)")
_RELATIVE = re.compile(r"\bil y a\s+(\d+|une?)\s+(minute|min|heure|h|jour|semaine|mois)s?\b")
_DAY_WORD = re.compile(r"\b(aujourd'hui|aujourd hui|avant-hier|hier)\b" + _TIME)
_URL_DATE = re.compile(r"[/_-]((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)")
_MOJIBAKE = (("Ã©", "é"), ("Ã»", "û"), ("Ã¨", "è"), ("Ãª", "ê"), ("Ã ", "à"), ("\ufffd", "?"))


def parse_now(now: str | datetime | None) -> datetime:
    """The reference time as an aware UTC datetime (the real clock when `now` is missing/invalid)."""
    if isinstance(now, datetime):
        return now if now.tzinfo else now.replace(tzinfo=UTC)
    if now:
        try:
            parsed = datetime.fromisoformat(now.strip().replace("Z", "+00:00"))
            return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def _fold(text: str) -> str:
    """Lower-case, repair common mojibake and strip accents so month names become ASCII."""
    for bad, good in _MOJIBAKE:
        text = text.replace(bad, good)
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _month(token: str) -> int | None:
    """Month number of a folded month token ("fev", "aout", "ao?t", "sept.", "june")."""
    token = token.rstrip(".")
    if "?" in token:
        token = token.replace("?", "e" if token[:1] in "fd" else "u")
    return _MONTHS.get(token)


def _emit(moment: datetime | date, now: datetime) -> str | None:
    """ISO string for a parsed value, or None when it lies in the future or before `EARLIEST`."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
        if moment > now + FUTURE_TOLERANCE or moment.date() < EARLIEST:
            return None
        return moment.replace(microsecond=0).isoformat()
    if moment > (now + FUTURE_TOLERANCE).date() or moment < EARLIEST:
        return None
    return moment.isoformat()


def _build(year: int, month: int | None, day: int, hour: str | None, minute: str | None,
           now: datetime) -> str | None:
    if month is None or not 1900 <= year <= 2100:
        return None
    try:
        if hour is not None:
            return _emit(datetime(year, month, day, int(hour), int(minute or 0), tzinfo=UTC), now)
        return _emit(date(year, month, day), now)
    except ValueError:
        return None


def normalize_iso(value: Any, now: str | datetime | None = None) -> str | None:
    """Normalise an ISO 8601 (or RFC 822 feed) timestamp to UTC+0; a bare date stays `YYYY-MM-DD`.

    JSON-LD shapes are read too: a number is a Unix time, in seconds or (past 10^11) milliseconds,
    as some JavaScript CMSs write `datePublished`; a list gives its first valid date; a
    `{"@value": …}` object its value."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, list):  # one level only: a hostile page may nest lists a thousand deep
        items = (v.get("@value") if isinstance(v, dict) else v for v in value[:10])
        return next((iso for v in items if not isinstance(v, (list, dict)) and (iso := normalize_iso(v, now))), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        try:
            moment = datetime.fromtimestamp(value / 1000 if value > 1e11 else value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return _emit(moment, parse_now(now))
    if not value or not isinstance(value, str):
        return None
    ref = parse_now(now)
    value = value.strip().upper()
    match = _ISO.match(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        if hour is None:
            return _build(int(year), int(month), int(day), None, None, ref)
        stamp = f"{year}-{int(month):02d}-{int(day):02d}T{hour}:{minute}:{second or '00'}"  # PHP's "Y-n-j" too
        if zone and zone != "Z":
            zone = zone if len(zone) > 3 else zone + ":00"
            stamp += zone if ":" in zone else zone[:3] + ":" + zone[3:]
        elif zone == "Z":
            stamp += "+00:00"
        try:
            return _emit(datetime.fromisoformat(stamp), ref)
        except ValueError:
            return None
    try:
        return _emit(parsedate_to_datetime(value), ref)
    except (TypeError, ValueError, IndexError):
        return parse_date_text(value, ref)


def parse_date_text(text: str, now: str | datetime | None = None, relative: bool = True) -> str | None:
    """First valid, non-future date in free text (French, English, numeric or ISO), else None.

    Understands "Publié le dimanche 22 juin 2025", "22/06/2025 à 10h30", "22 juin 2025 - 10:30",
    "Fév"/"août"/"ao\ufffdt", "il y a 3 heures", "hier", "aujourd'hui". A time makes a full
    timestamp; relative day words give a date unless a time follows them.
    """
    if not text:
        return None
    ref = parse_now(now)
    folded = _fold(text[:2000])
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(folded):
        if (value := normalize_iso(match.group(0), ref)):
            found.append((match.start(), value))
            break
    for match in _DMY_TEXT.finditer(folded):
        day, month, year, hour, minute = match.groups()
        if (value := _build(int(year), _month(month), int(day), hour, minute, ref)):
            found.append((match.start(), value))
            break
    for match in _MDY_TEXT.finditer(folded):
        month, day, year, hour, minute = match.groups()
        if (value := _build(int(year), _month(month), int(day), hour, minute, ref)):
            found.append((match.start(), value))
            break
    for match in _DMY_NUM.finditer(folded):
        day, month, year, hour, minute = match.groups()
        if (value := _build(int(year), int(month), int(day), hour, minute, ref)):
            found.append((match.start(), value))
            break
    if relative and (value_pos := _relative(folded, ref)):
        found.append(value_pos)
    return min(found)[1] if found else None


def _relative(folded: str, now: datetime) -> tuple[int, str] | None:
    """Position and value of "il y a N unités" / "hier" / "aujourd'hui" relative to `now`."""
    match = _RELATIVE.search(folded)
    if match:
        count = 1 if match.group(1) in ("un", "une") else int(match.group(1))
        unit = match.group(2)
        if unit in ("minute", "min", "heure", "h"):
            delta = timedelta(minutes=count) if unit.startswith("min") else timedelta(hours=count)
            return match.start(), (now - delta).replace(second=0, microsecond=0).isoformat()
        days = {"jour": 1, "semaine": 7, "mois": 30}[unit] * count
        return match.start(), (now - timedelta(days=days)).date().isoformat()
    match = _DAY_WORD.search(folded)
    if match:
        word, hour, minute = match.groups()
        back = {"hier": 1, "avant-hier": 2}.get(word, 0)
        day = (now - timedelta(days=back)).date()
        if hour is not None and int(hour) < 24 and int(minute or 0) < 60:
            stamp = datetime(day.year, day.month, day.day, int(hour), int(minute or 0), tzinfo=UTC)
            return match.start(), stamp.isoformat()
        return match.start(), day.isoformat()
    return None


def parse_dateline(text: str, now: str | datetime | None = None, year_hint: int | None = None) -> str | None:
    """Date of an agency dateline without a year ("Bamako, 27 oct (AMAP)"), as `YYYY-MM-DD`.

    The year is `year_hint` when given, else the latest year that does not put the date in the future.
    """
    ref = parse_now(now)
    match = _DAY_MONTH.search(_fold(text[:300]))
    if not match or (month := _month(match.group(2))) is None:
        return None
    day = int(match.group(1))
    for year in ([year_hint] if year_hint else []) + [ref.year, ref.year - 1]:
        if (value := _build(year, month, day, None, None, ref)):
            return value
    return None


def date_from_url(url: str, now: str | datetime | None = None) -> str | None:
    """`YYYY-MM-DD` from a /2025/06/22/ (or /2025-06-22-) path segment, else None."""
    match = _URL_DATE.search(url.split("?", 1)[0])
    if not match:
        return None
    return _build(int(match.group(1)), int(match.group(2)), int(match.group(3)), None, None, parse_now(now))


def _month_names(month: int) -> str:
    """An alternation of the folded names and abbreviations of `month` ("janvier|janv|jan|january")."""
    return "|".join(re.escape(name) for name, number in _MONTHS.items() if number == month)


def day_written(day: str, page: str) -> bool:
    """Whether the page (its HTML, attributes included) writes the date `day` (YYYY-MM-DD) in full:
    ISO or numeric (2023-09-01, 2023/09/01, 01/09/2023, 09/01/2023, 20230901) or with a French or
    English month name ("1er septembre 2023", "Sept. 1, 2023").

    htmldate pads what it finds to a whole date: a copyright line "© 2025" becomes 2025-01-01, a
    heading "septembre 2023" 2023-09-01. Such a day is nowhere on the page, which tells the two apart.
    """
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return False
    y, m, d = when.year, when.month, when.day
    numeric = re.compile(
        rf"(?<!\d)(?:{y}[-/.]0?{m}[-/.]0?{d}|0?{d}[-/.]0?{m}[-/.]{y}|0?{m}/0?{d}/{y}|{y}{m:02d}{d:02d})(?!\d)")
    if numeric.search(page):
        return True
    names = _month_names(m)
    spelt = re.compile(rf"(?<!\d)0?{d}(?:er|st)?\s+(?:{names})\.?,?\s+{y}(?!\d)|(?:{names})\.?\s+0?{d}(?:st)?,?\s+{y}(?!\d)")
    return spelt.search(_fold(page)) is not None
