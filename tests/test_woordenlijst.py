"""The glossary (issue 13, items 1-2) in the built site: the data file is complete and plain, the page
/woordenlijst/ has every entry at its contract anchor, and on every page the first use of each
glossary word (per step on /stappenplan/) is explained, with the same text as the glossary."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from sitebuild import woordenlijst
from sitebuild.content import context
from sitebuild.layout import GLOSSARY_ANCHORS
from sitebuild.talen import languages

WOORDEN = woordenlijst.load("nl")
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_MARK = re.compile(r'<a class="begrip" href="([^"]+)" data-begrip="([^"]+)">([^<]+)</a>'
                   r'<span class="begrip-uitleg" id="([^"]+)" hidden>(.*?) <a href="([^"]+)">([^<]+)</a></span>', re.S)


TALEN = [t["code"] for t in languages()]


def _pages(site_dir: Path, taal: str = "nl") -> dict[str, str]:
    wortel = site_dir if taal == "nl" else site_dir / taal
    pages = {}
    for pad in sorted(wortel.rglob("index.html")):
        rel = pad.parent.relative_to(wortel).as_posix()
        if rel.split("/")[0] in ["assets", *TALEN]:
            continue
        pages["/" if rel == "." else f"/{rel}/"] = pad.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def pages(site_dir) -> dict[str, str]:
    return _pages(site_dir)


@pytest.fixture(scope="module")
def rendered():
    return {w["anker"]: w for w in woordenlijst.rendered(context())}


def _rendered_in(taal: str) -> dict:
    return {w["anker"]: w for w in woordenlijst.rendered(context(taal=taal), taal)}


def _plain(fragment: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\u00ad", "")).strip()


def test_the_data_file_has_at_least_25_words_each_with_a_contract_anchor():
    assert len(WOORDEN) >= 25
    ankers = [w["anker"] for w in WOORDEN]
    assert len(set(ankers)) == len(ankers), "an anchor is used twice"
    assert sorted(ankers) == sorted(GLOSSARY_ANCHORS), (
        "talen/nl/woordenlijst.yaml and GLOSSARY_ANCHORS (sitebuild/layout.py) differ: a published "
        f"anchor never disappears; add new ones to both: {set(ankers) ^ set(GLOSSARY_ANCHORS)}")
    for w in WOORDEN:
        assert woordenlijst.ANCHOR_RULE.fullmatch(w["anker"]), w["anker"]
        assert w["anker"] == woordenlijst.anchor_for(w["woord"]), (w["woord"], w["anker"])


def test_every_form_belongs_to_one_word():
    gezien = {}
    for w in WOORDEN:
        assert w["woord"].lower() in {v.lower() for v in w["vormen"]}, f"{w['woord']}: the word itself is not a form"
        for vorm in w["vormen"]:
            assert gezien.setdefault(vorm.lower(), w["anker"]) == w["anker"], f"{vorm} is a form of two words"


def test_explanations_are_at_most_two_short_sentences(rendered):
    for w in rendered.values():
        zinnen = [z for z in re.split(r"(?<=[.!?])\s+", w["uitleg"]) if z]
        assert 1 <= len(zinnen) <= 2, f"{w['woord']}: {len(zinnen)} sentences"
        for zin in zinnen:
            assert len(zin.split()) <= 20, f"{w['woord']}: {zin}"
        assert "{{" not in w["uitleg"] + w["voorbeeld"], w["woord"]


def test_the_drawings_exist_and_have_a_text(rendered):
    met_tekening = [w for w in rendered.values() if w["tekening"]]
    assert {w["anker"] for w in met_tekening} >= {"eid", "itsme", "edenred"}
    for w in met_tekening:
        assert woordenlijst.drawing_path(w["tekening"]).is_file(), w["tekening"]
        assert len(w["tekening_alt"]) > 20, w["woord"]


def test_the_glossary_page_has_every_entry_at_its_anchor(pages, rendered):
    article = _ARTICLE.search(pages["/woordenlijst/"]).group(1)
    for anker, w in rendered.items():
        kop = re.search(rf'<h2 id="{anker}">(.*?)</h2>(.*?)(?=<h2 |$)', article, re.S)
        assert kop, f"/woordenlijst/#{anker} missing"
        assert _plain(re.sub(r'<a class="headerlink".*?</a>', "", kop.group(1))) == w["woord"]
        tekst = _plain(kop.group(2))
        assert w["uitleg"] in tekst, anker
        if w["voorbeeld"]:
            assert w["voorbeeld"] in tekst, anker
        if w["tekening"]:
            assert f'illustraties/woorden/{w["tekening"]}.svg' in kop.group(2), anker
    assert not _MARK.search(article), "the glossary page itself has no inline explanations"


def test_rule_values_in_the_glossary_come_from_the_parameters(rendered):
    """The example amounts are the calculator's own: no literal amount in the data file."""
    from calculator import bedragen, berekening
    bron = (woordenlijst.TALEN / "nl" / "woordenlijst.yaml").read_text(encoding="utf-8")
    assert not re.search(r"€|\b\d{2,}\b", bron.split("woorden:", 1)[1]), "write amounts as {{ ... }}"
    uit = berekening.bereken({"opleiding": "andere", "inschrijvingsgeld": "100000"})
    assert bedragen.euro_kort(uit["maximum"]) in rendered["eigen-bijdrage"]["voorbeeld"]
    assert bedragen.euro_kort(uit["eigen_bijdrage"]) in rendered["eigen-bijdrage"]["voorbeeld"]


def _parts(url: str, article: str) -> list[str]:
    """The parts in which each word is explained once: every step on /stappenplan/, else the page."""
    if url != "/stappenplan/":
        return [article]
    return re.split(r'(?=<h2 id="stap-)', article)


_SENTINEL = {a: str(i) for i, a in enumerate(sorted(GLOSSARY_ANCHORS))}  # no word in it


def _prose(part: str) -> str:
    """The prose of a part as the build sees it: the elements where a word is never marked (the
    build's own list) taken out, tags removed; each of our marks left as a sentinel before its word."""
    tekst = _MARK.sub(lambda m: f"\x00{_SENTINEL[m.group(2)]}\x00{m.group(3)}", part)
    for naam in sorted(woordenlijst._SKIP):
        tekst = re.sub(rf"<{naam}\b[^>]*>.*?</{naam}>", " ", tekst, flags=re.S)
    for klasse in sorted(woordenlijst._SKIP_CLASSES):
        tekst = re.sub(rf'<(\w+)[^>]*class="[^"]*\b{klasse}\b[^"]*"[^>]*>.*?</\1>', " ", tekst, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", tekst))


@pytest.mark.parametrize("taal", TALEN)
def test_every_page_explains_each_glossary_word_where_it_first_appears(site_dir, taal):
    """In every language, with that language's glossary (a translation keeps the Dutch word too)."""
    pages, rendered = _pages(site_dir, taal), _rendered_in(taal)
    pattern = woordenlijst._pattern(list(rendered.values()))
    vorm_naar_anker = {v.lower(): w["anker"] for w in rendered.values() for v in w["vormen"]}
    gecontroleerd = 0
    for url, page in pages.items():
        if url == "/woordenlijst/":
            continue
        article = _ARTICLE.search(page).group(1)
        for part in _parts(url, article):
            marks = _MARK.findall(part)
            ankers = [m[1] for m in marks]
            assert len(ankers) == len(set(ankers)), f"{url}: a word is explained twice in one part: {ankers}"
            proza = _prose(part)
            eerste: dict[str, int] = {}
            for m in pattern.finditer(proza):
                eerste.setdefault(vorm_naar_anker[m.group(0).lower()], m.start())
            # every word used as prose in this part is explained, at its first use
            assert set(eerste) <= set(ankers), f"{url}: used but not explained: {sorted(set(eerste) - set(ankers))}"
            for href, anker, woord, uid, uitleg, meer_href, meer in marks:
                w = rendered[anker]
                assert woord.lower() in {v.lower() for v in w["vormen"]}
                sentinel = f"\x00{_SENTINEL[anker]}\x00"
                assert eerste[anker] == proza.index(sentinel) + len(sentinel), (
                    f"{url}: {woord} appears before its explanation")
                assert html_lib.unescape(uitleg) == w["uitleg"], f"{url} {anker}: not the glossary's text"
                assert href == meer_href and href.endswith(f"woordenlijst/#{anker}")
                assert w["woord"] in html_lib.unescape(meer)
                gecontroleerd += 1
    assert gecontroleerd > 100


def test_links_to_the_glossary_resolve(pages, site_dir):
    for url, page in pages.items():
        for href in set(re.findall(r'href="([^"]*woordenlijst/#[^"]+)"', page)):
            doel = (site_dir / url.strip("/") / href.split("#")[0]).resolve()
            anker = href.split("#")[1]
            assert (doel / "index.html").is_file(), f"{url}: {href}"
            assert f'id="{anker}"' in (doel / "index.html").read_text(encoding="utf-8"), f"{url}: {href}"


def test_words_inside_headings_links_and_form_labels_are_left_alone():
    woorden = [{"woord": "eID", "anker": "eid", "vormen": ["eID"], "uitleg": "Je kaart."}]
    html = ('<article><h2 id="x">eID</h2><p><a href="#">eID</a> <label>eID</label> <code>eID</code></p>'
            '<p class="admonition-title">eID</p><table><tr><th>eID</th></tr><tr><td>met je eID</td></tr>'
            '</table><p>Weer eID.</p></article>')
    uit = woordenlijst.mark_first_uses(html, "stappenplan/", woorden, {"meer": "Meer over {woord}"})
    assert uit.count('class="begrip"') == 1
    assert '<td>met je <a class="begrip" href="../woordenlijst/#eid" data-begrip="eid">eID</a>' in uit
    assert "Weer eID." in uit  # the second use stays plain
    # a word inside a longer word or a hyphenated compound is not the word
    assert 'class="begrip"' not in woordenlijst.mark_first_uses(
        "<article><p>eIDs en eID-kaart</p></article>", "", woorden, {"meer": "m"})
    # nor an address shown as text; the end of a sentence is no address
    assert 'class="begrip"' not in woordenlijst.mark_first_uses(
        "<article><p>Ga naar www.eid.be of eid.be/x of info@eid.be.</p></article>", "", woorden, {"meer": "m"})
    assert 'class="begrip"' in woordenlijst.mark_first_uses(
        "<article><p>Neem je eID.</p></article>", "", woorden, {"meer": "m"})
