"""Offline after the first visit: service worker, web app manifest and icons (issue 5).

The browser tests run against their own server, which is shut down before the browser goes
offline: whatever the page shows then really came from the service worker's cache.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

import build_site
from formulier import vul_in
from sitebuild import layout, offline, wheel
from conftest import PHONE

GIDS = [url for url in build_site.CONTRACT_URLS if url != "/rekenhulp/"] + ["/bijlagen/", "/voor-coordinatoren/folder/"]
KLAAR = 60_000
OUDE_SNAPSHOTS = "rekenhulp-geheugen"  # the snapshot's cache before "rekenhulp-snapshot": sw.js removes it

SW_KLAAR = "async () => { const r = await navigator.serviceWorker.ready; return r.active.scriptURL; }"
SW_GEACTIVEERD = """async () => { const r = await navigator.serviceWorker.ready;
  for (let i = 0; i < 300 && r.active.state !== 'activated'; i++) await new Promise((k) => setTimeout(k, 100));
  return r.active.state === 'activated'; }"""
CACHES = "async () => { const uit = {}; for (const n of await caches.keys()) " \
         "uit[n] = (await (await caches.open(n)).keys()).map((r) => r.url); return uit; }"
WACHT_OP_CACHE = """async ([naam, aantal]) => {
  for (let i = 0; i < 600; i++) {
    const namen = await caches.keys();
    const gevonden = namen.filter((n) => n === naam || (naam.endsWith('-') && n.startsWith(naam)));
    if (gevonden.length) {
      const sleutels = await (await caches.open(gevonden[0])).keys();
      if (sleutels.length >= aantal) return sleutels.length;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return -1;
}"""


@contextmanager
def eigen_server(map_: Path):
    """A server of our own (so it can go away), serving whatever `map_` points to."""
    server = build_site.make_server(map_, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def sw_versie(site: Path) -> str:
    return re.search(r'const VERSIE = "([0-9a-f]+)"', (site / offline.SERVICE_WORKER).read_text()).group(1)


def lijst(site: Path, naam: str) -> list[str]:
    return json.loads(re.search(rf"const {naam} = (?:new Set\()?(\[.*?\])", (site / "sw.js").read_text()).group(1))


# ---------------------------------------------------------------- what the build writes

def test_manifest_and_icons(site_dir):
    manifest = json.loads((site_dir / offline.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    assert manifest["theme_color"].lower() == "#3f51b5" and manifest["lang"].startswith("nl")
    from PIL import Image
    maten = {}
    for icoon in manifest["icons"]:
        bestand = site_dir / icoon["src"]
        assert bestand.is_file(), icoon
        if icoon["type"] == "image/png":
            with Image.open(bestand) as beeld:
                maten[icoon["sizes"]] = beeld.size
    assert maten == {"192x192": (192, 192), "512x512": (512, 512)}
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest"' in html and 'name="theme-color"' in html and re.search(r"assets/offline\.[0-9a-f]{8}\.js", html)


def test_service_worker_stores_every_guide_page_but_not_the_runtime(site_dir):
    paginas = lijst(site_dir, "PAGINAS")
    for url in build_site.CONTRACT_URLS:
        assert url.lstrip("/") in paginas, url
    assert "search/search_index.json" in paginas and "manifest.webmanifest" in paginas
    # the calculator's worker and the loading steps it imports (laden.mjs)
    for naam in ("worker", "laden"):
        assert any(re.fullmatch(rf"assets/rekenhulp/{naam}\.[0-9a-f]{{8}}\.mjs", p) for p in paginas), naam
    assert all(f"assets/illustraties/{p.name}" in paginas for p in (site_dir / "assets/illustraties").glob("*.svg"))
    assert not any(p.startswith((build_site.RUNTIME_DIR, layout.WHEEL_DIR)) for p in paginas)
    assert all((site_dir / p).exists() for p in paginas)
    runtime = lijst(site_dir, "RUNTIME")
    assert {Path(p).name for p in runtime} >= {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.mjs",
                                               wheel.wheel_name()}


def test_new_build_has_a_new_cache_version(site_dir, tmp_path):
    from mkdocs.config import load_config
    kopie = tmp_path / "site"
    shutil.copytree(site_dir, kopie)
    assert sw_versie(kopie) == sw_versie(site_dir)
    pagina = kopie / "stappenplan" / "index.html"
    pagina.write_text(pagina.read_text(encoding="utf-8") + "<!-- nieuw -->", encoding="utf-8")
    offline.write_service_worker(kopie, load_config(str(build_site.ROOT / "mkdocs.yml")))
    assert sw_versie(kopie) != sw_versie(site_dir)


# ---------------------------------------------------------------- in the browser

def test_offline_after_the_first_visit(browser, site_dir, requests_seen):
    with eigen_server(site_dir) as (server, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        page.goto("/")
        assert page.evaluate(SW_KLAAR).endswith("/sw.js")
        assert page.evaluate(WACHT_OP_CACHE, ["gids-", len(lijst(site_dir, "PAGINAS"))]) > 0
        # the calculator, opened once online: once Python is ready the runtime is kept
        page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
        expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
        assert page.evaluate(WACHT_OP_CACHE, ["rekenhulp", len(lijst(site_dir, "RUNTIME"))]) > 0
    # the server is gone, the browser is offline and its HTTP cache empty: only the service worker is left
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)

    page.goto("/stappenplan/")
    for anker in build_site.CONTRACT_URLS["/stappenplan/"]:
        stap = page.locator(f"#{anker}")
        stap.scroll_into_view_if_needed()
        expect(stap).to_be_visible()
        expect(stap).not_to_be_empty()
    tekeningen = page.locator("img[src*='illustraties']")
    assert tekeningen.count() > 0
    for i in range(tekeningen.count()):
        tekeningen.nth(i).scroll_into_view_if_needed()
        expect(tekeningen.nth(i)).to_have_js_property("complete", True)
        assert tekeningen.nth(i).evaluate("img => img.naturalWidth") > 0
    for url in GIDS:
        page.goto(url)
        expect(page.locator("h1").first).to_be_visible()

    # and the calculator computes offline: a shared link, then a changed answer in the form
    page.goto("/rekenhulp/?opleiding=graduaat_bachelor&inschrijvingsgeld=800")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "500")
    vul_in(page, opleiding="nt2", inschrijvingsgeld="120")
    page.locator("#bereken").click()
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "120")
    expect(page.locator("#resultaat [data-veld='eigen_bijdrage']")).to_have_attribute("data-waarde", "0")
    context.close()


def test_a_new_build_replaces_the_old_cache(browser, site_dir, tmp_path, requests_seen):
    """The new service worker removes the old build's pages, and the snapshot cache's old name."""
    from mkdocs.config import load_config
    oud, nieuw, huidig = tmp_path / "oud", tmp_path / "nieuw", tmp_path / "huidig"
    shutil.copytree(site_dir, oud, ignore=shutil.ignore_patterns("pyodide", "calculator"))
    shutil.copytree(oud, nieuw)
    pagina = nieuw / "stappenplan" / "index.html"
    pagina.write_text(pagina.read_text(encoding="utf-8").replace("</h1>", " (nieuwe versie)</h1>", 1),
                      encoding="utf-8")
    offline.write_service_worker(nieuw, load_config(str(build_site.ROOT / "mkdocs.yml")))
    huidig.symlink_to(oud, target_is_directory=True)
    with eigen_server(huidig) as (server, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        page.goto("/stappenplan/")
        page.evaluate(SW_KLAAR)
        assert page.evaluate(WACHT_OP_CACHE, [f"gids-{sw_versie(oud)}", 10]) > 0
        assert page.evaluate(SW_GEACTIVEERD)
        # a returning visitor's snapshot, kept under the cache name it had before it was renamed
        page.evaluate(f"""async () => (await caches.open('{OUDE_SNAPSHOTS}'))
            .put('oud.bin', new Response(new Uint8Array(4096)))""")
        assert OUDE_SNAPSHOTS in page.evaluate("() => caches.keys()")
        huidig.unlink()
        huidig.symlink_to(nieuw, target_is_directory=True)  # the host now serves the new build
        page.goto("/stappenplan/")  # a navigation checks sw.js: the new worker installs
        assert page.evaluate(WACHT_OP_CACHE, [f"gids-{sw_versie(nieuw)}", 10]) > 0
        for _ in range(50):
            namen = page.evaluate("() => caches.keys()")  # only names: caches.open would make one again
            if f"gids-{sw_versie(oud)}" not in namen and OUDE_SNAPSHOTS not in namen:
                break
            page.wait_for_timeout(100)
        assert namen == [f"gids-{sw_versie(nieuw)}"] or sorted(namen) == sorted(
            [f"gids-{sw_versie(nieuw)}", "rekenhulp"]), namen
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)
    page.goto("/stappenplan/")
    expect(page.locator("h1").first).to_contain_text("nieuwe versie")
    context.close()


# ---------------------------------------------------------------- a returning visitor

BATCH = """async (invoeren) => Promise.all(invoeren.map(async (invoer) => {
  try { return await window.rekenhulp.bereken(invoer); }
  catch (e) { return { fout: String((e && e.message) || e) }; }
}))"""
SNAPSHOT_BEWAARD = """async () => { for (let i = 0; i < 300; i++) {
  if (await caches.has('rekenhulp-snapshot') && (await (await caches.open('rekenhulp-snapshot')).keys()).length) return true;
  await new Promise((r) => setTimeout(r, 100)); } return false; }"""


def hoe_gestart(page) -> str:
    worker = next(w for w in page.workers if re.search(r"/worker\.[0-9a-f]{8}\.mjs$", w.url))
    return worker.evaluate("() => self.rekenhulpStart")


def test_a_returning_visitor_starts_from_the_memory_snapshot(browser, base_url, requests_seen):
    """The second visit restores Python from the snapshot the first one kept, and answers every
    golden case exactly as native Python does."""
    from calculator import OngeldigeInvoer, bereken
    from golden import load_cases

    def native(invoer):
        try:
            return {"uitvoer": bereken(invoer)}
        except OngeldigeInvoer as e:
            return {"fouten": e.details}  # the worker sends the codes too (the page words them)

    context = browser.new_context(base_url=base_url, **PHONE)
    context.on("request", lambda req: requests_seen.append(req.url))
    page = context.new_page()
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    assert hoe_gestart(page) == "vers"
    assert page.evaluate(SNAPSHOT_BEWAARD)

    page.goto("/rekenhulp/?opleiding=graduaat_bachelor&inschrijvingsgeld=800")
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "500", timeout=KLAAR)
    assert hoe_gestart(page) == "snapshot"
    cases = load_cases()
    antwoorden = page.evaluate(BATCH, [c["invoer"] for c in cases])
    verschillen = [(c["name"], a) for c, a in zip(cases, antwoorden)
                   if json.dumps(a, sort_keys=True) != json.dumps(native(c["invoer"]), sort_keys=True)]
    assert not verschillen, verschillen[:3]

    # a snapshot that does not restore is forgotten, and Python starts the normal way
    page.evaluate("""async () => { const c = await caches.open('rekenhulp-snapshot');
        for (const k of await c.keys()) await c.put(k, new Response(new Blob([new Uint8Array(64)])
            .stream().pipeThrough(new CompressionStream('gzip')))); }""")
    page.goto("/rekenhulp/?opleiding=nt2&inschrijvingsgeld=100")
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "100", timeout=KLAAR)
    assert hoe_gestart(page) == "vers"
    context.close()
