"""Dates htmldate padded from a year or a month are not publication days (pipelines/extract.py
`written_date`, pipelines/dates.py `day_written`)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.dates import day_written
from pipelines.extract import extract_page, written_date

FIXTURES = Path(__file__).parent / "fixtures"
LATER = "2030-01-01T00:00:00+00:00"  # a clock after every copyright year of the recorded pages


@pytest.mark.parametrize(("page", "written"), [
    ("<p>Publié le 1er septembre 2023 à 10h</p>", True),
    ('<time datetime="2023-09-01T10:00:00+00:00">', True),
    ("<span>Sept. 1, 2023</span>", True),
    ("<span>01/09/2023</span>", True),
    ("<span>09/01/2023</span>", True),
    ("<a href='/2023/09/01/slug/'>", True),
    ("<img src='/uploads/20230901-photo.jpg'>", True),
    ("<span>1 SEPTEMBRE 2023</span>", True),
    ("<footer>© 2023 Le Journal</footer>", False),
    ("<h2>Archives : septembre 2023</h2>", False),
    ("<span>11/09/2023</span><span>2023-09-011</span><span>21 septembre 2023</span>", False),
])
def test_day_written(page: str, written: bool) -> None:
    assert day_written("2023-09-01", page) is written


def test_only_unwritten_first_days_are_refused() -> None:
    assert written_date("2023-09-14", "<footer>© 2023</footer>") == "2023-09-14"
    assert written_date("2023-09-01", "<footer>© 2023</footer>") is None
    assert written_date("2023-09-01", "<p>le 1er septembre 2023</p>") == "2023-09-01"
    assert written_date(None, "") is None


def _run(case: Path, now: str) -> dict[str, Any]:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    return extract_page({"url": meta["url"], "body": gzip.decompress((case / "page.html.gz").read_bytes()),
                         "content_type": meta.get("content_type"), "hints": meta.get("hints") or {}, "now": now,
                         "article_pattern": meta.get("article_pattern"), "exclude_pattern": meta.get("exclude_pattern"),
                         "language": meta.get("language")})


def test_a_copyright_year_does_not_beat_the_feed_date() -> None:
    """Bamada's page names no date; its feed says 2023-09-30 and its footer '© 2025'. Crawled after
    2025, htmldate's fallback gave 2025-01-01 and it outranked the feed."""
    article = _run(FIXTURES / "bamada" / "2023-09-30-bankass-feed-date", LATER)["article"]
    assert (article["published"], article["date_source"]) == ("2023-09-30T10:15:00+00:00", "feed")


def _clock_free(case: Path) -> bool:
    """A dated page whose date, at its own clock, does not come from visible text (a dateline without
    its year or 'il y a 2 heures' is read against the clock)."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    article = _run(case, meta["now"])["article"] or {}
    return bool(article.get("published")) and article.get("date_source") != "visible-text"


CLOCK_FREE = [c.parent for c in sorted(FIXTURES.glob("**/expected.json"))
              if (c.parent / "meta.json").exists() and _clock_free(c.parent)]


@pytest.mark.parametrize("case", CLOCK_FREE, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_a_later_clock_keeps_the_date(case: Path) -> None:
    """Every recorded page whose date does not depend on the clock (a dateline without its year or
    'il y a 2 heures' does: those come from visible text) keeps its day when crawled years later."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    want = _run(case, meta["now"])["article"]["published"]
    got = (_run(case, LATER)["article"] or {}).get("published")
    assert (got or "")[:10] == want[:10]


@pytest.mark.parametrize(("case", "day"), [("amap/2024-10-27-dateline-office-du-niger", "2024-10-27"),
                                           ("outlets/amap/2025-02-03-dateline-kayes-fev", "2025-02-03")])
def test_a_dateline_takes_its_year_from_the_feed_not_the_clock(case: str, day: str) -> None:
    """'Bamako, 27 oct (AMAP)' has no year. Crawled in 2030 with its feed's date at hand, the page
    is dated in the feed's year; it used to take the clock's (2029-10-27)."""
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    stamp = f"{day}T08:00:00+00:00"
    job = {"url": meta["url"], "body": gzip.decompress((folder / "page.html.gz").read_bytes()),
           "content_type": meta.get("content_type"), "hints": {"via": "feed", "published": stamp}, "now": LATER,
           "article_pattern": None, "exclude_pattern": None, "language": "fr"}
    article = extract_page(job)["article"]
    assert (article["published"][:10], article["date_source"]) == (day, "visible-text")
