"""The browser's door to the coordinators' list check (calculator/controle.py).

The page /voor-coordinatoren/controle/ sends the bytes of the file a coordinator chose, with its
name and the page's language, to the calculator's web worker; the worker calls
``controleer_bestand`` through ``pyodide.pyimport("calculator.web_controle")``. Only the file's
bytes go in and JSON text (plus the result's CSV or XLSX bytes) comes out: the page never sends
Python source, and the CSV it offers is made by the same ``schrijf_csv`` as
``python -m calculator --csv``, so both are byte for byte the same file.

The last list stays in this module (``_laatste``) only so that the XLSX can be made when it is
asked for, not for every list; ``vergeet`` drops it (the page's "Wissen", a new file). The worker
it lives in ends with the page, and this page never takes a memory snapshot (worker.mjs), so no
list outlives the page.

Amounts are written here, the Dutch way (`euro`), so the page's script only places text: it never
formats or adds up an amount (STYLE.md 4).
"""

from __future__ import annotations

import datetime as _dt
import json

from .bedragen import euro
from .teksten import melding

# The amounts the page's table shows, in this order (every one is a result column of the CSV).
TABEL_BEDRAGEN = ("chequebedrag", "eigen_bijdrage", "terugbetaling", "overheid")

_laatste: dict | None = None


def controleer_bestand(data, bestandsnaam: str = "", taal: str = "nl", vandaag: str | None = None) -> str:
    """The file's rows as the page's table (JSON text); the result stays for `csv_bytes`/`xlsx_bytes`.

    ``{"rijen": [[nr, naam, opleiding, inschrijvingsgeld, *TABEL_BEDRAGEN, fouten], ...],
    "waarden": [[*TABEL_BEDRAGEN as numbers] | null, ...], "totalen": {...}, "aantal", "aantal_fouten",
    "naam_kolom", "csv_naam", "xlsx_naam"}``, or ``{"fout": {"code", "melding"}}`` when the file
    is no list at all. `vandaag` (ISO) fixes the date of rows without one (tests, the benchmark).
    """
    global _laatste
    from . import controle
    _laatste = None
    data = _als_bytes(data)
    try:
        if _is_xlsx(data, bestandsnaam):
            from .xlsx import lees_xlsx
            tabel = lees_xlsx(data)
        else:
            tabel = controle.lees_csv(data)
        if not tabel.rijen:
            raise controle.OnleesbaarBestand("lijst_alleen_kopregel")
        uitkomst = controle.controleer(tabel, _dt.date.fromisoformat(vandaag) if vandaag else None)
    except controle.OnleesbaarBestand as e:
        return _json({"fout": {"code": e.code, "melding": e.melding_in(taal)}})
    _laatste = {"controle": uitkomst, "scheiding": tabel.scheiding, "codering": tabel.codering,
                "naam": bestandsnaam}
    return _json(_tabel(uitkomst, taal, bestandsnaam))


def csv_bytes(taal: str = "nl") -> bytes:
    """The last list's result as `python -m calculator --csv` writes it (its separator and encoding)."""
    from .controle import schrijf_csv
    if _laatste is None:
        return b""
    return schrijf_csv(_laatste["controle"], _laatste["scheiding"], _laatste["codering"], taal)


def xlsx_bytes(taal: str = "nl") -> bytes:
    """The last list's result as an Excel workbook (calculator/xlsx.py, loaded only when asked for)."""
    from .xlsx import schrijf_xlsx
    if _laatste is None:
        return b""
    return schrijf_xlsx(_laatste["controle"], taal)


def vergeet() -> None:
    """Forget the last list (the page's "Wissen", or a new file)."""
    global _laatste
    _laatste = None


def _als_bytes(data) -> bytes:
    """Bytes from what the worker passes: a JavaScript Uint8Array (Pyodide's JsProxy) or bytes."""
    if hasattr(data, "to_bytes") and not isinstance(data, (bytes, bytearray, int)):
        return data.to_bytes()
    return bytes(data)


def _is_xlsx(data: bytes, bestandsnaam: str) -> bool:
    """An Excel workbook is a zip: by its first bytes, whatever its name says (a .csv that is one
    gets the CSV reader's own message when its name says .csv)."""
    return data[:4] == b"PK\x03\x04" and not bestandsnaam.lower().endswith((".csv", ".txt"))


def _uitvoernaam(bestandsnaam: str, extensie: str) -> str:
    """'lijst maart.csv' -> 'lijst maart-gecontroleerd.csv' (what the coordinator keeps)."""
    basis = (bestandsnaam or "lijst").replace("\\", "/").rsplit("/", 1)[-1]
    if "." in basis:
        basis = basis.rsplit(".", 1)[0]
    return f"{basis or 'lijst'}-gecontroleerd.{extensie}"


def _tabel(uitkomst, taal: str, bestandsnaam: str) -> dict:
    from .controle import als_tekst, sleutel
    kolommen = [sleutel(k) for k in uitkomst.kolommen]
    plek = {k: kolommen.index(k) for k in ("opleiding", "inschrijvingsgeld") if k in kolommen}
    naam = uitkomst.naam_kolom
    rijen, waarden = [], []
    for nr, rij in enumerate(uitkomst.rijen, start=1):
        cellen = rij.cellen
        u = rij.uitkomst
        rijen.append([
            nr,
            als_tekst(cellen[naam]) if naam is not None else "",
            als_tekst(cellen[plek["opleiding"]]) if "opleiding" in plek else "",
            euro(u["inschrijvingsgeld"]) if u and "inschrijvingsgeld" in u
            else als_tekst(cellen[plek["inschrijvingsgeld"]]) if "inschrijvingsgeld" in plek else "",
            *((euro(u[k]) for k in TABEL_BEDRAGEN) if u else ("",) * len(TABEL_BEDRAGEN)),
            [f"{f['veld']}: {_melding(f, taal)}" for f in rij.fouten],
        ])
        waarden.append([float(u[k]) for k in TABEL_BEDRAGEN] if u else None)
    return {
        "rijen": rijen,
        "waarden": waarden,
        "totalen": {k: {"tekst": euro(v), "waarde": float(v)} for k, v in uitkomst.totalen.items()},
        "aantal": len(uitkomst.rijen),
        "aantal_fouten": uitkomst.aantal_fouten,
        "naam_kolom": uitkomst.kolommen[naam] if naam is not None else None,
        "csv_naam": _uitvoernaam(bestandsnaam, "csv"),
        "xlsx_naam": _uitvoernaam(bestandsnaam, "xlsx"),
    }


def _melding(fout: dict, taal: str) -> str:
    return melding(fout["code"], fout.get("waarden"), taal) if fout.get("code") else fout["melding"]


def _json(antwoord: dict) -> str:
    return json.dumps(antwoord, ensure_ascii=False, separators=(",", ":"))
