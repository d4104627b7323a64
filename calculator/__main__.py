"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
"""

from __future__ import annotations

import json
import sys

from . import OngeldigeInvoer, bereken
from .web import GEEN_JSON, lees_json


def main() -> int:
    try:
        tekst = sys.stdin.read()
    except UnicodeDecodeError:  # bytes that are not text are not JSON either
        return _schrijf({"fouten": [dict(GEEN_JSON)]}, 2)
    try:
        uitvoer = bereken(lees_json(tekst))
    except OngeldigeInvoer as e:
        return _schrijf({"fouten": e.fouten}, 2)
    return _schrijf(uitvoer, 0)


def _schrijf(antwoord: dict, code: int) -> int:
    json.dump(antwoord, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
