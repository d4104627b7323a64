"""Input errors as texts (issue 14, item 3): every message of `OngeldigeInvoer` has a code and comes
from the texts ("fouten" in calculator/teksten/<taal>.json), so a page or the CLI in another
language says it in its own words; the Dutch `melding` of the contract stays as it was."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import OngeldigeInvoer, bereken
from calculator.teksten import TALEN, melding, teksten
from calculator.web import bereken_json

ROOT = Path(__file__).resolve().parents[1]

# one input per code (the page's own "onleesbaar" is tested in the browser: client.js makes it)
INVOER = {
    "geen_object": 5,
    "opleiding_kiezen": {"inschrijvingsgeld": "400"},
    "opleiding_onbekend": {"opleiding": "kappersschool", "inschrijvingsgeld": "400"},
    "inschrijvingsgeld_leeg": {"opleiding": "andere"},
    "bedrag_negatief": {"opleiding": "andere", "inschrijvingsgeld": "-5"},
    "bedrag_te_hoog": {"opleiding": "andere", "inschrijvingsgeld": "200000"},
    "bedrag_geen_getal": {"opleiding": "andere", "inschrijvingsgeld": float("nan")},
    "bedrag_in_euro": {"opleiding": "andere", "inschrijvingsgeld": True},
    "bedrag_leeg": {"opleiding": "andere", "inschrijvingsgeld": "€"},
    "bedrag_decimalen": {"opleiding": "andere", "inschrijvingsgeld": "250,505"},
    "bedrag_te_lang": {"opleiding": "andere", "inschrijvingsgeld": "1" * 41},
    "bedrag_tekens": {"opleiding": "andere", "inschrijvingsgeld": "veel geld"},
    "bedrag_onleesbaar": {"opleiding": "andere", "inschrijvingsgeld": "1.2.3,4"},
    "ja_nee": {"opleiding": "andere", "inschrijvingsgeld": "400", "aanvaardt_cheques": "misschien"},
    "datum_onbekend": {"opleiding": "andere", "inschrijvingsgeld": "400", "datum": "gisteren"},
    "datum_geen_regels": {"opleiding": "andere", "inschrijvingsgeld": "400", "datum": "1999-01-01"},
}


def _fouten(invoer) -> list[dict]:
    with pytest.raises(OngeldigeInvoer) as e:
        bereken(invoer)
    # the contract's shape stays exactly {"veld", "melding"}; the codes are in `details`
    assert e.value.fouten == [{"veld": f["veld"], "melding": f["melding"]} for f in e.value.details]
    return e.value.details


@pytest.mark.parametrize("code", INVOER)
def test_each_error_has_its_code_and_the_dutch_text_of_that_code(code):
    fouten = _fouten(INVOER[code])
    gevonden = [f for f in fouten if f["code"] == code]
    assert gevonden, fouten
    for f in fouten:
        assert f["melding"] == melding(f["code"], f.get("waarden")), f
        assert not re.search(r"\{\w+\}", f["melding"]), f  # every placeholder filled in
        assert all(isinstance(v, str) for v in f.get("waarden", {}).values())


def test_invalid_json_has_its_code_too():
    uit = json.loads(bereken_json("{niet"))
    assert [f["code"] for f in uit["fouten"]] == ["geen_json"]
    assert uit["fouten"][0]["melding"] == teksten("nl")["fouten"]["geen_json"]


def test_every_error_text_is_used_and_every_language_has_every_code():
    codes = set(teksten("nl")["fouten"])
    lijst = {c for c in codes if c.startswith("lijst_")}  # the list check's (tests/test_controle.py)
    assert codes - lijst == set(INVOER) | {"geen_json", "onleesbaar", "opleiding_niet_op_datum"}
    bron = "".join((ROOT / "calculator" / naam).read_text() for naam in ("controle.py", "__main__.py", "xlsx.py")
                   if (ROOT / "calculator" / naam).exists())
    assert {c for c in lijst if c not in bron} == set()
    for taal in TALEN:
        assert set(teksten(taal)["fouten"]) == codes, taal


def test_the_cli_writes_the_messages_in_the_chosen_language():
    for taal in TALEN:
        uit = subprocess.run([sys.executable, "-m", "calculator", "--taal", taal], input='{"opleiding": "x"}',
                             capture_output=True, text=True)
        assert uit.returncode == 2
        fouten = json.loads(uit.stdout)["fouten"]
        details = _fouten({"opleiding": "x"})
        assert fouten == [{"veld": f["veld"], "melding": melding(f["code"], f.get("waarden"), taal)} for f in details]
        tekst = subprocess.run([sys.executable, "-m", "calculator", "--uitleg", "--taal", taal],
                               input='{"opleiding": "x"}', capture_output=True, text=True).stdout
        assert melding("inschrijvingsgeld_leeg", taal=taal) in tekst
