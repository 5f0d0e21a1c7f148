"""The table `malinews crawl` ends with: one row per outlet, a total row, what each column counts."""
from __future__ import annotations

from archive.report import HEADERS, summary_table
from crawler.progress import COLUMNS, site_counts


def test_one_row_per_outlet_and_their_total() -> None:
    per_site = {"essor": {"pages": 12, "articles_new": 9, "skipped_archived": 40, "skipped_gone": 3, "errors": 1},
                "studiotamani": {"pages": 5, "articles_new": 2, "dropped": 3}}
    lines = summary_table(per_site, 7, "finished").splitlines()
    assert lines[0] == "crawl run 7: finished"
    assert lines[1].split() == ["site", "pages", "new", "updated", "unchanged", "skipped", "gone", "not", "articles",
                                "errors"]
    assert lines[3].split() == ["essor", "12", "9", "0", "0", "40", "3", "0", "1"]
    assert lines[4].split() == ["studiotamani", "5", "2", "0", "0", "0", "0", "3", "0"]
    assert lines[5].split() == ["total", "17", "11", "0", "0", "40", "3", "3", "1"]


def test_every_column_is_a_counter_the_run_records() -> None:
    assert {key for key, _ in HEADERS} <= set(COLUMNS)
    stats = {"malinews/essor/skipped_gone": 4, "malinews/essor/pages": 2, "malinews/other/pages": 9}
    assert site_counts(stats, "essor") == dict.fromkeys(COLUMNS, 0) | {"skipped_gone": 4, "pages": 2}
