"""Where the time of a first visit to /rekenhulp/ goes, on slow 4G and 4x CPU (the `mens` profile).

    .venv/bin/python -m benchmarks.tijdlijn [--herhalingen 1] [--invullen]

One fresh context (empty cache, service worker allowed) per run, the same throttling as
benchmarks/telefoon.py. Prints, in ms since navigation start, every request of the page and of
the calculator's worker (start and end of each response, bytes received), the page's milestones
(DOMContentLoaded, load, form visible) and the worker's (its performance marks, see worker.mjs),
until Python is ready. With --invullen the visitor of `mens` fills in the form meanwhile.
Nothing is written to benchmarks/.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from . import telefoon
from .meten import CHROMIUM_FLAGS, ROOT, Meter, chromium, maak_kaal
from .server import start_server, voorverwarm

PAGINA = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    oorsprong: performance.timeOrigin,
    mijlpalen: { html: nav.responseEnd, domInteractive: nav.domInteractive,
                 DOMContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                 klaar: window.__klaar ?? null },
    bronnen: performance.getEntriesByType("resource").map((e) => ({
      naam: e.name, begin: e.startTime, antwoord: e.responseStart, eind: e.responseEnd,
      bytes: e.encodedBodySize, soort: e.initiatorType })),
    marks: performance.getEntriesByType("mark").map((m) => ({ naam: m.name, t: m.startTime })),
  };
}"""

WORKER = """() => ({
  oorsprong: performance.timeOrigin,
  bronnen: performance.getEntriesByType("resource").map((e) => ({
    naam: e.name, begin: e.startTime, antwoord: e.responseStart, eind: e.responseEnd,
    bytes: e.encodedBodySize, soort: e.initiatorType })),
  marks: performance.getEntriesByType("mark").map((m) => ({ naam: m.name, t: m.startTime })),
  measures: performance.getEntriesByType("measure").map((m) => ({ naam: m.name, t: m.startTime, duur: m.duration })),
})"""


def kort(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


PROFIELEN = {"mens": telefoon.TRAAG_4G, "4g": {**telefoon.TRAAG_4G, "cpu": 1}, "cpu4": telefoon.CPU4,
             "geen": {"cpu": 1, "netwerk": None}}


def run(meter, invullen: bool, profiel: str = "mens") -> None:
    context, page = telefoon._context(meter, PROFIELEN[profiel])
    try:
        page.goto("/rekenhulp/", wait_until="commit")
        zichtbaar = page.wait_for_function(telefoon.ZICHTBAAR, polling=50).json_value()
        if invullen:
            page.evaluate("(doel) => { window.__doel = doel; }", telefoon.BEDRAG)
            veld = page.locator("#inschrijvingsgeld")
            for pauze, actie in telefoon.MENS:
                page.wait_for_timeout(pauze)
                if actie == "kies":
                    page.locator("label[for='opleiding-andere']").tap()
                elif actie == "tik":
                    veld.tap()
                else:
                    page.keyboard.press(actie)
            page.wait_for_function("() => window.__doelGetekend !== undefined")
        page.wait_for_function("() => window.__klaar !== undefined")
        page.wait_for_timeout(300)
        p = page.evaluate(PAGINA)
        worker = next((w for w in page.workers if re.search(r"/worker(\.[0-9a-f]{8})?\.mjs$", w.url)), None)
        w = worker.evaluate(WORKER) if worker else None
        extra = page.evaluate("""() => ({ laatste: window.__laatsteInvoer ?? null,
            getekend: window.__doelGetekend ?? null })""")
    finally:
        context.close()

    rijen = []
    for b in p["bronnen"]:
        rijen.append((b["begin"], b["antwoord"], b["eind"], b["bytes"], "pagina", kort(b["naam"])))
    verschil = 0.0
    if w:
        verschil = w["oorsprong"] - p["oorsprong"]
        rijen.append((verschil, None, None, None, "worker", "(worker begint)"))
        for b in w["bronnen"]:
            rijen.append((b["begin"] + verschil, b["antwoord"] + verschil, b["eind"] + verschil, b["bytes"],
                          "worker", kort(b["naam"])))
        for m in w["marks"]:
            rijen.append((m["t"] + verschil, None, None, None, "worker", "mark " + m["naam"]))
        for m in w["measures"]:
            rijen.append((m["t"] + verschil, None, m["t"] + m["duur"] + verschil, None, "worker",
                          f"measure {m['naam']} ({m['duur']:.0f} ms)"))
    for naam, t in p["mijlpalen"].items():
        if t:
            rijen.append((t, None, None, None, "pagina", naam))
    for m in p["marks"]:
        rijen.append((m["t"], None, None, None, "pagina", "mark " + m["naam"]))
    rijen.append((zichtbaar, None, None, None, "pagina", "formulier zichtbaar"))
    if extra["laatste"]:
        rijen.append((extra["laatste"], None, None, None, "pagina", "laatste toets"))
        rijen.append((extra["getekend"], None, None, None, "pagina",
                      f"antwoord getekend ({extra['getekend'] - extra['laatste']:.0f} ms na de laatste toets)"))
    totaal = 0
    print(f"{'begin':>8} {'1e byte':>8} {'eind':>8} {'kB':>7}  wie     wat")
    for begin, antwoord, eind, bytes_, wie, wat in sorted(rijen, key=lambda r: r[0]):
        totaal += bytes_ or 0
        f = lambda x: f"{x:8.0f}" if x is not None else " " * 8  # noqa: E731
        kb = f"{bytes_ / 1000:7.1f}" if bytes_ else " " * 7
        print(f"{f(begin)} {f(antwoord)} {f(eind)} {kb}  {wie:7} {wat}")
    print(f"ontvangen (encoded body): {totaal / 1e6:.3f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herhalingen", type=int, default=1)
    parser.add_argument("--invullen", action="store_true")
    parser.add_argument("--profiel", choices=sorted(PROFIELEN), default="mens",
                        help="mens: slow 4G + 4x CPU (default); 4g: slow 4G only; cpu4; geen")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    site = ROOT / "site"
    with tempfile.TemporaryDirectory(prefix="kaal-pyodide-") as tmp:
        kaal = Path(tmp) / "kaal"
        maak_kaal(kaal)
        voorverwarm([site])
        server, basis = start_server({"/": site}, niet_gevonden=site / "404.html")
        try:
            with sync_playwright() as pw:
                uitvoerbaar = chromium()
                browser = pw.chromium.launch(args=CHROMIUM_FLAGS,
                                             **({"executable_path": uitvoerbaar} if uitvoerbaar else {}))
                meter = Meter(browser, basis, site, kaal)
                for i in range(args.herhalingen):
                    print(f"\n--- run {i + 1}")
                    run(meter, args.invullen, args.profiel)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
