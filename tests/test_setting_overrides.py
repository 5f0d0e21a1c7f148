"""`malinews crawl -s NAME=VALUE` values are checked before anything is written, and paths whose
directory does not exist are usage errors: one line and exit 2, never a traceback from inside Scrapy."""
from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.overrides import SettingOverrideError, check_overrides
from tests.conftest import run_cli
from tests.test_archive_file_checks import main_exit_code


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return settings


@pytest.mark.parametrize(("name", "value", "message"), [
    ("DOWNLOAD_DELAY", "abc", "DOWNLOAD_DELAY takes a number"),
    ("RETRY_TIMES", "2.5", "RETRY_TIMES takes a whole number"),
    ("CONCURRENT_REQUESTS", "-1", "must be above 0"),
    ("CONCURRENT_REQUESTS_PER_DOMAIN", "0", "must be above 0"),
    ("DOWNLOAD_TIMEOUT", "0", "must be above 0"),
    ("DOWNLOAD_DELAY", "-2", "cannot be negative"),
    ("MALINEWS_MAX_LISTING_PAGES", "-5", "cannot be negative"),
    ("ROBOTSTXT_OBEY", "peut-être", "is true or false"),
    ("AUTOTHROTTLE_ENABLED", "", "is true or false"),
    ("AUTOTHROTTLE_ENABLED", "TRUE", "is true or false"),  # Scrapy's getbool refuses it
    ("LOG_LEVEL", "VERBOSE", "is one of CRITICAL, ERROR, WARNING, INFO, DEBUG"),
    ("LOG_LEVEL", "debug", "is one of"),
    ("JOBDIR", "/proc/pas-ici/x", "choose a directory that can be written"),
    ("MALINEWS_WARC_DIR", "/proc/pas-ici", "choose a directory that can be written"),
    ("LOG_FILE", "/pas-de-dossier/crawl.log", "choose a file that can be written"),
])
def test_a_value_the_setting_cannot_take_is_refused(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingOverrideError, match=message) as raised:
        check_overrides({name: value}, project_settings())
    assert f"-s {name}={value}" in str(raised.value) and raised.value.exit_code == 2


@pytest.mark.parametrize(("name", "value"), [
    ("DOWNLOAD_DELAY", "0"), ("DOWNLOAD_DELAY", "1.5"), ("DOWNLOAD_TIMEOUT", "2.5"), ("CLOSESPIDER_TIMEOUT", "110"),
    ("AUTOTHROTTLE_ENABLED", "False"), ("ROBOTSTXT_OBEY", "true"), ("RETRY_TIMES", "1"), ("DEPTH_PRIORITY", "-1"),
    ("LOG_LEVEL", "DEBUG"), ("MALINEWS_FLUSH_SECONDS", "0.2"), ("LOG_FILE", "/tmp/crawl.log"),
])
def test_values_the_setting_takes_pass(name: str, value: str) -> None:
    assert check_overrides({name: value}, project_settings()) == []


def test_a_directory_setting_is_created(tmp_path: Path) -> None:
    for name in ("JOBDIR", "MALINEWS_WARC_DIR"):
        target = tmp_path / name.lower() / "sous-dossier"
        assert check_overrides({name: str(target)}, project_settings()) == []
        assert target.is_dir()


def test_an_unknown_name_is_returned_for_a_warning() -> None:
    assert check_overrides({"DOWNLOD_DELAY": "0", "DOWNLOAD_DELAY": "0"}, project_settings()) == ["DOWNLOD_DELAY"]


def test_the_cli_refuses_a_bad_value_before_creating_the_archive(tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text('[sites.essor]\nname = "L\'Essor"\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    db = tmp_path / "a.db"
    proc = run_cli("crawl", "--db", str(db), "--sites", str(sites), "--quiet", "-s", "DOWNLOAD_DELAY=abc")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "-s DOWNLOAD_DELAY=abc: DOWNLOAD_DELAY takes a number" in proc.stderr
    assert list(tmp_path.iterdir()) == [sites], "the archive or its lock was created"


@pytest.mark.parametrize("args", [
    ["crawl", "--db", "{missing}/a.db"],
    ["crawl", "--db", "{tmp}/a.db", "--log-file", "{missing}/crawl.log"],
    ["export", "--db", "{tmp}/a.db", "-o", "{missing}/articles.jsonl"],
])
def test_a_path_in_a_missing_directory_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "pas-de-dossier"
    proc = run_cli(*[a.format(missing=missing, tmp=tmp_path) for a in args])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert f"the directory {missing} does not exist" in proc.stderr


@pytest.mark.parametrize("command", [["crawl", "--quiet"], ["search", "Kayes"], ["export"]])
def test_a_since_after_until_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    """A crawl with an empty date window fetched every outlet's pages to keep none; a search said no match."""
    sites = tmp_path / "sites.toml"
    sites.write_text('[sites.essor]\nname = "L\'Essor"\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    extra = ["--sites", str(sites)] if command[0] == "crawl" else []
    proc = run_cli(*command, *extra, "--db", str(tmp_path / "a.db"), "--since", "2021-01-01", "--until", "2020-12-31")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert ("--since 2021-01-01 is after --until 2020-12-31: no date is in both; did you mean --since 2020-12-31 "
            "--until 2021-01-01?") in proc.stderr
    assert list(tmp_path.iterdir()) == [sites], "the archive or its lock was created"


def test_an_os_error_past_the_checks_ends_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main_exit_code(monkeypatch, OSError(28, "No space left on device", "/media/cle/malinews.db")) == 1
    assert capsys.readouterr().err.strip().startswith("Error: No space left on device: /media/cle/malinews.db. "
                                                       "Free some space on the archive's disk")


def test_a_warc_directory_that_cannot_be_written_is_named_as_given(tmp_path: Path) -> None:
    proc = run_cli("crawl", "--db", str(tmp_path / "a.db"), "--quiet", "--warc", "/proc/pas-ici")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "--warc /proc/pas-ici: " in proc.stderr and "MALINEWS_WARC_DIR" not in proc.stderr
    assert "choose a directory that can be written" in proc.stderr
    assert not (tmp_path / "a.db").exists()


def test_the_unused_spider_state_is_not_pickled_into_the_jobdir() -> None:
    """SpiderState wrote `spider.state` (never used) into JOBDIR at every close: one more write, which
    ended in a traceback on a full disk."""
    from scrapy.utils.conf import build_component_list

    enabled = build_component_list(project_settings().getwithbase("EXTENSIONS"))
    assert "scrapy.extensions.spiderstate.SpiderState" not in enabled
    assert "crawler.runrecord.RunRecordExtension" in enabled and "scrapy.extensions.corestats.CoreStats" in enabled
