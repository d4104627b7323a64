"""Hard words explained where they appear (issue 13, items 1, 2 and 5), on a 360 px phone: a real
button opens the explanation in place by tap and by keyboard, Escape closes it and gives the focus
back, the link in it leads to the glossary entry; without JavaScript the word is a link to the
entry; axe finds nothing with the explanations open; the glossary's deep links land on their word;
every step of /stappenplan/ leads back to the step overview at the top."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

import build_site
from conftest import PHONE, VERSCHUIVINGEN
from sitebuild.layout import GLOSSARY_ANCHORS

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]
STAP = "#stap-1"


@pytest.fixture
def zonder_js(browser, base_url, requests_seen):
    ctx = browser.new_context(base_url=base_url, java_script_enabled=False, **PHONE)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    yield page
    ctx.close()


def _eerste_knop(phone, anker="odb-registratienummer"):
    phone.goto(f"/stappenplan/{STAP}")
    knop = phone.locator(f"{STAP} ~ * button.begrip[data-begrip='{anker}']").first
    expect(knop).to_be_visible()
    return knop


def test_a_tap_opens_the_explanation_in_place_and_a_second_tap_closes_it(phone):
    knop = _eerste_knop(phone)
    expect(knop).to_have_attribute("aria-expanded", "false")
    uitleg = phone.locator("#" + knop.get_attribute("aria-controls"))
    expect(uitleg).to_be_hidden()
    knop.tap()
    expect(knop).to_have_attribute("aria-expanded", "true")
    expect(uitleg).to_be_visible()
    expect(uitleg).to_contain_text("Het nummer van je opleiding in de Opleidingsdatabank")
    # in place: right under the word, inside the same paragraph or list item
    kb, ub = knop.bounding_box(), uitleg.bounding_box()
    assert 0 <= ub["y"] - (kb["y"] + kb["height"]) < 40, (kb, ub)
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360
    knop.tap()
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(uitleg).to_be_hidden()


def test_keyboard_only_enter_opens_escape_closes_and_the_focus_comes_back(phone):
    knop = _eerste_knop(phone)
    knop.focus()
    for _ in range(3):  # Tab from the element before it lands on the word's button
        phone.keyboard.press("Shift+Tab")
    for _ in range(10):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.dataset.begrip") == "odb-registratienummer":
            break
    expect(knop).to_be_focused()
    phone.keyboard.press("Enter")
    uitleg = phone.locator("#" + knop.get_attribute("aria-controls"))
    expect(uitleg).to_be_visible()
    phone.keyboard.press("Tab")  # into the explanation: its link to the glossary
    meer = uitleg.get_by_role("link")
    expect(meer).to_be_focused()
    expect(meer).to_have_accessible_name(re.compile("ODB-registratienummer"))
    phone.keyboard.press("Escape")
    expect(uitleg).to_be_hidden()
    expect(knop).to_be_focused()
    expect(knop).to_have_attribute("aria-expanded", "false")
    phone.keyboard.press("Space")
    expect(uitleg).to_be_visible()
    phone.keyboard.press("Escape")
    expect(uitleg).to_be_hidden()


def test_the_link_in_the_explanation_opens_the_entry_on_the_glossary(phone):
    knop = _eerste_knop(phone)
    knop.tap()
    phone.locator("#" + knop.get_attribute("aria-controls")).get_by_role("link").tap()
    phone.wait_for_url("**/woordenlijst/#odb-registratienummer")
    kop = phone.locator("h2#odb-registratienummer")
    expect(kop).to_be_in_viewport()
    expect(phone.locator("article")).to_contain_text("Het nummer van je opleiding in de Opleidingsdatabank")


def test_a_screen_reader_hears_a_button_with_its_state(phone):
    knop = _eerste_knop(phone)
    expect(phone.get_by_role("button", name="ODB-registratienummer", expanded=False).first).to_be_attached()
    assert knop.evaluate("el => el.tagName") == "BUTTON"
    assert knop.get_attribute("title") is None
    assert phone.locator("article abbr[title]").count() == 0


def test_without_javascript_the_word_is_a_link_to_its_entry(zonder_js):
    zonder_js.goto(f"/stappenplan/{STAP}")
    link = zonder_js.locator(f"{STAP} ~ * a.begrip[data-begrip='odb-registratienummer']").first
    expect(link).to_be_visible()
    assert link.get_attribute("href").endswith("woordenlijst/#odb-registratienummer")
    expect(zonder_js.locator(".begrip-uitleg").first).to_be_hidden()
    link.tap()
    zonder_js.wait_for_url("**/woordenlijst/#odb-registratienummer")
    expect(zonder_js.locator("h2#odb-registratienummer")).to_be_in_viewport()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_explains_its_words_and_all_open_without_sideways_scroll(phone, url):
    phone.goto(url)
    knoppen = phone.locator("article button.begrip")
    if url == "/woordenlijst/":
        assert knoppen.count() == 0
        return
    assert knoppen.count() >= 2, f"{url}: no hard word explained"
    assert phone.locator("article a.begrip").count() == 0, "a word was not made into a button"
    phone.evaluate("() => document.querySelectorAll('article button.begrip').forEach((b) => b.click())")
    assert phone.locator("article button.begrip[aria-expanded='false']").count() == 0
    zichtbaar = phone.evaluate("""() => [...document.querySelectorAll('article .begrip-uitleg')]
        .every((el) => el.offsetHeight > 0 && el.textContent.trim().length > 10)""")
    assert zichtbaar
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360


@pytest.mark.parametrize("anker", GLOSSARY_ANCHORS)
def test_a_link_to_a_glossary_word_lands_on_it(phone, anker):
    phone.goto(f"/woordenlijst/#{anker}")
    kop = phone.locator(f"h2#{anker}")
    expect(kop).to_be_in_viewport()
    assert kop.bounding_box()["y"] >= 0  # not hidden under the sticky header
    header = phone.locator("header.md-header").bounding_box()
    assert kop.bounding_box()["y"] >= header["y"] + header["height"] - 1


def test_the_glossary_is_in_the_menu(phone):
    phone.goto("/")
    phone.locator("label.md-header__button[for='__drawer']").click()
    link = phone.locator(".md-sidebar--primary").get_by_role("link", name="Woordenlijst", exact=True)
    expect(link).to_be_visible()
    link.click()
    phone.wait_for_url("**/woordenlijst/")
    assert phone.locator("article h2[id]").count() >= 25


def test_the_drawings_of_the_glossary_load(phone):
    phone.goto("/woordenlijst/#eid")
    for naam in ("eid", "itsme", "edenred-mail"):
        img = phone.locator(f"article img[src$='woorden/{naam}.svg']")
        img.scroll_into_view_if_needed()
        expect(img).to_have_js_property("complete", True)
        assert img.evaluate("el => el.naturalWidth") > 0
        assert len(img.get_attribute("alt")) > 20
        assert img.bounding_box()["width"] <= 360


def test_every_step_leads_back_to_the_overview_at_the_top(phone):
    phone.goto("/stappenplan/")
    overzicht = phone.locator("#op-deze-pagina")
    # at the top: the overview's heading is on the first screen of a 360 x 780 phone
    assert overzicht.bounding_box()["y"] < 780 - 100, overzicht.bounding_box()
    stappen = [a for a in build_site.CONTRACT_URLS["/stappenplan/"]]
    lijst = phone.locator("#op-deze-pagina + ol")
    for anker in stappen:  # the overview links every step and sub-step
        expect(lijst.locator(f"a[href='#{anker}']")).to_have_count(1)
    terug = phone.locator("nav.stap-nav a.stap-overzicht")
    assert terug.count() == len(stappen)
    # from step 6, back to the overview and on to step 3c: every landing fully visible
    phone.goto("/stappenplan/#stap-6")
    link = phone.locator("#stap-6 ~ nav.stap-nav a.stap-overzicht").first
    expect(link).to_have_text(re.compile("Terug naar het overzicht"))
    link.tap()
    phone.wait_for_url("**/stappenplan/#op-deze-pagina")
    expect(overzicht).to_be_in_viewport()
    lijst.locator("a[href='#stap-3c']").tap()
    phone.wait_for_url("**#stap-3c")
    expect(phone.locator("#stap-3c")).to_be_in_viewport()


# Where a word that wrapped over two lines as a link moved whole to the next line as a button
# (Lighthouse, its 412 px phone: CLS 0.11 on /fr/), and a phone of our own width.
@pytest.mark.parametrize("breedte", [360, 412])
@pytest.mark.parametrize("url", ["/fr/", "/en/stappenplan/", "/fr/bijlagen/inschrijvingsbewijs/", "/stappenplan/"])
def test_making_the_words_buttons_moves_no_text(browser, base_url, requests_seen, url, breedte):
    ctx = browser.new_context(base_url=base_url, service_workers="block",
                              **{**PHONE, "viewport": {"width": breedte, "height": 823}})
    ctx.on("request", lambda req: requests_seen.append(req.url))
    try:
        page = ctx.new_page()
        opgehouden = []

        def later(route):  # a slow phone: the page is painted before begrippen.js runs
            antwoord = route.fetch()
            time.sleep(0.5)
            opgehouden.append(route.request.url)
            route.fulfill(response=antwoord)

        page.route(re.compile(r"/assets/begrippen\.[0-9a-f]{8}\.js$"), later)
        page.goto(url)
        expect(page.locator("article button.begrip").first).to_be_attached()
        assert opgehouden, "begrippen.js was not held back"
        assert page.evaluate(VERSCHUIVINGEN) == []
    finally:
        ctx.close()
