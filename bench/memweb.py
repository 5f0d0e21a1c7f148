"""A minimal in-memory HTTP/1.1 server for benchmarks: pre-rendered bodies, almost no CPU per request."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TYPES = {".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # like real servers: headers and body leave at once (no 40 ms delayed-ACK stall)
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        found = self.server.pages.get(self.path.split("?", 1)[0])
        status, ctype, body = (200, *found) if found else (404, "text/html; charset=utf-8", b"<h1>404</h1>")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.count += 1

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, tuple[str, bytes]]
    count: int = 0


class MemWeb:
    """Serve `<root>/files/**` (with `{BASE}` substituted once, at start) on 127.0.0.1; use as a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        files = self.root / "files"
        self.server.pages = {}
        for path in files.rglob("*"):
            if path.is_file():
                rel = "/" + str(path.relative_to(files))
                body = path.read_text(encoding="utf-8").replace("{BASE}", self.base).encode()
                ctype = TYPES.get(path.suffix, "application/octet-stream")
                self.server.pages[rel] = (ctype, body)
                if rel.endswith("/index.html"):
                    self.server.pages[rel[: -len("index.html")]] = (ctype, body)
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def requests(self) -> int:
        """Requests answered so far."""
        return self.server.count

    def __enter__(self) -> MemWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
