"""Open an archive for reading only, also from read-only media (a DVD, a read-only share, a mount).

SQLite reads a WAL database through its `-shm` index, which it must be able to create next to the
file: in a directory nobody may write to, even a read-only open fails ("unable to open database
file"). Nothing can change a file there, so it is then opened `immutable` (no locks, no index).
"""
from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from urllib.request import pathname2url

logger = logging.getLogger(__name__)


def _uri(path: str | Path, mode: str) -> str:
    return f"file:{pathname2url(str(path))}?{mode}"


def connect_readonly(path: str | Path, timeout: float = 30) -> sqlite3.Connection:
    """A read-only connection to the archive at `path`; `immutable` when its directory is read-only."""
    try:
        conn = sqlite3.connect(_uri(path, "mode=ro"), uri=True, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # where a missing -shm shows
        except BaseException:
            conn.close()
            raise
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) or os.access(Path(path).resolve().parent, os.W_OK):
            raise
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        logger.warning("%s is on read-only media with a %d-byte write-ahead log, which cannot be read there: its "
                       "last transactions are missing. Checkpoint an archive before copying it: "
                       "sqlite3 ARCHIVE 'PRAGMA wal_checkpoint(TRUNCATE)'", path, wal.stat().st_size)
    return sqlite3.connect(_uri(path, "immutable=1"), uri=True, timeout=timeout)
