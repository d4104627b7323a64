"""Rules are data: amounts, shares and the school year come from dated parameter entries.

A date no rule covers is an error, a new dated entry changes the result from its start date on,
and a ``null`` value ends a rule. The tests change the data the calculator reads through
``calculator.regels._lees``; nothing is written into calculator/parameters/.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from importlib import resources

import pytest

from calculator import OngeldigeInvoer, bereken, regels

BRON = {"title": "Testbron", "url": "https://example.org/test"}
SOORTEN = ["secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie",
           "graduaat_bachelor", "andere"]


def velden(invoer: dict) -> list[str]:
    with pytest.raises(OngeldigeInvoer) as e:
        bereken(invoer)
    return [f["veld"] for f in e.value.fouten]


def leeg_caches() -> None:
    regels._lees.cache_clear()
    regels.regels_op.cache_clear()


@pytest.fixture
def parameters(monkeypatch):
    """A private, editable copy of every parameter file, served to the calculator.

    Change the returned dict (file name -> parsed JSON) before calling `bereken`.
    """
    bestanden = [p.name for p in resources.files("calculator").joinpath("parameters").iterdir()
                 if p.name.endswith(".json")]
    leeg_caches()
    data = {naam: copy.deepcopy(regels._lees(naam)) for naam in bestanden}
    with monkeypatch.context() as m:
        m.setattr(regels, "_lees", lambda naam: data[naam])
        yield data
        regels.regels_op.cache_clear()
    leeg_caches()
    # The real rules are back.
    assert bereken({"opleiding": "andere", "inschrijvingsgeld": 400, "datum": "2031-09-15"})["maximum"] == 250


def voeg_toe(reeks: list, start: str, waarde, **extra) -> None:
    reeks.append({"start": start, "value": waarde, "reference": BRON, **extra})
    regels.regels_op.cache_clear()


# --- dates the rules do not cover --------------------------------------------------------

@pytest.mark.parametrize("opleiding", SOORTEN)
def test_date_before_the_first_rules_is_an_error(opleiding):
    invoer = {"opleiding": opleiding, "inschrijvingsgeld": 400}
    assert velden({**invoer, "datum": "2020-08-31"}) == ["datum"]
    assert velden({**invoer, "datum": dt.date(1999, 1, 1)}) == ["datum"]
    assert bereken({**invoer, "datum": "2020-09-01"})["regels"]["start"] == "2020-09-01"


def test_first_date_comes_from_the_data():
    assert regels.eerste_datum() == dt.date(2020, 9, 1)
    with pytest.raises(regels.GeenRegels):
        regels.regels_op(dt.date(2020, 8, 31))


def test_error_message_names_the_first_date():
    with pytest.raises(OngeldigeInvoer) as e:
        bereken({"opleiding": "andere", "inschrijvingsgeld": 400, "datum": "2020-08-31"})
    assert "01-09-2020" in e.value.fouten[0]["melding"]


# --- a new dated entry changes the result from its start date on --------------------------

def test_new_cap_from_its_start_date(parameters):
    voeg_toe(parameters["plafonds.json"]["values"]["basis"], "2027-09-01", "300")
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 400}
    voor = bereken({**invoer, "datum": "2027-08-31"})
    na = bereken({**invoer, "datum": "2027-09-01"})
    assert (voor["maximum"], voor["chequebedrag"], voor["eigen_bijdrage"], voor["terugbetaling"]) == (250, 250, 125, 275)
    assert (na["maximum"], na["chequebedrag"], na["eigen_bijdrage"], na["terugbetaling"]) == (300, 300, 150, 250)
    # The other cap is a separate series and stays as it was.
    assert bereken({**invoer, "opleiding": "graduaat_bachelor", "datum": "2027-09-01"})["maximum"] == 500


def test_new_share_from_its_start_date(parameters):
    voeg_toe(parameters["aandelen.json"]["values"]["gewoon"], "2028-09-01", "0.2")
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 250}
    assert bereken({**invoer, "datum": "2028-08-31"})["eigen_bijdrage"] == 125
    na = bereken({**invoer, "datum": "2028-09-01"})
    assert (na["eigen_bijdrage"], na["overheid"], na["terugbetaling"]) == (50, 200, 50)
    assert bereken({**invoer, "opleiding": "secundair", "datum": "2028-09-01"})["eigen_bijdrage"] == 0


def test_new_rule_set_is_reported(parameters):
    voeg_toe(parameters["regelset.json"]["values"], "2027-09-01", "nieuwe regels", gecontroleerd_op="2027-08-01")
    invoer = {"opleiding": "nt2", "inschrijvingsgeld": 100}
    assert bereken({**invoer, "datum": "2027-08-31"})["regels"]["start"] == "2020-09-01"
    na = bereken({**invoer, "datum": "2027-09-01"})["regels"]
    assert na == {"start": "2027-09-01", "naam": "nieuwe regels",
                  "bron": {"titel": BRON["title"], "url": BRON["url"]}, "gecontroleerd_op": "2027-08-01"}


def test_new_school_year_start(parameters):
    voeg_toe(parameters["schooljaar.json"]["values"]["begin"], "2031-01-01", "01-01")
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 100}
    assert bereken({**invoer, "datum": "2030-12-31"})["schooljaar"] == "2030-2031"
    assert bereken({**invoer, "datum": "2031-06-01"})["schooljaar"] == "2031-2032"


def test_new_kind_of_training_is_data_only(parameters):
    parameters["opleidingen.json"]["values"]["werkplekleren"] = [{
        "start": "2026-09-01", "value": {"plafond": "hoger_onderwijs", "aandeel_deelnemer": "verhoogd"},
        "reference": BRON,
    }]
    uit = bereken({"opleiding": "werkplekleren", "inschrijvingsgeld": 600, "datum": "2026-09-15"})
    assert (uit["maximum"], uit["chequebedrag"], uit["eigen_bijdrage"], uit["terugbetaling"]) == (500, 500, 0, 100)
    # before its start date the kind does not exist yet: a Dutch message, not a wrong amount
    assert velden({"opleiding": "werkplekleren", "inschrijvingsgeld": 600, "datum": "2026-08-31"}) == ["opleiding"]


def test_moving_a_kind_to_another_category_does_not_rewrite_the_past(parameters):
    voeg_toe(parameters["opleidingen.json"]["values"]["knelpunt"], "2027-09-01",
             {"plafond": "basis", "aandeel_deelnemer": "gewoon"})
    invoer = {"opleiding": "knelpunt", "inschrijvingsgeld": 200}
    assert bereken({**invoer, "datum": "2027-08-31"})["eigen_bijdrage"] == 0
    assert bereken({**invoer, "datum": "2027-09-01"})["eigen_bijdrage"] == 100
    assert bereken({**invoer, "datum": "2026-10-01"})["eigen_bijdrage"] == 0


def test_a_kind_that_ends_can_no_longer_be_chosen(parameters):
    voeg_toe(parameters["opleidingen.json"]["values"]["andere"], "2028-09-01", None)
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 100}
    assert bereken({**invoer, "datum": "2028-08-31"})["maximum"] == 250
    with pytest.raises(OngeldigeInvoer) as e:
        bereken({**invoer, "datum": "2028-09-01"})
    (fout,) = e.value.fouten
    assert fout["veld"] == "opleiding" and "andere" not in fout["melding"] and "nt2" in fout["melding"]


def test_rule_changes_after_a_date_are_listed(parameters):
    assert regels.wijzigingen_na(dt.date(2026, 12, 1)) == []
    voeg_toe(parameters["plafonds.json"]["values"]["basis"], "2027-09-01", "300")
    voeg_toe(parameters["opleidingen.json"]["values"]["nt2"], "2028-01-01",
             {"plafond": "basis", "aandeel_deelnemer": "gewoon"})
    assert regels.wijzigingen_na(dt.date(2026, 12, 1)) == [dt.date(2027, 9, 1), dt.date(2028, 1, 1)]
    assert regels.wijzigingen_na(dt.date(2027, 9, 1)) == [dt.date(2028, 1, 1)]


# --- null ends a rule -------------------------------------------------------------------

def test_null_ends_a_cap(parameters):
    voeg_toe(parameters["plafonds.json"]["values"]["basis"], "2030-09-01", None)
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 400}
    assert bereken({**invoer, "datum": "2030-08-31"})["maximum"] == 250
    assert velden({**invoer, "datum": "2030-09-01"}) == ["datum"]
    assert velden({**invoer, "datum": "2045-01-01"}) == ["datum"]


def test_null_ends_the_rule_set_and_a_later_entry_starts_again(parameters):
    reeks = parameters["regelset.json"]["values"]
    voeg_toe(reeks, "2030-09-01", None)
    voeg_toe(reeks, "2031-09-01", "opnieuw")
    invoer = {"opleiding": "knelpunt", "inschrijvingsgeld": 100}
    assert bereken({**invoer, "datum": "2030-08-31"})["regels"]["start"] == "2020-09-01"
    assert velden({**invoer, "datum": "2031-08-31"}) == ["datum"]
    assert bereken({**invoer, "datum": "2031-09-01"})["regels"]["naam"] == "opnieuw"


def test_null_ends_a_share(parameters):
    voeg_toe(parameters["aandelen.json"]["values"]["verhoogd"], "2029-09-01", None)
    assert velden({"opleiding": "nt2", "inschrijvingsgeld": 100, "datum": "2029-09-01"}) == ["datum"]


# --- the data itself ---------------------------------------------------------------------

PARAMETERS = sorted(p.name for p in resources.files("calculator").joinpath("parameters").iterdir()
                    if p.name.endswith(".json"))


def test_every_parameter_file_is_known_to_the_calculator():
    assert PARAMETERS == sorted(regels.PARAMETER_BESTANDEN)


@pytest.mark.parametrize("naam", PARAMETERS)
def test_every_parameter_file_is_valid(naam):
    """The schema every parameter file follows (OpenFisca style): a description and a unit for
    the file; for every value a start date (ISO, ascending within its series), a value (null ends
    the rule) and an official reference with a title and an https URL."""
    tekst = resources.files("calculator").joinpath("parameters", naam).read_text(encoding="utf-8")
    data = json.loads(tekst)
    assert set(data) == {"description", "unit", "values"}, naam
    assert isinstance(data["description"], str) and len(data["description"]) > 20
    assert isinstance(data["unit"], str) and data["unit"]
    waarden = data["values"]
    reeksen = {"": waarden} if isinstance(waarden, list) else waarden
    assert reeksen
    for naam_reeks, reeks in reeksen.items():
        assert isinstance(reeks, list) and reeks, (naam, naam_reeks)
        starts = []
        for item in reeks:
            assert {"start", "value", "reference"} <= set(item), (naam, naam_reeks, item)
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["start"]), item["start"]
            starts.append(dt.date.fromisoformat(item["start"]))
            ref = item["reference"]
            assert isinstance(ref["title"], str) and ref["title"].strip()
            assert re.fullmatch(r"https://[^\s/]+\.[a-z]{2,}/\S*", ref["url"]), ref["url"]
        assert starts == sorted(starts) and len(set(starts)) == len(starts), (naam, naam_reeks, starts)
        assert reeks[0]["value"] is not None, (naam, naam_reeks)  # a series starts with a value


@pytest.mark.parametrize("naam,eenheid", [("plafonds.json", "EUR"), ("aandelen.json", "fraction")])
def test_amounts_and_shares_are_exact_decimals_in_range(naam, eenheid):
    data = regels._lees(naam)
    assert data["unit"] == eenheid
    for reeks in data["values"].values():
        for item in reeks:
            if item["value"] is None:
                continue
            assert isinstance(item["value"], str)  # a string: read as Decimal, never through float
            waarde = Decimal(item["value"])
            assert waarde >= 0 and (eenheid == "EUR" or waarde <= 1)


def test_every_kind_of_training_names_an_existing_cap_and_share():
    plafonds, aandelen = regels._lees("plafonds.json")["values"], regels._lees("aandelen.json")["values"]
    for code, reeks in regels._lees("opleidingen.json")["values"].items():
        for item in reeks:
            if item["value"] is not None:
                assert item["value"]["plafond"] in plafonds, code
                assert item["value"]["aandeel_deelnemer"] in aandelen, code


@pytest.mark.parametrize("naam", ["plafonds.json", "aandelen.json", "schooljaar.json", "regelset.json"])
def test_every_dated_value_has_a_start_and_a_source(naam):
    tekst = resources.files("calculator").joinpath("parameters", naam).read_text(encoding="utf-8")
    data = json.loads(tekst)
    assert data["description"]
    waarden = data["values"]
    reeksen = [waarden] if isinstance(waarden, list) else list(waarden.values())
    for reeks in reeksen:
        assert reeks, naam
        for item in reeks:
            dt.date.fromisoformat(item["start"])
            assert "value" in item
            assert item["reference"]["title"] and item["reference"]["url"].startswith("https://")
