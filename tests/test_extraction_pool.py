"""The extraction pool survives pages that hang or kill their worker, and always shuts down."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path
from concurrent.futures.process import BrokenProcessPool

import pytest

from pipelines.extraction_pool import ExtractionPool, ExtractionTimeoutError

pytestmark = pytest.mark.timeout(120)


def echo(value: int) -> tuple[int, int]:
    """The value and the worker's pid."""
    return value, os.getpid()


def hang(seconds: float) -> None:
    """A page whose extraction never ends (catastrophic backtracking, say)."""
    time.sleep(seconds)


def die() -> None:
    """A page that kills its worker (a segfault in a C parser, the OOM killer)."""
    os._exit(9)


def die_once(flag: str) -> str:
    """Kill the worker the first time only (a crash that a retry on a fresh pool gets past)."""
    if not os.path.exists(flag):
        open(flag, "w").close()
        os._exit(9)
    return "second try"


def slow_echo(value: int) -> int:
    time.sleep(0.5)
    return value


def test_a_hung_job_times_out_and_its_worker_is_killed() -> None:
    pool = ExtractionPool(workers=1, timeout=1.0)
    pool.start()

    async def scenario() -> tuple[int, int, int]:
        _, stuck_pid = await pool.run(echo, 0)
        started = time.monotonic()
        with pytest.raises(ExtractionTimeoutError):
            await pool.run(hang, 600)
        waited = time.monotonic() - started
        value, new_pid = await pool.run(echo, 7)  # the pool works again, on a fresh worker
        return stuck_pid, new_pid, value if waited < 10 else -1

    try:
        stuck_pid, new_pid, value = asyncio.run(scenario())
    finally:
        pool.close()
    assert value == 7 and new_pid != stuck_pid
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(stuck_pid, 0)  # the stuck worker is gone, not left spinning beside the crawl


def test_pages_in_flight_when_a_worker_dies_are_retried(tmp_path: Path) -> None:
    pool = ExtractionPool(workers=2, timeout=30.0)
    pool.start()

    async def scenario() -> list[object]:
        jobs = [pool.run(slow_echo, i) for i in range(4)] + [pool.run(die_once, str(tmp_path / "flag"))]
        return await asyncio.gather(*jobs, return_exceptions=True)

    try:
        results = asyncio.run(scenario())
    finally:
        pool.close()
    assert results == [0, 1, 2, 3, "second try"], results


def test_a_page_that_always_kills_its_worker_fails_alone() -> None:
    pool = ExtractionPool(workers=2, timeout=30.0)
    pool.start()
    try:
        with pytest.raises(BrokenProcessPool):
            asyncio.run(pool.run(die))
        assert asyncio.run(pool.run(echo, 5))[0] == 5  # the pool is usable again
    finally:
        pool.close()


def test_close_never_waits_forever_on_a_stuck_worker() -> None:
    pool = ExtractionPool(workers=1, timeout=600.0)
    pool.start()

    async def submit_and_leave() -> None:
        task = asyncio.ensure_future(pool.run(hang, 600))
        await asyncio.sleep(0.5)
        task.cancel()

    asyncio.run(submit_and_leave())
    started = time.monotonic()
    pool.close(grace=1.0)
    assert time.monotonic() - started < 10


def test_closing_an_idle_pool_kills_no_worker(caplog: pytest.LogCaptureFixture) -> None:
    """The executor's manager thread reaps the workers too: a Process.join that lost that race
    reported an exited worker as alive, and every crawl ended 'killing' one."""
    for _ in range(5):
        pool = ExtractionPool(workers=2, timeout=60.0)
        pool.start()
        assert asyncio.run(pool.run(echo, 1))[0] == 1
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="pipelines.extraction_pool"):
            pool.close(grace=5.0)
        assert time.monotonic() - started < 5
    assert "did not stop" not in caplog.text
