"""A loopback test web: serve fake news sites from disk, one per 127.0.0.N address, logging every request."""
from __future__ import annotations

import socket
import sys
import struct
import threading
import time
import tomllib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.sampleweb.routes import Reply, SiteFiles, render

FIRST_HOST = 10  # sites live on 127.0.0.10, 127.0.0.11, …


@dataclass(frozen=True)
class RequestRecord:
    """One request the test web answered."""

    site: str
    method: str
    path: str  # path with query string, as sent
    user_agent: str
    status: int
    time: float


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], web: TestWeb, site: SiteFiles) -> None:
        super().__init__(address, _Handler)
        self.web, self.site = web, site

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-reply is routine here (timeouts, wire faults): no traceback for it."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "malinews-testweb/1"

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        web, site = self.server.web, self.server.site
        base = web.base_urls[site.name]
        try:
            reply = render(site, web.generation, self.path, base)
        except Exception as exc:  # a broken fixture must be visible, not a hung crawl
            reply = Reply(500, {"Content-Type": "text/plain; charset=utf-8"}, f"testweb error: {exc!r}".encode())
        if not_modified(reply, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
            reply = Reply(304, {k: v for k, v in reply.headers.items() if k in ("ETag", "Last-Modified")}, b"")
        web._log(RequestRecord(site.name, self.command, self.path, self.headers.get("User-Agent", ""),
                               reply.status, time.time()))
        if reply.delay:
            time.sleep(reply.delay)
        if reply.wire:
            self.close_connection = True
            try:
                _act_out(self, reply, send_body)
            except OSError:  # the crawler hung up: that is what these faults are for
                pass
            return
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server API)
        """Quiet: the request log is `TestWeb.requests`."""


def not_modified(reply: Reply, if_none_match: str | None, if_modified_since: str | None) -> bool:
    """Whether a 200 reply carrying validators (route `headers`: ETag, Last-Modified) is answered
    304 Not Modified to a conditional request: a matching ETag, or else the same Last-Modified
    (compared as strings, as many servers do)."""
    if reply.status != 200:
        return False
    etag, modified = reply.headers.get("ETag"), reply.headers.get("Last-Modified")
    if if_none_match is not None and etag is not None:
        return etag in (t.strip() for t in if_none_match.split(","))
    return if_modified_since is not None and modified is not None and if_modified_since == modified


WIRE_LIMIT_S = 60.0  # an endless or dripping reply stops on its own after this, even if nobody hangs up


def _act_out(handler: _Handler, reply: Reply, send_body: bool) -> None:
    """Send `reply` broken the way `reply.wire` says."""
    out, body = handler.wfile, reply.body
    if reply.wire == "no-headers":  # HTTP/0.9 style: the page with no status line or headers
        out.write(body)
        return
    if reply.wire == "garbage-status":
        out.write(b"HTTP/1.1 deux-cents OK\r\nContent-Type: text/html\r\n\r\n" + body)
        return
    handler.send_response(reply.status)
    for key, value in reply.headers.items():
        handler.send_header(key, value)
    if reply.wire == "huge-header":
        handler.send_header("X-Padding", "a" * 200_000)
    if reply.wire == "endless":
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"<p>" + b"encore " * 1000 + b"</p>\n"
        frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
        stop = time.monotonic() + WIRE_LIMIT_S
        while send_body and time.monotonic() < stop:
            out.write(frame)
        return
    if reply.wire == "bad-chunk":  # a chunked body whose second chunk-size line is no hex number
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        half = len(body) // 2
        if send_body:
            out.write(b"%x\r\n%s\r\nzz-pas-hexa\r\n%s\r\n0\r\n\r\n" % (half, body[:half], body[half:]))
        return
    if reply.wire == "length-over":  # promises more bytes than the whole body, then closes cleanly (FIN)
        handler.send_header("Content-Length", str(len(body) + 10_000))
        handler.end_headers()
        if send_body:
            out.write(body)
        return
    if reply.wire == "length-under":  # promises half the body, sends all of it on a kept-alive connection
        handler.send_header("Content-Length", str(len(body) // 2))
        handler.end_headers()
        if send_body:
            out.write(body)
            out.flush()
            time.sleep(1.0)  # the extra bytes sit on the connection while the client may reuse it
        return
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if not send_body:
        return
    if reply.wire == "reset":  # half the promised body, then a TCP reset
        out.write(body[: len(body) // 2])
        out.flush()
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
    elif reply.wire == "drip":  # one byte every 0.2 s: each read is quick, the whole never ends in time
        stop = time.monotonic() + WIRE_LIMIT_S
        for i in range(len(body)):
            if time.monotonic() > stop:
                return
            out.write(body[i:i + 1])
            out.flush()
            time.sleep(0.2)
    else:  # huge-header: the body itself is fine
        out.write(body)


class TestWeb:
    """Serve every site under `sites_root` (or only `names`) on its own loopback address.

    Use as a context manager: `with TestWeb(root) as web: web.base_urls["wpdaily"]`.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, sites_root: str | Path, names: list[str] | None = None, port: int = 0) -> None:
        self.root = Path(sites_root)
        all_names = sorted(p.name for p in self.root.iterdir() if (p / "files").is_dir())
        unknown = sorted(set(names or []) - set(all_names))
        if unknown:
            raise ValueError(f"no such test site(s) under {self.root}: {', '.join(unknown)}")
        self.names = list(names) if names else all_names
        self.port = port
        self.generation = 1
        self.base_urls: dict[str, str] = {}
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []
        self._log_lock = threading.Lock()
        self._requests: list[RequestRecord] = []

    # -- lifecycle -----------------------------------------------------------------
    def start(self) -> dict[str, str]:
        """Bind and serve every site; return {site name: base URL without trailing slash}."""
        for i, name in enumerate(self.names):
            site = SiteFiles(name, self.root / name)
            site.routes(self.generation)  # a broken routes.toml fails here, not in a request
            server = self._bind(f"127.0.0.{FIRST_HOST + i}", site)
            host, port = server.server_address[:2]
            self.base_urls[name] = f"http://{host}:{port}"
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"testweb-{name}", daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        return dict(self.base_urls)

    def _bind(self, host: str, site: SiteFiles) -> _SiteServer:
        try:
            return _SiteServer((host, self.port), self, site)
        except OSError:
            # Platforms without the whole 127/8 on loopback (macOS): share 127.0.0.1, ports differ.
            return _SiteServer(("127.0.0.1", 0), self, site)

    def stop(self) -> None:
        """Stop serving and release the sockets."""
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers, self._threads = [], []

    def __enter__(self) -> TestWeb:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- behaviour -----------------------------------------------------------------
    def set_generation(self, generation: int) -> None:
        """Serve generation `generation`: `<site>/vN/files` and `vN/routes.toml` overlay earlier ones."""
        if generation < 1:
            raise ValueError("generations start at 1")
        for server in self._servers:
            server.site.routes(generation)
        self.generation = generation

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of `path` on `site`."""
        return self.base_urls[site] + (path if path.startswith("/") else "/" + path)

    def site_of(self, url: str) -> str | None:
        """Name of the site serving `url`, or None."""
        netloc = urlsplit(url).netloc
        for name, base in self.base_urls.items():
            if urlsplit(base).netloc == netloc:
                return name
        return None

    def substitute(self, site: str, text: str) -> str:
        """Replace `{BASE}` by the site's base URL (for expected.json and the like)."""
        return text.replace("{BASE}", self.base_urls[site])

    # -- request log ---------------------------------------------------------------
    def _log(self, record: RequestRecord) -> None:
        with self._log_lock:
            self._requests.append(record)

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of the request log, oldest first."""
        with self._log_lock:
            return list(self._requests)

    def requested_paths(self, site: str) -> list[str]:
        """Paths (with query, percent-decoded) requested on `site`, in order."""
        return [unquote(r.path) for r in self.requests if r.site == site]

    def clear_log(self) -> None:
        """Forget every logged request."""
        with self._log_lock:
            self._requests.clear()

    # -- malinews sites file -------------------------------------------------------
    def write_sites_toml(self, path: str | Path, names: list[str] | None = None) -> Path:
        """Write a malinews sites file: `[sites.<name>]` with `url` plus keys of `<site>/site.toml`."""
        lines = ["# Generated by crawler.sampleweb.TestWeb for the sites it serves on loopback.", ""]
        for name in names or self.names:
            base = self.base_urls[name]
            lines += [f"[sites.{name}]", f"url = {_toml_str(base + '/')}"]
            extra = self.root / name / "site.toml"
            if extra.is_file():
                data = tomllib.loads(extra.read_text(encoding="utf-8").replace("{BASE}", base))
                for key, value in data.items():
                    if key != "url":
                        lines.append(f"{key} = {_toml_value(value)}")
            lines.append("")
        out = Path(path)
        out.write_text("\n".join(lines), encoding="utf-8")
        return out


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise ValueError(f"site.toml: unsupported value {value!r} (use strings, numbers, booleans, lists)")
