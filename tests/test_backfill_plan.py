"""Backfill planning: date-archive URLs, the job directory, saved hints, and the run's settings."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from scrapy.settings import Settings

from crawler.backfill import apply_mode, archive_urls, finish_job, job_dir, load_hints, save_hints
from crawler.sites import SitesConfigError, load_sites


def test_month_archives_newest_first_within_since_until() -> None:
    urls = archive_urls("https://x.ml/%Y/%m/", "2024-11-15", "2025-02-03")
    assert urls == ["https://x.ml/2025/02/", "https://x.ml/2025/01/", "https://x.ml/2024/12/", "https://x.ml/2024/11/"]


def test_day_archives_and_defaults() -> None:
    assert archive_urls("https://x.ml/%Y/%m/%d/", "2025-02-27", "2025-03-01") == [
        "https://x.ml/2025/03/01/", "https://x.ml/2025/02/28/", "https://x.ml/2025/02/27/"]
    months = archive_urls("https://x.ml/%Y/%m/", None, None, today=date(2006, 2, 10))
    assert months[0] == "https://x.ml/2006/02/" and months[-1] == "https://x.ml/2005/01/" and len(months) == 14


def test_job_dir_is_stable_per_archive_sites_and_window(tmp_path: Path) -> None:
    db = tmp_path / "press.db"
    one = job_dir(db, ["essor", "amap"], "2020-01-01", None)
    assert one == Path(f"{db}.jobs") / "backfill-amap+essor-2020-01-01-now"
    assert job_dir(db, ["amap", "essor"], "2020-01-01", None) == one
    assert job_dir(db, ["essor"], None, "2021-12-31") != one
    many = job_dir(db, [f"site{i}" for i in range(30)], None, None)
    assert many.name.startswith("backfill-30sites-") and len(many.name) < 60


def test_hints_survive_a_restart(tmp_path: Path) -> None:
    assert load_hints(tmp_path / "none") == {} and load_hints(None) == {}
    pending = {"https://x.ml/a/": {"via": "wp-api", "wp_date": "2025-06-20T08:30:00+00:00", "wp_tags": ["Coton"]}}
    save_hints(tmp_path / "job", pending)
    assert load_hints(tmp_path / "job") == pending
    (tmp_path / "job" / "malinews-hints.json").write_text("{broken")
    assert load_hints(tmp_path / "job") == {}


def test_backfill_settings_and_cleanup(tmp_path: Path) -> None:
    settings = Settings()
    assert apply_mode(settings, tmp_path / "a.db", ["essor"], backfill=False, since=None, until="2025-01-31") is None
    assert settings.get("MALINEWS_UNTIL") == "2025-01-31" and not settings.getbool("MALINEWS_BACKFILL")
    assert settings.get("JOBDIR") is None
    jobdir = apply_mode(settings, tmp_path / "a.db", ["essor"], backfill=True, since="2025-01-01", until=None)
    assert jobdir is not None and settings.get("JOBDIR") == str(jobdir)
    assert settings.getint("MALINEWS_MAX_LISTING_PAGES") >= 10**9
    assert settings.getint("MALINEWS_MAX_REQUESTS_PER_SITE") == 0  # a backfill has no request budget
    own = Settings({"MALINEWS_MAX_REQUESTS_PER_SITE": 70})
    kept = apply_mode(own, tmp_path / "a.db", ["essor"], backfill=True, since=None, until=None,
                      overrides={"MALINEWS_MAX_LISTING_PAGES": "5", "MALINEWS_MAX_REQUESTS_PER_SITE": "70"})
    assert kept is not None and own.getint("MALINEWS_MAX_REQUESTS_PER_SITE") == 70
    jobdir.mkdir(parents=True)
    finish_job(jobdir, "interrupted")
    assert jobdir.is_dir()
    finish_job(jobdir, "finished")
    assert not jobdir.exists() and not jobdir.parent.exists()


def test_date_archive_key_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[sites.x]\nurl = "https://x.ml/"\ndate_archive = "https://x.ml/archives/"\n')
    try:
        load_sites(path)
    except SitesConfigError as exc:
        assert "'date_archive'" in str(exc) and "%Y" in str(exc)
    else:
        raise AssertionError("a date_archive without %Y/%m must be refused")
    path.write_text('[sites.x]\nurl = "https://x.ml/"\ndate_archive = "https://x.ml/%Y/%m/"\n')
    assert load_sites(path)["x"].date_archive == "https://x.ml/%Y/%m/"
