"""The pairwise same-story test: are two fingerprinted bodies copies of one story, and why."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from archive.neardup import SHORT, Fingerprint, shingles, words

DEFAULT_THRESHOLD = 0.4         # exact 5-shingle Jaccard that makes two bodies one story (tuned on the corpus)
SMALL = 40                      # fewer shingles than this: a stricter Jaccard
MIN_CONTAINED = 25              # shingles a truncated copy must share to join by containment
CONTAINED = 0.8                 # share of the shorter body found in the longer one (truncated copies)
STRICT_J, STRICT_C = 0.7, 0.97  # when dates or figures disagree (recurring bulletins, weekly communiqués)
MAX_DAYS_APART = 5
FIGURES_AGREE = 0.8             # share of the smaller set of figures (dates, amounts) the other must have
TITLE_OVERLAP = 20              # shared shingles that, with a similar title, join a short rewritten copy
SLOT_CONTEXT = 2                # identical tokens next to a template slot
SLOT_TOKENS = 600               # words aligned to find slots


def title_similarity(a: str | None, b: str | None) -> float:
    """Jaccard of title words, ignoring a country prefix such as "Mali : "."""
    def core(t: str | None) -> set[str]:
        return set(words(re.sub(r"^\s*[\w' -]{2,20}\s?:\s", "", t or "")))
    ta, tb = core(a), core(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def days_apart(a: str | None, b: str | None) -> int | None:
    """Whole days between two ISO dates, None when either is missing or unreadable."""
    try:
        return abs((date.fromisoformat((a or "")[:10]) - date.fromisoformat((b or "")[:10])).days)
    except ValueError:
        return None


def template_slots(a: Fingerprint, b: Fingerprint, *, names_only: bool = True, after_lead: bool = False) -> int:
    """Words swapped inside otherwise identical wording: how a template is filled in twice.

    A slot is a replacement of 1-3 tokens next to an identical run of SLOT_CONTEXT tokens that swaps
    a figure or is not a typo (the spellings differ a lot); with `names_only` at least one token is a
    name or a figure; with `after_lead` only slots after both first sentences count. Copies differ
    by whole blocks (a rewritten lead, a dropped paragraph) or by typos; bulletins differ by slots.
    """
    # Templates are short texts; the first SLOT_TOKENS words bound the quadratic alignment of long ones.
    ops = SequenceMatcher(None, a.tokens[:SLOT_TOKENS], b.tokens[:SLOT_TOKENS], autojunk=False).get_opcodes()
    # A capital that opens the text or its second sentence says nothing about a name ("Une quarantaine
    # de jeunes…" rewritten "Quarante jeunes…"): only figures count there.
    sal_a, sal_b = (_names_and_figures(f) for f in (a, b))
    slots = 0
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > 3 or j2 - j1 > 3 or (after_lead and (i1 < a.lead or j1 < b.lead)):
            continue
        context = [o[2] - o[1] for o in (ops[k - 1] if k else None, ops[k + 1] if k + 1 < len(ops) else None)
                   if o is not None and o[0] == "equal"]
        if not context or max(context) < SLOT_CONTEXT:
            continue
        if names_only and not (any(sal_a[i1:i2]) or any(sal_b[j1:j2])):
            continue
        ta, tb = a.tokens[i1:i2], b.tokens[j1:j2]
        figures_a, figures_b = ({t for t in ts if any(ch.isdigit() for ch in t)} for ts in (ta, tb))
        if (figures_a and figures_b and figures_a != figures_b) or \
                SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() < 0.75:
            slots += 1
    return slots


def _names_and_figures(f: Fingerprint) -> list[bool]:
    """`f.salient` without the capitals that only mark a sentence start (first token, first token after the lead)."""
    out = list(f.salient[:SLOT_TOKENS])
    for i in {0, f.lead}:
        if i < len(out) and not any(ch.isdigit() for ch in f.tokens[i]):
            out[i] = False
    return out


def tail_containment(a: Fingerprint, b: Fingerprint) -> float:
    """Share of the shorter text after its first sentence found in the other's (0 when too short)."""
    ta, tb = shingles(a.tokens[a.lead:]), shingles(b.tokens[b.lead:])
    small = min(len(ta), len(tb))
    return len(ta & tb) / small if small >= SHORT else 0.0


@dataclass(frozen=True)
class Verdict:
    """The same-story decision for one pair, with the measurements behind it."""

    same: bool
    reason: str
    jaccard: float
    containment: float


def same_story(a: Fingerprint, b: Fingerprint, *, title_a: str | None = None, title_b: str | None = None,
               date_a: str | None = None, date_b: str | None = None,
               threshold: float = DEFAULT_THRESHOLD) -> Verdict:
    """Decide whether two bodies are copies of one story (symmetric in a and b).

    Jaccard of the exact 5-shingle sets joins edited copies; containment of the shorter body joins
    truncated teasers; a shared title plus a large overlap joins short texts with a rewritten lead.
    Figures that disagree or dates far apart demand near-identical texts, and names or figures
    swapped inside identical wording (a template filled in twice) keep two bulletins apart.
    """
    inter = len(a.shingles & b.shingles)
    small = min(a.size, b.size)
    j, c = inter / (len(a.shingles | b.shingles) or 1), inter / (small or 1)

    def verdict(same: bool, why: str, max_slots: int = 1 + small // 250, exact: str = "") -> Verdict:
        """Veto a match when names/figures (or, for `exact` rules, any words) were swapped in place."""
        if same and (slots := template_slots(a, b)) > max_slots:
            same, why = False, f"{slots} names/figures swapped in the same wording (a template)"
        elif same and exact and (slots := template_slots(a, b, names_only=False, after_lead=exact == "after-lead")):
            same, why = False, f"{slots} words swapped in the same wording"
        return Verdict(same, f"jaccard {j:.2f}, contained {c:.2f}: {why}", j, c)
    if small < SHORT:
        ok = j >= 0.9 and title_similarity(title_a, title_b) >= 0.5
        return verdict(ok, "short text, " + ("near-identical" if ok else "not near-identical"))
    na, nb = sorted((a.numbers, b.numbers), key=len)
    gap = days_apart(date_a, date_b)
    strict = ""
    if na - nb and nb - na and len(na & nb) / len(na) < FIGURES_AGREE:  # each has figures the other lacks
        strict = "figures differ"
    elif gap is not None and gap > MAX_DAYS_APART:
        strict = f"{gap} days apart"
    if strict:
        ok = j >= max(threshold, STRICT_J) or (inter >= MIN_CONTAINED and c >= STRICT_C)
        return verdict(ok, strict + (", near-identical" if ok else ", not near-identical"), max_slots=0)
    if j >= (threshold if small >= SMALL else max(threshold, STRICT_J)):
        return verdict(True, "similar")
    if inter >= MIN_CONTAINED and c >= CONTAINED:
        return verdict(True, "contained (truncated copy)", max_slots=0, exact="all")
    if c >= 0.95 and title_similarity(title_a, title_b) >= 0.6:
        return verdict(True, "same title, a short teaser of the other", max_slots=0, exact="all")
    if inter >= TITLE_OVERLAP and title_similarity(title_a, title_b) >= 0.6 and tail_containment(a, b) >= 0.85:
        return verdict(True, "same title, same text after a rewritten first sentence", max_slots=0,
                       exact="after-lead")
    return verdict(False, "different")
