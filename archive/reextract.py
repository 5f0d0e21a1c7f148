"""Re-run extraction over the raw pages kept in the archive (no network); update only what changed."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Iterator, Mapping

from archive.store import Archive

Extract = Callable[[dict[str, Any]], dict[str, Any]]
HINTED_DATE_SOURCES = ("sitemap", "feed")  # the date came from a discovery hint, not from the page


@dataclass(frozen=True)
class RawPage:
    """An article and the latest page fetched for it."""

    article_id: int
    url: str
    site: str
    published: str | None
    date_source: str | None
    discovered_via: str | None
    final_url: str
    content_type: str | None
    fetched_at: str | None
    html_zlib: bytes


@dataclass
class ReextractSummary:
    """Counts of a re-extraction run."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str) -> None:
        """Count one outcome."""
        self.counts[key] = self.counts.get(key, 0) + 1

    @property
    def total(self) -> int:
        """Articles looked at."""
        return sum(self.counts.values())


def iter_raw_pages(archive: Archive, site: str | None = None, since: str | None = None,
                   chunk: int = 200) -> Iterator[RawPage]:
    """Articles (optionally one outlet, published on/after `since`) with their latest page, by id.

    Keyset pagination in chunks: constant memory, and no cursor left open across the writes.
    """
    where, params = ["a.id > :last"], {"last": 0, "chunk": chunk}
    if site:
        where.append("a.site = :site")
        params["site"] = site
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    sql = (
        "SELECT a.id, a.url, a.site, a.published, a.date_source, a.discovered_via, "
        "p.final_url, p.content_type, p.fetched_at, p.html_zlib FROM articles a "
        "JOIN pages p ON p.id = (SELECT max(id) FROM pages WHERE article_id = a.id) "
        f"WHERE {' AND '.join(where)} ORDER BY a.id LIMIT :chunk"
    )
    while True:
        rows = archive.db.execute(sql, params).fetchall()
        for row in rows:
            yield RawPage(*row)
        if len(rows) < chunk:
            return
        params["last"] = rows[-1][0]


def job_for(page: RawPage, site_conf: Mapping[str, Any] | None) -> dict[str, Any]:
    """The `extract_page` job the crawler built for this page, rebuilt from what the archive kept."""
    hints: dict[str, Any] = {"via": page.discovered_via or "link"}
    if page.date_source in HINTED_DATE_SOURCES and page.published:
        hints["published"] = page.published
    conf = site_conf or {}
    content_type = page.content_type
    return {
        "url": page.final_url or page.url,
        "body": zlib.decompress(page.html_zlib) if page.html_zlib else b"",
        "content_type": content_type,
        "hints": hints,
        "article_pattern": conf.get("article_pattern"),
        "exclude_pattern": conf.get("exclude_pattern"),
        "language": conf.get("language"),
        "now": page.fetched_at,  # "hier", "il y a 3 heures" resolve as on the day of the fetch
    }


def safe_extract(extract: Extract, job: dict[str, Any]) -> dict[str, Any] | None:
    """`extract(job)`, or None when it raises: a page that breaks the new extractor keeps its old extraction."""
    try:
        return extract(job)
    except Exception:
        return None


def reextract(archive: Archive, extract: Extract, version: str, sites: Mapping[str, Mapping[str, Any]],
              *, site: str | None = None, since: str | None = None, batch: int = 200,
              progress: Callable[[ReextractSummary], None] | None = None,
              map_fn: Callable[..., Iterator[Any]] = map) -> ReextractSummary:
    """Re-extract every selected article; `changed` ones keep their previous text in article_versions.

    `map_fn` runs the extractions of a batch (e.g. a process pool's `map`; results in order).
    Outcomes counted: unchanged, metadata, changed, not_article_now (left as is), no_page, error.
    """
    summary = ReextractSummary()
    pages = iter_raw_pages(archive, site, since, chunk=batch)
    while True:
        chunk = [p for _, p in zip(range(batch), pages)]
        if not chunk:
            break
        todo = [p for p in chunk if p.html_zlib]
        jobs = [job_for(p, sites.get(p.site)) for p in todo]
        extracted = dict(zip((p.article_id for p in todo), map_fn(partial(safe_extract, extract), jobs)))
        results = []
        for page in chunk:
            if not page.html_zlib:
                results.append((page, None, "no_page"))
                continue
            result = extracted[page.article_id]
            if result is None:
                results.append((page, None, "error"))
                continue
            ok = result.get("is_article") and result.get("article")
            results.append((page, result["article"] if ok else None, None if ok else "not_article_now"))
        with archive.db.atomic():
            for page, article, outcome in results:
                if article is not None:
                    outcome = archive.replace_extraction(page.article_id, article, version)
                summary.add(outcome or "error")
        if progress:
            progress(summary)
    return summary
