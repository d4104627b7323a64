"""Where things are, and the URL contract the build must keep (ARCHITECTURE.md §4)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
RUNTIME_DIR = "assets/pyodide"
WHEEL_DIR = "assets/calculator"
CACHE = ROOT / "node_modules" / ".cache" / "opleidingscheques"

# URL contract (ARCHITECTURE.md §4): coordinators print these, so the build refuses to lose one.
CONTRACT_URLS = {
    "/": [],
    "/stappenplan/": ["stap-1", "stap-2", "stap-3", "stap-3a", "stap-3b", "stap-3c", "stap-3d",
                      "stap-4", "stap-5", "stap-6", "stap-7", "stap-8"],
    "/waar-heb-ik-recht-op/": [],
    "/rekenhulp/": [],
    "/terugbetaling/": ["let-op-bewijs"],  # the one exception to "no cheques, no refund": coordinators send it
    "/bijlagen/bevestigingsmail/": [],
    "/bijlagen/goedkeuringsmail/": [],
    "/bijlagen/inschrijvingsbewijs/": [],
    "/voor-coordinatoren/": [],
    "/voor-coordinatoren/controle/": [],
    "/over/": [],
    "/toegankelijkheid/": [],
    "/woordenlijst/": [],  # its anchors: GLOSSARY_ANCHORS (one link each would be 35 more QR codes)
}

# /woordenlijst/#<anker>: one entry per hard word (talen/nl/woordenlijst.yaml). Listed here too, so
# that removing or renaming an entry in the data file fails `build_site.py check` and the tests.
GLOSSARY_ANCHORS = (
    "agodi", "bachelor", "basisvaardigheden", "beroepskwalificatie", "betalingsbewijs",
    "bevestigingsmail", "coordinatie", "cvo", "edenred", "eid", "eigen-bijdrage", "examencommissie",
    "goedkeuringsmail", "graduaat", "inschrijvingsbewijs", "inschrijvingsgeld", "itsme", "jojo",
    "kaartlezer", "knelpuntberoep", "kort-geschoold", "nt2", "odb-registratienummer",
    "opleidingscheques", "opleidingsdatabank", "opleidingsinstelling", "persoonlijk-ontwikkelingsplan",
    "schooljaar", "startbaan", "stempel", "tweedekansonderwijs", "vdab", "veve",
    "vlaamse-kwalificatiestructuur", "wse-loket",
)
