"""Reflow (issue 12, item 5; WCAG 1.4.10 and 1.4.4): no page scrolls sideways or puts anything
past the screen's edge at 320 px, nor at 360 px with the text at 200 %; long words in headings
only break at a hyphen; tables become one card per row on a phone; the by-hand table on
/rekenhulp/ is never cut off.

Text at 200 % two ways: the root font size doubled (the theme sizes everything in rem, so this is
what really grows), and the browser's own default font size doubled (what a reader's "text size"
setting does; it also moves the theme's em breakpoints)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import build_site
from conftest import PHONE

PAGES = list(build_site.CONTRACT_URLS) + ["/bijlagen/", "/voor-coordinatoren/folder/", "/404.html",
                                           "/rekenhulp/?opleiding=beroepskwalificatie&inschrijvingsgeld=1234,50"]
TABELLEN = ["/waar-heb-ik-recht-op/", "/rekenhulp/", "/over/", "/voor-coordinatoren/"]
KLAAR = 60_000
# (width, how the text is made 200 %)
STANDEN = {"320px": (320, None), "360px-tekst-200-rem": (360, "rem"), "360px-tekst-200-browser": (360, "browser")}

TEKST_200_REM = """() => { const h = document.documentElement;
  h.style.fontSize = 2 * parseFloat(getComputedStyle(h).fontSize) + 'px'; }"""

# Everything visible whose box lies (partly) outside the screen. Not counted: what is hidden on
# purpose (clipped to nothing, invisible, the closed menu drawer and search, the theme's toast).
BUITEN_BEELD = """() => {
  const W = document.documentElement.clientWidth;
  const weg = (el) => { for (let e = el; e; e = e.parentElement) {
    const st = getComputedStyle(e);
    if (st.clipPath !== 'none' || st.visibility === 'hidden' || st.display === 'none') return true;
    if (e.matches('.md-sidebar, .md-search, .md-dialog, .md-header, dialog:not([open])')) return true;
  } return false; };
  const uit = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || (r.right <= W + 1 && r.left >= -1) || weg(el)) continue;
    uit.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.left)}..${Math.round(r.right)}`
             + ` "${(el.textContent || '').trim().slice(0, 40)}"`);
  }
  return {breedte: document.scrollingElement.scrollWidth, W, uit: uit.slice(0, 8)};
}"""

# A line break between two letters of one word that is not at a soft hyphen.
AFGEBROKEN = """(kop) => {
  const tekens = [];
  const lopen = document.createTreeWalker(kop, NodeFilter.SHOW_TEXT);
  for (let n; (n = lopen.nextNode());) {
    if (n.parentElement.closest('.headerlink')) continue;
    for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const vak = [...r.getClientRects()].filter((v) => v.width > 0).pop();  // not the empty one at a line's end
      tekens.push({c: n.data[i], top: vak ? vak.top : null});
    }
  }
  const fouten = [];
  let vorige = null, zacht = false, woord = '';
  for (const t of tekens) {
    if (t.c === '\\u00ad') { zacht = true; continue; }
    if (/\\p{L}/u.test(t.c)) {
      if (vorige && t.top !== null && vorige.top !== null && t.top > vorige.top + 2 && !zacht) fouten.push(woord + '|' + t.c);
      woord = vorige ? woord + t.c : t.c;
      vorige = t;
    } else { vorige = null; woord = ''; }
    zacht = false;
  }
  return fouten;
}"""


def _pagina(browser, base_url, requests_seen, breedte, tekst, warme_context):
    """(page, close) for a phone `breedte` px wide. At 360 px the page opens in the session's warm
    phone context (the same screen, PHONE), whose /rekenhulp/ restores Python from the snapshot
    instead of starting it cold; close() closes that page only."""
    if breedte == PHONE["viewport"]["width"]:
        page = warme_context(**PHONE).new_page()
        sluit = page.close
    else:
        ctx = browser.new_context(base_url=base_url, viewport={"width": breedte, "height": PHONE["viewport"]["height"]},
                                  device_scale_factor=2, is_mobile=True, has_touch=True, locale="nl-BE")
        ctx.on("request", lambda req: requests_seen.append(req.url))
        page = ctx.new_page()
        sluit = ctx.close
    if tekst == "browser":
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    return page, sluit


def _open(page, url, tekst):
    page.goto(url)
    if "inschrijvingsgeld" in url:
        expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    if tekst == "rem":
        page.evaluate(TEKST_200_REM)
    page.evaluate("document.fonts.ready")


@pytest.fixture(params=list(STANDEN), scope="module")
def stand(request, browser, base_url, warme_context):
    breedte, tekst = STANDEN[request.param]
    gezien = []
    page, sluit = _pagina(browser, base_url, gezien, breedte, tekst, warme_context)
    yield page, breedte, tekst, gezien
    sluit()


@pytest.mark.parametrize("url", PAGES)
def test_nothing_past_the_screen_edge(stand, url, requests_seen):
    page, breedte, tekst, gezien = stand
    _open(page, url, tekst)
    if url.startswith("/rekenhulp/"):  # the by-hand part below is only laid out when on screen
        page.locator(".zelf-rekenen").scroll_into_view_if_needed()
        page.wait_for_timeout(100)
    meting = page.evaluate(BUITEN_BEELD)
    requests_seen.extend(gezien)
    gezien.clear()
    assert meting["W"] == breedte
    assert meting["breedte"] <= breedte and not meting["uit"], f"{url}: {meting}"


@pytest.mark.parametrize("url", [u for u in PAGES if not u.startswith("/rekenhulp/?")])
def test_long_words_in_headings_break_only_at_a_hyphen(stand, url, requests_seen):
    page, breedte, tekst, gezien = stand
    _open(page, url, tekst)
    # every visible heading of the article in one pass in the page (one round trip, not three per heading)
    fouten = page.evaluate(f"""() => {{
      const afgebroken = {AFGEBROKEN};
      const fouten = {{}};
      for (const kop of document.querySelectorAll('article :is(h1, h2, h3, h4)')) {{
        const vak = kop.getBoundingClientRect(), st = getComputedStyle(kop);
        if (!vak.width || !vak.height || st.visibility === 'hidden') continue;
        const uit = afgebroken(kop);
        if (uit.length) fouten[kop.innerText.slice(0, 50)] = uit;
      }}
      return fouten;
    }}""")
    requests_seen.extend(gezien)
    gezien.clear()
    assert not fouten, fouten


def test_the_start_page_title_hyphenates_at_200_percent(browser, base_url, requests_seen, warme_context):
    page, sluit = _pagina(browser, base_url, requests_seen, 360, "rem", warme_context)
    _open(page, "/", "rem")
    h1 = page.locator("article h1")
    regels = h1.evaluate("el => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))")
    assert regels >= 2  # it does not fit one line: so it must have broken somewhere, at a hyphen
    assert h1.evaluate(AFGEBROKEN) == []
    # the soft hyphens are only in the page: the search index and the title keep the plain word
    assert "\u00ad" in h1.evaluate("el => el.textContent")
    assert "\u00ad" not in page.title()
    index = page.request.get("/search/search_index.json").text()
    assert "\u00ad" not in index and "\\u00ad" not in index
    sluit()


def test_long_words_hyphenate_in_dutch(phone):
    phone.goto("/rekenhulp/")
    assert phone.evaluate("document.documentElement.lang") == "nl"
    for doel in ("article p", "article h1", ".keuze label", "article td"):
        assert phone.locator(doel).first.evaluate("el => getComputedStyle(el).hyphens") == "auto", doel
    phone.goto("/voor-coordinatoren/")  # addresses and code: no hyphens that are not theirs
    for doel in ("article code", ".deeplink-url"):
        assert phone.locator(doel).first.evaluate("el => getComputedStyle(el).hyphens") == "manual", doel


@pytest.mark.parametrize("breedte", [320, 360])
@pytest.mark.parametrize("url", TABELLEN)
def test_tables_are_cards_with_their_headers_on_a_phone(browser, base_url, requests_seen, warme_context, breedte, url):
    page, sluit = _pagina(browser, base_url, requests_seen, breedte, None, warme_context)
    page.goto(url)
    tabellen = page.locator("article table")
    assert tabellen.count() > 0
    for i in range(tabellen.count()):
        tabel = tabellen.nth(i)
        tabel.scroll_into_view_if_needed()
        koppen = tabel.locator("th").evaluate_all("els => els.map((e) => e.textContent.trim())")
        rij = tabel.locator("tbody tr").first
        cellen = rij.locator("td")
        vak = rij.bounding_box()
        assert vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte
        for j in range(cellen.count()):
            cel = cellen.nth(j).bounding_box()
            assert cel["x"] >= 0 and cel["x"] + cel["width"] <= breedte, (url, koppen[j])
            if j:  # each value under its column's header, which is on screen
                assert cellen.nth(j).evaluate("el => getComputedStyle(el, '::before').content") == f'"{koppen[j]}"'
                assert cel["y"] > cellen.nth(j - 1).bounding_box()["y"]  # one under the other
        # the table is still a table for a screen reader, with its column headers
        assert page.get_by_role("columnheader").count() >= len(koppen)
        assert tabel.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    sluit()


@pytest.mark.parametrize("stand_naam", ["320px", "360px", "360px-tekst-200-rem", "412px"])
def test_the_by_hand_table_on_the_calculator_page_is_never_cut_off(browser, base_url, requests_seen, warme_context, stand_naam):
    breedte = int(stand_naam[:3])
    page, sluit = _pagina(browser, base_url, requests_seen, breedte, None, warme_context)
    _open(page, "/rekenhulp/", "rem" if "200" in stand_naam else None)
    sectie = page.locator(".zelf-rekenen")
    tabel = sectie.locator("table").first
    tabel.scroll_into_view_if_needed()
    page.wait_for_timeout(100)
    # content-visibility clips to the section's box: everything of the table must be inside it
    grens = sectie.bounding_box()
    for cel in tabel.locator("td, tr").all():
        vak = cel.bounding_box()
        assert vak["x"] >= max(grens["x"], 0) - 0.5, (stand_naam, cel.inner_text()[:30], vak, grens)
        assert vak["x"] + vak["width"] <= min(grens["x"] + grens["width"], breedte) + 0.5
    eerste = tabel.locator("td").first
    expect(eerste).to_contain_text("tweedekansonderwijs")
    sluit()


PERMALINK_ALLEEN = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4) > a.headerlink')].filter((a) => {
    const tekst = document.createRange();
    tekst.setStart(a.parentElement, 0);
    tekst.setEndBefore(a);
    const laatste = [...tekst.getClientRects()].filter((r) => r.width > 0).pop();
    return laatste && a.getClientRects()[0].top > laatste.top + 2;
}).map((a) => a.parentElement.textContent)"""


@pytest.mark.parametrize("url", ["/waar-heb-ik-recht-op/", "/terugbetaling/", "/woordenlijst/", "/en/waar-heb-ik-recht-op/"])
def test_a_headings_hidden_permalink_never_takes_a_line_of_its_own(phone, url):
    """Under long headings the hidden "#" wrapped alone and left an empty line (helper review, 360 px)."""
    phone.goto(url)
    assert phone.evaluate(PERMALINK_ALLEEN) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
