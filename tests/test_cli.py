"""`python -m calculator`: one JSON object in on stdin, one JSON object out; exit 0 or 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = {"schooljaar", "route", "maximum", "beschikbaar", "chequebedrag", "eigen_bijdrage",
            "overheid", "bijbetalen", "terugbetaling", "voorschieten", "netto_kost", "documenten",
            "waarschuwingen", "regels"}
NEDERLANDS = ("je ", "een ", "het ", "de ", "vul ", "kies ", "geen ", "dit ", "deze ")


def cli(stdin: str | bytes, **env: str) -> tuple[int, dict]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proces = subprocess.run(
        [sys.executable, "-m", "calculator"], input=data, capture_output=True, cwd=ROOT,
        env={**os.environ, **env}, timeout=60,
    )
    assert not proces.stderr, proces.stderr.decode("utf-8", "replace")
    return proces.returncode, json.loads(proces.stdout.decode("utf-8"))


def assert_dutch_fouten(uit: dict, velden: set[str]) -> None:
    assert set(uit) == {"fouten"}
    assert {f["veld"] for f in uit["fouten"]} == velden
    for f in uit["fouten"]:
        assert set(f) == {"veld", "melding"}
        assert any(woord in f["melding"].lower() for woord in NEDERLANDS), f["melding"]


def test_example_from_the_guide():
    code, uit = cli('{"opleiding":"andere","inschrijvingsgeld":"400","datum":"2026-09-15"}\n')
    assert code == 0
    assert set(uit) >= CONTRACT
    assert (uit["chequebedrag"], uit["eigen_bijdrage"], uit["terugbetaling"]) == (250, 125, 275)
    assert uit["route"] == "cheques" and uit["schooljaar"] == "2026-2027"


def test_example_without_datum_uses_today():
    code, uit = cli('{"opleiding":"andere","inschrijvingsgeld":"400"}')
    assert code == 0
    assert set(uit) >= CONTRACT
    assert (uit["chequebedrag"], uit["eigen_bijdrage"], uit["terugbetaling"]) == (250, 125, 275)


def test_volledige_terugbetaling_and_dutch_amount():
    code, uit = cli(json.dumps({"opleiding": "nt2", "inschrijvingsgeld": "1.234,50",
                                "aanvaardt_cheques": False, "datum": "2026-09-15"}))
    assert code == 0
    assert uit["route"] == "volledige_terugbetaling"
    assert uit["terugbetaling"] == 1234.5 and uit["chequebedrag"] == 0


def test_invalid_input_exit_2_with_dutch_messages():
    code, uit = cli(json.dumps({"opleiding": "universiteit", "inschrijvingsgeld": "veel",
                                "datum": "2026-09-15"}))
    assert code == 2
    assert_dutch_fouten(uit, {"opleiding", "inschrijvingsgeld"})


def test_date_before_the_rules_exit_2():
    code, uit = cli(json.dumps({"opleiding": "andere", "inschrijvingsgeld": 400, "datum": "2020-08-31"}))
    assert code == 2
    assert_dutch_fouten(uit, {"datum"})


@pytest.mark.parametrize("tekst", ["", "dit is geen json", "{", '{"opleiding": }', "[" * 100000])
def test_not_json_exit_2(tekst):
    code, uit = cli(tekst)
    assert code == 2
    assert_dutch_fouten(uit, {"invoer"})


@pytest.mark.parametrize("tekst", ['[{"opleiding": "andere", "inschrijvingsgeld": 400}]', "250", '"andere"',
                                   "null", "true"])
def test_not_an_object_exit_2(tekst):
    code, uit = cli(tekst)
    assert code == 2
    assert_dutch_fouten(uit, {"invoer"})


@pytest.mark.parametrize("getal", ["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 30])
def test_numbers_json_cannot_hold_exit_2(getal):
    code, uit = cli('{"opleiding": "andere", "inschrijvingsgeld": %s, "datum": "2026-09-15"}' % getal)
    assert code == 2
    assert_dutch_fouten(uit, {"inschrijvingsgeld"})


def test_bytes_that_are_not_utf8_exit_2():
    # Strict decoding (as on a UTF-8 locale other than C.UTF-8) must not crash with a traceback.
    code, uit = cli(b'\xff\xfe{"opleiding": "andere"}', PYTHONIOENCODING="utf-8")
    assert code == 2
    assert_dutch_fouten(uit, {"invoer"})


def test_output_is_utf8_json_on_one_line():
    proces = subprocess.run([sys.executable, "-m", "calculator"], input=b"{}", capture_output=True,
                            cwd=ROOT, timeout=60)
    assert proces.returncode == 2
    regels = proces.stdout.decode("utf-8").splitlines()
    assert len(regels) == 1 and json.loads(regels[0])["fouten"]


def _uitleg(invoer: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", "--uitleg"], input=json.dumps(invoer),
                          capture_output=True, text=True, cwd=ROOT, encoding="utf-8")


def test_uitleg_shows_the_same_words_as_the_page():
    from calculator.teksten import teksten
    DOCUMENTEN, WAARSCHUWINGEN = teksten()["documenten"], teksten()["waarschuwingen"]

    uit = _uitleg({"opleiding": "andere", "inschrijvingsgeld": "400", "datum": "2026-10-01"})
    assert uit.returncode == 0
    assert "€ 250,00" in uit.stdout and "€ 275,00" in uit.stdout and "€ 125,00" in uit.stdout
    for doc in ("aanvraagformulier_terugbetaling", "bevestigingsmail_wse", "goedkeuringsmail_wse"):
        assert DOCUMENTEN[doc]["titel"] in uit.stdout
    assert WAARSCHUWINGEN["boven_plafond"]["titel"] in uit.stdout


def test_uitleg_of_invalid_input_is_dutch_and_exit_2():
    uit = _uitleg({"opleiding": "andere", "inschrijvingsgeld": "veel"})
    assert uit.returncode == 2
    assert uit.stdout.startswith("Fout bij inschrijvingsgeld:")
