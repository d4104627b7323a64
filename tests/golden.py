"""Golden calculator cases as data: loading ``tests/cases/*.yaml`` and comparing results.

Each case has a ``name``, a ``datum`` and an ``invoer`` (without datum; ``load_cases`` adds it),
and either ``uitvoer`` (the expected values of the keys it lists) or ``fouten_velden`` (the
fields `bereken` must refuse). Shared by the native tests and the browser test, which feeds the
same ``invoer`` through the web worker.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

import yaml

CASES = Path(__file__).parent / "cases"
BEDRAG_VELDEN = (
    "maximum", "beschikbaar", "chequebedrag", "eigen_bijdrage", "overheid",
    "bijbetalen", "terugbetaling", "voorschieten", "netto_kost",
)
_SLEUTELS = {"name", "datum", "invoer", "uitvoer", "fouten_velden"}


def load_cases(folder: Path = CASES) -> list[dict]:
    """Every case of every YAML file, in file order, with ``invoer["datum"]`` filled in.

    Each case also gets ``bestand`` (the file name) so a failing case is easy to find.
    """
    cases = []
    for pad in sorted(folder.glob("*.yaml")):
        for case in yaml.safe_load(pad.read_text(encoding="utf-8")) or []:
            onbekend = set(case) - _SLEUTELS
            if onbekend:
                raise ValueError(f"{pad.name}: {case.get('name')}: unknown keys {sorted(onbekend)}")
            if not case.get("name") or "datum" not in case or "invoer" not in case:
                raise ValueError(f"{pad.name}: every case needs name, datum and invoer: {case}")
            if ("uitvoer" in case) == ("fouten_velden" in case):
                raise ValueError(f"{pad.name}: {case['name']}: give uitvoer or fouten_velden, not both")
            if "datum" in case["invoer"]:
                raise ValueError(f"{pad.name}: {case['name']}: put datum next to invoer, not in it")
            datum = case["datum"]
            if isinstance(datum, _dt.date):  # unquoted YAML date: keep the JSON-shaped string
                datum = datum.isoformat()
            cases.append({**case, "datum": datum, "invoer": {**case["invoer"], "datum": datum},
                          "bestand": pad.name})
    namen = [c["name"] for c in cases]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        raise ValueError(f"case names must be unique: {dubbel}")
    return cases


def verschillen(verwacht: dict, uitvoer: dict, pad: str = "") -> list[str]:
    """What differs between the expected keys and the result (empty list: the case passes).

    Amounts are compared as Decimal(str(x)), so 125 == 125.0 and 0.1 + 0.2 is caught.
    A nested dict (``regels``) is compared on the keys it lists; lists are compared exactly.
    """
    fouten = []
    for sleutel, waarde in verwacht.items():
        naam = pad + sleutel
        if sleutel not in uitvoer:
            fouten.append(f"{naam}: missing from the result")
            continue
        echt = uitvoer[sleutel]
        if isinstance(waarde, dict) and isinstance(echt, dict):
            fouten += verschillen(waarde, echt, naam + ".")
        elif sleutel in BEDRAG_VELDEN and not pad:
            if isinstance(echt, bool) or not isinstance(echt, (int, float)):
                fouten.append(f"{naam}: expected a JSON number, got {echt!r}")
            elif Decimal(str(echt)) != Decimal(str(waarde)):
                fouten.append(f"{naam}: expected {waarde}, got {echt}")
        elif echt != waarde:
            fouten.append(f"{naam}: expected {waarde!r}, got {echt!r}")
    return fouten
