"""Check `malinews crawl -s NAME=VALUE` overrides before Scrapy reads them.

Scrapy converts a setting when a component first reads it (`getfloat`, `getint`, `getbool`), so
`-s DOWNLOAD_DELAY=abc` surfaced as a traceback from inside the engine's start-up, and
`-s CONCURRENT_REQUESTS=-1` as a crawl that fetched nothing. A value is checked here against the
kind of the setting's current value (Scrapy's default or the project's); a log level against the
names logging knows; a directory setting (JOBDIR, the WARC directory) by creating it, and a log
file by its directory.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from scrapy.settings import Settings

from archive.errors import ConfigError

_BOOLS = {"true", "false", "True", "False", "1", "0"}  # what Settings.getbool accepts (not "TRUE")
_READ_AS_FLOAT = re.compile(r"TIMEOUT|DELAY|SECONDS")  # int defaults that Scrapy and malinews read with getfloat
_SIGNED = re.compile(r"PRIORITY")            # priority adjustments may be negative
AT_LEAST_ONE = {"CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_TIMEOUT"}
CHOICES = {"LOG_LEVEL": ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")}  # logging refuses 'debug' or 'VERBOSE'
DIRECTORIES = {"JOBDIR", "MALINEWS_WARC_DIR"}  # created on first use, by Scrapy or the WARC writer
FILES = {"LOG_FILE"}


class SettingOverrideError(ConfigError):
    """A -s NAME=VALUE whose value the setting cannot take."""


def _number(text: str, integral: bool) -> float | None:
    try:
        return float(int(text)) if integral else float(text)
    except ValueError:
        return None


def _check_path(name: str, value: str, shown: str) -> None:
    """A directory setting must be creatable, a file setting's directory must exist."""
    path = Path(value).expanduser()
    try:
        if name in DIRECTORIES:
            path.mkdir(parents=True, exist_ok=True)  # what Scrapy and the WARC writer would do, later and in a traceback
        elif not path.parent.is_dir():
            raise FileNotFoundError(2, "No such file or directory", str(path.parent))
    except OSError as exc:
        raise SettingOverrideError(f"{shown}: {exc.strerror or exc}: {exc.filename or path}; "
                                   f"choose a {'directory' if name in DIRECTORIES else 'file'} that can be written") from None


def check_directory(value: str, shown: str) -> None:
    """Create the directory `value` now, or raise SettingOverrideError naming it as the user gave
    it (`shown`, e.g. `--warc DIR`)."""
    _check_path("JOBDIR", value, shown)


def check_override(name: str, value: str, current: object) -> None:
    """Raise SettingOverrideError when `value` cannot replace a setting whose value is `current`."""
    shown = f"-s {name}={value}"
    if name in CHOICES:
        if value.strip() not in CHOICES[name]:
            raise SettingOverrideError(f"{shown}: {name} is one of {', '.join(CHOICES[name])} (now {current})")
        return
    if name in DIRECTORIES or name in FILES:
        if value.strip():
            _check_path(name, value.strip(), shown)
        return
    if isinstance(current, bool):
        if value.strip() not in _BOOLS:
            raise SettingOverrideError(f"{shown}: {name} is true or false (now {current}); e.g. -s {name}=False")
        return
    if isinstance(current, (int, float)):
        integral = isinstance(current, int) and not _READ_AS_FLOAT.search(name)
        number = _number(value.strip(), integral)
        kind = "a whole number" if integral else "a number"
        if number is None:
            raise SettingOverrideError(f"{shown}: {name} takes {kind} (now {current}); e.g. -s {name}={current}")
        if name in AT_LEAST_ONE and number <= 0:
            raise SettingOverrideError(f"{shown}: {name} must be above 0 (now {current})")
        if number < 0 and current >= 0 and not _SIGNED.search(name):
            raise SettingOverrideError(f"{shown}: {name} cannot be negative (now {current})")


def check_overrides(overrides: Mapping[str, str], settings: Settings) -> list[str]:
    """Check every override against `settings` (before they are applied); return the names no
    Scrapy or malinews setting has (typos, or an extension's own settings) for a warning."""
    unknown = []
    for name, value in overrides.items():
        current = settings.get(name)
        if current is None and name not in settings:
            unknown.append(name)
            continue
        check_override(name, str(value), current)
    return unknown
