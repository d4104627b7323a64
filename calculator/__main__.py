"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
With --uitleg the same answer is written as text, rendered from the same texts as the web
page and the guide (calculator/teksten/), for a coordinator at a terminal; --taal picks the
language of that text and of the error messages (Dutch by default).

With --csv [FILE] (standard input without FILE) it checks a coordinator's list instead: CSV in,
the same rows with every amount out (calculator/controle.py). Exit 2 only when the file cannot be
read as a list at all; a row that cannot be computed says why in its `fouten` column.
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
    parser.add_argument("--csv", nargs="?", const="-", metavar="BESTAND",
                        help="controleer een lijst (CSV) van aanvragen; zonder BESTAND: stdin")
    args = parser.parse_args(argv)
    if args.csv is not None:
        return _lijst(args.csv, args.taal)
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


def _lijst(bestand: str, taal: str) -> int:
    from .controle import OnleesbaarBestand, controleer, lees_csv, schrijf_csv
    try:
        if bestand == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(bestand, "rb") as f:
                data = f.read()
    except OSError as e:
        sys.stderr.write(f"{melding('lijst_niet_gevonden', {'bestand': bestand}, taal)} ({e.strerror})\n")
        return 2
    try:
        tabel = lees_csv(data)
        if not tabel.rijen:
            sys.stderr.write(melding("lijst_alleen_kopregel", taal=taal) + "\n")
        uit = schrijf_csv(controleer(tabel), tabel.scheiding, tabel.codering, taal)
    except OnleesbaarBestand as e:
        sys.stderr.write(e.melding_in(taal) + "\n")
        return 2
    sys.stdout.buffer.write(uit)
    sys.stdout.flush()
    return 0


def _schrijf(antwoord: dict, code: int, uitleg: bool, taal: str) -> int:
    if uitleg:
        sys.stdout.write(als_tekst(antwoord, taal))
    else:
        json.dump(antwoord, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
