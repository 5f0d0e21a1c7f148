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


# -- issue 4 (the archive for people): reader columns, browse indexes ------------------------
BROWSE_INDEXES = (
    ["section"], ["language"], ["author"], ["published_month"],
    ["site", "section"], ["site", "language"], ["site", "author"], ["site", "published_month"],
    ["site", "story_id"], ["site", "word_count"],  # `malinews stats` per outlet without a table scan
)


@migrations()
def m020_extractor_version_and_month(db: Database) -> None:
    """Record which extractor produced each article; keep `published_month` (YYYY-MM) for facets.

    A plain column kept by triggers, not a generated one: SQLite 3.40 cannot scan an index on a
    virtual generated column as a covering index, and facet counts at 1M rows need exactly that.
    """
    db.execute("ALTER TABLE articles ADD COLUMN extractor_version TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN published_month TEXT")
    db.execute("UPDATE articles SET published_month = substr(published, 1, 7) WHERE published IS NOT NULL")
    for event in ("INSERT", "UPDATE OF published"):
        name = "articles_month_ai" if event == "INSERT" else "articles_month_au"
        db.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON articles "
            "WHEN new.published_month IS NOT substr(new.published, 1, 7) BEGIN "
            "UPDATE articles SET published_month = substr(new.published, 1, 7) WHERE id = new.id; END"
        )


@migrations()
def m021_browse_indexes(db: Database) -> None:
    """Covering indexes for datasette's facets and sorts; re-index FTS only when title/text change."""
    for cols in BROWSE_INDEXES:
        db["articles"].create_index(cols, if_not_exists=True)
    # sqlite-utils' update trigger re-indexes a row on ANY update (last_seen, extractor_version…).
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        'CREATE TRIGGER "articles_au" AFTER UPDATE OF "title", "text" ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") '
        "VALUES('delete', old.rowid, old.\"title\", old.\"text\");\n"
        '  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");\n'
        "END"
    )


FACET_COLUMNS = ("site", "section", "language", "author", "published_month")


def _facet_count_sql(table: str, row: str, delta: str, by_site: bool) -> list[str]:
    """Statements adding `delta` (+1/-1) to the facet counts of trigger row `row` (new/old)."""
    out = []
    for col in FACET_COLUMNS:
        if delta == "+1":
            keys = f"{row}.site, '{col}', {row}.{col}" if by_site else f"'{col}', {row}.{col}"
            cond = f"{row}.{col} IS NOT NULL" + (f" AND {row}.site IS NOT NULL" if by_site else "")
            conflict = "site, facet, value" if by_site else "facet, value"
            out.append(f"INSERT INTO {table} SELECT {keys}, 1 WHERE {cond} "
                       f"ON CONFLICT({conflict}) DO UPDATE SET n = n + 1;")
        else:
            site = f" AND site = {row}.site" if by_site else ""
            out.append(f"UPDATE {table} SET n = n - 1 WHERE facet = '{col}' AND value = {row}.{col}{site};")
    return out


@migrations()
def m022_facet_counts(db: Database) -> None:
    """Facet counts kept by triggers (whole archive and per outlet) plus a narrow covering index.

    datasette's facets at 1M rows cost 50-150 ms each as index scans; the unfiltered and the
    one-outlet pages read these small tables instead (archive/web_facets.py). The index lets
    facets inside search results read (id, facet columns) without touching the wide rows.
    """
    db.execute("CREATE TABLE facet_counts (facet TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL, "
               "PRIMARY KEY (facet, value)) WITHOUT ROWID")
    db.execute("CREATE TABLE facet_counts_by_site (site TEXT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, "
               "n INTEGER NOT NULL, PRIMARY KEY (site, facet, value)) WITHOUT ROWID")
    for col in FACET_COLUMNS:
        db.execute(f"INSERT INTO facet_counts SELECT '{col}', {col}, count(*) FROM articles "
                   f"WHERE {col} IS NOT NULL GROUP BY {col}")
        db.execute(f"INSERT INTO facet_counts_by_site SELECT site, '{col}', {col}, count(*) FROM articles "
                   f"WHERE site IS NOT NULL AND {col} IS NOT NULL GROUP BY site, {col}")
    add = _facet_count_sql("facet_counts", "new", "+1", False) + _facet_count_sql("facet_counts_by_site", "new", "+1", True)
    sub = _facet_count_sql("facet_counts", "old", "-1", False) + _facet_count_sql("facet_counts_by_site", "old", "-1", True)
    cols = ", ".join(FACET_COLUMNS)
    db.execute("CREATE TRIGGER articles_facets_ai AFTER INSERT ON articles BEGIN " + " ".join(add) + " END")
    db.execute("CREATE TRIGGER articles_facets_ad AFTER DELETE ON articles BEGIN " + " ".join(sub) + " END")
    db.execute(f"CREATE TRIGGER articles_facets_au AFTER UPDATE OF {cols} ON articles BEGIN "
               + " ".join(sub + add) + " END")
    db.execute(f"CREATE INDEX idx_articles_facet_cols ON articles (id, {cols}, published)")


@migrations()
def m023_month_facet_indexes(db: Database) -> None:
    """Indexes for a month page (published_month = X: its facets, newest first) and 'most copies' stories."""
    for col in ("site", "section", "language", "author", "published"):
        db["articles"].create_index(["published_month", col], if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS idx_articles_published_month")  # a prefix of the ones above
    db["stories"].create_index(["n_articles"], if_not_exists=True)


# -- issue 5 (the real Malian press, kept up to date): `malinews health` -------------------------
@migrations()
def m040_health_index(db: Database) -> None:
    """A covering index for the per-outlet health checks (archive/health_queries.py): recent-window
    counts and field coverage read this narrow index instead of the article rows with their text."""
    db["articles"].create_index(["site", "first_seen", "published", "word_count", "author", "section"],
                                index_name="idx_articles_health", if_not_exists=True)


# -- issue 3 (stories: one story, many copies): near-duplicate index, credits, stories view ---
@migrations()
def m002_story_index(db: Database) -> None:
    """Credited source per article; MinHash signatures and LSH buckets (by month) for stories."""
    db.execute("ALTER TABLE articles ADD COLUMN credited_source TEXT")
    db.execute(
        "CREATE TABLE minhashes (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
        "period INTEGER NOT NULL, n_shingles INTEGER NOT NULL, signature BLOB NOT NULL, keys BLOB NOT NULL)"
    )
    # Keyed by month first: a crawl's inserts stay in a few small subtrees, so the cost of a write
    # does not grow with the archive (random inserts into one big B-tree do).
    db.execute(
        "CREATE TABLE lsh_buckets (period INTEGER NOT NULL, band INTEGER NOT NULL, bucket INTEGER NOT NULL, "
        "article_id INTEGER NOT NULL, PRIMARY KEY (period, band, bucket, article_id)) WITHOUT ROWID"
    )
    db.execute("CREATE TABLE dedupe_settings (key TEXT PRIMARY KEY, value TEXT)")
    # (m021 already limits the FTS update trigger to title/text: story_id updates do not re-index)


@migrations()
def m003_stories_view(db: Database) -> None:
    """`stories_view`: one row per story with its original's URL and the outlets that carry it."""
    db.execute(
        "CREATE VIEW stories_view AS SELECT s.id, s.title, s.first_published, s.original_site, "
        "o.url AS original_url, s.n_articles, s.n_sites, "
        "(SELECT group_concat(site, ', ') FROM (SELECT DISTINCT site FROM articles "
        "WHERE story_id = s.id ORDER BY site)) AS sites, s.original_article_id "
        "FROM stories s LEFT JOIN articles o ON o.id = s.original_article_id"
    )
    # stories_fts (rowid = story id) makes stories_view searchable in datasette (serve_config.py).
    db["stories"].enable_fts(["title"], fts_version="FTS5", tokenize=FTS_TOKENIZE, create_triggers=True)
    db.execute("DROP TRIGGER IF EXISTS stories_au")
    db.execute(
        'CREATE TRIGGER "stories_au" AFTER UPDATE OF "title" ON "stories" BEGIN\n'
        '  INSERT INTO "stories_fts" ("stories_fts", rowid, "title") VALUES(\'delete\', old.rowid, old."title");\n'
        '  INSERT INTO "stories_fts" (rowid, "title") VALUES (new.rowid, new."title");\n'
        "END"
    )


@migrations()
def m041_canonical_claims(db: Database) -> None:
    """Rows archived under a canonical URL they were never fetched at (`archive/claims.py`)."""
    db.execute(
        "CREATE TABLE canonical_claims (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL "
        "REFERENCES articles(id) ON DELETE CASCADE, fetched_url TEXT NOT NULL)"
    )


@migrations()
def m042_gone_urls(db: Database) -> None:
    """Article addresses found gone (404, 410, soft 404) and when to ask them again (`archive/gone.py`)."""
    db.execute(
        "CREATE TABLE gone_urls (url TEXT PRIMARY KEY, site TEXT NOT NULL, reason TEXT NOT NULL, "
        "first_gone TEXT NOT NULL, last_checked TEXT NOT NULL, checks INTEGER NOT NULL, retry_after TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_gone_urls_site ON gone_urls(site, last_checked)")


@migrations()
def m043_discovery_documents(db: Database) -> None:
    """Sitemaps and feeds kept with their validators for conditional requests (`archive/documents.py`)."""
    db.execute(
        "CREATE TABLE discovery_documents (url TEXT PRIMARY KEY, site TEXT NOT NULL, etag TEXT, last_modified TEXT, "
        "fetched_at TEXT NOT NULL, body_zlib BLOB NOT NULL)"
    )


def migrate(db: Database) -> None:
    """Bring `db` up to the current schema (idempotent)."""
    migrations.apply(db)
