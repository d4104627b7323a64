"""Every step and annex shows its drawing on a phone: it loads, it has alt text that says what
to do, it fits a 360 px screen and a tap opens it large."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import build_site

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/"]


@pytest.mark.parametrize("url", PAGES)
def test_images_load_have_alt_text_and_fit_the_phone(phone, url):
    phone.goto(url)
    images = phone.locator("article img")
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        img.evaluate("el => el.decode()")  # lazy images load when scrolled into view
        assert img.evaluate("el => el.complete && el.naturalWidth > 0"), img.get_attribute("src")
        alt = (img.get_attribute("alt") or "").strip()
        assert len(alt) > 20, f"{img.get_attribute('src')} has no useful alt text"
        box = img.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360


def test_every_step_has_its_drawing(phone):
    phone.goto("/stappenplan/")
    for anchor in build_site.CONTRACT_URLS["/stappenplan/"]:
        src = phone.locator(f"#{anchor} ~ figure.illustratie img").first.get_attribute("src")
        assert src.endswith(f"illustraties/{anchor}.svg"), (anchor, src)


@pytest.mark.parametrize("annex", ["bevestigingsmail", "goedkeuringsmail", "inschrijvingsbewijs"])
def test_every_annex_shows_an_example_document(phone, annex):
    phone.goto(f"/bijlagen/{annex}/")
    figure = phone.locator("figure.illustratie")
    assert figure.locator("img").get_attribute("src").endswith(f"bijlage-{annex}.svg")
    assert "Voorbeeld" in figure.locator("figcaption").inner_text()


def test_tapping_a_drawing_opens_it_large(phone):
    """In a dialog over the page (tests/e2e/test_vergroten.py); without JavaScript the SVG itself."""
    phone.goto("/stappenplan/#stap-3c")
    link = phone.locator("#stap-3c ~ figure.illustratie a").first
    link.click()
    groot = phone.get_by_role("dialog").locator("img")
    expect(groot).to_be_visible()
    assert groot.get_attribute("src").endswith("illustraties/stap-3c.svg")
    assert groot.bounding_box()["width"] > link.locator("img").bounding_box()["width"]


def test_annexes_are_linked_from_their_steps(page):
    page.goto("/stappenplan/")
    for stap, annex in (("stap-4", "bevestigingsmail"), ("stap-5", "goedkeuringsmail")):
        hrefs = page.locator(f"#{stap} ~ *").evaluate_all(
            "els => els.flatMap(e => [...e.querySelectorAll('a')].map(a => a.href))")
        assert any(h.endswith(f"/bijlagen/{annex}/") for h in hrefs), stap
    page.goto("/terugbetaling/")
    hrefs = page.eval_on_selector_all("article a", "els => els.map(a => a.href)")
    assert any(h.endswith("/bijlagen/inschrijvingsbewijs/") for h in hrefs)


# Text of a drawing inside its box: a word in a phone screen or a button stays in it, a label does
# not run into the bar next to it. Measured in this machine's fallback font (DejaVu Sans, one of the
# widest), as a phone without the drawing's first fonts would draw it.
TEKST_IN_VAK = """() => {
  const svg = document.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBBox())
    .filter((b) => !(b.x <= 1 && b.y <= 1 && b.width >= vb.width - 2));  // not the background
  const fout = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBBox(), x = Number(t.getAttribute('x')), y = Number(t.getAttribute('y'));
    const rond = rects.filter((r) => r.x <= x && x <= r.x + r.width && r.y <= y && y <= r.y + r.height);
    const vak = rond.sort((a, c) => a.width * a.height - c.width * c.height)[0];
    if (vak && (b.x < vak.x - 1 || b.x + b.width > vak.x + vak.width + 1)) fout.push(`${t.textContent}: past its box`);
    for (const r of rects) {
      if (rond.includes(r)) continue;
      const x0 = Math.max(b.x, r.x), x1 = Math.min(b.x + b.width, r.x + r.width);
      const y0 = Math.max(b.y, r.y), y1 = Math.min(b.y + b.height, r.y + r.height);
      if (x1 - x0 > 1 && y1 - y0 > 1) fout.push(`${t.textContent}: runs into a shape`);
    }
    if (b.x < 0 || b.x + b.width > vb.width) fout.push(`${t.textContent}: past the drawing`);
  }
  return fout;
}"""


@pytest.mark.parametrize("tekening", ["itsme", "edenred-mail", "eid"])
def test_the_glossarys_drawings_keep_their_words_in_their_boxes(page, tekening):
    """The itsme screen cut "Aanmelden" and "Bevestig", "Rekeningnummer" ran into its bar."""
    from pathlib import Path
    svg = (Path(build_site.ROOT) / "docs" / "assets" / "illustraties" / "woorden" / f"{tekening}.svg").read_text(encoding="utf-8")
    page.set_content(f"<body style='margin:0'>{svg}</body>")
    assert page.evaluate(TEKST_IN_VAK) == []
