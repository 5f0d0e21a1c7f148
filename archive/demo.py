"""`malinews demo`: serve the bundled sample web on loopback, crawl it, search the new archive."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import click

DEMO_SITES = Path(__file__).resolve().parent.parent / "crawler" / "sampleweb" / "sites"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "AUTOTHROTTLE_MAX_DELAY=1"]


def run_demo(db: str | None, query: str) -> None:
    """Serve, crawl (in a subprocess: Twisted's reactor runs once per process) and search."""
    from crawler.sampleweb.server import TestWeb

    workdir = Path(tempfile.mkdtemp(prefix="malinews-demo-"))
    db_path = Path(db) if db else workdir / "demo.db"
    sites_file = workdir / "sites.toml"
    with TestWeb(DEMO_SITES) as web:
        web.write_sites_toml(sites_file)
        click.echo(f"Serving the sample web: {', '.join(f'{k} {v}' for k, v in web.base_urls.items())}", err=True)
        click.echo(f"Crawling into {db_path} …", err=True)
        code = subprocess.call([sys.executable, "-m", "archive", "crawl", "--sites", str(sites_file),
                                "--db", str(db_path), "--quiet", *FAST])
        if code != 0:
            raise click.ClickException(f"the demo crawl failed (exit {code})")
    click.echo(f"\n$ malinews search {query!r} --db {db_path}\n", err=True)
    subprocess.call([sys.executable, "-m", "archive", "search", query, "--db", str(db_path)])
    click.echo(f"\nTry: malinews search 'transition' --db {db_path}    or    sqlite-utils tables {db_path}", err=True)
