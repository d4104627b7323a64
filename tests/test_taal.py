"""The plain-language gate (issue 13, item 4): the main text of every built page, every glossary
explanation and every text of the calculator's answer is written in plain Dutch.

Rules, per sentence and per page:

- no sentence over 20 words (exceptions in tests/taal/uitzonderingen.yaml, each with its reason,
  each matched exactly and each still on its page);
- at most 12 words a sentence on average on each page, over its running text: sentences that
  end in . ? ! : or ; outside headings, table headers, buttons, navigation and blocks that are only
  a link. Those, and labels or values without such an end ("€ 250", "Ja", "Graduaat of bachelor"),
  are names rather than sentences: they count for every other rule, but in the average they would
  only make the text look plainer than it is;
- none of the formal words the Flemish government's writing guide "Heerlijk Helder" tells us to
  avoid (tests/taal/vermijden.yaml, with its source);
- every word that is rare in everyday Dutch (wordfreq's Zipf frequency below 3 on the word and on
  its lemma from simplemma, the higher of the two) is in the glossary (talen/nl/woordenlijst.yaml)
  or on the reviewed allow-list (tests/taal/toegestaan.yaml), and that list has no stale words.

What counts as the main text: the page's <article> without code, scripts, drawings, the
headings' permalink "#", addresses shown as text and the hidden glossary explanations (those are
checked from the data file, with its examples). A sentence ends at . ! or ? followed by a space,
at a line break and at the end of every block (paragraph, list item, table cell, heading...).
The figures per page are printed at the end of the run (tests/conftest.py).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LIJSTEN = Path(__file__).resolve().parent / "taal"

MAX_WOORDEN = 20
MAX_GEMIDDELD = 12
ZIPF_ZELDZAAM = 3.0

# --------------------------------------------------------------------------- reading the HTML

# Never text a reader reads as prose.
_OVERSLAAN = {"script", "style", "svg", "code", "pre", "kbd", "template", "textarea", "select",
              "math", "head", "title"}
_OVERSLAAN_KLASSEN = {"headerlink", "begrip-uitleg"}
# Every one of these starts and ends a block (and so a sentence).
_BLOKKEN = {"p", "li", "td", "th", "dt", "dd", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5",
            "h6", "div", "section", "ul", "ol", "dl", "table", "tr", "thead", "tbody", "blockquote",
            "figure", "nav", "form", "fieldset", "legend", "label", "button", "details", "summary",
            "noscript", "article", "header", "footer", "aside", "hr", "br", "progress"}
# Names rather than sentences: checked for words and length, not counted in the average.
_KOPPEN = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "nav", "button", "summary"}
_KOP_KLASSEN = {"admonition-title", "handout-titel", "keuze-naam"}
_LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Blok:
    tekst: str
    kop: bool  # a heading, table header, button, navigation, a name or a block that is only a link


class _Lezer(HTMLParser):
    """Splits an <article> into blocks of visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blokken: list[Blok] = []
        self.stapel: list[tuple[str, bool, bool, bool]] = []  # (tag, skipped, heading-like, a block)
        self.tekst: list[str] = []
        self.link_tekst: list[str] = []  # the part of the current block inside links

    def _in(self, naam: str) -> bool:
        return any(e[0] == naam for e in self.stapel)

    def _overslaan(self) -> bool:
        return any(e[1] for e in self.stapel)

    def _kop(self) -> bool:
        return any(e[2] for e in self.stapel)

    def _sluit_blok(self):
        tekst = _schoon("".join(self.tekst))
        if tekst:
            alleen_link = _schoon("".join(self.link_tekst)) == tekst
            self.blokken.append(Blok(tekst, self._kop() or alleen_link))
        self.tekst, self.link_tekst = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        klassen = set((attrs.get("class") or "").split())
        # every link of a navigation and every name (a choice's name in its label) is a block of its own
        blok = tag in _BLOKKEN or tag == "a" and self._in("nav") or bool(klassen & _KOP_KLASSEN)
        if blok:
            self._sluit_blok()
        if tag in _LEEG:
            return
        # text marked as another language (the language links, other languages' links) is not Dutch
        ander = attrs.get("lang") not in (None, "", "nl")
        skip = tag in _OVERSLAAN or bool(klassen & _OVERSLAAN_KLASSEN) or ander
        self.stapel.append((tag, skip, tag in _KOPPEN or bool(klassen & _KOP_KLASSEN), blok))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOKKEN:
            self._sluit_blok()

    def handle_endtag(self, tag):
        if tag in _LEEG or not self._in(tag):
            return
        while self.stapel:
            naam, _, _, blok = self.stapel[-1]
            if blok:
                self._sluit_blok()
            self.stapel.pop()
            if naam == tag:
                break

    def handle_data(self, data):
        if self._overslaan():
            return
        self.tekst.append(data)
        if self._in("a"):
            self.link_tekst.append(data)

    def close(self):
        super().close()
        self._sluit_blok()


_ADRES = re.compile(
    r"\b(?:https?://|www\.)\S+"                                   # http://…, www.…
    r"|\S+@\S+\.[a-z]{2,}"                                        # e-mail addresses
    r"|\b(?:[\w-]+\.)+(?:be|nl|org|com|net|eu|vlaanderen)\b(?:/\S*)?",  # vlaanderen.be, agodi.be/jojo-project
    re.I)


def _schoon(tekst: str) -> str:
    tekst = tekst.replace("\u00ad", "").replace("\u00a0", " ")  # soft hyphens in headings, no-break spaces
    tekst = re.sub(r"\(\s*\)", " ", _ADRES.sub(" ", tekst))  # "(vlaanderen.be)" leaves no "( )"
    return re.sub(r"\s+", " ", tekst).strip()


def artikel(html: str) -> str:
    m = re.search(r"<article\b.*?</article>", html, re.S)
    assert m, "pagina zonder <article>"
    return m.group(0)


def blokken(html: str) -> list[Blok]:
    """The blocks of visible prose in a piece of HTML (an <article>)."""
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.blokken


# ------------------------------------------------------------------ sentences and their words

# Abbreviations whose full stop does not end a sentence.
_AFKORTINGEN = ("bv", "bijv", "o.a", "d.w.z", "m.a.w", "i.p.v", "m.b.t", "nr", "ca", "vb", "max",
                "min", "enz", "incl", "excl", "resp", "t.e.m", "t.o.v")
_EINDE = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+")


def zinnen(tekst: str) -> list[str]:
    """A block's text split into sentences: at . ! ? followed by whitespace (not after a known
    abbreviation such as 'bv.')."""
    uit, begin = [], 0
    for m in _EINDE.finditer(tekst):
        voor = tekst[begin:m.start()]
        laatste = voor.split()[-1].lower().rstrip(".\"”’')]") if voor.split() else ""
        if voor.endswith(".") and laatste.lstrip("(\"“‘'") in _AFKORTINGEN:
            continue
        uit.append(tekst[begin:m.end()].strip())
        begin = m.end()
    uit.append(tekst[begin:].strip())
    return [z for z in uit if woorden(z)]


def woorden(zin: str) -> list[str]:
    """The words of a sentence: what a reader counts as one (€ on its own, → or - are none;
    'JoJo/VeVe-coördinatie', '1.234,50' and '3a.' are one each)."""
    return [w for w in zin.split() if re.search(r"[^\W_]", w)]


# ---------------------------------------------------------------------- words to avoid


@dataclass
class Vermijden:
    woord: str
    liever: str
    patroon: re.Pattern


@functools.lru_cache(maxsize=None)
def te_vermijden() -> tuple[Vermijden, ...]:
    data = yaml.safe_load((LIJSTEN / "vermijden.yaml").read_text(encoding="utf-8"))
    uit = []
    for item in data["woorden"]:
        vormen = item.get("vormen") or [item["woord"]]
        deel = "|".join(r"\s+".join(re.escape(d) for d in v.split()) for v in
                        sorted(vormen, key=len, reverse=True))
        uit.append(Vermijden(item["woord"], item["liever"], re.compile(rf"(?<![\w-])(?:{deel})(?![\w-])", re.I)))
    return tuple(uit)


def vermeden_woorden(zin: str) -> list[tuple[str, Vermijden]]:
    return [(m.group(0), v) for v in te_vermijden() for m in v.patroon.finditer(zin)]


# -------------------------------------------------------------------------- rare words


@functools.lru_cache(maxsize=None)
def woordenlijst() -> tuple[dict, ...]:
    data = yaml.safe_load((ROOT / "talen" / "nl" / "woordenlijst.yaml").read_text(encoding="utf-8"))
    return tuple(data["woorden"])


@functools.lru_cache(maxsize=None)
def _begrippen() -> tuple[re.Pattern, dict[str, str]]:
    """The glossary's words and forms, as the build finds them (whole words, no case)."""
    vormen = {}
    for w in woordenlijst():
        for v in [w["woord"], *w.get("vormen", [])]:
            vormen[v.lower()] = w["anker"]
    deel = "|".join(re.escape(v) for v in sorted(vormen, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{deel})(?![\w-])", re.I), vormen


@functools.lru_cache(maxsize=None)
def toegestaan() -> dict[str, tuple[str, str]]:
    """The reviewed allow-list: word (lower case) -> (group, reason)."""
    data = yaml.safe_load((LIJSTEN / "toegestaan.yaml").read_text(encoding="utf-8"))
    uit = {}
    for groep in data["groepen"]:
        for woord, reden in groep["woorden"].items():
            assert woord.lower() not in uit, f"{woord} staat twee keer in toegestaan.yaml"
            uit[woord.lower()] = (groep["groep"], reden)
    return uit


@functools.lru_cache(maxsize=None)
def zipf(woord: str) -> float:
    """How common a word is in Dutch (Zipf scale: 3 is once per million words), the higher of
    the word itself and its lemma ('aanvraagt' counts as 'aanvragen')."""
    import simplemma
    from wordfreq import zipf_frequency
    woord = woord.lower()
    lemma = simplemma.lemmatize(woord, lang="nl").lower()
    return max(zipf_frequency(woord, "nl"), zipf_frequency(lemma, "nl"))


_RAND = "\"'“”‘’«»()[]{}.,;:!?…*→←↑·/"


def woorddelen(tekst: str) -> list[str]:
    """The words of a text for the frequency check: glossary words taken out first, then every
    token without digits split at '/', its edges' punctuation and hyphens stripped."""
    patroon, _ = _begrippen()
    tekst = patroon.sub(" ", tekst)
    uit = []
    for token in tekst.split():
        for deel in token.split("/"):
            deel = deel.strip(_RAND).strip("-")
            if len(deel) < 2 or re.search(r"\d", deel) or not re.search(r"[^\W\d_]", deel):
                continue
            uit.append(deel)
    return uit


def is_uitgelegd(woord: str) -> bool:
    return woord.lower() in _begrippen()[1]


def zeldzaam(woord: str) -> list[str]:
    """The rare part(s) of a word that is neither common, in the glossary nor on the allow-list:
    a hyphenated word passes when the whole passes or each of its parts does."""
    def gaat(w):
        return zipf(w) >= ZIPF_ZELDZAAM or is_uitgelegd(w) or w.lower() in toegestaan()
    if gaat(woord):
        return []
    delen = [d for d in woord.split("-") if d]
    if len(delen) > 1:
        return [d for d in delen if not gaat(d)]
    return [woord]


# --------------------------------------------------------------------------- the texts


@dataclass
class Zin:
    tekst: str
    kop: bool

    @property
    def lengte(self) -> int:
        return len(woorden(self.tekst))


@dataclass
class Tekst:
    """One page (or the glossary's explanations, or the calculator's texts) as sentences."""
    naam: str
    zinnen: list[Zin]
    uitleg: str = ""  # where to fix it
    zeldzaam_uitgelegd: set[str] = field(default_factory=set)
    zeldzaam_toegestaan: set[str] = field(default_factory=set)

    @property
    def lopend(self) -> list[Zin]:
        return [z for z in self.zinnen if not z.kop]

    @property
    def gemiddeld(self) -> float:
        return sum(z.lengte for z in self.lopend) / len(self.lopend) if self.lopend else 0.0

    @property
    def langste(self) -> Zin | None:
        return max(self.zinnen, key=lambda z: z.lengte, default=None)


def is_zin(tekst: str) -> bool:
    """Running text ends like a sentence; a name, a label or a value ("€ 250", "Ja") does not."""
    return tekst.rstrip("\"”’')] ").endswith((".", "?", "!", ":", ";"))


def uit_blokken(naam: str, blokken_: list[Blok], uitleg: str) -> Tekst:
    return Tekst(naam, [Zin(z, b.kop or not is_zin(z)) for b in blokken_ for z in zinnen(b.tekst)], uitleg)


def _bron_van(pagina: str) -> str:
    """Where a built page's text is written."""
    if pagina == "/woordenlijst/":
        return "docs/woordenlijst.md en talen/nl/woordenlijst.yaml"
    pad = pagina.strip("/") or "index"
    md = ROOT / "docs" / f"{pad}.md"
    bron = md if md.is_file() else ROOT / "docs" / pad / "index.md"
    return (f"{bron.relative_to(ROOT)} (of de templates/ en calculator/teksten/nl.json die de pagina "
            "invullen)")


def _andere_talen() -> set[str]:
    from sitebuild.talen import other_codes
    return set(other_codes())


_ANDERE_TALEN = _andere_talen()


@pytest.fixture(scope="module")
def paginas(site_dir) -> list[Tekst]:
    uit = []
    for html in sorted(site_dir.rglob("index.html")):
        pad = html.parent.relative_to(site_dir).as_posix()
        pagina = "/" if pad == "." else f"/{pad}/"
        if pagina.startswith("/assets/") or pagina.split("/")[1] in _ANDERE_TALEN:
            continue  # the Dutch gate reads Dutch pages; translations: tests/test_talen.py
        uit.append(uit_blokken(pagina, blokken(artikel(html.read_text(encoding="utf-8"))), _bron_van(pagina)))
    assert len(uit) >= 14, [t.naam for t in uit]
    return uit


def _begrip_teksten() -> Tekst:
    """Every glossary explanation and example as the reader gets it (rules filled in)."""
    from sitebuild import content, woordenlijst as wl
    ctx = content.context()
    zinnen_ = []
    for w in wl.rendered(ctx):
        for deel in (w["uitleg"], w["voorbeeld"]):
            zinnen_ += [Zin(z, False) for z in zinnen(_schoon(deel or ""))]
        meer = wl.site_texts()["begrippen"]["meer"].replace("{woord}", w["woord"])
        zinnen_.append(Zin(meer, True))
    return Tekst("woordenlijst: uitleg en voorbeelden", zinnen_, "talen/nl/woordenlijst.yaml")


# Representative values for the placeholders of the calculator's texts (amounts are one word).
_INVULLING = {"start": "1 september 2026", "gecontroleerd_op": "1 december 2026", "schooljaar": "2026-2027",
              "opleiding": "Andere opleiding", "veld": "Inschrijvingsgeld", "melding": "Vul een bedrag in.",
              "woord": "opleidingscheques"}
# Parts that are no text of their own: pieces the helpers put into sentences, and links.
_GEEN_TEKST = {"taal", "maanden", "aandelen", "aandeel_zin", "datum", "dag_en_maand", "periode", "link"}


def _reken_teksten() -> Tekst:
    """Every text of calculator/teksten/nl.json (the answer on /rekenhulp/, in the worked examples
    and the CLI) and talen/nl/site.json, with each placeholder filled in."""
    zinnen_ = []

    def loop(waarde, sleutel=""):
        if isinstance(waarde, dict):
            for k, v in waarde.items():
                if k not in _GEEN_TEKST:
                    loop(v, k)
        elif isinstance(waarde, str):
            tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", waarde).replace("**", "")
            tekst = re.sub(r"\{(\w+)\}", lambda m: _INVULLING.get(m.group(1), "€ 250"), tekst)
            zinnen_.extend(Zin(z, not is_zin(z)) for z in zinnen(_schoon(tekst)))
    loop(json.loads((ROOT / "calculator" / "teksten" / "nl.json").read_text(encoding="utf-8")))
    loop(json.loads((ROOT / "talen" / "nl" / "site.json").read_text(encoding="utf-8")))
    return Tekst("rekenhulp-teksten", zinnen_, "calculator/teksten/nl.json en talen/nl/site.json")


@pytest.fixture(scope="module")
def teksten(paginas) -> list[Tekst]:
    return [*paginas, _begrip_teksten(), _reken_teksten()]


@functools.lru_cache(maxsize=None)
def uitzonderingen() -> list[dict]:
    data = yaml.safe_load((LIJSTEN / "uitzonderingen.yaml").read_text(encoding="utf-8"))
    return list(data.get("uitzonderingen") or [])


def _uitzondering(naam: str, zin: str) -> dict | None:
    return next((u for u in uitzonderingen() if u["pagina"] == naam and u["zin"] == zin), None)


# ---------------------------------------------------------------------------------- tests


def test_every_page_is_read(paginas):
    namen = {t.naam for t in paginas}
    for pagina in ("/", "/stappenplan/", "/rekenhulp/", "/woordenlijst/", "/bijlagen/",
                   "/bijlagen/inschrijvingsbewijs/", "/voor-coordinatoren/folder/", "/toegankelijkheid/"):
        assert pagina in namen
    for t in paginas:
        assert len(t.zinnen) >= 5, f"{t.naam}: bijna geen tekst gevonden ({len(t.zinnen)} zinnen)"


def test_no_sentence_over_20_words(teksten, taal_cijfers):
    _noteer(teksten, taal_cijfers)
    te_lang = [f"{t.naam}: {z.lengte} woorden: \"{z.tekst}\"\n    in {t.uitleg}"
               for t in teksten for z in t.zinnen if z.lengte > MAX_WOORDEN and not _uitzondering(t.naam, z.tekst)]
    assert not te_lang, (
        f"zinnen van meer dan {MAX_WOORDEN} woorden. Knip ze in twee (één boodschap per zin), of zet "
        "de zin met een reden in tests/taal/uitzonderingen.yaml als knippen hem onduidelijker maakt:\n  "
        + "\n  ".join(te_lang))


def test_exceptions_are_still_needed(teksten):
    """Every exception has a reason, matches a sentence exactly and that sentence is still too long."""
    gevonden = {(t.naam, z.tekst): z.lengte for t in teksten for z in t.zinnen}
    oud = []
    for u in uitzonderingen():
        assert u.get("reden", "").strip(), f"uitzondering zonder reden: {u}"
        lengte = gevonden.get((u["pagina"], u["zin"]))
        if lengte is None:
            oud.append(f"{u['pagina']}: \"{u['zin']}\" staat niet (meer) zo op de pagina")
        elif lengte <= MAX_WOORDEN:
            oud.append(f"{u['pagina']}: \"{u['zin']}\" is nu {lengte} woorden en mag gewoon")
    assert not oud, "verouderde uitzonderingen; haal ze uit tests/taal/uitzonderingen.yaml:\n  " + "\n  ".join(oud)


def test_at_most_12_words_a_sentence_on_average(teksten):
    te_lang = [f"{t.naam}: gemiddeld {t.gemiddeld:.1f} woorden over {len(t.lopend)} zinnen; "
               f"de langste: \"{max(t.lopend, key=lambda z: z.lengte).tekst}\"\n    in {t.uitleg}"
               for t in teksten if t.gemiddeld > MAX_GEMIDDELD]
    assert not te_lang, (f"gemiddeld meer dan {MAX_GEMIDDELD} woorden per zin. Knip de langste zinnen "
                         "in twee:\n  " + "\n  ".join(te_lang))


def test_no_word_from_the_heerlijk_helder_avoid_list(teksten):
    gevonden = [f"{t.naam}: \"{woord}\" in \"{z.tekst}\": schrijf liever {v.liever}\n    in {t.uitleg}"
                for t in teksten for z in t.zinnen for woord, v in vermeden_woorden(z.tekst)]
    assert not gevonden, ("woorden die Heerlijk Helder (Vlaamse overheid) laat vermijden "
                          "(tests/taal/vermijden.yaml):\n  " + "\n  ".join(gevonden))


def test_every_rare_word_is_explained_or_allowed(teksten, taal_cijfers):
    ontbreekt: dict[str, list[str]] = {}
    for t in teksten:
        for z in t.zinnen:
            for woord in woorddelen(z.tekst):
                for deel in zeldzaam(woord):
                    ontbreekt.setdefault(deel.lower(), []).append(f"{t.naam}: \"{z.tekst}\"")
    _noteer(teksten, taal_cijfers)
    regels = [f"{w} (Zipf {zipf(w):.1f}), bv. {plaatsen[0]}" + (f" (+{len(plaatsen) - 1})" if len(plaatsen) > 1 else "")
              for w, plaatsen in sorted(ontbreekt.items())]
    assert not regels, (
        "zeldzame woorden zonder uitleg. Kies een gewoner woord, of zet het woord in de woordenlijst "
        "(talen/nl/woordenlijst.yaml, als deelnemers het echt tegenkomen; het anker ook in "
        "sitebuild/layout.py GLOSSARY_ANCHORS), of met een reden in tests/taal/toegestaan.yaml:\n  "
        + "\n  ".join(regels))


def test_allow_list_has_no_stale_words(teksten):
    """An allowed word that is no longer used, is common after all or is in the glossary goes."""
    nodig = set()
    for t in teksten:
        for z in t.zinnen:
            for woord in woorddelen(z.tekst):
                for deel in [woord, *woord.split("-")]:
                    if zipf(deel) < ZIPF_ZELDZAAM and not is_uitgelegd(deel):
                        nodig.add(deel.lower())
    oud = [f"{w} ({groep})" for w, (groep, _) in toegestaan().items() if w not in nodig]
    assert not oud, ("woorden in tests/taal/toegestaan.yaml die niet (meer) nodig zijn: ze staan op "
                     "geen pagina, zijn niet zeldzaam of staan in de woordenlijst. Haal ze weg:\n  "
                     + "\n  ".join(oud))


def test_the_lists_are_well_formed():
    data = yaml.safe_load((LIJSTEN / "vermijden.yaml").read_text(encoding="utf-8"))
    assert data["bron"]["url"].startswith("https://") and data["bron"]["titel"]
    woorden_ = {v.woord for v in te_vermijden()}
    for verplicht in ("indien", "reeds", "dienen te", "bekomen", "vermits", "aangaande", "teneinde",
                      "middels", "alsook", "alvorens", "betreffende", "dienaangaande", "derhalve",
                      "evenwel", "hieromtrent", "inzake", "omtrent", "overeenkomstig", "thans",
                      "trachten", "zulks", "ingevolge", "onverwijld", "nadien", "voormeld",
                      "desgevallend", "m.b.t."):
        assert verplicht in woorden_, f"{verplicht} ontbreekt in tests/taal/vermijden.yaml"
    for woord, (groep, reden) in toegestaan().items():
        assert reden.strip(), f"{woord} ({groep}) heeft geen reden in tests/taal/toegestaan.yaml"
        assert not is_uitgelegd(woord), f"{woord} staat in de woordenlijst én in toegestaan.yaml"


# ------------------------------------------------------------------ the figures at the end


def _noteer(teksten: list[Tekst], cijfers: dict) -> None:
    """The figures per text for the summary (tests/conftest.py prints them)."""
    for t in teksten:
        uitgelegd, toegelaten = set(), set()
        for z in t.zinnen:
            patroon, _ = _begrippen()
            for m in patroon.finditer(z.tekst):
                if zipf(m.group(0)) < ZIPF_ZELDZAAM:
                    uitgelegd.add(m.group(0).lower())
            for woord in woorddelen(z.tekst):
                for deel in [woord, *woord.split("-")]:
                    if zipf(deel) < ZIPF_ZELDZAAM and deel.lower() in toegestaan():
                        toegelaten.add(deel.lower())
        langste = t.langste
        cijfers[t.naam] = {"zinnen": len(t.zinnen), "lopend": len(t.lopend), "gemiddeld": t.gemiddeld,
                           "langste": langste.lengte if langste else 0,
                           "uitgelegd": len(uitgelegd), "toegestaan": len(toegelaten)}


# ------------------------------------------------------------- the gate's own parts, made up


def test_a_21_word_sentence_is_too_long_and_20_is_not():
    twintig = " ".join(["woord"] * 19) + " einde."
    assert [len(woorden(z)) for z in zinnen(twintig + " " + "Nog " + twintig)] == [20, 21]


def test_sentences_end_at_punctuation_and_blocks_not_at_abbreviations():
    html = ("<article><h2>Kop<a class='headerlink' href='#k'>#</a></h2><p>Een zin. Nog een zin! "
            "Een vraag? Ja, bv. een boek, max. € 250.</p><ul><li>een punt</li><li>nog een punt;<ul>"
            "<li>dieper</li></ul></li></ul><p>Zie <a href='https://www.vlaanderen.be/x'>"
            "www.vlaanderen.be/x</a> of mail naar info@voorbeeld.be.</p>"
            "<pre><code>niet dit</code></pre><script>niet dit</script>"
            "<p>Voor<span class='begrip-uitleg' hidden>verborgen uitleg</span> en na.<br>Nieuwe regel</p>"
            "<p><a href='#x'>Alleen een link</a></p></article>")
    b = blokken(html)
    assert [x.tekst for x in b] == ["Kop", "Een zin. Nog een zin! Een vraag? Ja, bv. een boek, max. € 250.",
                                    "een punt", "nog een punt;", "dieper", "Zie of mail naar .",
                                    "Voor en na.", "Nieuwe regel", "Alleen een link"]
    assert [x.kop for x in b] == [True, False, False, False, False, False, False, False, True]
    assert zinnen(b[1].tekst) == ["Een zin.", "Nog een zin!", "Een vraag?", "Ja, bv. een boek, max. € 250."]
    assert woorden("Ja, bv. een boek, max. € 250.") == ["Ja,", "bv.", "een", "boek,", "max.", "250."]


def test_the_average_counts_running_text_only():
    t = Tekst("x", [Zin("een twee drie vier", False), Zin("kop", True), Zin("een twee", False)])
    assert t.gemiddeld == 3 and t.langste.lengte == 4


@pytest.mark.parametrize("zin, verboden", [
    ("Indien je dat wil, kan het.", "indien"),
    ("Je hebt reeds betaald.", "reeds"),
    ("Je dient te betalen.", "dienen te"),
    ("Hij diende   te wachten.", "dienen te"),
    ("Je bekomt een cheque.", "bekomen"),
    ("Dit gebeurt m.b.t. je aanvraag.", "m.b.t."),
    ("Je tracht het opnieuw.", "trachten"),
])
def test_avoid_list_catches_formal_words(zin, verboden):
    assert [v.woord for _, v in vermeden_woorden(zin)] == [verboden]


@pytest.mark.parametrize("zin", [
    "Dien je aanvraag in.", "Je kan je aanvraag indienen.", "Controleer en dien in.",
    "Hij bekeek de mail.", "De dienst betaalt.",
])
def test_avoid_list_leaves_everyday_words_alone(zin):
    assert vermeden_woorden(zin) == []


def test_rare_words_need_the_glossary_or_the_allow_list():
    assert zeldzaam("fietsen") == []                        # common
    assert zeldzaam("aanvraagt") == []                      # common through its lemma
    assert zeldzaam("plofkwastigheid") == ["plofkwastigheid"]  # made up, so rare
    assert woorddelen("Je ODB-registratienummer en je opleidingscheques, 3a en € 250.") == ["Je", "en", "je", "en"]
    assert zeldzaam("fiets-plofkwastigheid") == ["plofkwastigheid"]
