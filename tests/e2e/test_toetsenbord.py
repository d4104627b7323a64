"""Keyboard only, and what a screen-reader, zoom or motion-sensitive user relies on: the whole
calculator with Tab, arrow keys, Space and Enter; the result announced and focused; errors tied to
their fields and summarised with links; a visible focus on every tab stop; no sideways scrolling
at 200 % and 400 % zoom; no motion with prefers-reduced-motion."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

KLAAR = 30_000  # ms for Python to boot in the worker
MAX_STOPS = 250

# Where the focused element is and whether it shows that it has the focus. The indicator may be
# on the element, on its <label> (our radio cards), or on the next <label> (the theme's palette
# switch: a hidden radio before its icon). Focus inside the open search counts as shown: the
# whole search box opens around it. The walks run with reduced motion, so what is measured is the
# end state (the phone drawer slid in), not a frame of a transition.
FOCUS = """async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const ring = (x) => { const s = getComputedStyle(x);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
  const dragers = [e, ...(e.labels ? [...e.labels] : [])];
  if (e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL') dragers.push(e.nextElementSibling);
  const zoekOpen = !!e.closest('.md-search') && document.getElementById('__search').checked;
  const opScherm = (x) => {
    if (!x.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = x.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
    const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const cy = Math.min(Math.max(r.top + Math.min(r.height, 20) / 2, 0), innerHeight - 1);
    const bovenop = document.elementFromPoint(cx, cy);
    return !!bovenop && (x.contains(bovenop) || bovenop.contains(x));
  };
  const zichtbaar = dragers.some(opScherm);
  const naam = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return {
    wie: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${naam}"`,
    sleutel: e.id || `${e.tagName}:${naam}:${[...document.querySelectorAll(e.tagName)].indexOf(e)}`,
    zichtbaar,
    indicator: zoekOpen || dragers.some((x) => opScherm(x) && ring(x)),
  };
}"""


def gefocust(page) -> str:
    return page.evaluate("document.activeElement.id")


def focus_stop(page) -> dict | None:
    """FOCUS, asked again for a moment when it fails: the theme opens its search box a few
    milliseconds after the search field got the focus."""
    for _ in range(5):
        stop = page.evaluate(FOCUS)
        if stop is None or (stop["zichtbaar"] and stop["indicator"]):
            return stop
        page.wait_for_timeout(100)
    return stop


def tab_tot(page, doel: str, controles=None, toets: str = "Tab") -> list[dict]:
    """Press Tab until the element with id `doel` has the focus; every stop on the way must show it."""
    onderweg = []
    for _ in range(MAX_STOPS):
        page.keyboard.press(toets)
        stop = focus_stop(page)
        if stop is None:
            continue
        onderweg.append(stop)
        assert stop["zichtbaar"] and stop["indicator"], f"focus not visible on {stop['wie']}"
        if controles is not None:
            controles["focus_stops"] += 1
        if gefocust(page) == doel:
            return onderweg
    raise AssertionError(f"#{doel} never got the focus with {toets}")


def waarden(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '#resultaat [data-waarde]')].map((e) => [e.dataset.veld, e.dataset.waarde]))""")


@pytest.fixture
def rekenhulp(warme_desktop):
    """/rekenhulp/ with Python ready, in a page of the warm desktop context (conftest.py)."""
    page = warme_desktop
    page.emulate_media(reduced_motion="reduce")
    page.goto("/rekenhulp/")
    page.evaluate("() => window.rekenhulp.klaar")
    return page


# ---------------------------------------------------------------- the calculator, keys only

def test_whole_calculator_with_the_keyboard_only(rekenhulp, controles):
    page = rekenhulp
    tab_tot(page, "opleiding-secundair", controles)  # nothing chosen yet: Tab enters on the first
    for _ in range(10):
        if page.locator("#opleiding-graduaat_bachelor").is_checked():
            break
        page.keyboard.press("ArrowDown")  # arrow keys move and choose within the group
    expect(page.locator("#opleiding-graduaat_bachelor")).to_be_checked()
    expect(page.locator("#opleiding-graduaat_bachelor")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.locator("#inschrijvingsgeld")).to_be_focused()
    page.keyboard.type("1.234,50")
    page.keyboard.press("Tab")
    expect(page.locator("#al_aangevraagd")).to_be_focused()
    page.keyboard.type("100")

    page.keyboard.press("Tab")
    expect(page.locator("#aanvaardt_cheques-ja")).to_be_focused()  # the checked one of the group
    page.keyboard.press("ArrowRight")
    expect(page.locator("#aanvaardt_cheques-nee")).to_be_checked()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#aanvaardt_cheques-ja")).to_be_checked()

    page.keyboard.press("Tab")
    expect(page.locator("#aanvraag_geweigerd-nee")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#aanvraag_geweigerd-nee")).to_be_checked()

    page.keyboard.press("Tab")
    expect(page.locator("#bereken")).to_be_focused()
    page.keyboard.press("Enter")

    resultaat = page.locator("#resultaat")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    expect(resultaat).to_have_attribute("aria-live", "polite")
    expect(resultaat).to_have_attribute("aria-labelledby", "resultaat-titel")
    titel = page.locator("#resultaat-titel")
    expect(titel).to_be_focused()  # a screen reader starts reading at the result's heading
    stop = focus_stop(page)
    assert stop["zichtbaar"] and stop["indicator"], "the focused result heading shows no focus"
    gezien = waarden(page)
    assert (gezien["maximum"], gezien["chequebedrag"], gezien["eigen_bijdrage"], gezien["terugbetaling"]) \
        == ("500", "400", "200", "1034.5")

    # the actions after the result are reachable and work with Enter/Space too
    tab_tot(page, "kopieer-link", controles)
    page.keyboard.press("Enter")  # copied, or (no clipboard here) the link selected in a field
    expect(page.locator("#kopieer-status:not(:empty), #kopieer-handmatig:not([hidden])")).to_have_count(1)


def test_errors_are_tied_to_their_fields_and_summarised(rekenhulp, controles):
    page = rekenhulp
    tab_tot(page, "inschrijvingsgeld", controles)  # skips the radio group: no opleiding chosen
    page.keyboard.type("veel geld")
    page.keyboard.press("Tab")
    page.keyboard.type("-5")
    page.keyboard.press("Enter")  # submits the form from a text field

    fouten = page.locator("#fouten")
    expect(fouten.locator("li")).to_have_count(3, timeout=KLAAR)
    expect(fouten).to_have_attribute("role", "alert")
    expect(fouten).to_be_focused()
    expect(fouten.get_by_role("heading")).to_have_text(re.compile(r"\S"))

    velden = {"opleiding": "opleiding-secundair", "inschrijvingsgeld": "inschrijvingsgeld",
              "al_aangevraagd": "al_aangevraagd"}
    for veld, eerste in velden.items():
        melding = page.locator(f"#fout-{veld}")
        expect(melding).to_be_visible()
        expect(melding).to_contain_text(re.compile(r"(Kies|bedrag|negatief)"))
        invoer = page.locator(f"[name='{veld}']")
        for i in range(invoer.count()):  # every radio button of a group, not only the first
            expect(invoer.nth(i)).to_have_attribute("aria-invalid", "true")
            assert f"fout-{veld}" in (invoer.nth(i).get_attribute("aria-describedby") or "").split()
        # the description a screen reader reads is the Dutch message itself
        beschrijving = page.evaluate("""(id) => document.getElementById(id).getAttribute('aria-describedby')
            .split(' ').map((d) => document.getElementById(d).textContent).join(' ')""", eerste)
        assert page.locator(f"#fout-{veld}").text_content().strip() in beschrijving

    # each link in the summary takes the focus to its field
    links = fouten.get_by_role("link")
    for i, doel in enumerate(velden.values()):
        fouten.focus()
        for _ in range(i + 1):
            page.keyboard.press("Tab")
        expect(links.nth(i)).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.locator(f"#{doel}")).to_be_focused()
        stop = focus_stop(page)
        assert stop["zichtbaar"] and stop["indicator"], stop

    # corrected with the keyboard: Space chooses the focused radio, then fix the amounts
    page.locator("#opleiding-secundair").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("250")
    page.keyboard.press("Tab")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    expect(fouten).to_be_empty()
    for veld, eerste in velden.items():
        assert page.locator(f"#{eerste}").get_attribute("aria-invalid") is None
        assert f"fout-{veld}" not in (page.locator(f"#{eerste}").get_attribute("aria-describedby") or "")
    expect(page.locator("#resultaat-titel")).to_be_focused()


# ---------------------------------------------------------------- focus always visible

WANDELINGEN = [
    ("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400", 360),
    ("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400", 1280),
    ("/stappenplan/", 360),
    ("/voor-coordinatoren/", 1280),
    ("/", 640),
]


@pytest.mark.parametrize("url,breedte", WANDELINGEN, ids=[f"{u.split('?')[0]}@{b}" for u, b in WANDELINGEN])
def test_focus_is_visible_on_every_tab_stop(warme_desktop, controles, url, breedte):
    """Tab through the whole page once (header, phone menu, content, footer). A page of the warm
    desktop context (conftest.py), sized and with reduced motion before it opens the URL."""
    page = warme_desktop
    page.set_viewport_size({"width": breedte, "height": 780})
    page.emulate_media(reduced_motion="reduce")
    page.goto(url)
    if "rekenhulp" in url:
        expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
        page.evaluate("() => document.activeElement.blur()")
    gezien, onzichtbaar = [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = focus_stop(page)
        if stop is None:
            continue
        if gezien and stop["sleutel"] == gezien[0]["sleutel"]:
            break  # round the whole page
        gezien.append(stop)
        if not (stop["zichtbaar"] and stop["indicator"]):
            onzichtbaar.append(stop["wie"])
    controles["focus_stops"] += len(gezien)
    assert len(gezien) >= 10, gezien
    assert not onzichtbaar, f"{len(onzichtbaar)} tab stops without visible focus: {onzichtbaar}"


# ---------------------------------------------------------------- zoom and motion

ZOOM = {"200 %": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
        "400 %": {"viewport": {"width": 320, "height": 256}, "device_scale_factor": 4}}


@pytest.mark.parametrize("zoom", ZOOM)
def test_zoom_has_no_sideways_scrolling(browser, base_url, requests_seen, zoom):
    """A 1280 px window at 200 % is 640 CSS px wide, at 400 % 320 px (WCAG 1.4.10 reflow)."""
    context = browser.new_context(base_url=base_url, locale="nl-BE", **ZOOM[zoom])
    context.on("request", lambda req: requests_seen.append(req.url))
    page = context.new_page()
    breed = "document.scrollingElement.scrollWidth - innerWidth"
    page.goto("/rekenhulp/?opleiding=graduaat_bachelor&inschrijvingsgeld=1234,50&al_aangevraagd=100")
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
    assert page.evaluate(breed) <= 0, f"rekenhulp with a result scrolls sideways at {zoom}"
    page.fill("#inschrijvingsgeld", "x" * 80)
    page.click("#bereken")
    expect(page.locator("#fouten li")).to_have_count(1, timeout=KLAAR)
    assert page.evaluate(breed) <= 0, f"rekenhulp with errors scrolls sideways at {zoom}"
    for url in ("/stappenplan/", "/terugbetaling/"):
        page.goto(url)
        assert page.evaluate(breed) <= 0, f"{url} scrolls sideways at {zoom}"
    context.close()


BEWEGING = """() => {
  const seconden = (lijst) => lijst.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1));
  const bewegend = [];
  for (const e of document.querySelectorAll('*')) {
    const s = getComputedStyle(e);
    const overgang = Math.max(...seconden(s.transitionDuration));
    const animatie = s.animationName !== 'none' ? Math.max(...seconden(s.animationDuration)) : 0;
    if (overgang > 0.001 || animatie > 0.001 || s.scrollBehavior === 'smooth')
      bewegend.push(`${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`);
  }
  return {bewegend: [...new Set(bewegend)], html: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_reduced_motion_stops_all_motion(browser, base_url, requests_seen, warme_desktop):
    gewoon = browser.new_context(base_url=base_url, reduced_motion="no-preference")
    gewoon.on("request", lambda req: requests_seen.append(req.url))
    page = gewoon.new_page()
    page.goto("/stappenplan/")
    assert page.evaluate(BEWEGING)["bewegend"], "the check sees no motion even without the preference"
    gewoon.close()

    page = warme_desktop  # the calculator restores Python from the warm context's snapshot
    page.set_viewport_size({"width": 360, "height": 780})
    page.emulate_media(reduced_motion="reduce")
    for url in ("/stappenplan/", "/rekenhulp/?opleiding=andere&inschrijvingsgeld=400"):
        page.goto(url)
        if "rekenhulp" in url:
            expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=KLAAR)
        assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
        beweging = page.evaluate(BEWEGING)
        assert beweging["html"] == "auto"
        assert not beweging["bewegend"], f"{url}: still moving: {beweging['bewegend'][:10]}"
    # a jump to a step is instant: the heading is in view right after the click
    page.goto("/stappenplan/#stap-1")
    page.locator("#stap-1 ~ nav.stap-nav").first.get_by_role("link", name=re.compile("Volgende")).click()
    assert page.evaluate("""() => { const r = document.getElementById('stap-2').getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight; }""")
