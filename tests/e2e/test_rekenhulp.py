"""The rekenhulp page in a real browser: form, result (DOM contract), shared links, errors,
loading indicator, fallbacks and print. Amounts, ids, links and visibility are asserted, not
long Dutch sentences (STYLE.md 7).

Tests of the answer open their page in a warm context of this module (`phone`, `warm`: Python
restored from the memory snapshot, see conftest.py); the loading indicator, the fallbacks, the
checksum and the page without JavaScript are about loading and keep a fresh context (`page`)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from formulier import vul_in

BEDRAG_VELDEN = ("maximum", "beschikbaar", "chequebedrag", "eigen_bijdrage", "overheid",
                 "bijbetalen", "terugbetaling", "voorschieten", "netto_kost")
EURO = re.compile(r"^€ \d{1,3}(\.\d{3})*,\d{2}$")
KLAAR = 30_000  # ms: Pyodide boots in ~3 s here; a slow CI machine gets more


def waarden(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '#resultaat [data-waarde]')].map((e) => [e.dataset.veld, e.dataset.waarde]))""")


def wacht_op_resultaat(page, route="cheques"):
    expect(page.locator(f"#resultaat[data-route='{route}']")).to_be_attached(timeout=KLAAR)


@pytest.fixture
def phone(warme_pagina):
    """A page in the warm 360 px phone context."""
    return warme_pagina


@pytest.fixture
def warm(warme_desktop):
    """A page in the warm desktop context (the browser's default 1280 x 720 window, like `page`)."""
    return warme_desktop


# ---------------------------------------------------------------- the Done-when of issue 7

def test_prefilled_url_on_phone_shows_every_amount(phone):
    phone.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    wacht_op_resultaat(phone)
    gezien = waarden(phone)
    assert set(gezien) == set(BEDRAG_VELDEN)
    assert gezien == {"maximum": "250", "beschikbaar": "250", "chequebedrag": "250",
                      "eigen_bijdrage": "125", "overheid": "125", "bijbetalen": "150",
                      "terugbetaling": "275", "voorschieten": "275", "netto_kost": "0"}
    for veld in BEDRAG_VELDEN:
        bedrag = phone.locator(f"#resultaat [data-veld='{veld}']")
        expect(bedrag).to_have_count(1)
        assert EURO.match(bedrag.inner_text()), bedrag.inner_text()
    expect(phone.locator("[data-veld='chequebedrag']")).to_have_text("€ 250,00")
    expect(phone.locator("[data-veld='netto_kost']")).to_have_text("€ 0,00")
    expect(phone.locator("#resultaat")).to_have_attribute("aria-live", "polite")
    expect(phone.locator("[data-veld='schooljaar']")).to_have_text(re.compile(r"^\d{4}-\d{4}$"))
    # the form is prefilled with the same answers
    expect(phone.locator("#opleiding-andere")).to_be_checked()
    expect(phone.locator("#inschrijvingsgeld")).to_have_value("400")
    expect(phone.locator("#aanvaardt_cheques-ja")).to_be_checked()
    expect(phone.locator("#aanvraag_geweigerd-nee")).to_be_checked()
    # documents and warnings come from the calculator's ids
    documenten = phone.locator("#resultaat [data-document]")
    assert documenten.evaluate_all("els => els.map(e => e.dataset.document)") == [
        "aanvraagformulier_terugbetaling", "inschrijvings_en_betalingsbewijs",
        "bevestigingsmail_wse", "goedkeuringsmail_wse"]
    assert "boven_plafond" in phone.locator("#resultaat [data-waarschuwing]").evaluate_all(
        "els => els.map(e => e.dataset.waarschuwing)")
    # a 360 px phone never scrolls sideways
    assert phone.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


def test_tap_targets_are_big_enough_on_phone(phone):
    phone.goto("/rekenhulp/")
    expect(phone.locator("#rekenhulp-formulier")).to_be_visible()
    for doel in ["label[for='opleiding-andere']", "label[for='aanvaardt_cheques-nee']",
                 "#inschrijvingsgeld", "#al_aangevraagd", "#bereken"]:
        box = phone.locator(doel).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (doel, box)
    assert phone.locator("#inschrijvingsgeld").get_attribute("inputmode") == "decimal"
    assert phone.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


# ---------------------------------------------------------------- form, result, links

def test_dutch_amount_typed_by_the_user(warm):
    page = warm
    page.goto("/rekenhulp/")
    vul_in(page, opleiding="andere", inschrijvingsgeld="1.234,50")
    page.click("#bereken")
    wacht_op_resultaat(page)
    gezien = waarden(page)
    assert (gezien["chequebedrag"], gezien["bijbetalen"], gezien["terugbetaling"]) == ("250", "984.5", "1109.5")
    expect(page.locator("[data-veld='terugbetaling']")).to_have_text("€ 1.109,50")
    expect(page.locator("#resultaat-titel")).to_be_focused()
    assert parse_qs(urlparse(page.url).query)["inschrijvingsgeld"] == ["1.234,50"]


def test_route_volledige_terugbetaling_and_its_links(warm, site_dir):
    page = warm
    page.goto("/rekenhulp/?opleiding=secundair&inschrijvingsgeld=150&aanvaardt_cheques=nee")
    wacht_op_resultaat(page, "volledige_terugbetaling")
    gezien = waarden(page)
    assert (gezien["chequebedrag"], gezien["terugbetaling"], gezien["voorschieten"]) == ("0", "150", "150")
    ids = page.locator("#resultaat [data-document]").evaluate_all("els => els.map(e => e.dataset.document)")
    assert "bewijs_geen_cheques_aanvaard" in ids
    # every link of the result points at a page (and anchor) of this site
    for href in page.locator("#resultaat a").evaluate_all("els => els.map(a => a.href)"):
        url = urlparse(href)
        assert url.hostname == "127.0.0.1", href
        pagina = site_dir / url.path.strip("/") / "index.html"
        assert pagina.is_file(), href
        if url.fragment:
            assert f'id="{url.fragment}"' in pagina.read_text(encoding="utf-8"), href


@pytest.mark.parametrize("van, naar, route", [
    ("opleiding=andere&inschrijvingsgeld=400", "opleiding=andere&inschrijvingsgeld=1234,50", "cheques"),
    ("opleiding=andere&inschrijvingsgeld=400", "opleiding=nt2&inschrijvingsgeld=90&aanvaardt_cheques=nee",
     "volledige_terugbetaling"),
    ("opleiding=secundair&inschrijvingsgeld=150&aanvaardt_cheques=nee",
     "opleiding=graduaat_bachelor&inschrijvingsgeld=2000&al_aangevraagd=300", "cheques"),
], ids=["ander-bedrag", "andere-route", "terug-naar-cheques"])
def test_a_changed_answer_shows_exactly_what_a_fresh_page_shows(warm, van, naar, route):
    """The answer is updated in place (only what changed: fast on a phone), so after any change
    the result must be the very DOM a fresh page with the new answers renders."""
    def resultaat(page):
        return page.locator("#resultaat").evaluate("e => e.outerHTML")

    page = warm
    page.goto(f"/rekenhulp/?{naar}")
    wacht_op_resultaat(page, route)
    vers = resultaat(page)
    page.goto(f"/rekenhulp/?{van}")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
    vul_in(page, **{"al_aangevraagd": "", "aanvaardt_cheques": "ja", "aanvraag_geweigerd": "nee",
                    **{veld: waarden[0] for veld, waarden in parse_qs(naar).items()}})
    page.locator("#bereken").click()
    expect(page).to_have_url(re.compile(re.escape(naar.replace(",", "%2C")).replace("%2C", "(,|%2C)")))
    assert resultaat(page) == vers


def test_bar_has_a_text_equivalent(warm):
    page = warm
    page.goto("/rekenhulp/?opleiding=graduaat_bachelor&inschrijvingsgeld=700")
    wacht_op_resultaat(page)
    expect(page.locator(".verdeling-balk")).to_have_attribute("aria-hidden", "true")
    legende = page.locator(".verdeling-legende li")
    expect(legende).to_have_count(3)
    expect(legende.nth(0)).to_contain_text("€ 250,00")  # overheid: half of 500
    expect(legende.nth(1)).to_contain_text("€ 450,00")  # refund: 250 + 200
    expect(page.locator(".tijdlijn li")).not_to_have_count(0)


@pytest.fixture
def klembord(warm):
    """The warm page, allowed to use the clipboard during this test only."""
    warm.context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield warm
    warm.context.clear_permissions()


def test_copy_link_round_trip(klembord):
    page, context = klembord, klembord.context
    page.goto("/rekenhulp/")
    vul_in(page, opleiding="graduaat_bachelor", inschrijvingsgeld="700", al_aangevraagd="100",
           aanvraag_geweigerd="nee")
    page.click("#bereken")
    wacht_op_resultaat(page)
    eerst = waarden(page)
    page.click("#kopieer-link")
    expect(page.locator("#kopieer-status")).not_to_be_empty()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    url = urlparse(link)
    assert url.path == "/rekenhulp/"
    assert parse_qs(url.query) == {"opleiding": ["graduaat_bachelor"], "inschrijvingsgeld": ["700"],
                                   "al_aangevraagd": ["100"], "aanvaardt_cheques": ["ja"],
                                   "aanvraag_geweigerd": ["nee"]}

    tweede = context.new_page()
    tweede.goto(link)
    wacht_op_resultaat(tweede)
    assert waarden(tweede) == eerst
    assert eerst["beschikbaar"] == "400" and eerst["chequebedrag"] == "400"
    expect(tweede.locator("#opleiding-graduaat_bachelor")).to_be_checked()
    expect(tweede.locator("#al_aangevraagd")).to_have_value("100")
    tweede.close()


def test_invalid_input_shows_dutch_errors_next_to_the_field(warm):
    page = warm
    page.goto("/rekenhulp/")
    page.fill("#inschrijvingsgeld", "veel geld")
    page.click("#bereken")
    fouten = page.locator("#fouten")
    expect(fouten).to_have_attribute("role", "alert")
    expect(fouten.locator("li")).to_have_count(2, timeout=KLAAR)
    expect(fouten).to_be_focused()
    assert fouten.locator("li").evaluate_all("els => els.map(e => e.dataset.veld)") == [
        "opleiding", "inschrijvingsgeld"]

    melding = page.locator("#fout-inschrijvingsgeld")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("bedrag")
    veld = page.locator("#inschrijvingsgeld")
    expect(veld).to_have_attribute("aria-invalid", "true")
    assert "fout-inschrijvingsgeld" in veld.get_attribute("aria-describedby").split()
    expect(page.locator("#fout-opleiding")).to_be_visible()
    expect(page.locator("#opleiding-andere")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#resultaat")).to_be_empty()
    expect(page.locator("#resultaat-acties")).to_be_hidden()

    fouten.get_by_role("link").nth(1).click()
    expect(veld).to_be_focused()

    # corrected: errors gone, result shown
    vul_in(page, opleiding="nt2", inschrijvingsgeld="€ 90")
    page.click("#bereken")
    wacht_op_resultaat(page)
    expect(fouten).to_be_empty()
    expect(melding).to_be_hidden()
    assert veld.get_attribute("aria-invalid") is None
    assert waarden(page)["overheid"] == "90"


def test_unknown_value_in_a_shared_link_is_explained(warm):
    page = warm
    page.goto("/rekenhulp/?opleiding=bachelor&inschrijvingsgeld=400&al_aangevraagd=-5")
    expect(page.locator("#fouten li")).to_have_count(2, timeout=KLAAR)
    expect(page.locator("#fout-opleiding")).to_be_visible()
    expect(page.locator("#fout-al_aangevraagd")).to_be_visible()
    expect(page.locator("#al_aangevraagd")).to_have_value("-5")


# ---------------------------------------------------------------- loading and fallbacks

def test_progress_indicator_appears_then_disappears(page):
    page.add_init_script("""
        window.__laadteksten = [];
        new MutationObserver(() => {
            const t = document.getElementById('laadstatus-tekst');
            const s = document.getElementById('laadstatus');
            if (t && s && !s.hidden && window.__laadteksten.at(-1) !== t.textContent)
                window.__laadteksten.push(t.textContent);
        }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
    """)
    page.goto("/rekenhulp/?opleiding=nt2&inschrijvingsgeld=100")
    status = page.locator("#laadstatus")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator("#rekenhulp-formulier")).to_be_visible()  # usable at once
    wacht_op_resultaat(page)
    expect(status).to_be_hidden()
    teksten = page.evaluate("window.__laadteksten")
    assert any("stap 1 van 2" in t for t in teksten), teksten
    assert any("stap 2 van 2" in t for t in teksten), teksten
    assert page.locator("#rekenhulp-vak").get_attribute("data-toestand") == "klaar"


def test_fallback_when_pyodide_cannot_load(page):
    page.route("**/pyodide*", lambda route: route.abort())
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    kapot = page.locator("#rekenhulp-kapot")
    expect(kapot).to_be_visible(timeout=5_000)
    expect(kapot).to_have_attribute("role", "alert")
    expect(page.locator("#rekenhulp-formulier")).to_be_hidden()
    expect(page.locator("#laadstatus")).to_be_hidden()
    expect(page.locator("#zelf-rekenen")).to_be_visible()
    expect(page.locator(".tabel-rechten table")).to_be_visible()
    with pytest.raises(Exception, match="werkt niet"):
        page.evaluate("window.rekenhulp.bereken({opleiding: 'andere', inschrijvingsgeld: 1})")


def test_fallback_after_a_timeout(page):
    page.clock.install()
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered: a dead network
    page.goto("/rekenhulp/")
    expect(page.locator("#laadstatus")).to_be_visible()
    page.clock.fast_forward("01:05")
    expect(page.locator("#rekenhulp-kapot")).to_be_visible(timeout=5_000)
    expect(page.locator("#laadstatus")).to_be_hidden()


def test_without_javascript(browser, base_url, requests_seen):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="nl-BE")
    context.on("request", lambda req: requests_seen.append(req.url))
    page = context.new_page()
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    melding = page.locator("noscript .rekenhulp-melding")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("JavaScript")
    expect(page.locator("#rekenhulp-kapot")).to_be_hidden()
    expect(page.locator("#rekenhulp-formulier")).to_be_hidden()
    expect(page.locator(".tabel-rechten table")).to_be_visible()
    assert not any("pyodide" in u for u in requests_seen)
    context.close()


# ---------------------------------------------------------------- print

def test_print_view_fits_one_a4_page(warm):
    page = warm
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400&al_aangevraagd=100")
    wacht_op_resultaat(page)
    page.emulate_media(media="print")
    expect(page.locator("#rekenhulp-formulier")).to_be_hidden()
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the print view takes {pages} pages"


def test_a_wheel_that_does_not_match_its_checksum_is_refused(page):
    """The calculator's own code is checked like a package: one changed byte means no answers.

    The byte changed is in the wheel's METADATA, which Python never reads, so only the
    checksum can notice it.
    """
    def beschadigd(route):
        body = bytearray(route.fetch().body())
        with zipfile.ZipFile(io.BytesIO(bytes(body))) as wheel:
            info = next(i for i in wheel.infolist() if i.filename.endswith("/METADATA"))
        naam_lengte, extra_lengte = struct.unpack("<HH", body[info.header_offset + 26:info.header_offset + 30])
        body[info.header_offset + 30 + naam_lengte + extra_lengte] ^= 0xFF
        route.fulfill(body=bytes(body), content_type="application/zip")

    page.route("**/*.whl", beschadigd)
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    expect(page.locator("#rekenhulp-kapot")).to_be_visible(timeout=KLAAR)
    expect(page.locator("#resultaat [data-veld]")).to_have_count(0)
