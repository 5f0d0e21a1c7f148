"""Sample a process and all its descendants from /proc: peak tree RSS/PSS and CPU seconds per process."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds user+system) of `pid`, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / CLK_TCK


def descendants(root: int) -> list[int]:
    """`root` and every live process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st is not None:
                children.setdefault(st[0], []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def rss_bytes(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes (PSS shares pages fairly between forked workers)."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except OSError:
        try:
            rss = pss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            pass
    return rss, pss


@dataclass
class TreeSampler:
    """Background sampler of one process tree; `stop()` returns when sampling has ended."""

    root: int
    interval: float = 0.1
    peak_rss: int = 0
    peak_pss: int = 0
    peak_procs: int = 0
    cpu: dict[int, float] = field(default_factory=dict)  # last CPU seconds seen per pid
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        """Take one sample of the whole tree."""
        pids = descendants(self.root)
        rss = pss = 0
        for pid in pids:
            r, p = rss_bytes(pid)
            rss += r
            pss += p
            st = _stat(pid)
            if st is not None:
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), st[1])
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_procs = max(self.peak_procs, len(pids))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def start(self) -> TreeSampler:
        """Start sampling in a daemon thread."""
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def cpu_split(self) -> tuple[float, float]:
        """(CPU seconds of the root process, CPU seconds of all its descendants)."""
        root = self.cpu.get(self.root, 0.0)
        return root, sum(v for k, v in self.cpu.items() if k != self.root)

