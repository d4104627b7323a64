"""Read aloud, "Lees voor" (issue 13, item 3): docs/assets/voorlezen.js and voorlezer.js.

Headless Chromium has no voices at all, so every test injects a scripted stand-in for the Web
Speech API (STANDIN, with page.add_init_script before the page loads): `speechSynthesis` with a
list of voices the test chooses, empty until a `voiceschanged` event as in Chrome, and a
`SpeechSynthesisUtterance` that fires start and end on its own after a few milliseconds. It records
every `speak()` (text, voice, language, and the highlighted text just before the sentence ends)
in `window.__gesproken`, counts `cancel()`, and can hold one utterance "in progress" until the test
lets it go. So the tests see what the page asks the browser to say, not any sound.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from test_a11y import AXE, Controle
from test_offline import SW_KLAAR, WACHT_OP_CACHE, eigen_server, lijst
from test_reflow import TEKST_200_REM
from test_toetsenbord import focus_stop
from conftest import PHONE

KLAAR = 60_000

# voices as browsers report them
ELLEN = {"name": "Ellen", "lang": "nl-BE", "localService": True}           # e.g. Windows, macOS
XANDER = {"name": "Xander", "lang": "nl-NL", "localService": True}
GOOGLE_NL = {"name": "Google Nederlands", "lang": "nl-NL", "localService": False}  # Chrome: a server
SAMANTHA = {"name": "Samantha", "lang": "en-US", "localService": True}
AMELIE = {"name": "Amélie", "lang": "fr-CA", "localService": True}
ANDROID_BE = {"name": "nl-be-x-bec-local", "lang": "nl_BE", "localService": True}  # Android: underscore
DANIEL = {"name": "Daniel", "lang": "en-GB", "localService": True}
GOOGLE_UK = {"name": "Google UK English Female", "lang": "en-GB", "localService": False}
THOMAS = {"name": "Thomas", "lang": "fr-FR", "localService": True}
GOOGLE_FR = {"name": "Google français", "lang": "fr-FR", "localService": False}
MAJED = {"name": "Majed", "lang": "ar-SA", "localService": True}
GOOGLE_AR = {"name": "Google العربية", "lang": "ar-SA", "localService": False}

STANDIN = """(() => {
  // A scripted stand-in for the Web Speech API (headless Chromium has no voices).
  const cfg = Object.assign({
    stemmen: [],          // the voices getVoices() reports
    vertraging: 30,       // ms before onstart, and from onstart to onend
    handmatig: false,     // voiceschanged only when the test calls __spraak.stemmenKomen()
    vasthoudenBij: null,  // this utterance (1 = the first speak() of the page) stays in progress ...
    verder: () => {},     // ... until the test calls __spraak.verder()
  }, __INSTELLINGEN__);
  window.__gesproken = [];
  window.__geannuleerd = 0;
  const stemmen = cfg.stemmen.map((s) => Object.freeze({ voiceURI: s.name, default: false, ...s }));
  let beschikbaar = false;  // as in Chrome: empty until "voiceschanged"
  class Uiting extends EventTarget {
    constructor(text = "") {
      super();
      Object.assign(this, { text, voice: null, lang: "", rate: 1, pitch: 1, volume: 1,
                            onstart: null, onend: null, onerror: null });
    }
  }
  const vuur = (u, type, extra = {}) => {
    const e = Object.assign(new Event(type), { utterance: u, charIndex: 0 }, extra);
    if (u["on" + type]) u["on" + type].call(u, e);
    u.dispatchEvent(e);
  };
  const markering = () => {
    const h = window.CSS && CSS.highlights && CSS.highlights.get("voorlezen");
    return h ? [...h].map((r) => r.toString()).join("") : null;
  };
  class Spraak extends EventTarget {
    constructor() { super(); this.rij = []; this.nu = null; this.onvoiceschanged = null; this.paused = false; }
    get speaking() { return !!this.nu; }
    get pending() { return this.rij.length > 0; }
    getVoices() { return beschikbaar ? [...stemmen] : []; }
    speak(u) {
      u.__rec = { tekst: u.text, stem: u.voice ? u.voice.name : null, lang: u.lang,
                  nr: window.__gesproken.length + 1, markering: null };
      window.__gesproken.push(u.__rec);
      this.rij.push(u);
      if (!this.nu) this.volgende();
    }
    volgende() {
      const u = this.rij.shift() || null;
      this.nu = u;
      if (!u) return;
      setTimeout(() => {
        if (this.nu !== u) return;
        vuur(u, "start");
        const einde = () => {
          if (this.nu !== u) return;
          u.__rec.markering = markering();
          vuur(u, "end");
          this.nu = null;
          this.volgende();
        };
        if (cfg.vasthoudenBij === u.__rec.nr) {
          u.__rec.vastgehouden = true;
          cfg.verder = einde;
        } else setTimeout(einde, cfg.vertraging);
      }, cfg.vertraging);
    }
    cancel() {
      window.__geannuleerd++;
      const u = this.nu;
      this.rij = [];
      this.nu = null;
      if (u) vuur(u, "error", { error: "interrupted" });
    }
    pause() { this.paused = true; }
    resume() { this.paused = false; }
  }
  const spraak = new Spraak();
  Object.defineProperty(window, "speechSynthesis", { value: spraak, configurable: true });
  window.SpeechSynthesisUtterance = Uiting;
  cfg.stemmenKomen = () => {
    beschikbaar = true;
    cfg.gekomen = true;
    const e = new Event("voiceschanged");
    if (spraak.onvoiceschanged) spraak.onvoiceschanged(e);
    spraak.dispatchEvent(e);
  };
  window.__spraak = cfg;
  if (!cfg.handmatig) setTimeout(cfg.stemmenKomen, 100);
})();"""

GESPROKEN = "() => window.__gesproken"
MARKERING = """() => { const h = CSS.highlights.get('voorlezen');
  return h ? [...h].map((r) => r.toString()).join('') : null; }"""

# The visible text of some top-level elements of the article, worked out apart from the script:
# a copy without what is never read (permalinks, the step navigation, buttons but a glossary word's,
# hints, hidden things such as a closed explanation of a glossary word).
ZICHTBARE_TEKST = """(elementen) => elementen.map((e) => {
  if (e.matches('nav, .voorlezen, script, noscript, [hidden]')) return '';
  const kopie = e.cloneNode(true);
  kopie.querySelectorAll('.headerlink, nav, button:not(.begrip), .illustratie-hint, script, style, '
                         + 'noscript, [hidden], [aria-hidden=true], img, svg').forEach((x) => x.remove());
  return kopie.textContent;
}).join(' ')"""
STAP_ELEMENTEN = """(id) => { const h2 = document.getElementById(id); const uit = [h2];
  for (let e = h2.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) uit.push(e);
  return uit; }"""


# A page is read from its title on (the language links above it are navigation).
PAGINA_ELEMENTEN = """() => { const uit = [];
  for (let e = document.querySelector('article h1'); e; e = e.nextElementSibling) uit.push(e);
  return uit; }"""


def standin(page, stemmen, **instellingen) -> None:
    page.add_init_script(STANDIN.replace("__INSTELLINGEN__", json.dumps({"stemmen": stemmen, **instellingen})))


def plat(tekst: str) -> str:
    """Text without any whitespace or soft hyphen: block boundaries differ, the words must not."""
    return re.sub(r"[\s\u00ad]+", "", tekst)


def gewoon(tekst: str | None) -> str:
    return re.sub(r"\s+", " ", (tekst or "").replace("\u00ad", "")).strip()


def stap_tekst(page, anker: str) -> str:
    return page.evaluate(f"(id) => ({ZICHTBARE_TEKST})(({STAP_ELEMENTEN})(id))", anker)


def gesproken(page) -> list[dict]:
    return page.evaluate(GESPROKEN)


def wacht_op_aantal(page, aantal: int) -> list[dict]:
    page.wait_for_function(f"() => window.__gesproken.length >= {aantal}")
    return gesproken(page)


def wacht_vast(page, nr: int) -> list[dict]:
    """Until utterance `nr` (1-based, the one __spraak.vasthoudenBij names) has started and is held."""
    page.wait_for_function(f"() => window.__gesproken.length >= {nr} && window.__gesproken[{nr - 1}].vastgehouden")
    return gesproken(page)


def knop(page, stap: str | None = None):
    if stap:
        return page.get_by_role("button", name=re.compile(rf"^(Lees voor|Pauzeer|Lees verder): stap {stap}$"))
    return page.locator(".voorlezen-knop")


def klaar_met_lezen(page, groep) -> None:
    """The reading of `groep` ended by itself: its Stop is gone, its label is 'Lees voor' again."""
    klaar_met_lezen_in(page, groep)
    expect(groep.locator(".voorlezen-knop")).to_have_text("Lees voor")


def klaar_met_lezen_in(page, groep) -> None:
    """The same in any language: Stop is gone and nothing more is said."""
    expect(groep.locator(".voorlezen-stop")).to_be_hidden(timeout=20_000)


@pytest.fixture
def telefoon(browser, base_url, requests_seen):
    """A new 360 px phone context for each page: the stand-in must be in place before it loads."""
    contexten = []

    def maak(stemmen=(ELLEN,), reduced_motion="no-preference", **instellingen):
        ctx = browser.new_context(base_url=base_url, reduced_motion=reduced_motion, **PHONE)
        ctx.on("request", lambda req: requests_seen.append(req.url))
        contexten.append(ctx)
        page = ctx.new_page()
        standin(page, list(stemmen), **instellingen)
        return page

    yield maak
    for ctx in contexten:
        ctx.close()


# ---------------------------------------------------------------- 1. a step, sentence by sentence

def test_keyboard_reads_step_2_sentence_by_sentence_with_the_local_nl_be_voice(telefoon, controles):
    # a local nl-NL voice and the network voice come first: the local nl-BE one must be chosen
    page = telefoon([XANDER, GOOGLE_NL, ELLEN, SAMANTHA])
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    stappen = page.evaluate("() => [...document.querySelectorAll('article h2[id^=stap-]')].map((h) => h.id)")
    assert stappen == [f"stap-{n}" for n in range(1, 9)]
    # one button right under each step's heading, named after its step, a group for each
    for n in range(1, 9):
        groep = page.locator(f"#stap-{n} + .voorlezen")
        expect(groep).to_have_attribute("role", "group")
        expect(groep.get_by_role("button", name=f"Lees voor: stap {n}")).to_have_text("Lees voor")
        expect(groep.locator(".voorlezen-stop")).to_be_hidden()
    # nothing is said before somebody asks
    page.wait_for_timeout(300)
    assert gesproken(page) == []

    # keyboard only: from the step's permalink, Tab to its button, Enter
    page.focus("#stap-2 .headerlink")
    page.keyboard.press("Tab")
    stap2 = knop(page, "2")
    expect(stap2).to_be_focused()
    focus = focus_stop(page)
    assert focus["zichtbaar"] and focus["indicator"], f"no visible focus on {focus['wie']}"
    controles["focus_stops"] += 1
    vak = stap2.bounding_box()
    assert vak["height"] >= 44 and vak["width"] >= 44, vak
    verwacht = stap_tekst(page, "stap-2")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Pauzeer: stap 2")).to_be_focused()
    expect(page.locator("#stap-2 + .voorlezen .voorlezen-stop")).to_be_visible()
    klaar_met_lezen(page, page.locator("#stap-2 + .voorlezen"))

    zinnen = gesproken(page)
    teksten = [z["tekst"] for z in zinnen]
    assert len(teksten) >= 8, teksten
    assert teksten[0] == "Stap 2: Meld je aan in het WSE-loket"  # the heading first, no soft hyphens, no "#"
    assert teksten[1] == "Het WSE-loket is een website van de Vlaamse overheid."
    assert teksten[2] == "Daar vraag je je opleidingscheques aan."
    # in order, all of the step's visible text and nothing else (not step 1's, not step 3's)
    assert plat("".join(teksten)) == plat(verwacht)
    assert not any(re.search(r"Stap [13]|Volgende|Vorige|Tik op de tekening", t) for t in teksten), teksten
    # one sentence per utterance
    assert all(not re.search(r"[.!?]\s", t) for t in teksten), [t for t in teksten if re.search(r"[.!?]\s", t)]
    assert any(t.startswith("Meld je aan.") or t == "Meld je aan." for t in teksten)
    # the voice: the local nl-BE one, never the network voice
    assert {(z["stem"], z["lang"]) for z in zinnen} == {("Ellen", "nl-BE")}
    # the highlight was on each sentence while it was read
    assert [gewoon(z["markering"]) for z in zinnen] == teksten
    # and it is gone at the end
    assert page.evaluate("() => CSS.highlights.has('voorlezen')") is False


def test_the_highlight_follows_and_scrolls_into_view(telefoon):
    """Held on one sentence at a time: the highlighted range is that sentence, on screen."""
    page = telefoon([ELLEN], vasthoudenBij=1, reduced_motion="reduce")
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    knop(page, "8").tap()
    for nr in range(1, 6):
        zinnen = wacht_vast(page, nr)
        assert len(zinnen) == nr
        assert gewoon(page.evaluate(MARKERING)) == zinnen[-1]["tekst"]
        vak = page.evaluate("""() => { const r = [...CSS.highlights.get('voorlezen')]
            .map((d) => d.getBoundingClientRect()).filter((v) => v.height);
            return [Math.min(...r.map((v) => v.top)), Math.max(...r.map((v) => v.bottom)), innerHeight]; }""")
        assert 0 <= vak[0] and vak[1] <= vak[2], vak  # on screen
        page.evaluate("() => window.scrollTo(0, 0)")  # the reader scrolls away: step 8 is far below
        page.evaluate(f"() => {{ window.__spraak.vasthoudenBij = {nr + 1}; window.__spraak.verder(); }}")
    assert gesproken(page)[0]["tekst"].startswith("Stap 8")


# ---------------------------------------------------------------- 2. pause, resume, stop

def test_pause_resumes_at_the_same_sentence_and_stop_stops(telefoon):
    page = telefoon([ELLEN], vasthoudenBij=3)
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    groep = page.locator("#stap-2 + .voorlezen")
    hoofd, stop = groep.locator(".voorlezen-knop"), groep.locator(".voorlezen-stop")
    hoofd.focus()
    page.keyboard.press("Enter")
    zinnen = wacht_vast(page, 3)  # the third sentence is being read
    derde = zinnen[2]["tekst"]
    expect(hoofd).to_have_text("Pauzeer")

    page.keyboard.press("Enter")  # pause
    expect(hoofd).to_have_text("Lees verder")
    expect(page.get_by_role("button", name="Lees verder: stap 2")).to_be_focused()
    expect(stop).to_be_visible()
    assert page.evaluate("() => window.__geannuleerd") >= 2  # one at the start, one for the pause
    assert gewoon(page.evaluate(MARKERING)) == derde  # the place is kept while paused
    page.wait_for_timeout(300)
    assert len(gesproken(page)) == 3  # nothing more while paused

    page.evaluate("() => { window.__spraak.vasthoudenBij = 6; }")
    page.keyboard.press("Enter")  # resume: the paused sentence again, then on
    expect(hoofd).to_have_text("Pauzeer")
    wacht_vast(page, 6)

    stop.focus()
    page.keyboard.press("Enter")  # Stop
    expect(hoofd).to_have_text("Lees voor")
    expect(stop).to_be_hidden()
    expect(page.get_by_role("button", name="Lees voor: stap 2")).to_be_focused()  # not lost with Stop
    assert page.evaluate("() => CSS.highlights.has('voorlezen')") is False
    page.evaluate("() => window.__spraak.verder()")  # the stopped utterance cannot go on
    page.wait_for_timeout(300)
    zinnen = [z["tekst"] for z in gesproken(page)]
    assert len(zinnen) == 6

    # the whole step once more, without pauses: the resumed reading went on where it was paused
    page.evaluate("() => { window.__spraak.vasthoudenBij = null; }")
    page.keyboard.press("Enter")
    klaar_met_lezen(page, groep)
    heel = [z["tekst"] for z in gesproken(page)][6:]
    assert zinnen == heel[:3] + heel[2:5]


def test_another_button_stops_the_first_and_a_step_reads_its_sub_steps(telefoon):
    page = telefoon([ELLEN], vasthoudenBij=2)
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    knop(page, "2").tap()
    wacht_vast(page, 2)
    verwacht = stap_tekst(page, "stap-3")
    knop(page, "3").tap()
    expect(knop(page, "2")).to_have_text("Lees voor")
    expect(page.locator("#stap-2 + .voorlezen .voorlezen-stop")).to_be_hidden()
    expect(knop(page, "3")).to_have_text("Pauzeer")
    klaar_met_lezen(page, page.locator("#stap-3 + .voorlezen"))
    zinnen = [z["tekst"] for z in gesproken(page)]
    stap3 = zinnen[2:]
    assert stap3[0].startswith("Stap 3:")
    assert plat("".join(stap3)) == plat(verwacht)
    assert any(z.startswith("Stap 3d") for z in stap3) and not any(z.startswith("Stap 4") for z in stap3)
    # Escape stops as well
    nr = page.evaluate("() => (window.__spraak.vasthoudenBij = window.__gesproken.length + 2)")
    knop(page, "5").focus()
    page.keyboard.press("Enter")
    wacht_vast(page, nr)
    expect(knop(page, "5")).to_have_text("Pauzeer")
    page.keyboard.press("Escape")
    expect(knop(page, "5")).to_have_text("Lees voor")
    assert page.evaluate("() => CSS.highlights.has('voorlezen')") is False


def test_a_glossary_word_is_read_and_its_explanation_only_when_open(telefoon):
    """The glossary's words (button.begrip) are read as words; their explanation only when open."""
    page = telefoon([ELLEN], vertraging=3)
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    woord = page.locator("#stap-2 ~ ol button.begrip", has_text="eID").first
    uitleg = page.locator(f"#{woord.get_attribute('aria-controls')}")
    expect(uitleg).to_be_hidden()
    knop(page, "2").tap()
    klaar_met_lezen(page, page.locator("#stap-2 + .voorlezen"))
    dicht = [z["tekst"] for z in gesproken(page)]
    assert "met je eID: je elektronische identiteitskaart in een kaartlezer;" in dicht
    assert "Meer over eID in de woordenlijst" not in " ".join(dicht)

    woord.tap()
    expect(uitleg).to_be_visible()
    knop(page, "2").tap()
    klaar_met_lezen(page, page.locator("#stap-2 + .voorlezen"))
    open_ = [z["tekst"] for z in gesproken(page)][len(dicht):]
    assert "met je eID" in open_ and "Meer over eID in de woordenlijst" in open_  # its own sentences
    assert plat("".join(open_)) == plat(stap_tekst(page, "stap-2"))


# ---------------------------------------------------------------- 3. and 4. which voices

@pytest.mark.parametrize("stemmen", [[GOOGLE_NL, SAMANTHA, AMELIE], [GOOGLE_NL], [SAMANTHA], []],
                         ids=["network-nl-and-local-others", "only-network-nl", "only-english", "none"])
def test_no_local_dutch_voice_no_button_and_nothing_spoken(telefoon, stemmen):
    page = telefoon(stemmen)
    for url in ("/stappenplan/", "/terugbetaling/"):
        page.goto(url)
        page.wait_for_function("() => window.__spraak.gekomen")
        page.wait_for_timeout(300)
        expect(page.locator(".voorlezen")).to_have_count(0)
        assert gesproken(page) == []
        # the page does not even load the buttons' script (the service worker stores it for later)
        geladen = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
        assert any(re.search(r"/assets/voorlezen\.[0-9a-f]{8}\.js$", u) for u in geladen)
        assert not any("voorlezer" in u for u in geladen), geladen


@pytest.mark.parametrize("stemmen", [[GOOGLE_NL, SAMANTHA, ANDROID_BE], [XANDER, GOOGLE_NL, ANDROID_BE]],
                         ids=["the-only-local-dutch-voice", "before-a-local-nl-NL-voice"])
def test_an_android_voice_with_an_underscore_is_used(telefoon, stemmen):
    page = telefoon(stemmen)
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    knop(page, "1").tap()
    klaar_met_lezen(page, page.locator("#stap-1 + .voorlezen"))
    zinnen = gesproken(page)
    assert zinnen and {(z["stem"], z["lang"]) for z in zinnen} == {("nl-be-x-bec-local", "nl-BE")}


def test_buttons_appear_when_the_voices_arrive(telefoon):
    page = telefoon([GOOGLE_NL, XANDER], handmatig=True)
    page.goto("/stappenplan/")
    page.wait_for_load_state("load")  # voorlezen.js has run (module scripts run before "load")
    page.wait_for_timeout(300)
    expect(page.locator(".voorlezen")).to_have_count(0)  # getVoices() is still empty
    assert not page.evaluate("() => performance.getEntriesByType('resource').some((e) => /voorlezer/.test(e.name))")
    page.evaluate("() => window.__spraak.stemmenKomen()")
    expect(knop(page)).to_have_count(8)
    knop(page, "4").tap()
    zinnen = wacht_op_aantal(page, 1)
    assert zinnen[0]["stem"] == "Xander" and zinnen[0]["lang"] == "nl-NL"  # no nl-BE: the local nl-NL one


# ---------------------------------------------------------------- 5. other pages

def test_other_pages_have_one_button_under_the_title(telefoon):
    page = telefoon([ELLEN], vertraging=3)
    for url in ("/", "/terugbetaling/", "/waar-heb-ik-recht-op/", "/bijlagen/bevestigingsmail/", "/toegankelijkheid/"):
        page.goto(url)
        expect(knop(page)).to_have_count(1)
        assert page.evaluate("() => document.querySelector('article h1').nextElementSibling.className") == "voorlezen"
        expect(page.get_by_role("button", name="Lees voor", exact=True)).to_be_visible()

    page.goto("/terugbetaling/")
    expect(knop(page)).to_have_count(1)
    verwacht = page.evaluate(f"() => ({ZICHTBARE_TEKST})(({PAGINA_ELEMENTEN})())")
    knop(page).tap()
    klaar_met_lezen(page, page.locator(".voorlezen"))
    teksten = [z["tekst"] for z in gesproken(page)]
    assert teksten[0] == "Terugbetaling: vraag je geld terug"
    assert "English" not in teksten and "Français" not in teksten  # the language links are not read
    assert plat("".join(teksten)) == plat(verwacht)
    assert len(teksten) > 20


def test_the_calculator_page_reads_aloud_and_still_computes(warme_pagina):
    page = warme_pagina
    standin(page, [ELLEN], vertraging=3)
    page.goto("/rekenhulp/?opleiding=andere&inschrijvingsgeld=400")
    expect(page.locator("#resultaat[data-route='cheques']")).to_be_attached(timeout=KLAAR)
    expect(knop(page)).to_have_count(1)
    assert page.evaluate("() => document.querySelector('article h1').nextElementSibling.className") == "voorlezen"
    knop(page).tap()
    klaar_met_lezen(page, page.locator(".voorlezen"))
    teksten = [z["tekst"] for z in gesproken(page)]
    assert teksten[0] == "Rekenhulp"
    alles = " ".join(teksten)
    assert "Welke opleiding volg je?" in teksten
    assert gewoon(page.locator("#resultaat-titel").inner_text()) in teksten  # the answer is read too
    # what is hidden or only there without JavaScript is not read
    assert "De rekenhulp laadt niet." not in alles and "JavaScript staat uit" not in alles
    # and the calculator still answers
    page.locator("#opleiding-nt2").check()
    page.fill("#inschrijvingsgeld", "120")
    page.locator("#bereken").click()
    expect(page.locator("#resultaat [data-veld='chequebedrag']")).to_have_attribute("data-waarde", "120", timeout=KLAAR)


@pytest.mark.parametrize("taal,stem,naam,niet", [
    ("en", DANIEL, "Read aloud: step 2", GOOGLE_UK),
    ("fr", THOMAS, "Écouter\u00a0: étape 2", GOOGLE_FR),
    ("ar", MAJED, "استمع: الخطوة 2", GOOGLE_AR),
], ids=["en", "fr", "ar"])
def test_a_translation_reads_with_a_local_voice_of_its_own_language(telefoon, taal, stem, naam, niet):
    """/en/, /fr/, /ar/: the labels of that language, a voice of that language; a Dutch one is no use."""
    page = telefoon([ELLEN, niet])  # only a Dutch voice on the device, and a network voice
    page.goto(f"/{taal}/stappenplan/")
    page.wait_for_function("() => window.__spraak.gekomen")
    page.wait_for_timeout(300)
    expect(page.locator(".voorlezen")).to_have_count(0)

    page = telefoon([ELLEN, niet, stem])
    page.goto(f"/{taal}/stappenplan/")
    expect(knop(page)).to_have_count(8)
    page.get_by_role("button", name=naam).tap()
    klaar_met_lezen_in(page, page.locator("#stap-2 + .voorlezen"))
    zinnen = gesproken(page)
    assert zinnen and {(z["stem"], z["lang"]) for z in zinnen} == {(stem["name"], stem["lang"])}
    assert plat("".join(z["tekst"] for z in zinnen)) == plat(stap_tekst(page, "stap-2"))


# ---------------------------------------------------------------- 6. axe, reflow, print

def test_axe_with_the_buttons_and_while_reading(browser, base_url, requests_seen, controles):
    """Light and dark in each state (test_a11y's Controle)."""
    ctx = browser.new_context(base_url=base_url, color_scheme="light", reduced_motion="reduce", **PHONE)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    standin(page, [ELLEN], vasthoudenBij=2)
    controle = Controle(page, AXE.read_text(encoding="utf-8"), "360x780", controles)
    try:
        page.goto("/stappenplan/")
        expect(knop(page)).to_have_count(8)
        controle("/stappenplan/ (lees voor)", "voorlezen")
        knop(page, "3").tap()
        wacht_vast(page, 2)
        expect(page.locator("#stap-3 + .voorlezen .voorlezen-stop")).to_be_visible()
        controle("/stappenplan/ (voorlezen bezig)", "voorlezen bezig")
        knop(page, "3").tap()
        expect(knop(page, "3")).to_have_text("Lees verder")
        controle("/stappenplan/ (voorlezen gepauzeerd)", "voorlezen gepauzeerd")
        page.goto("/terugbetaling/")
        expect(knop(page)).to_have_count(1)
        knop(page).tap()
        wacht_vast(page, 2)
        controle("/terugbetaling/ (voorlezen bezig)", "voorlezen bezig")
    finally:
        ctx.close()
    controle.meld()
    assert not controle.problemen, "\n".join(controle.problemen)


# Our buttons and groups whose box lies (partly) outside the screen.
ONZE_BUITEN_BEELD = """() => { const W = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.voorlezen, .voorlezen *')].map((e) => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width && (r.left < -1 || r.right > W + 1))
    .map(([e, r]) => `${e.tagName} ${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`); }"""
STANDEN = {"320px": (320, None), "360px-tekst-200-rem": (360, "rem"), "360px-tekst-200-browser": (360, "browser")}


@pytest.mark.parametrize("stand", STANDEN)
def test_buttons_fit_at_320_px_and_with_text_at_200_percent(browser, base_url, requests_seen, stand):
    breedte, tekst = STANDEN[stand]
    ctx = browser.new_context(base_url=base_url, **{**PHONE, "viewport": {"width": breedte, "height": 780}})
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    if tekst == "browser":
        cdp = ctx.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    standin(page, [ELLEN], vasthoudenBij=1)
    try:
        for url, groep in (("/stappenplan/", "#stap-3 + .voorlezen"), ("/terugbetaling/", ".voorlezen")):
            page.goto(url)
            expect(page.locator(groep)).to_be_visible()
            if tekst == "rem":
                page.evaluate(TEKST_200_REM)
            page.locator(groep).locator(".voorlezen-knop").tap()
            expect(page.locator(groep).locator(".voorlezen-stop")).to_be_visible()  # both buttons shown
            for b in page.locator(groep).get_by_role("button").all():
                vak = b.bounding_box()
                assert vak["height"] >= 44 and vak["width"] >= 44, vak
            buiten = page.evaluate(ONZE_BUITEN_BEELD)
            assert not buiten, f"{url}: {buiten}"
            # and the buttons make the page no wider than it is without them
            met = page.evaluate("document.scrollingElement.scrollWidth")
            zonder = page.evaluate("""() => { const g = [...document.querySelectorAll('.voorlezen')];
                g.forEach((e) => { e.style.display = 'none'; });
                const w = document.scrollingElement.scrollWidth;
                g.forEach((e) => { e.style.display = ''; }); return w; }""")
            assert met <= max(breedte, zonder), (url, met, zonder)
    finally:
        ctx.close()


def test_printed_pages_have_no_buttons(telefoon):
    page = telefoon([ELLEN])
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    page.emulate_media(media="print")
    expect(page.locator(".voorlezen").first).to_be_hidden()


def test_without_the_highlight_api_the_block_is_outlined(telefoon):
    page = telefoon([ELLEN], vasthoudenBij=2)
    page.add_init_script("Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });")
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    knop(page, "2").tap()
    wacht_vast(page, 2)
    expect(page.locator(".voorlezen-blok")).to_have_count(1)
    assert page.locator(".voorlezen-blok").evaluate("(e) => e.tagName") == "P"
    assert page.locator(".voorlezen-blok").evaluate("(e) => getComputedStyle(e).outlineStyle") == "solid"
    knop(page, "2").tap()  # pause
    page.get_by_role("button", name="Stop").tap()
    expect(page.locator(".voorlezen-blok")).to_have_count(0)


# ---------------------------------------------------------------- 7. offline

def test_read_aloud_works_offline(browser, site_dir, requests_seen):
    for naam in ("voorlezen", "voorlezer"):
        assert any(re.fullmatch(rf"assets/{naam}\.[0-9a-f]{{8}}\.js", p) for p in lijst(site_dir, "PAGINAS")), naam
    with eigen_server(site_dir) as (server, basis):
        context = browser.new_context(base_url=basis, **PHONE)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        standin(page, [ELLEN], vertraging=3)
        page.goto("/")
        assert page.evaluate(SW_KLAAR).endswith("/sw.js")
        assert page.evaluate(WACHT_OP_CACHE, ["gids-", len(lijst(site_dir, "PAGINAS"))]) > 0
    # the server is gone, the browser is offline and its HTTP cache empty
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)
    mislukt = []
    page.on("requestfailed", lambda req: mislukt.append(req.url))
    page.goto("/stappenplan/")
    expect(knop(page)).to_have_count(8)
    knop(page, "6").tap()
    klaar_met_lezen(page, page.locator("#stap-6 + .voorlezen"))
    zinnen = gesproken(page)
    assert zinnen[0]["tekst"].startswith("Stap 6") and len(zinnen) > 3
    assert not mislukt, mislukt
    context.close()
