"""Turning what a participant (or a shared link) sends into checked values.

Every problem becomes a Dutch message tied to its field, all at once, so the form can show
each message next to its field. Nothing here raises anything but OngeldigeInvoer.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal

from .bedragen import OnleesbaarBedrag, lees_bedrag
from .regels import GeenRegels, Regels, eerste_datum, opleidingen, regels_op

MAXIMUM_BEDRAG = Decimal("100000")
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JA = {True: True, False: False, "ja": True, "nee": False, "true": True, "false": False}


class OngeldigeInvoer(ValueError):
    """The input cannot be computed; `fouten` lists {"veld", "melding"} per problem."""

    def __init__(self, fouten: list[dict[str, str]]):
        self.fouten = fouten
        super().__init__("; ".join(f"{f['veld']}: {f['melding']}" for f in fouten))


@dataclass(frozen=True)
class Invoer:
    opleiding: str
    inschrijvingsgeld: Decimal
    al_aangevraagd: Decimal
    aanvaardt_cheques: bool
    aanvraag_geweigerd: bool
    datum: _dt.date
    regels: Regels


def lees_invoer(invoer: object, vandaag: _dt.date | None = None) -> Invoer:
    if not isinstance(invoer, dict):
        raise OngeldigeInvoer([{
            "veld": "invoer",
            "melding": "De invoer moet een JSON-object zijn, bijvoorbeeld "
                       '{"opleiding": "andere", "inschrijvingsgeld": 400}.',
        }])
    fouten: list[dict[str, str]] = []

    def fout(veld: str, melding: str) -> None:
        fouten.append({"veld": veld, "melding": melding})

    soorten = opleidingen()
    opleiding = invoer.get("opleiding")
    if opleiding is None or opleiding == "":
        fout("opleiding", "Kies welke opleiding je volgt.")
    elif not isinstance(opleiding, str) or opleiding not in soorten:
        fout("opleiding", "Deze soort opleiding kennen we niet. Kies er een uit de lijst: "
             + ", ".join(soorten) + ".")

    inschrijvingsgeld = _bedrag(invoer, "inschrijvingsgeld", fout, verplicht=True)
    al_aangevraagd = _bedrag(invoer, "al_aangevraagd", fout, verplicht=False)
    aanvaardt = _ja_nee(invoer, "aanvaardt_cheques", True, fout)
    geweigerd = _ja_nee(invoer, "aanvraag_geweigerd", False, fout)
    datum = _datum(invoer, vandaag, fout)

    regels = None
    if datum is not None:
        try:
            regels = regels_op(datum)
        except GeenRegels:
            fout("datum", "Voor deze datum kennen we de regels niet. De rekenhulp werkt vanaf "
                 f"{eerste_datum():%d-%m-%Y}, de start van de digitale opleidingscheques.")
    if regels is not None and opleiding in soorten and opleiding not in regels.opleidingen:
        fout("opleiding", "Deze soort opleiding bestaat niet op deze datum. Kies er een uit de lijst: "
             + ", ".join(regels.opleidingen) + ".")
    if fouten:
        raise OngeldigeInvoer(fouten)
    return Invoer(opleiding, inschrijvingsgeld, al_aangevraagd, aanvaardt, geweigerd, datum, regels)


def _bedrag(invoer: dict, veld: str, fout, verplicht: bool) -> Decimal | None:
    waarde = invoer.get(veld)
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        if verplicht:
            fout(veld, "Vul het inschrijvingsgeld in: het bedrag op je inschrijvingsbewijs, bijvoorbeeld 250.")
            return None
        return Decimal("0.00")
    try:
        bedrag = lees_bedrag(waarde)
    except OnleesbaarBedrag as e:
        fout(veld, str(e))
        return None
    if bedrag < 0:
        fout(veld, "Een bedrag kan niet negatief zijn. Vul 0 of meer in.")
        return None
    if bedrag > MAXIMUM_BEDRAG:
        fout(veld, "Dit bedrag is te hoog. Vul een bedrag in tot 100.000 euro.")
        return None
    return bedrag


def _ja_nee(invoer: dict, veld: str, standaard: bool, fout) -> bool:
    waarde = invoer.get(veld)
    if waarde is None or waarde == "":
        return standaard
    sleutel = waarde.strip().lower() if isinstance(waarde, str) else waarde
    if isinstance(sleutel, (bool, str)) and sleutel in _JA:
        return _JA[sleutel]
    fout(veld, "Kies ja of nee.")
    return standaard


def _datum(invoer: dict, vandaag: _dt.date | None, fout) -> _dt.date | None:
    waarde = invoer.get("datum")
    if waarde is None or waarde == "":
        return vandaag or _dt.date.today()
    if isinstance(waarde, _dt.datetime):  # a datetime is a date too, but cannot be compared with one
        return waarde.date()
    if isinstance(waarde, _dt.date):
        return waarde
    if isinstance(waarde, str) and _ISO_DATUM.match(waarde.strip()):
        try:
            return _dt.date.fromisoformat(waarde.strip())
        except ValueError:
            pass
    fout("datum", "Deze datum kennen we niet. Schrijf ze als jaar-maand-dag, bijvoorbeeld 2026-09-15.")
    return None
