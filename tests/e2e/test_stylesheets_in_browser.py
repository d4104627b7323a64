"""The theme's stylesheets as the site sends them (cut down by sitebuild/stylesheets.py) must
style every element exactly as mkdocs-material's own files do.

Each page is brought into its state once and measured as built; then the theme's original
main/palette CSS takes the place of ours in the same page (the same <link> elements, pointed at
the theme's files) and the page is measured again. Every computed style property of every element
and of its ::before/::after/::marker must be the same: on a phone and on a desktop in dark mode,
with the navigation drawer and the search open, and on the calculator with an answer and with
errors. Swapping in place (not a second page load) keeps the state exactly the same, and spares a
page load, a Python start and the state's typing per comparison.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from playwright.sync_api import expect

import build_site
from conftest import PHONE

THEMA = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
ONZE_CSS = re.compile(r"/assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css$")
PAGINAS = list(dict.fromkeys([*build_site.CONTRACT_URLS, "/bijlagen/", "/voor-coordinatoren/folder/", "/404.html"]))
DESKTOP_DONKER = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark", "locale": "nl-BE"}

# Every standard property, and the custom ones (--md-...) our stylesheets still set, of every
# rendered element and of its generated ::before/::after/::marker. Equal styles are sent once.
# The custom properties the build dropped are read by nothing (no var(), no script): whatever
# they could change would show in the standard properties.
_STIJLEN = r"""(eigen) => {
  const props = [...getComputedStyle(document.documentElement)]
    .filter((p) => !p.startsWith('--')).sort().concat(eigen);
  const uniek = new Map();
  const rijen = [];
  const meet = (naam, cs) => {
    const waarden = props.map((p) => cs.getPropertyValue(p)).join('\u0001');
    if (!uniek.has(waarden)) uniek.set(waarden, uniek.size);
    rijen.push([naam, uniek.get(waarden)]);
  };
  for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
    const naam = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.classList.length ? '.' + [...el.classList].join('.') : '');
    const cs = getComputedStyle(el);
    meet(naam, cs);
    for (const pseudo of ['::before', '::after']) {
      const ps = getComputedStyle(el, pseudo);
      if (ps.content === 'none' || ps.content === 'normal') rijen.push([naam + pseudo, 'geen']);
      else meet(naam + pseudo, ps);
    }
    if (cs.display === 'list-item') meet(naam + '::marker', getComputedStyle(el, '::marker'));
  }
  return {props, rijen, uniek: [...uniek.keys()]};
}"""

GEEN_BEWEGING = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _origineel_bestand(naam: str) -> Path:
    soort = naam.rsplit("/", 1)[-1].split(".")[0]
    [bestand] = THEMA.glob(f"{soort}.*.min.css")
    return bestand


def _origineel(naam: str) -> bytes:
    return _origineel_bestand(naam).read_bytes()


def _origineel_naam(pad: str) -> str:
    return _origineel_bestand(pad).name


THEMA_URL = "/__thema__/"  # where the page finds the theme's original files (routed, never on the server)

# Points our main/palette <link>s at the theme's original files and waits until both have loaded
# (or failed: then the check below finds our sheets still in use).
NAAR_THEMA = r"""({basis, onze}) => Promise.all([...document.querySelectorAll('link[rel=stylesheet]')]
  .filter((link) => new RegExp(onze).test(new URL(link.href).pathname))
  .map((link) => new Promise((klaar, mis) => {
    link.addEventListener('load', klaar, {once: true});
    link.addEventListener('error', () => mis(new Error('not loaded: ' + link.href)), {once: true});
    link.href = basis + new URL(link.href).pathname.split('/').pop();
  })))"""

IN_GEBRUIK = """() => [...document.styleSheets].filter((s) => s.href).map((s) => new URL(s.href).pathname)"""


def _open(warme_context, url, context_args, toestand=None):
    """A new page of the session's warm context for these arguments (service workers blocked,
    Python restored from its snapshot: conftest.py), in its state and at rest. The theme's
    original files are routed for the swap later (a routed request bypasses the HTTP cache)."""
    page = warme_context(**context_args).new_page()
    page.route(f"**{THEMA_URL}*", lambda route: route.fulfill(
        status=200, content_type="text/css", body=_origineel(route.request.url.rsplit("/", 1)[1])))
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_style_tag(content=GEEN_BEWEGING)
    rekenhulp = page.locator("[data-toestand]")
    if rekenhulp.count():  # the calculator: measured once Python is ready, not while it loads
        expect(rekenhulp).to_have_attribute("data-toestand", "klaar", timeout=60_000)
    if toestand:
        toestand(page)
    _rust(page)
    return page


def _rust(page):
    """Let the theme react to what moved (the header shows the page title once scrolled past it)."""
    page.wait_for_timeout(300)
    page.evaluate("() => new Promise((klaar) => requestAnimationFrame(() => requestAnimationFrame(klaar)))")


def _eigen_custom_properties(site_dir) -> list[str]:
    return sorted({naam for css in (site_dir / "assets" / "stylesheets").glob("*.min.css")
                   for naam in re.findall(r"(?<=[{;])\s*(--[\w-]+)\s*:", css.read_text(encoding="utf-8"))})


def _vergelijk(warme_context, site_dir, url, context_args, toestand=None):
    eigen = _eigen_custom_properties(site_dir)
    page = _open(warme_context, url, context_args, toestand)
    try:
        voor = page.evaluate(IN_GEBRUIK)
        assert sum(bool(ONZE_CSS.search(pad)) for pad in voor) == 2, f"{url}: our two theme sheets? {voor}"
        ons = page.evaluate(_STIJLEN, eigen)
        page.evaluate(NAAR_THEMA, {"basis": THEMA_URL, "onze": ONZE_CSS.pattern})
        na = page.evaluate(IN_GEBRUIK)
        assert not any(ONZE_CSS.search(pad) for pad in na), f"{url}: our sheets still in use: {na}"
        assert sorted(_origineel_naam(n) for n in na if n.startswith(THEMA_URL)) == sorted(
            _origineel_naam(n) for n in voor if ONZE_CSS.search(n)), f"{url}: not the theme's two sheets: {na}"
        _rust(page)
        origineel = page.evaluate(_STIJLEN, eigen)
    finally:
        page.close()
    assert [n for n, _ in ons["rijen"]] == [n for n, _ in origineel["rijen"]], f"{url}: not the same page twice"

    def stijl(meting, waarde):
        return meting["uniek"][waarde] if isinstance(waarde, int) else waarde

    anders = []
    for (naam, a), (_, b) in zip(ons["rijen"], origineel["rijen"]):
        x, y = stijl(ons, a), stijl(origineel, b)
        if x != y:
            xs, ys = x.split("\u0001"), y.split("\u0001")
            anders.append((naam, {p: (v, w) for p, v, w in zip(ons["props"], xs, ys) if v != w} if len(xs) == len(ys)
                           else (x[:200], y[:200])))
    assert not anders, (f"{url}: {len(anders)} elements styled differently than by the theme's own CSS, "
                        f"e.g. (ours, theme's): {anders[:3]}")
    return len(ons["rijen"])


def test_the_site_sends_cut_down_theme_stylesheets(site_dir):
    for soort in ("main", "palette"):
        [ons] = (site_dir / "assets" / "stylesheets").glob(f"{soort}.*.min.css")
        assert ons.stat().st_size < 0.7 * len(_origineel(ons.name)), f"{ons.name} is hardly smaller"
        assert ons.name not in {p.name for p in THEMA.glob("*.css")}, "a changed file needs a new name"
        for pagina in site_dir.rglob("*.html"):
            tekst = pagina.read_text(encoding="utf-8")
            assert f"stylesheets/{soort}." not in tekst or ons.name in tekst, pagina
        # the one rule dropped for speed, not because it cannot match (sitebuild/stylesheets.py)
        assert "[data-md-color-switching]" not in ons.read_text(encoding="utf-8"), ons.name


@pytest.mark.parametrize("url", PAGINAS)
def test_phone_page_looks_as_with_the_theme_css(warme_context, site_dir, url):
    assert _vergelijk(warme_context, site_dir, url, PHONE) > 100


@pytest.mark.parametrize("url", PAGINAS)
def test_desktop_dark_page_looks_as_with_the_theme_css(warme_context, site_dir, url):
    assert _vergelijk(warme_context, site_dir, url, DESKTOP_DONKER) > 100


def _lade_open(page):
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator("#__drawer")).to_be_checked()


def _zoeken(page):
    page.wait_for_load_state("networkidle")  # the search index is loaded
    page.locator("label.md-header__button[for=__search]").click()
    zoekveld = page.locator("input.md-search__input")
    zoekveld.click()
    zoekveld.press_sequentially("Edenred", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def _antwoord(page):
    expect(page.locator("#resultaat[data-route]")).to_be_attached(timeout=60_000)


def _fouten(page):
    page.locator("#resultaat, form").first.wait_for()
    page.locator("form button[type=submit]").first.click()
    expect(page.locator("[aria-invalid=true]").first).to_be_attached(timeout=60_000)


@pytest.mark.parametrize("url, toestand", [
    ("/stappenplan/", _lade_open),
    ("/stappenplan/", _zoeken),
    ("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400", _antwoord),
    ("/rekenhulp/", _fouten),
], ids=["navigatie-open", "zoeken-open", "rekenhulp-antwoord", "rekenhulp-fouten"])
def test_interactive_states_look_as_with_the_theme_css(warme_context, site_dir, url, toestand):
    assert _vergelijk(warme_context, site_dir, url, PHONE, toestand) > 100
