"""Reading amounts the way Flemish people write them, and writing them back in Dutch.

"1.234,50", "€ 250", "250,00" and "250.5" must all mean what the participant meant; an
amount we cannot read with certainty is refused with a message, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
_ABSURD = Decimal("1e15")  # far above any real cost; keeps Decimal within its precision

_VALUTA = re.compile(r"^(?:€|eur(?:o)?)\s*|\s*(?:€|eur(?:o)?)$", re.IGNORECASE)
_SPATIES = re.compile(r"[\s\u00a0\u2009\u202f']")
_GROEPEN = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


class OnleesbaarBedrag(ValueError):
    """The text is not an amount; `code` says why (a key of the texts' "fouten")."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def lees_bedrag(waarde: object) -> Decimal:
    """Decimal euros from a JSON number or a Dutch/English-written string; at most 2 decimals."""
    try:
        return _lees_bedrag(waarde)
    except (InvalidOperation, ValueError, OverflowError) as e:
        if isinstance(e, OnleesbaarBedrag):
            raise
        raise OnleesbaarBedrag("bedrag_geen_getal") from None


def _lees_bedrag(waarde: object) -> Decimal:
    if isinstance(waarde, bool) or waarde is None:
        raise OnleesbaarBedrag("bedrag_in_euro")
    if isinstance(waarde, int):
        bedrag = Decimal(waarde)
    elif isinstance(waarde, Decimal):  # an Excel cell that is not whole (calculator/xlsx.py), exactly
        bedrag = waarde
    elif isinstance(waarde, float):
        if waarde != waarde or waarde in (float("inf"), float("-inf")):
            raise OnleesbaarBedrag("bedrag_geen_getal")
        bedrag = Decimal(repr(waarde))
    elif isinstance(waarde, str):
        bedrag = _lees_tekst(waarde)
    else:
        raise OnleesbaarBedrag("bedrag_in_euro")
    if not bedrag.is_finite():
        raise OnleesbaarBedrag("bedrag_geen_getal")
    if abs(bedrag) >= _ABSURD:
        raise OnleesbaarBedrag("bedrag_te_hoog")
    if bedrag != bedrag.quantize(CENT, rounding=ROUND_HALF_UP):
        raise OnleesbaarBedrag("bedrag_decimalen")
    if bedrag == 0:
        return Decimal("0.00")  # also turns -0 into 0
    return bedrag.quantize(CENT)


def _lees_tekst(tekst: str) -> Decimal:
    if len(tekst) > 40:
        raise OnleesbaarBedrag("bedrag_te_lang")
    # Unicode digits (e.g. Arabic-Indic) are real digits to the person who typed them.
    tekst = unicodedata.normalize("NFKC", tekst).strip()
    tekst = "".join(str(unicodedata.digit(t)) if t.isdigit() else t for t in tekst)
    tekst = _VALUTA.sub("", tekst).strip()
    tekst = _VALUTA.sub("", tekst).strip()
    if not tekst:
        raise OnleesbaarBedrag("bedrag_leeg")
    teken = ""
    if tekst[0] in "-+\u2212":
        teken = "-" if tekst[0] != "+" else ""
        tekst = tekst[1:].strip()
    tekst = _SPATIES.sub("", tekst)
    if tekst.endswith((",-", ".-")):  # "250,-" is how prices are often written in Belgium
        tekst = tekst[:-2]
    if not re.fullmatch(r"[\d.,]+", tekst) or not re.search(r"\d", tekst):
        raise OnleesbaarBedrag("bedrag_tekens")
    return Decimal(teken + _normaliseer(tekst))


_ONLEESBAAR = "bedrag_onleesbaar"


def _normaliseer(tekst: str) -> str:
    """Digits with one '.' as decimal point; thousands separators removed.

    A comma is always the decimal sign (Dutch). A dot is a thousands separator when it
    groups digits by three ("1.234", "12.345.678"), otherwise the decimal sign ("250.5").
    A lone comma before three digits ending in 0 ("2,500", "1,250") is refused: an English
    reader means thousands, a Dutch one cents, and either guess is a wrong amount for the other.
    """
    punten, kommas = tekst.count("."), tekst.count(",")
    if punten and kommas:
        decimaal = "," if tekst.rfind(",") > tekst.rfind(".") else "."
        duizend = "." if decimaal == "," else ","
        geheel, _, rest = tekst.rpartition(decimaal)
        if duizend in rest or decimaal in geheel or not _GROEPEN.match(geheel):
            raise OnleesbaarBedrag(_ONLEESBAAR)
        return geheel.replace(duizend, "") + "." + (rest or "0")
    if not punten and not kommas:
        return tekst
    scheiding = "," if kommas else "."
    if max(punten, kommas) > 1:
        if _GROEPEN.match(tekst):
            return tekst.replace(scheiding, "")
        raise OnleesbaarBedrag(_ONLEESBAAR)
    geheel, _, rest = tekst.partition(scheiding)
    drie_na_groep = len(rest) == 3 and _GROEPEN.match(tekst) and geheel.strip("0")
    if drie_na_groep and scheiding == ".":
        return geheel + rest  # "1.234" is one thousand two hundred thirty-four in Dutch
    if drie_na_groep and rest.endswith("0"):  # "2,500": 2 500 euro in English, 2,50 in Dutch
        raise OnleesbaarBedrag(_ONLEESBAAR)  # ("2,505" has 3 decimals: bedrag_decimalen says so)
    return (geheel or "0") + "." + (rest or "0")


def als_getal(bedrag: Decimal) -> int | float:
    """A JSON number with at most 2 decimals (an int when the amount is whole)."""
    bedrag = bedrag.quantize(CENT, rounding=ROUND_HALF_UP)
    if bedrag == bedrag.to_integral_value():
        return int(bedrag)
    return float(bedrag)


def euro(bedrag: Decimal | int | float | str) -> str:
    """'€ 1.234,50': the format of the calculator's result (always two decimals)."""
    waarde = Decimal(str(bedrag)).quantize(CENT, rounding=ROUND_HALF_UP)
    teken = "-" if waarde < 0 else ""
    geheel, cent = f"{abs(waarde):.2f}".split(".")
    groepen = f"{int(geheel):,}".replace(",", ".")
    return f"€ {teken}{groepen},{cent}"


def euro_kort(bedrag: Decimal | int | float | str) -> str:
    """'€ 250' in running text and tables, '€ 62,50' when there are cents.

    The space is a no-break space: on a narrow phone "€" must not end a line without its amount.
    """
    tekst = euro(bedrag).replace(" ", "\u00a0", 1)
    return tekst[:-3] if tekst.endswith(",00") else tekst
