"""Turn the shipped datasette files (metadata.json + datasette.yaml) into what datasette 0.65 or 1.x wants."""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from archive.health_queries import canned_queries

HERE = Path(__file__).resolve().parent
METADATA_FILE = HERE / "metadata.json"
CONFIG_FILE = HERE / "datasette.yaml"
TEMPLATES_DIR = HERE / "templates"
SHIPPED_DB_KEY = "malinews"  # the database key used in the shipped files
CONFIG_ONLY_TABLE_KEYS = ("sort", "sort_desc", "size", "facets", "facet_size", "fts_table", "fts_pk",
                          "searchmode", "label_column", "hidden", "sortable_columns", "units")


@dataclass
class DatasetteFiles:
    """Everything one datasette launch needs, for one major version of datasette."""

    version: str  # "0.65" or "1.0"
    metadata: dict[str, Any]
    config: dict[str, Any] | None  # datasette.yaml content (1.0 only)
    settings: dict[str, Any] = field(default_factory=dict)  # --setting flags (0.65 only)

    def write(self, directory: Path) -> list[str]:
        """Write the files under `directory`; return the datasette CLI arguments that load them."""
        directory.mkdir(parents=True, exist_ok=True)
        meta = directory / "metadata.json"
        meta.write_text(json.dumps(self.metadata, ensure_ascii=False, indent=2), encoding="utf-8")
        args = ["--metadata", str(meta), "--template-dir", str(TEMPLATES_DIR)]
        if self.config is not None:
            cfg = directory / "datasette.json"  # datasette 1.x reads JSON or YAML alike
            cfg.write_text(json.dumps(self.config, ensure_ascii=False, indent=2), encoding="utf-8")
            args += ["--config", str(cfg)]
        for key, value in self.settings.items():
            args += ["--setting", key, json.dumps(value) if isinstance(value, bool) else str(value)]
        return args


def installed_datasette_version() -> str:
    """'0.65' for any 0.x datasette, '1.0' for 1.x (alphas included)."""
    try:
        major = importlib_metadata.version("datasette").split(".")[0]
    except importlib_metadata.PackageNotFoundError:
        return "0.65"
    return "0.65" if major == "0" else "1.0"


def load_shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    """The shipped descriptive metadata and the shipped 1.0-layout configuration."""
    import yaml  # a datasette dependency; imported here so `malinews --help` stays light

    meta = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    return meta, config


def _rename_db(section: dict[str, Any], db_name: str) -> dict[str, Any]:
    out = copy.deepcopy(section)
    dbs = out.get("databases", {})
    if SHIPPED_DB_KEY in dbs and db_name != SHIPPED_DB_KEY:
        dbs[db_name] = dbs.pop(SHIPPED_DB_KEY)
    return out


def adapt_to_archive(config: dict[str, Any], db_name: str, tables: set[str]) -> dict[str, Any]:
    """The 1.0 config for this archive: real database name; stories_view searchable when it exists."""
    out = _rename_db(config, db_name)
    queries = out["databases"][db_name].setdefault("queries", {})
    for name, query in canned_queries().items():  # the checks of `malinews health`, same SQL
        queries.setdefault(name, query)
    db_tables = out["databases"][db_name].setdefault("tables", {})
    if "stories_view" in tables:
        view = {"label_column": "title"}
        if "stories_fts" in tables:
            view |= {"fts_table": "stories_fts", "fts_pk": "id"}
        db_tables["stories_view"] = view
    return out


def build(db_name: str, tables: set[str], version: str | None = None) -> DatasetteFiles:
    """The files for datasette `version` (default: the installed one) serving archive `db_name`."""
    version = version or installed_datasette_version()
    meta, config = load_shipped()
    meta = _rename_db(meta, db_name)
    meta["description_html"] = meta.get("description_html", "").replace("/-/malinews-articles", f"/{db_name}/articles")
    config = adapt_to_archive(config, db_name, tables)
    if version == "1.0":
        return DatasetteFiles("1.0", meta, config)
    return DatasetteFiles("0.65", fold_config_into_metadata(meta, config), None, dict(config.get("settings", {})))


def fold_config_into_metadata(meta: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """Datasette 0.65 keeps table options, canned queries and plugins inside metadata."""
    out = copy.deepcopy(meta)
    for db_name, db_conf in config.get("databases", {}).items():
        db_meta = out.setdefault("databases", {}).setdefault(db_name, {})
        for table, options in db_conf.get("tables", {}).items():
            table_meta = db_meta.setdefault("tables", {}).setdefault(table, {})
            table_meta.update({k: v for k, v in options.items() if k in CONFIG_ONLY_TABLE_KEYS})
        if db_conf.get("queries"):
            db_meta["queries"] = copy.deepcopy(db_conf["queries"])
    for key in ("plugins", "allow", "allow_sql"):
        if key in config:
            out[key] = copy.deepcopy(config[key])
    return out
