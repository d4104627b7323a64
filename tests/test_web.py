"""calculator.web: the JSON-text door the browser worker uses, tested natively.

It must give exactly what `bereken` gives (wrapped as {"uitvoer": ...} or {"fouten": [...]}),
turn bad JSON into a Dutch message, and let real bugs through instead of hiding them.
"""

from __future__ import annotations

import json

import pytest

from calculator import OngeldigeInvoer, bereken, web
from golden import load_cases

CASES = load_cases()


def native(invoer) -> dict:
    try:
        return {"uitvoer": bereken(invoer)}
    except OngeldigeInvoer as e:
        return {"fouten": e.details}  # the worker sends the codes too (the page words them)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case_same_as_bereken(case):
    tekst = web.bereken_json(json.dumps(case["invoer"]))
    assert json.loads(tekst) == native(case["invoer"])


def test_answer_is_json_text_with_one_key():
    antwoord = json.loads(web.bereken_json('{"opleiding": "andere", "inschrijvingsgeld": "1.234,50", '
                                           '"datum": "2026-09-15"}'))
    assert list(antwoord) == ["uitvoer"]
    assert antwoord["uitvoer"]["chequebedrag"] == 250
    assert antwoord["uitvoer"]["bijbetalen"] == 984.5


def test_dutch_text_stays_readable():
    assert "één" in web.bereken_json("{")  # ensure_ascii=False: no \\u00e9 escapes


def test_invalid_input_gives_fouten_per_field():
    antwoord = json.loads(web.bereken_json('{"opleiding": "", "inschrijvingsgeld": "veel"}'))
    velden = [f["veld"] for f in antwoord["fouten"]]
    assert velden == ["opleiding", "inschrijvingsgeld"]
    assert all(f["melding"] for f in antwoord["fouten"])


@pytest.mark.parametrize("tekst", ["", "{", "niet json", '{"a": 1,}', "[" * 100_000])
def test_bad_json_gives_a_dutch_message(tekst):
    antwoord = json.loads(web.bereken_json(tekst))
    assert antwoord["fouten"][0]["veld"] == "invoer"
    assert "JSON" in antwoord["fouten"][0]["melding"]


def test_not_a_string_gives_a_message_too():
    antwoord = json.loads(web.bereken_json(None))
    assert antwoord["fouten"][0]["veld"] == "invoer"


@pytest.mark.parametrize("tekst, verwacht", [
    ("null", "invoer"),
    ("[]", "invoer"),
    ('"andere"', "invoer"),
    ('{"opleiding": "andere", "inschrijvingsgeld": NaN}', "inschrijvingsgeld"),
    ('{"opleiding": "andere", "inschrijvingsgeld": Infinity}', "inschrijvingsgeld"),
    ('{"opleiding": "andere", "inschrijvingsgeld": -Infinity}', "inschrijvingsgeld"),
])
def test_json_that_is_not_an_invoer(tekst, verwacht):
    antwoord = json.loads(web.bereken_json(tekst))
    assert [f["veld"] for f in antwoord["fouten"]] == [verwacht]


def test_bugs_are_not_hidden(monkeypatch):
    def kapot(invoer):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(web, "bereken", kapot)
    with pytest.raises(ZeroDivisionError):
        web.bereken_json('{"opleiding": "andere", "inschrijvingsgeld": 400}')


def test_only_standard_library():
    import ast
    import sys
    from pathlib import Path

    bron = Path(web.__file__).read_text(encoding="utf-8")
    modules = set()
    for node in ast.walk(ast.parse(bron)):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.add(node.module.split(".")[0])
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}
