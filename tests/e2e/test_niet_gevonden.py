"""The Dutch 404 page (issue 12, item 7): it says in Dutch that the page does not exist and links
to the start page, the steps and the calculator, online and offline; offline, an address without
its trailing slash (/stappenplan) opens the page with it, as the host's redirect does online."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_offline import PHONE, SW_KLAAR, WACHT_OP_CACHE, eigen_server, lijst

DOELEN = {"/": "Opleidingscheques", "/stappenplan/": "Stappenplan", "/rekenhulp/": "Rekenhulp"}


def _controleer_404(page, breedte=360):
    expect(page.locator("article h1")).to_have_text("Deze pagina bestaat niet")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().startswith("Pagina niet gevonden")
    assert "Not found" not in page.locator("body").inner_text()
    hrefs = page.locator("article a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    assert {h.replace("/.", "/") for h in hrefs} >= set(DOELEN), hrefs
    assert page.evaluate("document.scrollingElement.scrollWidth") <= breedte


@pytest.mark.parametrize("adres", ["/bestaat-niet/", "/stappenplan/stap-9/oud/", "/rekenhulp/oud.html"])
def test_an_unknown_address_shows_the_dutch_404_page(phone, adres):
    antwoord = phone.goto(adres)
    assert antwoord.status == 404
    _controleer_404(phone)
    assert phone.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1


@pytest.mark.parametrize("doel", list(DOELEN))
def test_its_links_work_from_any_depth(phone, doel):
    phone.goto("/stappenplan/stap-9/oud/")
    link = phone.locator("article a").nth(list(DOELEN).index(doel))
    link.click()
    phone.wait_for_load_state()
    assert phone.evaluate("location.pathname") == doel
    expect(phone.locator("article h1").first).to_be_visible()


def test_offline_the_404_page_and_addresses_without_a_slash(browser, site_dir, requests_seen):
    with eigen_server(site_dir) as (server, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        page.goto("/")
        assert page.evaluate(SW_KLAAR).endswith("/sw.js")
        assert page.evaluate(WACHT_OP_CACHE, ["gids-", len(lijst(site_dir, "PAGINAS"))]) > 0
        # online, the host redirects
        page.goto("/stappenplan")
        assert page.evaluate("location.pathname") == "/stappenplan/"
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)

    page.goto("/bestaat-niet/")
    _controleer_404(page)
    page.locator("article a", has_text="rekenhulp").click()
    page.wait_for_load_state()
    assert page.evaluate("location.pathname") == "/rekenhulp/"

    page.goto("/stappenplan")
    assert page.evaluate("location.pathname") == "/stappenplan/"
    expect(page.locator("article h1").first).not_to_have_text("Deze pagina bestaat niet")
    expect(page.locator("#stap-1")).to_be_attached()
    # the page's own (relative) styles and drawings load from its real folder
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")

    page.goto("/bijlagen/goedkeuringsmail#voorbeeld")
    assert page.evaluate("location.pathname + location.hash") == "/bijlagen/goedkeuringsmail/#voorbeeld"
    page.goto("/terugbetaling?van=folder")
    assert page.evaluate("location.pathname + location.search") == "/terugbetaling/?van=folder"
    expect(page.locator("article h1").first).not_to_have_text("Deze pagina bestaat niet")

    page.goto("/bestaat-niet")  # no slash and still unknown: the 404 page
    _controleer_404(page)
    context.close()
