"""Near-duplicate fingerprints of article bodies: tokens, 5-shingles, MinHash signature and LSH keys."""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
import types
import unicodedata
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SIGNATURE_CHUNK = 8192  # values per MinHash update: 8192 × NUM_PERM × 8 bytes = 8 MB at a time
BANDS, ROWS = 32, 4            # LSH candidate curve: 1-(1-J^4)^32 = 0.87 at J=0.5, 0.98 at J=0.6
PREFIX = 20                    # a key on the first 20 words, so a truncated teaser finds its full text
SENTENCE_KEYS = 2              # keys on the 2nd and 3rd sentences, so a copy with a rewritten lead is found
SHINGLE = 5
SHORT = 15                     # fewer shingles than this (< ~19 words): no LSH keys, only near-identical texts join

_WORD = re.compile(r"[^\W_]+")
_SENT_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier of the rolling shingle hash


def _identity(value: int) -> int:
    return value


def minhash_class() -> type:
    """datasketch's `MinHash`, loaded without the rest of datasketch.

    datasketch's package `__init__` imports all its LSH indexes, and `MinHashLSH` pulls in scipy for
    its parameter tuning: ~55 MB resident and ~0.4 s in every process that only needs MinHash (the
    crawl's writer, `malinews dedupe`). `datasketch.minhash` needs numpy alone, so it is loaded under
    a temporary package stub; a later `import datasketch` still runs the real `__init__`, which reuses
    the submodules loaded here (same class object).
    """
    if "datasketch" in sys.modules:
        return sys.modules["datasketch"].MinHash
    spec = importlib.util.find_spec("datasketch")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("datasketch is not installed")
    stub = types.ModuleType("datasketch")
    stub.__path__ = list(spec.submodule_search_locations)
    sys.modules["datasketch"] = stub
    try:
        module = importlib.import_module("datasketch.minhash")
    finally:
        del sys.modules["datasketch"]
    return module.MinHash


@lru_cache(maxsize=1)
def _minhash() -> tuple[type, tuple[np.ndarray, np.ndarray]]:
    minhash = minhash_class()  # loaded on first use
    return minhash, minhash(num_perm=NUM_PERM, seed=1).permutations


def fold(text: str) -> str:
    """NFKC, case-folded, accents removed, typographic apostrophes unified."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return _COMBINING.sub("", text).replace("\u2019", "'")


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits) of `text`."""
    return _WORD.findall(fold(text))


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(folded tokens, the same tokens as written), aligned one to one."""
    raw = _WORD.findall(unicodedata.normalize("NFKC", text))
    folded = words(text)
    if len(folded) != len(raw):  # folding split or merged a token (rare): fold token by token
        folded = [" ".join(words(t)) for t in raw]
    return folded, raw


def salient_words(text: str) -> tuple[list[str], tuple[bool, ...]]:
    """Folded tokens plus, for each, whether it was a name or a figure (capitalised or with a digit)."""
    folded, raw = _tokens(text)
    return folded, tuple(t[0].isupper() or not t.isalpha() for t in raw)


def shingle_hashes(tokens: list[str] | tuple[str, ...]) -> np.ndarray:
    """64-bit hashes of the word 5-shingles (one of everything for shorter texts), stable across runs."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    vocab: dict[str, int] = {}  # each distinct token hashed once (news text repeats its words)
    for t in tokens:
        if t not in vocab:
            b = t.encode()
            vocab[t] = zlib.crc32(b) | zlib.crc32(b, 0x5BD1E995) << 32
    th = np.array([vocab[t] for t in tokens], dtype=np.uint64)
    n = max(len(th) - SHINGLE + 1, 1)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(min(SHINGLE, len(th))):  # polynomial rolling hash, wrapping mod 2^64
            h = h * _MULT + th[k:k + n]
    return h


def shingles(tokens: list[str] | tuple[str, ...]) -> frozenset[int]:
    """The set of word 5-shingles of `tokens`, as 64-bit hashes."""
    return frozenset(shingle_hashes(tokens).tolist())


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True)
class Fingerprint:
    """What the same-story test needs about one body: shingles, figures, LSH signature and keys."""

    tokens: tuple[str, ...]
    salient: tuple[bool, ...]  # per token: a name or a figure in the original text
    lead: int                  # tokens in the first sentence
    shingles: frozenset[int]   # 64-bit hashes of the word 5-shingles
    numbers: frozenset[str]
    signature: np.ndarray   # NUM_PERM uint32 MinHash values
    keys: tuple[int, ...]   # one bucket per LSH band, then prefix, sentence and last-sentence keys

    @property
    def size(self) -> int:
        """Number of distinct shingles."""
        return len(self.shingles)


def minhash_values(hashes: np.ndarray) -> np.ndarray:
    """The distinct 32-bit values MinHash is fed for these shingle hashes (their high halves), sorted."""
    return np.unique(hashes >> np.uint64(32)).astype(np.uint32)


def signature_from_values(values: np.ndarray) -> np.ndarray:
    """datasketch MinHash signature (NUM_PERM uint32 values) of `minhash_values`.

    Fed SIGNATURE_CHUNK values at a time: `update_batch` builds a values × NUM_PERM matrix and keeps
    each column's minimum, so the chunks give the same signature as one call, in bounded memory (one
    call on the 1,000,000 values of a 7 MB text took ~730 MB)."""
    minhash, permutations = _minhash()
    mh = minhash(num_perm=NUM_PERM, permutations=permutations, scheme="affine32", hashfunc=_identity)
    for start in range(0, len(values), SIGNATURE_CHUNK):  # datasketch mixes (fmix) the values
        mh.update_batch(values[start:start + SIGNATURE_CHUNK].astype(np.uint64).tolist())
    return mh.hashvalues.astype(np.uint32)


def signature_of(hashes: np.ndarray) -> np.ndarray:
    """datasketch MinHash signature (NUM_PERM uint32 values) of shingle hashes."""
    return signature_from_values(minhash_values(hashes))


def band_keys(signature: np.ndarray) -> list[int]:
    """One LSH bucket key per band of the signature."""
    return [_key(signature[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)]


@dataclass(frozen=True)
class Sketch:
    """What finding candidates needs about one body: MinHash signature, LSH keys, shingle count."""

    body_hash: int          # body_key() of the credit-stripped body it was computed from
    signature: np.ndarray   # NUM_PERM uint32 MinHash values
    keys: tuple[int, ...]   # one bucket per LSH band, then prefix, sentence and last-sentence keys
    size: int               # distinct shingles


@dataclass(frozen=True)
class SketchInput:
    """A body's sketch as extraction workers send it: small to pickle, the band keys left to derive.

    Workers compute the MinHash signature too (`with_signature`), with datasketch's `MinHash`
    alone (`minhash_class`: numpy only, no scipy), so the archive's writer, which shares the crawl
    process with Scrapy's reactor, only checks the sketch belongs to the stored body.
    """

    body_hash: int
    values: np.ndarray          # minhash_values() of the body's shingles (uint32)
    text_keys: tuple[int, ...]  # prefix, sentence and last-sentence keys
    size: int
    signature: np.ndarray | None = None  # signature_from_values(values), when already computed

    def with_signature(self) -> SketchInput:
        """The same input with its MinHash signature computed."""
        return replace(self, signature=signature_from_values(self.values))

    def to_wire(self) -> dict[str, object]:
        """A plain dict (bytes and ints) for pickling between processes."""
        wire: dict[str, object] = {"body_hash": self.body_hash, "values": self.values.tobytes(),
                                   "text_keys": list(self.text_keys), "size": self.size}
        if self.signature is not None:
            wire["signature"] = self.signature.astype(np.uint32).tobytes()
        return wire

    @classmethod
    def from_wire(cls, data: dict[str, object]) -> SketchInput:
        """Inverse of `to_wire` (raises KeyError/TypeError/ValueError on a malformed dict)."""
        values = np.frombuffer(data["values"], dtype=np.uint32)  # type: ignore[arg-type]
        signature = None
        if data.get("signature") is not None:
            signature = np.frombuffer(data["signature"], dtype=np.uint32)  # type: ignore[arg-type]
            if signature.size != NUM_PERM:
                raise ValueError(f"a signature of {signature.size} values, not {NUM_PERM}")
        return cls(int(data["body_hash"]), values, tuple(int(k) for k in data["text_keys"]),  # type: ignore[arg-type, union-attr]
                   int(data["size"]), signature)  # type: ignore[call-overload]

    def sketch(self) -> Sketch:
        """The full sketch: MinHash signature (computed unless given) and band keys added."""
        sig = self.signature if self.signature is not None else signature_from_values(self.values)
        return Sketch(self.body_hash, sig, (*band_keys(sig), *self.text_keys), self.size)


def body_key(body: str) -> int:
    """A 64-bit key of a body's exact text (to check a sketch belongs to it)."""
    return _key(body.encode("utf-8", "surrogatepass"))


def _text_keys(body: str, tokens: list[str] | tuple[str, ...]) -> tuple[list[int], int]:
    """LSH keys beyond the bands (prefix, 2nd/3rd sentences, last sentence) and the first sentence's length."""
    keys: list[int] = []
    if len(tokens) >= PREFIX:  # a teaser cut anywhere still starts like its full text
        keys.append(_key(" ".join(tokens[:PREFIX]).encode()))
    lead = 0
    sentences = _SENT_SPLIT.split(body[:4000])  # the first sentences are all it needs
    for sentence in sentences[:12]:
        toks = words(sentence)
        if lead and len(toks) >= 8:  # later sentences survive a rewritten lead
            keys.append(_key(" ".join(toks).encode()))
            if len(keys) >= 1 + SENTENCE_KEYS:
                break
        lead = lead or len(toks)
    ending = _SENT_SPLIT.split(body[-1500:])[1:]  # whole sentences only
    last = next((t for t in (words(x) for x in reversed(ending[-4:])) if len(t) >= 8), None)
    if last and len(tokens) > 60:  # a copy without its first paragraphs still ends the same way
        keys.append(_key(" ".join(last).encode()))
    return keys, lead


def sketch_input(body: str) -> SketchInput:
    """Everything of a body's sketch but the MinHash (see `SketchInput`)."""
    tokens, _ = _tokens(body)  # the very tokens `fingerprint` uses
    hashes = shingle_hashes(tokens)
    keys, _ = _text_keys(body, tokens)
    values = minhash_values(hashes)
    return SketchInput(body_key(body), values, tuple(keys), int(np.unique(hashes).size))


def sketch(body: str) -> Sketch:
    """Sketch a body cleaned of credit lines: the same signature and keys `fingerprint` gives."""
    return sketch_input(body).sketch()


def fingerprint(body: str, signature: np.ndarray | None = None) -> Fingerprint:
    """Fingerprint a body cleaned of credit lines (`archive.credits.scan`); pass a stored signature to reuse it."""
    tokens, salient = salient_words(body)
    hashes = shingle_hashes(tokens)
    sh = frozenset(hashes.tolist())
    sig = signature if signature is not None else signature_of(hashes)
    text_keys, lead = _text_keys(body, tokens)
    keys = (*band_keys(sig), *text_keys)
    numbers = frozenset(t for t in tokens if not t.isalpha())  # tokens are letters/digits: these hold a digit
    return Fingerprint(tuple(tokens), salient, lead, sh, numbers, sig, tuple(keys))


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
