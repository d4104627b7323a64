"""A real enlarge view for drawings (issue 12, item 4): a tap opens the drawing in a dialog over
the whole screen, at least as wide as the screen and zoomable; it closes with Sluiten, Escape and
the back gesture, leaves no extra history entry, keeps the keyboard inside and gives the focus
back; without JavaScript the link still opens the SVG file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

import build_site

AXE = Path(build_site.ROOT) / "node_modules" / "axe-core" / "axe.min.js"
STAP = "/stappenplan/#stap-3c"
LINK = "#stap-3c ~ figure.illustratie a.illustratie-zoom"
IN_DIALOOG = "() => !!document.activeElement.closest('dialog.vergroting')"


def _open(phone, via="tap"):
    link = phone.locator(LINK).first
    link.scroll_into_view_if_needed()
    if via == "tap":
        link.tap()
    else:
        link.focus()
        phone.keyboard.press("Enter")
    dialoog = phone.get_by_role("dialog", name="Voorbeeld: pagina 2 van het formulier")
    expect(dialoog).to_be_visible()
    return link, dialoog


def test_a_tap_opens_the_drawing_as_wide_as_the_screen(phone):
    phone.goto(STAP)
    link, dialoog = _open(phone)
    assert phone.evaluate("location.pathname + location.hash") == STAP  # no navigation to the SVG
    img = dialoog.locator("img")
    assert img.get_attribute("src").endswith("illustraties/stap-3c.svg")
    assert len(img.get_attribute("alt")) > 20  # the drawing's own alt text
    expect(img).to_have_js_property("complete", True)
    assert img.evaluate("el => el.naturalWidth") > 0
    vak = dialoog.locator(".vergroting-vak")
    box, dbox = img.bounding_box(), dialoog.bounding_box()
    assert dbox["x"] == 0 and dbox["width"] == 360  # the dialog covers the screen
    assert box["width"] >= 360 - 0.5, box  # the drawing at least as wide as the screen
    assert dialoog.evaluate("el => el.getBoundingClientRect().height") >= 780 - 0.5
    assert phone.evaluate(IN_DIALOOG), "focus stays on the page behind the dialog"
    # larger with +, and then it scrolls sideways in its own box, not the page
    dialoog.get_by_role("button", name="Groter").tap()
    dialoog.get_by_role("button", name="Groter").tap()
    assert img.bounding_box()["width"] >= 2 * 360 - 1
    assert vak.evaluate("el => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX") == "auto"
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360
    dialoog.get_by_role("button", name="Kleiner").tap()
    assert 1.4 * 360 <= img.bounding_box()["width"] <= 1.6 * 360
    # pinch zoom: the page may zoom (no user-scalable=no, no maximum-scale) and nothing blocks it
    viewport = phone.locator('meta[name="viewport"]').get_attribute("content").replace(" ", "")
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    for doel in (vak, img, dialoog):
        assert doel.evaluate("el => getComputedStyle(el).touchAction") in ("auto", "manipulation", "pinch-zoom")
    dialoog.get_by_role("button", name="Sluiten").tap()
    expect(dialoog).to_be_hidden()


def test_the_back_gesture_closes_it_and_stays_on_the_page(phone):
    phone.goto("/")
    phone.goto(STAP)
    link, dialoog = _open(phone)
    phone.go_back()
    expect(dialoog).to_be_hidden()
    assert phone.evaluate("location.pathname + location.hash") == STAP
    expect(link).to_be_focused()
    phone.go_back()  # the next "back" leaves the page, as it would have without the dialog
    phone.wait_for_url("**/")
    assert phone.evaluate("location.pathname") == "/"


def test_escape_closes_it_without_leaving_a_history_entry(phone):
    phone.goto("/")
    phone.goto(STAP)
    link, dialoog = _open(phone)
    phone.keyboard.press("Escape")
    expect(dialoog).to_be_hidden()
    expect(link).to_be_focused()
    phone.wait_for_function("() => !(history.state && history.state.vergroting)")  # a function: see test_site
    phone.go_back()  # one "back" after closing goes to the previous page, not to the dialog
    phone.wait_for_url("**/")
    assert phone.evaluate("location.pathname") == "/"


def test_keyboard_only(phone):
    phone.goto(STAP)
    link, dialoog = _open(phone, via="keyboard")
    assert phone.evaluate("document.activeElement.textContent") == "Sluiten"
    for _ in range(6):  # Tab goes round inside the dialog, never to the page behind it
        phone.keyboard.press("Tab")
        assert phone.evaluate("() => !document.activeElement.closest('.md-container')")
    phone.keyboard.press("n")  # the theme's "next page" shortcut must not act behind the dialog
    phone.keyboard.press("s")
    assert phone.evaluate("location.pathname") == "/stappenplan/"
    assert not phone.evaluate("document.getElementById('__search').checked")
    dialoog.get_by_role("button", name="Sluiten").focus()
    phone.keyboard.press("Enter")
    expect(dialoog).to_be_hidden()
    expect(link).to_be_focused()


def test_axe_finds_nothing_in_the_open_dialog(phone):
    phone.goto(STAP)
    _open(phone)
    phone.evaluate(AXE.read_text(encoding="utf-8"))
    schendingen = phone.evaluate("""async () => (await axe.run('dialog.vergroting', {resultTypes: ['violations'],
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}))
        .violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))""")
    assert not schendingen, schendingen


@pytest.mark.parametrize("url", ["/stappenplan/", "/bijlagen/inschrijvingsbewijs/"])
def test_without_javascript_the_link_opens_the_svg(browser, base_url, requests_seen, url):
    ctx = browser.new_context(base_url=base_url, java_script_enabled=False,
                              viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    page.goto(url)
    page.locator("figure.illustratie a").first.click()
    page.wait_for_url("**/illustraties/*.svg")
    assert page.evaluate("document.documentElement.tagName.toLowerCase()") == "svg"
    ctx.close()


@pytest.mark.parametrize("taal", ["en", "fr", "ar"])
def test_its_buttons_speak_the_pages_language(phone, taal):
    """The dialog's words come from talen/<taal>/site.json, not from the script (it had Dutch ones)."""
    from sitebuild.woordenlijst import site_texts
    woorden = site_texts(taal)["vergroten"]
    phone.goto(f"/{taal}{STAP}")
    link = phone.locator(LINK).first
    link.scroll_into_view_if_needed()
    link.tap()
    dialoog = phone.locator("dialog.vergroting")
    expect(dialoog).to_be_visible()
    expect(dialoog.get_by_role("button", name=woorden["sluiten"])).to_have_text(woorden["sluiten"])
    expect(dialoog.get_by_role("button", name=woorden["groter"])).to_be_visible()
    expect(dialoog.get_by_role("button", name=woorden["kleiner"])).to_be_visible()
    expect(dialoog.get_by_role("region", name=woorden["vak"])).to_be_visible()
    for nl in ("Sluiten", "Groter", "Kleiner", "Vergrote tekening"):
        assert nl not in dialoog.evaluate("el => el.innerHTML"), nl
    dialoog.get_by_role("button", name=woorden["sluiten"]).tap()
    expect(dialoog).to_be_hidden()
