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
            if re.search(r"""rel\s*=\s*["']canonical["']""", link, re.I):
                continue  # names the page's public address; never fetched
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


def test_changing_a_parameter_changes_the_page(tmp_path):
    kopie = tmp_path / "repo"
    kopie.mkdir()
    for naam in ("mkdocs.yml", "build_site.py", "python_stdlib.txt"):
        shutil.copy2(ROOT / naam, kopie / naam)
    for naam in ("docs", "calculator", "sitebuild", "templates", "overrides"):
        shutil.copytree(ROOT / naam, kopie / naam, ignore=shutil.ignore_patterns("__pycache__"))
    (kopie / "node_modules").symlink_to(ROOT / "node_modules")
    plafonds = kopie / "calculator" / "parameters" / "plafonds.json"
    data = json.loads(plafonds.read_text(encoding="utf-8"))
    data["values"]["basis"][0]["value"] = "260"
    plafonds.write_text(json.dumps(data), encoding="utf-8")

    subprocess.run([sys.executable, str(kopie / "build_site.py"), "build"], check=True, cwd=kopie,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    html = (kopie / "site" / "waar-heb-ik-recht-op" / "index.html").read_text(encoding="utf-8")
    # the "maximum" column of the entitlement table follows the data
    assert "<td>€\u00a0260</td>" in html
    assert "<td>€\u00a0250</td>" not in html
