"""Coordinators hand out links: every deep link is listed, its QR code scans to exactly that
link, the copy button copies it, and the folder prints on one A4 sheet."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

import build_site


def _contract_paths():
    """Every URL and anchor of the contract, and each other language's start page (issue 14)."""
    from sitebuild.talen import other_codes
    return [u for u in build_site.CONTRACT_URLS] + [
        f"{u}#{a}" for u, anchors in build_site.CONTRACT_URLS.items() for a in anchors] + [
        f"/{taal}/" for taal in other_codes()]


def _decode(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_every_deep_link_is_listed_with_a_qr_code_that_scans_to_it(page):
    page.goto("/voor-coordinatoren/")
    items = page.locator("li.deeplink")
    urls = items.locator("[data-kopieer]").evaluate_all("els => els.map(e => e.dataset.kopieer)")
    paths = ["/" + u.split("/", 3)[3] for u in urls]
    assert sorted(paths) == sorted(_contract_paths())
    for i in range(items.count()):
        item = items.nth(i)
        verwacht = item.locator("[data-kopieer]").get_attribute("data-kopieer")
        assert _decode(item.locator(".deeplink-qr svg").screenshot()) == [verwacht]
        assert item.locator(".deeplink-qr svg").get_attribute("aria-label").endswith(verwacht)


@pytest.mark.parametrize("taal", ["nl", "en", "fr", "ar"])
def test_copy_button_puts_the_link_on_the_clipboard(browser, base_url, requests_seen, taal):
    """In the page's language: the button says it copied, the status line names the link, and
    the button gets its own words back (it once said Dutch words on every translated page)."""
    import json
    teksten = json.loads((build_site.ROOT / "talen" / taal / "site.json").read_text(encoding="utf-8"))
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    ctx.on("request", lambda req: requests_seen.append(req.url))
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = ctx.new_page()
    page.clock.install()
    page.goto("/voor-coordinatoren/" if taal == "nl" else f"/{taal}/voor-coordinatoren/")
    knop = page.locator("li.deeplink [data-kopieer$='/stappenplan/#stap-3b']")
    label = knop.inner_text()
    assert label == teksten["sjablonen"]["kopieer_link"]
    verwacht = knop.get_attribute("data-kopieer")
    knop.click()
    # (a locator wait, not wait_for_function: the page's CSP forbids the eval its polling needs)
    expect(page.locator(".kopieer-status")).to_have_text(teksten["kopieren"]["gelukt"].replace("{link}", verwacht))
    assert page.evaluate("navigator.clipboard.readText()") == verwacht
    assert knop.inner_text() == teksten["kopieren"]["gekopieerd"]
    page.clock.run_for(3100)
    assert knop.inner_text() == label
    ctx.close()


def test_folder_prints_on_one_a4_sheet_with_a_qr_per_step(page):
    page.goto("/voor-coordinatoren/folder/")
    kaarten = page.locator(".handout-kaart")
    stappen = [f"/stappenplan/#{a}" for a in build_site.CONTRACT_URLS["/stappenplan/"]]
    teksten = kaarten.locator(".handout-url").all_inner_texts()
    for stap in stappen:
        assert any(t.endswith(stap) for t in teksten), stap
    page.emulate_media(media="print")
    assert not page.locator("[data-afdrukken]").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "the folder does not fit one A4 page"


@pytest.mark.parametrize("url", ["/voor-coordinatoren/", "/voor-coordinatoren/folder/"])
def test_coordinator_pages_fit_a_phone(phone, url):
    phone.goto(url)
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360


def test_prefilled_calculator_examples_are_whole_addresses_that_open_the_answer(page):
    """A bare '/rekenhulp/?…' could not be pasted into a chat message as a link: each example is
    the site's whole address, and it opens the calculator with that answer."""
    from urllib.parse import urlsplit
    page.goto("/voor-coordinatoren/")
    voorbeelden = page.locator("article code").filter(has_text="rekenhulp/?").all_text_contents()
    assert len(voorbeelden) >= 4
    for tekst in voorbeelden:
        adres = urlsplit(tekst)
        assert adres.scheme in ("http", "https") and adres.netloc and adres.path.endswith("/rekenhulp/"), tekst
    page.goto("/rekenhulp/?" + urlsplit(voorbeelden[0]).query)
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "250", timeout=90_000)
