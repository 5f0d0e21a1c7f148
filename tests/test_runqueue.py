"""Scratch JOBDIRs of recent crawls: named per run, removed at the end, stale ones cleared."""
from __future__ import annotations

from pathlib import Path

from crawler import runqueue


def test_scratch_dirs_are_per_run_and_cleared_when_stale(tmp_path: Path) -> None:
    db = tmp_path / "malinews.db"
    assert runqueue.scratch_dir(db, 7) == tmp_path / "malinews.db.jobs" / "run-7"
    for run in (3, 4):
        (runqueue.scratch_dir(db, run) / "requests.queue").mkdir(parents=True)
    backfill = runqueue.jobs_root(db) / "backfill-essor-start-now"
    backfill.mkdir()
    assert runqueue.clear_stale(db) == 2
    assert [p.name for p in runqueue.jobs_root(db).iterdir()] == ["backfill-essor-start-now"]  # resumable: kept


def test_drop_removes_the_jobs_root_only_when_empty(tmp_path: Path) -> None:
    db = tmp_path / "malinews.db"
    one, two = runqueue.scratch_dir(db, 1), runqueue.scratch_dir(db, 2)
    one.mkdir(parents=True), two.mkdir()
    runqueue.drop(one)
    assert not one.exists() and runqueue.jobs_root(db).is_dir()
    runqueue.drop(two)
    assert not runqueue.jobs_root(db).exists()
    assert runqueue.clear_stale(db) == 0  # no jobs root at all: nothing to do
