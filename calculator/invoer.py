"""Turning what a participant (or a shared link) sends into checked values.

Every problem becomes a message tied to its field, all at once, so the form can show each message
next to its field: a `code` (a key of the texts' "fouten", so a page in another language says it in
its own words, with `waarden` to fill in) and the Dutch `melding` (the contract's message).
Nothing here raises anything but OngeldigeInvoer.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal

from .bedragen import OnleesbaarBedrag, lees_bedrag
from .regels import GeenRegels, Regels, eerste_datum, opleidingen, regels_op
from .teksten import melding

MAXIMUM_BEDRAG = Decimal("100000")
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TE_HOOG = {"maximum": f"{MAXIMUM_BEDRAG:,.0f}".replace(",", ".")}  # "100.000", as Flemish people write it
_JA = {True: True, False: False, "ja": True, "nee": False, "true": True, "false": False}


def fout_voor(veld: str, code: str, **waarden: str) -> dict:
    """One problem: {"veld", "melding" (Dutch), "code"} and, when the message has values, "waarden"."""
    fout = {"veld": veld, "melding": melding(code, waarden), "code": code}
    if waarden:
        fout["waarden"] = waarden
    return fout


class OngeldigeInvoer(ValueError):
    """The input cannot be computed.

    `fouten` lists {"veld", "melding"} per problem, exactly the contract's shape (Dutch messages);
    `details` the same problems with their "code" and "waarden", for a page or a CLI that says
    them in another language."""

    def __init__(self, fouten: list[dict]):
        self.details = fouten
        self.fouten = [{"veld": f["veld"], "melding": f["melding"]} for f in fouten]
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
        raise OngeldigeInvoer([fout_voor("invoer", "geen_object")])
    fouten: list[dict] = []

    def fout(veld: str, code: str, **waarden: str) -> None:
        fouten.append(fout_voor(veld, code, **waarden))

    soorten = opleidingen()
    opleiding = invoer.get("opleiding")
    if opleiding is None or opleiding == "":
        fout("opleiding", "opleiding_kiezen")
    elif not isinstance(opleiding, str) or opleiding not in soorten:
        fout("opleiding", "opleiding_onbekend", lijst=", ".join(soorten))

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
            fout("datum", "datum_geen_regels", eerste_datum=f"{eerste_datum():%d-%m-%Y}")
    if regels is not None and opleiding in soorten and opleiding not in regels.opleidingen:
        fout("opleiding", "opleiding_niet_op_datum", lijst=", ".join(regels.opleidingen))
    if fouten:
        raise OngeldigeInvoer(fouten)
    return Invoer(opleiding, inschrijvingsgeld, al_aangevraagd, aanvaardt, geweigerd, datum, regels)


def _bedrag(invoer: dict, veld: str, fout, verplicht: bool) -> Decimal | None:
    waarde = invoer.get(veld)
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        if verplicht:
            fout(veld, "inschrijvingsgeld_leeg")
            return None
        return Decimal("0.00")
    try:
        bedrag = lees_bedrag(waarde)
    except OnleesbaarBedrag as e:
        fout(veld, e.code, **(_TE_HOOG if e.code == "bedrag_te_hoog" else {}))
        return None
    if bedrag < 0:
        fout(veld, "bedrag_negatief")
        return None
    if bedrag > MAXIMUM_BEDRAG:
        fout(veld, "bedrag_te_hoog", **_TE_HOOG)
        return None
    return bedrag


def _ja_nee(invoer: dict, veld: str, standaard: bool, fout) -> bool:
    waarde = invoer.get(veld)
    if waarde is None or waarde == "":
        return standaard
    sleutel = waarde.strip().lower() if isinstance(waarde, str) else waarde
    if isinstance(sleutel, (bool, str)) and sleutel in _JA:
        return _JA[sleutel]
    fout(veld, "ja_nee")
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
    fout("datum", "datum_onbekend")
    return None
