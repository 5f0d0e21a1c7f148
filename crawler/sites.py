"""The site registry: load and validate `sites.toml` into frozen `Site` records."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_SITES_FILE = Path(__file__).with_name("sites.toml")
KINDS = ("daily", "weekly", "aggregator", "radio", "agency", "online")
LIST_KEYS = ("feeds", "sitemaps", "start_urls", "aliases")
STR_KEYS = ("url", "name", "kind", "language", "article_pattern", "exclude_pattern", "date_archive")
KNOWN_KEYS = frozenset(STR_KEYS + LIST_KEYS)


def json_key(key: str) -> str:
    """`key` quoted for a `[sites."…"]` header when it is no bare TOML key."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


class SitesConfigError(Exception):
    """A sites file is invalid; the message names the file, the site, the key and the fix."""

    exit_code = 2

    def __init__(self, file: str | Path, message: str, site: str | None = None, key: str | None = None):
        where = str(file)
        if site:
            where += f": [sites.{site}]"
        if key:
            where += f" key '{key}'"
        super().__init__(f"{where}: {message}")
        self.file, self.site, self.key = str(file), site, key


@dataclass(frozen=True)
class Site:
    """One outlet of the registry, as plain validated values."""

    key: str
    url: str
    name: str
    kind: str | None = None
    language: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    article_pattern: str | None = None
    exclude_pattern: str | None = None
    date_archive: str | None = None  # strftime URL template of date archives, e.g. "https://x.ml/%Y/%m/"
    hosts: frozenset[str] = field(default_factory=frozenset)

    def owns(self, url: str) -> bool:
        """True when `url` is on one of this site's hosts (www. and bare host are the same)."""
        return host_key(url) in self.hosts


@lru_cache(maxsize=65536)  # called for every link of every page (Site.owns)
def host_key(url: str) -> str:
    """Host of `url`, lower-cased, port kept, leading `www.` dropped."""
    try:
        netloc = urlsplit(url).netloc.lower().rsplit("@", 1)[-1]
    except ValueError:  # "http://[::1": an unreadable host belongs to no site
        return ""
    return netloc[4:] if netloc.startswith("www.") else netloc


def _readable_http_url(value: Any) -> bool:
    """An absolute http(s) URL whose host and port can be read ("http://[::1/" and port 99999 cannot)."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is no number or out of range
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _check_url(file: Path, key: str, name: str, value: Any) -> str:
    if not _readable_http_url(value):
        raise SitesConfigError(file, f"must be an absolute http(s) URL, got {value!r}; "
                               'write it like url = "https://www.example.ml/"', key, name)
    return value


# A site's key names it on the command line, in stats keys ("malinews/<key>/errors", read back with
# JSON paths), in file names and in datasette facets: lower-case letters, digits, "_" and "-".
SITE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def _parse_site(file: Path, key: str, table: Any) -> Site:
    if not SITE_KEY.fullmatch(key):
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", key.lower()).strip("-_")[:40] or "outlet"
        raise SitesConfigError(file, f"a site's name must be 1-40 lower-case letters, digits, '_' or '-' "
                                     f"(it names the site on the command line and in stats); rename it, "
                                     f"e.g. [sites.{suggestion}]", json_key(key))
    if not isinstance(table, dict):
        raise SitesConfigError(file, "must be a table, e.g. [sites.%s] followed by url = \"https://…/\"" % key, key)
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise SitesConfigError(
            file, f"unknown key; allowed keys are {', '.join(sorted(KNOWN_KEYS))}", key, unknown[0]
        )
    if "url" not in table:
        raise SitesConfigError(file, 'missing; every site needs its homepage, e.g. url = "https://www.example.ml/"', key, "url")
    url = _check_url(file, key, "url", table["url"])
    values: dict[str, Any] = {}
    for name in STR_KEYS[1:]:
        if name in table and not isinstance(table[name], str):
            raise SitesConfigError(file, f"must be a string, got {type(table[name]).__name__}", key, name)
    for name in LIST_KEYS:
        raw = table.get(name, [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            raise SitesConfigError(file, f"must be a list of URLs, e.g. {name} = [\"https://…\"]", key, name)
        values[name] = tuple(_check_url(file, key, name, u) for u in raw)
    for name in ("article_pattern", "exclude_pattern"):
        if name in table:
            try:
                re.compile(table[name])
            except re.error as exc:
                raise SitesConfigError(
                    file, f"is not a valid regular expression ({exc}); use a TOML literal string '…' "
                    "so backslashes need no escaping", key, name
                ) from None
    if "date_archive" in table:
        _check_url(file, key, "date_archive", table["date_archive"])
        if "%Y" not in table["date_archive"] or "%m" not in table["date_archive"]:
            raise SitesConfigError(file, "must contain %Y and %m (and %d for day archives), "
                                   'e.g. date_archive = "https://www.example.ml/%Y/%m/"', key, "date_archive")
    kind = table.get("kind")
    if kind is not None and kind not in KINDS:
        raise SitesConfigError(file, f"must be one of {', '.join(KINDS)}, got {kind!r}", key, "kind")
    hosts = {host_key(url)} | {host_key(a) for a in values["aliases"]}
    return Site(
        key=key,
        url=url,
        name=table.get("name", key),
        kind=kind,
        language=table.get("language"),
        article_pattern=table.get("article_pattern"),
        exclude_pattern=table.get("exclude_pattern"),
        date_archive=table.get("date_archive"),
        hosts=frozenset(hosts),
        **values,
    )


def load_sites(path: str | Path | None = None) -> dict[str, Site]:
    """Load and validate a sites file (default: the bundled registry)."""
    file = Path(path) if path else DEFAULT_SITES_FILE
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))  # a BOM (Windows Notepad) is no TOML error
    except FileNotFoundError:
        raise SitesConfigError(file, "file not found; pass an existing file with --sites") from None
    except UnicodeDecodeError as exc:
        raise SitesConfigError(file, f"is not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise SitesConfigError(file, f"invalid TOML: {exc}; fix the syntax at that line") from None
    unknown_top = sorted(set(data) - {"sites"})
    if unknown_top:
        raise SitesConfigError(file, f"unknown top-level key '{unknown_top[0]}'; put each outlet under [sites.NAME]")
    tables = data.get("sites")
    if not isinstance(tables, dict) or not tables:
        raise SitesConfigError(file, "no sites; add at least one [sites.NAME] table with a url key")
    sites = {key: _parse_site(file, key, table) for key, table in tables.items()}
    return sites


def select_sites(sites: dict[str, Site], names: list[str] | tuple[str, ...], file: str | Path | None = None) -> list[Site]:
    """Pick the named sites (all when `names` is empty); an unknown name is a config error."""
    if not names:
        return list(sites.values())
    chosen = []
    for name in names:
        if name not in sites:
            raise SitesConfigError(
                file or DEFAULT_SITES_FILE,
                f"unknown site '{name}'; known sites: {', '.join(sorted(sites))} (see `malinews sites`)",
            )
        chosen.append(sites[name])
    return chosen
