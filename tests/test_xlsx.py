"""The coordinators' list check with Excel files (issue 15): calculator/xlsx.py.

Golden files in tests/controle/ (made by maak_werkmappen.py, with openpyxl and a few hand edits):
werkmap.xlsx as a coordinator's Excel could hold it, werkmap.verwacht.csv the CSV a coordinator must
get from it (byte for byte), werkmap.verwacht.xlsx the workbook (compared part by part: the XML is
ours, the deflate bytes are zlib's). Small workbooks of raw XML test what openpyxl cannot write.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from calculator import bereken
from calculator.berekening import BEDRAG_VELDEN
from calculator.controle import (OnleesbaarBestand, Tabel, als_tekst, controleer, lees_csv, neutraliseer,
                                 schrijf_csv, uitvoer_rijen)
from calculator.xlsx import _soort_formaat, lees_xlsx, schrijf_xlsx

MAP = Path(__file__).parent / "controle"
WERKMAP = MAP / "werkmap.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def werkmap(blad: str, gedeeld: str | None = None, stijlen: str | None = None, boek_pr: str = "") -> bytes:
    """A minimal workbook around a sheet's <sheetData> (and optional shared strings and styles)."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    delen = {
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{rel}">{boek_pr}<sheets>'
                           '<sheet name="Lijst" sheetId="1" r:id="rId7"/><sheet name="Ander" sheetId="2" r:id="rId8"/>'
                           '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      f'<Relationship Id="rId8" Type="{rel}/worksheet" Target="worksheets/ander.xml"/>'
                                      f'<Relationship Id="rId7" Type="{rel}/worksheet" Target="../xl/worksheets/lijst.xml"/>'
                                      f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="strings.xml"/>'
                                      f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/lijst.xml": blad if blad.startswith("<?xml") or "<worksheet" in blad else
        f'<worksheet xmlns="{MAIN}"><sheetData>{blad}</sheetData></worksheet>',
        "xl/worksheets/ander.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row><c t="inlineStr"><is><t>niet dit blad'
                                   '</t></is></c></row></sheetData></worksheet>',
    }
    if gedeeld is not None:
        delen["xl/strings.xml"] = f'<sst xmlns="{MAIN}">{gedeeld}</sst>'
    if stijlen is not None:
        delen["xl/styles.xml"] = f'<styleSheet xmlns="{MAIN}">{stijlen}</styleSheet>'
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


KOP = '<row r="1"><c r="A1" t="inlineStr"><is><t>opleiding</t></is></c><c r="B1" t="inlineStr"><is><t>inschrijvingsgeld</t></is></c>'


def cellen(*xml: str, stijlen: str | None = None, gedeeld: str | None = None, boek_pr: str = "") -> list:
    """The cells of row 2 as read, after a header row with the two required columns."""
    rijen = "".join(f'<row r="{i}">{c}</row>' for i, c in enumerate(xml, start=2))
    tabel = lees_xlsx(werkmap(KOP + "</row>" + rijen, gedeeld, stijlen, boek_pr))
    return tabel.rijen[0] if len(tabel.rijen) == 1 else tabel.rijen


def code(data: bytes) -> str:
    with pytest.raises(OnleesbaarBestand) as e:
        lees_xlsx(data)
    assert "{" not in str(e.value)  # every placeholder filled in
    return e.value.code


# --- the golden workbook ------------------------------------------------------------------------

def test_golden_workbook_gives_the_golden_csv():
    tabel = lees_xlsx(WERKMAP.read_bytes())
    assert schrijf_csv(controleer(tabel)) == (MAP / "werkmap.verwacht.csv").read_bytes()


def test_golden_workbook_gives_the_golden_workbook():
    uit = zipfile.ZipFile(io.BytesIO(schrijf_xlsx(controleer(lees_xlsx(WERKMAP.read_bytes())))))
    verwacht = zipfile.ZipFile(MAP / "werkmap.verwacht.xlsx")
    assert uit.namelist() == verwacht.namelist()
    for naam in uit.namelist():
        assert uit.read(naam) == verwacht.read(naam), naam


def test_golden_workbook_cells_are_read_as_what_they_mean():
    tabel = lees_xlsx(WERKMAP.read_bytes())
    assert tabel.kolommen[:3] == ["Naam", "E-mail", "Opleiding"]  # row 1 is empty: the header is row 2
    rij = {r[0]: r for r in tabel.rijen}
    assert len(tabel.rijen) == 11  # the row of spaces and the missing row are left out
    amina, cem = rij["Amina El Idrissi"], rij["Cem Yilmaz"]
    assert amina[3:8] == [400, 0, True, False, dt.date(2026, 10, 1)]  # € format: a number, not a date
    assert rij["Bram Peeters"][3] == "1.234,50" and rij["Bram Peeters"][7] == "1/10/2026"
    assert cem[3:6] == [Decimal("275.5"), Decimal("100.25"), 1] and isinstance(cem[3], Decimal)
    assert cem[7] == dt.datetime(2026, 9, 15, 14, 30) and cem[8] == Decimal("0.3")  # no float noise
    assert rij["Dina Janssens"][3] == Decimal("275.5")  # the formula's cached value
    assert rij["Dina Janssens"][7] == dt.date(2027, 3, 2)  # built-in date format 14
    assert rij["Emre Aydin"][3] == "=SUM(Z1:Z3)"  # a formula never computed: its text
    assert rij["Fien Maes"][3] == "#DIV/0!" and rij["Fien Maes"][7] == dt.date(2026, 10, 1)
    assert rij["Gert Wouters"][1] == '=HYPERLINK("http://example.org";"klik")'  # text, not a formula
    assert "Kobe Mertens" in rij and "Jana Smets" in rij  # a formula's text result; rich text
    assert rij["Lotte Claes"] == ["Lotte Claes", "lotte@example.be", "andere", 120, 0, "ja", True,
                                  dt.date(2026, 10, 1), "cellen zonder r"]
    assert rij["Hanne Claes"] == ["Hanne Claes", None, "basisvaardigheden", 80, None, None, None,
                                  dt.date(2026, 11, 5)]


def test_golden_rows_are_computed_or_say_why():
    uit = {r["Naam"]: r for r in csv.DictReader(io.StringIO((MAP / "werkmap.verwacht.csv").read_text("utf-8-sig")),
                                                delimiter=";")}
    assert uit["Amina El Idrissi"]["terugbetaling"] == "275,00"
    assert uit["Bram Peeters"]["terugbetaling"] == "1084,50"  # "1.234,50" as text, 100 already requested
    assert uit["Cem Yilmaz"]["chequebedrag"] == "275,50" and uit["Cem Yilmaz"]["Datum"] == "2026-09-15 14:30:00"
    assert uit["Dina Janssens"]["terugbetaling"] == "25,50"
    assert uit["Emre Aydin"]["Inschrijvingsgeld"] == "'=SUM(Z1:Z3)"  # neutralised
    assert uit["Emre Aydin"]["fouten"].startswith("inschrijvingsgeld: ")
    assert uit["Fien Maes"]["fouten"].startswith("inschrijvingsgeld: ") and not uit["Fien Maes"]["route"]
    assert uit["Gert Wouters"]["E-mail"].startswith("'=HYPERLINK") and uit["Gert Wouters"]["Opmerking"] == "'@SUM(A1)"
    assert uit["Kobe Mertens"]["route"] == "volledige_terugbetaling"
    assert uit["Jana Smets"]["schooljaar"] == "2025-2026" and not uit["Jana Smets"]["fouten"]
    assert uit["Lotte Claes"]["route"] == "volledige_terugbetaling"
    assert uit["Hanne Claes"]["terugbetaling"] == "0,00"


def test_openpyxl_reads_the_golden_workbook_as_we_do():
    ons = lees_xlsx(WERKMAP.read_bytes())
    blad = openpyxl.load_workbook(WERKMAP).active
    hun = [list(r) for r in blad.iter_rows(values_only=True) if any(c not in (None, "") and str(c).strip() for c in r)]
    assert hun[0] == ons.kolommen
    for a, b in zip(hun[1:], ons.rijen, strict=True):
        for x, y in zip(a, b + [None] * len(a)):
            if isinstance(x, str) and x.startswith("=") and not isinstance(y, str):
                continue  # openpyxl gives a formula's text, we its cached value
            if x == '="Kobe"&" Mertens"':
                assert y == "Kobe Mertens"
                continue
            assert als_tekst(x) == als_tekst(y), (a, b)


# --- writing ---------------------------------------------------------------------------------------

def _csv_rijen(controle) -> list[list[str]]:
    return uitvoer_rijen(controle, ",")


def _gelijk(waarde: object, tekst: str) -> bool:
    """A cell of our workbook against the same cell of the CSV output (',' separator, '.' decimals)."""
    if isinstance(waarde, (int, float, Decimal)) and not isinstance(waarde, bool) and tekst:
        return Decimal(str(waarde)) == Decimal(tekst.replace(",", "."))
    return neutraliseer(als_tekst(waarde, ",")) == tekst


def test_written_workbook_read_back_by_us_and_by_openpyxl_gives_the_csv_values():
    controle = controleer(lees_xlsx(WERKMAP.read_bytes()))
    verwacht = _csv_rijen(controle)
    data = schrijf_xlsx(controle)
    ons = lees_xlsx(data)
    hun = [list(r) for r in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    assert ons.kolommen == verwacht[0] == [c or "" for c in hun[0]]
    assert len(ons.rijen) == len(hun) - 1 == len(verwacht) - 1
    for rij_ons, rij_hun, rij_csv in zip(ons.rijen, hun[1:], verwacht[1:]):
        breedte = len(rij_csv)
        for a, b, tekst in zip(rij_ons + [None] * breedte, rij_hun, rij_csv):
            assert _gelijk(a, tekst), (a, tekst)
            assert _gelijk(b, tekst), (b, tekst)


def test_written_workbook_has_types_styles_a_frozen_header_and_a_filter():
    controle = controleer(lees_xlsx(WERKMAP.read_bytes()))
    data = schrijf_xlsx(controle)
    assert data == schrijf_xlsx(controle)  # the same bytes every time
    blad = openpyxl.load_workbook(io.BytesIO(data)).active
    assert blad.title == "Controle" and blad.freeze_panes == "A2"
    assert blad.auto_filter.ref == f"A1:U{len(controle.rijen) + 1}"
    kop = {c.value: c for c in blad[1]}
    assert all(c.font.b for c in blad[1]) and not blad["A2"].font.b
    amina = {k: blad.cell(row=2, column=c.column) for k, c in kop.items()}
    assert amina["terugbetaling"].value == 275 and amina["terugbetaling"].number_format == "#,##0.00"
    assert amina["Inschrijvingsgeld"].number_format == "#,##0.00"
    assert amina["Datum"].is_date and amina["aanvaardt_cheques"].value is True
    assert amina["schooljaar"].data_type == "s" and amina["fouten"].value is None
    gert = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "Gert Wouters")
    assert gert[1].value == '=HYPERLINK("http://example.org";"klik")' and gert[1].data_type == "s"
    assert 10 <= blad.column_dimensions["A"].width <= 62


def test_errors_in_the_workbook_in_the_chosen_language():
    controle = controleer(lees_csv(b"opleiding;inschrijvingsgeld\nandere;-1\n"))
    blad = openpyxl.load_workbook(io.BytesIO(schrijf_xlsx(controle, "fr"))).active
    assert blad.cell(row=2, column=blad.max_column).value == uitvoer_rijen(controle, taal="fr")[1][-1]
    assert "négatif" in blad.cell(row=2, column=blad.max_column).value


@pytest.mark.parametrize("tekst", ["regel 1\r\nregel 2", "a\x01b\x1fc", "_x0041_ blijft zo", "<b>&amp;</b>",
                                   "  spaties  ", "tab\tna", "Zoë ☺ 😀", "=1+1", ""])
def test_any_text_survives_the_round_trip(tekst):
    controle = controleer(Tabel(["naam", "opleiding", "inschrijvingsgeld"], [[tekst, "andere", 10]]))
    terug = lees_xlsx(schrijf_xlsx(controle)).rijen[0]
    assert terug[0] == (tekst or None)
    if "\x01" not in tekst and "_x" not in tekst and "\r" not in tekst:  # openpyxl does not unescape _xHHHH_
        assert openpyxl.load_workbook(io.BytesIO(schrijf_xlsx(controle))).active["A2"].value == (tekst or None)


def test_cells_of_every_type_survive_the_round_trip():
    rij = ["x", "andere", Decimal("10.5"), True, dt.date(2026, 10, 1), dt.datetime(2026, 10, 1, 8, 15, 30),
           dt.time(9, 30), 12, 1.25, Decimal("0.1"), dt.date(1900, 1, 15)]
    controle = controleer(Tabel(["naam", "opleiding", "inschrijvingsgeld", "aanvaardt_cheques", "datum", "moment",
                                 "uur", "n", "f", "d", "oud"], [rij]))
    terug = lees_xlsx(schrijf_xlsx(controle)).rijen[0]
    assert terug[:10] == rij[:10]
    assert terug[10] == "1900-01-15"  # before Excel's 1 March 1900: written as text


def test_ten_thousand_rows_read_checked_and_written():
    rnd = random.Random(15)
    soorten = ["secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie", "graduaat_bachelor",
               "andere"]
    wb = openpyxl.Workbook(write_only=True)
    blad = wb.create_sheet()
    blad.append(["naam", "opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "datum"])
    invoer = []
    for i in range(10_000):
        r = {"opleiding": rnd.choice(soorten), "inschrijvingsgeld": rnd.randint(0, 300_000) / 100,
             "al_aangevraagd": rnd.choice([0, 100, 250]), "aanvaardt_cheques": rnd.random() < 0.8,
             "datum": dt.date(2026, rnd.randint(1, 12), rnd.randint(1, 28))}
        invoer.append(r)
        blad.append([f"P{i}", *r.values()])
    bron = io.BytesIO()
    wb.save(bron)
    controle = controleer(lees_xlsx(bron.getvalue()))
    assert len(controle.rijen) == 10_000 and controle.aantal_fouten == 0
    for r, rij in zip(invoer, controle.rijen):
        verwacht = bereken({**r, "inschrijvingsgeld": repr(r["inschrijvingsgeld"]), "datum": r["datum"].isoformat()})
        assert {k: float(rij.uitkomst[k]) for k in BEDRAG_VELDEN} == {k: float(verwacht[k]) for k in BEDRAG_VELDEN}
    terug = lees_xlsx(schrijf_xlsx(controle))
    assert len(terug.rijen) == 10_000
    assert sum(Decimal(str(r[terug.kolommen.index("terugbetaling")])) for r in terug.rijen) == \
        controle.totalen["terugbetaling"]


# --- what a cell becomes (raw XML) ---------------------------------------------------------------

STIJLEN = ('<numFmts><numFmt numFmtId="164" formatCode="d/mm/yyyy"/><numFmt numFmtId="165" formatCode="hh:mm"/>'
           '<numFmt numFmtId="166" formatCode="&quot;dag&quot; 0"/></numFmts>'
           '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'  # not a cell style: must not count
           '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>'
           '<xf numFmtId="14"/><xf numFmtId="4"/></cellXfs>')


def test_dates_in_the_1900_and_1904_systems():
    rij = '<c r="A2" s="1"><v>46296</v></c><c r="B2" s="4"><v>46296.75</v></c><c r="C2" s="2"><v>0.5</v></c>' \
          '<c r="D2" s="3"><v>46296</v></c><c r="E2" s="5"><v>46296</v></c><c r="F2" s="1"><v>59</v></c>' \
          '<c r="G2" s="1"><v>61</v></c><c r="H2" s="1"><v>-3</v></c>'
    assert cellen(rij, stijlen=STIJLEN) == [dt.date(2026, 10, 1), dt.datetime(2026, 10, 1, 18), dt.time(12),
                                            46296, 46296, dt.date(1900, 2, 28), dt.date(1900, 3, 1), -3]
    assert cellen('<c r="A2" s="1"><v>44834</v></c>', stijlen=STIJLEN,
                  boek_pr='<workbookPr date1904="1"/>')[0] == dt.date(2026, 10, 1)


@pytest.mark.parametrize("nummer, formaat, soort", [
    (14, None, "datum"), (22, None, "datum"), (20, None, "tijd"), (47, None, "tijd"), (4, None, None),
    (0, None, None), (49, None, None), (164, "d/mm/yyyy", "datum"), (164, "[$-813]dddd d mmmm yyyy", "datum"),
    (164, "yyyy-mm-dd hh:mm:ss", "datum"), (164, "h:mm AM/PM", "tijd"), (164, "[h]:mm:ss", "tijd"),
    (164, "mmm", "datum"), (164, "General", None), (164, "#,##0.00 \"d\"", None),
    (164, "[Red][$€-813] #,##0.00;-#,##0.00", None), (164, "0.00\\h", None), (164, "0_m", None),
    (164, "@", None), (164, "0.00E+00", None),
])
def test_which_number_formats_are_dates(nummer, formaat, soort):
    assert _soort_formaat(nummer, formaat) == soort


def test_numbers_are_exact():
    rij = ('<c r="A2"><v>400</v></c><c r="B2"><v>275.5</v></c><c r="C2"><v>121.00000000000001</v></c>'
           '<c r="D2"><v>0.30000000000000004</v></c><c r="E2"><v>1.5E-3</v></c><c r="F2"><v>-12</v></c>'
           '<c r="G2"><v>4E+2</v></c><c r="H2"><v>12345678901.25</v></c>')
    assert cellen(rij) == [400, Decimal("275.5"), 121, Decimal("0.3"), Decimal("0.0015"), -12, 400,
                           Decimal("12345678901.25")]
    assert all(type(c) in (int, Decimal) for c in cellen(rij))


def test_text_booleans_errors_and_formulas():
    gedeeld = ('<si><t>andere</t></si><si><r><t xml:space="preserve">Jana </t></r><r><rPr><b/></rPr><t>Smets</t>'
               '</r><rPh sb="0" eb="1"><t>ヤナ</t></rPh></si><si><t>regel_x000D_</t></si>')
    rij = ('<c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>'
           '<c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#N/A</v></c>'
           '<c r="G2" t="str"><f>A2&amp;"x"</f><v>anderex</v></c><c r="H2"><f>SUM(B1:B3)</f></c>'
           '<c r="I2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>'
           '<c r="J2" t="d"><v>2026-10-01T00:00:00Z</v></c><c r="K2" t="d"><v>2026-10-01T08:30:00</v></c>'
           '<c r="L2" s="0"/><c r="M2" t="b"><f>1=1</f><v>1</v></c>')
    assert cellen(rij, gedeeld=gedeeld) == ["andere", "Jana Smets", "regel\r", True, False, "#N/A", "anderex",
                                            "=SUM(B1:B3)", "inline", dt.date(2026, 10, 1),
                                            dt.datetime(2026, 10, 1, 8, 30), None, True]


def test_sparse_cells_skipped_rows_missing_references_and_prefixes():
    blad = (f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
            '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>opleiding</x:t></x:is></x:c>'
            '<x:c t="inlineStr"><x:is><x:t>inschrijvingsgeld</x:t></x:is></x:c>'
            '<x:c r="E3" t="inlineStr"><x:is><x:t>naam</x:t></x:is></x:c></x:row>'
            '<x:row r="7"><x:c r="B7"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>'
            '<x:row><x:c r="E8" t="inlineStr"><x:is><x:t>Amina</x:t></x:is></x:c></x:row>'
            '<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>eerder</x:t></x:is></x:c></x:row>'
            '</x:sheetData></x:worksheet>')
    tabel = lees_xlsx(werkmap(blad))
    assert tabel.kolommen == ["opleiding", "inschrijvingsgeld", "", "", "naam"]
    assert tabel.rijen == [["eerder"], [None, 5, 6], [None, None, None, None, "Amina"]]  # in row order


def test_decimal_cells_are_amounts_to_the_cent():
    tabel = Tabel(["opleiding", "inschrijvingsgeld", "al_aangevraagd"],
                  [["andere", Decimal("275.5"), Decimal("0.25")], ["andere", Decimal("10.005"), 0]])
    goed, fout = controleer(tabel, dt.date(2026, 10, 1)).rijen
    assert goed.uitkomst["bijbetalen"] == Decimal("25.75") and not goed.fouten
    assert [f["code"] for f in fout.fouten] == ["bedrag_decimalen"]
    assert bereken({"opleiding": "andere", "inschrijvingsgeld": Decimal("400")})["terugbetaling"] == 275


# --- files that are not a list we can read ------------------------------------------------------

def _zip(delen: dict[str, bytes | str], methode=zipfile.ZIP_DEFLATED) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", methode) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


def test_files_that_are_not_workbooks_get_their_code():
    assert code(b"") == code(b"  \n") == "lijst_leeg"
    assert code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600) == "lijst_xls_oud"
    assert code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le")) == \
        "lijst_xlsx_wachtwoord"
    assert code(_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
                     zipfile.ZIP_STORED)) == "lijst_ods"
    assert code(b"opleiding;inschrijvingsgeld\nandere;400\n") == "lijst_geen_werkmap"
    assert code(b"\x89PNG\r\n\x1a\n\x00\x00") == "lijst_geen_werkmap"
    assert code(_zip({"word/document.xml": "<w/>", "[Content_Types].xml": "<Types/>"})) == "lijst_geen_werkmap"
    assert code(_zip({})) == "lijst_geen_werkmap"
    assert code(b"PK\x03\x04\x14\x00\x06\x00 rest of a workbook") == "lijst_xlsx_onleesbaar"
    assert code(WERKMAP.read_bytes()[:3000]) == "lijst_xlsx_onleesbaar"  # cut off
    assert code(werkmap("<row><c><v>1</v></row>")) == "lijst_xlsx_onleesbaar"  # not XML
    assert code(werkmap(f'<c r="A1" t="s"><v>9</v></c>', gedeeld="<si><t>a</t></si>")) == "lijst_xlsx_onleesbaar"


def test_an_xml_bomb_is_refused():
    bom = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           f'<worksheet xmlns="{MAIN}"><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>'
           '</worksheet>')
    assert code(werkmap(bom)) == "lijst_xlsx_onleesbaar"


def test_a_zip_bomb_is_refused(monkeypatch):
    import calculator.xlsx as xlsx
    monkeypatch.setattr(xlsx, "MAX_UITGEPAKT", 1 << 20)
    opvulling = f'<worksheet xmlns="{MAIN}"><sheetData>' + " " * (8 << 20) + "</sheetData></worksheet>"
    data = werkmap(opvulling)
    assert len(data) < 50_000
    assert code(data) == "lijst_xlsx_te_groot"  # its declared size is refused before it is unpacked
    # the same bomb lying about its size: never unpacked past what it declares
    centraal = data.index(b"PK\x01\x02")  # the central directory: find the sheet's entry
    while True:
        lengte = struct.unpack("<H", data[centraal + 28:centraal + 30])[0]
        if data[centraal + 46:centraal + 46 + lengte] == b"xl/worksheets/lijst.xml":
            break
        centraal = data.index(b"PK\x01\x02", centraal + 4)
    gelogen = data[:centraal + 24] + struct.pack("<I", 1000) + data[centraal + 28:]
    assert code(gelogen) in ("lijst_xlsx_onleesbaar", "lijst_xlsx_te_groot")


def test_an_empty_sheet_only_a_header_and_a_missing_column():
    assert code(werkmap("")) == "lijst_leeg"
    assert code(werkmap('<row r="4"><c r="B4" s="1"/></row>')) == "lijst_leeg"  # a styled cell is empty
    tabel = lees_xlsx(werkmap(KOP + "</row>"))
    assert tabel.kolommen == ["opleiding", "inschrijvingsgeld"] and tabel.rijen == []
    assert schrijf_csv(controleer(tabel)).decode("utf-8-sig").startswith("opleiding;inschrijvingsgeld;schooljaar")
    assert code(werkmap('<row><c t="inlineStr"><is><t>naam</t></is></c></row>')) == "lijst_kolom_ontbreekt"


def test_too_many_rows_or_columns_are_refused(monkeypatch):
    import calculator.controle as controle
    monkeypatch.setattr(controle, "MAX_RIJEN", 3)
    rijen = "".join(f'<row><c t="inlineStr"><is><t>andere</t></is></c><c><v>{i}</v></c></row>' for i in range(5))
    with pytest.raises(OnleesbaarBestand) as e:
        lees_xlsx(werkmap(KOP + "</row>" + rijen))
    assert e.value.code == "lijst_te_lang" and "tot 3 rijen" in str(e.value)
    assert len(lees_xlsx(werkmap(KOP + "</row>" + rijen[:len(rijen) * 3 // 5])).rijen) == 3
    assert code(werkmap(KOP + '<c r="ALM1"><v>1</v></c></row>')) == "lijst_te_breed"
    assert lees_xlsx(werkmap(KOP + '<c r="XFD1" s="1"/></row>')).kolommen == ["opleiding", "inschrijvingsgeld"]
