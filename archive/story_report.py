"""Read side of stories and versions: an article's texts over time, a story's copies and how each differs."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from archive.credits import CreditMatcher, scan
from archive.neardup import fingerprint, fold
from archive.samestory import same_story

_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý0-9])")
_FIRST = re.compile(r"(?<=[.!?])\s+")


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


def story_members(db: Database) -> Iterator[tuple[int, list[str]]]:
    """(story id, URLs of its articles) for every story, streamed in story order (for evaluations)."""
    story: int | None = None
    urls: list[str] = []
    for sid, url in db.execute("SELECT story_id, url FROM articles WHERE story_id IS NOT NULL ORDER BY story_id"):
        if sid != story and urls:
            yield story, urls  # type: ignore[misc]  # story is set once urls is not empty
            urls = []
        story = sid
        urls.append(url)
    if urls:
        yield story, urls  # type: ignore[misc]


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
    copies = [Copy(r[0], r[1], r[2], r[3], r[4], r[5], r[0] == story["original_article_id"], r[6] or "") for r in db.execute(
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
    if fold(body_o) == fold(body_c):
        notes.append("same text" if orig.text == copy.text else "same text, other credit/boilerplate lines")
        return notes, 1.0
    similarity = round(same_story(fingerprint(body_o), fingerprint(body_c)).jaccard, 2)
    lead_o, rest_o = (_FIRST.split(body_o, maxsplit=1) + [""])[:2]
    lead_c, rest_c = (_FIRST.split(body_c, maxsplit=1) + [""])[:2]
    if _ratio(fold(lead_o).split(), fold(lead_c).split()) < 0.8 and _ratio(fold(rest_o).split(), fold(rest_c).split()) >= 0.8:
        notes.append("first sentence rewritten")
        body_c = lead_o + body_c[len(lead_c):]  # compare the rest on its own
    po, pc = [fold(p).split() for p in body_o.split("\n")], [fold(p).split() for p in body_c.split("\n")]
    return notes + _body_notes(po, pc), similarity


def _ratio(a: list[str] | str, b: list[str] | str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _body_notes(po: list[list[str]], pc: list[list[str]]) -> list[str]:
    """Paragraphs removed/added, a rewritten first sentence, reworded passages, corrected words, a cut."""
    words_o = [w for p in po for w in p]
    words_c = [w for p in pc for w in p]
    if len(words_c) < 0.9 * len(words_o) and words_c == words_o[:len(words_c)] and pc[-1] not in po:
        return [f"truncated ({round(100 * len(words_c) / max(len(words_o), 1))} % of the original's words)"]
    added = removed = corrected = reworded = 0
    ops = difflib.SequenceMatcher(None, [" ".join(p) for p in po], [" ".join(p) for p in pc], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        removed += (i2 - i1) if tag == "delete" else 0
        added += (j2 - j1) if tag == "insert" else 0
        if tag != "replace":
            continue
        removed, added = removed + max(0, (i2 - i1) - (j2 - j1)), added + max(0, (j2 - j1) - (i2 - i1))
        for a, b in zip(po[i1:i2], pc[j1:j2]):
            if _ratio(a, b) < 0.5:
                removed, added = removed + 1, added + 1
                continue
            for wtag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if wtag == "equal":
                    continue
                if max(a2 - a1, b2 - b1) <= 2 and _ratio(" ".join(a[a1:a2]), " ".join(b[b1:b2])) >= 0.6:
                    corrected += 1
                else:
                    reworded += 1
    notes = [f"{n} {what}{'s' * (n > 1)}{verb}" for n, what, verb in (
        (removed, "paragraph", " removed"), (added, "paragraph", " added"),
        (corrected, "word", " corrected"), (reworded, "passage", " reworded")) if n]
    return notes
