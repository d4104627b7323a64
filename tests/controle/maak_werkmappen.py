"""Writes the Excel golden files of tests/test_xlsx.py, reproducibly:

    .venv/bin/python tests/controle/maak_werkmappen.py             # the input: werkmap.xlsx
    .venv/bin/python tests/controle/maak_werkmappen.py --verwacht  # also what our code makes of it

werkmap.xlsx is written with openpyxl (a program other than ours) and then edited by hand where
openpyxl cannot write what Excel writes: a formula with its cached value (openpyxl never computes
one), a formula whose cached value is text (t="str"), and a row whose cells have no `r`. The zip is
written again with fixed dates, so the same openpyxl gives the same bytes.
`--verwacht` writes werkmap.verwacht.csv and werkmap.verwacht.xlsx from calculator/: review the
diff before committing it. Every row has a date, so nothing depends on today.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

MAP = Path(__file__).parent
ROOT = MAP.parents[1]
VAST = dt.datetime(2026, 1, 1)

KOP = ["Naam", "E-mail", "Opleiding", "Inschrijvingsgeld", "Al aangevraagd", "aanvaardt_cheques",
       "Aanvraag geweigerd", "Datum", "Opmerking"]


def werkmap() -> bytes:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Aanvragen"
    wb.properties.created = wb.properties.modified = VAST
    # row 1 stays empty: the header is the first row that is not empty
    rijen = {
        2: KOP,
        3: ["Amina El Idrissi", "amina@example.be", "andere", 400, 0, True, False, dt.date(2026, 10, 1),
            "datum als datumcel (d/mm/yyyy)"],
        4: ["Bram Peeters", "bram@example.be", "nt2", "1.234,50", "100", "ja", "nee", "1/10/2026",
            "bedrag en datum als tekst"],
        5: ["Cem Yilmaz", None, "graduaat_bachelor", 275.5, 100.25, 1, 0, dt.datetime(2026, 9, 15, 14, 30),
            0.1 + 0.2],
        6: ["Dina Janssens", None, "knelpunt", "=200+75.5", None, "ja", None, dt.date(2027, 3, 2),
            "formule met bewaarde waarde"],
        7: ["Emre Aydin", None, "andere", "=SUM(Z1:Z3)", None, None, None, "2026-10-01",
            "formule zonder waarde"],
        8: ["Fien Maes", None, "andere", "#DIV/0!", None, None, None, dt.date(2026, 10, 1), "foutcel"],
        9: [None, "   "],  # only spaces: an empty row
        # row 10 is skipped altogether
        11: ["Gert Wouters", '=HYPERLINK("http://example.org";"klik")', "secundair", 50, None, None, None,
             dt.date(2026, 10, 1), "@SUM(A1)"],
        12: ["=\"Kobe\"&\" Mertens\"", "kobe@example.be", "andere", 600, 250, "nee", None, dt.date(2026, 10, 1),
             "naam uit een formule (tekst)"],
        13: [CellRichText("Jana ", TextBlock(InlineFont(b=True), "Smets")), None, "NT2", 90, None, "WAAR",
             "ONWAAR", dt.date(2025, 12, 1), "naam als opgemaakte tekst"],
        14: ["Lotte Claes", "lotte@example.be", "andere", 120, 0, "ja", True, dt.date(2026, 10, 1),
             "cellen zonder r"],  # every cell filled: without r a cell is the one after the last
    }
    for nummer, waarden in rijen.items():
        for kolom, waarde in enumerate(waarden, start=1):
            if waarde is not None:
                cel = ws.cell(row=nummer, column=kolom, value=waarde)
                if nummer == 11 and kolom in (2, 9):
                    cel.data_type = "s"  # text that looks like a formula, not a formula
    ws["H3"].number_format = "d/mm/yyyy"  # a custom date format
    ws["H6"].number_format = "mm-dd-yy"  # built-in 14
    ws["H5"].number_format = "yyyy-mm-dd hh:mm"
    ws["H8"].number_format = "[$-813]d mmmm yyyy"
    ws["D3"].number_format = '[$€-813] #,##0.00'  # an amount, not a date
    # sparse: Hanne has only the columns she needs, far from each other
    for kolom, waarde in ((1, "Hanne Claes"), (3, "basisvaardigheden"), (4, 80), (8, dt.date(2026, 11, 5))):
        ws.cell(row=15, column=kolom, value=waarde)
    uit = io.BytesIO()
    wb.save(uit)
    return _met_de_hand(uit.getvalue())


def _met_de_hand(data: bytes) -> bytes:
    """What Excel writes and openpyxl cannot, then the zip again with fixed dates."""
    bron = zipfile.ZipFile(io.BytesIO(data))
    delen = {naam: bron.read(naam) for naam in bron.namelist()}
    blad = delen["xl/worksheets/sheet1.xml"].decode()
    blad, n1 = re.subn(r"<f>200\+75\.5</f><v\s*/>|<f>200\+75\.5</f><v></v>", "<f>200+75.5</f><v>275.5</v>", blad)
    blad, n2 = re.subn(r'<c r="A12"><f>(.*?)</f><v\s*/>|<c r="A12"><f>(.*?)</f><v></v>',
                       lambda m: f'<c r="A12" t="str"><f>{m.group(1) or m.group(2)}</f><v>Kobe Mertens</v>', blad)
    rij = re.search(r'<row r="14"[^>]*>.*?</row>', blad).group()
    blad = blad.replace(rij, re.sub(r' r="[A-Z]+14"', "", rij).replace('<row r="14"', "<row"))
    assert n1 == n2 == 1, (n1, n2)
    blad, delen["xl/sharedStrings.xml"] = _gedeeld(blad)
    delen["xl/_rels/workbook.xml.rels"] = delen["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdGedeeld" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    delen["[Content_Types].xml"] = delen["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    delen["xl/worksheets/sheet1.xml"] = blad.encode()
    core = delen["docProps/core.xml"].decode()
    delen["docProps/core.xml"] = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", r"\g<1>2026-01-01T00:00:00Z",
                                        core).encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as doel:
        for naam, inhoud in delen.items():
            info = zipfile.ZipInfo(naam, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            doel.writestr(info, inhoud)
    return uit.getvalue()


def _gedeeld(blad: str) -> tuple[str, bytes]:
    """Text as Excel writes it: in the shared strings (openpyxl 3.1 writes inline strings); row 11
    keeps its inline strings, so both kinds are read."""
    teksten: list[str] = []

    def naar_gedeeld(m):
        if (m.group(2) or "").endswith("11"):
            return m.group()
        teksten.append(m.group(4))
        return f'<c{m.group(1)}{m.group(3)} t="s"><v>{len(teksten) - 1}</v></c>'
    blad = re.sub(r'<c((?: r="([A-Z]+\d+)")?)((?: s="\d+")?) t="inlineStr"><is>(.*?)</is></c>', naar_gedeeld, blad)
    si = "".join(f"<si>{t}</si>" for t in teksten)
    return blad, (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
                  f'spreadsheetml/2006/main" count="{len(teksten)}" uniqueCount="{len(teksten)}">{si}</sst>').encode()


def main() -> None:
    data = werkmap()
    (MAP / "werkmap.xlsx").write_bytes(data)
    if "--verwacht" in sys.argv:
        sys.path.insert(0, str(ROOT))
        from calculator.controle import controleer, schrijf_csv
        from calculator.xlsx import lees_xlsx, schrijf_xlsx
        controle = controleer(lees_xlsx(data))
        (MAP / "werkmap.verwacht.csv").write_bytes(schrijf_csv(controle))
        (MAP / "werkmap.verwacht.xlsx").write_bytes(schrijf_xlsx(controle))


if __name__ == "__main__":
    main()
