"""Draw the outlet × month coverage heatmap (matplotlib, Agg): empty months stand out as white holes."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last` inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def plot_coverage(cells: Iterable[tuple[str, str, int]], path: str | Path, title: str | None = None) -> Path:
    """Write a PNG heatmap of `(site, YYYY-MM, count)` cells to `path`; return the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import LogNorm

    cells = [(s, m, n) for s, m, n in cells if len(m) == 7 and m[4] == "-"]
    if not cells:
        raise ValueError("no dated article in the archive: nothing to plot")
    months = month_range(min(m for _, m, _ in cells), max(m for _, m, _ in cells))
    totals: dict[str, int] = {}
    firsts: dict[str, str] = {}
    for site, month, n in cells:
        totals[site] = totals.get(site, 0) + n
        firsts[site] = min(firsts.get(site, month), month)
    sites = sorted(totals, key=lambda s: (firsts[s], -totals[s], s))
    grid = np.zeros((len(sites), len(months)))
    col = {m: i for i, m in enumerate(months)}
    row = {s: i for i, s in enumerate(sites)}
    for site, month, n in cells:
        grid[row[site], col[month]] = n
    masked = np.ma.masked_where(grid == 0, grid)

    width = min(16.0, max(7.0, len(months) * 0.09 + 2.5))
    height = max(2.4, len(sites) * 0.32 + 1.4)
    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    cmap = matplotlib.colormaps["viridis"].with_extremes(bad="white")
    image = ax.imshow(masked, aspect="auto", interpolation="nearest", cmap=cmap,
                      norm=LogNorm(vmin=1, vmax=max(2.0, float(grid.max()))))
    ax.set_yticks(range(len(sites)), labels=[f"{s} ({totals[s]:,})" for s in sites], fontsize=8)
    years = [i for i, m in enumerate(months) if m.endswith("-01")] or [0]
    ax.set_xticks(years, labels=[months[i][:4] for i in years], fontsize=8)
    ax.set_xticks(np.arange(-0.5, len(months), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(sites), 1), minor=True)
    ax.grid(which="minor", axis="y", color="#dddddd", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    for i in years:
        ax.axvline(i - 0.5, color="#cccccc", linewidth=0.5)
    ax.set_title(title or "Articles per outlet per month (white = none archived)", fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.025, pad=0.01).set_label("articles (log)", fontsize=8)
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out
