"""The health checks as SQL: run by `malinews health` and shipped as datasette canned queries."""
from __future__ import annotations

from typing import Any

# Thresholds shared by the SQL below and the messages of archive/health.py.
SILENT_MIN_PER_WEEK = 2.0     # an outlet usually publishing this much per week and none in 7 days is silent
LEARNING_MIN_BASELINE = 8     # fewer dated articles than this in the baseline window: no verdict yet
COLLAPSE_MIN_RECENT = 5       # recent articles needed before judging a field
COLLAPSE_MIN_HISTORY = 20     # older articles needed before judging a field
COLLAPSE_MIN_COVERAGE = 0.5   # a field must have been this common to be able to "collapse"
COLLAPSE_RATIO = 0.5          # ... and now be below this fraction of its usual coverage
WORDS_MIN_HISTORY = 50        # usual body length (words) below which body length is not judged

# `:now` is optional (blank = the current UTC time): datasette shows it as a form field.
_NOW = """params AS (
  SELECT coalesce(nullif(:now, ''), strftime('%Y-%m-%dT%H:%M:%S', 'now')) AS now
), cut AS (
  SELECT strftime('%Y-%m-%dT%H:%M:%S', now, '-1 day') AS d1,
         strftime('%Y-%m-%dT%H:%M:%S', now, '-7 days') AS d7,
         strftime('%Y-%m-%dT%H:%M:%S', now, '-30 days') AS d30,
         strftime('%Y-%m-%dT%H:%M:%S', now, '-120 days') AS d120,
         strftime('%Y-%m-%dT%H:%M:%S', now, '-97 days') AS d97
  FROM params
)"""

# New articles by publication date (undated ones are not counted) against the 90 days before the
# last 30: `usual_per_week`. Backfilled history counts as history, as it should.
ACTIVITY_SQL = f"""WITH {_NOW}, totals AS (
  SELECT site, count(*) AS articles, max(published) AS last_published, max(first_seen) AS last_archived
  FROM articles GROUP BY site
), recent AS (
  SELECT a.site,
         sum(a.published >= cut.d1) AS new_1d,
         sum(a.published >= cut.d7) AS new_7d,
         sum(a.published >= cut.d30) AS new_30d,
         sum(a.published < cut.d30) AS baseline_90d
  FROM articles a, cut WHERE +a.published >= cut.d120  -- "+": scan the narrow (site, published) index
  GROUP BY a.site
), counts AS (
  SELECT t.site, t.articles, coalesce(r.new_1d, 0) AS new_1d, coalesce(r.new_7d, 0) AS new_7d,
         coalesce(r.new_30d, 0) AS new_30d, coalesce(r.baseline_90d, 0) AS baseline_90d,
         t.last_published, t.last_archived
  FROM totals t LEFT JOIN recent r ON r.site = t.site
)
SELECT site, articles, new_1d, new_7d, new_30d, baseline_90d,
       round(baseline_90d * 7.0 / 90, 1) AS usual_per_week,
       last_published, last_archived,
       CASE
         WHEN baseline_90d * 7.0 / 90 >= {SILENT_MIN_PER_WEEK} AND new_7d = 0 THEN 'silent'
         WHEN baseline_90d * 30.0 / 90 >= {SILENT_MIN_PER_WEEK} AND new_30d = 0 THEN 'silent'
         WHEN baseline_90d < {LEARNING_MIN_BASELINE} THEN 'learning'
         WHEN new_7d < baseline_90d * 7.0 / 90 * 0.25 THEN 'slow'
         ELSE 'ok'
       END AS activity
FROM counts ORDER BY site"""


def _cov(field: str, test: str) -> str:
    return (f"avg(CASE WHEN a.first_seen >= cut.d7 THEN {test} END) AS recent_{field},\n"
            f"         avg(CASE WHEN a.first_seen >= cut.d97 AND a.first_seen < cut.d7 THEN {test} END) AS history_{field}")


def _collapsed(field: str) -> str:
    return (f"CASE WHEN recent_n >= {COLLAPSE_MIN_RECENT} AND history_n >= {COLLAPSE_MIN_HISTORY} "
            f"AND history_{field} >= {COLLAPSE_MIN_COVERAGE} AND recent_{field} < history_{field} * {COLLAPSE_RATIO} "
            f"THEN '{field} ' ELSE '' END")


_FIELDS = {"date": "(a.published IS NOT NULL)", "author": "(coalesce(a.author, '') != '')",
           "section": "(coalesce(a.section, '') != '')"}

# Field coverage by *archiving* time: a layout change breaks extraction from the day it ships.
COVERAGE_SQL = f"""WITH {_NOW}, cov AS (
  SELECT a.site,
         coalesce(sum(a.first_seen >= cut.d7), 0) AS recent_n,
         coalesce(sum(a.first_seen >= cut.d97 AND a.first_seen < cut.d7), 0) AS history_n,
         {(','+chr(10)+'         ').join(_cov(f, t) for f, t in _FIELDS.items())},
         avg(CASE WHEN a.first_seen >= cut.d7 THEN a.word_count END) AS recent_words,
         avg(CASE WHEN a.first_seen >= cut.d97 AND a.first_seen < cut.d7 THEN a.word_count END) AS history_words
  FROM articles a, cut WHERE a.first_seen >= cut.d97
  GROUP BY a.site
)
SELECT site, recent_n, history_n,
       round(recent_date, 3) AS recent_date, round(history_date, 3) AS history_date,
       round(recent_author, 3) AS recent_author, round(history_author, 3) AS history_author,
       round(recent_section, 3) AS recent_section, round(history_section, 3) AS history_section,
       round(recent_words) AS recent_words, round(history_words) AS history_words,
       trim({' || '.join(_collapsed(f) for f in _FIELDS)} ||
            CASE WHEN recent_n >= {COLLAPSE_MIN_RECENT} AND history_n >= {COLLAPSE_MIN_HISTORY}
                  AND history_words >= {WORDS_MIN_HISTORY} AND recent_words < history_words * {COLLAPSE_RATIO}
                 THEN 'body_length' ELSE '' END) AS collapsed
FROM cov ORDER BY site"""

# One row per (run, site) from `crawl_runs.sites`; counts from `stats.per_site` when the run finished.
_RUN_SITES = """SELECT r.id AS run_id, j.value AS site, r.started, r.finished, r.status, r.finish_reason,
         coalesce(json_extract(r.stats, '$.mode'), 'recent') AS mode,
         json_extract(r.stats, '$.per_site."' || j.value || '".pages') AS pages,
         json_extract(r.stats, '$.per_site."' || j.value || '".articles_new') AS articles_new,
         json_extract(r.stats, '$.per_site."' || j.value || '".articles_updated') AS articles_updated,
         json_extract(r.stats, '$.per_site."' || j.value || '".errors') AS errors,
         json_extract(r.stats, '$.malinews."malinews/' || j.value || '/date_disagreements"') AS date_disagreements,
         json_extract(r.stats, '$.malinews."malinews/' || j.value || '/site_down_skipped"') AS site_down_skipped,
         json_extract(r.stats, '$.malinews."malinews/' || j.value || '/gone_remembered"') AS gone,
         json_extract(r.stats, '$.malinews."malinews/' || j.value || '/dead_sources"') AS dead_sources,
         json_extract(r.stats, '$.malinews."malinews/' || j.value || '/budget_skipped"') AS budget_skipped
  FROM crawl_runs r, json_each(CASE WHEN json_valid(r.sites) THEN r.sites ELSE '[]' END) j"""

LAST_RUNS_SQL = f"""WITH per AS (
  {_RUN_SITES}
), ranked AS (
  SELECT per.*, row_number() OVER (PARTITION BY site ORDER BY run_id DESC) AS rn FROM per
), ok AS (
  SELECT site, max(finished) AS last_success FROM per
  WHERE status = 'finished' AND coalesce(pages, 0) > 0 GROUP BY site
)
SELECT ranked.site, run_id AS last_run_id, started AS last_run_started, finished AS last_run_finished,
       status AS last_run_status, finish_reason AS last_run_reason, mode AS last_run_mode,
       coalesce(pages, 0) AS last_run_pages, coalesce(articles_new, 0) AS last_run_new,
       coalesce(articles_updated, 0) AS last_run_updated, coalesce(errors, 0) AS last_run_errors,
       round(coalesce(errors, 0) * 1.0 / max(coalesce(pages, 0) + coalesce(errors, 0), 1), 3) AS last_run_error_rate,
       coalesce(date_disagreements, 0) AS last_run_date_disagreements,
       coalesce(site_down_skipped, 0) AS last_run_site_down_skipped,
       coalesce(gone, 0) AS last_run_gone, coalesce(dead_sources, 0) AS last_run_dead_sources,
       coalesce(budget_skipped, 0) AS last_run_budget_skipped,
       ok.last_success
FROM ranked LEFT JOIN ok ON ok.site = ranked.site
WHERE rn = 1 ORDER BY ranked.site"""

DATE_DISAGREEMENTS_SQL = f"""WITH per AS (
  {_RUN_SITES}
)
SELECT run_id, site, started, mode, coalesce(pages, 0) AS pages,
       coalesce(articles_new, 0) + coalesce(articles_updated, 0) AS articles,
       date_disagreements
FROM per WHERE coalesce(date_disagreements, 0) > 0
ORDER BY run_id DESC, date_disagreements DESC
LIMIT 500"""


def canned_queries() -> dict[str, dict[str, Any]]:
    """Datasette canned queries (`databases.<db>.queries`), to merge into the shipped metadata."""
    return {
        "health_activity": {
            "title": "Health: new articles per outlet (1/7/30 days vs usual rate)",
            "description": "activity = silent (alert), learning (too little history), slow or ok. "
                           "Leave `now` blank for the current time.",
            "sql": ACTIVITY_SQL,
        },
        "health_coverage": {
            "title": "Health: field coverage, last 7 days vs the 90 days before",
            "description": "Share of articles with a date, an author, a section, and mean body length; "
                           "`collapsed` names the fields that fell below half their usual coverage (alert).",
            "sql": COVERAGE_SQL,
        },
        "health_last_runs": {
            "title": "Health: last crawl and last successful crawl per outlet",
            "description": "Error rate = errors / (pages + errors) of the outlet in its last run.",
            "sql": LAST_RUNS_SQL,
        },
        "health_date_disagreements": {
            "title": "Dates: runs where date sources disagreed by more than a day",
            "description": "Counted per outlet and run (stats malinews/<site>/date_disagreements).",
            "sql": DATE_DISAGREEMENTS_SQL,
        },
    }
