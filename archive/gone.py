"""Article addresses that answered "gone" (404, 410, or a "page not found" served with 200), and
when to ask them again.

Old pages vanish, and sitemaps, feeds and old articles keep linking them: without a memory every
scheduled crawl fetches each dead address again, for ever. A gone address is asked again after a
day, then after 2, 4 … 64 days (it may come back: a CMS migration, an article unpublished for a
correction); at once when a sitemap or feed dates it after the last check; and always with
`malinews crawl --recheck-gone`. Archiving an article at the address forgets it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

FIRST_WAIT_DAYS = 1  # after the first "gone"; doubled at each further one
MAX_WAIT_DAYS = 64


@dataclass(frozen=True)
class Gone:
    """What the archive remembers of a gone address."""

    url: str
    reason: str  # http_404, http_410, soft-404, redirect-home
    checks: int  # times it was found gone
    last_checked: str  # ISO 8601 UTC
    retry_after: str  # ISO 8601 UTC

    def held_back(self, now: str, dated: str | None = None) -> bool:
        """Whether a crawl at `now` should leave the address alone: its wait is not over, and no
        sitemap or feed dates it (`dated`) after its last check."""
        return now < self.retry_after and not (dated and dated > self.last_checked)


def wait_after(checks: int) -> timedelta:
    """How long to leave an address alone after it was found gone `checks` times in a row."""
    return timedelta(days=min(FIRST_WAIT_DAYS * 2 ** (max(checks, 1) - 1), MAX_WAIT_DAYS))


def _plus(stamp: str, wait: timedelta) -> str:
    return (datetime.fromisoformat(stamp) + wait).isoformat()


def record_gone(db: Database, site: str, url: str, reason: str, checked: str) -> Gone:
    """Remember that `url` was found gone at `checked` (ISO 8601 with offset); the wait doubles
    with each check that finds it gone again. The caller holds the transaction."""
    row = db.execute("SELECT checks, last_checked FROM gone_urls WHERE url = ?", [url]).fetchone()
    checks = 1 if row is None else row[0] + (checked > row[1])  # a second report of one check counts once
    retry = _plus(checked, wait_after(checks))
    db.execute(
        "INSERT INTO gone_urls (url, site, reason, first_gone, last_checked, checks, retry_after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET reason = excluded.reason, "
        "last_checked = max(last_checked, excluded.last_checked), checks = excluded.checks, "
        "retry_after = max(retry_after, excluded.retry_after)",
        [url, site, reason, checked, checked, checks, retry],
    )
    return Gone(url, reason, checks, max(checked, row[1]) if row else checked, retry)


def gone_many(db: Database, urls: Sequence[str], chunk: int = 500) -> dict[str, Gone]:
    """{url: Gone} for those of `urls` remembered as gone."""
    found: dict[str, Gone] = {}
    for start in range(0, len(urls), chunk):
        part = list(urls[start:start + chunk])
        marks = ",".join("?" * len(part))
        for row in db.execute(f"SELECT url, reason, checks, last_checked, retry_after FROM gone_urls "
                              f"WHERE url IN ({marks})", part):
            found[row[0]] = Gone(*row)
    return found


def forget_gone(db: Database, urls: Iterable[str | None]) -> None:
    """Forget the addresses an article was just archived under or fetched at."""
    distinct = sorted({u for u in urls if u})
    if distinct:
        db.execute(f"DELETE FROM gone_urls WHERE url IN ({','.join('?' * len(distinct))})", distinct)
