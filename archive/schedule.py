"""Scheduled crawls: systemd service + timer units and a cron line for `malinews crawl` every N hours."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ConfigError

_EVERY = re.compile(r"^\s*(\d+)\s*(m|min|h|d)\s*$", re.I)
MIN_SECONDS = 5 * 60


@dataclass(frozen=True)
class Schedule:
    """Everything the unit files and the cron line are made of (all paths absolute)."""

    every_seconds: int
    command: tuple[str, ...]   # argv of the crawl
    workdir: Path
    log_file: Path
    name: str = "malinews-crawl"


def parse_every(text: str) -> int:
    """Seconds of an interval written `30m`, `6h` or `1d` (at least 5 minutes)."""
    match = _EVERY.match(text)
    if not match:
        raise ConfigError(f"--every {text!r}: write a number and a unit, e.g. 30m, 6h or 1d")
    seconds = int(match.group(1)) * {"m": 60, "min": 60, "h": 3600, "d": 86400}[match.group(2).lower()]
    if seconds < MIN_SECONDS:
        raise ConfigError(f"--every {text!r}: at least 5m between crawls, please (polite crawling)")
    return seconds


def crawl_command(db: Path, sites_file: Path | None, log_file: Path, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """argv of the scheduled crawl: the `malinews` script of this Python, else `python -m archive`."""
    script = Path(sys.executable).with_name("malinews")
    head = [str(script)] if script.is_file() else [sys.executable, "-m", "archive"]
    argv = [*head, "crawl", "--db", str(db), "--quiet", "--log-file", str(log_file), "--log-level", "INFO"]
    if sites_file is not None:
        argv += ["--sites", str(sites_file)]
    return tuple(argv + list(extra))


def on_calendar(seconds: int) -> str | None:
    """A systemd OnCalendar= value for intervals that divide a day (else None: use OnUnitActiveSec=)."""
    if seconds % 86400 == 0 and seconds == 86400:
        return "*-*-* 03:00:00"
    if seconds % 3600 == 0 and 24 % (seconds // 3600) == 0:
        return f"*-*-* 00/{seconds // 3600}:00:00"
    if seconds < 3600 and seconds % 60 == 0 and 60 % (seconds // 60) == 0:
        return f"*-*-* *:00/{seconds // 60}:00"
    return None


def cron_expression(seconds: int) -> str | None:
    """The five cron fields for the same intervals (None when cron cannot say it)."""
    if seconds == 86400:
        return "0 3 * * *"
    if seconds % 3600 == 0 and 24 % (seconds // 3600) == 0:
        hours = seconds // 3600
        return "0 * * * *" if hours == 1 else f"0 */{hours} * * *"
    if seconds < 3600 and seconds % 60 == 0 and 60 % (seconds // 60) == 0:
        return f"*/{seconds // 60} * * * *"
    return None


def _exec(argv: tuple[str, ...]) -> str:
    return " ".join(f'"{a}"' if re.search(r"\s", a) else a for a in argv)


def service_unit(s: Schedule) -> str:
    """The oneshot service that runs one crawl."""
    return f"""[Unit]
Description=malinews: crawl the Malian news outlets into the archive
Documentation=https://github.com/malinews/malinews
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={s.workdir}
ExecStart={_exec(s.command)}
# Never two crawls on one archive: systemd does not start a oneshot that is still running, and the
# archive lock (released by the kernel if a run is killed) makes any other writer exit 1.
# SIGINT is Scrapy's graceful stop: pages in flight are saved, the run is recorded as interrupted.
KillSignal=SIGINT
TimeoutStartSec={s.every_seconds}
TimeoutStopSec=300
Nice=10
"""


def timer_unit(s: Schedule) -> str:
    """The timer that starts the service every interval (catching up after downtime)."""
    calendar = on_calendar(s.every_seconds)
    when = (f"OnCalendar={calendar}\nPersistent=true" if calendar
            else f"OnBootSec=10min\nOnUnitActiveSec={s.every_seconds}s")
    return f"""[Unit]
Description=malinews: crawl every {_human(s.every_seconds)}

[Timer]
{when}
RandomizedDelaySec=300
Unit={s.name}.service

[Install]
WantedBy=timers.target
"""


def cron_line(s: Schedule) -> str:
    """A crontab line doing the same (a comment when cron cannot express the interval)."""
    fields = cron_expression(s.every_seconds)
    command = f"cd {shlex.quote(str(s.workdir))} && {shlex.join(s.command)} >> {shlex.quote(str(s.log_file))}.cron 2>&1"
    if fields is None:
        return f"# cron cannot run every {_human(s.every_seconds)}; use the systemd timer, or e.g.: 0 */6 * * * {command}"
    return f"{fields} {command}"


def _human(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def install(s: Schedule, unit_dir: Path) -> list[Path]:
    """Write `<name>.service` and `<name>.timer` into `unit_dir`; return their paths."""
    unit_dir.mkdir(parents=True, exist_ok=True)
    service, timer = unit_dir / f"{s.name}.service", unit_dir / f"{s.name}.timer"
    service.write_text(service_unit(s), encoding="utf-8")
    timer.write_text(timer_unit(s), encoding="utf-8")
    return [service, timer]


def verify(paths: list[Path]) -> tuple[bool | None, str]:
    """`systemd-analyze verify` the unit files: (True/False, output), or (None, why) when unavailable."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        return None, "systemd-analyze not found: units not verified"
    proc = subprocess.run([tool, "verify", *map(str, paths)], capture_output=True, text=True, timeout=60)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()
