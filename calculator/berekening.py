"""The one calculation: how much to request, who pays what, and what comes back.

Money is conserved on every route: overheid + terugbetaling + netto_kost == inschrijvingsgeld.
All arithmetic is Decimal, rounded half-up to the cent only where a share is taken.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

from .bedragen import CENT, als_getal
from .invoer import Invoer, lees_invoer
from .uitleg import tijdlijn, zinnen

NUL = Decimal("0.00")

BEDRAG_VELDEN = (
    "maximum", "beschikbaar", "chequebedrag", "eigen_bijdrage", "overheid",
    "bijbetalen", "terugbetaling", "voorschieten", "netto_kost",
)


def bereken(invoer: dict, vandaag: _dt.date | None = None) -> dict:
    """Answer every question of the calculator for one participant (contract: ARCHITECTURE.md §3).

    Raises OngeldigeInvoer (with Dutch messages per field) for input it cannot compute.
    """
    ingelezen = lees_invoer(invoer, vandaag)
    bedragen, documenten, waarschuwingen, route = _bereken(ingelezen)
    regels = ingelezen.regels
    uitvoer = {
        "schooljaar": regels.schooljaar(ingelezen.datum),
        "route": route,
        **{veld: als_getal(bedragen[veld]) for veld in BEDRAG_VELDEN},
        "documenten": documenten,
        "waarschuwingen": waarschuwingen,
        # the amounts as read from the input ("1.234" is 1234 in Dutch): shown back to the participant
        "gelezen": {"inschrijvingsgeld": als_getal(ingelezen.inschrijvingsgeld),
                    "al_aangevraagd": als_getal(ingelezen.al_aangevraagd)},
        "zinnen": zinnen(bedragen, route, ingelezen.inschrijvingsgeld),
        "tijdlijn": tijdlijn(bedragen, route),
        "regels": {
            "start": regels.start.isoformat(),
            "naam": regels.naam,
            "bron": {"titel": regels.bron.titel, "url": regels.bron.url},
            "gecontroleerd_op": regels.gecontroleerd_op,
        },
    }
    return uitvoer


def bereken_bedragen(invoer: dict, vandaag: _dt.date | None = None) -> dict:
    """Only the school year, the route and the amounts (Decimal) of `bereken`, without its sentences.

    For a coordinator's list of thousands of rows (calculator/controle.py): the same reading and
    the same calculation as `bereken`, without rendering texts nobody reads there."""
    ingelezen = lees_invoer(invoer, vandaag)
    bedragen, _, _, route = _bereken(ingelezen)
    return {"schooljaar": ingelezen.regels.schooljaar(ingelezen.datum), "route": route, **bedragen}


def _bereken(i: Invoer) -> tuple[dict[str, Decimal], list[str], list[str], str]:
    maximum = i.regels.maximum(i.opleiding)
    beschikbaar = max(maximum - i.al_aangevraagd, NUL)
    kost = i.inschrijvingsgeld

    if not i.aanvaardt_cheques or i.aanvraag_geweigerd:
        # LET OP rule: with a paper proof, the coordination refunds the whole registration.
        bedragen = dict(
            maximum=maximum, beschikbaar=beschikbaar, chequebedrag=NUL, eigen_bijdrage=NUL,
            overheid=NUL, bijbetalen=kost, terugbetaling=kost, voorschieten=kost, netto_kost=NUL,
        )
        documenten = ["aanvraagformulier_terugbetaling", "inschrijvings_en_betalingsbewijs"]
        if not i.aanvaardt_cheques:
            documenten.append("bewijs_geen_cheques_aanvaard")
        if i.aanvraag_geweigerd:
            documenten.append("bewijs_weigering")
        waarschuwingen = ["bewijs_op_papier", "niet_terugbetaald"]
        return bedragen, documenten, waarschuwingen, "volledige_terugbetaling"

    chequebedrag = min(beschikbaar, kost)
    eigen_bijdrage = (chequebedrag * i.regels.aandeel(i.opleiding)).quantize(CENT, rounding=ROUND_HALF_UP)
    overheid = chequebedrag - eigen_bijdrage
    bijbetalen = kost - chequebedrag
    terugbetaling = eigen_bijdrage + bijbetalen
    bedragen = dict(
        maximum=maximum, beschikbaar=beschikbaar, chequebedrag=chequebedrag,
        eigen_bijdrage=eigen_bijdrage, overheid=overheid, bijbetalen=bijbetalen,
        terugbetaling=terugbetaling, voorschieten=eigen_bijdrage + bijbetalen,
        netto_kost=kost - overheid - terugbetaling,
    )

    waarschuwingen = []
    if chequebedrag > 0:
        waarschuwingen.append("cheques_voor_start")
    if beschikbaar == 0:
        waarschuwingen.append("plafond_bereikt")
    elif kost > beschikbaar:
        waarschuwingen.append("boven_plafond")
    if terugbetaling == 0:
        waarschuwingen.append("niets_terug_te_vragen")
        documenten = []
    else:
        documenten = ["aanvraagformulier_terugbetaling", "inschrijvings_en_betalingsbewijs"]
        if chequebedrag > 0:
            documenten += ["bevestigingsmail_wse", "goedkeuringsmail_wse"]
    waarschuwingen.append("niet_terugbetaald")
    return bedragen, documenten, waarschuwingen, "cheques"
