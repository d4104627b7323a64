"""The coordinators' list check on the command line: `python -m calculator --csv [FILE]`.

Golden files in tests/controle/: an input list and the output a coordinator must get
(`<naam>.verwacht.csv`), byte for byte: ';' with a BOM and decimal commas, ',' with decimal
points, Windows-1252 as Excel writes it, rows that cannot be computed, cells that would run as
formulas. Every date in them is given, so the expected school years do not depend on today.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from calculator import BEDRAG_VELDEN, bereken
from calculator.teksten import melding
from calculator.controle import (UITVOER_KOLOMMEN, OnleesbaarBestand, Tabel, controleer, lees_csv,
                                 neutraliseer, schrijf_csv)

ROOT = Path(__file__).resolve().parents[1]
MAP = Path(__file__).parent / "controle"
GOLDEN = sorted(p for p in MAP.glob("*.csv") if not p.name.endswith(".verwacht.csv"))


def cli(*args: str, invoer: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", *args], input=invoer, capture_output=True,
                          cwd=ROOT, timeout=60)


def test_there_are_golden_lists():
    assert {p.stem for p in GOLDEN} >= {"puntkomma-bom", "komma", "windows-1252"}


@pytest.mark.parametrize("bestand", GOLDEN, ids=lambda p: p.stem)
def test_golden_list_from_a_file(bestand):
    r = cli("--csv", str(bestand))
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout == bestand.with_suffix(".verwacht.csv").read_bytes()


@pytest.mark.parametrize("bestand", GOLDEN, ids=lambda p: p.stem)
def test_golden_list_from_standard_input(bestand):
    r = cli("--csv", invoer=bestand.read_bytes())
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout == bestand.with_suffix(".verwacht.csv").read_bytes()


def rijen(data: bytes, codering: str = "utf-8-sig", scheiding: str = ";") -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode(codering), newline=""), delimiter=scheiding))


def test_semicolon_list_keeps_bom_separator_and_decimal_comma():
    uit = (MAP / "puntkomma-bom.verwacht.csv").read_bytes()
    assert uit.startswith(b"\xef\xbb\xbf")
    amina = rijen(uit)[0]
    assert (amina["Naam"], amina["chequebedrag"], amina["eigen_bijdrage"], amina["terugbetaling"]) == (
        "Amina El Idrissi", "250,00", "125,00", "275,00")
    assert list(amina)[:9] == ["Naam", "E-mail", "Opleiding", "Inschrijvingsgeld", "Al aangevraagd",
                               "aanvaardt_cheques", "Aanvraag_geweigerd", "Datum", "Opmerking"]
    assert list(amina)[9:] == list(UITVOER_KOLOMMEN)


def test_comma_list_gets_decimal_points_and_no_bom():
    uit = (MAP / "komma.verwacht.csv").read_bytes()
    assert not uit.startswith(b"\xef\xbb\xbf")
    eline = rijen(uit, "utf-8", ",")[1]
    assert (eline["naam"], eline["beschikbaar"], eline["terugbetaling"]) == ("Maes, Eline", "400.00", "600.50")


def test_windows_1252_list_is_written_back_in_windows_1252():
    uit = (MAP / "windows-1252.verwacht.csv").read_bytes()
    zoe = rijen(uit, "cp1252")[1]
    assert zoe["Naam"] == "Zoë Van Daële" and zoe["Opmerking"] == "heeft één attest"
    assert rijen(uit, "cp1252")[0]["terugbetaling"] == "275,00"  # "€ 400" read as 400


def test_rows_that_cannot_be_computed_say_why_and_the_others_are_computed():
    uit = rijen((MAP / "puntkomma-bom.verwacht.csv").read_bytes())
    fout = {r["Naam"]: r["fouten"] for r in uit if r["fouten"]}
    assert fout["Hanne Claes"] == "inschrijvingsgeld: Een bedrag kan niet negatief zijn. Vul 0 of meer in."
    assert fout["Ilias Haddad"].startswith("opleiding: Deze soort opleiding kennen we niet.")
    assert fout["Jana Smets"] == ("aanvaardt_cheques: Schrijf ja of nee (of 1 en 0). | datum: Deze datum "
                                  "kunnen we niet lezen. Schrijf ze zo: 2026-10-01 of 1/10/2026.")
    assert fout["Kobe Mertens"].startswith("opleiding: Kies welke opleiding je volgt. | inschrijvingsgeld:")
    for r in uit:
        bedragen = [r[k] for k in BEDRAG_VELDEN]
        assert (all(bedragen) and r["route"]) if not r["fouten"] else not any(bedragen) and not r["route"]
    assert len(uit) == 12  # the empty row is left out, every other row is there


def test_a_row_with_more_cells_than_headers_is_not_computed_from_shifted_cells():
    pieter = rijen((MAP / "komma.verwacht.csv").read_bytes(), "utf-8", ",")[-1]
    assert pieter["naam"] == "Pieter" and pieter["terugbetaling"] == ""
    assert pieter["fouten"].startswith("rij: Deze rij heeft 7 cellen, de kopregel maar 6.")


def test_formula_cells_are_neutralised():
    gert = next(r for r in rijen((MAP / "puntkomma-bom.verwacht.csv").read_bytes()) if r["Naam"] == "Gert Wouters")
    assert gert["E-mail"] == "'=HYPERLINK(\"http://example.org\";\"klik\")"
    assert gert["Opmerking"] == "'@SUM(A1)"
    assert gert["terugbetaling"] == "50,00"
    for begin in "=+-@\t\r":
        assert neutraliseer(begin + "1+1") == "'" + begin + "1+1"
    assert neutraliseer("Amina") == "Amina" and neutraliseer("") == ""


def test_amounts_are_the_calculators_for_every_row():
    """10,000 random rows: each row's amounts are exactly what `bereken` gives for that participant."""
    rnd = random.Random(12)
    soorten = ["secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie",
               "graduaat_bachelor", "andere"]
    regels, invoer = ["naam;opleiding;inschrijvingsgeld;al_aangevraagd;aanvaardt_cheques;aanvraag_geweigerd;datum"], []
    for i in range(10_000):
        r = dict(opleiding=rnd.choice(soorten), inschrijvingsgeld=f"{rnd.randint(0, 3000)},{rnd.randint(0, 99):02d}",
                 al_aangevraagd=str(rnd.choice([0, 0, 100, 250, 400])), aanvaardt_cheques=rnd.choice(["ja", "nee"]),
                 aanvraag_geweigerd=rnd.choice(["nee", "nee", "ja"]),
                 datum=f"{rnd.randint(2021, 2027)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        invoer.append(r)
        regels.append(";".join([f"P{i}", *r.values()]))
    controle = controleer(lees_csv("\n".join(regels).encode()))
    assert len(controle.rijen) == 10_000 and controle.aantal_fouten == 0
    totaal = Decimal(0)
    for r, rij in zip(invoer, controle.rijen):
        verwacht = bereken(r)
        assert {k: float(rij.uitkomst[k]) for k in BEDRAG_VELDEN} == {k: float(verwacht[k]) for k in BEDRAG_VELDEN}
        assert (rij.uitkomst["route"], rij.uitkomst["schooljaar"]) == (verwacht["route"], verwacht["schooljaar"])
        totaal += rij.uitkomst["terugbetaling"]
    assert controle.totalen["terugbetaling"] == totaal


def test_a_checked_list_checked_again_gives_the_same_list():
    eerste = (MAP / "puntkomma-bom.verwacht.csv").read_bytes()
    r = cli("--csv", invoer=eerste)
    assert r.returncode == 0
    kop = rijen(r.stdout)[0].keys()
    assert list(kop).count("terugbetaling") == 1 and list(kop).count("fouten") == 1


def test_headers_match_whatever_their_case_and_spaces():
    data = " OPLEIDING ;Inschrijvingsgeld ;AL-Aangevraagd\r\nandere;400;100\r\n".encode()
    r = cli("--csv", invoer=data)
    assert rijen(r.stdout)[0]["terugbetaling"] == "325,00", r.stderr.decode()


def test_yes_and_no_as_people_and_spreadsheets_write_them():
    regels = ["opleiding;inschrijvingsgeld;aanvaardt_cheques;datum"]
    for waarde in ("ja", "JA", "true", "1", "WAAR", "nee", "False", "0", "ONWAAR"):
        regels.append(f"andere;100;{waarde};2026-10-01")
    routes = [r["route"] for r in rijen(cli("--csv", invoer="\n".join(regels).encode()).stdout)]
    assert routes == ["cheques"] * 5 + ["volledige_terugbetaling"] * 4


def test_an_empty_date_is_today():
    tabel = lees_csv(b"opleiding;inschrijvingsgeld;datum\nandere;100;\n")
    assert controleer(tabel, dt.date(2027, 9, 2)).rijen[0].uitkomst["schooljaar"] == "2027-2028"
    assert controleer(tabel, dt.date(2027, 8, 31)).rijen[0].uitkomst["schooljaar"] == "2026-2027"


def test_excel_cell_types_are_read_as_what_they_mean():
    tabel = Tabel(["Naam", "opleiding", "inschrijvingsgeld", "aanvaardt_cheques", "datum", "Geboren"], [
        ["Amina", "andere", 400, True, dt.datetime(2026, 10, 1), dt.datetime(2004, 5, 6)],
        ["Bram", "andere", 275.5, 1, dt.date(2026, 10, 1), 12.0],
        ["Cem", "andere", dt.date(2026, 1, 1), False, 46296, None],
    ])
    controle = controleer(tabel)
    amina, bram, cem = controle.rijen
    assert amina.uitkomst["terugbetaling"] == Decimal("275.00") and not amina.fouten
    assert bram.uitkomst["bijbetalen"] == Decimal("25.50")
    assert {f["veld"] for f in cem.fouten} == {"inschrijvingsgeld", "datum"}
    tekst = schrijf_csv(controle).decode("utf-8-sig")
    assert "Amina;andere;400;ja;2026-10-01;2004-05-06;2026-2027;cheques" in tekst
    assert "Bram;andere;275,5;1;2026-10-01;12;" in tekst
    assert controle.totalen == {"terugbetaling": Decimal("275.00") + bram.uitkomst["terugbetaling"],
                                "overheid": Decimal("125.00") + bram.uitkomst["overheid"]}


def test_a_multi_line_cell_is_passed_through():
    data = 'naam;opleiding;inschrijvingsgeld;datum;opmerking\r\nAmina;andere;400;2026-10-01;"regel 1\r\nregel 2"\r\n'
    uit = rijen(cli("--csv", invoer=data.encode()).stdout)
    assert uit[0]["opmerking"] == "regel 1\r\nregel 2" and uit[0]["terugbetaling"] == "275,00"


def test_error_messages_in_another_language():
    r = cli("--csv", "--taal", "en", invoer=b"opleiding;inschrijvingsgeld\nandere;-1\n")
    assert rijen(r.stdout)[0]["fouten"] == "inschrijvingsgeld: " + melding("bedrag_negatief", taal="en")
    assert melding("bedrag_negatief", taal="en") != melding("bedrag_negatief")


@pytest.mark.parametrize("data, woorden", [
    (b"", "Het bestand is leeg"),
    (b" \r\n\r\n;;;\r\n", "Het bestand is leeg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "niet lezen als lijst"),
    (b"PK\x03\x04\x14\x00\x06\x00rest of a workbook", "Excel-bestand (.xlsx), geen CSV"),
    (b"naam;e-mail\nAmina;a@example.be\n", "De kolom opleiding, inschrijvingsgeld ontbreekt. De kopregel heeft nu: naam, e-mail."),
    (b"opleiding;inschrijvingsgeld;Opleiding\nandere;1;nt2\n", "De kolom opleiding staat twee keer"),
    (b"\x81\x8d\x8f\x90\x9d;\xff\xfe", "niet lezen als lijst"),
])
def test_a_file_that_is_not_a_list_gets_exit_2_and_a_dutch_message(data, woorden):
    r = cli("--csv", invoer=data)
    assert r.returncode == 2 and r.stdout == b""
    assert woorden in r.stderr.decode()


def test_a_missing_file_gets_exit_2_and_a_dutch_message(tmp_path):
    r = cli("--csv", str(tmp_path / "bestaat-niet.csv"))
    assert r.returncode == 2 and "kunnen we niet openen" in r.stderr.decode()


def test_only_a_header_is_an_empty_result_with_a_note():
    r = cli("--csv", invoer=b"naam,opleiding,inschrijvingsgeld\r\n")
    assert r.returncode == 0
    assert r.stdout.decode() == ",".join(["naam", "opleiding", "inschrijvingsgeld", *UITVOER_KOLOMMEN]) + "\r\n"
    assert "alleen een kopregel" in r.stderr.decode()


def test_unreadable_file_is_one_exception_with_a_code():
    with pytest.raises(OnleesbaarBestand) as e:
        lees_csv(b"naam\nAmina\n")
    assert e.value.code == "lijst_kolom_ontbreekt"
    assert "is missing" in e.value.melding_in("en")


def test_a_list_longer_than_the_limit_is_refused(monkeypatch):
    import calculator.controle as controle
    monkeypatch.setattr(controle, "MAX_RIJEN", 3)
    with pytest.raises(OnleesbaarBestand) as e:
        lees_csv(b"opleiding;inschrijvingsgeld\n" + b"andere;1\n" * 4)
    assert e.value.code == "lijst_te_lang" and "tot 3 rijen" in str(e.value)
