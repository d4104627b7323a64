"""The translated calculator keeps a participant in her language, and Arabic reads from the right.

Found by the print review (issue 14): the answer's links on /en/rekenhulp/ went to the Dutch pages
(they were built from the shared runtime's root), the translation note's link said lang="nl" while
its words are in the page's language, and the Arabic form kept its radio buttons and the € sign
on the left, away from the right-aligned labels."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_vertalingen import ANDERE, KLAAR

ANTWOORD = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"


@pytest.mark.parametrize("taal", ANDERE)
def test_the_answers_links_go_to_the_pages_of_its_language(warme_pagina, base_url, taal):
    page = warme_pagina
    page.goto(f"/{taal}{ANTWOORD}")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    links = page.eval_on_selector_all("#resultaat a[href], #resultaat-acties a[href]",
                                      "(as) => as.map((a) => a.href)")
    eigen = [h for h in links if h.startswith(base_url.rstrip("/") + "/")]
    assert eigen, links  # the answer links to the refund page, the documents, ...
    for href in eigen:
        pad = href[len(base_url.rstrip("/")):]
        if pad.startswith("/assets/"):
            continue
        assert pad.startswith(f"/{taal}/"), (taal, href)
    # and they open a page that exists, in that language
    page.goto(eigen[0])
    assert page.locator("html").get_attribute("lang") == taal


@pytest.mark.parametrize("taal", ANDERE)
def test_the_translation_notes_link_is_in_the_pages_language(phone, taal):
    phone.goto(f"/{taal}/stappenplan/")
    link = phone.locator(".vertaling-melding a")
    assert link.get_attribute("hreflang") == "nl"  # it leads to Dutch
    assert link.get_attribute("lang") in (None, taal)  # its words are the page's own


def test_the_arabic_form_is_mirrored(warme_pagina):
    page = warme_pagina
    page.goto("/ar/rekenhulp/")
    expect(page.locator("#rekenhulp-formulier")).to_be_visible(timeout=KLAAR)
    keuze = page.locator(".keuze").first
    radio = keuze.locator("input[type=radio]").bounding_box()
    label = keuze.locator("label").bounding_box()
    # the radio button sits at the start of its card: the right edge in Arabic
    assert radio["x"] > label["x"] + label["width"] / 2, (radio, label)
    keuze.locator("label").click()  # the amount field shows once a kind of training is chosen
    bedrag = page.locator("#veld-inschrijvingsgeld")
    expect(bedrag.locator(".bedrag-teken")).to_be_visible()
    teken = bedrag.locator(".bedrag-teken").bounding_box()
    veld = bedrag.locator(".bedrag-invoer input").bounding_box()
    assert teken["x"] >= veld["x"] + veld["width"] - 1, (teken, veld)  # € first: on the right
