"""`malinews schedule`: systemd units that systemd accepts, a valid cron line; runs never overlap."""
from __future__ import annotations

import configparser
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from archive import schedule as sched
from archive.errors import ConfigError
from archive.lock import ArchiveLock

CRON_FIELD = re.compile(r"^(\*|\d+)(/\d+)?$")


@pytest.mark.parametrize(("every", "seconds", "calendar", "cron"), [
    ("6h", 21600, "*-*-* 00/6:00:00", "0 */6 * * *"),
    ("1h", 3600, "*-*-* 00/1:00:00", "0 * * * *"),
    ("30m", 1800, "*-*-* *:00/30:00", "*/30 * * * *"),
    ("1d", 86400, "*-*-* 03:00:00", "0 3 * * *"),
    ("90m", 5400, None, None),
    ("5h", 18000, None, None),
])
def test_intervals(every: str, seconds: int, calendar: str | None, cron: str | None) -> None:
    assert sched.parse_every(every) == seconds
    assert sched.on_calendar(seconds) == calendar and sched.cron_expression(seconds) == cron


@pytest.mark.parametrize("bad", ["6", "h6", "2m", "1 week", ""])
def test_bad_intervals_are_config_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        sched.parse_every(bad)


def units(text: str) -> dict[str, configparser.ConfigParser]:
    """The unit files printed by `malinews schedule`, parsed ("# ---- name" headers split them)."""
    out: dict[str, configparser.ConfigParser] = {}
    for chunk in re.split(r"^# ---- ", text, flags=re.M)[1:]:
        name, _, body = chunk.partition("\n")
        if name.startswith("or one crontab"):
            continue
        parser = configparser.ConfigParser(strict=True, interpolation=None, comment_prefixes=("#",))
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string(body)
        out[name.split()[0]] = parser
    return out


@pytest.mark.parametrize("name", ["../../etc/x", "a b;rm -rf /", "", ".cache", "crawl.service"])
def test_a_name_that_is_no_unit_name_is_a_usage_error(tmp_path: Path, name: str) -> None:
    """`--install` writes `<name>.service` into --unit-dir: a path in the name would escape it."""
    proc = run_cli("schedule", "--name", name, "--install", "--unit-dir", str(tmp_path / "units"), "--db", str(tmp_path / "a.db"))
    assert proc.returncode == 2 and "is not a unit name" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "units").exists() and not list(tmp_path.parent.glob("*.service"))


def test_printed_units_and_cron_line(tmp_path: Path) -> None:
    db = tmp_path / "press.db"
    proc = run_cli("schedule", "--every", "6h", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    parsed = units(proc.stdout)
    service, timer = parsed["malinews-crawl.service"], parsed["malinews-crawl.timer"]
    exec_start = service["Service"]["ExecStart"].split()
    assert Path(exec_start[0]).is_absolute() and exec_start[1:4] == ["crawl", "--db", str(db)] or \
        exec_start[1:6] == ["-m", "archive", "crawl", "--db", str(db)]
    assert service["Service"]["Type"] == "oneshot" and service["Service"]["KillSignal"] == "SIGINT"
    assert Path(service["Service"]["WorkingDirectory"]).is_absolute()
    assert timer["Timer"]["OnCalendar"] == "*-*-* 00/6:00:00" and timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "malinews-crawl.service" and timer["Install"]["WantedBy"] == "timers.target"
    cron = proc.stdout.strip().splitlines()[-1]
    fields = cron.split()[:5]
    assert fields == ["0", "*/6", "*", "*", "*"] and all(CRON_FIELD.match(f) for f in fields)
    assert f"crawl --db {db}" in cron and cron.rstrip().endswith("2>&1")


def test_installed_units_pass_systemd_analyze(tmp_path: Path) -> None:
    proc = run_cli("schedule", "--every", "6h", "--db", str(tmp_path / "a.db"), "--install",
                   "--unit-dir", str(tmp_path / "units"))
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (tmp_path / "units").iterdir())
    assert written == ["malinews-crawl.service", "malinews-crawl.timer"]
    if shutil.which("systemd-analyze") is None:
        assert "systemd-analyze not found" in proc.stderr  # the structural test above still ran
    else:
        assert "systemd-analyze verify: OK" in proc.stderr
        ok, output = sched.verify(sorted((tmp_path / "units").iterdir()))
        assert ok, output
    assert "enable --now malinews-crawl.timer" in proc.stderr


def test_a_second_crawl_on_a_locked_archive_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    (tmp_path / "s.toml").write_text('[sites.x]\nurl = "http://127.0.0.1:9/"\n')
    with ArchiveLock(db):
        proc = run_cli("crawl", "--db", str(db), "--sites", str(tmp_path / "s.toml"), "--quiet")
    assert proc.returncode == 1
    assert "another malinews crawl (pid" in proc.stderr and "Traceback" not in proc.stderr


def test_a_schedule_can_revisit_archived_articles(tmp_path: Path) -> None:
    db = tmp_path / "press.db"
    proc = run_cli("schedule", "--every", "1d", "--revisit", "200", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    exec_start = units(proc.stdout)["malinews-crawl.service"]["Service"]["ExecStart"].split()
    assert exec_start[-2:] == ["--revisit", "200"]
    assert proc.stdout.strip().splitlines()[-1].count("--revisit 200") == 1  # the cron line too
    assert "--revisit" not in run_cli("schedule", "--db", str(db)).stdout
