"""TEST-ONLY fault injection: SIGKILL this process at a named point when MALINEWS_TEST_KILL_AT asks for it.

`MALINEWS_TEST_KILL_AT=write:12` kills the process the 12th time `kill_point("write")` runs (inside
a save transaction); `extract:5` right after the 5th page is handed to an extraction worker.
Unset (always, outside tests/test_crash_safety.py) it costs one dict lookup per call.
"""
from __future__ import annotations

import os
import signal
import threading

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
