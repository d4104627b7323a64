"""The site in every language of mkdocs.yml (issue 14), checked on the built site: every page at the
same path under /<taal>/ with the same headings, anchors, warning boxes and amounts as the Dutch
page; every text key translated; no Dutch sentence left untranslated; the language links
(hreflang, the switch, the note that Dutch prevails) lead to pages that exist; each language has
its own search index and its own page-not-found."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest
import yaml

from calculator.teksten import TALEN, als_tekst, teksten
from calculator import bereken
from sitebuild.layout import CONTRACT_URLS, GLOSSARY_ANCHORS, ROOT
from sitebuild.talen import languages
from sitebuild.reflow import SOFT_HYPHEN, WOORDENBOEKEN
from sitebuild.woordenlijst import site_texts

TAAL_CODES = [t["code"] for t in languages()]
ANDERE = TAAL_CODES[1:]
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_UITLEG = re.compile(r'<span class="begrip-uitleg".*?</span>', re.S)
# not compared: code, drawings, the language links, anything marked as another language (the
# coordinators' list of other languages), and the titles of Dutch sources linked from /over/
_NOT_CONTENT = re.compile(r"<(script|style|svg|code|nav)\b.*?</\1>|<(li|p|span|div)\b[^>]*\blang=\"[^\"]+\".*?</\2>"
                          r"|<a href=\"https?://[^\"]+\"[^>]*>.*?</a>", re.S)


def _pages(site: Path, taal: str) -> dict[str, str]:
    wortel = site if taal == "nl" else site / taal
    uit = {}
    for pad in sorted(wortel.rglob("index.html")):
        rel = pad.parent.relative_to(wortel).as_posix()
        if rel.split("/")[0] in ANDERE + ["assets", "search"]:
            continue
        uit["/" if rel == "." else f"/{rel}/"] = pad.read_text(encoding="utf-8")
    return uit


@pytest.fixture(scope="module")
def paginas(site_dir) -> dict[str, dict[str, str]]:
    return {taal: _pages(site_dir, taal) for taal in TAAL_CODES}


def _article(html: str) -> str:
    return _ARTICLE.search(html).group(1)


def _keys(data, pad="") -> set[str]:
    if isinstance(data, dict):
        return {k for key, v in data.items() for k in _keys(v, f"{pad}.{key}")} | {pad}
    if isinstance(data, list):
        return {pad} | {k for i, v in enumerate(data) for k in _keys(v, f"{pad}[{i}]")}
    return {pad}


def _placeholders(data) -> list[str]:
    if isinstance(data, dict):
        return [p for v in data.values() for p in _placeholders(v)]
    if isinstance(data, list):
        return [p for v in data for p in _placeholders(v)]
    return sorted(set(re.findall(r"\{\w+\}", data))) if isinstance(data, str) else []


def test_there_is_more_than_dutch_and_dutch_comes_first():
    assert TAAL_CODES[0] == "nl" and len(TAAL_CODES) >= 2
    assert set(TAAL_CODES) <= set(TALEN), "every language of the site has the calculator's texts"


@pytest.mark.parametrize("taal", ANDERE)
def test_every_text_key_is_translated_with_its_placeholders(taal):
    for nl, vertaald in [
        (teksten("nl"), teksten(taal)),
        *[(json.loads((ROOT / "talen" / t / naam).read_text(encoding="utf-8")) for t in ("nl", taal))
          for naam in ("site.json", "illustraties.json")],
    ]:
        assert _keys(nl) == _keys(vertaald), sorted(_keys(nl) ^ _keys(vertaald))[:10]
        for sleutel in nl:
            assert _placeholders(nl[sleutel]) == _placeholders(vertaald[sleutel]), (taal, sleutel)
    woorden = yaml.safe_load((ROOT / "talen" / taal / "woordenlijst.yaml").read_text(encoding="utf-8"))["woorden"]
    assert sorted(w["anker"] for w in woorden) == sorted(GLOSSARY_ANCHORS)
    for w in woorden:
        assert w.get("vertaling"), f"{taal}: {w['anker']} has no translation of the Dutch word"


@pytest.mark.parametrize("taal", ANDERE)
def test_every_page_has_the_same_headings_boxes_and_amounts_as_dutch(paginas, taal):
    assert set(paginas[taal]) == set(paginas["nl"]), set(paginas[taal]) ^ set(paginas["nl"])
    for url, nl_html in paginas["nl"].items():
        nl, vertaald = _article(nl_html), _article(paginas[taal][url])
        # every heading below the title with the Dutch anchor (the title's own id follows its words)
        koppen = lambda a: re.findall(r'<h([1-6]) id="([^"]+)"', a)  # noqa: E731
        assert [n for n, _ in koppen(vertaald)] == [n for n, _ in koppen(nl)], f"/{taal}{url}: headings differ"
        assert [i for n, i in koppen(vertaald) if n != "1"] == [i for n, i in koppen(nl) if n != "1"], (
            f"/{taal}{url}: anchors differ")
        dozen = lambda a: sorted(re.findall(r'<(?:div|details) class="admonition ([\w-]+)', a))  # noqa: E731
        assert dozen(vertaald) == dozen(nl), f"/{taal}{url}: warning boxes differ"
        bedragen = lambda a: sorted(re.findall(r"€\xa0[\d.,]+|€ [\d.,]+", html_lib.unescape(a)))  # noqa: E731
        assert bedragen(vertaald) == bedragen(nl), f"/{taal}{url}: amounts differ"
        for veld in set(re.findall(r'data-veld="(\w+)"', nl)):
            assert f'data-veld="{veld}"' in vertaald, f"/{taal}{url}: {veld}"
        for anker in CONTRACT_URLS.get(url, []):
            assert f'id="{anker}"' in vertaald


def _sentences(article: str) -> set[str]:
    tekst = html_lib.unescape(re.sub(r"<[^>]+>", "\n", _NOT_CONTENT.sub(" ", _UITLEG.sub(" ", article))))
    zinnen = set()
    for regel in tekst.split("\n"):
        for zin in re.split(r"(?<=[.!?])\s+", regel.strip()):
            if len(zin.split()) >= 6:
                zinnen.add(" ".join(zin.split()))
    return zinnen


@pytest.mark.parametrize("taal", ANDERE)
def test_no_dutch_sentence_is_left_untranslated(paginas, taal):
    """A Dutch sentence of six words or more on the translated page is a sentence someone forgot
    (the Dutch labels a translation keeps are short names of buttons, forms and mails)."""
    for url, nl_html in paginas["nl"].items():
        over = _sentences(_article(nl_html)) & _sentences(_article(paginas[taal][url]))
        assert not over, f"/{taal}{url}: untranslated: {sorted(over)[:3]}"


def test_every_page_links_to_each_language_version(paginas, site_dir):
    for taal in TAAL_CODES:
        for url, html in paginas[taal].items():
            alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
            assert set(alternates) == set(TAAL_CODES) | {"x-default"}, f"/{taal}{url}"
            for code in TAAL_CODES:
                assert alternates[code].endswith(("" if code == "nl" else f"/{code}") + url), (taal, url, code)
            assert alternates["x-default"] == alternates["nl"]
            wissel = re.search(r'<nav class="talen"[^>]*>(.*?)</nav>', html, re.S)
            assert wissel, f"/{taal}{url}: no language switch"
            links = dict((h, a) for a, h in re.findall(r'<a href="([^"]+)" hreflang="([\w-]+)"', wissel.group(1)))
            assert set(links) == set(TAAL_CODES) - {taal}
            pagina = site_dir / (taal if taal != "nl" else "") / url.strip("/") / "index.html"
            for code, href in links.items():
                doel = (pagina.parent / href / "index.html").resolve()
                assert doel == (site_dir / (code if code != "nl" else "") / url.strip("/") / "index.html").resolve()
                assert doel.is_file(), (taal, url, code, href)


@pytest.mark.parametrize("taal", ANDERE)
def test_a_translation_says_that_dutch_prevails_and_links_to_it(paginas, taal):
    zin = site_texts(taal)["taal"]["voorrang"]
    for url, html in paginas[taal].items():
        melding = re.search(r'<p class="vertaling-melding"[^>]*>(.*?)</p>', html, re.S)
        assert melding and html_lib.unescape(zin) in html_lib.unescape(melding.group(1)), f"/{taal}{url}"
        assert re.search(r'hreflang="nl"', melding.group(1))
    for url, html in paginas["nl"].items():
        assert 'class="vertaling-melding"' not in html


@pytest.mark.parametrize("taal", TAAL_CODES)
def test_each_language_has_its_lang_its_direction_its_search_and_its_404(site_dir, paginas, taal):
    richting = next(t.get("richting", "ltr") for t in languages() if t["code"] == taal)
    for url, html in paginas[taal].items():
        kop = re.search(r"<html ([^>]*)>", html).group(1)
        assert f'lang="{taal}"' in kop, url
        lijf = re.search(r"<body ([^>]*)>", html).group(1)  # the theme puts the direction on <body>
        assert f'dir="{richting}"' in lijf, url
    wortel = site_dir if taal == "nl" else site_dir / taal
    index = json.loads((wortel / "search" / "search_index.json").read_text(encoding="utf-8"))
    plekken = {d["location"].split("#")[0] for d in index["docs"]}
    assert plekken and not any(p.split("/")[0] in ANDERE for p in plekken)  # its own pages only
    assert (wortel / "404.html").is_file()
    if taal != "nl":
        niet = json.loads((ROOT / "talen" / taal / "site.json").read_text(encoding="utf-8"))["niet_gevonden"]["kop"]
        assert html_lib.escape(niet, quote=False) in (wortel / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("taal", ANDERE)
def test_the_cli_explains_an_answer_in_each_language(taal):
    uit = bereken({"opleiding": "andere", "inschrijvingsgeld": "400", "datum": "2026-10-01"})
    tekst = als_tekst(uit, taal)
    assert "{" not in tekst and re.search(r"€\s250,00", tekst)
    assert tekst != als_tekst(uit, "nl")


def _taal_paginas(site_dir: Path, taal: str) -> list[Path]:
    """Every index.html of one language (Dutch: the site's root without the other languages)."""
    wortel = site_dir if taal == "nl" else site_dir / taal
    return [p for p in wortel.rglob("index.html")
            if taal != "nl" or p.relative_to(site_dir).parts[0] not in ANDERE]


def _doel(site_dir: Path, pagina: Path, href: str) -> Path:
    """The file a page's href points to (absolute from the site's root, or relative to the page)."""
    return (site_dir / href.lstrip("/")) if href.startswith("/") else (pagina.parent / href)


@pytest.mark.parametrize("taal", TAAL_CODES)
def test_every_file_a_page_head_loads_exists(site_dir, taal):
    """Stylesheets, scripts, the manifest and icons of every page (and the 404 page) are files of the
    site: a translated page once asked for /en/manifest.webmanifest, a 404 in every browser's console
    (Lighthouse's errors-in-console)."""
    wortel = site_dir if taal == "nl" else site_dir / taal
    paginas = _taal_paginas(site_dir, taal)
    assert len(paginas) >= len(CONTRACT_URLS)
    verwijzing = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+)[^"]*"')
    for pagina in paginas + [wortel / "404.html"]:
        for doel in verwijzing.findall(pagina.read_text(encoding="utf-8")):
            if doel.startswith(("http:", "https:", "data:")):
                continue
            bestand = _doel(site_dir, pagina, doel)
            if bestand.resolve().is_dir():  # a page (rel=prev, next, alternate): its index.html
                bestand = bestand / "index.html"
            assert bestand.resolve().is_file(), (pagina.relative_to(site_dir).as_posix(), doel)


@pytest.mark.parametrize("taal", TAAL_CODES)
def test_each_language_installs_as_its_own_app(site_dir, taal):
    """Added to a phone's home screen from an English page, the app has an English name and opens on
    the English start page (it once opened the Dutch one: every language used the Dutch manifest)."""
    wortel = site_dir if taal == "nl" else site_dir / taal
    start = (wortel / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<link rel="manifest" href="([^"]+)"', start).group(1)
    bestand = (wortel / href).resolve()
    assert bestand == (wortel / "manifest.webmanifest").resolve(), href
    manifest = json.loads(bestand.read_text(encoding="utf-8"))
    site = json.loads((ROOT / "talen" / taal / "site.json").read_text(encoding="utf-8"))["site"] \
        if taal != "nl" else None
    richting = next(t.get("richting", "ltr") for t in languages() if t["code"] == taal)
    assert manifest["lang"].split("-")[0] == taal and manifest["dir"] == richting
    if site:
        assert manifest["name"] == site["naam"] and manifest["description"] == site["beschrijving"]
    # start_url and scope resolve against the manifest's own address
    basis = bestand.parent
    assert (basis / manifest["start_url"]).resolve() == wortel.resolve()
    assert (basis / manifest["scope"]).resolve() == site_dir.resolve()  # the whole site: Dutch links stay in the app
    for icoon in manifest["icons"]:
        assert (basis / icoon["src"]).resolve().is_file(), icoon
    # every page of the language (and its page-not-found) links that manifest
    for pagina in _taal_paginas(site_dir, taal) + [wortel / "404.html"]:
        doel = re.search(r'<link rel="manifest" href="([^"]+)"', pagina.read_text(encoding="utf-8")).group(1)
        assert _doel(site_dir, pagina, doel).resolve() == bestand, (pagina.relative_to(site_dir).as_posix(), doel)


@pytest.mark.parametrize("taal", TAAL_CODES)
def test_the_themes_own_words_are_in_the_pages_language(paginas, taal):
    """The light/dark switch and the headings' permalinks (they said "Donkere weergave" and "Link
    naar dit deel" in every language), and no "Made with Material for MkDocs" in English."""
    thema = site_texts(taal)["thema"]
    for url, html in paginas[taal].items():
        schakelaars = re.findall(r'<label class="md-header__button md-icon" title="([^"]*)" for="__palette_\d"', html)
        assert sorted(schakelaars) == sorted([thema["donker"], thema["licht"]]), (taal, url, schakelaars)
        titels = set(re.findall(r'class="headerlink"[^>]*\btitle="([^"]*)"', html))
        assert titels == {thema["link_naar_deel"]}, (taal, url, titels)
        assert "Made with" not in html and "mkdocs-material" not in _article(html), (taal, url)


def test_mkdocs_yml_holds_the_dutch_theme_words_of_site_json():
    """mkdocs.yml still names them (the theme wants a value); the build uses site.json's."""
    thema = site_texts("nl")["thema"]
    tekst = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for woord in thema.values():
        assert woord in tekst, woord


_KOPPEN = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", re.S)


@pytest.mark.parametrize("taal", TAAL_CODES)
def test_headings_break_by_the_rules_of_their_own_language(paginas, taal):
    """Soft hyphens in headings follow the page's language (English headings had Dutch breaks such
    as "coo-r-di-na-tion"); Arabic words get none, the Dutch names on Arabic pages Dutch ones."""
    import pyphen
    regels = pyphen.Pyphen(lang=WOORDENBOEKEN.get(taal, "nl_NL"), left=3, right=3)
    gezien = 0
    for url, html in paginas[taal].items():
        for kop in _KOPPEN.findall(_article(html)):
            tekst = html_lib.unescape(re.sub(r"<[^>]+>", " ", kop))
            for woord in re.findall(rf"[^\W\d_]+(?:{SOFT_HYPHEN}[^\W\d_]+)+", tekst):
                kaal = woord.replace(SOFT_HYPHEN, "")
                assert re.fullmatch(r"[A-Za-z\u00c0-\u024f]+", kaal) or taal in WOORDENBOEKEN, (url, kaal)
                assert regels.inserted(kaal, hyphen=SOFT_HYPHEN) == woord, (taal, url, woord.replace(SOFT_HYPHEN, "-"))
                gezien += 1
    assert gezien, f"no hyphenated heading word in {taal}"


@pytest.mark.parametrize("taal", ANDERE)
def test_a_glossary_name_is_not_repeated_as_its_own_translation(paginas, taal):
    """'AGODI (AGODI)', 'JoJo (JoJo)' in the glossary and in every word pop-up."""
    for url, html in paginas[taal].items():
        tekst = html_lib.unescape(re.sub(r"<[^>]+>", " ", _article(html)))
        herhaald = re.findall(r"\b([\w-]+) \(\1\)", tekst, flags=re.I)
        assert not herhaald, (taal, url, herhaald)
