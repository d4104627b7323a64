"""Lighthouse (npm, pinned 12.2.3 in benchmarks/lighthouse/) on every page, mobile profile.

Lighthouse's default form factor is mobile: a Moto G Power sized screen, simulated slow 4G and
4x CPU (Lantern's simulation from one unthrottled load). Each page gets its own Chromium, started
by Lighthouse from CHROME_PATH with `--headless=new --no-sandbox --disable-gpu`, against the
production-like server (benchmarks/server.py). Kept per page: the four category scores (0-100),
the failing audits' ids per category (score below 1; "informative", "manual" and "not applicable"
audits are not failures) with up to three elements each, and the performance metrics.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

MAP = Path(__file__).resolve().parent / "lighthouse"
CLI = MAP / "node_modules" / ".bin" / "lighthouse"
CATEGORIEEN = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
METRIEKEN = {  # audit id -> key in results.json (ms, CLS unitless)
    "first-contentful-paint": "fcp", "largest-contentful-paint": "lcp", "total-blocking-time": "tbt",
    "cumulative-layout-shift": "cls", "speed-index": "si",
}
REKENHULP_INGEVULD = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"


def paginas(contract_urls, quick: bool = False, talen: list[str] = ()) -> list[str]:
    """Every page: the URL contract, /bijlagen/, the folder, the calculator with and without a link,
    in Dutch and under every other language's prefix (talen: "en", "fr", ...)."""
    alle = list(contract_urls) + ["/bijlagen/", "/voor-coordinatoren/folder/", REKENHULP_INGEVULD]
    if quick:  # a guide page, the longest guide page, the calculator twice
        alle = ["/", "/stappenplan/", "/rekenhulp/", REKENHULP_INGEVULD]
    return alle + [f"/{taal}{pad}" for taal in talen for pad in alle]


def versie() -> str | None:
    pakket = MAP / "node_modules" / "lighthouse" / "package.json"
    return json.loads(pakket.read_text())["version"] if pakket.is_file() else None


def chrome_path(chromium: str | None) -> str | None:
    return os.environ.get("CHROME_PATH") or chromium


def meet_pagina(url: str, chromium: str | None, timeout: int = 240) -> dict:
    """One Lighthouse run (a fresh Chromium, empty cache and storage) on one URL."""
    env = {**os.environ}
    pad = chrome_path(chromium)
    if pad:
        env["CHROME_PATH"] = pad
    opdracht = [str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
                f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIEEN)}"]
    proces = subprocess.run(opdracht, capture_output=True, text=True, env=env, timeout=timeout)
    if proces.returncode != 0 or not proces.stdout.strip():
        return {"fout": (proces.stderr.strip().splitlines() or ["lighthouse gaf geen uitvoer"])[-1]}
    return samenvatting(json.loads(proces.stdout))


def samenvatting(lhr: dict) -> dict:
    """Scores, failing audits and metrics from a Lighthouse result (lhr)."""
    audits = lhr["audits"]
    scores, falend, details = {}, {}, {}
    for naam in CATEGORIEEN:
        categorie = lhr["categories"].get(naam)
        if not categorie:
            continue
        scores[naam] = None if categorie["score"] is None else round(categorie["score"] * 100)
        ids = []
        for ref in categorie["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("scoreDisplayMode") in ("informative", "manual", "notApplicable", "error"):
                continue
            if audit.get("score") is not None and audit["score"] < 1:
                ids.append(ref["id"])
                elementen = _elementen(audit)
                if elementen:
                    details[ref["id"]] = elementen
        falend[naam] = ids
    metrieken = {sleutel: audits[a].get("numericValue") for a, sleutel in METRIEKEN.items() if a in audits}
    uit = {"scores": scores, "falend": falend, "metrieken": metrieken,
           "benchmark_index": (lhr.get("environment") or {}).get("benchmarkIndex")}
    if details:
        uit["elementen"] = details
    if lhr.get("runWarnings"):
        uit["waarschuwingen"] = lhr["runWarnings"]
    return uit


def _elementen(audit: dict, hoeveel: int = 3) -> list[str]:
    """Up to three elements an audit points at (selector and a short snippet)."""
    items = (audit.get("details") or {}).get("items") or []
    uit = []
    for item in items[:hoeveel]:
        node = item.get("node") if isinstance(item, dict) else None
        if node:
            uit.append(f"{node.get('selector', '')} {node.get('snippet', '')[:120]}".strip())
        elif isinstance(item, dict) and item.get("text") is not None:  # link-text: {href, text}
            uit.append(f"{item.get('href', '')} \"{item['text']}\""[:160])
        elif isinstance(item, dict) and item.get("url"):
            uit.append(str(item["url"])[:160])
    return uit


def doel(url: str) -> int:
    """Issue 12's performance goal: 95 on the calculator, 98 on guide pages."""
    return 95 if "/rekenhulp/" in url else 98


def meet(basis: str, urls: list[str], chromium: str | None, opnieuw: bool = True) -> dict:
    """One run per page; with `opnieuw`, a page below its performance goal gets two more runs and
    the run with the median performance score counts (every score is kept): on a shared machine
    one run's blocking time is partly someone else's work."""
    if not CLI.exists():
        raise SystemExit("Lighthouse ontbreekt: `make lighthouse` (of `npm ci` in benchmarks/lighthouse/).")
    print(f"\nLighthouse {versie()} (mobiel), {len(urls)} pagina's ...", flush=True)
    resultaat = {}
    for url in urls:
        runs = [meet_pagina(basis + url, chromium)]
        if opnieuw and "fout" not in runs[0] and (runs[0]["scores"].get("performance") or 0) < doel(url):
            runs += [meet_pagina(basis + url, chromium) for _ in range(2)]
        goed = sorted((r for r in runs if "fout" not in r), key=lambda r: r["scores"].get("performance") or 0)
        r = goed[(len(goed) - 1) // 2] if goed else runs[-1]
        if len(runs) > 1:
            r["performance_runs"] = [x.get("scores", {}).get("performance") for x in runs]
        resultaat[url] = r
        if "fout" in r:
            print(f"  {url}: FOUT {r['fout']}", flush=True)
            continue
        s = r["scores"]
        fout = sorted({a for ids in r["falend"].values() for a in ids})
        print(f"  {url}: " + " ".join(f"{k[:4]} {v}" for k, v in s.items())
              + (f" (perf in {len(r['performance_runs'])} runs: {r['performance_runs']})" if "performance_runs" in r else "")
              + (f"  ({', '.join(fout)})" if fout else ""), flush=True)
    return {"versie": versie(), "vormfactor": "mobile (Lighthouse default: simulated slow 4G, 4x CPU)",
            "chrome_flags": CHROME_FLAGS, "paginas": resultaat}
