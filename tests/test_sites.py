"""The site registry loader: valid files load, every kind of bad file names file, site and key."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crawler.sites import DEFAULT_SITES_FILE, SitesConfigError, load_sites, select_sites


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "sites.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_registry_loads_every_outlet_of_shared_notes() -> None:
    sites = load_sites()
    assert {"maliweb", "malijet", "abamako", "essor", "studiotamani", "journaldumali"} <= set(sites)
    essor = sites["essor"]
    assert essor.owns("https://journalessor.ml/posts/x-645921e5ad544")
    assert essor.owns("https://lessor.ml/posts/x") and not essor.owns("https://maliweb.net/")


def test_only_url_is_required(tmp_path: Path) -> None:
    sites = load_sites(write(tmp_path, '[sites.x]\nurl = "https://x.ml/"\n'))
    assert sites["x"].name == "x" and sites["x"].feeds == ()


@pytest.mark.parametrize(
    "text, site, key, fix",
    [
        ('[sites.x]\nname = "X"\n', "x", "url", "url ="),
        ('[sites.x]\nurl = "https://x.ml/"\nfeed = ["https://x.ml/feed"]\n', "x", "feed", "allowed keys"),
        ("[sites.x]\nurl = \"https://x.ml/\"\narticle_pattern = '([a-z'\n", "x", "article_pattern", "regular expression"),
        ('[sites.x]\nurl = "x.ml"\n', "x", "url", "absolute"),
        ('[sites.x]\nurl = "https://x.ml/"\nkind = "blog"\n', "x", "kind", "one of"),
        ('[sites.x]\nurl = "https://x.ml/"\nfeeds = 3\n', "x", "feeds", "list"),
        ('[sites.x]\nurl = "http://[::1/"\n', "x", "url", "absolute"),  # urlsplit's ValueError was a traceback
        ('[sites.x]\nurl = "https://x.ml:99999/"\n', "x", "url", "absolute"),
        ('[sites.x]\nurl = "https://x.ml/"\naliases = ["http://:80/"]\n', "x", "aliases", "absolute"),
    ],
)
def test_bad_site_tables_name_file_site_and_key(tmp_path: Path, text: str, site: str, key: str, fix: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SitesConfigError) as err:
        load_sites(path)
    message = str(err.value)
    assert str(path) in message and f"[sites.{site}]" in message and f"'{key}'" in message and fix in message


@pytest.mark.parametrize(("header", "shown", "suggested"), [
    ('[sites."a b"]', '[sites."a b"]', "[sites.a-b]"),
    ("[sites.Essor]", "[sites.Essor]", "[sites.essor]"),
    ("""[sites.'a"b']""", '[sites."a\\"b"]', "[sites.a-b]"),   # a quote broke the JSON paths health reads stats with
    ('[sites."l\u2019essor"]', '[sites."l\u2019essor"]', "[sites.l-essor]"),
    ("[sites.%s]" % ("x" * 41), "[sites.%s]" % ("x" * 41), "[sites.%s]" % ("x" * 40)),
])
def test_a_site_name_is_a_plain_lower_case_word(tmp_path: Path, header: str, shown: str, suggested: str) -> None:
    path = write(tmp_path, f'{header}\nurl = "https://x.ml/"\n')
    with pytest.raises(SitesConfigError) as err:
        load_sites(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {shown}: a site's name must be") and f"e.g. {suggested}" in message


def test_a_byte_order_mark_and_crlf_are_read(tmp_path: Path) -> None:
    """Windows Notepad saves UTF-8 with a BOM, which tomllib refuses as an 'invalid statement'."""
    path = tmp_path / "sites.toml"
    path.write_bytes(b'\xef\xbb\xbf[sites.x]\r\nurl = "https://x.ml/"\r\nname = "X \xc3\xa0 Bamako"\r\n')
    assert load_sites(path)["x"].name == "X à Bamako"


def test_toml_syntax_error_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SitesConfigError, match="invalid TOML"):
        load_sites(write(tmp_path, "[sites.x\nurl = 1"))


def test_unknown_site_name_lists_known_ones() -> None:
    with pytest.raises(SitesConfigError, match="unknown site 'nope'.*essor"):
        select_sites(load_sites(), ["nope"], DEFAULT_SITES_FILE)


@pytest.mark.parametrize("args", [["crawl", "nope", "--db", "{tmp}/a.db"], ["sites", "--sites", "{tmp}/bad.toml"]])
def test_cli_config_errors_exit_2_without_traceback(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "bad.toml").write_text('[sites.x]\nurl = "https://x.ml/"\nwhat = 1\n')
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = subprocess.run([sys.executable, "-m", "archive", *argv], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("Error:")
