"""A coordinator's list of refund requests in, the same rows with every amount out.

Why one module: the command line (`python -m calculator --csv`) and the page
/voor-coordinatoren/controle/ (in the calculator's web worker) must give the same answer for the
same file, so reading the table, computing each row and writing the result is one piece of Python;
only the file's bytes cross into it. A row that cannot be computed gets its messages and empty
amounts; the other rows are still computed. Only a file that cannot be read at all
(`OnleesbaarBestand`) stops the whole list.

Cells of a CSV file are text; cells of an Excel file (calculator/xlsx.py) may also be numbers,
booleans and dates: every reader below takes both.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .berekening import BEDRAG_VELDEN, bereken_bedragen
from .invoer import OngeldigeInvoer, fout_voor
from .teksten import melding

INVOER_KOLOMMEN = ("opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques",
                   "aanvraag_geweigerd", "datum")
VERPLICHT = ("opleiding", "inschrijvingsgeld")
UITVOER_KOLOMMEN = ("schooljaar", "route", *BEDRAG_VELDEN, "fouten")
TOTALEN = ("terugbetaling", "overheid")  # what the coordination pays, what the government pays
MAX_RIJEN = 100_000  # far above a real list; keeps a wrong file from filling the memory

# What people and spreadsheets write for yes and no (Dutch Excel writes WAAR/ONWAAR in a CSV).
_JA_NEE = {"ja": True, "nee": False, "j": True, "n": False, "true": True, "false": False,
           "waar": True, "onwaar": False, "yes": True, "no": False, "1": True, "0": False}
_BELGISCHE_DATUM = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATUM = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs such a cell as a formula


class OnleesbaarBestand(ValueError):
    """The file cannot be read as a list at all: `code` is a key of the texts' "fouten"."""

    def __init__(self, code: str, **waarden: str):
        self.code = code
        self.waarden = waarden
        super().__init__(melding(code, waarden))

    def melding_in(self, taal: str = "nl") -> str:
        return melding(self.code, self.waarden, taal)


@dataclass
class Tabel:
    """A sheet as read: the header row as written, then the rows (lists of cells)."""
    kolommen: list[str]
    rijen: list[list[object]]
    scheiding: str = ";"  # of a CSV file; the result is written with the same one
    codering: str = "utf-8-sig"  # of a CSV file; the result is written in the same one


@dataclass
class Rij:
    cellen: list[object]  # the input's cells, one per input column
    uitkomst: dict | None  # schooljaar, route and the amounts (Decimal); None when not computable
    fouten: list[dict] = field(default_factory=list)  # {"veld", "melding", "code", "waarden"?}


@dataclass
class Controle:
    kolommen: list[str]  # the input's columns in their order (a column named like a result is left out)
    rijen: list[Rij]
    totalen: dict[str, Decimal]
    naam_kolom: int | None  # index of the participant's name column, for the page's table

    @property
    def aantal_fouten(self) -> int:
        return sum(1 for r in self.rijen if r.fouten)


def sleutel(kop: object) -> str:
    """A header as a column key: case, surrounding spaces and inner spaces or hyphens do not count."""
    return re.sub(r"[\s\-]+", "_", str(kop if kop is not None else "").strip().lower())


# --- reading -------------------------------------------------------------------------------------

def lees_csv(data: bytes) -> Tabel:
    """A CSV file as Excel or a person writes it: UTF-8 (with or without BOM) or Windows-1252,
    separated by ';' (Belgian Excel) or ','."""
    if not data.strip():
        raise OnleesbaarBestand("lijst_leeg")
    if data[:4] == b"PK\x03\x04":
        raise OnleesbaarBestand("lijst_xlsx_als_csv")
    if b"\x00" in data[:4096]:
        raise OnleesbaarBestand("lijst_geen_tekst")
    tekst, codering = _decodeer(data)
    eerste_regel = next((r for r in tekst.splitlines() if r.strip()), "")
    scheiding = ";" if _buiten_aanhalingstekens(eerste_regel, ";") >= max(
        1, _buiten_aanhalingstekens(eerste_regel, ",")) else ","
    try:
        regels = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=False))
    except csv.Error:
        raise OnleesbaarBestand("lijst_geen_tekst") from None
    return _tabel(regels, scheiding, codering)


def _decodeer(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        codering = "utf-8-sig"
    else:
        codering = "utf-8"
    try:
        return data.decode(codering), codering
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise OnleesbaarBestand("lijst_geen_tekst") from None


def _buiten_aanhalingstekens(regel: str, teken: str) -> int:
    return sum(1 for i, deel in enumerate(regel.split('"')) if i % 2 == 0 for t in deel if t == teken)


def _leeg(cel: object) -> bool:
    return cel is None or (isinstance(cel, str) and not cel.strip())


def _tabel(regels: list[list[object]], scheiding: str = ";", codering: str = "utf-8-sig") -> Tabel:
    """The header row (the first row that is not empty) and the rows after it, without empty rows."""
    regels = [r for r in regels if not all(_leeg(c) for c in r)]
    if not regels:
        raise OnleesbaarBestand("lijst_leeg")
    kop, *rijen = regels
    if len(rijen) > MAX_RIJEN:
        raise OnleesbaarBestand("lijst_te_lang", maximum=f"{MAX_RIJEN:,}".replace(",", "."))
    kolommen = ["" if k is None else str(k).strip() for k in kop]
    while kolommen and not kolommen[-1]:  # Excel's trailing separators
        kolommen.pop()
    sleutels = [sleutel(k) for k in kolommen]
    for naam in INVOER_KOLOMMEN:
        if sleutels.count(naam) > 1:
            raise OnleesbaarBestand("lijst_kolom_dubbel", kolom=naam)
    ontbreekt = [k for k in VERPLICHT if k not in sleutels]
    if ontbreekt:
        raise OnleesbaarBestand("lijst_kolom_ontbreekt", kolommen=", ".join(ontbreekt),
                                eerste_rij=_kort(", ".join(k for k in kolommen if k)) or "-")
    return Tabel(kolommen, [list(r) for r in rijen], scheiding, codering)


def _kort(tekst: str, lengte: int = 80) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1] + "…"


# --- computing -----------------------------------------------------------------------------------

def controleer(tabel: Tabel, vandaag: _dt.date | None = None) -> Controle:
    """Every row computed on its own; the totals over the rows that could be computed."""
    vandaag = vandaag or _dt.date.today()
    sleutels = [sleutel(k) for k in tabel.kolommen]
    # A column named like a result (a list that was checked before) is computed again, not kept twice.
    houden = [i for i, s in enumerate(sleutels) if s not in UITVOER_KOLOMMEN]
    plaats = {s: i for i, s in enumerate(sleutels) if s in INVOER_KOLOMMEN}
    breedte = len(tabel.kolommen)
    rijen = []
    totalen = {k: Decimal("0.00") for k in TOTALEN}
    for cellen in tabel.rijen:
        fouten: list[dict] = []
        if len(cellen) > breedte and any(not _leeg(c) for c in cellen[breedte:]):
            # more cells than headers: usually a separator inside a name, so every cell after it
            # has shifted; computing from shifted cells would give a wrong amount
            fouten.append(fout_voor("rij", "lijst_rij_te_lang", cellen=str(len(cellen)),
                                    kolommen=str(breedte)))
        cellen = (cellen + [""] * breedte)[:breedte]
        invoer = {}
        for naam, i in plaats.items():
            waarde, fout = _invoerwaarde(naam, cellen[i])
            if fout:
                fouten.append(fout_voor(naam, fout))
            elif waarde is not None:
                invoer[naam] = waarde
        uitkomst = None
        if not fouten:
            try:
                uitkomst = bereken_bedragen(invoer, vandaag)
            except OngeldigeInvoer as e:
                fouten = e.details
        if uitkomst:
            for k in TOTALEN:
                totalen[k] += uitkomst[k]
        rijen.append(Rij([cellen[i] for i in houden], uitkomst, fouten))
    kolommen = [tabel.kolommen[i] for i in houden]
    naam_kolom = next((i for i, k in enumerate(kolommen) if sleutel(k) in ("naam", "name", "deelnemer")),
                      None)
    return Controle(kolommen, rijen, totalen, naam_kolom)


def _invoerwaarde(naam: str, cel: object) -> tuple[object, str | None]:
    """A cell as `bereken` reads it, or the code of what is wrong with it (None: left empty)."""
    if _leeg(cel):
        return None, None
    if naam == "opleiding":
        return (sleutel(cel) if isinstance(cel, str) else cel), None
    if naam in ("inschrijvingsgeld", "al_aangevraagd"):
        if isinstance(cel, (_dt.date, _dt.datetime)):
            return None, "bedrag_geen_getal"
        return cel, None
    if naam in ("aanvaardt_cheques", "aanvraag_geweigerd"):
        if isinstance(cel, bool):
            return cel, None
        tekst = str(int(cel)) if isinstance(cel, (int, float)) and cel in (0, 1) else str(cel)
        antwoord = _JA_NEE.get(tekst.strip().lower())
        return (antwoord, None) if antwoord is not None else (None, "lijst_ja_nee")
    # datum
    if isinstance(cel, _dt.datetime):
        return cel.date(), None
    if isinstance(cel, _dt.date):
        return cel, None
    datum = lees_datum(str(cel))
    return (datum, None) if datum else (None, "lijst_datum")


def lees_datum(tekst: str) -> _dt.date | None:
    """'2026-10-01' or the Belgian '1/10/2026' (also with '.' or '-'); None when it is neither."""
    tekst = tekst.strip()
    m = _ISO_DATUM.match(tekst)
    if m:
        jaar, maand, dag = (int(g) for g in m.groups())
    else:
        m = _BELGISCHE_DATUM.match(tekst)
        if not m:
            return None
        dag, maand, jaar = (int(g) for g in m.groups())
    try:
        return _dt.date(jaar, maand, dag)
    except ValueError:
        return None


# --- writing -------------------------------------------------------------------------------------

def fouten_tekst(fouten: list[dict], taal: str = "nl") -> str:
    """'veld: melding | veld: melding', the `fouten` column."""
    return " | ".join(f"{f['veld']}: {melding(f['code'], f.get('waarden'), taal) if f.get('code') else f['melding']}"
                      for f in fouten)


def neutraliseer(cel: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    return "'" + cel if cel.startswith(_FORMULE_BEGIN) else cel


def als_tekst(cel: object, scheiding: str = ";") -> str:
    """A passed-through cell as CSV text (an Excel cell may be a number, a boolean or a date);
    a number with a decimal comma next to ';', as Belgian Excel reads it."""
    if cel is None:
        return ""
    if isinstance(cel, bool):
        return "ja" if cel else "nee"
    if isinstance(cel, _dt.datetime):
        return cel.date().isoformat() if cel.time() == _dt.time() else cel.isoformat(sep=" ")
    if isinstance(cel, _dt.date):
        return cel.isoformat()
    if isinstance(cel, float) and cel.is_integer():
        return str(int(cel))
    if isinstance(cel, (float, Decimal)) and scheiding == ";":
        return str(cel).replace(".", ",")
    return str(cel)


def bedrag_tekst(bedrag: Decimal, scheiding: str) -> str:
    """'275,00' next to ';' (Belgian Excel), '275.00' next to ','."""
    tekst = f"{bedrag:.2f}"
    return tekst.replace(".", ",") if scheiding == ";" else tekst


def uitvoer_rijen(controle: Controle, scheiding: str = ";", taal: str = "nl") -> list[list[str]]:
    """The result as rows of text: the header, then one row per input row."""
    rijen = [[*controle.kolommen, *UITVOER_KOLOMMEN]]
    for rij in controle.rijen:
        u = rij.uitkomst
        berekend = ([u["schooljaar"], u["route"], *(bedrag_tekst(u[k], scheiding) for k in BEDRAG_VELDEN)]
                    if u else [""] * (len(UITVOER_KOLOMMEN) - 1))
        rijen.append([*(neutraliseer(als_tekst(c, scheiding)) for c in rij.cellen), *berekend,
                      fouten_tekst(rij.fouten, taal)])
    return rijen


def schrijf_csv(controle: Controle, scheiding: str = ";", codering: str = "utf-8-sig",
                taal: str = "nl") -> bytes:
    """The result as the CSV file a coordinator keeps: the input's separator and encoding."""
    uit = io.StringIO(newline="")
    csv.writer(uit, delimiter=scheiding, lineterminator="\r\n").writerows(
        uitvoer_rijen(controle, scheiding, taal))
    return uit.getvalue().encode(codering, errors="replace")


def controleer_csv(data: bytes, vandaag: _dt.date | None = None, taal: str = "nl") -> bytes:
    """CSV bytes in, CSV bytes out (raises OnleesbaarBestand)."""
    tabel = lees_csv(data)
    return schrijf_csv(controleer(tabel, vandaag), tabel.scheiding, tabel.codering, taal)

