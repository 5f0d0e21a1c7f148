"""Stories: assign each article to the story of its copies, using the LSH buckets kept in the archive."""
from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlite_utils import Database

from archive.credits import CreditMatcher, registry_names, scan
from archive.neardup import SHORT, Fingerprint, Sketch, SketchInput, body_key, estimated_jaccard, fingerprint, sketch
from archive.originals import Member, choose_original
from archive.samestory import DEFAULT_THRESHOLD, Verdict, same_story
from archive.site_names import learn_site_names

WINDOW = 1             # months either side of an article's month searched for copies
PER_STORY_TRIES = 5    # members of one candidate story verified before giving up on it
# Templated articles (the weekly "Communiqué du Conseil des ministres", notices, obituaries) share
# most of their text and so their LSH buckets, yet each is its own story: every new one had every
# earlier one as a candidate, a verification each, and past the fingerprint cache each re-read and
# re-fingerprinted (1,000 such articles took the writer 80 s a hundred). Both are bounded; a real
# copy shares more bands with its source than with a template's other issues, so it comes first.
BUCKET_READ = 200      # members read per LSH bucket (the most recent ids)
MAX_VERIFIED = 10      # candidate articles verified per new article, most alike first
DOC_CACHE = 512        # fingerprinted archived articles kept for the next verifications
ARTICLE_COLS = "id, site, url, title, text, content_hash, published, first_seen, story_id"


def period_of(published: str | None, first_seen: str | None = None) -> int:
    """Month number (year*12 + month-1) of the publication date, else of the first crawl, else 0."""
    for value in (published, first_seen):
        try:
            return int(value[:4]) * 12 + int(value[5:7]) - 1  # type: ignore[index]
        except (TypeError, ValueError):
            continue
    return 0


@dataclass
class Doc:
    """An article being compared: its row, its sketch, and (computed on first use) its full fingerprint."""

    id: int
    title: str | None
    published: str | None
    body: str
    sketch: Sketch
    _fp: Fingerprint | None = field(default=None, repr=False)

    @property
    def fp(self) -> Fingerprint:
        """The full fingerprint (tokens, shingles, figures) the same-story test needs; reuses the signature."""
        if self._fp is None:
            self._fp = fingerprint(self.body, signature=self.sketch.signature)
        return self._fp


def usable_sketch(body: str, wire: Mapping[str, Any] | None) -> Sketch | None:
    """The sketch of `body` from a worker's `text_sketch`, when it was made from exactly this body, else None."""
    if not wire:
        return None
    try:
        found = SketchInput.from_wire(dict(wire))
    except (KeyError, TypeError, ValueError):
        return None
    return found.sketch() if found.body_hash == body_key(body) else None


class StoryIndex:
    """Persistent, incremental near-duplicate clustering of an archive's articles into stories."""

    def __init__(self, db: Database, names: Mapping[str, Iterable[str]] | None = None, cache_mib: int = 64) -> None:
        self.db = db
        # The month subtrees of lsh_buckets being written stay in SQLite's cache (bounded, `cache_mib`).
        if db.execute("PRAGMA cache_size").fetchone()[0] > -1024 * cache_mib:
            db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
        self._names = names
        self._matcher: CreditMatcher | None = None
        self._known: set[str] = set()
        self._sql: dict[tuple[int, int | None], str] = {}
        self._docs: OrderedDict[int, Doc] = OrderedDict()  # LRU of archived articles' fingerprints
        row = db.execute("SELECT value FROM dedupe_settings WHERE key = 'threshold'").fetchone()
        self.threshold = float(row[0]) if row else DEFAULT_THRESHOLD

    def forget(self) -> None:
        """Drop every in-memory cache (after a rollback: they may describe rows that are gone)."""
        self._matcher = None
        self._known = set()
        self._docs.clear()

    # -- credits -------------------------------------------------------------------------
    def matcher(self) -> CreditMatcher:
        """Registry names plus every site of the archive, with the names its pages give it."""
        if self._matcher is None:
            matcher = CreditMatcher(self._names if self._names is not None else registry_names())
            self._known = {s for (s,) in self.db.execute("SELECT DISTINCT site FROM articles")}
            for site in sorted(self._known):
                matcher = matcher.with_keys([site], learn_site_names(self.db, site))
            self._matcher = matcher
        return self._matcher

    def _learn(self, site: str) -> None:
        """A site seen for the first time: learn its names; copies that credited it by name now point at it."""
        self._matcher = self.matcher().with_keys([site], learn_site_names(self.db, site))
        self._docs.clear()  # credit stripping may now differ
        self._known.add(site)
        raws = [r for (r,) in self.db.execute("SELECT DISTINCT credited_source FROM articles "
                                               "WHERE credited_source IS NOT NULL AND credited_source != ?", [site])
                if self._matcher.resolve(r) == site]
        for raw in raws:
            stories = [s for (s,) in self.db.execute(
                "SELECT DISTINCT story_id FROM articles WHERE credited_source = ? AND story_id IS NOT NULL", [raw])]
            self.db.execute("UPDATE articles SET credited_source = ? WHERE credited_source = ?", [site, raw])
            for story in stories:
                self.refresh(story)

    # -- assignment ----------------------------------------------------------------------
    def assign(self, article_id: int, sketch_wire: Mapping[str, Any] | None = None) -> int:
        """(Re)compute the story of one article; call inside the transaction that wrote it.

        `sketch_wire` is what `archive.textsketch.text_sketch` gave an extraction worker for the text;
        it is used only when it matches the body this archive's credit matcher strips (else recomputed).
        """
        row = self.db.execute(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        aid, site, _, title, text, chash, published, first_seen, old_story = row
        self._docs.pop(aid, None)
        if old_story is not None:
            self.detach(aid, old_story)
        matcher = self.matcher()
        if site not in self._known:
            self._learn(site)
            matcher = self.matcher()
        credit, body = scan(text or "", matcher)
        twin = self.db.execute(
            "SELECT a.id, a.story_id FROM articles a JOIN minhashes m ON m.article_id = a.id "
            "WHERE a.content_hash = ? AND a.id != ? AND m.n_shingles >= ? ORDER BY a.published, a.url LIMIT 1",
            [chash, aid, SHORT]).fetchone() if chash else None
        doc = Doc(aid, title, published, body, usable_sketch(body, sketch_wire) or sketch(body))
        period = period_of(published, first_seen)
        stories = {twin[1]} if twin and twin[1] is not None else set()
        stories |= self._matching_stories(doc, period, exclude=stories)
        self._store_fingerprint(doc, period)
        story = self._join(aid, stories, matcher.credited_source(credit.name) if credit else None)
        self.refresh(story)
        return story

    def _candidates(self, keys: tuple[int, ...], period: int, only: set[int] | None = None,
                    per_bucket: int | None = None) -> dict[int, int]:
        """Articles sharing an LSH bucket within the month window, with the number of shared keys
        (at most the `per_bucket` most recent members of each bucket, when given)."""
        n = len(keys) * (2 * WINDOW + 1)
        if not keys:
            return {}
        one = "SELECT article_id FROM lsh_buckets WHERE period = ? AND band = ? AND bucket = ?"
        if per_bucket is not None:
            one = f"SELECT article_id FROM ({one} ORDER BY article_id DESC LIMIT {int(per_bucket)})"
        sql = self._sql.get((n, per_bucket)) or self._sql.setdefault((n, per_bucket), " UNION ALL ".join([one] * n))
        params = [x for p in range(period - WINDOW, period + WINDOW + 1) for b, k in enumerate(keys) for x in (p, b, k)]
        hits: dict[int, int] = {}
        for (cid,) in self.db.execute(sql, params):
            if only is None or cid in only:
                hits[cid] = hits.get(cid, 0) + 1
        return hits

    def _matching_stories(self, doc: Doc, period: int, exclude: set[int]) -> set[int]:
        """Stories (other than `exclude`) with a member that passes the same-story test against `doc`."""
        hits = self._candidates(doc.sketch.keys, period, per_bucket=BUCKET_READ)
        hits.pop(doc.id, None)
        if not hits:
            return set()
        marks = ",".join("?" * len(hits))
        rows = self.db.execute(
            f"SELECT a.id, a.story_id, a.published, a.url, m.signature, m.n_shingles FROM articles a "
            f"JOIN minhashes m ON m.article_id = a.id WHERE a.id IN ({marks}) AND a.story_id IS NOT NULL",
            list(hits)).fetchall()
        if len(rows) > MAX_VERIFIED:  # most alike first: shared bands, then the estimated Jaccard
            close = {r[0]: estimated_jaccard(doc.sketch.signature, np.frombuffer(r[4], dtype=np.uint32)) for r in rows}
            rows.sort(key=lambda r: (-hits[r[0]], -close[r[0]], r[2] or "~", r[3]))
        else:
            rows.sort(key=lambda r: (-hits[r[0]], r[2] or "~", r[3]))
        found: set[int] = set()
        tries: dict[int, int] = {}
        verified = 0
        for cid, story, _, _, sig, size in rows:
            if story in exclude or story in found or tries.get(story, 0) >= PER_STORY_TRIES:
                continue
            tries[story] = tries.get(story, 0) + 1
            if not self._plausible(doc.sketch, np.frombuffer(sig, dtype=np.uint32), size):
                continue
            if verified >= MAX_VERIFIED:
                break
            verified += 1
            if self.verify(doc, cid).same:
                found.add(story)
        return found

    def _plausible(self, fp: Sketch, sig: np.ndarray, size: int) -> bool:
        """Cheap MinHash pre-check before reading a candidate's text (estimated Jaccard or containment)."""
        j = estimated_jaccard(fp.signature, sig)
        small = max(min(fp.size, size), 1)
        return j >= 0.15 or j * (fp.size + size) / ((1 + j) * small) >= 0.35

    def doc(self, article_id: int) -> Doc:
        """Fingerprint an archived article from its text (signature reused when stored); kept in a small LRU."""
        cached = self._docs.get(article_id)
        if cached is not None:
            self._docs.move_to_end(article_id)
            return cached
        _, _, _, title, text, _, published, _, _ = self.db.execute(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", [article_id]).fetchone()
        sig = self.db.execute("SELECT signature, keys, n_shingles FROM minhashes WHERE article_id = ?",
                              [article_id]).fetchone()
        _, body = scan(text or "", self.matcher())
        if sig:
            stored = Sketch(body_key(body), np.frombuffer(sig[0], dtype=np.uint32), tuple(array("q", sig[1])), sig[2])
        else:
            stored = sketch(body)
        doc = Doc(article_id, title, published, body, stored)  # its fingerprint is computed once, on first compare
        self._docs[article_id] = doc
        if len(self._docs) > DOC_CACHE:
            self._docs.popitem(last=False)
        return doc

    def verify(self, doc: Doc, other_id: int) -> Verdict:
        """The same-story test between `doc` and an archived article."""
        return self.compare(doc, self.doc(other_id))

    def compare(self, a: Doc, b: Doc) -> Verdict:
        """The same-story test between two fingerprinted articles, at this archive's threshold."""
        return same_story(a.fp, b.fp, title_a=a.title, title_b=b.title, date_a=a.published, date_b=b.published,
                          threshold=self.threshold)

    def _store_fingerprint(self, doc: Doc, period: int) -> None:
        sk = doc.sketch
        keys = sk.keys if sk.size >= SHORT else ()
        self.db.execute(
            "INSERT OR REPLACE INTO minhashes (article_id, period, n_shingles, signature, keys) VALUES (?, ?, ?, ?, ?)",
            [doc.id, period, sk.size, sk.signature.tobytes(), array("q", keys).tobytes()])
        self.db.conn.executemany("INSERT OR IGNORE INTO lsh_buckets (period, band, bucket, article_id) VALUES (?, ?, ?, ?)",
                            [(period, b, k, doc.id) for b, k in enumerate(keys)])

    def _join(self, article_id: int, stories: set[int], credited: str | None) -> int:
        """Put the article in the lowest-numbered matching story, merging the others into it."""
        if not stories:
            story = self._new_story(1)
        else:
            story = min(stories)
            for other in sorted(stories - {story}):
                self.db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [story, other])
                self.db.execute("DELETE FROM stories WHERE id = ?", [other])
        self.db.execute("UPDATE articles SET story_id = ?, credited_source = ? WHERE id = ?", [story, credited, article_id])
        return story

    def _new_story(self, n_articles: int) -> int:
        """An empty story row (refresh() fills it in)."""
        story = self.db.execute("INSERT INTO stories (n_articles) VALUES (?)", [n_articles]).lastrowid
        assert story is not None
        return int(story)

    # -- removal and splitting -------------------------------------------------------------
    def detach(self, article_id: int, story: int) -> None:
        """Take an article out of its story (its text changed); split the rest if it held them together."""
        self._docs.pop(article_id, None)
        row = self.db.execute("SELECT period, keys FROM minhashes WHERE article_id = ?", [article_id]).fetchone()
        if row:
            keys = array("q", row[1])
            self.db.conn.executemany("DELETE FROM lsh_buckets WHERE period = ? AND band = ? AND bucket = ? AND article_id = ?",
                                [(row[0], b, k, article_id) for b, k in enumerate(keys)])
            self.db.execute("DELETE FROM minhashes WHERE article_id = ?", [article_id])
        self.db.execute("UPDATE articles SET story_id = NULL WHERE id = ?", [article_id])
        self.split(story)

    def split(self, story: int) -> None:
        """Recompute the connected components of one story's members; extra components get new stories."""
        rows = self.db.execute(
            "SELECT a.id, a.content_hash, m.period, m.keys FROM articles a LEFT JOIN minhashes m ON m.article_id = a.id "
            "WHERE a.story_id = ? ORDER BY a.published IS NULL, a.published, a.url", [story]).fetchall()
        ids = [r[0] for r in rows]
        parent = {i: i for i in ids}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        members = set(ids)
        docs: dict[int, Doc] = {}

        def doc(i: int) -> Doc:
            if i not in docs:
                docs[i] = self.doc(i)
            return docs[i]
        for aid, chash, period, keys in rows:
            twins = [t for (t,) in self.db.execute("SELECT id FROM articles WHERE content_hash = ? AND story_id = ?",
                                                   [chash, story]) if chash]
            near = self._candidates(tuple(array("q", keys or b"")), period or 0, only=members)
            for other in sorted(set(twins) | set(near)):
                if other == aid or find(other) == find(aid):
                    continue
                a, b = doc(aid), doc(other)
                if (other in twins and a.fp.size >= SHORT) or self.compare(a, b).same:
                    parent[find(other)] = find(aid)
        groups: dict[int, list[int]] = {}
        for i in ids:
            groups.setdefault(find(i), []).append(i)
        for n, group in enumerate(groups.values()):  # in canonical order: the first keeps the story id
            if n:
                new = self._new_story(len(group))
                marks = ",".join("?" * len(group))
                self.db.execute(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [new, *group])
                self.refresh(new)
        self.refresh(story)

    # -- story rows ------------------------------------------------------------------------
    def refresh(self, story: int) -> None:
        """Recompute a story's row (title, first date, original, counts); delete it when empty."""
        rows = self.db.execute(
            "SELECT id, site, url, published, credited_source, word_count, title FROM articles WHERE story_id = ?",
            [story]).fetchall()
        if not rows:
            self.db.execute("DELETE FROM stories WHERE id = ?", [story])
            return
        members = [Member(*r) for r in rows]
        orig = choose_original(members, self.matcher()).member
        dates = [m.published for m in members if m.published]
        values = [orig.title, min(dates) if dates else None, orig.id, orig.site, len(members),
                  len({m.site for m in members})]
        old = self.db.execute("SELECT title, first_published, original_article_id, original_site, n_articles, n_sites "
                              "FROM stories WHERE id = ?", [story]).fetchone()
        if old is None or list(old) != values:
            self.db.execute("UPDATE stories SET title = ?, first_published = ?, original_article_id = ?, "
                            "original_site = ?, n_articles = ?, n_sites = ? WHERE id = ?", [*values, story])

    # -- batch work --------------------------------------------------------------------------
    def pending(self) -> array:
        """Ids of articles never fingerprinted, in canonical order (publication date, then URL)."""
        return array("q", (i for (i,) in self.db.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM minhashes m WHERE m.article_id = a.id) "
            "ORDER BY a.published IS NULL, a.published, a.url")))

    def assign_all(self, ids: Iterable[int] | array, batch: int = 1000,
                   progress: Callable[[int], None] | None = None) -> int:
        """Assign many articles, committing every `batch`; returns how many were assigned."""
        ids = ids if isinstance(ids, array) else array("q", ids)
        for start in range(0, len(ids), batch):
            with self.db.atomic():
                for aid in ids[start:start + batch]:
                    self.assign(aid)
            if progress:
                progress(min(start + batch, len(ids)))
        return len(ids)

    def rebuild(self, threshold: float | None = None, progress: Callable[[int], None] | None = None) -> int:
        """Forget every story and fingerprint, then assign all articles in canonical order (deterministic)."""
        with self.db.atomic():
            if threshold is not None:
                self.threshold = threshold
                self.db.execute("INSERT OR REPLACE INTO dedupe_settings (key, value) VALUES ('threshold', ?)",
                                [str(threshold)])
            self.db.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
            for table in ("stories", "lsh_buckets", "minhashes"):
                self.db.execute(f"DELETE FROM {table}")
        self._matcher = None
        self._docs.clear()
        return self.assign_all(self.pending(), progress=progress)
