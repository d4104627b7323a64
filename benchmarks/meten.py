"""`make bench` / `python -m benchmarks [--quick]`: the calculator against bare Pyodide.

One run, one Chromium, one production-like server (benchmarks/server.py) serving the built site
and, under /kaal/, a bare Pyodide page generated next to a copy of the same runtime files
(node_modules/pyodide: full standard library, full lock file). Per profile and repetition, in
alternating order, each in a fresh browser context (empty HTTP cache):
  (a)  bare Pyodide page, main thread: navigation -> "2" (1+1) rendered; then warm (2nd visit);
  (aw) the same bare page running Pyodide in a module worker, as the calculator does;
  (b)  /rekenhulp/ prefilled URL: navigation -> first answer (#resultaat[data-route]) rendered;
  (c)  the same warm: second visit, with HTTP cache and the service worker's cache;
  (d)  answer latency once Python is ready: change the amount, submit, until the new answer is painted;
and once, without throttling, (e) the bytes transferred per guide page and for the calculator.
Then, for issue 12: Lighthouse on every page (benchmarks/lighthouse.py), and the calculator on a
phone (benchmarks/telefoon.py): layout shift at 4x CPU, a first-time visitor at human pace on slow
4G, and a first visit over a 400 kbit/s link.
Profiles: none; 4x CPU (CDP Emulation.setCPUThrottlingRate); 4x CPU + slow 4G (150 ms, 1.6 Mbit/s
down, 750 kbit/s up). Chromium's CPU throttling applies to a page's main thread only, not to its
workers ("Operation is only supported for pages, not workers"): hence (aw), the fair baseline
for the calculator, which runs Python in a worker.
Writes benchmarks/results.json and benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build_site  # noqa: E402
from sitebuild import layout, offline, talen  # noqa: E402

from . import lighthouse, lijst, telefoon  # noqa: E402
from .gewicht import bestand_voor, kb, mb, verzonden  # noqa: E402
from .server import start_server, voorverwarm  # noqa: E402

UIT = Path(__file__).resolve().parent
PROFIELEN = {
    "geen": {"cpu": 1, "netwerk": None, "naam": "no throttling"},
    "cpu4": {"cpu": 4, "netwerk": None, "naam": "4x CPU"},
    "cpu4-4g": {"cpu": 4, "netwerk": {"latency": 150, "downloadThroughput": 1_600_000 / 8,
                                      "uploadThroughput": 750_000 / 8}, "naam": "4x CPU + slow 4G"},
}
REKENHULP_URL = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"
# The parts of a run (--onderdelen): the timings per profile (a)-(d), the bytes (e), and issue 12's.
ONDERDELEN = ("tijden", "overdracht", "lighthouse", "cls", "mens", "traag", "lijst")
PHONE = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True, "locale": "nl-BE"}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
TIMEOUT = 240_000  # ms: bare Pyodide cold on slow 4G takes over half a minute

# Records when the calculator's first answer is in the DOM (relative to navigation start).
TIJDMETER = """(() => {
  const kijk = () => {
    const r = document.getElementById("resultaat");
    if (r && r.dataset.route && window.__antwoord === undefined) window.__antwoord = performance.now();
  };
  new MutationObserver(kijk).observe(document, { subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ["data-route"] });
})();"""

# (d): once the previous answer has been painted, change the amount and submit; the time until
# the frame after the new answer replaced it (style, layout and paint of the new answer included).
LATENTIE = """async (bedrag) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await frame();
  await frame();
  const vak = document.getElementById("resultaat");
  const invoer = document.getElementById("inschrijvingsgeld");
  const oud = vak.firstElementChild;
  if (oud) oud.dataset.oud = "ja";
  return await new Promise((klaar) => {
    const kijker = new MutationObserver(() => {
      const nieuw = vak.firstElementChild;
      if (nieuw && !nieuw.dataset.oud && vak.dataset.route) {
        kijker.disconnect();
        frame().then(() => klaar(performance.now() - t0));
      }
    });
    kijker.observe(vak, { subtree: true, childList: true, attributes: true });
    const t0 = performance.now();
    invoer.value = bedrag;
    invoer.dispatchEvent(new Event("input", { bubbles: true }));
    document.getElementById("rekenhulp-formulier").requestSubmit();
  });
}"""

KAAL_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Bare Pyodide</title><script type="module" src="{script}"></script></head>
<body><p>1+1 = <output id="uit"></output></p></body></html>
"""
KAAL_HOOFD = """// Bare Pyodide on the main thread, as its documentation shows it.
import {{ loadPyodide }} from "./{versie}/pyodide.mjs";
const pyodide = await loadPyodide({{ indexURL: new URL("./{versie}/", import.meta.url).href }});
const uit = document.getElementById("uit");
uit.textContent = String(pyodide.runPython("1+1"));
uit.dataset.klaar = String(performance.now());
"""
KAAL_PAGINA_WORKER = """// Bare Pyodide in a module worker (as the calculator runs it): the page only shows the answer.
const worker = new Worker(new URL("./kaal-worker.mjs", import.meta.url), {{ type: "module" }});
worker.onmessage = (event) => {{
  const uit = document.getElementById("uit");
  uit.textContent = String(event.data);
  uit.dataset.klaar = String(performance.now());
}};
worker.postMessage(new URL("./{versie}/", import.meta.url).href);
"""
KAAL_WORKER = """self.onmessage = async (event) => {{
  const {{ loadPyodide }} = await import(event.data + "pyodide.mjs");
  const pyodide = await loadPyodide({{ indexURL: event.data }});
  self.postMessage(pyodide.runPython("1+1"));
}};
"""


def maak_kaal(map_: Path) -> str:
    """The bare Pyodide pages, next to an untouched copy of node_modules/pyodide's runtime."""
    versie = json.loads((layout.PYODIDE_NPM / "package.json").read_text())["version"]
    runtime = map_ / versie
    runtime.mkdir(parents=True)
    for naam in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy2(layout.PYODIDE_NPM / naam, runtime / naam)
    (map_ / "index.html").write_text(KAAL_HTML.format(script="hoofd.mjs"))
    (map_ / "hoofd.mjs").write_text(KAAL_HOOFD.format(versie=versie))
    (map_ / "worker").mkdir()
    (map_ / "worker" / "index.html").write_text(KAAL_HTML.format(script="../worker.mjs"))
    (map_ / "worker.mjs").write_text(KAAL_PAGINA_WORKER.format(versie=versie))
    (map_ / "kaal-worker.mjs").write_text(KAAL_WORKER.format())
    return versie


def chromium() -> str | None:
    for kandidaat in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if kandidaat and Path(kandidaat).exists():
            return kandidaat
    return None


class Meter:
    def __init__(self, browser, basis: str, site: Path, kaal: Path):
        self.browser, self.basis, self.site, self.kaal = browser, basis, site, kaal
        self.warm_start: list[str | None] = []  # how the worker started on each warm visit

    def context(self, profiel: dict, sw: bool = True):
        context = self.browser.new_context(base_url=self.basis, service_workers="allow" if sw else "block", **PHONE)
        context.add_init_script(TIJDMETER)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profiel["cpu"]})
        if profiel["netwerk"]:
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, **profiel["netwerk"]})
        return context, page

    def kaal_bezoek(self, page, pad: str) -> float:
        page.goto(pad, wait_until="commit")
        uit = page.locator("#uit[data-klaar]")
        uit.wait_for(state="attached")
        assert uit.inner_text() == "2"
        return float(uit.get_attribute("data-klaar"))

    def a(self, profiel: dict, pad: str = "/kaal/") -> tuple[float, float]:
        context, page = self.context(profiel, sw=False)
        try:
            koud = self.kaal_bezoek(page, pad)
            warm = self.kaal_bezoek(page, pad)
        finally:
            context.close()
        return koud, warm

    def rekenhulp_bezoek(self, page) -> float:
        page.goto(REKENHULP_URL, wait_until="commit")
        page.locator("#resultaat[data-route]").wait_for(state="attached")
        return page.evaluate("window.__antwoord")

    def bc(self, profiel: dict, latenties: int = 5) -> tuple[float, float, list[float]]:
        context, page = self.context(profiel, sw=True)
        try:
            koud = self.rekenhulp_bezoek(page)
            # (d) once Python is ready: change the amount, the new answer is in the DOM
            lat = [page.evaluate(LATENTIE, str(300 + 37 * i)) for i in range(latenties)]
            # the service worker keeps the runtime once the calculator was ready: wait for it
            runtime = len(offline.runtime_list(self.site))
            page.evaluate("""async (n) => { for (let i = 0; i < 1200; i++) {
                if ((await (await caches.open('rekenhulp')).keys()).length >= n) return;
                await new Promise((r) => setTimeout(r, 100)); } }""", runtime)
            # ... and the worker its memory snapshot (worker.mjs), a few seconds after the answer
            page.evaluate("""async () => { for (let i = 0; i < 600; i++) {
                if (await caches.has('rekenhulp-snapshot')
                    && (await (await caches.open('rekenhulp-snapshot')).keys()).length) return;
                await new Promise((r) => setTimeout(r, 100)); } }""")
            warm = self.rekenhulp_bezoek(page)
            self.warm_start.append(next((w.evaluate("() => self.rekenhulpStart") for w in page.workers
                                         if re.search(r"/worker(\.[0-9a-f]{8})?\.mjs$", w.url)), None))
        finally:
            context.close()
        return koud, warm, lat

    # ------------------------------------------------------------ (e) bytes

    def overdracht(self, pad: str, rekenhulp: bool = False) -> dict:
        """Bytes the browser received (encoded body sizes) on a first visit, no throttling."""
        context, page = self.context(PROFIELEN["geen"], sw=False)
        verzoeken = []
        context.on("requestfinished", lambda verzoek: verzoeken.append(verzoek))
        try:
            if rekenhulp:
                self.rekenhulp_bezoek(page)
            else:
                page.goto(pad)
                page.wait_for_load_state("networkidle")
            eigen = [(r.url, r.sizes()["responseBodySize"]) for r in list(verzoeken)]
        finally:
            context.close()
        return {"bytes": sum(n for _, n in eigen), "verzoeken": len(eigen), "urls": [u for u, _ in eigen]}


def precache_gewicht(site: Path, geladen: list[str]) -> dict:
    """What the service worker stores at install (brotli), and how much of it the first page
    had not loaded already (its own files come from the HTTP cache as 304s)."""
    def bestand(pad: str) -> Path:
        return site / pad / "index.html" if pad == "" or pad.endswith("/") else site / pad
    paginas = json.loads(_lijst(site, "PAGINAS"))
    al = {bestand_voor(site, url) for url in geladen}
    totaal = sum(verzonden(bestand(p)) for p in paginas)
    nieuw = sum(verzonden(bestand(p)) for p in paginas if bestand(p) not in al)
    return {"bestanden": len(paginas), "bytes": totaal, "na_eerste_pagina": nieuw}


def _lijst(site: Path, naam: str) -> str:
    import re
    tekst = (site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    return re.search(rf"const {naam} = (?:new Set\()?(\[.*?\])", tekst).group(1)


def mediaan(waarden: list[float]) -> float | None:
    return statistics.median(waarden) if waarden else None


def meet(args) -> dict:
    from playwright.sync_api import sync_playwright

    site = ROOT / "site"
    if not (site / offline.SERVICE_WORKER).is_file():
        raise SystemExit("site/ is niet gebouwd: voer `make build` uit (make bench doet dat zelf).")
    herhalingen = args.herhalingen or (2 if args.quick else 5)
    profielen = args.profielen.split(",") if args.profielen else list(PROFIELEN)
    onderdelen = set(args.onderdelen.split(",")) if args.onderdelen else set(ONDERDELEN)
    if onderdelen - set(ONDERDELEN):
        raise SystemExit(f"onbekend onderdeel: {', '.join(sorted(onderdelen - set(ONDERDELEN)))}")
    if "lighthouse" in onderdelen and not lighthouse.CLI.exists():
        raise SystemExit("Lighthouse ontbreekt: `make lighthouse` (make bench doet dat zelf).")

    with tempfile.TemporaryDirectory(prefix="kaal-pyodide-") as tmp:
        kaal = Path(tmp) / "kaal"
        versie = maak_kaal(kaal)
        print("Comprimeren (brotli 11, gzip 9; eenmalig, daarna uit de cache) ...", flush=True)
        t0 = time.monotonic()
        voorverwarm([site, kaal])
        print(f"  klaar in {time.monotonic() - t0:.0f} s", flush=True)
        server, basis = start_server({"/": site, "/kaal/": kaal}, onveranderlijk=(f"/kaal/{versie}/",),
                                     niet_gevonden=site / "404.html")
        resultaat = {
            "datum": dt.datetime.now().isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                        "python": platform.python_version(),
                        "load_bij_begin": [round(x, 2) for x in os.getloadavg()]},
            "pyodide": json.loads((layout.PYODIDE_NPM / "package.json").read_text())["version"],
            "herhalingen": herhalingen, "profielen": {}, "eenheid": "ms since navigation start",
            "onderdelen": sorted(onderdelen, key=ONDERDELEN.index),
        }
        try:
            with sync_playwright() as p:
                uitvoerbaar = chromium()
                browser = p.chromium.launch(args=CHROMIUM_FLAGS,
                                            **({"executable_path": uitvoerbaar} if uitvoerbaar else {}))
                resultaat["browser"] = f"Chromium {browser.version}"
                meter = Meter(browser, basis, site, kaal)
                if "overdracht" in onderdelen:
                    resultaat["overdracht"] = {"datum": dt.datetime.now().isoformat(timespec="seconds"),
                                               **meet_overdracht(meter, site, kaal)}
                if "tijden" in onderdelen:
                    for naam in profielen:
                        resultaat["profielen"][naam] = meet_profiel(meter, naam, herhalingen)
                if onderdelen & {"cls", "mens", "traag"}:
                    # fewer repetitions: each is a whole first visit (the human one takes 25 s)
                    resultaat["telefoon"] = {
                        "datum": dt.datetime.now().isoformat(timespec="seconds"),
                        "load_bij_begin": round(os.getloadavg()[0], 2),
                        **telefoon.meet(meter, 1 if args.quick else 3, onderdelen)}
                if "lijst" in onderdelen:  # issue 15: 10,000 rows in the browser and on the command line
                    resultaat["lijst"] = {"datum": dt.datetime.now().isoformat(timespec="seconds"),
                                          **lijst.meet(meter, 1 if args.quick else 3)}
                browser.close()
            if "lighthouse" in onderdelen:  # after the other parts: Lighthouse starts its own Chromium
                urls = lighthouse.paginas(build_site.CONTRACT_URLS, quick=args.quick,
                                         talen=[] if args.quick else talen.other_codes())
                resultaat["lighthouse"] = {"datum": dt.datetime.now().isoformat(timespec="seconds"),
                                           "load_bij_begin": round(os.getloadavg()[0], 2),
                                           "alle_paginas": not args.quick,
                                           **lighthouse.meet(basis, urls, uitvoerbaar, opnieuw=not args.quick)}
        finally:
            server.shutdown()
            server.server_close()
    return resultaat


def meet_profiel(meter: Meter, naam: str, herhalingen: int) -> dict:
    profiel = PROFIELEN[naam]
    r = {k: [] for k in ("a_koud", "a_warm", "aw_koud", "aw_warm", "b_koud", "c_warm", "d_latentie")}
    print(f"\n{profiel['naam']}: {herhalingen} herhalingen", flush=True)
    for i in range(herhalingen):
        stappen = [("a", lambda: meter.a(profiel)), ("aw", lambda: meter.a(profiel, "/kaal/worker/")),
                   ("bc", lambda: meter.bc(profiel))]
        if i % 2:
            stappen.reverse()  # alternate the order: no variant always runs first
        for soort, stap in stappen:
            uitkomst = stap()
            if soort == "bc":
                koud, warm, lat = uitkomst
                r["b_koud"].append(koud)
                r["c_warm"].append(warm)
                r["d_latentie"].append(mediaan(lat))
            else:
                r[f"{soort}_koud"].append(uitkomst[0])
                r[f"{soort}_warm"].append(uitkomst[1])
        print(f"  {i + 1}/{herhalingen}: " + ", ".join(f"{k} {v[-1]:.0f}" for k, v in r.items()), flush=True)
    return {"naam": profiel["naam"], "metingen": r, "mediaan": {k: mediaan(v) for k, v in r.items()}}


def meet_overdracht(meter: Meter, site: Path, kaal: Path) -> dict:
    print("\nOverdracht (eerste bezoek, geen vertraging) ...", flush=True)
    gids = [u for u in build_site.CONTRACT_URLS if u != "/rekenhulp/"] + ["/bijlagen/", "/voor-coordinatoren/folder/"]
    paginas = {url: meter.overdracht(url) for url in gids}
    rekenhulp = meter.overdracht(REKENHULP_URL, rekenhulp=True)
    kaal_bezoek = meter.overdracht("/kaal/")
    runtime = sum(verzonden(site / p) for p in json.loads(_lijst(site, "RUNTIME")))
    return {
        "eenheid": "bytes received (encoded body) from the production-like server, brotli",
        "paginas": paginas,
        "rekenhulp_tot_eerste_antwoord": rekenhulp,
        "kale_pyodide_tot_1_plus_1": kaal_bezoek,
        "service_worker_precache": precache_gewicht(site, paginas["/"]["urls"]),
        "rekenhulp_runtime_bewaard_na_openen": runtime,
    }


# ---------------------------------------------------------------- report

RIJEN = [
    ("a_koud", "(a) bare Pyodide, main thread, cold"),
    ("a_warm", "(a) bare Pyodide, main thread, warm"),
    ("aw_koud", "(aw) bare Pyodide in a worker, cold"),
    ("aw_warm", "(aw) bare Pyodide in a worker, warm"),
    ("b_koud", "(b) /rekenhulp/ first answer, cold"),
    ("c_warm", "(c) /rekenhulp/ first answer, warm (cache + SW)"),
    ("d_latentie", "(d) answer on screen after changing one input"),
]
BASIS_VOOR = {"a_koud": ("a_koud", "aw_koud"), "a_warm": ("a_warm", "aw_warm"), "aw_koud": ("a_koud", "aw_koud"),
              "aw_warm": ("a_warm", "aw_warm"), "b_koud": ("a_koud", "aw_koud"), "c_warm": ("a_warm", "aw_warm")}


def verhouding(m: dict, sleutel: str, basis: str) -> str:
    if m.get(sleutel) is None or not m.get(basis):
        return ""
    return f"{m[sleutel] / m[basis]:.2f}"


def markdown(res: dict) -> str:
    regels = [
        "# Benchmark: the calculator against bare Pyodide; Lighthouse and a phone on slow data",
        "",
        f"Run {res['datum']} on {res['machine']['cpus']} CPUs ({res['machine']['platform']}), "
        f"{res.get('browser', 'Chromium')}, Pyodide {res['pyodide']}, "
        + "".join(f"load average {res['machine'][k][0]} at the {w}, " for k, w in
                  (("load_bij_begin", "start"), ("load_bij_einde", "end")) if k in res["machine"])
        + f"median of {res['herhalingen']} "
        "alternating repetitions, each in a fresh browser context. Times in ms from navigation start "
        "to the answer in the DOM; (d) from submitting a changed amount (once the previous answer "
        "was painted) to the frame after the new answer, painted. "
        "Produced by `make bench` (benchmarks/meten.py); raw numbers in results.json.",
        "",
        *([f"Note: {res['machine']['opmerking']}", ""] if res["machine"].get("opmerking") else []),
        *(["Sections that give their own date were measured in a later run of only those parts "
           "(`--onderdelen`); the rest is from the run above.", ""]
          if any((res.get(k) or {}).get("datum") for k in ("overdracht", "lighthouse", "telefoon")) else []),
        "Chromium's CPU throttling only slows a page's main thread, not its workers. (a) runs "
        "Pyodide on the main thread (the bare page as Pyodide documents it), (aw) runs the same "
        "bare Pyodide in a module worker, as the calculator does: under the 4x CPU profiles, "
        "(aw) is the fair baseline.",
        "",
    ]
    for naam, p in res["profielen"].items():
        m = p["mediaan"]
        regels += [f"## {p['naam']}", "", "| measurement | median ms | min-max ms | ratio to (a) | ratio to (aw) |",
                   "|---|---:|---:|---:|---:|"]
        for sleutel, label in RIJEN:
            waarden = p["metingen"][sleutel]
            if not waarden:
                continue
            a, aw = BASIS_VOOR.get(sleutel, (None, None))
            regels.append(f"| {label} | {m[sleutel]:.0f} | {min(waarden):.0f}-{max(waarden):.0f} | "
                          f"{verhouding(m, sleutel, a) if a else ''} | {verhouding(m, sleutel, aw) if aw else ''} |")
        regels.append("")
    regels += doelen(res)
    regels += doelen_12(res)
    o = res.get("overdracht")
    if o:
        regels += ["## (e) Bytes transferred (first visit, brotli from the production-like server)", "",
                   *([f"Run {o['datum']}.", ""] if o.get("datum") else []),
                   "| page | bytes | requests |", "|---|---:|---:|"]
        for url, m in o["paginas"].items():
            regels.append(f"| {url} | {kb(m['bytes'])} | {m['verzoeken']} |")
        r, k = o["rekenhulp_tot_eerste_antwoord"], o["kale_pyodide_tot_1_plus_1"]
        regels += [
            f"| /rekenhulp/ to its first answer | {mb(r['bytes'])} | {r['verzoeken']} |",
            f"| bare Pyodide to 1+1 | {mb(k['bytes'])} | {k['verzoeken']} |",
            "",
            f"After the first page has loaded, the service worker stores every guide page with its "
            f"files in the background: {o['service_worker_precache']['bestanden']} files, "
            f"{kb(o['service_worker_precache']['bytes'])} brotli, of which "
            f"{kb(o['service_worker_precache']['na_eerste_pagina'])} were not loaded by the first page "
            "(the rest revalidates from the HTTP cache). "
            f"The calculator's runtime and wheel ({mb(o['rekenhulp_runtime_bewaard_na_openen'])}) "
            "are stored only after the calculator has been opened.",
            "",
        ]
    if res.get("lighthouse"):
        regels += lighthouse_md(res["lighthouse"])
    if res.get("telefoon"):
        regels += telefoon_md(res["telefoon"])
    if res.get("lijst"):
        regels += lijst.markdown(res["lijst"])
    return "\n".join(regels)


def lighthouse_md(lh: dict) -> list[str]:
    paginas = lh["paginas"]
    indexen = [r["benchmark_index"] for r in paginas.values() if r.get("benchmark_index")]
    regels = [
        f"## Lighthouse {lh['versie']}, mobile (issue 12)", "",
        f"Run {lh['datum']}" + (f" (load average {lh['load_bij_begin']} at the start)" if "load_bij_begin" in lh else "")
        + ": Lighthouse's default mobile profile (a phone screen, simulated slow 4G "
        "and 4x CPU, computed from one unthrottled load), one run per page, each in a fresh Chromium "
        f"(`{lh['chrome_flags']}`, empty cache) against the production-like server. "
        + (f"Lighthouse's CPU benchmark index on this machine: {min(indexen):.0f}-{max(indexen):.0f} "
           "(it warns below about 1000 that the device is slower than it expects: its 4x "
           "slowdown then comes on top of a slow, shared CPU, and the performance score drops). "
           if indexen else "")
        + ("A page below its performance goal gets two more runs and the run with the median "
           "performance score counts (all scores in the last column and in results.json). "
           if any("performance_runs" in r for r in paginas.values()) else "")
        + "Failing audits: score below 1 (informative and not-applicable audits left out); "
        "performance's own metric audits are not listed, the metrics are. LCP and TBT in ms.", "",
        "| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | failing audits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for url, r in paginas.items():
        if "fout" in r:
            regels.append(f"| {url} | error: {r['fout']} | | | | | | | |")
            continue
        s, m = r["scores"], r["metrieken"]
        runs = f" (performance in {len(r['performance_runs'])} runs: {r['performance_runs']})" if "performance_runs" in r else ""
        falend = "; ".join(f"{k}: {', '.join(a for a in ids if a not in lighthouse.METRIEKEN and a not in LH_METRIEK)}"
                           for k, ids in r["falend"].items()
                           if [a for a in ids if a not in lighthouse.METRIEKEN and a not in LH_METRIEK])
        regels.append(f"| {url} | {s.get('performance')} | {s.get('accessibility')} | {s.get('best-practices')} | "
                      f"{s.get('seo')} | {m.get('lcp', 0):.0f} | {m.get('tbt', 0):.0f} | {m.get('cls', 0):.3f} | "
                      f"{falend}{runs} |")
    regels.append("")
    return regels


LH_METRIEK = {"interactive", "max-potential-fid"}  # metric audits outside METRIEKEN


def telefoon_md(t: dict) -> list[str]:
    regels = [f"## The calculator on a phone (issue 12)", "",
              f"Run {t['datum']}" + (f" (load average {t['load_bij_begin']} at the start)" if "load_bij_begin" in t else "")
              + ", 360 px phone context, first visits with an empty cache "
              "(benchmarks/telefoon.py). Times in s since navigation start.", ""]
    if "cls" in t:
        regels += ["**Layout shift** of /rekenhulp/ at 4x CPU (no network throttling): layout-shift "
                   "entries without recent input, summed from navigation until Python is ready (and the "
                   "answer of a prefilled link is shown) plus 1 s.", "",
                   "| address | runs | max | largest shifts (time ms: value, sources) |", "|---|---|---:|---|"]
        for adres, c in t["cls"].items():
            grootste = sorted((v for r in c["runs"] for v in r["verschuivingen"]), key=lambda v: -v["waarde"])[:3]
            runs = ", ".join(f"{r['cls']:.4f}" for r in c["runs"])
            regels.append(f"| {adres} | {runs} | {c['max']:.4f} | "
                          + "; ".join(f"{v['t']}: {v['waarde']:.4f} {' '.join(v['bronnen'])}" for v in grootste) + " |")
        regels.append("")
    if "mens" in t:
        regels += ["**A first-time visitor at human pace**, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) "
                   "and 4x CPU: once the form is visible she reads 6 s, taps \"Andere opleiding\", taps the "
                   "amount field, types 1, 8, 0 (15 s in all); the answer for 180 is measured from her last "
                   "keystroke to the frame after it is in the page. The page answers by itself 300 ms after "
                   "typing stops.", "",
                   "| form visible | last keystroke | Python ready | answer shown | answer after the last keystroke |",
                   "|---:|---:|---:|---:|---:|"]
        for r in t["mens"]["runs"]:
            regels.append(f"| {r['formulier_zichtbaar'] / 1000:.1f} | {r['laatste_toets'] / 1000:.1f} | "
                          f"{r['python_klaar'] / 1000:.1f} | {r['getekend'] / 1000:.1f} | "
                          f"{r['na_laatste_toets'] / 1000:.2f} s |")
        regels.append("")
    if "traag" in t:
        r = t["traag"]
        regels += ["**A slow link**, 400 kbit/s both ways and 400 ms latency, no CPU throttling, first visit "
                   f"of `{telefoon.INGEVULD}`: the form is visible at {r['formulier_zichtbaar'] / 1000:.1f} s, "
                   + (f"the first answer at {r['eerste_antwoord'] / 1000:.1f} s." if r["eerste_antwoord"]
                      else f"no answer: the page stopped with `{r['toestand']}` ({r['reden']})."), ""]
    return regels


def doelen_12(res: dict) -> list[str]:
    """Issue 12's goals, checked against this run."""
    rijen = []

    def rij(doel, gemeten, gehaald):
        rijen.append(f"| {doel} | {gemeten} | {'yes' if gehaald else 'no'} |")

    lh = (res.get("lighthouse") or {}).get("paginas") or {}
    goed = {u: r for u, r in lh.items() if "fout" not in r}
    if lh:
        aantal = f"{len(lh)} pages" + ("" if res["lighthouse"].get("alle_paginas") else ", --quick: not every page")
        for cat, naam in (("accessibility", "accessibility"), ("best-practices", "best practices"), ("seo", "SEO")):
            laag = {u: r["scores"][cat] for u, r in goed.items() if r["scores"].get(cat) != 100}
            rij(f"Lighthouse {naam} 100 on every page ({aantal})",
                "100 everywhere" if not laag and len(goed) == len(lh)
                else "; ".join(f"{u} {v}" for u, v in laag.items()) or "errors", not laag and len(goed) == len(lh))
        for soort, grens, welke in (("guide pages", 98, lambda u: lighthouse.doel(u) == 98),
                                    ("/rekenhulp/", 95, lambda u: lighthouse.doel(u) == 95)):
            scores = {u: r["scores"]["performance"] for u, r in goed.items() if welke(u)}
            if scores:
                laagste = min(scores, key=scores.get)
                rij(f"Lighthouse performance >= {grens} on {soort}",
                    f"lowest {scores[laagste]} ({laagste})", scores[laagste] >= grens)
    t = res.get("telefoon") or {}
    if "cls" in t:
        hoogste = max(c["max"] for c in t["cls"].values())
        rij("CLS <= 0.01 on /rekenhulp/, with and without a prefilled link, 4x CPU (highest run)",
            f"{hoogste:.4f}", hoogste <= telefoon.GOALS["cls"])
    if "mens" in t:
        m = t["mens"]
        rij("first-time visitor at human pace (slow 4G, 4x CPU): answer <= 1 s after the last keystroke "
            "(median; highest)", f"{m['mediaan_na_laatste_toets'] / 1000:.2f} s; {m['max_na_laatste_toets'] / 1000:.2f} s",
            m["max_na_laatste_toets"] <= telefoon.GOALS["mens_ms"])
    if "traag" in t:
        r = t["traag"]["eerste_antwoord"]
        rij("first answer at 400 kbit/s and 400 ms, first visit, within 150 s",
            f"{r / 1000:.0f} s" if r else "no answer", bool(r) and r <= telefoon.GOALS["traag_ms"])
    if not rijen:
        return []
    return ["## Goal figures (issue 12)", "", "| goal | measured | met |", "|---|---|:-:|", *rijen, ""]


def doelen(res: dict) -> list[str]:
    """The goal figures of issue 5, checked against this run."""
    p, o = res["profielen"], res.get("overdracht") or {}
    rijen = []

    def rij(doel, gemeten, gehaald):
        rijen.append(f"| {doel} | {gemeten} | {'yes' if gehaald else 'no'} |")

    verhoudingen = (  # (profile, calculator measure, bare-Pyodide state, bound, goal)
        ("cpu4-4g", "b_koud", "koud", 0.8, "first answer cold, 4x CPU + slow 4G <= 0.8 x bare Pyodide"),
        ("cpu4", "c_warm", "warm", 0.5, "returning visitor, 4x CPU <= 0.5 x bare Pyodide warm"),
    )
    for profiel, meting, toestand, grens, doel in verhoudingen:
        m = p.get(profiel, {}).get("mediaan", {})
        for basis, naam in ((f"a_{toestand}", "(a)"), (f"aw_{toestand}", "(aw)")):
            if m.get(basis):
                v = m[meting] / m[basis]
                rij(f"{doel} {naam}", f"{v:.2f}", v <= grens)
    if "cpu4" in p:
        m = p["cpu4"]["mediaan"]
        if m.get("d_latentie") is not None:
            rij("answer on screen after a change, 4x CPU <= 50 ms (main thread throttled, worker not)",
                f"{m['d_latentie']:.0f} ms", m["d_latentie"] <= 50)
    if o:
        r = o["rekenhulp_tot_eerste_antwoord"]["bytes"]
        rij("calculator transfer <= 3.2 MB", mb(r), r <= 3_200_000)
        zwaarste = max(m["bytes"] for m in o["paginas"].values())
        rij("guide page first visit <= 60 kB (heaviest page)", kb(zwaarste), zwaarste <= 60_000)
    if not rijen:
        return []
    return ["## Goal figures (issue 5)", "", "| goal | measured | met |", "|---|---:|:-:|", *rijen, "",
            "Requests to other origins: none (every request in every test and in this run goes to "
            "the site's own server; tests/e2e fail on any other host).", ""]


def tabel(res: dict) -> str:
    regels = []
    for naam, p in res["profielen"].items():
        m = p["mediaan"]
        regels.append(f"\n{p['naam']} (median of {res['herhalingen']}, ms)")
        regels.append(f"  {'':48} {'median':>8} {'/ (a)':>7} {'/ (aw)':>7}")
        for sleutel, label in RIJEN:
            if m.get(sleutel) is None:
                continue
            a, aw = BASIS_VOOR.get(sleutel, (None, None))
            regels.append(f"  {label:48} {m[sleutel]:8.0f} {verhouding(m, sleutel, a) if a else '':>7} "
                          f"{verhouding(m, sleutel, aw) if aw else '':>7}")
    o = res.get("overdracht")
    if o:
        regels.append("\nBytes transferred, first visit (brotli)")
        for url, m in o["paginas"].items():
            regels.append(f"  {url:48} {kb(m['bytes']):>10}")
        regels.append(f"  {'/rekenhulp/ to first answer':48} {mb(o['rekenhulp_tot_eerste_antwoord']['bytes']):>10}")
        regels.append(f"  {'bare Pyodide to 1+1':48} {mb(o['kale_pyodide_tot_1_plus_1']['bytes']):>10}")
        regels.append(f"  {'service worker precache after the first page':48} "
                      f"{kb(o['service_worker_precache']['na_eerste_pagina']):>10}")
    if res.get("lijst"):
        regels += [""] + [r for r in lijst.markdown(res["lijst"]) if r.startswith("| ") and not r.startswith("| |")]
    doel = doelen_12(res)
    if doel:
        regels.append("")
        regels += [r for r in doel if r.startswith("| ") and not r.startswith("| goal")]
    return "\n".join(regels)


def samengevoegd(res: dict) -> dict:
    """A run of some parts only (--onderdelen) keeps the other parts of results.json as they were."""
    pad = UIT / "results.json"
    gedaan = set(res.get("onderdelen", ONDERDELEN))
    if gedaan >= set(ONDERDELEN) or not pad.is_file():
        return res
    oud = json.loads(pad.read_text(encoding="utf-8"))
    nieuw = dict(oud)
    if "tijden" in gedaan:  # the run's header belongs to the timings (a)-(d)
        nieuw.update({k: v for k, v in res.items() if k not in ("overdracht", "lighthouse", "telefoon", "lijst")})
    if "overdracht" in gedaan:
        nieuw["overdracht"] = res["overdracht"]
    if "lighthouse" in gedaan:
        nieuw["lighthouse"] = res["lighthouse"]
    if "telefoon" in res:
        nieuw["telefoon"] = {**oud.get("telefoon", {}), **res["telefoon"]}
    if "lijst" in res:
        nieuw["lijst"] = res["lijst"]
    nieuw["onderdelen"] = sorted(set(oud.get("onderdelen", ("tijden", "overdracht"))) | gedaan, key=ONDERDELEN.index)
    return nieuw


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 herhalingen in plaats van 5")
    parser.add_argument("--herhalingen", type=int, help="aantal herhalingen per profiel")
    parser.add_argument("--profielen", help=f"komma-gescheiden, uit: {', '.join(PROFIELEN)}")
    parser.add_argument("--onderdelen", help=f"komma-gescheiden, uit: {', '.join(ONDERDELEN)} (standaard alle); "
                        "de andere onderdelen in results.json blijven dan van de vorige run")
    parser.add_argument("--niet-schrijven", action="store_true", help="results.json/RESULTS.md niet overschrijven")
    parser.add_argument("--verslag", action="store_true", help="alleen RESULTS.md opnieuw maken uit results.json")
    args = parser.parse_args(argv)
    if args.verslag:
        res = json.loads((UIT / "results.json").read_text(encoding="utf-8"))
        (UIT / "RESULTS.md").write_text(markdown(res) + "\n", encoding="utf-8")
        print(tabel(res))
        return 0
    t0 = time.monotonic()
    res = meet(args)
    res["duur_s"] = round(time.monotonic() - t0)
    res["machine"]["load_bij_einde"] = [round(x, 2) for x in os.getloadavg()]
    print(tabel(res))
    duur = res["duur_s"]
    if not args.niet_schrijven:
        res = samengevoegd(res)
        (UIT / "results.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
        (UIT / "RESULTS.md").write_text(markdown(res) + "\n", encoding="utf-8")
        print(f"\nGeschreven: {UIT / 'results.json'}, {UIT / 'RESULTS.md'} ({duur} s)")
    return 0
