"""The archive's write and lookup API: the only way pipelines and the crawler reach SQLite."""
from __future__ import annotations

from collections.abc import Sequence

import json
import logging
import os
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping

from sqlite_utils import Database

from archive import claims, documents, gone
from archive.errors import ArchiveInvalidError
from archive.faultinject import kill_point
from archive.cutshort import cut_from
from archive.provenance import extractor_version
from archive.readonly import connect_readonly
from archive.schema import migrate
from archive.stories import StoryIndex

logger = logging.getLogger(__name__)
# Errors that mean "this item's data is bad", not "the database is broken".
ITEM_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, sqlite3.ProgrammingError,
               UnicodeError, ValueError, TypeError, KeyError, OverflowError)

ARTICLE_FIELDS = (
    "title", "author", "published", "modified", "section", "description", "image",
    "language", "text", "word_count", "content_hash", "date_source",
)


def utc_now() -> str:
    """Current UTC time as ISO 8601 with seconds precision."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Known:
    """What the archive already holds for a URL."""

    article_id: int
    url: str
    source_modified: str | None
    last_seen: str | None


@dataclass(frozen=True)
class SaveResult:
    """Outcome of saving one article: `new`, `updated`, `unchanged`, `cut_short` (a refetch that ended
    early, the whole text kept) (or `rejected`, article_id 0)."""

    url: str
    article_id: int
    status: str


SQLITE_HEADER = b"SQLite format 3\x00"
ARCHIVE_TABLES = {"articles", "_sqlite_migrations"}  # a database holding either is (or was) a malinews archive
_FIX = "pass a malinews archive with --db, or a path that does not exist yet to start one"


def check_archive_file(path: str | Path) -> None:
    """Raise ArchiveInvalidError unless `path` is absent, empty, or starts like a SQLite database."""
    p = Path(path)
    if p.is_dir():
        raise ArchiveInvalidError(f"{path} is a directory, not an archive; {_FIX}")
    if not p.is_file():
        return
    with p.open("rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise ArchiveInvalidError(f"{path} is not a SQLite database (it starts with {head[:8]!r}); {_FIX}")


def check_archive_tables(db: Database, path: str | Path) -> None:
    """Raise ArchiveInvalidError for a database that holds tables but none of an archive's: malinews
    would otherwise add its twenty tables to another program's database."""
    names = set(db.table_names())
    if names and not names & ARCHIVE_TABLES:
        shown = ", ".join(sorted(names)[:5]) + (", …" if len(names) > 5 else "")
        raise ArchiveInvalidError(f"{path} is a SQLite database but not a malinews archive (its tables: {shown}); {_FIX}")


def open_database(path: str | Path, *, readonly: bool = False) -> Database:
    """Open an archive with the pragmas malinews relies on (WAL, busy timeout).

    Raises ArchiveInvalidError, naming the file, when it is not a SQLite database, is damaged, or
    is another program's database."""
    check_archive_file(path)
    try:
        if readonly:
            db = Database(connect_readonly(path))
        else:
            db = Database(path)
        db.execute("PRAGMA busy_timeout = 30000")
        check_archive_tables(db, path)  # before WAL: another program's database is left as it was
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError:
        raise  # locked, busy, out of space: not the file's fault
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        raise ArchiveInvalidError(f"{path} cannot be read as a SQLite database ({exc}); check it with "
                                  f"`sqlite3 {path} 'PRAGMA integrity_check'` and restore it from a backup, "
                                  f"or {_FIX}") from None
    return db


class Archive:
    """A malinews archive on disk: migrated schema plus lookups and batched writes."""

    def __init__(self, db: Database, *, stories: bool = True, cache_mib: int = 64) -> None:
        self.db = db
        # issue 3: stories are assigned as articles are written; stories=False defers it to `malinews dedupe`
        self.stories: StoryIndex | None = StoryIndex(db, cache_mib=cache_mib) if stories else None

    @classmethod
    def open(cls, path: str | Path, *, stories: bool = True, cache_mib: int = 64) -> Archive:
        """Open (creating and migrating if needed) the archive at `path`; `cache_mib` bounds SQLite's page cache."""
        db = open_database(path)
        migrate(db)
        return cls(db, stories=stories, cache_mib=cache_mib)

    def close(self) -> None:
        """Close the underlying connection."""
        self.db.close()

    # -- lookups used by the crawler -------------------------------------------------
    def lookup(self, url: str) -> Known | None:
        """Return what is archived under `url` (canonical URL or a fetched alias), else None. A URL
        only claimed by a canonical link (`archive/claims.py`) is not archived until fetched."""
        row = self.db.execute(
            "SELECT id, url, source_modified, last_seen FROM articles WHERE url = ? "
            "AND NOT EXISTS (SELECT 1 FROM canonical_claims c WHERE c.url = articles.url) "
            "UNION ALL SELECT a.id, a.url, a.source_modified, a.last_seen FROM url_aliases u "
            "JOIN articles a ON a.id = u.article_id WHERE u.url = ? LIMIT 1",
            [url, url],
        ).fetchone()
        return Known(*row) if row else None

    def lookup_many(self, urls: Sequence[str], chunk: int = 500) -> dict[str, Known]:
        """`lookup` for many URLs in a few queries: {url: Known} for the archived ones."""
        found: dict[str, Known] = {}
        for start in range(0, len(urls), chunk):
            part = list(urls[start:start + chunk])
            marks = ",".join("?" * len(part))
            for row in self.db.execute(
                    f"SELECT id, url, source_modified, last_seen FROM articles WHERE url IN ({marks}) "
                    "AND NOT EXISTS (SELECT 1 FROM canonical_claims c WHERE c.url = articles.url)", part):
                found[row[1]] = Known(*row)
            for alias, *row in self.db.execute(
                    f"SELECT u.url, a.id, a.url, a.source_modified, a.last_seen FROM url_aliases u "
                    f"JOIN articles a ON a.id = u.article_id WHERE u.url IN ({marks})", part):
                found.setdefault(alias, Known(*row))
        return found

    def least_recently_seen(self, site: str, limit: int, now: str | None = None) -> list[str]:
        """URLs of `site`'s archived articles not seen for the longest (to revisit), oldest first; an
        article whose page was found taken down waits like any gone address (`archive/gone.py`)."""
        return [url for (url,) in self.db.execute(
            "SELECT url FROM articles WHERE site = ? AND NOT EXISTS (SELECT 1 FROM canonical_claims c "
            "WHERE c.url = articles.url) AND NOT EXISTS (SELECT 1 FROM gone_urls g WHERE g.url = articles.url "
            "AND g.retry_after > ?) ORDER BY last_seen, id LIMIT ?", [site, now or utc_now(), limit])]

    def any_gone(self) -> bool:
        """Whether any article address is remembered as gone."""
        return self.db.execute("SELECT EXISTS (SELECT 1 FROM gone_urls)").fetchone()[0] == 1

    def gone_many(self, urls: Sequence[str]) -> dict[str, gone.Gone]:
        """{url: Gone} for the article addresses among `urls` last found gone (`archive/gone.py`)."""
        return gone.gone_many(self.db, urls)

    def document_validators(self, url: str) -> documents.Validators | None:
        """The validators of the sitemap or feed kept for `url` (`archive/documents.py`), if any."""
        return documents.validators_for(self.db, url)

    def kept_document(self, url: str) -> bytes | None:
        """The copy of the sitemap or feed kept for `url`, to read on a 304 Not Modified."""
        return documents.kept_body(self.db, url)

    def count_articles(self, site: str | None = None) -> int:
        """Number of archived articles, for one site or all."""
        if site is None:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]

    # -- writes ------------------------------------------------------------------------
    def save_batch(self, items: Iterable[Mapping[str, Any]], run_id: int | None = None) -> list[SaveResult]:
        """Save extracted articles in ONE transaction; a crash leaves none half-written.

        Each item sits behind a savepoint: an item whose data SQLite refuses is rolled back alone
        and reported `rejected`, and the rest of the batch is kept. Database-level failures (disk
        full, I/O) still abort the whole transaction.
        """
        results: list[SaveResult] = []
        try:
            with self.db.atomic():
                for item in items:
                    results.append(self._save_isolated(item, run_id))
                    kill_point("write")  # test-only: tests/test_crash_safety.py dies here, mid-transaction
        except BaseException:
            if self.stories is not None:
                self.stories.forget()  # the batch is rolled back: its stories and sketches are not in the file
            raise
        return results

    def _save_isolated(self, item: Mapping[str, Any], run_id: int | None) -> SaveResult:
        """`_save_one` behind a savepoint; a data error rejects this item only."""
        self.db.execute("SAVEPOINT malinews_item")
        try:
            result = self._save_one(item, run_id)
        except ITEM_ERRORS as exc:
            self.db.execute("ROLLBACK TO malinews_item")
            self.db.execute("RELEASE malinews_item")
            if self.stories is not None:
                self.stories.forget()  # its caches may hold what was just rolled back
            logger.warning("rejected %s: %s: %s", item.get("url"), type(exc).__name__, exc)
            return SaveResult(str(item.get("url")), 0, "rejected")
        self.db.execute("RELEASE malinews_item")
        return result

    def _save_one(self, item: Mapping[str, Any], run_id: int | None) -> SaveResult:
        url = item["url"]
        if item.get("alias_only"):
            return self._save_alias(item)
        if item.get("hint_only"):
            return self._save_hint(item)
        if item.get("gone"):
            return self._save_gone(item)
        if item.get("document"):
            kept = documents.keep_document(self.db, item["site"], url, item.get("etag"), item.get("last_modified"),
                                           item["body"], item.get("fetched_at") or utc_now())
            return SaveResult(url, 0, "document_kept" if kept else "document_dropped")
        art = item["article"]
        now = item.get("fetched_at") or utc_now()
        existing = self._row_at(url)
        here = claims.fetched_here(url, item.get("fetched_url"), item.get("requested_url"))
        if existing is not None:  # the same article again, or another one a canonical link sent here
            placed, kept = claims.place(self.db, url, item.get("fetched_url"), here,
                                        (existing[0], existing[3], existing[2]), art.get("title"), art.get("text"))
            if not kept:  # its row went home, or this article goes to its own address
                url, here = placed, True
                item = {**item, "url": url}
                existing = self._row_at(url)
        if existing is None and here and (twin := self._twin_of(item["site"], url, art)) is not None:
            # The very article (text, title, date) archived under another address of the site by an
            # earlier run (a Joomla article under two category paths, a print copy): this address is
            # an alias of it, as a second address met in the same run is (`crawler/sametext.py`).
            twin_id, twin_url = twin
            self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [now, twin_id])
            self._add_aliases({**item, "url": twin_url, "aliases": [*(item.get("aliases") or []), url]}, twin_id)
            return SaveResult(twin_url, twin_id, "alias")
        fields = {k: art.get(k) for k in ARTICLE_FIELDS}
        fields["tags"] = json.dumps(list(art.get("tags") or []), ensure_ascii=False)
        fields["extractor_version"] = item.get("extractor_version") or extractor_version()
        fields["published_month"] = (art.get("published") or "")[:7] or None  # else a trigger rewrites the row
        if existing is None:
            article_id = self.db["articles"].insert(
                {
                    "url": url,
                    "site": item["site"],
                    **fields,
                    "first_seen": now,
                    "last_seen": now,
                    "discovered_via": item.get("discovered_via"),
                    "source_modified": item.get("source_modified"),
                }
            ).last_pk
            status = "new"
            if not here:  # only its canonical link names this URL: a claim, not yet "archived"
                claims.record_claim(self.db, url, article_id, item.get("fetched_url"))
        else:
            article_id, old_hash, old_text, old_title, first_seen, last_seen = existing
            if item.get("ends_early") and old_title == art.get("title") and cut_from(art.get("text"), old_text):
                # The page stopped early this time (its server died mid-page): the archived whole text
                # stays; it is no edit. Counted `articles_cut_short`.
                self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [now, article_id])
                self._add_aliases(item, article_id)
                return SaveResult(url, article_id, "cut_short")
            if old_hash == art.get("content_hash"):
                self.db.execute(
                    "UPDATE articles SET last_seen = ?, source_modified = coalesce(?, source_modified) "
                    "WHERE id = ?",
                    [now, item.get("source_modified"), article_id],
                )
                self._add_aliases(item, article_id)
                return SaveResult(url, article_id, "unchanged")
            prev_to = self.db.execute(
                "SELECT max(seen_to) FROM article_versions WHERE article_id = ?", [article_id]
            ).fetchone()[0]
            self.db["article_versions"].insert(
                {
                    "article_id": article_id,
                    "title": old_title,
                    "text": old_text,
                    "content_hash": old_hash,
                    "seen_from": prev_to or first_seen,
                    "seen_to": now,
                }
            )
            self.db["articles"].update(
                article_id,
                {**fields, "last_seen": now,  # a revisit without a sitemap date keeps the date known
                 **({"source_modified": item["source_modified"]} if item.get("source_modified") else {})},
            )
            status = "updated"
        self._add_page(item, article_id, run_id)
        self._add_aliases(item, article_id)
        if self.stories is not None:  # issue 3: join (or re-join) the story of its copies, same transaction
            self.stories.assign(article_id, item.get("sketch"))
        return SaveResult(url, article_id, status)

    def _twin_of(self, site: str, url: str, art: Mapping[str, Any]) -> tuple[int, str] | None:
        """(id, url) of an article of `site` archived under another URL with this text, title and date."""
        if not art.get("content_hash"):
            return None
        return self.db.execute(
            "SELECT id, url FROM articles WHERE content_hash = ? AND site = ? AND title IS ? AND published IS ? "
            "AND url != ? LIMIT 1", [art["content_hash"], site, art.get("title"), art.get("published"), url]
        ).fetchone()

    def _row_at(self, url: str) -> tuple[Any, ...] | None:
        return self.db.execute(
            "SELECT id, content_hash, text, title, first_seen, last_seen FROM articles WHERE url = ?", [url]
        ).fetchone()

    def _save_hint(self, item: Mapping[str, Any]) -> SaveResult:
        """Remember the newest sitemap/feed date seen for an archived article (never lowers it)."""
        known = self.lookup(item["url"])
        if known is None:
            return SaveResult(item["url"], 0, "hint_missing")
        if item.get("source_modified"):
            self.db.execute(
                "UPDATE articles SET source_modified = ? WHERE id = ? AND (source_modified IS NULL OR source_modified < ?)",
                [item["source_modified"], known.article_id, item["source_modified"]],
            )
        meta = item.get("metadata") or {}
        if meta.get("published"):  # exact values from a publisher API win over what the page showed
            self.db.execute(
                "UPDATE articles SET published = ?, published_month = substr(?, 1, 7), date_source = ?, "
                "modified = coalesce(?, modified) WHERE id = ?",
                [meta["published"], meta["published"], meta.get("date_source"), meta.get("modified"), known.article_id],
            )
        if meta.get("tags"):
            self.db.execute("UPDATE articles SET tags = ? WHERE id = ?",
                            [json.dumps(list(meta["tags"]), ensure_ascii=False), known.article_id])
        for column in ("section", "author"):  # fill only what the page did not show
            if meta.get(column):
                self.db.execute(f"UPDATE articles SET {column} = ? WHERE id = ? AND {column} IS NULL",
                                [meta[column], known.article_id])
        return SaveResult(item["url"], known.article_id, "hint")

    def _save_gone(self, item: Mapping[str, Any]) -> SaveResult:
        """An article address found gone: remembered. An archived article's page that is gone (the
        outlet deleted it) is remembered too, and the archive keeps the article."""
        gone.record_gone(self.db, item["site"], item["url"], item["gone"], item.get("fetched_at") or utc_now())
        known = self.lookup(item["url"])
        return SaveResult(item["url"], known.article_id if known else 0, "gone_archived" if known else "gone")

    def _save_alias(self, item: Mapping[str, Any]) -> SaveResult:
        """Another URL (redirect source, AMP, tracking variant) of an article saved this run."""
        row = self.db.execute("SELECT id FROM articles WHERE url = ?", [item["url"]]).fetchone()
        if row is None:
            return SaveResult(item["url"], 0, "alias_missing")
        if claims.fetched_here(item["url"], item.get("fetched_url"), item.get("requested_url")):
            # the page at a claimed URL is the claimant's article: verified
            self.db.execute("DELETE FROM canonical_claims WHERE url = ? AND article_id = ?", [item["url"], row[0]])
        self._add_aliases(item, row[0])
        return SaveResult(item["url"], row[0], "alias")

    def _add_page(self, item: Mapping[str, Any], article_id: int, run_id: int | None) -> None:
        body: bytes = item.get("body") or b""
        self.db["pages"].insert(
            {
                "article_id": article_id,
                "url": item.get("requested_url") or item["url"],
                "final_url": item.get("final_url") or item["url"],
                "status": item.get("status"),
                "headers": json.dumps(item.get("headers") or {}, ensure_ascii=False),
                "content_type": item.get("content_type"),
                "fetched_at": item.get("fetched_at") or utc_now(),
                "run_id": run_id,
                "html_zlib": zlib.compress(body, 6),
            }
        )

    def _add_aliases(self, item: Mapping[str, Any], article_id: int) -> None:
        """Record the other URLs of a saved article; none of its addresses is gone any more."""
        gone.forget_gone(self.db, [item["url"], item.get("requested_url"), item.get("fetched_url")])
        for alias in {item.get("requested_url"), item.get("final_url"), *(item.get("aliases") or [])}:
            if alias and alias != item["url"]:
                self.db.execute(
                    "INSERT OR REPLACE INTO url_aliases (url, article_id) VALUES (?, ?)",
                    [alias, article_id],
                )

    # -- crawl runs ----------------------------------------------------------------------
    def start_run(self, sites: list[str]) -> int:
        """Record a new running crawl; runs left 'running' by a dead process become 'killed'."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE crawl_runs SET status = 'killed', finish_reason = "
                "coalesce(finish_reason, 'process died (killed or crashed)') WHERE status = 'running'"
            )
            return self.db["crawl_runs"].insert(
                {"started": utc_now(), "sites": json.dumps(sites), "status": "running", "pid": os.getpid()}
            ).last_pk

    def finish_run(self, run_id: int, status: str, reason: str, counts: Mapping[str, Any]) -> None:
        """Close a crawl run with its finish reason and counters."""
        allowed = {"pages", "articles_new", "articles_updated", "articles_unchanged", "dropped", "errors"}
        values = {k: v for k, v in counts.items() if k in allowed}
        stats = {k: v for k, v in counts.items() if k not in allowed}
        with self.db.atomic():
            self.db["crawl_runs"].update(
                run_id,
                {
                    "finished": utc_now(),
                    "status": status,
                    "finish_reason": reason,
                    "stats": json.dumps(stats, default=str, ensure_ascii=False),
                    **values,
                },
            )

    # -- re-extraction from kept pages (`malinews reextract`) ------------------------------
    def replace_extraction(self, article_id: int, article: Mapping[str, Any], version: str,
                           now: str | None = None) -> str:
        """Apply a new extraction of an archived page; the caller holds the transaction.

        Returns `unchanged` (only extractor_version noted), `metadata` (fields updated in place) or
        `changed` (title or text differ: the previous one is kept in article_versions first).
        """
        cols = (*ARTICLE_FIELDS, "tags")
        row = self.db.execute(
            f"SELECT {', '.join(cols)}, first_seen FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        old = dict(zip(cols, row[:-1]))
        new: dict[str, Any] = {k: article.get(k) for k in ARTICLE_FIELDS}
        new["tags"] = json.dumps(list(article.get("tags") or []), ensure_ascii=False)
        if new == old:
            self.db.execute("UPDATE articles SET extractor_version = ? WHERE id = ?", [version, article_id])
            return "unchanged"
        status = "metadata"
        if (new["content_hash"], new["title"]) != (old["content_hash"], old["title"]):
            now = now or utc_now()
            prev_to = self.db.execute(
                "SELECT max(seen_to) FROM article_versions WHERE article_id = ?", [article_id]
            ).fetchone()[0]
            self.db["article_versions"].insert(
                {"article_id": article_id, "title": old["title"], "text": old["text"],
                 "content_hash": old["content_hash"], "seen_from": prev_to or row[-1], "seen_to": now}
            )
            status = "changed"
        self.db["articles"].update(article_id, {**new, "extractor_version": version})
        if status == "changed" and self.stories is not None:  # issue 3: a new text may change its story
            self.stories.assign(article_id)
        return status
