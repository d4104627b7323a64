"""A static server that behaves like a production host, for the benchmark.

- brotli (quality 11) or gzip by Accept-Encoding, for every file that gets smaller by it
  (precompressed once and cached, as nginx's brotli_static/gzip_static would serve them);
- `Cache-Control: public, max-age=31536000, immutable` for content-hashed files (our runtime and
  wheel folders named after their hash, the theme's `bundle.<hash>.min.js`, and the bare Pyodide
  runtime, which is versioned like a CDN's), `no-cache` + ETag (304 answers) for the rest;
- the right MIME types (application/wasm, text/javascript for .mjs, the web app manifest);
- HTTP/1.1 keep-alive, as browsers expect of a real host.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

from .gewicht import brotli_bytes, comprimeerbaar, gzip_bytes

MIME = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".xml": "application/xml",
}
GEHASHT = re.compile(r"/[0-9a-f]{12}/|\.[0-9a-f]{8}(\.min)?\.(js|mjs|css)$")
LANG = "public, max-age=31536000, immutable"


def cache_control(pad: str, onveranderlijk: tuple[str, ...] = ()) -> str:
    if GEHASHT.search(pad) or pad.startswith(onveranderlijk):
        return LANG
    return "no-cache"


class _Bestanden:
    """Bytes, ETag and compressed forms of each file, read once per (path, mtime, size)."""

    def __init__(self):
        self._cache: dict[tuple, dict] = {}
        self._slot = threading.Lock()
        self.origin = ""  # set once the server has its port (sitebuild.server.same_origin_alternates)
        self.site_url = ""

    def lees(self, pad: Path) -> dict:
        st = pad.stat()
        sleutel = (str(pad), st.st_mtime_ns, st.st_size)
        with self._slot:
            if sleutel in self._cache:
                return self._cache[sleutel]
        data = pad.read_bytes()
        if pad.suffix == ".html" and self.origin:
            from sitebuild.server import same_origin_alternates
            data = same_origin_alternates(data, self.site_url, self.origin)
        item = {"data": data, "etag": '"' + hashlib.sha256(data).hexdigest()[:20] + '"'}
        if comprimeerbaar(pad):
            for codering, maak in (("br", brotli_bytes), ("gzip", gzip_bytes)):
                klein = maak(data)
                if len(klein) < len(data):
                    item[codering] = klein
        with self._slot:
            self._cache[sleutel] = item
        return item


class ProductieHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    koppelingen: list[tuple[str, Path]] = []   # (URL prefix, folder), longest prefix first
    onveranderlijk: tuple[str, ...] = ()
    bestanden = _Bestanden()
    niet_gevonden: Path | None = None

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def _zoek(self, pad: str) -> tuple[Path | None, str | None]:
        for prefix, map_ in self.koppelingen:
            if pad.startswith(prefix):
                rest = pad[len(prefix):]
                doel = (map_ / rest).resolve()
                if map_.resolve() not in doel.parents and doel != map_.resolve():
                    return None, None
                if doel.is_dir():
                    if not pad.endswith("/"):
                        return None, pad + "/"
                    doel = doel / "index.html"
                return (doel if doel.is_file() else None), None
        return None, None

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        pad = unquote(urlparse(self.path).path)
        bestand, doorsturen = self._zoek(pad)
        if doorsturen:
            self.send_response(301)
            self.send_header("Location", doorsturen)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if bestand is None:
            status, bestand = 404, self.niet_gevonden
            if bestand is None or not bestand.is_file():
                self.send_error(404)
                return
        item = self.bestanden.lees(bestand)
        if status == 200 and self.headers.get("If-None-Match") == item["etag"]:
            self.send_response(304)
            self.send_header("ETag", item["etag"])
            self.send_header("Cache-Control", cache_control(pad, self.onveranderlijk))
            self.end_headers()
            return
        aanvaard = {d.split(";")[0].strip().lower() for d in self.headers.get("Accept-Encoding", "").split(",")}
        codering = next((c for c in ("br", "gzip") if c in aanvaard and c in item), None)
        data = item[codering] if codering else item["data"]
        self.send_response(status)
        self.send_header("Content-Type", MIME.get(bestand.suffix.lower())
                         or mimetypes.guess_type(bestand.name)[0] or "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", cache_control(pad, self.onveranderlijk) if status == 200 else "no-cache")
        self.send_header("ETag", item["etag"])
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("X-Content-Type-Options", "nosniff")
        if codering:
            self.send_header("Content-Encoding", codering)
        self.end_headers()
        if body:
            self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a browser (or Lighthouse) closed a connection mid-file: normal, not worth a traceback
        super().handle_error(request, client_address)


def start_server(koppelingen: dict[str, Path], onveranderlijk: tuple[str, ...] = (),
                 niet_gevonden: Path | None = None) -> tuple[ThreadingHTTPServer, str]:
    """Serve {"/": site, "/kaal/": other folder}; returns (server, base URL)."""
    bestanden = _Bestanden()
    handler = type("Handler", (ProductieHandler,), {
        "koppelingen": sorted(koppelingen.items(), key=lambda kv: -len(kv[0])),
        "onveranderlijk": onveranderlijk,
        "niet_gevonden": niet_gevonden,
        "bestanden": bestanden,
    })
    server = _Server(("127.0.0.1", 0), handler)
    bestanden.origin = f"http://127.0.0.1:{server.server_address[1]}"
    if "/" in koppelingen:
        from sitebuild.server import built_site_url
        bestanden.site_url = built_site_url(koppelingen["/"])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def voorverwarm(mappen: list[Path], processen: int = 2) -> None:
    """Compress every file once beforehand (the wasm takes half a minute at quality 11)."""
    from concurrent.futures import ProcessPoolExecutor
    bestanden = sorted({p for m in mappen for p in m.rglob("*")
                        if p.is_file() and comprimeerbaar(p) and p.suffix != ".map"},
                       key=lambda p: -p.stat().st_size)
    with ProcessPoolExecutor(processen) as pool:
        list(pool.map(_comprimeer, bestanden, chunksize=4))


def _comprimeer(pad: Path) -> None:
    data = pad.read_bytes()
    brotli_bytes(data)
    gzip_bytes(data)
