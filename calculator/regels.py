"""The rules in force on a date, read from the parameter files in ``parameters/``.

Rules are data (OpenFisca style) so a new school year's amounts are a data change only.
A date that no rule set covers is an error: a silent fallback to the latest values could
show a participant a wrong amount.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache


class GeenRegels(ValueError):
    """No rule set covers the requested date."""


@dataclass(frozen=True)
class Bron:
    titel: str
    url: str


@dataclass(frozen=True)
class Opleiding:
    """A kind of training as the rules see it on one date: which cap and which share apply.

    Its name and examples are words for participants: they live in calculator/teksten/.
    """

    code: str
    plafond: str
    aandeel_deelnemer: str


@dataclass(frozen=True)
class Regels:
    """Everything `bereken` needs, as it stands on one date."""

    start: _dt.date
    naam: str
    bron: Bron
    gecontroleerd_op: str
    plafonds: dict[str, Decimal]
    aandelen: dict[str, Decimal]
    schooljaar_begin: tuple[int, int]  # (month, day)
    opleidingen: dict[str, Opleiding]

    def maximum(self, opleiding: str) -> Decimal:
        return self.plafonds[self.opleidingen[opleiding].plafond]

    def aandeel(self, opleiding: str) -> Decimal:
        return self.aandelen[self.opleidingen[opleiding].aandeel_deelnemer]

    def schooljaar(self, datum: _dt.date) -> str:
        maand, dag = self.schooljaar_begin
        eerste = datum.year if (datum.month, datum.day) >= (maand, dag) else datum.year - 1
        return f"{eerste}-{eerste + 1}"


@lru_cache(maxsize=None)
def _lees(naam: str) -> dict:
    # Through the module's own loader: a folder natively, the wheel itself (a zip on sys.path)
    # in the browser. importlib.resources would pull seven more modules into the browser.
    pad = os.path.join(os.path.dirname(__file__), "parameters", naam)
    return json.loads(__spec__.loader.get_data(pad).decode("utf-8"))


def _datum(tekst: str) -> _dt.date:
    return _dt.date.fromisoformat(tekst)


def _waarde_op(reeks: list[dict], datum: _dt.date, wat: str) -> dict:
    """The entry of a dated series in force on `datum` (latest start <= datum; null ends a rule)."""
    geldig = [item for item in reeks if _datum(item["start"]) <= datum]
    if not geldig:
        raise GeenRegels(wat)
    laatste = max(geldig, key=lambda item: item["start"])
    if laatste.get("value") is None:
        raise GeenRegels(wat)
    return laatste


def opleidingen() -> list[str]:
    """Every kind of training the parameters name, in the order they are shown to participants."""
    return list(_lees("opleidingen.json")["values"])


def _opleidingen_op(datum: _dt.date) -> dict[str, Opleiding]:
    """The kinds of training in force on `datum` (a kind can start later or end with null)."""
    soorten = {}
    for code, reeks in _lees("opleidingen.json")["values"].items():
        try:
            waarde = _waarde_op(reeks, datum, code)["value"]
        except GeenRegels:
            continue
        soorten[code] = Opleiding(code, waarde["plafond"], waarde["aandeel_deelnemer"])
    return soorten


def _reeksen(waarden) -> list[list[dict]]:
    return [waarden] if isinstance(waarden, list) else list(waarden.values())


PARAMETER_BESTANDEN = ("regelset.json", "plafonds.json", "aandelen.json", "schooljaar.json", "opleidingen.json")


def wijzigingen_na(datum: _dt.date) -> list[_dt.date]:
    """Start dates after `datum` of any rule (a new amount, share, kind or school year), sorted.

    The build shows what changes on each of them, so a printed table is never silently outdated.
    """
    data = {
        _datum(item["start"])
        for naam in PARAMETER_BESTANDEN
        for reeks in _reeksen(_lees(naam)["values"])
        for item in reeks
    }
    return sorted(d for d in data if d > datum)


def eerste_datum() -> _dt.date:
    return min(_datum(item["start"]) for item in _lees("regelset.json")["values"])


@lru_cache(maxsize=4096)  # a list of requests spans many dates (calculator/controle.py)
def regels_op(datum: _dt.date) -> Regels:
    """The rule set in force on `datum`; raises GeenRegels before the first set."""
    regelset = _waarde_op(_lees("regelset.json")["values"], datum, "regelset")
    plafonds = {
        naam: Decimal(_waarde_op(reeks, datum, naam)["value"])
        for naam, reeks in _lees("plafonds.json")["values"].items()
    }
    aandelen = {
        naam: Decimal(_waarde_op(reeks, datum, naam)["value"])
        for naam, reeks in _lees("aandelen.json")["values"].items()
    }
    maand, dag = (int(x) for x in _waarde_op(
        _lees("schooljaar.json")["values"]["begin"], datum, "schooljaar")["value"].split("-"))
    ref = regelset["reference"]
    return Regels(
        start=_datum(regelset["start"]),
        naam=regelset["value"],
        bron=Bron(ref["title"], ref["url"]),
        gecontroleerd_op=regelset.get("gecontroleerd_op", ""),
        plafonds=plafonds,
        aandelen=aandelen,
        schooljaar_begin=(maand, dag),
        opleidingen=_opleidingen_op(datum),
    )
