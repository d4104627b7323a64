"""A strict Content-Security-Policy on every page, and not one violation of it while the page
(and the theme's scripts, the search, the calculator) does its work."""

from __future__ import annotations

import pytest

import build_site
from formulier import vul_in

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]
PYTHON_PAGINAS = {"/rekenhulp/", "/voor-coordinatoren/controle/"}

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _policy(page) -> dict[str, str]:
    content = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    return {d.split()[0]: d.split(" ", 1)[1] if " " in d else "" for d in
            (part.strip() for part in content.split(";"))}


@pytest.mark.parametrize("url", PAGES)
def test_page_has_a_strict_policy_and_no_violation(page, url):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(LISTEN)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    policy = _policy(page)
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    # only the two pages that run Python may compile WebAssembly: the calculator and the list check
    assert ("'wasm-unsafe-eval'" in policy["script-src"]) == (url in PYTHON_PAGINAS)
    assert page.evaluate("window.__cspViolations") == []
    assert errors == []


def test_search_still_works_under_the_policy(page):
    page.add_init_script(LISTEN)
    page.goto("/")
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    zoekveld = page.locator("input.md-search__input")
    zoekveld.click()
    zoekveld.press_sequentially("Edenred", delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert page.evaluate("window.__cspViolations") == []


def test_injected_inline_script_is_blocked(page):
    """The policy really bites: an inline script that is not ours does not run."""
    page.goto("/stappenplan/")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__geinjecteerd = true'; document.body.append(s); }""")
    assert page.evaluate("window.__geinjecteerd === undefined")


def test_calculator_computes_under_the_policy(page):
    """Python boots, computes and the result is rendered, with the policy in force and not one
    violation: from a shared link, and again from the form."""
    from playwright.sync_api import expect

    meldingen = []
    page.on("console", lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(LISTEN)
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    expect(page.locator("#resultaat[data-route='cheques'] [data-veld='chequebedrag']")).to_have_text(
        "€ 250,00", timeout=30_000)
    vul_in(page, opleiding="nt2", inschrijvingsgeld="90")
    page.click("#bereken")
    expect(page.locator("[data-veld='overheid']")).to_have_attribute("data-waarde", "90")
    assert "'wasm-unsafe-eval'" in _policy(page)["script-src"]
    assert page.evaluate("window.__cspViolations") == []
    assert meldingen == []
