"""The page says what the CLI and the guide say (STYLE.md 14): one set of texts, three renderers
that only fill them in.

For every golden case the real worker answers, the page's own renderer (resultaat.js) builds the
answer, and each sentence, timeline step, label and document title it shows must be exactly the
text Python renders from calculator/teksten/ for the same ids. One page, one Python start.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from calculator import bereken
from calculator.bedragen import euro
from calculator.teksten import datum_in_woorden, teksten, vul_in
from golden import load_cases

GOED = [c for c in load_cases() if "uitvoer" in c]
T = teksten("nl")

RENDER = r"""async (invoeren) => {
  await window.rekenhulp.klaar;
  // the page's own module, under its content-hashed name (sitebuild/assets.py)
  const module = performance.getEntriesByType("resource").map((e) => e.name)
    .find((url) => /\/resultaat\.[0-9a-f]{8}\.js$/.test(url));
  const { toonResultaat } = await import(module);
  const teksten = JSON.parse(document.getElementById("rekenhulp-teksten").textContent);
  const tekst = (e) => e.textContent.replace(/\s+/g, " ").trim();
  const uit = [];
  for (const invoer of invoeren) {
    const antwoord = await window.rekenhulp.bereken(invoer);
    const sectie = document.createElement("section");
    toonResultaat(sectie, antwoord.uitvoer, { teksten, link: (pad) => pad, antwoorden: [] });
    uit.push({
      uitvoer: antwoord.uitvoer,
      waarden: Object.fromEntries([...sectie.querySelectorAll("[data-veld][data-waarde]")]
        .map((e) => [e.dataset.veld, e.dataset.waarde])),
      tekst: sectie.textContent,
      zinnen: [...sectie.querySelectorAll(".resultaat-zinnen li")].map((li) => [li.dataset.zin, tekst(li)]),
      stappen: [...sectie.querySelectorAll(".tijdlijn li")].map((li) => [li.dataset.stap, tekst(li)]),
      bedragen: [...sectie.querySelectorAll(".bedragen div")].map((d) => [
        tekst(d.querySelector("dt")), d.querySelector("dd").dataset.veld, tekst(d.querySelector("dd"))]),
      documenten: [...sectie.querySelectorAll("[data-document]")].map((li) => tekst(li)),
      waarschuwingen: [...sectie.querySelectorAll("[data-waarschuwing]")].map((li) => tekst(li)),
      regels: tekst(sectie.querySelector(".resultaat-regels")),
    });
  }
  return uit;
}"""


@pytest.fixture(scope="module")
def getoond(browser, base_url):
    ctx = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780}, locale="nl-BE")
    verzoeken = []
    ctx.on("request", lambda req: verzoeken.append(req.url))
    page = ctx.new_page()
    page.goto("/rekenhulp/")
    resultaten = page.evaluate(RENDER, [c["invoer"] for c in GOED])
    ctx.close()
    host = urlparse(base_url).hostname
    assert verzoeken and all(urlparse(u).hostname == host for u in verzoeken if u.startswith("http"))
    return resultaten


def test_every_sentence_on_the_page_is_the_python_text(getoond):
    assert len(getoond) == len(GOED)
    for case, gezien in zip(GOED, getoond):
        u = bereken(case["invoer"])
        assert gezien["uitvoer"] == u, case["name"]
        assert gezien["zinnen"] == [[id_, vul_in(T["zinnen"][id_], u)] for id_ in u["zinnen"]], case["name"]
        verwacht = []
        for id_ in u["tijdlijn"]:
            stap = T["tijdlijn"][id_]
            verwacht.append([id_, vul_in(stap["tekst"], u) + (" " + T["resultaat"]["hoe"] if "link" in stap else "")])
        assert gezien["stappen"] == verwacht, case["name"]
        assert gezien["bedragen"] == [[label, veld, euro(u[veld])] for veld, label in T["bedragen"].items()]
        assert gezien["documenten"] == [f"{T['documenten'][d]['titel']} {T['documenten'][d]['uitleg']}"
                                        for d in u["documenten"]]
        assert gezien["waarschuwingen"] == [
            f"{T['waarschuwingen'][w]['titel']}. {T['waarschuwingen'][w]['uitleg']} {T['resultaat']['meer_uitleg']}"
            for w in u["waarschuwingen"]]
        start = datum_in_woorden(dt.date.fromisoformat(u["regels"]["start"]))
        assert start in gezien["regels"]


def test_the_free_nt2_course_is_not_told_its_cap_is_reached(phone):
    """Issue 11: `/rekenhulp/?opleiding=nt2&inschrijvingsgeld=0` said 'geen opleidingscheques meer'."""
    phone.goto("/rekenhulp/?opleiding=nt2&inschrijvingsgeld=0")
    expect(phone.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=30_000)
    expect(phone.locator("#resultaat [data-zin]")).to_have_count(3)
    ids = phone.locator("#resultaat [data-zin]").evaluate_all("els => els.map(e => e.dataset.zin)")
    assert ids == ["gratis", "niets_terug", "netto_kost"]
    expect(phone.locator("#resultaat")).not_to_contain_text(T["zinnen"]["plafond_bereikt"])
    expect(phone.locator("[data-veld='beschikbaar']")).to_have_attribute("data-waarde", "250")
