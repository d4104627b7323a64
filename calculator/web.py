"""The browser's door to `bereken`: one JSON text in, one JSON text out.

The web worker (docs/assets/rekenhulp/worker.mjs) calls ``bereken_json`` through
``pyodide.pyimport("calculator.web")``. Only JSON text crosses the border between JavaScript
and Python, so the page never sends Python source and the answer is exactly what the native
``bereken`` returns (the same contract as ``python -m calculator``).
"""

from __future__ import annotations

import json

from . import OngeldigeInvoer, bereken
from .invoer import fout_voor

GEEN_JSON = fout_voor("invoer", "geen_json")


def bereken_json(tekst: str) -> str:
    """``{"uitvoer": {...}}`` for input we can compute, ``{"fouten": [...]}`` otherwise.

    Only invalid JSON and OngeldigeInvoer become ``fouten``: any other exception is a bug in
    the calculator and must stay visible, not be dressed up as a message for the participant.
    """
    try:
        return _json({"uitvoer": bereken(lees_json(tekst))})
    except OngeldigeInvoer as e:
        return _json({"fouten": e.details})  # with codes: the page says them in its own language


def lees_json(tekst: str) -> object:
    """The JSON value in `tekst`; OngeldigeInvoer (veld "invoer") when it is not JSON at all."""
    try:
        return json.loads(tekst, parse_constant=_geen_getal)
    except (TypeError, ValueError, RecursionError):
        raise OngeldigeInvoer([dict(GEEN_JSON)]) from None


def _geen_getal(naam: str) -> float:
    """JSON has no NaN or Infinity; let the amount check refuse them with a Dutch message."""
    return float(naam.replace("Infinity", "inf"))


def _json(antwoord: dict) -> str:
    return json.dumps(antwoord, ensure_ascii=False, allow_nan=False)
