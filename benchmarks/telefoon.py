"""The calculator on a phone as a first-time visitor meets it (issue 12, goals), at 360 px:

- cls:   cumulative layout shift of /rekenhulp/, with and without a prefilled link, at 4x CPU
         (no network throttling): PerformanceObserver 'layout-shift' entries without
         hadRecentInput, summed from navigation until the page has settled (Python ready, and the
         answer shown when the link is prefilled) plus one more second;
- mens:  a first-time visitor at human pace on slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up)
         and 4x CPU, empty cache: as soon as the form shows she reads for a while, taps "Andere
         opleiding", taps the amount field and types 180 key by key, about 15 s in all; measured
         from the last keystroke until the answer for 180 is in the page (#resultaat[data-route]
         with chequebedrag 180), and the frame after it;
- traag: a first visit over a slow link, 400 kbit/s both ways and 400 ms latency
         (CDP Network.emulateNetworkConditions, no CPU throttling): navigation until the first
         answer of a prefilled link.
"""

from __future__ import annotations

import statistics
import time

INGEVULD = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"
CPU4 = {"cpu": 4, "netwerk": None}
TRAAG_4G = {"cpu": 4, "netwerk": {"latency": 150, "downloadThroughput": 1_600_000 / 8,
                                  "uploadThroughput": 750_000 / 8}}
TRAGE_LIJN = {"cpu": 1, "netwerk": {"latency": 400, "downloadThroughput": 400_000 / 8,
                                    "uploadThroughput": 400_000 / 8}}
BEDRAG = "180"  # below the cap of "andere", so the answer shows this very amount
# The visitor, from the moment the form is visible: (pause in ms, action); 15.0 s in all.
MENS = [(6000, "kies"), (3000, "tik"), (2000, "1"), (1500, "8"), (2500, "0")]
GOALS = {"cls": 0.01, "mens_ms": 1000, "traag_ms": 150_000}

# Installed before any page script: layout shifts, when Python is ready, the visitor's last
# input, and when the answer for the amount in window.__doel is in the page (+ the next frame).
WAARNEMER = """(() => {
  window.__cls = 0; window.__verschuivingen = [];
  const naam = (n) => n && n.nodeType === 1
    ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.classList.length ? "." + [...n.classList].join(".") : "")
    : String(n && n.nodeName);
  new PerformanceObserver((lijst) => {
    for (const e of lijst.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__verschuivingen.push({ t: Math.round(e.startTime), waarde: e.value,
                                     bronnen: (e.sources || []).map((s) => naam(s.node)).slice(0, 3) });
    }
  }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("input", () => { window.__laatsteInvoer = performance.now(); }, true);
  const kijk = () => {
    const vak = document.getElementById("rekenhulp-vak");
    if (vak && vak.dataset.toestand === "klaar" && window.__klaar === undefined) window.__klaar = performance.now();
    const r = document.getElementById("resultaat");
    if (window.__doel && window.__doelTijd === undefined && r && r.dataset.route
        && r.querySelector(`[data-veld="chequebedrag"][data-waarde="${window.__doel}"]`)) {
      window.__doelTijd = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__doelGetekend = performance.now(); }, 0));
    }
  };
  new MutationObserver(kijk).observe(document, { subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ["data-route", "data-waarde", "data-toestand"] });
})();"""

ZICHTBAAR = """() => { const e = document.querySelector("label[for='opleiding-andere']");
  if (!e) return null; const r = e.getBoundingClientRect();
  return r.height > 0 && getComputedStyle(e).visibility !== "hidden" ? performance.now() : null; }"""


def _context(meter, profiel: dict):
    context, page = meter.context({**profiel, "naam": ""}, sw=True)
    context.add_init_script(WAARNEMER)
    return context, page


def cls(meter, adres: str) -> dict:
    context, page = _context(meter, CPU4)
    try:
        page.goto(adres, wait_until="load")
        page.wait_for_function("() => window.__klaar !== undefined")
        if "inschrijvingsgeld" in adres:
            page.locator("#resultaat[data-route]").wait_for(state="attached")
        page.wait_for_timeout(1000)
        uit = page.evaluate("({ cls: window.__cls, verschuivingen: window.__verschuivingen, klaar: window.__klaar })")
    finally:
        context.close()
    uit["verschuivingen"] = sorted(uit["verschuivingen"], key=lambda v: -v["waarde"])[:3]
    return uit


def mens(meter) -> dict:
    context, page = _context(meter, TRAAG_4G)
    try:
        page.goto("/rekenhulp/", wait_until="commit")
        zichtbaar = page.wait_for_function(ZICHTBAAR, polling=50).json_value()
        page.evaluate("(doel) => { window.__doel = doel; }", BEDRAG)
        veld = page.locator("#inschrijvingsgeld")
        for pauze, actie in MENS:
            page.wait_for_timeout(pauze)
            if actie == "kies":
                page.locator("label[for='opleiding-andere']").tap()
            elif actie == "tik":
                veld.tap()
            else:
                page.keyboard.press(actie)
        page.wait_for_function("() => window.__doelGetekend !== undefined")
        t = page.evaluate("""() => ({ laatste: window.__laatsteInvoer, antwoord: window.__doelTijd,
                                     getekend: window.__doelGetekend, klaar: window.__klaar })""")
    finally:
        context.close()
    return {"formulier_zichtbaar": zichtbaar, "laatste_toets": t["laatste"], "python_klaar": t["klaar"],
            "antwoord": t["antwoord"], "getekend": t["getekend"],
            "na_laatste_toets": t["getekend"] - t["laatste"],
            "invullen": t["laatste"] - zichtbaar}


def traag(meter) -> dict:
    context, page = _context(meter, TRAGE_LIJN)
    t0 = time.monotonic()
    try:
        page.set_default_timeout(300_000)
        page.goto(INGEVULD, wait_until="commit")
        zichtbaar = page.wait_for_function(ZICHTBAAR, polling=200).json_value()
        page.wait_for_function("""() => document.querySelector("#resultaat[data-route]")
            || document.getElementById("rekenhulp-vak").dataset.toestand === "fout" """, polling=500)
        t = page.evaluate("""() => ({ antwoord: window.__antwoord ?? null,
            toestand: document.getElementById("rekenhulp-vak").dataset.toestand,
            reden: document.getElementById("rekenhulp-vak").dataset.reden ?? null })""")
    finally:
        context.close()
    return {"formulier_zichtbaar": zichtbaar, "eerste_antwoord": t["antwoord"], "toestand": t["toestand"],
            "reden": t["reden"], "wandklok_s": round(time.monotonic() - t0)}


def meet(meter, herhalingen: int, onderdelen: set[str]) -> dict:
    """cls: `herhalingen` runs per address; mens: `herhalingen` visitors; traag: one visit."""
    uit: dict = {"doelen": GOALS}
    if "cls" in onderdelen:
        print(f"\nCLS /rekenhulp/ bij 4x CPU, {herhalingen}x per adres ...", flush=True)
        uit["cls"] = {}
        for adres in ("/rekenhulp/", INGEVULD):
            runs = [cls(meter, adres) for _ in range(herhalingen)]
            uit["cls"][adres] = {"runs": runs, "max": max(r["cls"] for r in runs)}
            print(f"  {adres}: " + ", ".join(f"{r['cls']:.4f}" for r in runs), flush=True)
    if "mens" in onderdelen:
        print(f"\nEerste bezoek op mensentempo (traag 4G + 4x CPU), {herhalingen}x ...", flush=True)
        runs = []
        for _ in range(herhalingen):
            runs.append(mens(meter))
            r = runs[-1]
            print(f"  formulier {r['formulier_zichtbaar'] / 1000:.1f} s, laatste toets {r['laatste_toets'] / 1000:.1f} s, "
                  f"Python klaar {r['python_klaar'] / 1000:.1f} s, antwoord {r['getekend'] / 1000:.1f} s: "
                  f"{r['na_laatste_toets']:.0f} ms na de laatste toets", flush=True)
        uit["mens"] = {"runs": runs, "mediaan_na_laatste_toets": statistics.median(r["na_laatste_toets"] for r in runs),
                       "max_na_laatste_toets": max(r["na_laatste_toets"] for r in runs)}
    if "traag" in onderdelen:
        print("\nTrage lijn (400 kbit/s, 400 ms), eerste bezoek, ingevulde link ...", flush=True)
        r = traag(meter)
        uit["traag"] = r
        print(f"  formulier {r['formulier_zichtbaar'] / 1000:.1f} s, "
              + (f"eerste antwoord {r['eerste_antwoord'] / 1000:.1f} s" if r["eerste_antwoord"]
                 else f"geen antwoord: {r['toestand']} ({r['reden']})"), flush=True)
    return uit
