"""One outcome, one text (STYLE.md 14): the sentence ids `bereken` gives, and the texts for them.

Each sentence rule is checked as a claim about the answer's own numbers: a sentence that says
"Je hoeft niets terug te vragen" only appears when `terugbetaling` is 0, every amount a sentence
names is the answer's amount, and every amount that is not 0 is named. The texts themselves are
checked for placeholders and ids that exist, so the page, the CLI and the guide cannot drift.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import BEDRAG_VELDEN, bereken
from calculator.bedragen import euro, lees_bedrag
from calculator.regels import opleidingen
from calculator.teksten import (aandeel_in_woorden, als_tekst, datum_in_woorden, placeholders, teksten,
                                vul_in)
from golden import load_cases

T = teksten("nl")
GOED = [c for c in load_cases() if "uitvoer" in c]


def d(x) -> Decimal:
    return Decimal(str(x))


# What each sentence claims, as a test of the answer's numbers (u: output, kost: the fee).
ZINNEN = {
    "geen_cheques": lambda u, kost: u["route"] == "volledige_terugbetaling" and u["chequebedrag"] == 0,
    "cheques_aanvragen": lambda u, kost: u["route"] == "cheques" and u["chequebedrag"] > 0,
    "edenred_betalen": lambda u, kost: u["eigen_bijdrage"] > 0,
    "edenred_niets": lambda u, kost: u["chequebedrag"] > 0 and u["eigen_bijdrage"] == 0,
    "plafond_bereikt": lambda u, kost: (u["beschikbaar"] == 0 and u["chequebedrag"] == 0 and kost > 0
                                        and "plafond_bereikt" in u["waarschuwingen"]),
    "gratis": lambda u, kost: kost == 0 and u["chequebedrag"] == 0,
    "bijbetalen_bovenop": lambda u, kost: u["bijbetalen"] > 0 and u["chequebedrag"] > 0,
    "zelf_betalen": lambda u, kost: u["bijbetalen"] > 0 and u["chequebedrag"] == 0,
    "bewijs_terugbetaling": lambda u, kost: u["route"] == "volledige_terugbetaling" and u["terugbetaling"] > 0,
    "terugbetaling": lambda u, kost: u["terugbetaling"] > 0,
    "niets_terug": lambda u, kost: u["terugbetaling"] == 0,
    "netto_kost": lambda u, kost: True,
}
STAPPEN = {
    "cheques_aanvragen": lambda u: u["chequebedrag"] > 0,
    "edenred_betalen": lambda u: u["eigen_bijdrage"] > 0,
    "instelling_met_cheques": lambda u: u["chequebedrag"] > 0 and u["bijbetalen"] == 0,
    "instelling_met_cheques_en_zelf": lambda u: u["chequebedrag"] > 0 and u["bijbetalen"] > 0,
    "instelling_betalen": lambda u: u["chequebedrag"] == 0 and u["bijbetalen"] > 0,
    "bewijs_vragen": lambda u: u["route"] == "volledige_terugbetaling",
    "documenten_sturen": lambda u: u["terugbetaling"] > 0,
    "geld_terug": lambda u: u["terugbetaling"] > 0,
    "klaar": lambda u: u["terugbetaling"] == 0,
}
# Amounts the participant acts on: when one is not 0, a sentence must name it.
GENOEMD = ("chequebedrag", "eigen_bijdrage", "bijbetalen", "terugbetaling")

bedragen = st.one_of(st.integers(0, 60_000), st.integers(0, 10_000_000)).map(lambda c: str(Decimal(c).scaleb(-2)))
invoer_st = st.fixed_dictionaries({
    "opleiding": st.sampled_from(opleidingen()),
    "inschrijvingsgeld": st.one_of(st.just("0"), bedragen),
    "al_aangevraagd": st.one_of(st.just("0"), bedragen),
    "aanvaardt_cheques": st.booleans(),
    "aanvraag_geweigerd": st.booleans(),
    "datum": st.dates(dt.date(2020, 9, 1), dt.date(2060, 12, 31)).map(dt.date.isoformat),
})


def controleer_zinnen(invoer: dict, u: dict) -> None:
    kost = lees_bedrag(invoer["inschrijvingsgeld"])
    for id_ in u["zinnen"]:
        assert ZINNEN[id_](u, kost), (id_, invoer, u)
    for id_ in u["tijdlijn"]:
        assert STAPPEN[id_](u), (id_, invoer, u)
    assert u["zinnen"][-1] == "netto_kost"
    genoemd = {veld for id_ in u["zinnen"] for veld in placeholders(T["zinnen"][id_])}
    for veld in GENOEMD:
        if u[veld] > 0:
            assert veld in genoemd, (veld, invoer, u["zinnen"])
    # the words carry the answer's own numbers, formatted as everywhere else
    tekst = " ".join(vul_in(T["zinnen"][id_], u) for id_ in u["zinnen"])
    for veld in genoemd:
        assert euro(u[veld]) in tekst
    assert "{" not in tekst and "*" not in tekst


@settings(max_examples=400, deadline=None)
@given(invoer_st)
def test_every_sentence_says_what_the_numbers_say(invoer):
    controleer_zinnen(invoer, bereken(invoer))


@pytest.mark.parametrize("case", GOED, ids=[c["name"] for c in GOED])
def test_golden_cases_sentences_agree_with_their_numbers(case):
    controleer_zinnen(case["invoer"], bereken(case["invoer"]))


def test_free_training_is_not_told_its_cap_is_reached():
    """The bug the page had: NT2 at 0 euro was told it could request no more cheques this year."""
    u = bereken({"opleiding": "nt2", "inschrijvingsgeld": 0, "datum": "2026-10-01"})
    assert u["beschikbaar"] == 250 and "plafond_bereikt" not in u["waarschuwingen"]
    assert "plafond_bereikt" not in u["zinnen"] and "gratis" in u["zinnen"]


def test_every_id_has_a_text_and_every_text_is_used():
    gezien = {"zinnen": set(), "tijdlijn": set(), "documenten": set(), "waarschuwingen": set()}
    for case in GOED:
        u = bereken(case["invoer"])
        for soort in gezien:
            gezien[soort] |= set(u[soort])
    for soort, ids in gezien.items():
        assert ids == set(T[soort]), (soort, ids ^ set(T[soort]))
    assert set(ZINNEN) == set(T["zinnen"]) and set(STAPPEN) == set(T["tijdlijn"])


def test_placeholders_are_answer_fields_and_labels_follow_the_calculator():
    assert list(T["bedragen"]) == list(BEDRAG_VELDEN)  # one list of amount fields, in the same order
    assert set(T["verdeling"]) <= set(BEDRAG_VELDEN)
    for id_, tekst in T["zinnen"].items():
        assert set(placeholders(tekst)) <= set(BEDRAG_VELDEN), id_
    for id_, stap in T["tijdlijn"].items():
        assert set(placeholders(stap["tekst"])) <= set(BEDRAG_VELDEN), id_
    assert set(T["opleidingen"]) == set(opleidingen())


def test_no_text_states_a_rule_value():
    """Rule values come from the parameters (STYLE.md 15): no amount, share or date in a text."""
    import json
    import re
    tekst = json.dumps({k: v for k, v in T.items() if k not in ("maanden", "aandelen")}, ensure_ascii=False)
    assert not re.search(r"€\s*\d|\d+\s*%|\bde helft\b|\bseptember\b|\baugustus\b", tekst)


def test_fill_in_stresses_and_formats():
    u = {"chequebedrag": 1234.5, "overheid": 0}
    assert vul_in("Vraag **{chequebedrag}** aan, overheid {overheid}.", u) == "Vraag € 1.234,50 aan, overheid € 0,00."
    assert (vul_in("**{chequebedrag}**", u, nadruk=lambda t: f"<b>{t}</b>")) == "<b>€ 1.234,50</b>"


@pytest.mark.parametrize("aandeel,woorden", [
    ("0", "niets"), ("0.5", "de helft"), ("0.50", "de helft"), ("1", "alles"), ("0.2", "20 %"), ("0.125", "12,5 %"),
])
def test_shares_in_words(aandeel, woorden):
    assert aandeel_in_woorden(Decimal(aandeel)) == woorden


def test_dates_in_words():
    assert datum_in_woorden(dt.date(2020, 9, 1)) == "1 september 2020"
    assert datum_in_woorden(dt.date(2027, 1, 31), met_jaar=False) == "31 januari"
    # French writes the first day of a month as an ordinal ("du 1 septembre" was wrong)
    assert datum_in_woorden(dt.date(2020, 9, 1), taal="fr") == "1er septembre 2020"
    assert datum_in_woorden(dt.date(2020, 9, 1), met_jaar=False, taal="fr") == "1er septembre"
    assert datum_in_woorden(dt.date(2027, 1, 31), met_jaar=False, taal="fr") == "31 janvier"


def test_cli_text_renders_every_part_of_the_answer():
    u = bereken({"opleiding": "andere", "inschrijvingsgeld": "400", "datum": "2026-10-01"})
    tekst = als_tekst(u)
    for id_ in u["zinnen"]:
        assert vul_in(T["zinnen"][id_], u) in tekst
    for id_ in u["tijdlijn"]:
        assert vul_in(T["tijdlijn"][id_]["tekst"], u) in tekst
    for id_ in u["documenten"]:
        assert T["documenten"][id_]["titel"] in tekst
    for id_ in u["waarschuwingen"]:
        assert T["waarschuwingen"][id_]["titel"] in tekst
    for veld, label in T["bedragen"].items():
        assert f"{label}: {euro(u[veld])}" in tekst
    assert "1 september 2020" in tekst
