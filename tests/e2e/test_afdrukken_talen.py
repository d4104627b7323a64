"""The print view in every language (issue 14, items 3 and 5): what a coordinator or participant
gets on paper when printing the calculator's answer, the step plan or the folder in Dutch,
English, French or Arabic.

On paper: the answer's amounts, all of them and the same as in Dutch; no navigation, language
switch, search or buttons that do nothing on paper (a hard word prints as the word, without its
"?"); on a translation the note that the Dutch text prevails, with the Dutch page's address;
nothing past the left or right edge of an A4 sheet; web addresses that read left to right (in an
Arabic sentence the bidi algorithm would otherwise print http://…/ar/ as /http://…/ar); Arabic
right to left, its paragraphs starting at the right edge. The answer and the folder each fit one
A4 sheet, as they do in Dutch. One page load per page and language; the Arabic print view is kept
as a screenshot and a PDF in test-results/talen/ (untracked).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import pytest
from playwright.sync_api import expect

import build_site
from calculator import bereken
from test_vertalingen import ANDERE, KLAAR

TALEN = ["nl"] + ANDERE
ANTWOORD = "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"
PAGINAS = {"antwoord": ANTWOORD, "stappenplan": "/stappenplan/", "folder": "/voor-coordinatoren/folder/"}
EEN_BLAD = {"antwoord", "folder"}  # promised to fit one A4 sheet (test_rekenhulp, test_coordinatoren)
# A4 minus the larger of our @page margins (12 mm, the calculator's): 186 mm at 96 px per inch
PAPIER = {"width": round(186 / 25.4 * 96), "height": 1000}
BEWAARD = Path(build_site.ROOT) / "test-results" / "talen"

VERBORGEN = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
             "nav.talen", ".voorlezen", ".stap-nav", ".md-content__button", ".headerlink",
             ".kopieer-link", "[data-afdrukken]", ".folder-afdrukken", "#rekenhulp-formulier",
             ".resultaat-acties", ".laadstatus"]

ZICHTBAAR = "(e) => { const s = getComputedStyle(e), r = e.getBoundingClientRect(); " \
            "return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; }"

AFDRUK = r"""(verborgen) => {
  const zichtbaar = """ + ZICHTBAAR + r""";
  const breedte = document.documentElement.clientWidth;
  const uit = {breedte, scroll: document.scrollingElement.scrollWidth,
               richting: getComputedStyle(document.body).direction, lang: document.documentElement.lang};
  uit.getoond = verborgen.filter((s) => [...document.querySelectorAll(s)].some(zichtbaar));
  // controls left on paper: only the hard words (buttons that print as the word)
  uit.bedieningen = [...document.querySelectorAll("button, input, select, textarea, [role=button]")]
    .filter(zichtbaar).filter((e) => !e.matches(".begrip"))
    .map((e) => e.outerHTML.slice(0, 100));
  uit.begrippen = [...document.querySelectorAll(".begrip")].filter(zichtbaar).filter((e) => {
    const s = getComputedStyle(e), na = getComputedStyle(e, "::after");
    return (na.content !== "none" && na.content !== "normal") || s.backgroundImage !== "none"
      || parseFloat(s.borderTopWidth) > 0 || s.backgroundColor !== "rgba(0, 0, 0, 0)";
  }).map((e) => e.textContent);
  uit.uitleg_open = [...document.querySelectorAll(".begrip-uitleg")].filter(zichtbaar).length;
  // nothing past the sheet's left or right edge
  uit.buiten = [...document.querySelectorAll("body *")].filter(zichtbaar).map((e) => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.left < -0.5 || r.right > breedte + 0.5)
    .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  // the answer's amounts
  const velden = [...document.querySelectorAll("#resultaat [data-veld][data-waarde]")];
  uit.velden = velden.length;
  uit.waarden = Object.fromEntries(velden.filter(zichtbaar).map((e) => [e.dataset.veld, e.dataset.waarde]));
  // the note on a translation and the address its link prints
  const melding = document.querySelector(".vertaling-melding");
  uit.melding = melding && zichtbaar(melding) ? melding.textContent.replace(/\s+/g, " ").trim() : null;
  const naarNl = melding && melding.querySelector("a[hreflang=nl]");
  uit.naar_nl = naarNl ? {adres: naarNl.dataset.adres || null, na: getComputedStyle(naarNl, "::after").content} : null;
  // web links print their address (as the Dutch print view does), except in the answer and
  // where the link's text is the address
  uit.adressen = [...document.querySelectorAll("article a[href^='http']")].filter(zichtbaar)
    .filter((a) => !a.closest(".resultaat") && a.textContent.trim() !== a.getAttribute("href"))
    .map((a) => [a.getAttribute("href"), getComputedStyle(a, "::after").content]);
  // every address written in the text reads left to right, character after character
  uit.omgekeerd = [];
  const lopers = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let n = lopers.nextNode(); n; n = lopers.nextNode()) {
    if (!zichtbaar(n.parentElement)) continue;
    for (const m of n.data.matchAll(/(?:https?:\/\/|www\.)[^\s()<>]*[^\s()<>.,;:!?]/g)) {
      const bereik = document.createRange();
      let vorige = null;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        bereik.setStart(n, i); bereik.setEnd(n, i + 1);
        const r = bereik.getBoundingClientRect();
        if (!r.width) continue;
        if (vorige && Math.abs(r.top - vorige.top) < 2 && r.left < vorige.left - 0.5) {
          uit.omgekeerd.push(m[0]); break;
        }
        vorige = r;
      }
    }
  }
  // where each paragraph's first line starts: it hugs the start edge (the right one in Arabic)
  uit.alinea = [...document.querySelectorAll("article p")].filter(zichtbaar)
    .filter((p) => p.textContent.trim().length > 20 && !p.closest(".md-typeset .handout-kaart, figure"))
    .map((p) => {
      const rs = [...(() => { const b = document.createRange(); b.selectNodeContents(p); return b.getClientRects(); })()];
      if (!rs.length) return null;
      const regel = rs.filter((r) => Math.abs(r.top - rs[0].top) < 2);
      const s = getComputedStyle(p), box = p.getBoundingClientRect();
      return {tekst: p.textContent.trim().slice(0, 40),
              links: Math.min(...regel.map((r) => r.left)) - (box.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth)),
              rechts: (box.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth)) - Math.max(...regel.map((r) => r.right))};
    }).filter(Boolean);
  return uit;
}"""


def _open_afdruk(page, taal: str, url: str):
    page.set_viewport_size(PAPIER)
    page.goto(("" if taal == "nl" else f"/{taal}") + url)
    if url == ANTWOORD:
        expect(page.locator("#resultaat [data-veld][data-waarde]").first).to_be_attached(timeout=KLAAR)
    elif url == PAGINAS["stappenplan"]:
        # one hard word's explanation opened, as a reader may leave it before printing
        page.locator("button.begrip").first.click()
        expect(page.locator(".begrip-uitleg:not([hidden])")).to_have_count(1)
    page.emulate_media(media="print")
    return page.evaluate(AFDRUK, VERBORGEN)


def _bladen(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


NATIEF = bereken({k: v for k, v in parse_qsl(urlparse(ANTWOORD).query)})


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("taal", TALEN)
def test_the_print_view_in_every_language(warme_desktop, taal, naam):
    page = warme_desktop
    url = PAGINAS[naam]
    uit = _open_afdruk(page, taal, url)
    waar = f"/{taal}{url} (print)"

    assert uit["lang"] == taal, waar
    assert uit["richting"] == ("rtl" if taal == "ar" else "ltr"), waar
    assert not uit["getoond"], f"{waar}: on paper but useless there: {uit['getoond']}"
    assert not uit["bedieningen"], f"{waar}: controls on paper: {uit['bedieningen']}"
    assert not uit["begrippen"], f"{waar}: hard words print as buttons: {uit['begrippen']}"
    assert uit["scroll"] <= uit["breedte"], f"{waar}: {uit['scroll']} px wide on a {uit['breedte']} px sheet"
    assert not uit["buiten"], f"{waar}: past the sheet's edge: {uit['buiten'][:5]}"
    assert not uit["omgekeerd"], f"{waar}: addresses that do not read left to right: {uit['omgekeerd']}"

    if naam == "stappenplan":
        assert uit["uitleg_open"] == 1, f"{waar}: the opened explanation is not on paper"

    # the answer: every amount, the calculator's own values (the Dutch page's, in every language)
    if naam == "antwoord":
        assert uit["velden"] and len(uit["waarden"]) == uit["velden"], f"{waar}: amounts missing on paper"
        for veld, waarde in uit["waarden"].items():
            assert float(waarde) == float(NATIEF[veld]), (waar, veld)

    # the note that the Dutch text prevails, with the Dutch page's address on paper
    site = json.loads((Path(build_site.ROOT) / "talen" / taal / "site.json").read_text(encoding="utf-8"))
    if taal == "nl":
        assert uit["melding"] is None, waar
    else:
        voorrang = re.sub(r"\s+", " ", site["taal"]["voorrang"]).strip()
        assert uit["melding"] and voorrang in uit["melding"], f"{waar}: no note that the Dutch text prevails"
        adres = uit["naar_nl"]["adres"]
        assert adres and urlparse(adres).scheme in ("http", "https"), waar
        assert urlparse(adres).path.endswith(urlparse(url).path), (waar, adres)
        assert adres in uit["naar_nl"]["na"], f"{waar}: the Dutch page's address is not printed"

    # web links print their address, as in Dutch
    for href, na in uit["adressen"]:
        assert href in na, f"{waar}: the link to {href} does not print its address"

    # paragraphs start at the start edge: the right one in Arabic
    kant = "rechts" if taal == "ar" else "links"
    scheef = [a["tekst"] for a in uit["alinea"] if a[kant] > 1.5]
    assert not scheef, f"{waar}: paragraphs not starting at the {kant} edge: {scheef[:3]}"

    # one A4 sheet where Dutch promises it; the Arabic print view kept for a person to look at
    if naam in EEN_BLAD or taal == "ar":
        pdf = page.pdf(format="A4", print_background=True)
        if naam in EEN_BLAD:
            assert _bladen(pdf) == 1, f"{waar}: {_bladen(pdf)} A4 sheets"
        if taal == "ar":
            BEWAARD.mkdir(parents=True, exist_ok=True)
            (BEWAARD / f"ar-afdruk-{naam}.pdf").write_bytes(pdf)
            page.screenshot(path=str(BEWAARD / f"ar-afdruk-{naam}.png"), full_page=True)
