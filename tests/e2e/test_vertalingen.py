"""The guide and the calculator in every language (issue 14), in a real browser at 360 px: the
calculator gives the same amounts in every language (one calculator, never a fork), shared links
work under /<taal>/, the language switch lands on the same step, every translated page is
axe-clean and never scrolls sideways, search finds the page's own language, and offline the phone
keeps Dutch and the language it reads, not every language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

import build_site
from calculator import bereken
from golden import load_cases
from sitebuild.talen import languages
from test_a11y import Controle
from test_offline import CACHES, SW_KLAAR, WACHT_OP_CACHE, eigen_server, lijst
from test_zinnen import RENDER  # the page's own renderer over many answers (also gives data-waarde)
from conftest import PHONE

ANDERE = [t["code"] for t in languages()][1:]
PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]
AXE = Path(build_site.ROOT) / "node_modules" / "axe-core" / "axe.min.js"
KLAAR = 60_000
VELDEN = ("opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "aanvraag_geweigerd")


def _url_invoer(invoer: dict) -> dict | None:
    """A golden case as a shared link's query (without its date: the page computes for today)."""
    if set(invoer) - set(VELDEN) - {"datum"}:
        return None
    uit = {}
    for veld in VELDEN:
        if veld in invoer:
            waarde = invoer[veld]
            uit[veld] = ("ja" if waarde else "nee") if isinstance(waarde, bool) else str(waarde)
    return uit


CASES = [(c["name"], q) for c in load_cases() if "uitvoer" in c and (q := _url_invoer(c["invoer"]))][:8]
# Each notation through a shared link once, the languages taking turns: how an amount is read is
# the calculator's (one for every language), what differs per language is the page around it.
# Every golden case is rendered in every language below, without a page load per case.
CASES_PER_TAAL = {taal: CASES[i::len(ANDERE)] for i, taal in enumerate(ANDERE)}


def _getoond(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#resultaat [data-veld][data-waarde]')]
        .map((e) => [e.dataset.veld, e.dataset.waarde]))""")


@pytest.mark.parametrize("taal", ANDERE)
def test_every_language_gives_the_same_amounts_through_a_shared_link(warme_pagina, taal):
    page = warme_pagina
    assert CASES_PER_TAAL[taal]
    for naam, query in CASES_PER_TAAL[taal]:
        native = bereken({k: (v == "ja" if v in ("ja", "nee") else v) for k, v in query.items()})
        page.goto(f"/{taal}/rekenhulp/?{urlencode(query)}")
        expect(page.locator(f"#resultaat[data-route='{native['route']}']")).to_be_attached(timeout=KLAAR)
        getoond = _getoond(page)
        assert getoond, naam
        for veld, waarde in getoond.items():
            assert float(waarde) == float(native[veld]), (taal, naam, veld)
        assert page.locator("html").get_attribute("lang") == taal
        # the sentences are the language's own, not Dutch
        tekst = page.locator("#resultaat").inner_text()
        assert "Jouw resultaat" not in tekst and "Vraag" not in tekst.split("\n")[0], (taal, tekst[:80])


@pytest.mark.parametrize("taal", ANDERE)
def test_an_error_is_shown_in_the_language_of_the_page(warme_pagina, taal):
    from calculator.teksten import teksten
    page = warme_pagina
    page.goto(f"/{taal}/rekenhulp/?opleiding=andere&inschrijvingsgeld=-5")
    melding = page.locator("#fout-inschrijvingsgeld")
    expect(melding).to_contain_text(teksten(taal)["fouten"]["bedrag_negatief"], timeout=KLAAR)


@pytest.mark.parametrize("taal", ANDERE)
def test_the_language_switch_keeps_the_step(phone, taal):
    phone.goto("/stappenplan/#stap-3c")
    phone.locator(f"nav.talen a[hreflang='{taal}']").click()
    phone.wait_for_url(f"**/{taal}/stappenplan/#stap-3c")
    expect(phone.locator("#stap-3c")).to_be_in_viewport()
    assert phone.locator("html").get_attribute("lang") == taal
    # and back to Dutch from the note on the translation, on the same step
    phone.locator(".vertaling-melding a[hreflang='nl']").click()
    phone.wait_for_url("**/stappenplan/#stap-3c")
    assert not re.search(rf"/{taal}/", phone.url)
    expect(phone.locator("#stap-3c")).to_be_in_viewport()


@pytest.mark.parametrize("taal", ANDERE)
def test_search_finds_the_pages_of_its_own_language(phone, taal):
    phone.goto(f"/{taal}/stappenplan/")
    phone.wait_for_load_state("networkidle")
    phone.locator("label.md-header__button[for='__search']").click()
    zoekveld = phone.locator("input.md-search__input")
    zoekveld.click()
    zoekveld.press_sequentially("Edenred", delay=30)
    resultaten = phone.locator(".md-search-result__item a")
    expect(resultaten.first).to_be_visible(timeout=10_000)
    hrefs = [resultaten.nth(i).get_attribute("href") for i in range(min(resultaten.count(), 10))]
    assert hrefs and all(f"/{taal}/" in phone.evaluate("(h) => new URL(h, location.href).pathname", h)
                         for h in hrefs), hrefs


def test_offline_the_phone_keeps_dutch_and_its_own_language_only(browser, site_dir, requests_seen):
    taal, ander = ANDERE[0], (ANDERE[1] if len(ANDERE) > 1 else None)
    with eigen_server(site_dir) as (server, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        page.goto(f"/{taal}/stappenplan/")
        assert page.evaluate(SW_KLAAR).endswith("/sw.js")
        assert page.evaluate(WACHT_OP_CACHE, ["gids-", len(lijst(site_dir, "PAGINAS"))]) > 0
        for _ in range(100):  # the language's pages follow the Dutch ones
            urls = [u for lijst_ in page.evaluate(CACHES).values() for u in lijst_]
            if any(u.endswith(f"/{taal}/woordenlijst/") for u in urls):
                break
            page.wait_for_timeout(100)
        urls = [u for lijst_ in page.evaluate(CACHES).values() for u in lijst_]
        assert any(u.endswith("/stappenplan/") and f"/{taal}/" not in u for u in urls)  # Dutch
        assert any(u.endswith(f"/{taal}/woordenlijst/") for u in urls)  # its own language
        if ander:
            assert not any(f"/{ander}/" in u for u in urls), "a language nobody reads here was stored"
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)
    for url in (f"/{taal}/stappenplan/", f"/{taal}/waar-heb-ik-recht-op/", "/stappenplan/"):
        page.goto(url)
        expect(page.locator("h1").first).to_be_visible()
    page.goto(f"/{taal}/bestaat-niet/")
    expect(page.locator("h1#niet-gevonden")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == taal
    context.close()


# ---------------------------------------------------------------- every golden case, every anchor, both themes

GOED = [c for c in load_cases() if "uitvoer" in c]


@pytest.mark.parametrize("taal", ANDERE)
def test_every_golden_case_renders_the_same_amounts_in_every_language(warme_pagina, taal):
    """The page of each language renders every golden case's answer from its own texts, with the
    same data-waarde as the calculator gives natively (the Dutch page's values)."""
    page = warme_pagina
    page.goto(f"/{taal}/rekenhulp/")
    resultaten = page.evaluate(RENDER, [c["invoer"] for c in GOED])
    for case, r in zip(GOED, resultaten):
        native = bereken(case["invoer"])
        assert r["waarden"], case["name"]
        for veld, waarde in r["waarden"].items():
            assert float(waarde) == float(native[veld]), (taal, case["name"], veld)
        assert "{" not in r["tekst"] and "undefined" not in r["tekst"], (taal, case["name"], r["tekst"][:200])


@pytest.mark.parametrize("taal", ANDERE)
def test_every_contract_anchor_lands_on_its_step_in_every_language(warme_pagina, taal):
    # the warm context: its /rekenhulp/ restores Python from the snapshot instead of a cold start
    phone = warme_pagina
    for url, ankers in build_site.CONTRACT_URLS.items():
        phone.goto(f"/{taal}{url}")
        expect(phone.locator("h1").first).to_be_visible()
        for anker in ankers:
            phone.goto(f"/{taal}{url}#{anker}")
            kop = phone.locator(f"#{anker}")
            expect(kop).to_be_in_viewport()
            header = phone.locator("header.md-header").bounding_box()
            assert kop.bounding_box()["y"] >= header["y"] + header["height"] - 1, (taal, url, anker)


SCHERMEN = {"360": {"width": 360, "height": 780}, "1280": {"width": 1280, "height": 800}}
# Every language at phone width, where longer words and sideways scrolling show. At desktop width a
# left-to-right translation has the Dutch page's layout, template and colours (test_a11y checks
# those at both widths), so only the right-to-left one, laid out mirrored, runs there too.
AXE_SCHERMEN = [(taal, "360") for taal in ANDERE] + [
    (t["code"], "1280") for t in languages()[1:] if t.get("richting") == "rtl"]


@pytest.mark.parametrize("taal, scherm", AXE_SCHERMEN)
def test_every_translated_page_is_axe_clean(browser, base_url, requests_seen, controles, taal, scherm):
    """Every translated page, light and dark (test_a11y's Controle: every rule in light, what the
    scheme can change in dark), never scrolls sideways, and logs no 404 or CSP error."""
    context = browser.new_context(base_url=base_url, reduced_motion="reduce", locale="nl-BE",
                                  viewport=SCHERMEN[scherm], color_scheme="light")
    context.on("request", lambda req: requests_seen.append(req.url))
    page = context.new_page()
    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    controle = Controle(page, AXE.read_text(encoding="utf-8"), f"{scherm}x{SCHERMEN[scherm]['height']}", controles)
    schermafdrukken = Path(build_site.ROOT) / "test-results" / "talen"  # kept by the run (git ignores it)
    try:
        for url in PAGES:
            page.goto(f"/{taal}{url}")
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
            breedte = SCHERMEN[scherm]["width"]
            if page.evaluate("document.scrollingElement.scrollWidth") > breedte:
                controle.problemen.append(f"/{taal}{url}: scrolls sideways at {breedte} px")
            if taal == "ar" and scherm == "360":
                schermafdrukken.mkdir(parents=True, exist_ok=True)
                naam = (url.strip("/").replace("/", "_") or "start")
                page.screenshot(path=str(schermafdrukken / f"ar-360-{naam}.png"), full_page=False)
            controle(f"/{taal}{url}")
    finally:
        context.close()
    controle.meld()
    assert not controle.problemen, "\n".join(controle.problemen)
    assert not [f for f in fouten if "404" in f or "Content Security Policy" in f], fouten


@pytest.mark.parametrize("taal", ANDERE)
def test_example_links_for_coordinators_open_the_calculator_in_their_language(phone, taal):
    """The prefilled calculator links on /<taal>/voor-coordinatoren/ (French and Arabic ones led
    to the Dutch calculator) are whole addresses a coordinator can paste in a message; on the
    Arabic page each address reads left to right, its start at the left."""
    from urllib.parse import urlsplit
    phone.goto(f"/{taal}/voor-coordinatoren/")
    links = phone.locator("article code").filter(has_text="rekenhulp/?")
    assert links.count() >= 4
    for tekst in links.all_text_contents():
        adres = urlsplit(tekst)
        assert adres.scheme in ("http", "https") and adres.netloc, tekst
        assert adres.path.endswith(f"/{taal}/rekenhulp/") and adres.query, tekst
    eerste = links.first
    eerste.scroll_into_view_if_needed()
    assert eerste.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # the first character is drawn at the left end of the address, on every page
    links_van = eerste.evaluate("""el => {
        const r = document.createRange(); r.setStart(el.firstChild, 0); r.setEnd(el.firstChild, 1);
        const slash = r.getBoundingClientRect(), vak = el.getClientRects()[0];
        return slash.left - vak.left;
    }""")
    assert links_van < 8, links_van
