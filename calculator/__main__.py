"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
With --uitleg the same answer is written as text, rendered from the same texts as the web
page and the guide (calculator/teksten/), for a coordinator at a terminal; --taal picks the
language of that text and of the error messages (Dutch by default).
"""

from __future__ import annotations

import argparse
import json
import sys

from . import OngeldigeInvoer, bereken
from .teksten import TALEN, als_tekst, melding
from .web import lees_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Rekenhulp opleidingscheques: lees één JSON-object op stdin, schrijf het antwoord.")
    parser.add_argument("--uitleg", action="store_true", help="schrijf het antwoord als tekst")
    parser.add_argument("--taal", choices=TALEN, default="nl",
                        help="taal van --uitleg en van de foutmeldingen (standaard nl)")
    args = parser.parse_args(argv)
    try:
        tekst = sys.stdin.read()
    except UnicodeDecodeError:  # bytes that are not text are not JSON either
        return _schrijf({"fouten": [{"veld": "invoer", "melding": melding("geen_json", taal=args.taal)}]}, 2,
                        args.uitleg, args.taal)
    try:
        uitvoer = bereken(lees_json(tekst))
    except OngeldigeInvoer as e:
        fouten = [{"veld": f["veld"], "melding": melding(f["code"], f.get("waarden"), args.taal)}
                  for f in e.details]
        return _schrijf({"fouten": fouten}, 2, args.uitleg, args.taal)
    return _schrijf(uitvoer, 0, args.uitleg, args.taal)


def _schrijf(antwoord: dict, code: int, uitleg: bool, taal: str) -> int:
    if uitleg:
        sys.stdout.write(als_tekst(antwoord, taal))
    else:
        json.dump(antwoord, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
