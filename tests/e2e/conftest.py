"""Browser fixtures: phone-sized pages, and a guard that fails any test whose page talks to
anything but our own local server (no CDN, no fonts, no analytics)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

PHONE = {
    "viewport": {"width": 360, "height": 780},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "nl-BE",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-BE"}


@pytest.fixture
def requests_seen():
    return []


@pytest.fixture(autouse=True)
def _only_our_origin(request, requests_seen, controles):
    """Records every request of the test's browser context(s); fails on any other host."""
    yield
    controles["verzoeken_bewaakt"] += len(requests_seen)
    vreemd = [u for u in requests_seen if urlparse(u).scheme in ("http", "https", "ws", "wss")
              and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert not vreemd, f"requests to another origin: {vreemd[:5]}"


@pytest.fixture
def context(context, requests_seen):
    context.on("request", lambda req: requests_seen.append(req.url))
    return context


@pytest.fixture
def phone(browser, base_url, requests_seen):
    """A page in a 360 px wide phone context (the narrowest screen we promise to support)."""
    ctx = browser.new_context(base_url=base_url, **PHONE)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    yield page
    ctx.close()


# ---------------------------------------------------------------- summary of the checks (issue 6)

_CONTROLES = pytest.StashKey[dict]()


def _leeg_verslag() -> dict:
    return {
        "verzoeken_bewaakt": 0,     # requests seen by the origin guard, all tests together
        "axe_runs": 0, "axe_paginas": set(), "axe_viewports": set(), "axe_thema_s": set(),
        "axe_toestanden": set(), "axe_wcag_fouten": 0, "axe_best_practice": {}, "axe_uitgezonderd": {},
        "privacy_paginas": 0, "privacy_verzoeken": 0,
        "vijandig_url": 0, "vijandig_formulier": 0, "vijandig_fuzz": 0,
        "focus_stops": 0,
    }


@pytest.fixture(scope="session")
def controles(pytestconfig) -> dict:
    """Counters the accessibility, privacy and hostile-input tests fill in for the end-of-run summary."""
    return pytestconfig.stash.setdefault(_CONTROLES, _leeg_verslag())


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    c = config.stash.get(_CONTROLES, None)
    if not c:
        return
    w = terminalreporter
    w.section("toegankelijkheid, privacy en vijandige invoer (issue 6)")
    if c["axe_runs"]:
        w.line(f"axe-core: {len(c['axe_paginas'])} pagina's x {len(c['axe_viewports'])} schermen "
               f"({', '.join(sorted(c['axe_viewports']))}) x {len(c['axe_thema_s'])} thema's "
               f"({', '.join(sorted(c['axe_thema_s']))}), toestanden: {', '.join(sorted(c['axe_toestanden']))}"
               f" = {c['axe_runs']} runs; WCAG 2.0/2.1 A/AA (+ 2.2 doelgrootte)-schendingen: {c['axe_wcag_fouten']}")
        bp = c["axe_best_practice"]
        w.line("axe best-practice-schendingen: " + (", ".join(f"{k} x{v}" for k, v in sorted(bp.items())) or "geen"))
        uit = c["axe_uitgezonderd"]
        if uit:
            w.line("axe uitzonderingen (thema, zie test_a11y.UITZONDERINGEN): "
                   + ", ".join(f"{k} x{v}" for k, v in sorted(uit.items())))
    if c["focus_stops"]:
        w.line(f"toetsenbord: {c['focus_stops']} focusstops met zichtbare focus gecontroleerd")
    if c["privacy_paginas"]:
        w.line(f"privacy: {c['privacy_paginas']} pagina's, {c['privacy_verzoeken']} verzoeken opgenomen, "
               "alle naar de eigen server; geen cookies; bewaard: alleen de kleurkeuze van het thema "
               "en de offline kopie van de site, nooit antwoorden")
    w.line(f"verzoeken bewaakt door de oorsprong-wacht (alle e2e-tests): {c['verzoeken_bewaakt']}")
    vijandig = c["vijandig_url"] + c["vijandig_formulier"] + c["vijandig_fuzz"]
    if vijandig:
        w.line(f"vijandige invoer: {c['vijandig_url']} via de URL, {c['vijandig_formulier']} in het formulier, "
               f"{c['vijandig_fuzz']} fuzz-verzoeken naar de worker = {vijandig}")
