"""Reading amounts as Flemish people write them (lees_bedrag) and writing them in Dutch (euro)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculator.bedragen import OnleesbaarBedrag, als_getal, euro, euro_kort, lees_bedrag


@pytest.mark.parametrize("tekst, bedrag", [
    ("250", "250.00"),
    ("1.234,50", "1234.50"),
    ("€ 250", "250.00"),
    ("€250", "250.00"),
    ("250 €", "250.00"),
    ("EUR 250", "250.00"),
    ("250 euro", "250.00"),
    ("250,00", "250.00"),
    ("250.5", "250.50"),
    ("250,5", "250.50"),
    ("1 234,50", "1234.50"),
    ("1\u00a0234,50", "1234.50"),     # non-breaking space, as copied from a web page
    ("1\u202f234,50", "1234.50"),     # narrow no-break space
    ("250,-", "250.00"),
    ("250.-", "250.00"),
    ("€ 1.000,-", "1000.00"),
    ("1.234", "1234.00"),             # a dot grouping by three is a thousands separator
    ("12.345", "12345.00"),
    ("250.555", "250555.00"),         # so a dot with three decimals is never a decimal sign
    ("1.234,5", "1234.50"),
    ("1,234.50", "1234.50"),          # English notation: the last separator is the decimal sign
    ("1234.50", "1234.50"),
    (",50", "0.50"),
    ("0,5", "0.50"),
    ("5,", "5.00"),
    ("  250  ", "250.00"),
    ("+250", "250.00"),
    ("0", "0.00"),
    ("-0", "0.00"),
    ("\u0662\u0665\u0660", "250.00"),  # Arabic-Indic digits
])
def test_lees_tekst(tekst, bedrag):
    assert lees_bedrag(tekst) == Decimal(bedrag)


@pytest.mark.parametrize("waarde, bedrag", [
    (250, "250.00"),
    (0, "0.00"),
    (250.5, "250.50"),
    (0.1, "0.10"),
    (1234.56, "1234.56"),
    (-0.0, "0.00"),
    (100000, "100000.00"),
])
def test_lees_getal(waarde, bedrag):
    assert lees_bedrag(waarde) == Decimal(bedrag)


def test_negative_amounts_are_read_so_the_form_can_say_why_they_are_refused():
    assert lees_bedrag("-5") == Decimal("-5.00")
    assert lees_bedrag("\u22125") == Decimal("-5.00")  # the minus sign U+2212
    assert lees_bedrag(-5) == Decimal("-5.00")


@pytest.mark.parametrize("waarde", [
    "", "   ", "abc", "tweehonderd", "1e3", "NaN", "Infinity", "-", "€", ",-", ".",
    "1.2.3", "1,2,3", "1.23,45", "12.34.56", "1,234",      # "1,234" would be 1,234 euro: 3 decimals
    "2,500", "1,250", "€ 12,000", "250,000",                # 2 500 euro in English, 2,50 euro in Dutch
    "250.5555", "1234.567", "0,001", "1" * 41, "9" * 30,
    None, True, False, [250], {"bedrag": 250}, float("nan"), float("inf"), float("-inf"),
    250.555, 10 ** 20, -10 ** 400, 1e300, 5e-324,
])
def test_onleesbaar(waarde):
    with pytest.raises(OnleesbaarBedrag) as e:
        lees_bedrag(waarde)
    assert str(e.value)  # a Dutch message for the form


def test_onleesbaar_is_a_value_error():
    assert issubclass(OnleesbaarBedrag, ValueError)


@pytest.mark.parametrize("bedrag, tekst", [
    (Decimal("1234.5"), "€ 1.234,50"),
    (1234.5, "€ 1.234,50"),
    ("1234.50", "€ 1.234,50"),
    (0, "€ 0,00"),
    (250, "€ 250,00"),
    (62.5, "€ 62,50"),
    (0.01, "€ 0,01"),
    (100000, "€ 100.000,00"),
    (1234567.89, "€ 1.234.567,89"),
    (Decimal("0.005"), "€ 0,01"),    # half-up
    (Decimal("125.275"), "€ 125,28"),
])
def test_euro(bedrag, tekst):
    assert euro(bedrag) == tekst


@pytest.mark.parametrize("bedrag, tekst", [
    (250, "€ 250"),
    (Decimal("250.00"), "€ 250"),
    (62.5, "€ 62,50"),
    (500, "€ 500"),
    (1000, "€ 1.000"),
    (1234.5, "€ 1.234,50"),
    (0, "€ 0"),
    (0.5, "€ 0,50"),
])
def test_euro_kort(bedrag, tekst):
    assert euro_kort(bedrag) == tekst.replace(" ", "\u00a0")  # no line break after "€"


@pytest.mark.parametrize("bedrag, getal", [
    (Decimal("250.00"), 250),
    (Decimal("125.28"), 125.28),
    (Decimal("0.50"), 0.5),
    (Decimal("0"), 0),
])
def test_als_getal(bedrag, getal):
    uit = als_getal(bedrag)
    assert uit == getal and type(uit) is type(getal)


@pytest.mark.parametrize("tekst", ["2,500", "1,250", "12,000"])
def test_a_comma_before_three_digits_is_refused_with_the_way_to_write_it(tekst):
    """English thousands or Dutch cents: the form asks for 1234,50 instead of guessing."""
    with pytest.raises(OnleesbaarBedrag) as e:
        lees_bedrag(tekst)
    assert e.value.code == "bedrag_onleesbaar"
