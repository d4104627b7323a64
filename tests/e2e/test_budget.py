"""Page-weight budgets, in bytes as a production host sends them (brotli, quality 11).

A real first visit in Chromium (phone size, empty cache, service worker blocked so that only
the page itself counts) records every request; each is the brotli size of its file in site/.
  - every guide page: everything it requests except lazy images <= 80 kB (goal 60 kB);
  - the calculator: everything up to its first answer <= 3.5 MB (goal 3.2 MB).
The numbers are printed at the end of the run and written, untracked, to
.pytest_cache/d/budget/budget.json; `make bench` runs this module with
BUDGET_VERSLAG=benchmarks/budget.json to update the committed record (tests never write
tracked files).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

import build_site
from sitebuild.talen import other_codes
from benchmarks.gewicht import bestand_voor, kb, mb, verzonden
from conftest import PHONE  # lazy images and the first viewport depend on the phone

# the two pages that run Python (the calculator, the coordinators' list check) have the calculator's budget
CONTROLE_URL = "/voor-coordinatoren/controle/"
GIDS_NL = [url for url in build_site.CONTRACT_URLS if url not in ("/rekenhulp/", CONTROLE_URL)] + [
    "/bijlagen/", "/voor-coordinatoren/folder/"]
# every language's pages hold the same budget (issue 14): a translation is its own first visit
GIDS = GIDS_NL + [f"/{taal}{url}" for taal in other_codes() for url in GIDS_NL]
PAGINA_BUDGET, PAGINA_DOEL = 80_000, 60_000
REKENHULP_BUDGET, REKENHULP_DOEL = 3_500_000, 3_200_000
REKENHULP_URL = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"
VERSLAG_ENV = "BUDGET_VERSLAG"  # where the numbers go; default: pytest's own cache folder

LUIE_BEELDEN = """() => [...document.querySelectorAll('img[loading=lazy]')]
    .map((img) => new URL(img.currentSrc || img.src, location.href).href)"""


class _Verslag:
    """Collects the measurements; at the end of the session writes them to `pad` and hands their lines
    to the run's summary (tests/conftest.py prints it, also when a parallel worker ran this module)."""

    def __init__(self, pad: Path, secties: dict):
        self.pad = pad
        self.secties = secties
        self.paginas: dict[str, dict] = {}
        self.rekenhulp: dict | None = None

    def pytest_sessionfinish(self):  # not the terminal summary: a worker sends its summaries before that
        if not self.paginas and not self.rekenhulp:
            return
        regels = []
        for url, m in self.paginas.items():
            teken = "ok" if m["bytes"] <= PAGINA_DOEL else ("budget" if m["bytes"] <= PAGINA_BUDGET else "OVER")
            regels.append(f"  {url:32} {kb(m['bytes']):>10} in {m['verzoeken']:2} requests "
                          f"(+ lazy images {kb(m['lui'])})  [{teken}]")
        if self.rekenhulp:
            m = self.rekenhulp
            regels.append(f"  {'/rekenhulp/ to first answer':32} {mb(m['bytes']):>10} in "
                          f"{m['verzoeken']:2} requests (budget {mb(REKENHULP_BUDGET)}, goal {mb(REKENHULP_DOEL)})")
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        self.pad.write_text(json.dumps({
            "eenheid": "bytes, brotli quality 11, first visit without service worker",
            "paginas": self.paginas, "rekenhulp": self.rekenhulp}, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8")
        regels.append(f"  written to {self.pad}")
        self.secties["page weight (brotli 11, first visit)"] = regels


@pytest.fixture(scope="module")
def verslag(request, samenvatting):
    gekozen = os.environ.get(VERSLAG_ENV)
    pad = Path(gekozen).resolve() if gekozen else request.config.cache.mkdir("budget") / "budget.json"
    plugin = _Verslag(pad, samenvatting("secties"))
    request.config.pluginmanager.register(plugin, "budget-verslag")
    return plugin


def eerste_bezoek(browser, base_url, site_dir, url, klaar=None) -> dict:
    """One first visit: {bytes, verzoeken, lui, bestanden: {path: bytes}}."""
    context = browser.new_context(base_url=base_url, service_workers="block", **PHONE)
    gezien: list[str] = []
    context.on("request", lambda req: gezien.append(req.url))
    page = context.new_page()
    page.goto(url)
    if klaar:
        klaar(page)
        verzoeken = list(dict.fromkeys(gezien))
    else:
        page.wait_for_load_state("networkidle")  # the search worker has fetched its index
        verzoeken = list(dict.fromkeys(gezien))
    lui = set(page.evaluate(LUIE_BEELDEN))
    context.close()

    vreemd = [u for u in verzoeken if urlparse(u).scheme in ("http", "https")
              and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert not vreemd, f"{url}: requests to another origin: {vreemd}"
    bestanden, luie_bytes = {}, 0
    for verzoek in verzoeken:
        if urlparse(verzoek).scheme not in ("http", "https"):
            continue  # data: URLs travel inside their page
        bestand = bestand_voor(site_dir, verzoek)
        assert bestand is not None, f"{url}: {verzoek} is not a file of the site"
        if verzoek in lui:
            luie_bytes += verzonden(bestand)
            continue
        bestanden[bestand.relative_to(site_dir).as_posix()] = verzonden(bestand)
    return {"bytes": sum(bestanden.values()), "verzoeken": len(bestanden), "lui": luie_bytes,
            "bestanden": bestanden}


@pytest.mark.parametrize("url", GIDS)
def test_guide_page_first_visit_within_budget(browser, base_url, site_dir, verslag, url):
    meting = eerste_bezoek(browser, base_url, site_dir, url)
    verslag.paginas[url] = meting
    grootste = sorted(meting["bestanden"].items(), key=lambda kv: -kv[1])[:6]
    assert meting["bytes"] <= PAGINA_BUDGET, f"{url}: {kb(meting['bytes'])} > {kb(PAGINA_BUDGET)}: {grootste}"
    assert not any(pad.startswith(build_site.RUNTIME_DIR) for pad in meting["bestanden"]), \
        "a guide page must not load the Python runtime"


@pytest.mark.parametrize("taal", ["nl", *other_codes()])
def test_calculator_transfer_to_first_answer_within_budget(browser, base_url, site_dir, verslag, taal):
    def eerste_antwoord(page):
        expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=60_000)

    url = REKENHULP_URL if taal == "nl" else f"/{taal}{REKENHULP_URL}"
    meting = eerste_bezoek(browser, base_url, site_dir, url, klaar=eerste_antwoord)
    if taal == "nl":
        verslag.rekenhulp = meting
    assert any(pad.endswith("pyodide.asm.wasm") for pad in meting["bestanden"])
    grootste = sorted(meting["bestanden"].items(), key=lambda kv: -kv[1])[:6]
    assert meting["bytes"] <= REKENHULP_BUDGET, f"{mb(meting['bytes'])} > {mb(REKENHULP_BUDGET)}: {grootste}"


@pytest.mark.parametrize("taal", ["nl", *other_codes()])
def test_list_check_transfer_until_ready_within_budget(browser, base_url, site_dir, taal):
    """The list check starts Python as the page opens (a coordinator's file is answered at once):
    the calculator's runtime and wheel plus its own small extra standard library, nothing more."""
    def klaar(page):
        expect(page.locator("#controle-vak")).to_have_attribute("data-toestand", "klaar", timeout=60_000)

    url = CONTROLE_URL if taal == "nl" else f"/{taal}{CONTROLE_URL}"
    meting = eerste_bezoek(browser, base_url, site_dir, url, klaar=klaar)
    assert any(pad.endswith("python_stdlib_lijst.zip") for pad in meting["bestanden"]), meting["bestanden"]
    grootste = sorted(meting["bestanden"].items(), key=lambda kv: -kv[1])[:6]
    assert meting["bytes"] <= REKENHULP_BUDGET, f"{mb(meting['bytes'])} > {mb(REKENHULP_BUDGET)}: {grootste}"
