"""datasketch's MinHash is loaded without scipy, and gives the very signatures of a full import."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

LIGHT = """
import json, sys
import numpy as np
from archive import neardup
sig = neardup.signature_from_values(np.arange(1, 400, 3, dtype=np.uint32))
print(json.dumps({"scipy": any(m.startswith("scipy") for m in sys.modules), "sig": sig.tolist()}))
"""
FULL = """
import json, sys
import datasketch  # the whole package first, as any other user would
import numpy as np
from archive import neardup
sig = neardup.signature_from_values(np.arange(1, 400, 3, dtype=np.uint32))
print(json.dumps({"same_class": neardup.minhash_class() is datasketch.MinHash, "sig": sig.tolist()}))
"""


def run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_minhash_without_scipy_matches_the_full_import() -> None:
    light, full = run(LIGHT), run(FULL)
    assert light["scipy"] is False  # ~55 MB resident saved in the crawl's writer
    assert full["same_class"] is True
    assert light["sig"] == full["sig"] and len(light["sig"]) == 128


def test_worker_sketch_carries_the_writers_signature() -> None:
    """The extraction worker's sketch (`text_sketch`) holds the very signature the writer would compute."""
    from archive.credits import scan
    from archive.neardup import SketchInput, sketch
    from archive.stories import usable_sketch
    from archive.textsketch import _registry_matcher, text_sketch

    text = " ".join(f"Le ministre a annoncé la mesure numéro {i} pour les régions du nord du pays." for i in range(30))
    wire = text_sketch(text)
    _, body = scan(text, _registry_matcher())
    got = usable_sketch(body, wire)
    want = sketch(body)
    assert got is not None and "signature" in wire
    assert (got.signature == want.signature).all() and got.keys == want.keys and got.size == want.size
    assert SketchInput.from_wire(wire).signature is not None
    assert usable_sketch(body + " modifié", wire) is None  # not the stored body: recomputed instead
    bad = {**wire, "signature": b"\x00" * 12}  # 3 values, not 128: refused, the writer recomputes
    assert usable_sketch(body, bad) is None


def test_long_texts_are_signed_in_chunks_with_the_same_signature() -> None:
    """A 7 MB text has ~1,000,000 MinHash values: fed at once, datasketch built a 1 GB matrix."""
    import tracemalloc

    import numpy as np

    from archive import neardup

    values = np.unique(np.random.default_rng(5).integers(1, 2**32 - 1, 3 * neardup.SIGNATURE_CHUNK + 17,
                                                         dtype=np.uint64)).astype(np.uint32)
    minhash, permutations = neardup._minhash()
    whole = minhash(num_perm=neardup.NUM_PERM, permutations=permutations, scheme="affine32", hashfunc=neardup._identity)
    whole.update_batch(values.astype(np.uint64).tolist())
    assert neardup.signature_from_values(values).tolist() == whole.hashvalues.astype(np.uint32).tolist()

    many = np.arange(1, 1_000_001, dtype=np.uint32)
    tracemalloc.start()
    try:
        neardup.signature_from_values(many)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 150 * 2**20, f"{peak / 2**20:.0f} MB"
