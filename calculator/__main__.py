"""`python -m calculator`: one JSON object in on stdin, one JSON object out on stdout.

Exit 0 with the answer, or exit 2 with {"fouten": [...]} so scripts can tell the two apart.
With --uitleg the same answer is written as Dutch text, with the same words for documents and
warnings as the web page (calculator/teksten.py), for a coordinator at a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import BEDRAG_VELDEN, OngeldigeInvoer, bereken
from .bedragen import euro
from .teksten import DOCUMENTEN, WAARSCHUWINGEN
from .web import GEEN_JSON, lees_json

LABELS = {
    "maximum": "Maximum per schooljaar",
    "beschikbaar": "Nog beschikbaar dit schooljaar",
    "chequebedrag": "Vraag zoveel opleidingscheques aan",
    "eigen_bijdrage": "Jij betaalt aan Edenred",
    "overheid": "De Vlaamse overheid betaalt",
    "bijbetalen": "Jij betaalt bij aan de opleidingsinstelling",
    "terugbetaling": "De JoJo/VeVe-coördinatie betaalt terug",
    "voorschieten": "Jij schiet voor",
    "netto_kost": "Wat je uiteindelijk zelf betaalt",
}


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


def als_tekst(antwoord: dict) -> str:
    if "fouten" in antwoord:
        return "".join(f"Fout bij {f['veld']}: {f['melding']}\n" for f in antwoord["fouten"])
    regels = [f"Schooljaar {antwoord['schooljaar']}"]
    if antwoord["route"] == "volledige_terugbetaling":
        regels.append("Geen opleidingscheques: de JoJo/VeVe-coördinatie betaalt je hele inschrijving terug.")
    regels += [f"{LABELS[veld]}: {euro(antwoord[veld])}" for veld in BEDRAG_VELDEN]
    if antwoord["documenten"]:
        regels.append("\nStuur deze documenten naar de JoJo/VeVe-coördinatie:")
        regels += [f"{i}. {DOCUMENTEN[d]['titel']}. {DOCUMENTEN[d]['uitleg']}"
                   for i, d in enumerate(antwoord["documenten"], 1)]
    if antwoord["waarschuwingen"]:
        regels.append("\nLet op:")
        regels += [f"- {WAARSCHUWINGEN[w]['titel']}. {WAARSCHUWINGEN[w]['uitleg']}"
                   for w in antwoord["waarschuwingen"]]
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    sys.exit(main())
