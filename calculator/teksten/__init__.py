"""Every sentence a participant reads about an answer, written once and keyed by id.

The calculator answers with ids (`route`, `zinnen`, `tijdlijn`, `documenten`, `waarschuwingen`);
the texts for those ids live in one JSON file per language beside this module (``nl.json``).
The CLI (`--uitleg`), the build's worked examples and the browser page all render from these
same texts, so a sentence cannot say one thing on the page and another in the terminal, and a
translation is one more file with the same keys (GOV.UK smart-answers: one template per outcome).

Placeholders: ``{veld}`` is an amount of the answer (``{chequebedrag}``); ``**{veld}**`` is the
same amount, stressed. Texts never hold a rule value: "de helft" or "€ 250" come from the
parameters through `aandeel_in_woorden` and the amounts `bereken` computes.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from decimal import Decimal
from functools import lru_cache

def _beschikbaar(taal: str) -> bool:
    try:  # through the module's loader: a folder natively, a zip in the browser
        __spec__.loader.get_data(os.path.join(os.path.dirname(__file__), f"{taal}.json"))
        return True
    except OSError:
        return False


# Dutch first; a language is there when its texts file is (calculator/teksten/<taal>.json).
TALEN = tuple(taal for taal in ("nl", "en", "fr", "ar") if _beschikbaar(taal))
_VELD = re.compile(r"\*\*\{(\w+)\}\*\*|\{(\w+)\}")


@lru_cache(maxsize=None)
def teksten(taal: str = "nl") -> dict:
    """The texts of one language (read through the module's loader: a folder or the wheel)."""
    if taal not in TALEN:
        raise KeyError(taal)
    pad = os.path.join(os.path.dirname(__file__), f"{taal}.json")
    return json.loads(__spec__.loader.get_data(pad).decode("utf-8"))


def vul_in(sjabloon: str, waarden: dict, bedrag=None, nadruk=None) -> str:
    """`sjabloon` with every placeholder filled in from `waarden`.

    `bedrag(waarde)` formats an amount (default: '€ 1.234,50'); `nadruk(tekst)` marks a stressed
    amount (default: as it is, for plain text; the build passes Markdown's ``**``).
    """
    from ..bedragen import euro
    bedrag = bedrag or euro
    nadruk = nadruk or (lambda tekst: tekst)

    def vervang(m: re.Match) -> str:
        waarde = waarden[m.group(1) or m.group(2)]
        tekst = waarde if isinstance(waarde, str) else bedrag(waarde)
        return nadruk(tekst) if m.group(1) else tekst
    return _VELD.sub(vervang, sjabloon)


def melding(code: str, waarden: dict | None = None, taal: str = "nl") -> str:
    """The message of an input error (`OngeldigeInvoer`) in one language, from its code and values.

    The values are already text (a list of codes, a date, "100.000"); they fill `{naam}`."""
    tekst = teksten(taal)["fouten"][code]
    for naam, waarde in (waarden or {}).items():
        tekst = tekst.replace("{" + naam + "}", str(waarde))
    return tekst


def _melding_in(fout: dict, taal: str) -> str:
    """An error of `bereken` in `taal` (its Dutch `melding` when it has no code)."""
    return melding(fout["code"], fout.get("waarden"), taal) if fout.get("code") else fout["melding"]


def placeholders(sjabloon: str) -> list[str]:
    """The names of the placeholders in a text (for tests: every one must be an answer field)."""
    return [m.group(1) or m.group(2) for m in _VELD.finditer(sjabloon)]


def aandeel_in_woorden(aandeel: Decimal | str | int, zin: bool = False, taal: str = "nl") -> str:
    """A share as words: Decimal('0.5') -> 'de helft', 0 -> 'niets', 0.2 -> '20 %'.

    With `zin`, what the participant pays for their cheques: 'de helft van je cheques',
    'niets voor je cheques'.
    """
    t = teksten(taal)
    woorden = t["aandelen"]
    waarde = Decimal(str(aandeel))
    tekst = next((tekst for sleutel, tekst in woorden.items()
                  if sleutel != "anders" and Decimal(sleutel) == waarde), None)
    if tekst is None:
        procent = (waarde * 100).normalize()
        tekst = woorden["anders"].format(procent=f"{procent:f}".replace(".", ","))
    if zin:
        return t["aandeel_zin"]["niets" if waarde == 0 else "deel"].format(aandeel=tekst)
    return tekst


def datum_in_woorden(datum: _dt.date, met_jaar: bool = True, taal: str = "nl") -> str:
    """'1 september 2020' (or '1 september' without the year; French writes the first '1er')."""
    t = teksten(taal)
    maand = t["maanden"][datum.month - 1]
    dag = t["eerste_dag"] if datum.day == 1 else datum.day
    if met_jaar:
        return t["datum"].format(dag=dag, maand=maand, jaar=datum.year)
    return t["dag_en_maand"].format(dag=dag, maand=maand)


def als_tekst(antwoord: dict, taal: str = "nl") -> str:
    """The whole answer as plain text, for a coordinator at a terminal (`python -m calculator --uitleg`)."""
    t = teksten(taal)
    if "fouten" in antwoord:
        return "".join(t["resultaat"]["fout_bij"].format(veld=f["veld"], melding=_melding_in(f, taal)) + "\n"
                       for f in antwoord["fouten"])
    r = t["resultaat"]
    regels = [r["titel"], r["schooljaar"].format(schooljaar=antwoord["schooljaar"]), ""]
    regels += [f"- {vul_in(t['zinnen'][z], antwoord)}" for z in antwoord["zinnen"]]
    regels += ["", f"{r['tijdlijn']}"]
    regels += [f"{i}. {vul_in(t['tijdlijn'][stap]['tekst'], antwoord)}"
               for i, stap in enumerate(antwoord["tijdlijn"], 1)]
    if antwoord["documenten"]:
        regels += ["", f"{r['documenten']}:"]
        regels += [f"{i}. {t['documenten'][d]['titel']}. {t['documenten'][d]['uitleg']}"
                   for i, d in enumerate(antwoord["documenten"], 1)]
    if antwoord["waarschuwingen"]:
        regels += ["", f"{r['waarschuwingen']}:"]
        regels += [f"- {t['waarschuwingen'][w]['titel']}. {t['waarschuwingen'][w]['uitleg']}"
                   for w in antwoord["waarschuwingen"]]
    regels += ["", f"{r['bedragen']}:"]
    regels += [f"- {label}: {vul_in('{' + veld + '}', antwoord)}" for veld, label in t["bedragen"].items()]
    regels += ["", regels_zin(antwoord["regels"], taal) + " " + r["wie_beslist"]]
    return "\n".join(regels) + "\n"


def regels_zin(regels: dict, taal: str = "nl") -> str:
    """'Berekend met de regels van 1 september 2020, laatst gecontroleerd op 27 november 2026.'"""
    r = teksten(taal)["resultaat"]
    start = datum_in_woorden(_dt.date.fromisoformat(regels["start"]), taal=taal)
    if regels.get("gecontroleerd_op"):
        gecontroleerd = datum_in_woorden(_dt.date.fromisoformat(regels["gecontroleerd_op"]), taal=taal)
        return r["regels_gecontroleerd"].format(start=start, gecontroleerd_op=gecontroleerd)
    return r["regels"].format(start=start)
