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
