"""Plain-text tables for crawl summaries."""
from __future__ import annotations

from typing import Mapping

HEADERS = (("pages", "pages"), ("articles_new", "new"), ("articles_updated", "updated"),
           ("articles_unchanged", "unchanged"), ("skipped_archived", "skipped"), ("skipped_gone", "gone"),
           ("dropped", "not articles"), ("errors", "errors"))


def summary_table(per_site: Mapping[str, Mapping[str, int]], run_id: int, reason: str) -> str:
    """A fixed-width table: one row per site, a total row, and the run's finish reason."""
    width = max([len("site"), len("total"), *(len(s) for s in per_site)])
    head = f"{'site':<{width}} " + " ".join(f"{h:>12}" for _, h in HEADERS)
    lines = [f"crawl run {run_id}: {reason}", head, "-" * len(head)]
    totals = {k: 0 for k, _ in HEADERS}
    for site, counts in per_site.items():
        lines.append(f"{site:<{width}} " + " ".join(f"{counts.get(k, 0):>12}" for k, _ in HEADERS))
        for k, _ in HEADERS:
            totals[k] += counts.get(k, 0)
    if len(per_site) > 1:
        lines.append(f"{'total':<{width}} " + " ".join(f"{totals[k]:>12}" for k, _ in HEADERS))
    return "\n".join(lines)
