"""The coordinators' list check with 10,000 rows (issue 15): `--onderdelen lijst`.

- browser: /voor-coordinatoren/controle/ with Python already loaded, from choosing the file to the
  table shown (the page's own measure, window.controle.laatste.ms: from the input's change to the
  frame after the table was put in the page), no throttling; goal <= 5 s;
- command line: `python -m calculator --csv` on the same file, wall clock of the whole process
  (Python's start included); goal <= 2 s.

The list is the same every run (a fixed seed): every kind of training, amounts with and without
cents, the optional columns, one row in fifty with an error, every row with a date in one month
(a month's list, as a coordination office checks it).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RIJEN = 10_000
DOEL_BROWSER_MS = 5000
DOEL_CLI_MS = 2000
KOP = "naam;e-mail;opleiding;inschrijvingsgeld;al_aangevraagd;aanvaardt_cheques;aanvraag_geweigerd;datum"
SOORTEN = ("secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie", "graduaat_bachelor", "andere")


def lijst(rijen: int = RIJEN) -> bytes:
    kans = random.Random(15)
    regels = [KOP]
    for i in range(rijen):
        soort = kans.choice(SOORTEN) if i % 50 else "onbekend"
        geld = f"{kans.randint(20, 2000)},{kans.choice(('00', '50', '99'))}"
        regels.append(f"Deelnemer {i};d{i}@example.be;{soort};{geld};{kans.choice(('', '0', '100'))};"
                      f"{kans.choice(('ja', 'ja', 'nee'))};{kans.choice(('nee', 'nee', 'ja'))};"
                      f"{kans.randint(1, 28)}/10/2026")  # last month's list
    return ("\ufeff" + "\r\n".join(regels) + "\r\n").encode("utf-8")


def meet(meter, herhalingen: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="lijst-") as tmp:
        pad = Path(tmp) / "lijst-10000.csv"
        pad.write_bytes(lijst())
        cli = []
        for _ in range(herhalingen):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "calculator", "--csv", str(pad)], cwd=ROOT, check=True,
                           capture_output=True)
            cli.append((time.perf_counter() - t0) * 1000)
        context = meter.browser.new_context(base_url=meter.basis, service_workers="block")
        try:
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto("/voor-coordinatoren/controle/")
            page.locator("#controle-vak[data-toestand='klaar']").wait_for(state="attached")
            browser, python = [], []
            for _ in range(herhalingen):
                page.locator("#controle-wissen").evaluate("(knop) => knop.click()")
                page.evaluate("() => { window.controle.laatste = null; }")
                page.set_input_files("#controle-bestand", str(pad))
                # the table is shown (its first rows: the page shows 300 at once, controle.js)
                page.wait_for_function(f"() => window.controle.laatste && window.controle.laatste.aantal === {RIJEN}")
                laatste = page.evaluate("() => window.controle.laatste")
                browser.append(laatste["ms"])
                python.append(laatste["python_ms"])
        finally:
            context.close()
    return {
        "rijen": RIJEN, "herhalingen": herhalingen,
        "browser_ms": round(statistics.median(browser)), "browser_python_ms": round(statistics.median(python)),
        "cli_ms": round(statistics.median(cli)), "browser_alle_ms": browser, "cli_alle_ms": [round(x) for x in cli],
    }


def markdown(l: dict) -> list[str]:
    return [
        "## The coordinators' list check, 10,000 rows (issue 15)", "",
        f"Median of {l['herhalingen']}{', measured ' + l['datum'] if l.get('datum') else ''}.", "",
        "| | measured | goal | met |", "|---|---:|---:|:-:|",
        f"| browser, Python loaded: file chosen to table shown (of which Python {l['browser_python_ms']} ms) "
        f"| {l['browser_ms']} ms | <= {DOEL_BROWSER_MS} ms | {'yes' if l['browser_ms'] <= DOEL_BROWSER_MS else 'no'} |",
        f"| `python -m calculator --csv` (whole process) | {l['cli_ms']} ms | <= {DOEL_CLI_MS} ms "
        f"| {'yes' if l['cli_ms'] <= DOEL_CLI_MS else 'no'} |", "",
    ]
