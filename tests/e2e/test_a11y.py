"""axe-core (pinned in package.json) on every built page, at phone and desktop size, in the light
and the dark scheme, with the rekenhulp empty, with a result and with errors, and with the phone
menu and the search open: zero violations of the WCAG 2.0/2.1 A and AA rules (and 2.2's target
size), and of axe's best-practice rules (one theme exception below, with its reason).

axe runs under the page's real Content-Security-Policy: its source is evaluated through the
DevTools protocol (page.evaluate), which the policy does not govern, so no `bypass_csp` is needed
and the page is checked exactly as it is served. One browser context per screen size; the
calculator loads Python once per context.

Both schemes in one page state: every rule runs in the light scheme; then the page switches to
dark with the theme's own palette switch (and the dark media query), and what the scheme can
change is checked again: the colour rules on the whole page, every rule on the switch itself
(its other button shows). That is enough only if nothing else changed: the position, size,
display, visibility, opacity and overflow of every other element are compared between the two
schemes, and where anything differs every rule runs in dark too.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

import build_site
from formulier import kies, vul_in

ROOT = Path(build_site.__file__).resolve().parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]
# WCAG 2.0 and 2.1, A and AA; plus 2.2 AA for target size (2.5.8: at least 24 x 24 px).
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHERMEN = {"360x780": {"width": 360, "height": 780}, "1280x800": {"width": 1280, "height": 800}}
THEMAS = {"licht": "light", "donker": "dark"}
KLAAR = 30_000  # ms for Python to boot in the worker

# Theme markup we cannot change without copying one of its partials: rule -> exact selector.
# (none left: the search overlay's dialog gets its name from overrides/main.html since issue 12)
UITZONDERINGEN: dict[str, set[str]] = {}

# Our own checks next to axe's: ids are unique, headings in the article never skip a level.
EIGEN = """() => {
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const dubbel = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const niveaus = [...document.querySelectorAll('article :is(h1,h2,h3,h4,h5,h6)')]
    .filter((h) => h.getClientRects().length)
    .map((h) => Number(h.tagName[1]));
  const sprongen = niveaus.flatMap((n, i) => (i && n > niveaus[i - 1] + 1 ? [`h${niveaus[i - 1]} -> h${n}`] : []));
  return {dubbel, sprongen, eersteKop: niveaus[0] ?? null};
}"""

# The rules whose outcome depends on colours (axe 4.x): text contrast, and links told apart from
# the text around them by colour alone.
KLEURREGELS = ["color-contrast", "link-in-text-block"]
PALET = "form[data-md-component='palette']"  # the theme's light/dark switch: its visible button changes

RUN_IN = """async ({waar, regels, tags}) => {
  const r = await axe.run(waar ?? document, {
    runOnly: regels ? {type: 'rule', values: regels} : {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return {versie: r.testEngine.version, schendingen: r.violations.map((v) => ({
    id: v.id, impact: v.impact, tags: v.tags, help: v.help,
    nodes: v.nodes.map((n) => ({doel: n.target.join(' '), waarom: n.failureSummary})),
  }))};
}"""

# What could change an axe outcome other than colour: every element's box, display, visibility,
# opacity and overflow (the palette switch left out: it is checked whole in both schemes).
VINGERAFDRUK = """(palet) => {
  const uitgezonderd = document.querySelector(palet);
  return [...document.querySelectorAll('body, body *')].filter((e) => !uitgezonderd || !uitgezonderd.contains(e))
    .map((e) => { const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
      return [e.tagName, e.id, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
              cs.display, cs.visibility, cs.opacity, cs.overflowX, cs.overflowY, e.scrollWidth, e.scrollHeight].join(' '); });
}"""

RUST = """() => Promise.race([
  Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
  new Promise((klaar) => setTimeout(klaar, 2000)),
])"""


@pytest.fixture(scope="module")
def axe_bron() -> str:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core ontbreekt: voer `npm ci` uit (of `make test`).")
    return AXE.read_text(encoding="utf-8")


ZET_THEMA = """async (schema) => {
  const keuze = document.querySelector(`input.md-option[data-md-color-scheme='${schema}']`);
  keuze.click();
  for (let i = 0; i < 200 && document.body.dataset.mdColorScheme !== schema; i++)
    await new Promise((r) => requestAnimationFrame(r));
  await Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
                      new Promise((r) => setTimeout(r, 2000))]);
  return document.body.dataset.mdColorScheme;
}"""


def zet_thema(page, thema: str) -> None:
    """Switch the page to the light or dark scheme as a visitor does (the theme's palette switch,
    with the matching media query), and wait until the theme applied it."""
    page.emulate_media(color_scheme=THEMAS[thema])
    schema = "slate" if thema == "donker" else "default"
    assert page.evaluate(ZET_THEMA, schema) == schema, f"the theme did not switch to {thema}"


class Controle:
    """Runs axe and our own checks on one page state, in the light and the dark scheme, and keeps
    every problem found. The page starts in the light scheme and is left in it."""

    def __init__(self, page, axe_bron, scherm, controles):
        self.page, self.axe_bron, self.scherm = page, axe_bron, scherm
        self.controles = controles
        self.problemen: list[str] = []
        self.best_practice: Counter = Counter()

    def __call__(self, naam: str, toestand: str | None = None) -> None:
        page = self.page
        page.evaluate(RUST)
        if page.evaluate("typeof window.axe") == "undefined":
            page.evaluate(self.axe_bron)
        licht = page.evaluate(VINGERAFDRUK, PALET)
        self._axe(naam, "licht", [{"tags": WCAG + ["best-practice"]}])
        zet_thema(page, "donker")
        try:
            if page.evaluate(VINGERAFDRUK, PALET) == licht:
                self._axe(naam, "donker", [{"regels": KLEURREGELS},
                                           {"waar": PALET, "tags": WCAG + ["best-practice"]}])
            else:  # more than colour changed: every rule again
                self.controles["axe_donker_volledig"] += 1
                self._axe(naam, "donker", [{"tags": WCAG + ["best-practice"]}])
        finally:
            zet_thema(page, "licht")
        c = self.controles
        c["axe_paginas"].add(naam.split("?")[0].split(" ")[0])
        c["axe_viewports"].add(self.scherm)
        if toestand:
            c["axe_toestanden"].add(toestand)

    def _axe(self, naam: str, thema: str, runs: list[dict]) -> None:
        page, waar = self.page, f"[{self.scherm} {thema}] {naam}"
        for run in runs:
            resultaat = page.evaluate(RUN_IN, {"waar": None, "regels": None, "tags": None, **run})
            assert resultaat["versie"].startswith("4."), resultaat["versie"]
            for v in resultaat["schendingen"]:
                nodes = [n for n in v["nodes"] if n["doel"] not in UITZONDERINGEN.get(v["id"], set())]
                if len(nodes) < len(v["nodes"]):
                    uit = self.controles["axe_uitgezonderd"]
                    uit[v["id"]] = uit.get(v["id"], 0) + len(v["nodes"]) - len(nodes)
                if not nodes:
                    continue
                wcag = bool(set(v["tags"]) & set(WCAG))
                if not wcag:
                    self.best_practice[v["id"]] += len(nodes)
                self.problemen.append(
                    f"{waar}: {v['id']} ({v['impact']}, "
                    f"{'WCAG' if wcag else 'best-practice'}) {v['help']}: "
                    + "; ".join(f"{n['doel']} -> {n['waarom']}" for n in nodes[:3])
                    + (f" (+{len(nodes) - 3})" if len(nodes) > 3 else ""))
        eigen = page.evaluate(EIGEN)
        if eigen["dubbel"]:
            self.problemen.append(f"{waar}: dubbele id's {eigen['dubbel']}")
        if eigen["sprongen"]:
            self.problemen.append(f"{waar}: koppen slaan een niveau over {eigen['sprongen']}")
        if eigen["eersteKop"] != 1:
            self.problemen.append(f"{waar}: de eerste kop is geen h1")
        self.controles["axe_runs"] += 1
        self.controles["axe_thema_s"].add(thema)

    def meld(self) -> None:
        """Adds this check's counts to the end-of-run summary."""
        c = self.controles
        c["axe_wcag_fouten"] += sum(1 for p in self.problemen if ", WCAG)" in p)
        for regel, aantal in self.best_practice.items():
            c["axe_best_practice"][regel] = c["axe_best_practice"].get(regel, 0) + aantal


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_axe_finds_nothing(browser, base_url, requests_seen, axe_bron, controles, scherm):
    # reduced motion: axe must see end states, not the header's title half-way through its fade
    context = browser.new_context(base_url=base_url, locale="nl-BE", viewport=SCHERMEN[scherm],
                                  color_scheme="light", reduced_motion="reduce")
    context.on("request", lambda req: requests_seen.append(req.url))
    page = context.new_page()
    controle = Controle(page, axe_bron, scherm, controles)
    try:
        for url in PAGES:
            page.goto(url)
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
            if url == "/rekenhulp/":
                _rekenhulp(page, controle)
            else:
                controle(url)
            _uitleg_open(page, controle, url)
        _menu_en_zoeken(page, controle, scherm)
    finally:
        context.close()
    controle.meld()
    assert not controle.problemen, "\n".join(controle.problemen)


def _uitleg_open(page, controle, url):
    """Every hard word's explanation open at once (issue 13): axe must find nothing then too."""
    knoppen = page.locator("article button.begrip[aria-expanded='false']")
    if not knoppen.count():
        return
    page.evaluate("() => document.querySelectorAll('article button.begrip').forEach((b) => b.click())")
    expect(page.locator("article button.begrip[aria-expanded='false']")).to_have_count(0)
    controle(f"{url} (uitleg open)", "uitleg open")


def _rekenhulp(page, controle):
    """The calculator in its three states: empty (Python ready), with a result, with errors."""
    page.evaluate("() => window.rekenhulp.klaar")
    expect(page.locator("#rekenhulp-formulier")).to_be_visible()
    controle("/rekenhulp/ (leeg)", "leeg")

    vul_in(page, opleiding="graduaat_bachelor", inschrijvingsgeld="700", al_aangevraagd="100",
           aanvaardt_cheques="nee")
    page.click("#bereken")
    expect(page.locator("#resultaat[data-route='volledige_terugbetaling']")).to_be_attached(timeout=KLAAR)
    controle("/rekenhulp/ (resultaat, volledige terugbetaling)", "resultaat")
    kies(page, "aanvaardt_cheques", "ja")
    page.click("#bereken")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    controle("/rekenhulp/ (resultaat, cheques)", "resultaat")

    page.evaluate("() => document.querySelectorAll('input[name=opleiding]').forEach((r) => { r.checked = false; })")
    vul_in(page, inschrijvingsgeld="veel geld", al_aangevraagd="-5")
    page.click("#bereken")
    expect(page.locator("#fouten li")).to_have_count(3, timeout=KLAAR)
    controle("/rekenhulp/ (fouten)", "fouten")


def _menu_en_zoeken(page, controle, scherm):
    """What only appears on demand: the phone's navigation drawer, and search results."""
    page.goto("/stappenplan/")
    if scherm == "360x780":
        page.locator("label.md-header__button[for='__drawer']").click()
        expect(page.locator(".md-sidebar--primary")).to_be_visible()
        controle("/stappenplan/ (menu open)", "menu open")
        page.keyboard.press("Escape")
        page.goto("/stappenplan/")
    page.wait_for_load_state("networkidle")  # the search index is loaded
    if scherm == "360x780":
        page.locator("label.md-header__button[for='__search']").click()
    zoekveld = page.locator("input.md-search__input")
    zoekveld.click()
    zoekveld.press_sequentially("Edenred", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    controle("/stappenplan/ (zoeken)", "zoekresultaten")


def test_every_step_number_is_in_its_heading(page):
    """A screen reader lists headings: each step says its number, in order."""
    page.goto("/stappenplan/")
    for anker in build_site.CONTRACT_URLS["/stappenplan/"]:
        nummer = anker.removeprefix("stap-")
        kop = page.locator(f"#{anker}")
        expect(kop).to_have_text(re.compile(rf"^Stap {nummer}\b"))
        niveau = 3 if nummer[-1].isalpha() else 2
        assert kop.evaluate("h => h.tagName") == f"H{niveau}"
