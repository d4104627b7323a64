"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
With --uitleg the same answer is written as Dutch text, rendered from the same texts as the web
page and the guide (calculator/teksten/), for a coordinator at a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import OngeldigeInvoer, bereken
from .teksten import als_tekst
from .web import GEEN_JSON, lees_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Rekenhulp opleidingscheques: lees één JSON-object op stdin, schrijf het antwoord.")
    parser.add_argument("--uitleg", action="store_true", help="schrijf het antwoord als Nederlandse tekst")
    args = parser.parse_args(argv)
    try:
        tekst = sys.stdin.read()
    except UnicodeDecodeError:  # bytes that are not text are not JSON either
        return _schrijf({"fouten": [dict(GEEN_JSON)]}, 2, args.uitleg)
    try:
        uitvoer = bereken(lees_json(tekst))
    except OngeldigeInvoer as e:
        return _schrijf({"fouten": e.fouten}, 2, args.uitleg)
    return _schrijf(uitvoer, 0, args.uitleg)


def _schrijf(antwoord: dict, code: int, uitleg: bool) -> int:
    if uitleg:
        sys.stdout.write(als_tekst(antwoord))
    else:
        json.dump(antwoord, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
