"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
"""

from __future__ import annotations

import json
import sys

from . import OngeldigeInvoer, bereken


def main() -> int:
    try:
        tekst = sys.stdin.read()  # bytes that are not UTF-8 raise UnicodeDecodeError, a ValueError
        invoer = json.loads(tekst, parse_constant=_geen_getal)
    except (ValueError, RecursionError):
        return _fouten([{"veld": "invoer", "melding": "Dit is geen geldige JSON. Stuur één JSON-object, "
                         'bijvoorbeeld {"opleiding": "andere", "inschrijvingsgeld": 400}.'}])
    try:
        uitvoer = bereken(invoer)
    except OngeldigeInvoer as e:
        return _fouten(e.fouten)
    json.dump(uitvoer, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _geen_getal(naam: str) -> float:
    """JSON has no NaN or Infinity; let the amount check refuse them with a Dutch message."""
    return float(naam.replace("Infinity", "inf"))


def _fouten(fouten: list[dict]) -> int:
    json.dump({"fouten": fouten}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
