"""A small static server for `make serve` and the tests (the benchmark has a production-like one)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import sys
from pathlib import Path

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def built_site_url(site: Path) -> str:
    """The site_url the site was built with (its start page's canonical link)."""
    try:
        m = re.search(r'<link rel="canonical" href="([^"]+)"', (Path(site) / "index.html").read_text(encoding="utf-8"))
    except OSError:
        m = None
    return m.group(1) if m else (os.environ.get("SITE_URL") or DEFAULT_SITE_URL)


def same_origin_alternates(html: bytes, site_url: str, origin: str) -> bytes:
    """The language alternates (<link rel="alternate" hreflang>, absolute from site_url, as search
    engines want them) pointed at the origin that serves the page. The theme's script fetches a
    sitemap next to each alternate: served at another address than site_url (the tests and the
    benchmark use a free port), that fetch would leave the origin and break the CSP. On the real
    site, and with `make serve` (port 8000), site_url is the origin and nothing changes."""
    basis = site_url.rstrip("/") + "/"
    eigen = origin.rstrip("/") + "/"
    if basis == eigen:
        return html
    patroon = re.compile(rb'(<link rel="alternate" hreflang="[^"]+" href=")' + re.escape(basis.encode()))
    return patroon.sub(lambda m: m.group(1) + eigen.encode(), html)

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

    site_url = DEFAULT_SITE_URL

    def do_GET(self):
        pad = Path(self.translate_path(self.path))
        if self.path.split("?")[0].endswith("/") and (pad / "index.html").is_file():
            pad = pad / "index.html"
        if pad.suffix != ".html" or not pad.is_file():
            return super().do_GET()
        host, port = self.server.server_address[:2]
        inhoud = same_origin_alternates(pad.read_bytes(), self.site_url, f"http://{host}:{port}")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.send_header("Last-Modified", self.date_time_string(int(pad.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(inhoud)

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
        eerste = self.path.lstrip("/").split("/", 1)[0]
        if eerste and (Path(self.directory) / eerste / "404.html").is_file():
            pagina = Path(self.directory) / eerste / "404.html"  # a language's own (/en/404.html)
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


def make_server(site: Path, port: int = 8000, host: str = "127.0.0.1",
                site_url: str | None = None) -> http.server.ThreadingHTTPServer:
    handler_class = type("SiteHandler", (StaticHandler,),
                         {"site_url": site_url or built_site_url(site)})
    handler = functools.partial(handler_class, directory=str(site))
    server = _Server((host, port), handler)
    server.daemon_threads = True
    return server
