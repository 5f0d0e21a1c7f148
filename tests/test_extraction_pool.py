"""The extraction pool survives pages that hang or kill their worker, and always shuts down."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path
from concurrent.futures.process import BrokenProcessPool

import pytest

from pipelines.extraction_pool import HEAVY_PAGE_BYTES, HEAVY_PAGE_TAGS, ExtractionPool, ExtractionTimeoutError, heavy_page

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


def timed(value: int) -> tuple[int, float, float]:
    """The value, and when the job started and ended in its worker."""
    start = time.monotonic()
    time.sleep(0.4)
    return value, start, time.monotonic()


def resident_mb() -> float:
    """The worker's resident memory now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def parse_a_million_elements() -> float:
    """What a heavy page does to a worker: ~100 MB of small C allocations, freed at the end."""
    from lxml import etree
    tree = etree.fromstring("<r>" + "<a>x</a>" * 1_000_000 + "</r>")
    del tree
    return resident_mb()


def test_heavy_jobs_run_one_at_a_time_beside_light_ones() -> None:
    async def go(pool: ExtractionPool) -> tuple[list[tuple[int, float, float]], list[tuple[int, float, float]]]:
        heavy = [pool.run(timed, i, heavy=True) for i in range(3)]
        light = [pool.run(timed, 10 + i) for i in range(3)]
        results = await asyncio.gather(*heavy, *light)
        return results[:3], results[3:]

    pool = ExtractionPool(workers=2)
    pool.start()
    try:
        heavy, light = asyncio.run(go(pool))
    finally:
        pool.close()
    assert [v for v, _, _ in heavy] == [0, 1, 2] and [v for v, _, _ in light] == [10, 11, 12]
    spans = sorted((start, end) for _, start, end in heavy)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(2)), f"heavy jobs overlapped: {spans}"
    # the second worker did not sit idle meanwhile: a light job ran while a heavy one did
    assert any(s < he and hs < e for _, s, e in light for _, hs, he in heavy)


def test_a_heavy_job_hands_its_memory_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # In a crawl, the objects of the pages that follow hold the top of the heap, so glibc cannot
    # give a freed tree back by shrinking the heap; in this bare worker it sometimes can. Its
    # automatic trimming is turned off in the (spawned) worker, so the test sees the crawl's case.
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", str(2**31 - 1))
    pool = ExtractionPool(workers=1)
    pool.start()
    try:
        kept = asyncio.run(pool.run(parse_a_million_elements))
        after_kept = asyncio.run(pool.run(resident_mb))
        released = asyncio.run(pool.run(parse_a_million_elements, heavy=True))
        after_released = asyncio.run(pool.run(resident_mb))
    finally:
        pool.close()
    assert kept > 150 and released > 150  # the tree was freed, its memory not returned yet
    assert after_kept > 150, after_kept  # without the release, the worker keeps its peak
    assert after_released < after_kept - 80, (after_released, after_kept)


def test_heavy_pages_are_told_by_their_tags() -> None:
    assert not heavy_page(b"<p>" * HEAVY_PAGE_TAGS)
    assert heavy_page(b"<p>" * (HEAVY_PAGE_TAGS + 1))
    assert not heavy_page(b"x" * HEAVY_PAGE_BYTES)
    assert heavy_page(b"x" * (HEAVY_PAGE_BYTES + 1))  # a 7 MB text takes a worker to 350 MB


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


def test_heavy_jobs_waiting_their_turn_leave_the_slots_to_light_ones() -> None:
    """Ten heavy jobs queued on a pool of two slots: light jobs still start while the first heavy one runs."""
    async def go(pool: ExtractionPool) -> tuple[list[tuple[int, float, float]], list[tuple[int, float, float]]]:
        heavy = [asyncio.ensure_future(pool.run(timed, i, heavy=True)) for i in range(10)]
        await asyncio.sleep(0.05)
        light = await asyncio.gather(*(pool.run(timed, 100 + i) for i in range(2)))
        return list(await asyncio.gather(*heavy)), list(light)

    pool = ExtractionPool(workers=2, max_pending=2)
    pool.start()
    try:
        heavy, light = asyncio.run(go(pool))
    finally:
        pool.close()
    first_heavy_end = min(end for _, _, end in heavy)
    assert light[0][1] < first_heavy_end, (light, first_heavy_end)  # not queued behind nine heavy jobs
