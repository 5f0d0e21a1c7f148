"""Resolve one request of the test web to a reply: files on disk, `routes.toml` rules, generations."""
from __future__ import annotations

import gzip
import html
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".rss", ".atom", ".txt", ".json"})
CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".xml": "application/xml", ".rss": "application/rss+xml",
    ".atom": "application/atom+xml", ".txt": "text/plain", ".json": "application/json", ".css": "text/css",
    ".js": "application/javascript", ".gz": "application/x-gzip", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".png": "image/png", ".gif": "image/gif", ".svg": "image/svg+xml", ".pdf": "application/pdf",
}
ROUTE_KEYS = frozenset({"status", "location", "headers", "file", "gzip_file", "content_encoding", "body",
                        "encoding", "delay", "body_bytes", "wire", "echo_path"})
# Faults below HTTP semantics, acted out by the server on the socket (see README "routes.toml").
WIRE_FAULTS = frozenset({"reset", "garbage-status", "no-headers", "drip", "endless", "huge-header",
                         "length-over", "length-under", "bad-chunk"})
NOT_FOUND = "*"  # route applied to paths that match neither a route nor a file


class RoutesError(ValueError):
    """A routes.toml file is invalid; the message names the file and the path."""


@dataclass
class Reply:
    """What the server sends back."""

    status: int
    headers: dict[str, str]
    body: bytes
    delay: float = 0.0
    wire: str = ""  # one of WIRE_FAULTS, or "" for a well-formed reply


@dataclass
class SiteFiles:
    """One site on disk: `files/`, `routes.toml`, and generation overlays `vN/files`, `vN/routes.toml`."""

    name: str
    root: Path
    _routes: dict[int, dict[str, dict[str, Any]]] = field(default_factory=dict, repr=False)

    def layers(self, generation: int) -> list[Path]:
        """Generation directories, newest first (generation 1 is the site root itself)."""
        return [self.root / f"v{g}" if g > 1 else self.root for g in range(generation, 0, -1)]

    def routes(self, generation: int) -> dict[str, dict[str, Any]]:
        """The merged routes of `generation` (later generations replace a path's whole rule)."""
        if generation not in self._routes:
            merged: dict[str, dict[str, Any]] = {}
            for layer in reversed(self.layers(generation)):
                merged.update(_load_routes(layer / "routes.toml"))
            self._routes[generation] = merged
        return self._routes[generation]

    def find(self, generation: int, path: str) -> Path | None:
        """The newest file for URL path `path` (`/x/` and directories serve `index.html`)."""
        rel = path.lstrip("/")
        for layer in self.layers(generation):
            files = (layer / "files").resolve()
            candidate = (files / rel).resolve()
            if candidate != files and files not in candidate.parents:
                continue  # never serve outside files/
            if candidate.is_dir() or path.endswith("/"):
                candidate = candidate / "index.html"
            if candidate.is_file():
                return candidate
        return None


def _load_routes(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    routes = data.get("routes", {})
    for key, rule in routes.items():
        if not isinstance(rule, dict):
            raise RoutesError(f'{path}: [routes."{key}"] must be a table')
        unknown = set(rule) - ROUTE_KEYS
        if unknown:
            raise RoutesError(f'{path}: [routes."{key}"] unknown key(s) {sorted(unknown)}; '
                              f"allowed: {', '.join(sorted(ROUTE_KEYS))}")
    return routes


def content_type(name: str, encoding: str | None = "utf-8") -> str:
    """Content-Type for a file name; text types carry the charset they are served in."""
    suffix = Path(name).suffix.lower()
    ctype = CONTENT_TYPES.get(suffix, "application/octet-stream")
    if suffix in TEXT_SUFFIXES and encoding:
        ctype += f"; charset={encoding}"
    return ctype


def load_text_file(path: Path, base: str) -> str:
    """A UTF-8 source file with `{BASE}` replaced by the site's base URL."""
    return path.read_text(encoding="utf-8").replace("{BASE}", base)


def file_bytes(path: Path, base: str, encoding: str = "utf-8") -> bytes:
    """Bytes of a file: text files get `{BASE}` substituted and are encoded in `encoding`."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return load_text_file(path, base).encode(encoding)
    return path.read_bytes()


def _redirect_body(location: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><title>Moved</title></head><body>'
            f'<a href="{location}">{location}</a></body></html>').encode()


def _not_found() -> Reply:
    body = b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
    return Reply(404, {"Content-Type": "text/html; charset=utf-8"}, body)


def render(site: SiteFiles, generation: int, raw_path: str, base: str) -> Reply:
    """Answer `raw_path` (path + query as requested) for `site` at `generation`."""
    parts = urlsplit(raw_path)
    path = unquote(parts.path) or "/"
    routes = site.routes(generation)
    rule = None
    if parts.query:
        rule = routes.get(f"{path}?{parts.query}") or routes.get(f"{parts.path}?{parts.query}")
    if rule is None:
        rule = routes.get(path)
    if rule is None:
        found = site.find(generation, path)
        if found is not None:
            return Reply(200, {"Content-Type": content_type(found.name)}, file_bytes(found, base))
        if path.endswith(".gz") and (plain := site.find(generation, path[:-3])) is not None:
            return Reply(200, {"Content-Type": "application/x-gzip"}, gzip.compress(file_bytes(plain, base), mtime=0))
        rule = routes.get(NOT_FOUND)
        if rule is None:
            return _not_found()
        if not any(key in rule for key in ("file", "body", "gzip_file", "location")):
            return _not_found()
    reply = _apply(site, generation, path, rule, base)
    if rule.get("echo_path"):
        # like many CMS 404 pages: "No page at /the/path/ you asked for" (HTML-escaped, as a CMS would)
        echoed = html.escape(raw_path).encode(rule.get("encoding", "utf-8"), "xmlcharrefreplace")
        reply.body = reply.body.replace(b"{PATH}", echoed)
    return reply


def _apply(site: SiteFiles, generation: int, path: str, rule: dict[str, Any], base: str) -> Reply:
    encoding = rule.get("encoding", "utf-8")
    headers: dict[str, str] = {}
    status = int(rule.get("status", 301 if "location" in rule else 200))
    body = b""
    if "location" in rule:
        location = str(rule["location"]).replace("{BASE}", base)
        headers["Location"] = location
        headers["Content-Type"] = "text/html; charset=utf-8"
        body = _redirect_body(location)
    if "body" in rule:
        body = str(rule["body"]).replace("{BASE}", base).encode(encoding)
        headers["Content-Type"] = content_type("body.html", encoding)
    source = rule.get("gzip_file") or rule.get("file")
    if source is None and "body" not in rule and "location" not in rule:
        source = path  # the rule only tweaks how the request's own file is served
    if source is not None:
        found = site.find(generation, str(source) if str(source).startswith("/") else "/" + str(source))
        if found is None:
            if "status" not in rule:
                return _not_found()
        else:
            body = file_bytes(found, base, encoding)
            headers["Content-Type"] = content_type(found.name, encoding)
    if rule.get("gzip_file") is not None:
        body = gzip.compress(body, mtime=0)
        if rule.get("content_encoding"):
            headers["Content-Encoding"] = "gzip"  # transport compression: type stays the inner one
        else:
            headers["Content-Type"] = "application/x-gzip"
    for key, value in (rule.get("headers") or {}).items():
        # an empty value removes the header (e.g. a Content-Type without charset, or none at all)
        matches = [k for k in headers if k.lower() == key.lower()]
        for k in matches:
            del headers[k]
        if value != "":
            headers[key] = str(value).replace("{BASE}", base)
    if "body_bytes" in rule:
        body = body[: int(rule["body_bytes"])]
    wire = str(rule.get("wire", ""))
    if wire and wire not in WIRE_FAULTS:
        raise RoutesError(f"{site.root / 'routes.toml'}: [routes.\"{path}\"] wire = {wire!r}: "
                          f"use one of {', '.join(sorted(WIRE_FAULTS))}")
    return Reply(status, headers, body, float(rule.get("delay", 0)), wire)
