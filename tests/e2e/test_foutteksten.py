"""The page words input errors from its own texts, by the code Python sends (issue 14, item 3): a
page in another language only needs another texts file. Shown here by serving /rekenhulp/ with
the text of one code changed: the page must show that text, with its values filled in."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from calculator.teksten import teksten
from formulier import vul_in

KLAAR = 60_000


def _met_teksten(page, wijzig) -> None:
    def pagina(route):
        antwoord = route.fetch()
        html = antwoord.text()
        m = re.search(r'(<script [^>]*id="rekenhulp-teksten"[^>]*>)(.*?)(</script>)', html, re.S)
        data = json.loads(m.group(2))
        wijzig(data)
        nieuw = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        route.fulfill(response=antwoord, body=html[:m.start(2)] + nieuw + html[m.end(2):])
    page.route(re.compile(r"/rekenhulp/(\?.*)?$"), pagina)


def test_an_error_is_worded_by_its_code_from_the_page_texts(phone):
    def wijzig(data):
        data["fouten"]["bedrag_tekens"] = "TEST: geen bedrag."
        data["fouten"]["bedrag_te_hoog"] = "TEST: hoogstens {maximum}."
    _met_teksten(phone, wijzig)
    phone.goto("/rekenhulp/")
    vul_in(phone, opleiding="andere", inschrijvingsgeld="veel geld", al_aangevraagd="999999")
    phone.locator("#bereken").click()
    expect(phone.locator("#fout-inschrijvingsgeld")).to_contain_text("TEST: geen bedrag.", timeout=KLAAR)
    expect(phone.locator("#fout-al_aangevraagd")).to_contain_text("TEST: hoogstens 100.000.")
    expect(phone.locator("#fouten")).to_contain_text("TEST: geen bedrag.")
    assert "Dit is geen bedrag" not in phone.locator("#fouten").inner_text()


def test_the_dutch_page_shows_the_dutch_texts(phone):
    phone.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=-5")
    expect(phone.locator("#fout-inschrijvingsgeld")).to_contain_text(
        teksten("nl")["fouten"]["bedrag_negatief"], timeout=KLAAR)
