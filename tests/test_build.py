"""The build: strict MkDocs, every contract URL and anchor present, and generated content that
follows the parameters (change a parameter file, the page changes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build_site
from sitebuild import layout

ROOT = Path(build_site.__file__).resolve().parent


def test_built_site_has_every_contract_url_and_anchor(site_dir):
    assert build_site.check(site_dir) == []


def test_strict_build_passes(tmp_path):
    build_site.build(tmp_path / "site")  # raises on any strict warning (broken link or anchor)
    assert (tmp_path / "site" / "index.html").is_file()


_EXTERN = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']*)["']""", re.I)
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')]+)""", re.I)


def test_nothing_is_loaded_from_another_origin(site_dir):
    """Every src, every <link> the browser fetches (stylesheet, font, preconnect, icon, manifest)
    and every url() in our CSS points into the site itself: no CDN, no web fonts, no analytics."""
    gevonden = []
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        bronnen = _SRC.findall(text)
        for link in _LINK.findall(text):
            if re.search(r"""rel\s*=\s*["'](?:canonical|alternate)["']""", link, re.I):
                continue  # names the page's public address (or a language's); never fetched
            bronnen += re.findall(r"""\bhref\s*=\s*["']([^"']*)["']""", link, re.I)
        gevonden += [(html.relative_to(site_dir), b) for b in bronnen if _EXTERN.match(b)]
    for css in site_dir.rglob("*.css"):
        for bron in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            if _EXTERN.match(bron):
                gevonden.append((css.relative_to(site_dir), bron))
    assert not gevonden, gevonden[:5]


def test_wheel_is_a_valid_pure_python_wheel(site_dir, tmp_path):
    wheels = list((site_dir / layout.WHEEL_DIR).rglob("*.whl"))
    assert len(wheels) == 1 and wheels[0].name.endswith("-py3-none-any.whl")
    # install it into a throw-away folder and compute with it, away from the source tree
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(wheels[0]), str(tmp_path)], check=True)
    out = subprocess.run(
        [sys.executable, "-I", "-m", "calculator"], input='{"opleiding":"andere","inschrijvingsgeld":400}',
        capture_output=True, text=True, cwd=tmp_path, check=True)
    assert json.loads(out.stdout)["terugbetaling"] == 275


def _zet(kopie: Path, naam: str, wijzig) -> None:
    pad = kopie / "calculator" / "parameters" / naam
    data = json.loads(pad.read_text(encoding="utf-8"))
    wijzig(data["values"])
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


_BEGRIP_UITLEG = re.compile(r"<span class=\"begrip-uitleg\"[^>]*>.*?</span>", re.S)


def _tekst(html: str) -> str:
    """What a reader sees (and what the page's script reads): tags gone, entities and spaces plain.
    The glossary's links are plain words again and its hidden explanations (sitebuild/woordenlijst.py)
    go to the end, so a sentence reads as on the page and an old rule value in an explanation is
    still found."""
    import html as html_mod
    uitleg = _BEGRIP_UITLEG.findall(html)
    html = _BEGRIP_UITLEG.sub("", html) + " ".join(uitleg)
    html = re.sub(r"<a class=\"begrip\"[^>]*>(.*?)</a>", r"\1", html, flags=re.S)  # the word, as it reads
    html = re.sub(r"<(style|svg)\b.*?</\1>", " ", html, flags=re.S | re.I)
    tekst = html_mod.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", tekst.replace("\u00a0", " "))


@pytest.fixture(scope="module")
def andere_regels(tmp_path_factory) -> dict[str, str]:
    """The site built from a copy whose every rule value in prose is changed, plus a rule that
    starts after the build: page path -> visible text."""
    kopie = tmp_path_factory.mktemp("andere-regels") / "repo"
    kopie.mkdir()
    for naam in ("mkdocs.yml", "build_site.py", "python_stdlib.txt", "python_stdlib_lijst.txt"):
        shutil.copy2(ROOT / naam, kopie / naam)
    for naam in ("docs", "calculator", "sitebuild", "templates", "overrides", "talen"):
        shutil.copytree(ROOT / naam, kopie / naam, ignore=shutil.ignore_patterns("__pycache__"))
    (kopie / "node_modules").symlink_to(ROOT / "node_modules")

    def plafonds(v):
        v["basis"][0]["value"] = "260"
        v["hoger_onderwijs"][0]["value"] = "640"
        v["basis"].append({"start": "2099-09-01", "value": "300", "reference": v["basis"][0]["reference"]})
    _zet(kopie, "plafonds.json", plafonds)
    _zet(kopie, "aandelen.json", lambda v: v["gewoon"][0].update(value="0.2"))
    _zet(kopie, "schooljaar.json", lambda v: v["begin"][0].update(value="10-01"))
    _zet(kopie, "opleidingen.json", lambda v: v["knelpunt"][0]["value"].update(aandeel_deelnemer="gewoon"))

    subprocess.run([sys.executable, str(kopie / "build_site.py"), "build"], check=True, cwd=kopie,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    site = kopie / "site"
    return {str(p.relative_to(site)): _tekst(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


# Old values that must be gone once the parameters change (each rule value as prose shows it).
OUDE_WAARDEN = {
    "het aandeel 0.5": r"\bde helft\b|\bandere helft\b",
    "het plafond 250 en zijn helft": r"€ 250\b|€ 125\b",
    "het plafond 500": r"€ 500\b",
    "de start van het schooljaar": r"1 september tot 31 augustus|31 augustus",
}


@pytest.mark.parametrize("wat", OUDE_WAARDEN)
def test_an_old_rule_value_appears_on_no_page(andere_regels, wat):
    gevonden = {pad: m.group(0) for pad, tekst in andere_regels.items()
                if (m := re.search(OUDE_WAARDEN[wat], tekst))}
    assert not gevonden, gevonden


def test_pages_follow_every_changed_parameter(andere_regels):
    recht = andere_regels["waar-heb-ik-recht-op/index.html"]
    assert "Andere opleiding: jij betaalt 20 %" in recht  # the kind's own label (teksten "opleidingen")
    assert "Jij betaalt 20 %: maximaal € 52." in recht and "De Vlaamse overheid betaalt de rest: maximaal € 208." in recht
    assert "maximaal € 640" in recht and "Jij betaalt 20 %: maximaal € 128." in recht
    assert "van 1 oktober tot 30 september" in recht
    # knelpunt moved to the ordinary share: no longer in the list of option 1, its row follows
    optie_1 = recht[recht.rindex("Optie 1: jij betaalt"):recht.rindex("Optie 2: graduaat of bachelor")]  # not the menu
    assert "knelpuntberoep" not in optie_1 and "Nederlands voor anderstaligen" in optie_1
    assert re.search(r"Opleiding voor een knelpuntberoep .*? € 260 20 %: max\. € 52 80 %: max\. € 208", recht)
    # the worked examples are computed by bereken with the new rules
    assert "Vraag € 260 aan opleidingscheques aan. Betaal € 52 aan Edenred." in recht
    stappen = andere_regels["stappenplan/index.html"]
    assert "Dan betaal je zelf 20 % van je cheques." in stappen
    assert "Meestal is dat € 260." in stappen and "Dan is het € 640." in stappen
    assert "1 oktober tot 30 september" in stappen
    rekenhulp = andere_regels["rekenhulp/index.html"]
    assert "Zoek je maximum in de tabel: € 260 of € 640 per schooljaar." in rekenhulp
    assert ("Voor deze opleidingen betaal je 20 % van je cheques: Opleiding voor een knelpuntberoep "
            "Graduaat of bachelor Andere opleiding") in rekenhulp
    assert "1 oktober tot 30 september" in andere_regels["over/index.html"]


def test_a_rule_that_starts_after_the_build_is_shown(andere_regels):
    """Item 4 of issue 11: a printed table must not hide a change that is already decided."""
    for pad in ("waar-heb-ik-recht-op/index.html", "rekenhulp/index.html"):
        tekst = andere_regels[pad]
        assert "Vanaf 1 september 2099 veranderen de regels." in tekst, pad
        na = tekst[tekst.index("Vanaf 1 september 2099"):]
        assert "Andere opleiding " in na and "€ 300 20 %: max. € 60 80 %: max. € 240" in na
