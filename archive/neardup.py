"""Near-duplicate fingerprints of article bodies: tokens, 5-shingles, MinHash signature and LSH keys."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 32, 4            # LSH candidate curve: 1-(1-J^4)^32 = 0.87 at J=0.5, 0.98 at J=0.6
PREFIX = 20                    # a key on the first 20 words, so a truncated teaser finds its full text
SENTENCE_KEYS = 2              # keys on the 2nd and 3rd sentences, so a copy with a rewritten lead is found
SHINGLE = 5
SHORT = 15                     # fewer shingles than this (< ~19 words): no LSH keys, only near-identical texts join

_WORD = re.compile(r"[^\W_]+")
_SENT_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+")


@lru_cache(maxsize=1)
def _minhash() -> tuple[type, tuple[np.ndarray, np.ndarray]]:
    from datasketch import MinHash  # imported on first use: it costs ~0.4 s (scipy)

    return MinHash, MinHash(num_perm=NUM_PERM, seed=1).permutations


def fold(text: str) -> str:
    """NFKC, case-folded, accents removed, typographic apostrophes unified."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'")


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits) of `text`."""
    return _WORD.findall(fold(text))


def salient_words(text: str) -> tuple[list[str], tuple[bool, ...]]:
    """Folded tokens plus, for each, whether it was a name or a figure (capitalised or with a digit)."""
    raw = _WORD.findall(unicodedata.normalize("NFKC", text))
    folded = words(text)
    if len(folded) != len(raw):  # folding split or merged a token (rare): fold token by token
        folded = [" ".join(words(t)) for t in raw]
    return folded, tuple(t[0].isupper() or any(c.isdigit() for c in t) for t in raw)


def shingles(tokens: list[str]) -> frozenset[str]:
    """Word 5-shingles (one shingle of everything for shorter texts)."""
    if len(tokens) < SHINGLE:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True)
class Fingerprint:
    """What the same-story test needs about one body: shingles, figures, LSH signature and keys."""

    tokens: tuple[str, ...]
    salient: tuple[bool, ...]  # per token: a name or a figure in the original text
    lead: int                  # tokens in the first sentence
    shingles: frozenset[str]
    numbers: frozenset[str]
    signature: np.ndarray   # NUM_PERM uint32 MinHash values
    keys: tuple[int, ...]   # one bucket per LSH band, then the prefix key and up to SENTENCE_KEYS sentence keys

    @property
    def size(self) -> int:
        """Number of distinct shingles."""
        return len(self.shingles)


def signature_of(sh: frozenset[str]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values) of a shingle set."""
    minhash, permutations = _minhash()
    mh = minhash(num_perm=NUM_PERM, permutations=permutations, scheme="affine32")
    if sh:
        mh.update_batch([s.encode() for s in sh])
    return mh.hashvalues.astype(np.uint32)


def fingerprint(body: str, signature: np.ndarray | None = None) -> Fingerprint:
    """Fingerprint a body cleaned of credit lines (`archive.credits.scan`); pass a stored signature to reuse it."""
    tokens, salient = salient_words(body)
    sh = shingles(tokens)
    sig = signature if signature is not None else signature_of(sh)
    keys = [_key(sig[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)]
    if len(tokens) >= PREFIX:  # a teaser cut anywhere still starts like its full text
        keys.append(_key(" ".join(tokens[:PREFIX]).encode()))
    lead = 0
    for sentence in _SENT_SPLIT.split(body):
        toks = words(sentence)
        if lead and len(toks) >= 8:  # later sentences survive a rewritten lead
            keys.append(_key(" ".join(toks).encode()))
            if len(keys) >= BANDS + 1 + SENTENCE_KEYS:
                break
        lead = lead or len(toks)
    numbers = frozenset(t for t in tokens if any(c.isdigit() for c in t))
    return Fingerprint(tuple(tokens), salient, lead, sh, numbers, sig, tuple(keys))


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
