"""What Lighthouse (benchmarks/lighthouse.py, `make bench`) found on every page, checked here on
every page at 360 px so that it does not come back (issue 12, item 9):

- accessibility, aria-dialog-name: the theme's search overlay `div.md-search` is a role="dialog"
  and needs an accessible name (overrides/main.html names it; axe's own rule, as Lighthouse runs it);
- SEO, link-text: no link whose whole text is generic ("Start", "hier", "meer" ...), as
  Lighthouse's link-text audit counts them (innerText; links to the page itself, javascript: and
  mailto: links and rel=nofollow left out). The menu's and footer's link to the home page said "Start".
"""

from __future__ import annotations

from pathlib import Path

import pytest

import build_site

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/",
                                          "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"]

# Lighthouse 12's English list (core/audits/seo/link-text.js) and the Dutch words for the same.
ALGEMEEN = [
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this",
    "klik hier", "klik", "hier", "meer", "meer info", "meer informatie", "lees meer", "lees verder",
    "verder", "deze", "link", "ga", "begin",
]

LINKTEKST = """(algemeen) => [...document.querySelectorAll("a[href]")]
  .filter((a) => !(a.rel || "").includes("nofollow"))
  .filter((a) => !/^(javascript|mailto):/i.test(a.getAttribute("href")))
  .filter((a) => a.href.split("#")[0] !== location.href.split("#")[0])
  .filter((a) => algemeen.includes(a.innerText.trim().toLowerCase()))
  .map((a) => `${a.getAttribute("href")} "${a.innerText.trim()}"`)"""


@pytest.mark.parametrize("url", PAGES)
def test_the_search_dialog_has_a_name(phone, url):
    phone.goto(url)
    phone.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools: the page's CSP stays as served
    schendingen = phone.evaluate("""async () => (await axe.run(document, {
        runOnly: { type: "rule", values: ["aria-dialog-name"] }, resultTypes: ["violations"],
      })).violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))""")
    assert schendingen == []
    naam = phone.locator(".md-search[role=dialog]").get_attribute("aria-label")
    assert naam and naam.strip()


@pytest.mark.parametrize("url", PAGES)
def test_no_link_has_a_generic_text(phone, url):
    phone.goto(url)
    assert phone.evaluate(LINKTEKST, ALGEMEEN) == []
