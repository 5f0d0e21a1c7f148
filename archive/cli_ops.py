"""Operations commands: `malinews health` (is every outlet still coming in?) and `malinews schedule`."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from archive.cli import db_option, fail, open_existing, parent_must_exist, sites_option
from archive.errors import MalinewsError

UNIT_NAME = re.compile(r"[A-Za-z0-9_@-][A-Za-z0-9_.@-]{0,200}")  # systemd's unit name characters; no path


def unit_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Click callback: a systemd unit name, which `--install` writes as a file name in --unit-dir
    (`../../etc/x` would have been written outside it, `a b;c` is no unit name)."""
    if not UNIT_NAME.fullmatch(value) or value.endswith((".service", ".timer")):
        raise click.BadParameter(f"{value!r} is not a unit name; use letters, digits, '-', '_', '.' or '@', "
                                 "e.g. malinews-essor (no .service suffix, no '/')")
    return value


@click.command()
@db_option
@sites_option
@click.option("--site", "only", multiple=True, help="Only this outlet (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per outlet and line.")
@click.option("--now", hidden=True, help="Reference time (ISO, UTC) instead of the clock; for tests.")
def health(db: str, sites_file: str | None, only: tuple[str, ...], as_json: bool, now: str | None) -> None:
    """Per outlet: last good crawl, new articles (1/7/30 days) vs its usual rate, errors, field coverage.

    Exits 1 when an outlet went silent (none in 7 days while it usually publishes 2+ a week) or a
    field collapsed (date, author, section or body length below half its usual coverage in the
    articles archived in the last 7 days); the alerts are also printed on stderr, for cron mail.

    Example: malinews health --db malinews.db || echo "look at the alerts above"
    """
    from archive.health import outlet_health, report_lines
    from crawler.sites import SitesConfigError, load_sites

    try:
        registry = load_sites(sites_file)
        outlets = outlet_health(open_existing(db), [(k, s.name) for k, s in registry.items()], now=now)
    except (SitesConfigError, MalinewsError) as exc:
        fail(exc)
        return
    if only:
        known = {h.site for h in outlets}
        if unknown := [name for name in only if name not in known]:  # a typo printed "0 outlets, no alert"
            click.secho(f"Error: unknown site '{unknown[0]}'; known sites: {', '.join(sorted(known))} "
                        "(see `malinews sites`)", fg="red", err=True)
            sys.exit(2)
        outlets = [h for h in outlets if h.site in only]
    if as_json:
        for h in outlets:
            click.echo(json.dumps(h.as_dict(), ensure_ascii=False))
    else:
        for line in report_lines(outlets):
            click.echo(line)
    alerts = [(h.site, a) for h in outlets for a in h.alerts]
    for site, warning in [(h.site, w) for h in outlets for w in h.warnings]:
        click.echo(f"warning {site}: {warning}", err=True)
    for site, alert in alerts:
        click.secho(f"ALERT {site}: {alert}", fg="red", err=True)
    if alerts:
        click.echo(f"{len(alerts)} alert(s) on {len({s for s, _ in alerts})} outlet(s).", err=True)
        sys.exit(1)
    click.echo(f"{len(outlets)} outlets checked, no alert.", err=True)


@click.command()
@click.option("--every", default="6h", show_default=True, help="Interval: 30m, 6h, 1d …")
@db_option
@sites_option
@click.option("--name", default="malinews-crawl", show_default=True, callback=unit_name,
              help="Unit name (and cron log name): letters, digits, '-', '_', '.', '@'.")
@click.option("--log-file", callback=parent_must_exist, type=click.Path(dir_okay=False), help="Crawl log (default: <db>.log).")
@click.option("--revisit", type=click.IntRange(min=0), default=0, metavar="N",
              help="Each run also fetches again the N archived articles per outlet seen longest ago "
                   "(`malinews crawl --revisit`: edits and deletions).")
@click.option("--install", is_flag=True, help="Write the systemd units into --unit-dir instead of printing them.")
@click.option("--unit-dir", type=click.Path(file_okay=False), default=str(Path.home() / ".config/systemd/user"),
              show_default=True, help="Where --install writes (user units by default).")
def schedule(every: str, db: str, sites_file: str | None, name: str, log_file: str | None, revisit: int,
             install: bool, unit_dir: str) -> None:
    """Run `malinews crawl` every interval: a systemd timer + service, or the equivalent cron line.

    Runs never overlap (a oneshot service is not restarted while running, and the archive lock makes
    any second writer exit 1); each run is recorded in crawl_runs.

    Example: malinews schedule --every 6h --db /srv/malinews/malinews.db --install

    Example: malinews schedule --every 1d --revisit 200 --db /srv/malinews/malinews.db
    """
    from archive import schedule as sched

    try:
        seconds = sched.parse_every(every)
    except MalinewsError as exc:
        fail(exc)
        return
    db_path = Path(db).resolve()
    log = Path(log_file).resolve() if log_file else Path(f"{db_path}.log")
    sites_path = Path(sites_file).resolve() if sites_file else None
    extra = ("--revisit", str(revisit)) if revisit else ()
    plan = sched.Schedule(seconds, sched.crawl_command(db_path, sites_path, log, extra), Path.cwd().resolve(), log, name)
    if not install:
        click.echo(f"# ---- {name}.service (systemd; `malinews schedule --install` writes both units)")
        click.echo(sched.service_unit(plan))
        click.echo(f"# ---- {name}.timer")
        click.echo(sched.timer_unit(plan))
        click.echo("# ---- or one crontab line (crontab -e):")
        click.echo(sched.cron_line(plan))
        return
    paths = sched.install(plan, Path(unit_dir))
    ok, output = sched.verify(paths)
    for path in paths:
        click.echo(f"wrote {path}", err=True)
    if ok is False:
        click.secho(f"systemd-analyze verify found problems:\n{output}", fg="red", err=True)
        sys.exit(1)
    click.echo(output if ok is None else "systemd-analyze verify: OK", err=True)
    scope = "--user " if Path(unit_dir).resolve().is_relative_to(Path.home()) else ""
    click.echo(f"Next: systemctl {scope}daemon-reload && systemctl {scope}enable --now {name}.timer", err=True)
    if scope:
        click.echo("      (and `loginctl enable-linger $USER` so user timers run while you are logged out)", err=True)
