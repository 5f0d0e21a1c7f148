"""The archive schema, created and evolved with sqlite-utils `Migrations`."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("malinews")

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def m001_initial(db: Database) -> None:
    """Create stories, articles, versions, pages, aliases, crawl runs and the FTS index."""
    db["stories"].create(
        {
            "id": int,
            "title": str,
            "first_published": str,
            "original_article_id": int,
            "original_site": str,
            "n_articles": int,
            "n_sites": int,
        },
        pk="id",
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "site": str,
            "title": str,
            "author": str,
            "published": str,
            "modified": str,
            "section": str,
            "tags": str,
            "description": str,
            "image": str,
            "language": str,
            "text": str,
            "word_count": int,
            "content_hash": str,
            "story_id": int,
            "first_seen": str,
            "last_seen": str,
            "discovered_via": str,
            "source_modified": str,
            "date_source": str,
        },
        pk="id",
        not_null={"url", "site", "text"},
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.execute("CREATE UNIQUE INDEX idx_articles_url ON articles(url)")
    for cols in (["site", "published"], ["published"], ["content_hash"], ["story_id"]):
        db["articles"].create_index(cols)
    db["article_versions"].create(
        {
            "id": int,
            "article_id": int,
            "title": str,
            "text": str,
            "content_hash": str,
            "seen_from": str,
            "seen_to": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id"])
    db["pages"].create(
        {
            "id": int,
            "article_id": int,
            "url": str,
            "final_url": str,
            "status": int,
            "headers": str,
            "content_type": str,
            "fetched_at": str,
            "run_id": int,
            "html_zlib": bytes,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["pages"].create_index(["article_id"])
    db["url_aliases"].create(
        {"url": str, "article_id": int}, pk="url", foreign_keys=[("article_id", "articles", "id")]
    )
    db["url_aliases"].create_index(["article_id"])
    db["crawl_runs"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "sites": str,
            "status": str,
            "finish_reason": str,
            "pid": int,
            "pages": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "dropped": int,
            "errors": int,
            "stats": str,
        },
        pk="id",
    )
    db["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", tokenize=FTS_TOKENIZE, create_triggers=True
    )


def migrate(db: Database) -> None:
    """Bring `db` up to the current schema (idempotent)."""
    migrations.apply(db)
