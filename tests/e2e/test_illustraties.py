"""Every step and annex shows its drawing on a phone: it loads, it has alt text that says what
to do, it fits a 360 px screen and a tap opens it large."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import build_site

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]


@pytest.mark.parametrize("url", PAGES)
def test_images_load_have_alt_text_and_fit_the_phone(phone, url):
    phone.goto(url)
    images = phone.locator("article img")
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        img.evaluate("el => el.decode()")  # lazy images load when scrolled into view
        assert img.evaluate("el => el.complete && el.naturalWidth > 0"), img.get_attribute("src")
        alt = (img.get_attribute("alt") or "").strip()
        assert len(alt) > 20, f"{img.get_attribute('src')} has no useful alt text"
        box = img.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360


def test_every_step_has_its_drawing(phone):
    phone.goto("/stappenplan/")
    for anchor in build_site.CONTRACT_URLS["/stappenplan/"]:
        src = phone.locator(f"#{anchor} ~ figure.illustratie img").first.get_attribute("src")
        assert src.endswith(f"illustraties/{anchor}.svg"), (anchor, src)


@pytest.mark.parametrize("annex", ["bevestigingsmail", "goedkeuringsmail", "inschrijvingsbewijs"])
def test_every_annex_shows_an_example_document(phone, annex):
    phone.goto(f"/bijlagen/{annex}/")
    figure = phone.locator("figure.illustratie")
    assert figure.locator("img").get_attribute("src").endswith(f"bijlage-{annex}.svg")
    assert "Voorbeeld" in figure.locator("figcaption").inner_text()


def test_tapping_a_drawing_opens_it_large(phone):
    """In a dialog over the page (tests/e2e/test_vergroten.py); without JavaScript the SVG itself."""
    phone.goto("/stappenplan/#stap-3c")
    link = phone.locator("#stap-3c ~ figure.illustratie a").first
    link.click()
    groot = phone.get_by_role("dialog").locator("img")
    expect(groot).to_be_visible()
    assert groot.get_attribute("src").endswith("illustraties/stap-3c.svg")
    assert groot.bounding_box()["width"] > link.locator("img").bounding_box()["width"]


def test_annexes_are_linked_from_their_steps(page):
    page.goto("/stappenplan/")
    for stap, annex in (("stap-4", "bevestigingsmail"), ("stap-5", "goedkeuringsmail")):
        hrefs = page.locator(f"#{stap} ~ *").evaluate_all(
            "els => els.flatMap(e => [...e.querySelectorAll('a')].map(a => a.href))")
        assert any(h.endswith(f"/bijlagen/{annex}/") for h in hrefs), stap
    page.goto("/terugbetaling/")
    hrefs = page.eval_on_selector_all("article a", "els => els.map(a => a.href)")
    assert any(h.endswith("/bijlagen/inschrijvingsbewijs/") for h in hrefs)
