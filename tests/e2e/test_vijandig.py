"""Hostile and odd input, in a shared link and typed into the form: markup and script, 10 000
characters, unicode digits, 1e309, -0, several separators, empty values, unknown choices,
`javascript:`. None may inject markup or run code (no dialog, no new element, nothing in the
result or the errors but text), none may leave the page waiting, and every bad field gets the
calculator's own Dutch message next to it. A fuzz test then sends a few hundred hypothesis-made
requests straight through the real worker, in one batch: each answer is {uitvoer} or {fouten}.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qsl, urlencode

import pytest
from formulier import vul_in
from genereer import voorbeelden
from hypothesis import strategies as st
from playwright.sync_api import expect

from calculator import OngeldigeInvoer, bereken
from calculator.regels import opleidingen

KLAAR = 30_000     # ms: Python booting in the worker
ANTWOORD = 5_000   # ms: once Python runs, an answer (result or errors) comes within this
VELDEN = ("opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "aanvraag_geweigerd")
KEUZES = {"opleiding": set(opleidingen()), "aanvaardt_cheques": {"ja", "nee"}, "aanvraag_geweigerd": {"ja", "nee"}}
STANDAARD = {"opleiding": "", "aanvaardt_cheques": "ja", "aanvraag_geweigerd": "nee"}

VIJANDIG = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<img src=x onerror=\"window.__geraakt=1\">",
    "x" * 10_000,
    "9" * 10_000,
    "٣٠٠",                      # Arabic-Indic digits: 300
    "１２３",                    # full-width digits
    "1e309",
    "-0",
    "1.2.3,4,5",
    "",
    "javascript:alert(1)",
    "onbekend",                 # not an opleiding, not ja/nee
    "{{7*7}}${7*7}",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\u202e052",                # right-to-left override
    "' OR 1=1 --",
    "NaN",
]

# Elements that must never appear in the result or the error summary: all they hold is text.
GEVAARLIJK = "img, script, iframe, object, embed, svg, style, link, a[href^='javascript' i], [onerror], [onload]"
# Elements outside the regions the page fills in: their number must not change.
TEL_BUITEN = """() => [...document.querySelectorAll('body *')].filter((e) =>
    !e.closest('#resultaat, #fouten, .veld-fout, .md-search-result, #kopieer-status')).length"""


def native(invoer) -> dict:
    try:
        return {"uitvoer": bereken(invoer)}
    except OngeldigeInvoer as e:
        return {"fouten": e.details}  # the worker sends the codes too (the page words them)


def wat_de_pagina_stuurt(params: dict) -> dict:
    """What the page sends to the worker for a shared link (rekenhulp.js vulInVanuitAdres)."""
    invoer = {}
    for veld in VELDEN:
        waarde = params.get(veld)
        if veld in KEUZES:
            if waarde is None:
                invoer[veld] = STANDAARD[veld]
                continue
            sleutel = waarde.strip() if veld == "opleiding" else waarde.strip().lower()
            invoer[veld] = sleutel if sleutel in KEUZES[veld] else (waarde or STANDAARD[veld])
        else:
            invoer[veld] = waarde if waarde is not None else ""
    return invoer


@pytest.fixture(scope="module")
def eigen_context(warme_context):
    """The session's warm desktop context: Python's files in the HTTP cache, and Python restored
    from its memory snapshot in every page (conftest.py); its requests go to the origin guard."""
    return warme_context(locale="nl-BE")


def _pagina(context):
    page = context.new_page()
    page.dialogen = []
    page.on("dialog", lambda d: (page.dialogen.append(d.message), d.dismiss()))
    return page


@pytest.fixture(scope="module")
def basis(eigen_context) -> int:
    """The number of elements of a clean page with a result, outside the regions it fills in."""
    page = _pagina(eigen_context)
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
    aantal = page.evaluate(TEL_BUITEN)
    page.close()
    return aantal


@pytest.fixture
def rekenhulp(eigen_context, basis):
    page = _pagina(eigen_context)
    page.basis = basis
    page.goto("/rekenhulp/")
    page.evaluate("() => window.rekenhulp.klaar")
    yield page
    page.close()


def _onschadelijk(page, wat: str) -> None:
    assert page.dialogen == [], f"{wat}: a dialog opened: {page.dialogen}"
    assert page.evaluate("window.__geraakt") is None, f"{wat}: injected code ran"
    assert page.locator(f"#resultaat :is({GEVAARLIJK}), #fouten :is({GEVAARLIJK})").count() == 0, wat
    assert page.evaluate(TEL_BUITEN) == page.basis, f"{wat}: elements appeared or went"
    assert page.locator("#rekenhulp-kapot").is_hidden(), f"{wat}: the calculator broke"


def _meldingen_kloppen(page, invoer: dict, wat: str) -> None:
    """The page shows what Python says: the result, or each field's Dutch message next to it."""
    verwacht = native(invoer)
    if "uitvoer" in verwacht:
        expect(page.locator("#resultaat[data-route]"), wat).to_be_attached(timeout=ANTWOORD)
        assert page.locator("#fouten li").count() == 0, wat
        assert page.locator("[data-veld='chequebedrag']").get_attribute("data-waarde") \
            == str(verwacht["uitvoer"]["chequebedrag"]).removesuffix(".0"), wat
        return
    expect(page.locator("#fouten li").first, wat).to_be_attached(timeout=ANTWOORD)
    velden = {f["veld"] for f in verwacht["fouten"]}
    getoond = set(page.locator("#fouten li").evaluate_all("els => els.map((e) => e.dataset.veld)"))
    assert getoond == velden, f"{wat}: errors on {getoond}, Python says {velden}"
    for fout in verwacht["fouten"]:
        melding = page.locator(f"#veld-{fout['veld']} #fout-{fout['veld']}")  # next to its field
        expect(melding, wat).to_be_visible()
        expect(melding, wat).to_contain_text(fout["melding"])
        eerste = page.locator(f"[name='{fout['veld']}']").first
        expect(eerste, wat).to_have_attribute("aria-invalid", "true")


def _urls() -> list[dict]:
    """Every hostile value at least once in an amount field and once in a choice field."""
    n, bedragen, keuzes = len(VIJANDIG), ("inschrijvingsgeld", "al_aangevraagd"), (
        "opleiding", "aanvaardt_cheques", "aanvraag_geweigerd")
    return [{**{veld: VIJANDIG[(2 * i + j) % n] for j, veld in enumerate(bedragen)},
             **{veld: VIJANDIG[(3 * i + j + 1) % n] for j, veld in enumerate(keuzes)}}
            for i in range((n + 1) // 2)]


ANDERE_VORMEN = [  # odd shapes of a link: repeated, unknown, badly encoded, very long parameters
    "opleiding=andere&opleiding=nt2&inschrijvingsgeld=400&%3Cscript%3E=1&x=<b>vet</b>",
    "opleiding=" + "a" * 20_000 + "&inschrijvingsgeld=%E0%A4%A&al_aangevraagd=%%",
    "inschrijvingsgeld[]=400&opleiding[]=andere",  # no field we know: a plain, empty form
]


def _tegelijk(context, basis, queries, controleer):
    """Open a few links at once (Python boots in each page's worker in parallel), then check each."""
    for begin in range(0, len(queries), 3):
        paginas = []
        for query in queries[begin:begin + 3]:
            page = _pagina(context)
            page.basis = basis
            page.goto("/rekenhulp/?" + query, wait_until="commit")
            paginas.append((page, query))
        for page, query in paginas:
            page.wait_for_load_state()
            page.evaluate("() => window.rekenhulp.klaar")
            controleer(page, query)
            page.close()


def test_hostile_shared_links(eigen_context, basis, controles):
    def controleer(page, query):
        params = dict(parse_qsl(query, keep_blank_values=True))
        wat = str({k: v[:30] for k, v in params.items()})
        expect(page.locator("#resultaat[data-route], #fouten li").first, wat).to_be_attached(timeout=ANTWOORD)
        _meldingen_kloppen(page, wat_de_pagina_stuurt(params), wat)
        _onschadelijk(page, wat)
        for veld in ("inschrijvingsgeld", "al_aangevraagd"):  # shown back as typed, as text
            assert page.locator(f"#{veld}").input_value() == params[veld], veld
        controles["vijandig_url"] += len(VELDEN)

    _tegelijk(eigen_context, basis, [urlencode(params) for params in _urls()], controleer)


def test_odd_shapes_of_a_shared_link(eigen_context, basis, controles):
    def controleer(page, query):
        if query.startswith("inschrijvingsgeld[]"):
            expect(page.locator("#rekenhulp-formulier")).to_be_visible()
            expect(page.locator("#resultaat")).to_be_empty()
        else:
            expect(page.locator("#resultaat[data-route], #fouten li").first, query[:60]).to_be_attached(
                timeout=ANTWOORD)
        _onschadelijk(page, query[:60])
        controles["vijandig_url"] += 1

    _tegelijk(eigen_context, basis, ANDERE_VORMEN, controleer)


def test_hostile_input_typed_into_the_form(rekenhulp, controles):
    page = rekenhulp
    soorten = sorted(KEUZES["opleiding"])
    for i, waarde in enumerate(VIJANDIG):
        ander = VIJANDIG[(i + 5) % len(VIJANDIG)]
        soort = soorten[i % len(soorten)]
        page.locator(f"label[for='opleiding-{soort}']").click()
        if len(waarde) < 40 and i % 2:
            page.fill("#inschrijvingsgeld", "")
            page.locator("#inschrijvingsgeld").press_sequentially(waarde)  # key by key
        else:
            page.fill("#inschrijvingsgeld", waarde)
        page.fill("#al_aangevraagd", ander)
        # empty both regions, so the next answer is surely this one's
        page.evaluate("""() => { const r = document.getElementById('resultaat'); delete r.dataset.route;
            r.replaceChildren(); document.getElementById('fouten').replaceChildren(); }""")
        page.click("#bereken")
        wat = f"typed {waarde[:30]!r} / {ander[:30]!r}"
        expect(page.locator("#resultaat[data-route], #fouten li").first, wat).to_be_attached(timeout=ANTWOORD)
        invoer = {"opleiding": soort, "inschrijvingsgeld": page.input_value("#inschrijvingsgeld"),
                  "al_aangevraagd": page.input_value("#al_aangevraagd"),
                  "aanvaardt_cheques": "ja", "aanvraag_geweigerd": "nee"}
        assert invoer["inschrijvingsgeld"] == waarde and invoer["al_aangevraagd"] == ander
        _meldingen_kloppen(page, invoer, wat)
        _onschadelijk(page, wat)
        controles["vijandig_formulier"] += 2
    assert "<" not in page.url.split("?", 1)[-1]  # the shared link encodes what it carries


# ---------------------------------------------------------------- fuzz: the worker itself

TEKST = st.one_of(st.sampled_from(VIJANDIG), st.text(max_size=40))
BLAD = st.one_of(
    st.none(), st.booleans(), TEKST,
    st.integers(-(10 ** 18), 10 ** 18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(list(opleidingen()) + ["ja", "nee", "2026-09-15", "0", "400", "1.234,50"]),
)
JSONACHTIG = st.recursive(BLAD, lambda kind: st.one_of(
    st.lists(kind, max_size=4), st.dictionaries(st.text(max_size=10), kind, max_size=4)), max_leaves=8)
SLEUTELS = st.sampled_from(VELDEN + ("datum", "__proto__", "constructor", "toString", "extra"))
FUZZ = st.one_of(
    st.dictionaries(SLEUTELS, JSONACHTIG, max_size=8),
    st.fixed_dictionaries({"opleiding": st.sampled_from(list(opleidingen())), "inschrijvingsgeld": BLAD},
                          optional={k: JSONACHTIG for k in VELDEN[2:] + ("datum",)}),
    # computable, with junk around it: unknown keys are ignored, the answer is a result
    st.fixed_dictionaries(
        {"opleiding": st.sampled_from(list(opleidingen())),
         "inschrijvingsgeld": st.one_of(st.integers(0, 5_000), st.sampled_from(["400", "1.234,50", "٣٠٠", "-0", "€ 250"]))},
        optional={"extra": JSONACHTIG, "__proto__": JSONACHTIG, "toString": JSONACHTIG,
                  "al_aangevraagd": st.sampled_from(["", "0", "100", None]),
                  "aanvaardt_cheques": st.sampled_from(["ja", "nee", True, False, None])}),
    JSONACHTIG,  # not even an object
)

# Built in the page: what JSON from Python cannot say (deep nesting, megabyte strings).
BATCH = """async (invoeren) => {
  const diep = (n) => JSON.parse('['.repeat(n) + ']'.repeat(n));
  const extra = [
    ...[100, 1000, 3000, 6000, 20000].map((n) => ({opleiding: diep(n), inschrijvingsgeld: diep(n)})),
    {opleiding: 'andere', inschrijvingsgeld: () => 400},
    {opleiding: 'andere', inschrijvingsgeld: 10n},
    (() => { const kring = {opleiding: 'andere', inschrijvingsgeld: 400}; kring.zelf = kring; return kring; })(),
    {opleiding: 'andere', inschrijvingsgeld: 'x'.repeat(1000000)},
    {opleiding: 'andere', inschrijvingsgeld: 1e308 * 10, al_aangevraagd: -0},
    Object.assign(Object.create(null), {opleiding: 'andere', inschrijvingsgeld: 400}),
    JSON.parse('{"__proto__": {"opleiding": "andere"}, "inschrijvingsgeld": 400}'),
    [], null, undefined, 42, 'opleiding=andere',
  ];
  const alles = invoeren.concat(extra);
  const antwoorden = await Promise.race([
    Promise.all(alles.map(async (invoer) => {
      try { return await window.rekenhulp.bereken(invoer); }
      catch (e) { return {crash: String((e && e.message) || e)}; }
    })),
    new Promise((klaar) => setTimeout(() => klaar('hangt'), 120000)),
  ]);
  return {antwoorden, extra: extra.length};
}"""


def _genereer(aantal: int) -> list:
    return voorbeelden(FUZZ, aantal)


def test_fuzz_through_the_real_worker(rekenhulp, controles):
    page = rekenhulp
    invoeren = _genereer(300)
    assert len(invoeren) >= 250
    resultaat = page.evaluate(BATCH, invoeren)
    antwoorden = resultaat["antwoorden"]
    assert antwoorden != "hangt", "the worker stopped answering"
    assert len(antwoorden) == len(invoeren) + resultaat["extra"]
    slecht = []
    for invoer, antwoord in zip(invoeren + ["(in de pagina gemaakt)"] * resultaat["extra"], antwoorden):
        sleutels = set(antwoord or {})
        if sleutels == {"uitvoer"}:
            continue
        if sleutels == {"fouten"} and antwoord["fouten"] and all(
                isinstance(f.get("veld"), str) and isinstance(f.get("melding"), str) and f["melding"]
                for f in antwoord["fouten"]):
            continue
        slecht.append((json.dumps(invoer, default=str)[:200], antwoord))
    assert not slecht, f"{len(slecht)} answers were neither uitvoer nor fouten: {slecht[:3]}"
    assert sum("uitvoer" in a for a in antwoorden) >= 10, "the fuzz never reached a result"

    # the worker is alive and still right afterwards, and so is the form
    assert page.evaluate("window.rekenhulp.toestand") == "klaar"
    na = page.evaluate("() => window.rekenhulp.bereken({opleiding: 'andere', inschrijvingsgeld: 400})")
    assert na == {"uitvoer": bereken({"opleiding": "andere", "inschrijvingsgeld": 400,
                                      "datum": dt.date.today().isoformat()})}
    vul_in(page, opleiding="nt2", inschrijvingsgeld="90")
    page.click("#bereken")
    expect(page.locator("[data-veld='overheid']")).to_have_attribute("data-waarde", "90", timeout=ANTWOORD)
    controles["vijandig_fuzz"] += len(antwoorden)
