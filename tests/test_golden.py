"""Every golden case in tests/cases/*.yaml through `bereken` (one parametrised loader)."""

from __future__ import annotations

import json

import pytest

from calculator import OngeldigeInvoer, bereken
from golden import BEDRAG_VELDEN, load_cases, verschillen

CASES = load_cases()
GOED = [c for c in CASES if "uitvoer" in c]
FOUT = [c for c in CASES if "fouten_velden" in c]


@pytest.mark.parametrize("case", GOED, ids=[c["name"] for c in GOED])
def test_golden(case):
    uitvoer = bereken(case["invoer"])
    assert not verschillen(case["uitvoer"], uitvoer), (case["bestand"], verschillen(case["uitvoer"], uitvoer))
    json.dumps(uitvoer)  # what the CLI and the worker send


@pytest.mark.parametrize("case", FOUT, ids=[c["name"] for c in FOUT])
def test_golden_fouten(case):
    with pytest.raises(OngeldigeInvoer) as e:
        bereken(case["invoer"])
    velden = [f["veld"] for f in e.value.fouten]
    assert sorted(velden) == sorted(case["fouten_velden"]), case["bestand"]
    for f in e.value.fouten:
        assert set(f) == {"veld", "melding"}
        assert isinstance(f["melding"], str) and f["melding"].strip()


def test_enough_cases_and_every_kind():
    assert len(GOED) >= 40
    soorten = {c["invoer"]["opleiding"] for c in GOED}
    assert soorten == {"secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie",
                       "graduaat_bachelor", "andere"}
    assert {c["uitvoer"]["route"] for c in GOED} == {"cheques", "volledige_terugbetaling"}


def test_every_case_checks_the_contract_keys():
    verplicht = {*BEDRAG_VELDEN, "schooljaar", "route", "documenten", "waarschuwingen"}
    for case in GOED:
        assert verplicht <= set(case["uitvoer"]), (case["name"], verplicht - set(case["uitvoer"]))


def test_verschillen_compares_amounts_as_decimals():
    assert verschillen({"chequebedrag": 125.0}, {"chequebedrag": 125}) == []
    assert verschillen({"chequebedrag": 0.3}, {"chequebedrag": 0.1 + 0.2}) != []
    assert verschillen({"chequebedrag": 125}, {"chequebedrag": "125"}) != []
    assert verschillen({"regels": {"start": "2020-09-01"}}, {"regels": {"start": "2020-09-01", "naam": "x"}}) == []
    assert verschillen({"documenten": ["a"]}, {"documenten": ["a", "b"]}) != []
    assert verschillen({"route": "cheques"}, {}) != []
