"""A small static server for `make serve` and the tests (the benchmark has a production-like one)."""

from __future__ import annotations

import functools
import http.server
import os
import sys
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the MIME types Pyodide needs (wasm, module scripts)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        if os.environ.get("SERVE_LOG"):
            super().log_message(format, *args)

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """An unknown address gets the site's own 404.html, as a static host does (nginx's
        `error_page 404 /404.html`, GitHub Pages); directories without their slash are still
        redirected by the base class, before it gets here."""
        pagina = Path(self.directory) / "404.html"
        if code != 404 or not pagina.is_file():
            return super().send_error(code, message, explain)
        inhoud = pagina.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhoud)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the browser went away mid-answer (a closed tab, a service worker stopped)
        super().handle_error(request, client_address)


def make_server(site: Path, port: int = 8000, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(StaticHandler, directory=str(site))
    server = _Server((host, port), handler)
    server.daemon_threads = True
    return server
