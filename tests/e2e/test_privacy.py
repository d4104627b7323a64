"""Privacy: no cookies, no analytics, no request to anyone but our own server, on any page; the
participant's answers live only in the address of the page (the link they may choose to share),
never in storage, never in a request, never in a Referer sent to another site.

What the browser does keep, and why (the accessibility statement says so too):
- the theme (mkdocs-material) writes its colour scheme to localStorage under "/.__palette" on
  every visit, even without a click on the light/dark switch: only the scheme, no answers;
- the offline copy (service worker, Cache Storage) holds the site's own files, without any query.
"""

from __future__ import annotations

import http.server
import json
import threading
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

import build_site
from formulier import vul_in

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]
VELDEN = ("opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "aanvraag_geweigerd")
KLAAR = 30_000
THEMA_SLEUTELS = {"/.__palette"}  # the theme's colour scheme, see the module docstring

OPSLAG = """async () => ({
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  caches: 'caches' in self ? (await Promise.all((await caches.keys()).map(async (k) =>
    (await (await caches.open(k)).keys()).map((r) => r.url)))).flat() : [],
  cookie: document.cookie,
})"""


# Everything in Cache Storage (gzip'd entries unpacked), searched for the given texts. Waits up to
# 15 s for the calculator's memory snapshot, stored after 5 s without requests (worker.mjs).
SNAPSHOT = """async (teksten) => {
  const einde = Date.now() + 15000;
  while (Date.now() < einde && !(await caches.has('rekenhulp-snapshot')
         && (await (await caches.open('rekenhulp-snapshot')).keys()).length)) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const gevonden = [], bekeken = [];
  for (const naam of await caches.keys()) {
    const cache = await caches.open(naam);
    for (const verzoek of await cache.keys()) {
      let antwoord = await cache.match(verzoek);
      let bytes = new Uint8Array(await antwoord.arrayBuffer());
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        const uit = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        bytes = new Uint8Array(await new Response(uit).arrayBuffer());
      }
      const tekst = new TextDecoder('latin1').decode(bytes);
      bekeken.push([verzoek.url.split('/').pop(), bytes.length]);
      for (const t of teksten) if (tekst.includes(t)) gevonden.push([verzoek.url, t]);
    }
  }
  return {gevonden, bekeken};
}"""


def _context(browser, base_url, requests_seen, opgenomen):
    context = browser.new_context(base_url=base_url, locale="nl-BE")

    def neem_op(req):
        requests_seen.append(req.url)
        opgenomen.append({"url": req.url, "methode": req.method, "body": req.post_data or "",
                          "soort": req.resource_type})

    context.on("request", neem_op)
    return context


def _controleer_opslag(page, base_url, verboden=()):
    opslag = page.evaluate(OPSLAG)
    assert opslag["cookie"] == ""
    assert opslag["session"] == {}, opslag["session"]
    assert opslag["idb"] == [], opslag["idb"]
    assert set(opslag["local"]) <= THEMA_SLEUTELS, f"stored by someone: {set(opslag['local']) - THEMA_SLEUTELS}"
    for waarde in opslag["local"].values():
        assert set(json.loads(waarde)) <= {"index", "color"}, waarde  # only the colour scheme
    for url in opslag["caches"]:
        assert url.startswith(base_url), url
        assert not any(f"{veld}=" in url for veld in VELDEN), f"answers in the offline copy: {url}"
    alles = json.dumps(opslag, ensure_ascii=False)
    for tekst in verboden:
        assert tekst not in alles, f"{tekst!r} was stored"


def test_every_request_of_every_page_goes_to_our_server(browser, base_url, requests_seen, controles):
    """Record every request of every page (and of the calculator's worker, the search, the offline
    copy): all go to the local server, none is a POST or a beacon. Afterwards: no cookie, and
    nothing stored but the theme's colour scheme and the offline copy."""
    opgenomen: list[dict] = []
    context = _context(browser, base_url, requests_seen, opgenomen)
    page = context.new_page()
    for url in PAGES:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.goto("/rekenhulp/?opleiding=nt2&inschrijvingsgeld=123,45")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
    page.goto("/")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Edenred", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.wait_for_load_state("networkidle")
    _controleer_opslag(page, base_url, verboden=["123,45", "123.45"])
    assert context.cookies() == []
    context.close()

    assert len(opgenomen) >= len(PAGES) * 3, len(opgenomen)
    vreemd = [r["url"] for r in opgenomen if not r["url"].startswith((base_url + "/", "data:", "blob:"))]
    assert not vreemd, f"{len(vreemd)} requests left our server: {vreemd[:5]}"
    assert {r["methode"] for r in opgenomen} <= {"GET", "HEAD"}, {r["methode"] for r in opgenomen}
    assert not [r for r in opgenomen if r["soort"] in ("ping", "beacon")]
    controles["privacy_paginas"] += len(PAGES) + 1
    controles["privacy_verzoeken"] += len(opgenomen)
    print(f"\n{len(opgenomen)} requests on {len(PAGES) + 1} pages, all to {base_url}")


def test_answers_stay_in_the_address_only(browser, base_url, requests_seen):
    """Typed answers appear in the page's own address (the link to share) and nowhere else: not in
    a request, not in storage, not remembered by a fresh visit."""
    opgenomen: list[dict] = []
    context = _context(browser, base_url, requests_seen, opgenomen)
    page = context.new_page()
    page.goto("/rekenhulp/")
    page.evaluate("() => window.rekenhulp.klaar")
    gezien_voor = len(opgenomen)
    vul_in(page, opleiding="knelpunt", inschrijvingsgeld="4.321,09", al_aangevraagd="87,65",
           aanvaardt_cheques="nee")
    page.click("#bereken")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)

    adres = urlparse(page.url)
    assert "inschrijvingsgeld=4.321,09" in adres.query and "al_aangevraagd=87,65" in adres.query
    na = opgenomen[gezien_voor:]
    for r in na:
        for tekst in ("4.321", "4321", "87,65", "87.65", "knelpunt"):
            assert tekst not in r["url"] and tekst not in r["body"], f"answer {tekst!r} sent in {r}"
    _controleer_opslag(page, base_url, verboden=["4.321", "87,65", "knelpunt"])
    # The calculator may keep a memory snapshot of Python on the device (a faster next start):
    # it must be of Python before anyone's input, so the typed answers are not in its bytes.
    inhoud = page.evaluate(SNAPSHOT, ["4.321,09", "87,65"])
    assert not inhoud["gevonden"], f"answers stored on the device: {inhoud}"

    vers = context.new_page()  # same browser profile, plain address: nothing remembered
    vers.goto("/rekenhulp/")
    vers.evaluate("() => window.rekenhulp.klaar")
    expect(vers.locator("#inschrijvingsgeld")).to_have_value("")
    expect(vers.locator("#al_aangevraagd")).to_have_value("")
    expect(vers.locator("#opleiding-knelpunt")).not_to_be_checked()
    expect(vers.locator("#resultaat")).to_be_empty()
    context.close()


@pytest.fixture
def andere_site():
    """A second local server on another port: another origin, like a link to an outside site.
    It records the Referer it receives."""
    ontvangen: list[str | None] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the base class's name
            ontvangen.append(self.headers.get("Referer"))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>elders</title><p>elders</p>")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", ontvangen
    server.shutdown()
    server.server_close()


def test_a_link_to_another_site_does_not_carry_the_answers(warme_desktop, andere_site, base_url):
    """The address holds the answers; a click to another site sends at most our origin as Referer.
    (What is sent, not what is stored: a page of the warm context will do, see conftest.py.)"""
    page = warme_desktop
    elders, ontvangen = andere_site
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=555")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
    page.evaluate("""(href) => { const a = document.createElement('a'); a.href = href; a.id = 'naar-elders';
        a.textContent = 'elders'; document.querySelector('article').append(a); }""", elders)
    page.click("#naar-elders")
    page.wait_for_url(elders)
    assert ontvangen, "the other site was not reached"
    for referer in ontvangen:  # nothing, or our origin alone (compared whole: a port may hold "555")
        assert referer is None or referer == base_url.rstrip("/") + "/", referer
