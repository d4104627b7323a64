"""An Excel workbook (.xlsx) in and out for the coordinators' list check, with the standard library.

Standard-library modules imported beyond what `calculator` already imports: `zipfile` and
`xml.parsers.expat` (through it the built-in `pyexpat`), and `zlib` for zipfile's errors.
Why these and nothing more: in the browser the standard library is a trimmed zip
(python_stdlib.txt) and every extra file is bytes a coordinator downloads.
  - `zipfile` (with `zlib`, `struct`, `shutil`, `threading`, ...) is already imported by
    Pyodide's own start-up (pyodide/_package_loader.py: `from zipfile import ZipFile`), so it is in
    python_stdlib.txt anyway and costs the page nothing; a hand-written zip reader would be more
    code of ours for no byte saved. It reads a member in chunks and never past its declared size.
  - `xml.parsers.expat` adds three small files (xml/__init__.py, xml/parsers/__init__.py,
    xml/parsers/expat.py: 972 bytes); `xml.etree.ElementTree` would add 90 kB more
    (ElementTree.py, ElementPath.py). Expat also lets us parse a sheet as it is unpacked, so a big
    sheet is never held in memory as text or as a tree.
The XML we write is plain strings (escaped by `_xml`), so writing needs no XML module.

What a cell becomes (the Excel types `controle.controleer` reads):
  - text (shared, inline, rich text, a formula's text result) -> str;
  - a number -> int when whole, else Decimal from the cell's own text (an amount never picks up
    float noise), rounded to the 15 significant digits Excel shows;
  - a number in a date or time format -> datetime.date, datetime.datetime (with a time part) or
    datetime.time (a time format, below one day), in the workbook's 1900 or 1904 date system;
  - TRUE/FALSE -> bool; an error ("#DIV/0!") -> its text;
  - a formula -> its cached value; without one, its text with a leading "=" (the row then gets a
    clear message, and the CSV output neutralises the cell).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
import zlib
from decimal import Decimal, InvalidOperation
from xml.parsers import expat

from . import controle as _controle
from .berekening import BEDRAG_VELDEN
from .controle import UITVOER_KOLOMMEN, OnleesbaarBestand, Tabel, fouten_tekst, sleutel

MAX_UITGEPAKT = 200 * 2**20  # bytes unpacked over all parts read: 100,000 real rows fit, a zip bomb does not
MAX_KOLOMMEN = 1_000  # a list, not a whole spreadsheet; a cell further right is refused
_BLOK = 1 << 16

# numFmtId of Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30)
_DATUM_FORMATEN = frozenset(range(14, 18)) | {22}
_TIJD_FORMATEN = frozenset(range(18, 22)) | {45, 46, 47}
_NIET_IN_FORMAAT = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|[_*].')  # quoted text, [colour], \x, padding
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape for characters XML cannot hold
_KOLOM = re.compile(r"([A-Za-z]{1,3})")

_LEESFOUTEN = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
               expat.ExpatError, ValueError, IndexError, KeyError, OverflowError, InvalidOperation)


# --- reading -------------------------------------------------------------------------------------

def lees_xlsx(data: bytes) -> Tabel:
    """The first sheet of a workbook as a table; its header row is the first row that is not empty.
    Raises OnleesbaarBestand for anything that is not a workbook we can read."""
    if not data.strip():
        raise OnleesbaarBestand("lijst_leeg")
    if data[:4] == b"\xd0\xcf\x11\xe0":  # an OLE file: Excel 97-2003, or a workbook with a password
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise OnleesbaarBestand("lijst_xlsx_wachtwoord")
        raise OnleesbaarBestand("lijst_xls_oud")
    if data[:2] != b"PK":
        raise OnleesbaarBestand("lijst_geen_werkmap")
    try:
        rijen = _Werkmap(data).eerste_blad()
    except OnleesbaarBestand:
        raise
    except _LEESFOUTEN:
        raise OnleesbaarBestand("lijst_xlsx_onleesbaar") from None
    return _controle._tabel(rijen)


class _Werkmap:
    """The parts of the package that lead to the first sheet, read as they are needed."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.delen = {i.filename.lstrip("/").lower(): i for i in self.zip.infolist()}
        self.over = MAX_UITGEPAKT

    def eerste_blad(self) -> list[list[object]]:
        boek = self._relaties("").get("officeDocument") or "xl/workbook.xml"
        if boek.lower() not in self.delen:
            mimetype = self.delen.get("mimetype")
            if mimetype and self.zip.read(mimetype)[:200].startswith(
                    b"application/vnd.oasis.opendocument.spreadsheet"):
                raise OnleesbaarBestand("lijst_ods")
            raise OnleesbaarBestand("lijst_geen_werkmap")
        relaties = self._relaties(boek)
        eigenschappen, blad_id = {}, []

        def start(naam, attrs):
            naam = naam.rpartition(":")[2]
            if naam == "workbookPr":
                eigenschappen.update(attrs)
            elif naam == "sheet" and not blad_id:
                blad_id.extend(v for k, v in attrs.items() if k.rpartition(":")[2] == "id")
        self._lees(boek, start)
        if not blad_id or blad_id[0] not in relaties:
            raise OnleesbaarBestand("lijst_xlsx_onleesbaar")
        d1904 = eigenschappen.get("date1904", "").lower() in ("1", "true")
        teksten = self._gedeelde_teksten(relaties.get("sharedStrings", ""))
        soorten = self._stijlen(relaties.get("styles", ""))
        return self._blad(relaties[blad_id[0]], teksten, soorten, d1904)

    # the package's plumbing

    def _lees(self, naam: str, start, einde=None, tekst=None) -> bool:
        """Feed one XML part to expat as it is unpacked; False when the part is not there."""
        info = self.delen.get(naam.lstrip("/").lower())
        if info is None:
            return False
        if info.file_size > self.over:
            raise OnleesbaarBestand("lijst_xlsx_te_groot")
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.buffer_size = _BLOK
        parser.StartElementHandler = start
        if einde:
            parser.EndElementHandler = einde
        if tekst:
            parser.CharacterDataHandler = tekst
        parser.StartDoctypeDeclHandler = _geen_dtd
        with self.zip.open(info) as deel:
            while blok := deel.read(_BLOK):
                self.over -= len(blok)
                if self.over < 0:  # never past the declared size, but keep the promise here too
                    raise OnleesbaarBestand("lijst_xlsx_te_groot")
                parser.Parse(blok, False)
        parser.Parse(b"", True)
        return True

    def _relaties(self, bron: str) -> dict[str, str]:
        """Id -> target of a part's relationships, plus the last word of each type -> target."""
        map_, _, naam = bron.rpartition("/")
        uit = {}

        def start(naam_, attrs):
            if naam_.rpartition(":")[2] == "Relationship" and attrs.get("TargetMode") != "External":
                doel = _pad(map_ + "/" if map_ else "", attrs.get("Target", ""))
                uit[attrs.get("Id", "")] = doel
                uit.setdefault(attrs.get("Type", "").rpartition("/")[2], doel)
        self._lees(f"{map_}/_rels/{naam}.rels" if map_ else f"_rels/{naam}.rels", start)
        return uit

    def _gedeelde_teksten(self, naam: str) -> list[str]:
        teksten: list[str] = []
        delen: list[str] = []
        staat = {"vang": False, "fonetisch": 0}

        def start(naam_, attrs):
            naam_ = naam_.rpartition(":")[2]
            if naam_ == "t":
                staat["vang"] = not staat["fonetisch"]
            elif naam_ == "rPh":  # the phonetic reading of Japanese text is not part of the text
                staat["fonetisch"] += 1
            elif naam_ == "si":
                delen.clear()

        def einde(naam_):
            naam_ = naam_.rpartition(":")[2]
            if naam_ == "t":
                staat["vang"] = False
            elif naam_ == "rPh":
                staat["fonetisch"] -= 1
            elif naam_ == "si":
                teksten.append(_ontsnap("".join(delen)))

        def tekst(data):
            if staat["vang"]:
                delen.append(data)
        if naam:
            self._lees(naam, start, einde, tekst)
        return teksten

    def _stijlen(self, naam: str) -> list[str | None]:
        """Per cell style (the `s` of a cell): "datum", "tijd" or None."""
        formaten: dict[int, str] = {}
        stijlen: list[int] = []
        in_cel_xfs = [False]

        def start(naam_, attrs):
            naam_ = naam_.rpartition(":")[2]
            if naam_ == "numFmt":
                formaten[int(attrs.get("numFmtId", -1))] = attrs.get("formatCode", "")
            elif naam_ == "cellXfs":
                in_cel_xfs[0] = True
            elif naam_ == "xf" and in_cel_xfs[0]:
                stijlen.append(int(attrs.get("numFmtId", 0)))

        def einde(naam_):
            if naam_.rpartition(":")[2] == "cellXfs":
                in_cel_xfs[0] = False
        if naam:
            self._lees(naam, start, einde)
        return [_soort_formaat(i, formaten.get(i)) for i in stijlen]

    def _blad(self, naam: str, teksten: list[str], soorten: list, d1904: bool) -> list[list[object]]:
        """The sheet's rows in order, each a list of cells (None where a row has no cell)."""
        rijen: list[tuple[int, dict[int, object]]] = []
        max_rijen = _controle.MAX_RIJEN + 1  # the header row too
        cel = {"rij": 0, "kol": -1, "t": "n", "s": 0, "v": None, "f": None, "is": None}
        rij: dict[int, object] = {}
        delen: list[str] = []
        vang = [False]  # in a <v>, <f> or an inline string's <t>: its text goes to `delen`
        in_is = [False]
        fonetisch = [0]  # in an <rPh>: the phonetic reading of Japanese text is not part of the text
        niet_leeg = [0]

        def start(naam_, attrs):
            if ":" in naam_:
                naam_ = naam_.rpartition(":")[2]
            if naam_ == "c":
                ref = attrs.get("r")
                if ref:
                    cel["kol"] = _kolom_index(ref)
                else:
                    cel["kol"] += 1
                cel["t"] = attrs.get("t", "n")
                cel["s"] = attrs.get("s")
                cel["v"] = cel["f"] = cel["is"] = None
            elif naam_ == "v" or naam_ == "f":
                vang[0] = True
                delen.clear()
            elif naam_ == "t":
                vang[0] = in_is[0] and not fonetisch[0]
            elif naam_ == "is":
                in_is[0] = True
                delen.clear()
            elif naam_ == "rPh":
                fonetisch[0] += 1
            elif naam_ == "row":
                nummer = attrs.get("r")
                cel["rij"] = int(nummer) if nummer else cel["rij"] + 1
                cel["kol"] = -1
                rij.clear()

        def einde(naam_):
            if ":" in naam_:
                naam_ = naam_.rpartition(":")[2]
            if naam_ == "c":
                waarde = _celwaarde(cel, teksten, soorten, d1904)
                if waarde is not None:
                    if cel["kol"] >= MAX_KOLOMMEN:
                        raise OnleesbaarBestand("lijst_te_breed", maximum=f"{MAX_KOLOMMEN:,}".replace(",", "."))
                    rij[cel["kol"]] = waarde
            elif naam_ == "v" or naam_ == "f":
                cel[naam_] = "".join(delen)
                vang[0] = False
            elif naam_ == "is":
                cel["is"] = "".join(delen)
                in_is[0] = vang[0] = False
            elif naam_ == "t":
                vang[0] = False
            elif naam_ == "rPh":
                fonetisch[0] -= 1
            elif naam_ == "row" and rij:
                if not all(_controle._leeg(c) for c in rij.values()):
                    niet_leeg[0] += 1
                    if niet_leeg[0] > max_rijen:  # stop reading now, not after the whole sheet
                        raise OnleesbaarBestand("lijst_te_lang",
                                                maximum=f"{_controle.MAX_RIJEN:,}".replace(",", "."))
                rijen.append((cel["rij"], dict(rij)))

        def tekst(data):
            if vang[0]:
                delen.append(data)
        if not self._lees(naam, start, einde, tekst):
            raise OnleesbaarBestand("lijst_xlsx_onleesbaar")
        rijen.sort(key=lambda r: r[0])  # Excel writes them in order; other programs might not
        uit = []
        for _, cellen in rijen:
            lijst: list[object] = [None] * (max(cellen) + 1)
            for k, v in cellen.items():
                lijst[k] = v
            uit.append(lijst)
        return uit


def _geen_dtd(*_):
    """A workbook's XML has no DTD; one that has could declare entities that blow up in memory."""
    raise OnleesbaarBestand("lijst_xlsx_onleesbaar")


def _pad(map_: str, doel: str) -> str:
    """A relationship's target as a path in the package ("../x" and "/x" resolved)."""
    if not doel:
        return ""
    delen = doel[1:].split("/") if doel.startswith("/") else (map_ + doel).split("/")
    uit: list[str] = []
    for deel in delen:
        if deel == "..":
            if uit:
                uit.pop()
        elif deel not in ("", "."):
            uit.append(deel)
    return "/".join(uit)


_KOLOMMEN_GEZIEN: dict[str, int] = {}


def _kolom_index(ref: str) -> int:
    """'C5' -> 2."""
    letters = ref.rstrip("0123456789")
    n = _KOLOMMEN_GEZIEN.get(letters)
    if n is None:
        n = _KOLOMMEN_GEZIEN[letters] = _letters_index(letters) if len(_KOLOMMEN_GEZIEN) < 20_000 else \
            _letters_index(letters)
    return n


def _letters_index(ref: str) -> int:
    n = 0
    for teken in ref:
        o = ord(teken) | 32  # lower case
        if 97 <= o <= 122:
            n = n * 26 + o - 96
        else:
            break
    if n == 0:
        raise ValueError(ref)
    return n - 1


def _ontsnap(tekst: str) -> str:
    """OOXML writes characters XML cannot hold as _xHHHH_ (and a literal '_x' as _x005F_x)."""
    if "_x" not in tekst:
        return tekst
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), tekst)


def _soort_formaat(nummer: int, code: str | None) -> str | None:
    """Whether a number format shows a date ("datum"), only a time ("tijd") or neither (None)."""
    if code is None:
        return "datum" if nummer in _DATUM_FORMATEN else "tijd" if nummer in _TIJD_FORMATEN else None
    kern = _NIET_IN_FORMAAT.sub("", code).split(";")[0].lower()
    if "d" in kern or "y" in kern:
        return "datum"
    if "h" in kern or "s" in kern:
        return "tijd"
    return "datum" if "m" in kern else None  # "mmm yyyy" has a y; "mmm" alone is a month


def _celwaarde(cel: dict, teksten: list[str], soorten: list, d1904: bool) -> object:
    t, v = cel["t"], cel["v"]
    if t == "s":
        return None if v is None else teksten[int(v)]
    if t == "inlineStr":
        tekst = cel["is"] if cel["is"] is not None else v
        return None if tekst is None else _ontsnap(tekst)
    if cel["f"] is not None and not v and t != "str":  # a formula Excel never computed (openpyxl writes <v/>)
        return "=" + cel["f"]
    if v is None:
        return None
    if t == "str":
        return _ontsnap(v)
    if t == "b":
        return v.strip().lower() in ("1", "true")
    if t == "e":
        return v
    if t == "d":
        return _iso_datum(v)
    if not v.strip():
        return None
    getal = _getal(v)
    s = cel["s"]
    soort = soorten[int(s)] if s and int(s) < len(soorten) else None
    return _als_datum(getal, soort, d1904) if soort else getal


def _getal(tekst: str) -> int | Decimal:
    if tekst.isdigit():
        return int(tekst)
    getal = Decimal(tekst)
    if not getal.is_finite():
        raise ValueError(tekst)
    if getal == getal.to_integral_value():
        return int(getal)
    if len(getal.as_tuple().digits) > 15:  # Excel keeps 15 digits; the rest is binary noise
        getal = getal.quantize(Decimal(1).scaleb(getal.adjusted() - 14)).normalize()
        if getal == getal.to_integral_value():
            return int(getal)
    return getal


def _als_datum(getal: int | Decimal, soort: str, d1904: bool) -> object:
    """An Excel serial number as a date, date and time, or time; a number that is no date stays one."""
    if getal < 0:
        return getal
    try:
        dagen = int(getal // 1)
        ms = round((getal - dagen) * 86_400_000)
        if ms == 86_400_000:
            dagen, ms = dagen + 1, 0
        tijd = (_dt.datetime.min + _dt.timedelta(milliseconds=ms)).time()
        if soort == "tijd" and dagen == 0:
            return tijd
        if d1904:
            datum = _dt.date(1904, 1, 1) + _dt.timedelta(days=dagen)
        elif dagen < 61:  # Excel counts a 29 February 1900 that did not exist (serial 60)
            datum = _dt.date(1899, 12, 31) + _dt.timedelta(days=dagen)
        else:
            datum = _dt.date(1899, 12, 30) + _dt.timedelta(days=dagen)
    except (OverflowError, ValueError):
        return getal
    if dagen < 1 and not d1904:
        return getal  # 0 January 1900 or before: not a date Excel shows
    return _dt.datetime.combine(datum, tijd) if ms else datum


def _iso_datum(tekst: str) -> object:
    """A cell of type "d" (ISO 8601 text, written by some programs)."""
    tekst = tekst.strip().removesuffix("Z")
    waarde = _dt.datetime.fromisoformat(tekst)
    return waarde.date() if waarde.time() == _dt.time() else waarde


# --- writing -------------------------------------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PAKKET = "http://schemas.openxmlformats.org/package/2006"
_KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# cellXfs, in this order: 0 plain, 1 bold header, 2 amount #,##0.00 (built-in 4), 3 date (built-in 14:
# the short date of Excel's language, d/mm/yyyy in Belgium), 4 date and time (22), 5 time (21)
_KOPSTIJL, _BEDRAGSTIJL, _DATUMSTIJL, _MOMENTSTIJL, _TIJDSTIJL = 1, 2, 3, 4, 5
_STIJLEN = (
    f'{_KOP}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')
_TYPES = (
    f'{_KOP}<Types xmlns="{_PAKKET}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_RELS = (f'{_KOP}<Relationships xmlns="{_PAKKET}/relationships">'
         f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOEK_RELS = (f'{_KOP}<Relationships xmlns="{_PAKKET}/relationships">'
              f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
              f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
BLADNAAM = "Controle"
_BEDRAG_KOLOMMEN = ("inschrijvingsgeld", "al_aangevraagd")  # input amounts get the amount format too
_TIJDSTIP = (1980, 1, 1, 0, 0, 0)  # every part's date in the zip: the same bytes for the same list
_NUL_1900 = _dt.date(1899, 12, 30)


def schrijf_xlsx(controle: _controle.Controle, taal: str = "nl") -> bytes:
    """The same table as `controle.uitvoer_rijen` (and so `schrijf_csv`) as a workbook with one sheet
    "Controle": the input's cells keep their type, the amounts are numbers (#,##0.00), `fouten` is
    text in `taal`; the header bold, frozen, with a filter."""
    kop = [*controle.kolommen, *UITVOER_KOLOMMEN]
    breedte = len(kop)
    letters = [_kolomnaam(i) for i in range(breedte)]
    bedrag = {i for i, k in enumerate(controle.kolommen) if sleutel(k) in _BEDRAG_KOLOMMEN}
    bedrag.update(range(len(controle.kolommen) + 2, breedte - 1))
    lengtes = [min(max(len(str(k)), 6), 60) for k in kop]
    regels = [f'<row r="1">{"".join(_cel(f"{letters[i]}1", k, _KOPSTIJL) for i, k in enumerate(kop) if k)}</row>']
    for n, rij in enumerate(controle.rijen, start=2):
        u = rij.uitkomst
        cellen = [*rij.cellen, *([u["schooljaar"], u["route"], *(u[k] for k in BEDRAG_VELDEN)] if u
                                 else [None] * (len(UITVOER_KOLOMMEN) - 1)),
                  fouten_tekst(rij.fouten, taal) or None]
        delen = [f'<row r="{n}">']
        for i, waarde in enumerate(cellen):
            if waarde is None or waarde == "":
                continue
            delen.append(_cel(f"{letters[i]}{n}", waarde, _BEDRAGSTIJL if i in bedrag else 0))
            lengte = len(waarde) if isinstance(waarde, str) else 12
            if lengte > lengtes[i]:
                lengtes[i] = min(lengte, 60)
        delen.append("</row>")
        regels.append("".join(delen))
    laatste = f"{letters[-1]}{len(controle.rijen) + 1}"
    kolommen = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{lengte + 2}" customWidth="1"/>'
                       for i, lengte in enumerate(lengtes))
    blad = (f'{_KOP}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:{laatste}"/>'
            '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{kolommen}</cols>'
            f'<sheetData>{"".join(regels)}</sheetData><autoFilter ref="A1:{laatste}"/></worksheet>')
    boek = (f'{_KOP}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
            '<bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{BLADNAAM}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f'{BLADNAAM}!$A$1:${letters[-1]}${len(controle.rijen) + 1}</definedName></definedNames></workbook>')
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as zip_:
        for naam, inhoud in (("[Content_Types].xml", _TYPES), ("_rels/.rels", _RELS),
                             ("xl/workbook.xml", boek), ("xl/_rels/workbook.xml.rels", _BOEK_RELS),
                             ("xl/styles.xml", _STIJLEN), ("xl/worksheets/sheet1.xml", blad)):
            info = zipfile.ZipInfo(naam, date_time=_TIJDSTIP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same bytes on every system
            zip_.writestr(info, inhoud.encode("utf-8"))
    return uit.getvalue()


def _kolomnaam(index: int) -> str:
    """2 -> 'C', 26 -> 'AA'."""
    naam = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        naam = chr(65 + rest) + naam
    return naam


def _cel(ref: str, waarde: object, stijl: int) -> str:
    """One cell. Text is an inline string: Excel never runs an inline string as a formula, so a text
    like "=HYPERLINK(...)" stays text here and needs no apostrophe (the CSV output does need one)."""
    s = f' s="{stijl}"' if stijl else ""
    soort = type(waarde)
    if soort is str:  # the most common cell first
        return _tekstcel(ref, waarde, s)
    if soort is Decimal and waarde.is_finite() or soort is int:
        return f'<c r="{ref}"{s}><v>{waarde}</v></c>'
    if isinstance(waarde, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(waarde)}</v></c>'
    if isinstance(waarde, (int, Decimal)) or (isinstance(waarde, float) and waarde == waarde
                                              and abs(waarde) != float("inf")):
        if isinstance(waarde, Decimal) and not waarde.is_finite():
            return _tekstcel(ref, str(waarde), s)
        return f'<c r="{ref}"{s}><v>{waarde!r}</v></c>' if isinstance(waarde, float) else \
            f'<c r="{ref}"{s}><v>{waarde}</v></c>'
    if isinstance(waarde, _dt.datetime):
        dag = _serienummer(waarde.date())
        if dag is not None:
            deel = (waarde - _dt.datetime.combine(waarde.date(), _dt.time())) / _dt.timedelta(days=1)
            return f'<c r="{ref}" s="{_MOMENTSTIJL}"><v>{dag + deel!r}</v></c>'
        return _tekstcel(ref, _controle.als_tekst(waarde), s)
    if isinstance(waarde, _dt.date):
        dag = _serienummer(waarde)
        if dag is not None:
            return f'<c r="{ref}" s="{_DATUMSTIJL}"><v>{dag}</v></c>'
        return _tekstcel(ref, waarde.isoformat(), s)
    if isinstance(waarde, _dt.time):
        deel = (waarde.hour * 3600 + waarde.minute * 60 + waarde.second + waarde.microsecond / 1e6) / 86400
        return f'<c r="{ref}" s="{_TIJDSTIJL}"><v>{deel!r}</v></c>'
    return _tekstcel(ref, str(waarde), s)


def _serienummer(datum: _dt.date) -> int | None:
    """Excel's day number of a date (1900 system); None before 1 March 1900 (Excel's own leap-year error)."""
    if datum < _dt.date(1900, 3, 1):
        return None
    return (datum - _NUL_1900).days


def _tekstcel(ref: str, tekst: str, s: str) -> str:
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_xml(tekst)}</t></is></c>'


_XML_TEKENS = re.compile(r"[&<>\r]")
_ONGELDIG_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


def _xml(tekst: str) -> str:
    """Text as XML character data: a carriage return kept (XML would make it a newline), characters
    XML cannot hold written as OOXML's _xHHHH_, a literal _xHHHH_ protected as _x005F_xHHHH_."""
    if _ONGELDIG_IN_XML.search(tekst):
        tekst = _ONGELDIG_IN_XML.sub(
            lambda m: "_x005F" + m.group() if len(m.group()) > 1 else f"_x{ord(m.group()):04X}_", tekst)
    if not _XML_TEKENS.search(tekst):
        return tekst
    return tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
