"""One build per page view (issue 12, item 6): our own CSS and JS carry a content hash in their
names, as the theme's do, so a cached file can never belong to another build than its page; and
a page comes from the network when it comes within about 3 s, else from the service worker's copy.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

from sitebuild.assets import OWN_ASSETS
from sitebuild.server import StaticHandler
from test_offline import PHONE, SW_KLAAR, WACHT_OP_CACHE, lijst

GEHASHT = re.compile(r"^(?P<stam>[\w-]+)\.(?P<hash>[0-9a-f]{8})\.(?:css|js|mjs)$")


def eigen_bestanden(site: Path) -> list[Path]:
    uit = []
    for naam in OWN_ASSETS:
        pad = site / naam
        if naam.endswith((".css", ".js")):
            uit += list(pad.parent.glob(f"{Path(naam).stem}.*{Path(naam).suffix}"))
        else:
            uit += [p for p in pad.iterdir() if p.suffix in (".css", ".js", ".mjs")]
    return uit


def test_our_css_and_js_are_named_after_their_content(site_dir):
    bestanden = eigen_bestanden(site_dir)
    assert len(bestanden) >= 9  # stijl, offline, coordinatoren + the calculator's six
    for pad in bestanden:
        m = GEHASHT.match(pad.name)
        assert m, f"{pad.relative_to(site_dir)} has no content hash in its name"
        assert hashlib.sha256(pad.read_bytes()).hexdigest()[:8] == m.group("hash"), pad.name
    for naam in OWN_ASSETS:
        if naam.endswith((".css", ".js")):
            assert not (site_dir / naam).exists(), f"{naam} is still there under its plain name"


def test_every_reference_to_our_files_resolves(site_dir):
    gevonden = 0
    for html in site_dir.rglob("*.html"):
        for ref in re.findall(r"""(?:href|src)=["']([^"'#?]+\.(?:css|m?js))["']""", html.read_text(encoding="utf-8")):
            if "://" in ref:
                continue
            doel = (site_dir / ref.lstrip("/")) if ref.startswith("/") else (html.parent / ref).resolve()
            assert doel.is_file(), f"{html.relative_to(site_dir)} -> {ref}"
            gevonden += 1
    for script in (site_dir / "assets" / "rekenhulp").glob("*.*js"):
        for ref in re.findall(r"""["']\./([\w.-]+\.m?js)["']""", script.read_text(encoding="utf-8")):
            assert (script.parent / ref).is_file(), f"{script.name} -> {ref}"
            assert GEHASHT.match(ref), ref
            gevonden += 1
    assert gevonden > 50


@contextmanager
def traag_server(site: Path):
    """Our static server, but the paths in `traag` take 8 s to answer (a crawling connection)."""
    traag: set[str] = set()

    class Handler(StaticHandler):
        def do_GET(self):
            if self.path.split("?")[0] in traag:
                time.sleep(8)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield traag, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_that_does_not_come_within_3_s_comes_from_the_stored_copy(browser, site_dir, requests_seen):
    with traag_server(site_dir) as (traag, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        page.goto("/")
        assert page.evaluate(SW_KLAAR).endswith("/sw.js")
        assert page.evaluate(WACHT_OP_CACHE, ["gids-", len(lijst(site_dir, "PAGINAS"))]) > 0
        traag.add("/stappenplan/")
        begin = time.monotonic()
        # a new address (the query), so the browser's own HTTP cache cannot answer it
        page.goto("/stappenplan/?bron=qr#stap-3", wait_until="domcontentloaded")
        expect(page.locator("#stap-3")).to_be_visible()
        duur = time.monotonic() - begin
        assert 2.5 < duur < 6.5, duur  # the copy after ~3 s, not the 8 s the network takes
        # a page that answers quickly still comes from the network (the rules may have changed)
        begin = time.monotonic()
        page.goto("/waar-heb-ik-recht-op/")
        expect(page.locator("h1")).to_be_visible()
        assert time.monotonic() - begin < 2.5
        context.close()
