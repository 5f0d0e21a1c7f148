"""Per-outlet health of an archive: activity, last crawls, field coverage, and the alerts they raise."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from sqlite_utils import Database

from archive.health_queries import (ACTIVITY_SQL, COVERAGE_SQL, LAST_RUNS_SQL, SILENT_MIN_PER_WEEK)

FIELDS = ("date", "author", "section")
HIGH_ERROR_RATE = 0.5  # reported as a warning, not an alert: one bad run is not an outage
MANY_GONE, MANY_GONE_SHARE = 10, 0.5  # article addresses found gone in one run: moved to new addresses?


@dataclass
class OutletHealth:
    """Everything `malinews health` says about one outlet."""

    site: str
    name: str | None = None
    articles: int = 0
    new_1d: int = 0
    new_7d: int = 0
    new_30d: int = 0
    usual_per_week: float | None = None
    activity: str = "no-data"
    last_published: str | None = None
    last_success: str | None = None
    last_run: dict[str, Any] = field(default_factory=dict)
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)
    collapsed: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing needs a human."""
        return not self.alerts

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (with `ok`)."""
        return {**asdict(self), "ok": self.ok}


def _rows(db: Database, sql: str, now: str | None) -> dict[str, dict[str, Any]]:
    params = {"now": now} if ":now" in sql else {}
    return {row["site"]: row for row in db.query(sql, params)}


def last_runs(db: Database) -> dict[str, dict[str, Any]]:
    """{site: last run of that site (status, counts, error rate, date disagreements, last success)}."""
    if "crawl_runs" not in db.table_names():
        return {}
    return _rows(db, LAST_RUNS_SQL, None)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _evaluate(h: OutletHealth, act: dict[str, Any] | None, cov: dict[str, Any] | None,
              run: dict[str, Any] | None) -> None:
    if act:
        h.articles, h.new_1d, h.new_7d, h.new_30d = act["articles"], act["new_1d"], act["new_7d"], act["new_30d"]
        h.usual_per_week, h.activity, h.last_published = act["usual_per_week"], act["activity"], act["last_published"]
        if h.activity == "silent":
            window = "7 days" if (h.usual_per_week or 0) >= SILENT_MIN_PER_WEEK else "30 days"
            h.alerts.append(f"SILENT: no new article in the last {window}, usually {h.usual_per_week:g} a week "
                            f"(last published {(h.last_published or '?')[:10]})")
    if run:
        h.last_success = run["last_success"]
        h.last_run = {k.removeprefix("last_run_"): v for k, v in run.items() if k.startswith("last_run_")}
        rate = run["last_run_error_rate"] or 0
        if rate >= HIGH_ERROR_RATE and run["last_run_errors"] >= 5:
            h.warnings.append(f"{run['last_run_errors']} errors in its last run ({_pct(rate)} of requests)")
        if run["last_run_site_down_skipped"]:
            h.warnings.append(f"went down during its last run: {run['last_run_site_down_skipped']} requests "
                              "skipped after failures in a row (crawler/sitehealth.py)")
        gone, requests = run["last_run_gone"], max(run["last_run_pages"] + run["last_run_errors"], 1)
        if gone >= MANY_GONE and gone >= MANY_GONE_SHARE * requests:
            h.warnings.append(f"{gone} article addresses found gone in its last run ({_pct(gone / requests)} of "
                              "requests): has the outlet moved its articles to new addresses?")
        if run["last_run_dead_sources"]:
            h.warnings.append(f"{run['last_run_dead_sources']} sitemap(s), feed(s) or page(s) listed only gone "
                              "addresses in its last run (cut after MALINEWS_DEAD_SOURCE_AFTER in a row)")
        if run["last_run_budget_skipped"]:
            h.warnings.append(f"used its request budget in its last run: {run['last_run_budget_skipped']} requests "
                              "skipped past MALINEWS_MAX_REQUESTS_PER_SITE (an endless chain of pages?)")
        if run["last_run_date_disagreements"]:
            h.warnings.append(f"{run['last_run_date_disagreements']} date disagreements in its last run")
    if cov:
        h.coverage = {f: {"recent": cov[f"recent_{f}"], "history": cov[f"history_{f}"]} for f in FIELDS}
        h.coverage["body_words"] = {"recent": cov["recent_words"], "history": cov["history_words"]}
        h.coverage["articles"] = {"recent": cov["recent_n"], "history": cov["history_n"]}
        h.collapsed = (cov["collapsed"] or "").split()
        for name in h.collapsed:
            if name == "body_length":
                h.alerts.append(f"FIELD COLLAPSED: body length {cov['recent_words']:.0f} words on average over the "
                                f"{cov['recent_n']} articles of the last 7 days (usually {cov['history_words']:.0f})")
            else:
                h.alerts.append(f"FIELD COLLAPSED: {name} on {_pct(cov[f'recent_{name}'])} of the {cov['recent_n']} "
                                f"articles archived in the last 7 days (usually {_pct(cov[f'history_{name}'])} "
                                f"of {cov['history_n']})")


def outlet_health(db: Database, sites: Iterable[tuple[str, str | None]] = (), now: str | None = None) -> list[OutletHealth]:
    """Health of every outlet of `sites` ((key, name) pairs) and of every outlet present in the archive.

    `now` (ISO, UTC) is the reference time; default: the current time.
    """
    tables = set(db.table_names())
    activity = _rows(db, ACTIVITY_SQL, now) if "articles" in tables else {}
    coverage = _rows(db, COVERAGE_SQL, now) if "articles" in tables else {}
    runs = last_runs(db)
    names = dict(sites)
    out = []
    for key in list(names) + sorted((set(activity) | set(runs)) - set(names)):
        h = OutletHealth(site=key, name=names.get(key))
        _evaluate(h, activity.get(key), coverage.get(key), runs.get(key))
        out.append(h)
    return out


def report_lines(outlets: list[OutletHealth]) -> list[str]:
    """A fixed-width table (one line per outlet) for a terminal."""
    head = (f"{'outlet':<14} {'last ok crawl':<16} {'1d':>4} {'7d':>5} {'30d':>5} {'usual/wk':>8} {'err':>5} "
            f"{'date':>5} {'author':>6} {'section':>7} {'words':>6}  status")
    lines = [head, "-" * len(head)]
    for h in outlets:
        cov = h.coverage
        words = cov.get("body_words", {}).get("recent")
        status = "ALERT" if h.alerts else h.activity
        lines.append(
            f"{h.site[:14]:<14} {(h.last_success or 'never')[:16].replace('T', ' '):<16} {h.new_1d:>4} {h.new_7d:>5} "
            f"{h.new_30d:>5} {'-' if h.usual_per_week is None else f'{h.usual_per_week:g}':>8} "
            f"{_pct(h.last_run.get('error_rate')) if h.last_run else '-':>5} "
            f"{_pct(cov.get('date', {}).get('recent')):>5} {_pct(cov.get('author', {}).get('recent')):>6} "
            f"{_pct(cov.get('section', {}).get('recent')):>7} {'-' if words is None else f'{words:.0f}':>6}  {status}")
    return lines


def last_crawl_text(run: dict[str, Any] | None) -> str:
    """One-line summary of an outlet's last crawl for `malinews sites` ("never crawled" without one)."""
    if not run:
        return "never crawled"
    when = (run["last_run_finished"] or run["last_run_started"] or "?")[:16].replace("T", " ")
    status = run["last_run_status"]
    if status != "finished" and run.get("last_run_reason") and run["last_run_reason"] != status:
        status += f" ({run['last_run_reason']})"  # why it stopped: disk_full, shutdown, closespider_timeout…
    text = (f"{when} {status}: {run['last_run_pages']} pages, {run['last_run_new']} new, "
            f"{run['last_run_errors']} errors")
    if run["last_success"] and run["last_success"] != run["last_run_finished"]:
        text += f" (last good {run['last_success'][:10]})"
    return text
