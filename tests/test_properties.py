"""Properties of `bereken` that hold for every input (hypothesis).

Money is conserved, nothing is negative, the cap is respected, the 50 % share is rounded to the
cent, and any input whatsoever gives either an answer or OngeldigeInvoer, never a crash.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculator import BEDRAG_VELDEN, OngeldigeInvoer, bereken
from calculator.bedragen import lees_bedrag
from calculator.regels import regels_op

INSTELLINGEN = settings(max_examples=300, deadline=None)
CENT = Decimal("0.01")
SOORTEN = ["secundair", "nt2", "knelpunt", "basisvaardigheden", "beroepskwalificatie",
           "graduaat_bachelor", "andere"]
HALF = {"graduaat_bachelor", "andere"}
VELDEN = {"invoer", "opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques",
          "aanvraag_geweigerd", "datum"}

# Whole euros and cents up to the 100.000 limit, with the interesting region around the caps
# drawn more often.
centen = st.one_of(st.integers(0, 60_000), st.integers(0, 10_000_000))
bedragen = centen.map(lambda c: Decimal(c).scaleb(-2))
datums = st.dates(dt.date(2020, 9, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)


def als_json_getal(bedrag: Decimal) -> int | float:
    return int(bedrag) if bedrag == bedrag.to_integral_value() else float(bedrag)


def d(x) -> Decimal:
    return Decimal(str(x))


@st.composite
def geldige_invoer(draw):
    return {
        "opleiding": draw(st.sampled_from(SOORTEN)),
        "inschrijvingsgeld": als_json_getal(draw(bedragen)),
        "al_aangevraagd": als_json_getal(draw(bedragen)),
        "aanvaardt_cheques": draw(st.booleans()),
        "aanvraag_geweigerd": draw(st.booleans()),
        "datum": draw(datums),
    }


def verwachte_verdeling(invoer: dict) -> dict[str, Decimal]:
    """The split as the rules define it, computed here and not by `bereken`: the cap and the
    participant's share from the parameters in force on the date, then
    chequebedrag = min(available, fee), eigen_bijdrage = share x chequebedrag rounded half-up to
    the cent, overheid = the rest of the cheques; the coordination refunds eigen_bijdrage plus
    what the cheques do not cover (route cheques), or the whole fee (route
    volledige_terugbetaling). What the participant pays in the end is the fee minus what the
    government and the refund pay."""
    regels = regels_op(dt.date.fromisoformat(invoer["datum"]))
    kost, al = d(invoer["inschrijvingsgeld"]), d(invoer["al_aangevraagd"])
    maximum = regels.maximum(invoer["opleiding"])
    beschikbaar = max(maximum - al, Decimal(0))
    if not invoer["aanvaardt_cheques"] or invoer["aanvraag_geweigerd"]:
        route, chequebedrag, eigen_bijdrage = "volledige_terugbetaling", Decimal(0), Decimal(0)
        terugbetaling = kost
    else:
        route = "cheques"
        chequebedrag = min(beschikbaar, kost)
        eigen_bijdrage = (regels.aandeel(invoer["opleiding"]) * chequebedrag).quantize(CENT, rounding=ROUND_HALF_UP)
        terugbetaling = eigen_bijdrage + (kost - chequebedrag)
    overheid = chequebedrag - eigen_bijdrage
    return {"route": route, "maximum": maximum, "beschikbaar": beschikbaar, "chequebedrag": chequebedrag,
            "eigen_bijdrage": eigen_bijdrage, "overheid": overheid, "bijbetalen": kost - chequebedrag,
            "terugbetaling": terugbetaling, "voorschieten": terugbetaling,
            "netto_kost": kost - overheid - terugbetaling}


@INSTELLINGEN
@given(geldige_invoer())
def test_money_is_conserved(invoer):
    """Independent of how `bereken` computes netto_kost: every amount equals the split computed
    from the rules' definition, and on both routes the participant pays nothing in the end."""
    u = bereken(invoer)
    verwacht = verwachte_verdeling(invoer)
    assert u["route"] == verwacht["route"]
    for veld in BEDRAG_VELDEN:
        assert d(u[veld]) == verwacht[veld], (veld, u[veld], verwacht[veld])
    assert verwacht["netto_kost"] == 0
    assert d(u["netto_kost"]) == 0
    assert d(u["overheid"]) + d(u["terugbetaling"]) == d(invoer["inschrijvingsgeld"])
    assert d(u["chequebedrag"]) == d(u["eigen_bijdrage"]) + d(u["overheid"])
    assert d(u["terugbetaling"]) == d(u["eigen_bijdrage"]) + d(u["bijbetalen"])
    assert d(u["voorschieten"]) == d(u["terugbetaling"])


@pytest.mark.parametrize("aanvaardt, geweigerd, route", [
    (True, False, "cheques"), (False, False, "volledige_terugbetaling"), (True, True, "volledige_terugbetaling"),
])
@pytest.mark.parametrize("opleiding", SOORTEN)
def test_money_is_conserved_on_both_routes(opleiding, aanvaardt, geweigerd, route):
    """Each route and each kind of training for certain (hypothesis may miss one), at an odd cent
    amount below the cap, one above it, and with the cap used up."""
    for kost, al in (("123.45", "0"), ("1234.57", "0.01"), ("400", "600")):
        invoer = {"opleiding": opleiding, "inschrijvingsgeld": kost, "al_aangevraagd": al,
                  "aanvaardt_cheques": aanvaardt, "aanvraag_geweigerd": geweigerd, "datum": "2026-09-15"}
        u = bereken(invoer)
        verwacht = verwachte_verdeling(invoer)
        assert u["route"] == verwacht["route"] == route
        assert {veld: d(u[veld]) for veld in BEDRAG_VELDEN} == {veld: verwacht[veld] for veld in BEDRAG_VELDEN}
        assert d(u["netto_kost"]) == verwacht["netto_kost"] == 0


@INSTELLINGEN
@given(geldige_invoer())
def test_nothing_negative_and_at_most_two_decimals(invoer):
    u = bereken(invoer)
    for veld in BEDRAG_VELDEN:
        waarde = u[veld]
        assert type(waarde) in (int, float), veld
        assert math.isfinite(waarde), veld
        assert d(waarde) >= 0, veld
        assert d(waarde) == d(waarde).quantize(CENT), veld


@INSTELLINGEN
@given(geldige_invoer())
def test_cap_and_route(invoer):
    u = bereken(invoer)
    maximum = Decimal(500 if invoer["opleiding"] == "graduaat_bachelor" else 250)
    assert d(u["maximum"]) == maximum
    assert d(u["beschikbaar"]) == max(maximum - d(invoer["al_aangevraagd"]), Decimal(0))
    assert d(u["chequebedrag"]) <= d(u["beschikbaar"])
    assert d(u["chequebedrag"]) <= d(invoer["inschrijvingsgeld"])
    volledig = not invoer["aanvaardt_cheques"] or invoer["aanvraag_geweigerd"]
    assert u["route"] == ("volledige_terugbetaling" if volledig else "cheques")
    if volledig:
        assert d(u["chequebedrag"]) == 0
        assert d(u["terugbetaling"]) == d(invoer["inschrijvingsgeld"])
    else:
        assert d(u["chequebedrag"]) == min(d(u["beschikbaar"]), d(invoer["inschrijvingsgeld"]))


@INSTELLINGEN
@given(geldige_invoer())
def test_eigen_bijdrage_is_zero_or_half_rounded_half_up(invoer):
    u = bereken(invoer)
    cheque, eigen = d(u["chequebedrag"]), d(u["eigen_bijdrage"])
    helft = (cheque / 2).quantize(CENT, rounding=ROUND_HALF_UP)
    assert eigen in (Decimal(0), helft)
    if u["route"] == "cheques" and invoer["opleiding"] in HALF:
        assert eigen == helft
    else:
        assert eigen == 0


@INSTELLINGEN
@given(st.sampled_from(sorted(HALF)), st.integers(0, 50_000), datums)
def test_half_share_of_any_cent_amount_rounds_half_up(opleiding, cent, datum):
    """Below the cap, every cent amount (odd ones included) gives half, x,xx5 rounded up."""
    bedrag = Decimal(cent).scaleb(-2)
    u = bereken({"opleiding": opleiding, "inschrijvingsgeld": str(bedrag), "datum": datum})
    cheque = min(bedrag, Decimal(u["maximum"]))
    assert d(u["chequebedrag"]) == cheque
    assert d(u["eigen_bijdrage"]) == (Decimal(int(cheque * 100) + 1) // 2).scaleb(-2)  # ceil(cents / 2)
    assert d(u["eigen_bijdrage"]) + d(u["overheid"]) == cheque


@INSTELLINGEN
@given(geldige_invoer(), bedragen, bedragen)
def test_more_already_requested_never_gives_more_cheques(invoer, a, b):
    laag, hoog = sorted((a, b))
    minder = bereken({**invoer, "al_aangevraagd": als_json_getal(laag)})
    meer = bereken({**invoer, "al_aangevraagd": als_json_getal(hoog)})
    assert d(meer["beschikbaar"]) <= d(minder["beschikbaar"])
    assert d(meer["chequebedrag"]) <= d(minder["chequebedrag"])
    assert d(meer["overheid"]) <= d(minder["overheid"])


def nederlands(bedrag: Decimal) -> str:
    """'1.234,50'"""
    return f"{bedrag:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


@INSTELLINGEN
@given(geldige_invoer(), bedragen)
def test_dutch_written_amounts_give_the_same_result(invoer, bedrag):
    verwacht = bereken({**invoer, "inschrijvingsgeld": als_json_getal(bedrag)})
    for tekst in (nederlands(bedrag), f"€ {bedrag:.2f}".replace(".", ","), f"{bedrag:.2f}",
                  f"{bedrag:.2f} €", nederlands(bedrag).replace(".", " ")):
        assert lees_bedrag(tekst) == bedrag, tekst
        assert bereken({**invoer, "inschrijvingsgeld": tekst}) == verwacht, tekst
    assert bereken({**invoer, "inschrijvingsgeld": str(bedrag)}) == verwacht


@INSTELLINGEN
@given(geldige_invoer())
def test_output_is_json(invoer):
    u = bereken(invoer)
    assert json.loads(json.dumps(u, allow_nan=False)) == u
    assert u["regels"]["start"] <= invoer["datum"]


# --- any input at all --------------------------------------------------------------------

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind, max_size=4),
    max_leaves=10,
)
bedragachtig = st.text(alphabet="0123456789.,-+€ eEuUrRoO\u00a0\u2212'٢٥٠", max_size=16)
rare_bedragen = st.one_of(
    json_waarden, bedragachtig, st.text(),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.sampled_from([10 ** 400, -(10 ** 400), 1e308, -1e308, 5e-324, float("nan"), float("inf"),
                     float("-inf"), -0.0, 100000, 100000.01, 99999.99, True, False, "", " ", "٢٥٠"]),
    st.floats(), st.decimals(allow_nan=True).map(str),
)
rare_datums = st.one_of(json_waarden, st.dates().map(dt.date.isoformat), st.text(max_size=12),
                        st.sampled_from(["2020-08-31", "2020-09-01", "0001-01-01", "9999-12-31",
                                         " 2026-09-01 ", "2026-9-1", "2026-02-30", "٢٠٢٦-٠٩-٠١"]))
rare_janeen = st.one_of(json_waarden, st.sampled_from(["ja", "nee", "JA", " Nee ", "true", "false",
                                                       "yes", 0, 1, "", None]))
rare_invoer = st.one_of(
    st.fixed_dictionaries({}, optional={
        "opleiding": st.one_of(st.sampled_from(SOORTEN), json_waarden),
        "inschrijvingsgeld": rare_bedragen,
        "al_aangevraagd": rare_bedragen,
        "aanvaardt_cheques": rare_janeen,
        "aanvraag_geweigerd": rare_janeen,
        "datum": rare_datums,
    }),
    json_waarden,
)


def check_antwoord_of_fouten(invoer):
    try:
        u = bereken(invoer)
    except OngeldigeInvoer as e:
        assert e.fouten
        for f in e.fouten:
            assert set(f) == {"veld", "melding"}
            assert f["veld"] in VELDEN
            assert isinstance(f["melding"], str) and f["melding"]
        json.dumps({"fouten": e.fouten}, allow_nan=False)
        return None
    json.dumps(u, allow_nan=False)
    for veld in BEDRAG_VELDEN:
        assert d(u[veld]) >= 0 and d(u[veld]) == d(u[veld]).quantize(CENT)
    assert d(u["overheid"]) + d(u["terugbetaling"]) + d(u["netto_kost"]) == lees_bedrag(invoer["inschrijvingsgeld"])
    return u


@INSTELLINGEN
@given(rare_invoer)
def test_any_input_gives_an_answer_or_ongeldige_invoer(invoer):
    check_antwoord_of_fouten(invoer)


@INSTELLINGEN
@given(geldige_invoer(), st.sampled_from(sorted(VELDEN - {"invoer"})), rare_bedragen)
def test_one_odd_field_in_good_input(invoer, veld, waarde):
    check_antwoord_of_fouten({**invoer, veld: waarde})


@INSTELLINGEN
@given(st.one_of(bedragachtig, st.text(), rare_bedragen))
def test_lees_bedrag_only_raises_onleesbaar_bedrag(waarde):
    from calculator.bedragen import OnleesbaarBedrag
    try:
        bedrag = lees_bedrag(waarde)
    except OnleesbaarBedrag as e:
        assert str(e)
        return
    assert bedrag.is_finite() and bedrag == bedrag.quantize(CENT)


def test_date_objects_from_python_callers():
    """Python callers (the site build) may pass a date, or a datetime, instead of a string."""
    invoer = {"opleiding": "andere", "inschrijvingsgeld": 400}
    verwacht = bereken({**invoer, "datum": "2026-09-15"})
    assert bereken({**invoer, "datum": dt.date(2026, 9, 15)}) == verwacht
    assert check_antwoord_of_fouten({**invoer, "datum": dt.datetime(2026, 9, 15, 10, 30)}) in (None, verwacht)
