"""The stories test corpus (tests/fixtures/stories/corpus): loading, archive items, pairwise scores."""
from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from collections.abc import Iterable
from typing import Any

CORPUS = Path(__file__).resolve().parent / "fixtures" / "stories" / "corpus"


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus with what the tests expect of it."""

    story: str
    site: str
    url: str
    title: str
    published: str
    credit: str     # expected articles.credited_source ("" = none)
    original: bool  # expected to be its story's original
    text: str


def load_corpus(root: Path = CORPUS) -> list[CorpusArticle]:
    """Every corpus article, in file order."""
    out = []
    for path in sorted(root.rglob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(": ", 1) if ": " in line else (line.rstrip(":"), "")
                    for line in head.splitlines() if line.strip())
        out.append(CorpusArticle(meta["story"], meta["site"], meta["url"], meta["title"], meta["published"],
                                 meta.get("credit", ""), meta["original"] == "yes", body.strip()))
    return out


def content_hash(text: str) -> str:
    """sha256 of the normalised text (NFKC, casefold, whitespace collapsed), as extract_page computes it."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(norm.encode()).hexdigest()


def to_item(a: CorpusArticle, *, text: str | None = None, fetched_at: str = "2025-06-30T08:00:00+00:00") -> dict[str, Any]:
    """The StoragePipeline item `Archive.save_batch` takes for this article."""
    body = a.text if text is None else text
    return {
        "site": a.site, "url": a.url, "requested_url": a.url, "final_url": a.url, "status": 200,
        "headers": {"Content-Type": "text/html"}, "content_type": "text/html", "fetched_at": fetched_at,
        "body": f"<html><h1>{a.title}</h1><p>{body}</p></html>".encode(), "discovered_via": "sitemap",
        "source_modified": None,
        "article": {"title": a.title, "author": None, "published": a.published, "modified": None,
                    "section": None, "tags": [], "description": None, "image": None, "language": "fr",
                    "text": body, "word_count": len(body.split()), "content_hash": content_hash(body),
                    "date_source": "json-ld"},
    }


def pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """All unordered pairs of members within each group."""
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def pairwise_scores(predicted: Iterable[Iterable[str]], expected: Iterable[Iterable[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted clusters against expected ones (1.0 when empty)."""
    got, want = pairs(predicted), pairs(expected)
    tp = len(got & want)
    return (tp / len(got) if got else 1.0), (tp / len(want) if want else 1.0)


def expected_clusters(corpus: list[CorpusArticle]) -> list[set[str]]:
    """URL sets of the corpus stories."""
    by: dict[str, set[str]] = {}
    for a in corpus:
        by.setdefault(a.story, set()).add(a.url)
    return list(by.values())


def archive_clusters(db: Any) -> list[set[str]]:
    """URL sets of the archive's stories."""
    by: dict[int, set[str]] = {}
    for story, url in db.execute("SELECT story_id, url FROM articles"):
        by.setdefault(story, set()).add(url)
    return list(by.values())


def story_sizes(corpus: list[CorpusArticle]) -> Counter[str]:
    """Number of copies per corpus story."""
    return Counter(a.story for a in corpus)


# -- generated variants: random light edits of the corpus originals ----------------------------
FILLER = ("les autorités ont annoncé que des mesures seront prises dans les prochains jours pour assurer "
          "le suivi de la situation sur le terrain et informer la population selon une source proche du "
          "dossier qui a requis l anonymat").split()
EDITS = ("credit", "uncredit", "drop", "add", "first", "typos", "boiler", "trunc")


def _typo(word: str, rnd: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rnd.randrange(1, len(word) - 1)
    return rnd.choice([word[:i] + word[i + 1:], word[:i] + word[i] + word[i:], word[:i] + word[i + 1] + word[i] + word[i + 2:]])


def edit(lines: list[str], op: str, rnd: random.Random) -> list[str]:
    """One light edit of the kinds aggregators make (the issue's list), applied to body lines."""
    lines = list(lines)
    if op == "credit":
        lines.append(rnd.choice(["Source : L'Essor", "Avec AFP", "Studio Tamani", "(AMAP)"]))
    elif op == "uncredit" and len(lines[-1].split()) < 6:
        lines.pop()
    elif op == "drop" and len(lines) > 2:
        del lines[rnd.randrange(1, len(lines))]
    elif op == "add":
        lines.insert(rnd.randrange(len(lines) + 1), " ".join(rnd.choice(FILLER) for _ in range(rnd.randint(20, 45))) + ".")
    elif op == "first":  # a rewritten lead that keeps its figures
        first, *rest = re.split(r"(?<=\.)\s+", lines[0], maxsplit=1)
        words = [w if any(c.isdigit() for c in w) else rnd.choice(FILLER) for w in first.split()]
        lines[0] = " ".join([" ".join(words) + ".", *rest])
    elif op == "typos":
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(lines))
            words = lines[i].split()
            if words:
                j = rnd.randrange(len(words))
                words[j] = _typo(words[j], rnd)
                lines[i] = " ".join(words)
    elif op == "boiler":
        lines += ["Partager :", "Facebook", "Lire aussi : un autre titre sur Bamako", "Commentaires (3)"]
    elif op == "trunc":
        words = " ".join(lines).split()
        lines = [" ".join(words[: int(len(words) * rnd.uniform(0.3, 0.7))]) + " (…)"]
    return lines


def variants(corpus: list[CorpusArticle], seed: int, per_story: int = 5) -> list[CorpusArticle]:
    """The corpus plus `per_story` copies of each original with one or two random light edits."""
    rnd = random.Random(seed)
    out = list(corpus)
    sites = ["maliweb", "malijet", "bamada", "maliactu", "abamako", "mali24", "lebamakoi"]
    for base in [a for a in corpus if a.original]:
        for k in range(per_story):
            ops = rnd.sample(EDITS, rnd.choice([1, 1, 2]))
            ops.sort(key=lambda op: op == "trunc")  # a teaser is cut last
            lines = base.text.split("\n")
            for op in ops:
                lines = edit(lines, op, rnd)
            out.append(replace(base, site=rnd.choice(sites), url=f"{base.url}?copy={k}", original=False, credit="",
                               title=rnd.choice(["", "Mali : ", "Actualité : "]) + base.title, text="\n".join(lines)))
    return out
