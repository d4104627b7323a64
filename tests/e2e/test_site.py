"""The guide as a participant sees it on a phone: every promised URL and anchor, nothing wider
than the screen, nothing loaded from elsewhere, and the key facts on the page."""

from __future__ import annotations

import re

import pytest

import build_site

PAGES = list(build_site.CONTRACT_URLS)
ANCHORS = [(url, a) for url, anchors in build_site.CONTRACT_URLS.items() for a in anchors]


@pytest.mark.parametrize("url", PAGES)
def test_every_contract_page_opens_on_a_phone(phone, url):
    response = phone.goto(url)
    assert response.status == 200
    heading = phone.locator("article h1").first
    assert heading.is_visible()
    assert phone.locator('meta[name="viewport"]').get_attribute("content").replace(" ", "") \
        == "width=device-width,initial-scale=1"
    assert phone.evaluate("document.documentElement.lang") == "nl"


@pytest.mark.parametrize("url,anchor", ANCHORS, ids=[f"{u}#{a}" for u, a in ANCHORS])
def test_deep_link_shows_its_heading(phone, url, anchor):
    phone.goto(f"{url}#{anchor}")
    heading = phone.locator(f"#{anchor}")
    assert heading.evaluate("el => /^H[1-6]$/.test(el.tagName)")
    phone.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }", arg=anchor, timeout=5000)
    # a permalink that coordinators can copy
    assert heading.locator("a.headerlink").get_attribute("href") == f"#{anchor}"


@pytest.mark.parametrize("url", PAGES)
def test_no_horizontal_scroll_at_360px(phone, url):
    phone.goto(url)
    phone.wait_for_load_state("load")
    breedte = phone.evaluate("document.scrollingElement.scrollWidth")
    assert breedte <= 360, f"{url} is {breedte}px wide on a 360px screen"


def test_every_request_stays_on_our_origin(page, base_url, requests_seen):
    for url in PAGES:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert requests_seen, "no requests were recorded"
    andere = [u for u in requests_seen if not u.startswith(base_url)]
    assert not andere, andere[:5]  # also no web fonts, CDN or analytics


def test_step_navigation_goes_to_the_next_step(phone):
    phone.goto("/stappenplan/#stap-1")
    phone.locator("#stap-1 ~ nav.stap-nav").first.get_by_role("link", name=re.compile("Volgende")).click()
    phone.wait_for_function("() => location.hash === '#stap-2'")  # a function: the CSP forbids eval'ing an expression
    phone.locator("#stap-2 ~ nav.stap-nav").first.get_by_role("link", name=re.compile("Vorige")).click()
    phone.wait_for_function("() => location.hash === '#stap-1'")


def _text(page, url):
    page.goto(url)
    return page.locator("article").inner_text().replace("\u00a0", " ")


def test_key_facts_render(page):
    recht = _text(page, "/waar-heb-ik-recht-op/")
    for bedrag in ("€ 250", "€ 500", "€ 125"):
        assert bedrag in recht
    assert "schooljaar" in recht.lower()

    stappen = _text(page, "/stappenplan/")
    for woord in ("Edenred", "Opleidingsdatabank", "itsme", "eID", "WSE-loket"):
        assert woord in stappen, woord
    hrefs = page.eval_on_selector_all("article a[href^='http']", "els => els.map(e => e.href)")
    for extern in ("https://www.vlaanderen.be/opleidingsdatabank", "vdab.be/trends/knelpuntberoepen",
                   "https://www.vlaanderen.be/opleidingscheques-voor-werknemers"):
        assert any(extern in h for h in hrefs), extern

    terug = _text(page, "/terugbetaling/")
    documenten = page.locator("article [data-document]")
    ids = documenten.evaluate_all("els => els.map(e => e.dataset.document)")
    for doc in ("aanvraagformulier_terugbetaling", "inschrijvings_en_betalingsbewijs",
                "bevestigingsmail_wse", "goedkeuringsmail_wse"):
        assert doc in ids
    assert "agodi.be/jojo-project" in terug
    assert "stempel" in terug.lower()
    assert "vervoer" in terug.lower() and "studiemateriaal" in terug.lower()


def test_warnings_are_visible_admonitions(page):
    page.goto("/stappenplan/")
    let_op = page.locator("article .admonition", has_text=re.compile("bewijs", re.I))
    assert let_op.first.is_visible()
    page.goto("/")
    geen_cheques = page.locator("article .admonition", has_text=re.compile("terugbetalen", re.I))
    assert geen_cheques.first.is_visible()


def test_start_page_shows_the_four_routes(phone):
    phone.goto("/")
    for doel in ("stappenplan/", "waar-heb-ik-recht-op/", "rekenhulp/", "terugbetaling/"):
        link = phone.locator(f"article a[href$='{doel}']").first
        assert link.is_visible(), doel


def test_dark_scheme_is_available(browser, base_url):
    ctx = browser.new_context(base_url=base_url, color_scheme="dark")
    page = ctx.new_page()
    page.goto("/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    ctx.close()


def test_print_hides_navigation(page):
    page.goto("/stappenplan/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert page.locator("#stap-1").is_visible()
