"""Read side of stories and versions: an article's texts over time, a story's copies and how each differs."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from archive.credits import CreditMatcher, scan
from archive.neardup import fingerprint, fold
from archive.samestory import same_story

_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý0-9])")


@dataclass(frozen=True)
class Version:
    """One text an article had, and when we saw it."""

    number: int
    title: str | None
    text: str
    content_hash: str | None
    seen_from: str | None
    seen_to: str | None  # None for the current text


def find_article(db: Database, ref: str) -> dict[str, Any] | None:
    """An article by id, canonical URL or fetched alias."""
    cols = "id, url, site, title, text, content_hash, published, first_seen, last_seen, story_id, credited_source"
    row = db.execute(f"SELECT {cols} FROM articles WHERE url = ? OR (? GLOB '[0-9]*' AND id = ?)",
                     [ref, ref, ref]).fetchone()
    if row is None:
        row = db.execute(f"SELECT {', '.join('a.' + c.strip() for c in cols.split(','))} FROM url_aliases u "
                         "JOIN articles a ON a.id = u.article_id WHERE u.url = ?", [ref]).fetchone()
    return dict(zip([c.strip() for c in cols.split(",")], row)) if row else None


def versions(db: Database, article: dict[str, Any]) -> list[Version]:
    """Every text of an article, oldest first; the last one is the current text."""
    rows = db.execute("SELECT title, text, content_hash, seen_from, seen_to FROM article_versions "
                      "WHERE article_id = ? ORDER BY seen_to, id", [article["id"]]).fetchall()
    out = [Version(n, *r) for n, r in enumerate(rows, 1)]
    since = rows[-1][4] if rows else article["first_seen"]
    out.append(Version(len(out) + 1, article["title"], article["text"] or "", article["content_hash"], since, None))
    return out


def _lines(title: str | None, text: str) -> list[str]:
    """Title then one sentence per line, so a diff points at the sentence that changed."""
    out = [f"# {title or ''}"]
    for paragraph in text.split("\n"):
        if paragraph.strip():
            out += _SENTENCE.split(paragraph.strip()) + [""]
    return out


def label(v: Version) -> str:
    """"version 2 (2025-06-01T08:00 → 2025-06-03T08:00)"."""
    return f"version {v.number} ({(v.seen_from or '?')[:16]} → {(v.seen_to or 'now')[:16]})"


def unified_diff(old: Version, new: Version) -> list[str]:
    """A readable unified diff between two versions (sentence per line, title first)."""
    return list(difflib.unified_diff(_lines(old.title, old.text), _lines(new.title, new.text),
                                     label(old), label(new), n=1, lineterm=""))


def text_diff(old_title: str | None, old_text: str, new_title: str | None, new_text: str,
              old_label: str, new_label: str) -> list[str]:
    """The same readable diff between any two texts (a copy against its original)."""
    return list(difflib.unified_diff(_lines(old_title, old_text), _lines(new_title, new_text),
                                     old_label, new_label, n=1, lineterm=""))


@dataclass
class Copy:
    """One article of a story, compared with the story's original."""

    id: int
    site: str
    url: str
    title: str | None
    published: str | None
    credited_source: str | None
    original: bool
    text: str = field(repr=False, default="")
    differences: list[str] = field(default_factory=list)
    similarity: float = 1.0


def story_copies(db: Database, story_id: int, matcher: CreditMatcher) -> tuple[dict[str, Any], list[Copy]] | None:
    """A story row and its copies (original first, then by date), each with how it differs."""
    row = db.execute("SELECT id, title, first_published, original_article_id, original_site, n_articles, n_sites "
                     "FROM stories WHERE id = ?", [story_id]).fetchone()
    if row is None:
        return None
    story = dict(zip(["id", "title", "first_published", "original_article_id", "original_site",
                      "n_articles", "n_sites"], row))
    copies = [Copy(*r[:6], r[0] == story["original_article_id"], r[6] or "") for r in db.execute(
        "SELECT id, site, url, title, published, credited_source, text FROM articles WHERE story_id = ? "
        "ORDER BY published IS NULL, published, url", [story_id])]
    copies.sort(key=lambda c: not c.original)
    if copies and copies[0].original:
        for c in copies[1:]:
            c.differences, c.similarity = describe(copies[0], c, matcher)
    return story, copies


def describe(orig: Copy, copy: Copy, matcher: CreditMatcher) -> tuple[list[str], float]:
    """How a copy differs from the original, in a few words each (title, credit, paragraphs, words)."""
    credit_o, body_o = scan(orig.text, matcher)
    credit_c, body_c = scan(copy.text, matcher)
    notes: list[str] = []
    if (orig.title or "") != (copy.title or ""):
        notes.append(f"title «{copy.title}»")
    if credit_c:
        notes.append(f"credits {credit_c.name}")
    elif credit_o:
        notes.append("no credit line")
    fo, fc = fingerprint(body_o), fingerprint(body_c)
    verdict = same_story(fo, fc)
    if fold(body_o) == fold(body_c):
        notes.append("same text" if orig.text == copy.text else "same text, other credit/byline lines")
        return notes, 1.0
    po, pc = [fold(p) for p in body_o.split("\n")], [fold(p) for p in body_c.split("\n")]
    added = removed = edited = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, po, pc, autojunk=False).get_opcodes():
        if tag == "replace":
            for a, b in zip(po[i1:i2], pc[j1:j2]):
                if difflib.SequenceMatcher(None, a.split(), b.split()).ratio() >= 0.5:
                    edited += 1
                else:
                    added, removed = added + 1, removed + 1
            added, removed = added + max(0, (j2 - j1) - (i2 - i1)), removed + max(0, (i2 - i1) - (j2 - j1))
        added += j2 - j1 if tag == "insert" else 0
        removed += i2 - i1 if tag == "delete" else 0
    wo, wc = len(fo.tokens), len(fc.tokens)
    if wc < 0.9 * wo and verdict.containment >= 0.8:
        notes.append(f"truncated ({round(100 * wc / max(wo, 1))} % of the original's words)")
    else:
        notes += [f"{n} paragraph{'s' * (n > 1)} {what}" for n, what in
                  ((removed, "removed"), (added, "added"), (edited, "edited")) if n]
    if po and pc and po[0] != pc[0] and po[0].split(". ")[1:] == pc[0].split(". ")[1:]:
        notes.append("first sentence rewritten")
    return notes, round(verdict.jaccard, 2)
