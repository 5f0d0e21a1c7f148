"""`malinews serve`: datasette with the shipped config, plugin and article page (in-process client)."""
from __future__ import annotations

import asyncio
import html
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from archive.serve import database_name, datasette_files, register_plugin
from archive.serve_config import TEMPLATES_DIR, build
from conftest import REPO, cli_env
from sample_archive import GOITA_PARAGRAPHS, GOITA_TITLE, HOSTILE_TITLE, build_sample_archive


class Client:
    """Synchronous wrapper around datasette's in-process ASGI client."""

    def __init__(self, db: Path) -> None:
        from datasette.app import Datasette

        register_plugin()
        files = datasette_files(db)
        self.db = database_name(db)
        self.ds = Datasette([str(db)], metadata=files.metadata, template_dir=str(TEMPLATES_DIR),
                            settings=files.settings)
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str) -> Any:
        response = self.loop.run_until_complete(self.ds.client.get(path.replace("{db}", self.db)))
        return response

    def text(self, path: str) -> str:
        response = self.get(path)
        assert response.status_code == 200, f"{path}: HTTP {response.status_code}\n{response.text[:2000]}"
        return response.text


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Client, dict[str, int]]:
    db = tmp_path_factory.mktemp("serve") / "malinews.db"
    ids = build_sample_archive(db)
    return Client(db), ids


def test_articles_newest_first_with_facets_and_search_box(served: tuple[Client, dict[str, int]]) -> None:
    client, _ = served
    page = client.text("/{db}/articles")
    assert 'name="_search"' in page
    for facet in ("site", "section", "language", "author", "published_month"):
        assert f'data-column="{facet}"' in page, f"facet {facet} missing"
    data = client.get("/{db}/articles.json?_shape=objects").json()
    published = [r["published"] for r in data["rows"] if r["published"]]
    assert published == sorted(published, reverse=True)
    assert "html_zlib" not in page


FACETS = ("site", "section", "language", "author", "published_month")


@pytest.mark.parametrize("query, path", [
    ("", "facet_counts"), ("site=essor", "facet_counts_by_site"), ("site=malijet", "facet_counts_by_site"),
    ("_search=Goita", "idx_articles_facet_cols"), ("_search=Goita&site=essor", "idx_articles_facet_cols"),
    ("section=Politique", "scan"), ("published_month=2025-06&_sort=id", "scan"),
])
def test_fast_facets_agree_with_datasette_column_facets(served: tuple[Client, dict[str, int]], query: str,
                                                        path: str) -> None:
    client, _ = served
    extra = "&".join(f"_facet={c}" for c in FACETS)
    facets = client.get(f"/{{db}}/articles.json?{query}&{extra}").json()["facet_results"]
    for col in FACETS:
        fast = [(r["value"], r["count"], r["selected"]) for r in facets[col]["results"]]
        plain = [(r["value"], r["count"], r["selected"]) for r in facets[f"{col}_2"]["results"]]
        assert facets[col]["counted_by"] == path and "counted_by" not in facets[f"{col}_2"]
        assert fast == plain, f"{query}: facet {col}"


def test_search_finds_goita_without_the_accent(served: tuple[Client, dict[str, int]]) -> None:
    client, _ = served
    rows = client.get("/{db}/articles.json?_search=Goita&_shape=array").json()
    assert len(rows) == 3 and all("Goïta" in r["title"] for r in rows)
    assert client.get("/{db}/articles.json?_search=Goita&site=essor&_shape=array").json()[0]["site"] == "essor"


def test_article_page_reads_as_paragraphs_with_copies_and_escaping(served: tuple[Client, dict[str, int]]) -> None:
    client, ids = served
    page = client.text(f"/{{db}}/articles/{ids['goita-chefs-traditionnels']}")
    assert f"<h1>{html.escape(GOITA_TITLE)}</h1>" in page.replace("&#39;", "'")
    paragraphs = re.findall(r"<p>(.*?)</p>", page.split('class="mn-body"')[1].split("</div>")[0], re.S)
    assert [html.unescape(p) for p in paragraphs] == GOITA_PARAGRAPHS
    assert "&lt;au processus&gt;" in page and "&amp; promis" in page  # text escaped, never raw HTML
    assert 'class="mn-original" href="https://essor.example.ml/goita-chefs-traditionnels/"' in page
    copies = page.split("Other copies of this story")[1]
    assert "maliweb" in copies and "malijet" in copies and "https://maliweb.example.ml/goita-chefs/" in copies
    assert f"/{client.db}/articles/{ids['goita-chefs']}" in copies


def test_hostile_content_is_escaped(served: tuple[Client, dict[str, int]]) -> None:
    client, ids = served
    page = client.text(f"/{{db}}/articles/{ids['piege']}")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert html.escape(HOSTILE_TITLE, quote=False) in page.replace("&#39;", "'")
    assert "<script>alert" not in client.text("/{db}/articles?_search=piégé")


def test_pages_show_blob_sizes_not_blobs(served: tuple[Client, dict[str, int]]) -> None:
    client, _ = served
    page = client.text("/{db}/pages")
    assert "zlib-compressed HTML" in page and "Binary" not in page


def test_canned_queries(served: tuple[Client, dict[str, int]]) -> None:
    client, ids = served
    latest = client.get("/{db}/latest_per_outlet.json?_shape=array").json()
    assert {r["site"] for r in latest} == {"essor", "maliweb", "malijet", "studiotamani"}
    coverage = client.get("/{db}/coverage_per_month.json?_shape=array").json()
    essor_2025 = next(r for r in coverage if r["site"] == "essor" and r["year"] == "2025")
    assert (essor_2025["may"], essor_2025["jun"], essor_2025["jan"], essor_2025["total"]) == (1, 1, 0, 2)
    stories = client.get("/{db}/stories_most_copies.json?_shape=array").json()
    assert stories[0]["copies"] == 3 and stories[0]["original_site"] == "essor"
    term = client.get("/{db}/term_between_dates.json?_shape=array&term=Goita&since=2025-06-23&until=2025-06-30").json()
    assert [r["site"] for r in term] == ["malijet"]
    assert len(client.get("/{db}/term_between_dates.json?_shape=array&term=Goita&since=&until=").json()) == 3
    # punctuation read as malinews search reads it: "l'hivernage" and "Assimi-Goïta" are phrases, not FTS5 errors
    assert len(client.get("/{db}/term_between_dates.json?_shape=array&term=l'hivernage&since=&until=").json()) == 3
    assert len(client.get("/{db}/term_between_dates.json?_shape=array&term=Assimi-Goïta&since=&until=").json()) == 3
    deleted = client.get("/{db}/deleted_articles.json?_shape=array").json()
    assert [(r["article"], r["reason"], r["first_gone"][:10]) for r in deleted] == [
        (ids["goita-recoit"], "http_404", "2025-06-26")]
    edited = client.get("/{db}/edited_articles.json?_shape=array").json()
    assert [r["article"] for r in edited] == [ids["coton-campagne"]]
    assert f'href="/{client.db}/articles/{ids["coton-campagne"]}"' in client.text("/{db}/edited_articles")


@pytest.mark.parametrize("sql", [
    "update articles set title = 'x'",
    "delete from articles",
    "PRAGMA query_only = 0",
    "insert into stories (title) values ('x')",
])
def test_no_sql_can_write(served: tuple[Client, dict[str, int]], sql: str) -> None:
    client, _ = served
    response = client.get("/{db}.json?" + urllib.parse.urlencode({"sql": sql}))
    assert response.status_code >= 400 or not response.json().get("ok", True)
    assert client.get("/{db}/articles.json?_shape=array&title=x").json() == []


def test_query_only_blocks_writes_even_for_plugins(served: tuple[Client, dict[str, int]]) -> None:
    client, _ = served
    db = client.ds.get_database(client.db)
    with pytest.raises(Exception, match="readonly|read-only|attempt to write"):
        client.loop.run_until_complete(db.execute_write("UPDATE articles SET title = 'x'"))


def test_both_datasette_layouts_can_be_emitted() -> None:
    tables = {"articles", "stories", "stories_view", "stories_fts"}
    v065 = build("arch", tables, "0.65")
    assert v065.config is None and v065.settings["suggest_facets"] is False
    art = v065.metadata["databases"]["arch"]["tables"]["articles"]
    assert art["sort_desc"] == "published" and {"fast": "published_month"} in art["facets"] and art["title"] == "Articles"
    assert "term_between_dates" in v065.metadata["databases"]["arch"]["queries"]
    assert v065.metadata["databases"]["arch"]["tables"]["stories_view"]["fts_table"] == "stories_fts"
    v10 = build("arch", tables, "1.0")
    assert "settings" in v10.config and "queries" in v10.config["databases"]["arch"]
    meta_art = v10.metadata["databases"]["arch"]["tables"]["articles"]
    assert "facets" not in meta_art and "sort_desc" not in meta_art  # options stay in datasette.yaml
    assert "queries" not in v10.metadata["databases"]["arch"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_malinews_serve_command_serves(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    build_sample_archive(db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
                            cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/articles?_search=Goita", timeout=5) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert GOITA_TITLE.split()[3] in body, proc.stdout.read1().decode() if proc.poll() is not None else "no answer"
    finally:
        proc.terminate()
        proc.wait(10)


def test_request_modes_pick_the_fast_paths() -> None:
    from datasette.utils.asgi import Request

    from archive.web_facets import request_mode

    def mode(qs: str) -> str:
        return request_mode(Request.fake("/db/articles?" + qs).args)

    assert mode("") == mode("_sort=id&_size=20&_facet=site") == "all"
    assert mode("site=essor") == mode("site=essor&_next=5") == "site"
    assert mode("_search=Goita") == mode("_search=Goita&site=essor") == "search"
    assert mode("site=essor&section=Politique") == mode("site__contains=e") == mode("_where=1") == "sql"
    assert mode("site=essor&site=malijet") == "sql" and mode("_search=") == "all"


def test_articles_list_is_compact_with_every_column_on_demand(served: tuple[Client, dict[str, int]]) -> None:
    client, ids = served
    page = client.text("/{db}/articles")
    assert 'td class="col-title' in page and 'td class="col-content_hash' not in page and "_allcols=1" in page
    assert 'td class="col-content_hash' in client.text("/{db}/articles?_allcols=1")
    assert 'class="col-content_hash' in client.text(f"/{{db}}/articles/{ids['examens']}")  # the row page lists all


@pytest.mark.parametrize("version, config_flag", [("0.65", "--setting"), ("1.0", "--config")])
def test_emit_config_writes_files_for_plain_datasette(tmp_path: Path, version: str, config_flag: str) -> None:
    from click.testing import CliRunner

    from archive.cli import cli

    db = tmp_path / "news.db"
    build_sample_archive(db)
    out = tmp_path / "ds"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--emit-config", str(out), "--datasette-version", version])
    assert result.exit_code == 0, result.output
    command = result.stdout.split()
    assert command[:3] == ["datasette", "serve", str(db)] and config_flag in command and "--plugins-dir" in command
    assert sorted(p.name for p in (out / "plugins").iterdir()) == ["malinews_web_facets.py", "malinews_web_plugin.py"]
    meta = (out / "metadata.json").read_text(encoding="utf-8")
    assert '"news"' in meta and ("term_between_dates" in meta) == (version == "0.65")


def test_a_search_facet_timeout_is_reported_once_not_retried(served: tuple[Client, dict[str, int]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from datasette.database import QueryInterrupted

    client, _ = served
    calls: list[str] = []
    original = client.ds.execute

    async def slow_execute(database: str, sql: str, *args: Any, **kwargs: Any) -> Any:
        if "indexed by idx_articles_facet_cols" in sql:
            calls.append(sql)
            raise QueryInterrupted(None, sql, [])
        return await original(database, sql, *args, **kwargs)

    monkeypatch.setattr(client.ds, "execute", slow_execute)
    data = client.get("/{db}/articles.json?_search=Goita").json()
    assert data["facet_results"] == {} and len(data["rows"]) == 3 and len(calls) == 1
    page = client.text("/{db}/articles?_search=Goita")
    assert "timed out" in page and all(f in page.split("timed out")[1][:300] for f in FACETS)


def test_health_checks_are_canned_queries_of_the_served_archive() -> None:
    from archive.health_queries import canned_queries
    from archive.serve_config import build

    files = build("malinews", {"articles"}, "0.65")
    queries = files.metadata["databases"]["malinews"]["queries"]
    for name, query in canned_queries().items():
        assert queries[name]["sql"] == query["sql"]


@pytest.mark.parametrize("param", ["_sort", "_sort_desc"])
def test_a_sort_by_a_column_the_table_lacks_is_a_bad_request(served: tuple[Client, dict[str, int]], param: str) -> None:
    """datasette answers 500 (a server fault) to `?_sort=nope`; the request is at fault: 400."""
    client, _ = served
    response = client.get(f"/{{db}}/articles?{param}=nope")
    assert response.status_code == 400
    assert "Cannot sort table by nope" in response.text
    assert client.get(f"/{{db}}/articles?{param}=published").status_code == 200


def test_kept_documents_show_their_size_not_their_bytes() -> None:
    from archive.web_plugin import render_cell

    cell = render_cell(b"x" * 2048, "body_zlib", "discovery_documents", "malinews", None)
    assert cell == "<em>zlib-compressed document, 2,048 bytes</em>"
