"""Print the outlets table (Markdown) generated from the site registry: `python -m crawler.registry_table`."""
from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

from crawler.sites import Site, load_sites


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _hosts(site: Site) -> str:
    return ", ".join(urlsplit(a).netloc for a in site.aliases) or "-"


def _hints(site: Site) -> str:
    parts = []
    if site.feeds:
        parts.append(f"{len(site.feeds)} feed{'s' if len(site.feeds) > 1 else ''}")
    if site.start_urls:
        parts.append(f"{len(site.start_urls)} listing{'s' if len(site.start_urls) > 1 else ''}")
    if site.sitemaps:
        parts.append(f"{len(site.sitemaps)} sitemap{'s' if len(site.sitemaps) > 1 else ''}")
    if site.date_archive:
        parts.append("date archives")
    return ", ".join(parts) or "-"


def markdown_table(sites: dict[str, Site]) -> str:
    """One row per outlet: key, name, homepage, kind, language, mirrors, discovery hints, article URL pattern."""
    lines = ["| key | outlet | homepage | kind | lang | mirrors | discovery hints | article URLs |",
             "|---|---|---|---|---|---|---|---|"]
    for site in sites.values():
        pattern = f"`{_cell(site.article_pattern)}`" if site.article_pattern else "any (page type decides)"
        lines.append(f"| {site.key} | {_cell(site.name)} | {site.url} | {site.kind or '-'} | {site.language or '-'} "
                     f"| {_hosts(site)} | {_hints(site)} | {pattern} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table for the bundled registry or `--sites FILE`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", help="sites file (default: crawler/sites.toml)")
    args = parser.parse_args(argv)
    print(markdown_table(load_sites(args.sites)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
