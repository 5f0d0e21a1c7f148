"""TEST-ONLY fault injection: SIGKILL this process at a named point when MALINEWS_TEST_KILL_AT asks for it,
or fill the archive's "disk" when MALINEWS_TEST_GROW_PAGES does.

`MALINEWS_TEST_KILL_AT=write:12` kills the process the 12th time `kill_point("write")` runs (inside
a save transaction); `extract:5` right after the 5th page is handed to an extraction worker.
Unset (always, outside tests/test_crash_safety.py and tests/test_disk_full.py) each costs one dict
lookup per call.
"""
from __future__ import annotations

import os
import signal
import threading
from typing import Any

ENV = "MALINEWS_TEST_KILL_AT"
_lock = threading.Lock()
_counts: dict[str, int] = {}  # calls per point in this process (only touched when ENV is set)


def kill_point(point: str) -> None:
    """Count a pass through `point`; SIGKILL the whole process on the configured pass."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != point:
        return
    with _lock:
        _counts[point] = _counts.get(point, 0) + 1
        hit = _counts[point] == int(nth or 1)
    if hit:
        os.kill(os.getpid(), signal.SIGKILL)


GROW_ENV = "MALINEWS_TEST_GROW_PAGES"


def cap_growth(db: Any) -> None:
    """TEST-ONLY: when MALINEWS_TEST_GROW_PAGES=N is set, let this connection grow the archive by N
    pages at most; past them SQLite answers "database or disk is full", as on a full disk."""
    spec = os.environ.get(GROW_ENV)
    if spec:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + int(spec)}")
