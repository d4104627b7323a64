"""The same answers in the browser as in native Python (STYLE.md 6).

Every golden case of tests/cases/ and a few hundred hypothesis-generated inputs go through the
real /rekenhulp/ page and its worker (Pyodide + our wheel), in one browser session, and must give
exactly what `calculator.bereken` gives natively: the whole dict, or the whole list of `fouten`.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from urllib.parse import urlparse

import pytest
from genereer import voorbeelden
from hypothesis import strategies as st

from calculator import OngeldigeInvoer, bereken
from calculator.regels import opleidingen
from golden import load_cases

CASES = load_cases()

BATCH = """async (invoeren) => Promise.all(invoeren.map(async (invoer) => {
  try { return await window.rekenhulp.bereken(invoer); }
  catch (e) { return { fout: String((e && e.message) || e) }; }
}))"""


def native(invoer) -> dict:
    """What the worker must answer: {"uitvoer": ...} or {"fouten": [...]}, as calculator.web does."""
    try:
        return {"uitvoer": bereken(invoer)}
    except OngeldigeInvoer as e:
        return {"fouten": e.details}  # the worker sends the codes too (the page words them)
    except Exception as e:  # a bug natively: the browser cannot agree with it either
        return {"fout": f"{type(e).__name__}: {e}"}


def exact(antwoord) -> str:
    """Exact comparison, types included (250 is not 250.0 is not "250")."""
    return json.dumps(antwoord, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def rekenhulp(browser, base_url):
    """One page with a ready worker, shared by every differential test of this module."""
    context = browser.new_context(base_url=base_url, locale="nl-BE")
    gezien = []
    context.on("request", lambda req: gezien.append(req.url))
    page = context.new_page()
    page.goto("/rekenhulp/")
    page.evaluate("() => window.rekenhulp.klaar")
    yield page
    context.close()
    vreemd = [u for u in gezien if urlparse(u).hostname not in ("127.0.0.1", "localhost", None)]
    assert not vreemd, f"requests to another origin: {vreemd[:5]}"


@pytest.fixture(scope="module")
def golden_in_browser(rekenhulp):
    return rekenhulp.evaluate(BATCH, [c["invoer"] for c in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_golden_case_in_browser_is_native(golden_in_browser, index):
    case = CASES[index]
    assert exact(golden_in_browser[index]) == exact(native(case["invoer"])), case["bestand"]


def test_golden_cases_cover_both_outcomes(golden_in_browser):
    assert any("uitvoer" in a for a in golden_in_browser)
    assert any("fouten" in a for a in golden_in_browser)


# ---------------------------------------------------------------- hypothesis, one batch

def _niet_nieuw(c: str) -> bool:
    # Pyodide's Python may know newer Unicode than the native one; only compare characters
    # both know (an unassigned code point natively could be a digit in the browser).
    return unicodedata.category(c) not in ("Cn", "Cs")


TEKST = st.text(alphabet=st.characters(codec="utf-8").filter(_niet_nieuw), max_size=14)


def _nl(d) -> str:
    geheel, _, cent = f"{abs(d):.2f}".partition(".")
    return ("-" if d < 0 else "") + f"{int(geheel):,}".replace(",", ".") + "," + cent


BEDRAG_TEKST = st.one_of(
    st.integers(-500, 200_000).map(str),
    st.decimals(-100, 150_000, places=2).map(_nl),                          # "1.234,50"
    st.decimals(-100, 150_000, places=2).map(lambda d: f"€ {_nl(d)}"),
    st.decimals(0, 5_000, places=3).map(str),                                # "250.125"
    st.from_regex(r"\A(€ ?)?[0-9][0-9., ]{0,9}(,-| ?euro| ?EUR| ?€)?\Z"),
    st.sampled_from(["", " ", "250,-", "1.234", "1,234", "1.234.567", "0,5", ".5", "12,345.67",
                     "1 234,50", "٢٥٠", "２５０", "+250", "−250", "€", "euro"]),
    TEKST,
)
BEDRAG = st.one_of(
    BEDRAG_TEKST,
    st.integers(-10_000, 10_000_000),
    st.floats(-1e6, 1e7, allow_nan=False, allow_infinity=False),
    st.decimals(0, 2_000, places=2).map(float),
    st.none(),
    st.booleans(),
)
JA_NEE = st.one_of(
    st.booleans(), st.none(),
    st.sampled_from(["ja", "nee", "JA", " Nee ", "true", "false", "", "misschien", "1"]),
    st.integers(0, 2),
)
WILD = st.fixed_dictionaries(
    {
        "opleiding": st.one_of(st.sampled_from(list(opleidingen())),
                               st.sampled_from(["", "ANDERE", " andere", "bachelor", None]),
                               st.integers(0, 3), TEKST),
        "datum": st.one_of(
            st.dates(dt.date(2019, 1, 1), dt.date(2032, 12, 31)).map(dt.date.isoformat),
            st.sampled_from(["2020-08-31", "2020-09-01", "2026-02-30", "15-09-2026", "2026-9-1"]),
        ),
    },
    optional={
        "inschrijvingsgeld": BEDRAG,
        "al_aangevraagd": BEDRAG,
        "aanvaardt_cheques": JA_NEE,
        "aanvraag_geweigerd": JA_NEE,
    },
)
# Mostly computable input, as a participant types it: so the batch covers the amounts too.
GELDIG_BEDRAG = st.one_of(
    st.integers(0, 3_000),
    st.decimals(0, 3_000, places=2).map(float),
    st.decimals(0, 3_000, places=2).map(_nl),
    st.integers(0, 3_000).map(str),
)
GELDIG = st.fixed_dictionaries(
    {
        "opleiding": st.sampled_from(list(opleidingen())),
        "inschrijvingsgeld": GELDIG_BEDRAG,
        "datum": st.dates(dt.date(2020, 9, 1), dt.date(2032, 12, 31)).map(dt.date.isoformat),
    },
    optional={
        "al_aangevraagd": st.one_of(GELDIG_BEDRAG, st.just("")),
        "aanvaardt_cheques": st.one_of(st.booleans(), st.sampled_from(["ja", "nee"])),
        "aanvraag_geweigerd": st.one_of(st.booleans(), st.sampled_from(["ja", "nee"])),
    },
)
INVOER = st.one_of(GELDIG, WILD)


def _genereer(aantal: int) -> list:
    return voorbeelden(INVOER, aantal)


def test_hypothesis_inputs_in_browser_are_native(rekenhulp):
    invoeren = _genereer(400)
    assert len(invoeren) >= 300
    in_browser = rekenhulp.evaluate(BATCH, invoeren)
    verschillen = [
        (invoer, browser, native(invoer))
        for invoer, browser in zip(invoeren, in_browser)
        if exact(browser) != exact(native(invoer))
    ]
    assert not verschillen, f"{len(verschillen)} of {len(invoeren)} differ, e.g. {verschillen[:3]}"
    # the batch reached both outcomes, or it tested too little
    assert sum("uitvoer" in a for a in in_browser) >= 50
    assert sum("fouten" in a for a in in_browser) >= 50
