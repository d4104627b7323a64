"""Browser fixtures: phone-sized pages, warm calculator contexts shared by a module, and a guard
that fails any test whose page talks to anything but our own local server (no CDN, no fonts, no
analytics).

Starting Python cold costs seconds per page; most calculator tests are about the answer, not the
loading. `warme_context(**context_args)` gives a context (one per set of arguments, shared by
the whole session) whose /rekenhulp/ has started once and kept its memory snapshot, so every page
opened in it afterwards restores Python from that snapshot (what a returning visitor gets) instead
of starting it cold. Each test opens its own page in it and closes it. Tests of loading,
first visits, offline, timeouts, CSP and the privacy of a fresh context keep their own contexts.

The `page`, `context` and `phone` fixtures block service workers: on a first visit none controls
the page anyway, and each fresh context would otherwise store the whole guide in the background
(80 requests and their cache writes while the test runs, a quarter of a suite's requests). The
tests of offline, storage, privacy, one build per page view and loading make their own contexts
with the service worker on, as a visitor's browser has it.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

PHONE = {
    "viewport": {"width": 360, "height": 780},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "nl-BE",
}

# Layout shifts as the browser counts them for CLS (not those right after a user's input), each
# with the text of what moved, so a failure says where.
VERSCHUIVINGEN = """() => new Promise((klaar) => {
  const gezien = [];
  new PerformanceObserver((lijst) => { gezien.push(...lijst.getEntries()); })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => klaar(gezien.filter((e) => !e.hadRecentInput).map((e) => ({
    waarde: e.value, wat: e.sources.map((s) => (s.node && s.node.textContent || '').trim().slice(0, 40))}))), 500);
})"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-BE", "service_workers": "block"}


@pytest.fixture
def requests_seen():
    return []


class GedeeldeVerzoeken:
    """The request listener of contexts that outlive a test (module or session scope): each request
    goes to the origin guard of the test running now; one made between tests (a module fixture
    warming up) goes to the next test's guard."""

    def __init__(self):
        self.lijst: list[str] | None = None
        self.wachtend: list[str] = []

    def __call__(self, req) -> None:
        (self.lijst if self.lijst is not None else self.wachtend).append(req.url)

    def luister(self, context) -> None:
        context.on("request", self)


def _vreemd(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).hostname not in ("127.0.0.1", "localhost")]


@pytest.fixture(scope="session")
def gedeelde_verzoeken() -> GedeeldeVerzoeken:
    verzoeken = GedeeldeVerzoeken()
    yield verzoeken
    vreemd = _vreemd(verzoeken.wachtend)  # made after the last test by a shared context
    assert not vreemd, f"requests to another origin: {vreemd[:5]}"


@pytest.fixture(autouse=True)
def _only_our_origin(request, requests_seen, controles, gedeelde_verzoeken):
    """Records every request of the test's browser context(s), the shared ones included; fails on
    any other host."""
    requests_seen.extend(gedeelde_verzoeken.wachtend)
    gedeelde_verzoeken.wachtend.clear()
    gedeelde_verzoeken.lijst = requests_seen
    yield
    gedeelde_verzoeken.lijst = None
    controles["verzoeken_bewaakt"] += len(requests_seen)
    vreemd = _vreemd(requests_seen)
    assert not vreemd, f"requests to another origin: {vreemd[:5]}"


@pytest.fixture
def context(context, requests_seen):
    context.on("request", lambda req: requests_seen.append(req.url))
    return context


@pytest.fixture
def phone(browser, base_url, requests_seen):
    """A page in a 360 px wide phone context (the narrowest screen we promise to support)."""
    ctx = browser.new_context(base_url=base_url, service_workers="block", **PHONE)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    yield page
    ctx.unroute_all(behavior="ignoreErrors")  # a handler still running must not fail the next test
    ctx.close()


# ---------------------------------------------------------------- warm calculator contexts

KLAAR = 60_000  # ms: Python's first, cold start in a context (a loaded CI machine gets more)
SNAPSHOT_BEWAARD = """async () => { for (let i = 0; i < 600; i++) {
  if (await caches.has('rekenhulp-snapshot') && (await (await caches.open('rekenhulp-snapshot')).keys()).length)
    return true;
  await new Promise((r) => setTimeout(r, 100)); } return false; }"""


def warm_op(context) -> None:
    """Start the calculator once in `context` and wait until its worker kept the memory snapshot
    (5 s after the last question): later pages of the context restore Python from it."""
    page = context.new_page()
    page.goto("/rekenhulp/")
    page.evaluate("() => window.rekenhulp.klaar")
    assert page.evaluate(SNAPSHOT_BEWAARD), "the calculator kept no memory snapshot"
    page.close()


@pytest.fixture(scope="session")
def warme_context(browser, base_url, gedeelde_verzoeken):
    """warme_context(**context_args) -> a context (one per set of arguments, for the session) in
    which the calculator has started once. Service workers are blocked: pages and Python's files
    come from the server or the HTTP cache, every request is seen by the origin guard. Keep the
    colour scheme a context argument: the theme remembers the scheme in localStorage."""
    contexten: dict[str, object] = {}

    def maak(**context_args):
        sleutel = json.dumps(context_args, sort_keys=True)
        if sleutel not in contexten:
            context = browser.new_context(base_url=base_url, service_workers="block", **context_args)
            gedeelde_verzoeken.luister(context)
            warm_op(context)
            contexten[sleutel] = context
        return contexten[sleutel]

    yield maak
    for context in contexten.values():
        context.close()


@pytest.fixture
def warme_pagina(warme_context):
    """A new page in the warm phone context; what it opens of /rekenhulp/ restores Python from the
    snapshot. Closed after the test (its emulation, routes and focus go with it)."""
    page = warme_context(**PHONE).new_page()
    yield page
    page.close()


@pytest.fixture
def warme_desktop(warme_context):
    """A new page in the warm desktop context (the browser's default 1280 x 720 window, like
    pytest-playwright's `page`)."""
    page = warme_context(locale="nl-BE").new_page()
    yield page
    page.close()


def wacht_op_klaar(page, timeout: int = KLAAR) -> None:
    expect(page.locator("#rekenhulp-vak")).to_have_attribute("data-toestand", "klaar", timeout=timeout)


# ---------------------------------------------------------------- summary of the checks (issue 6)

def _leeg_verslag() -> dict:
    return {
        "verzoeken_bewaakt": 0,     # requests seen by the origin guard, all tests together
        "axe_runs": 0, "axe_paginas": set(), "axe_viewports": set(), "axe_thema_s": set(),
        "axe_toestanden": set(), "axe_donker_volledig": 0, "axe_wcag_fouten": 0, "axe_best_practice": {}, "axe_uitgezonderd": {},
        "privacy_paginas": 0, "privacy_verzoeken": 0,
        "vijandig_url": 0, "vijandig_formulier": 0, "vijandig_fuzz": 0,
        "focus_stops": 0,
    }


@pytest.fixture(scope="session")
def controles(samenvatting) -> dict:
    """Counters the accessibility, privacy and hostile-input tests fill in for the end-of-run summary
    (printed by tests/conftest.py, which also adds up those of parallel workers)."""
    return samenvatting("controles", _leeg_verslag)
