"""The site in more than one language: Dutch at /, every other language at /<taal>/ with the same
paths and anchors (a coordinator changes only the prefix).

Why separate MkDocs builds, not a plugin: each language needs its own theme language (the theme's
words, `lang`, `dir="rtl"` for Arabic), its own menu and its own search index, and our hook must
run with that language's texts. A language is built first into a cache folder from a generated
config that INHERITs mkdocs.yml; the Dutch build comes last and, in its on_post_build, moves each
language's pages under /<taal>/ (merge_language_site) before the steps that must see every page:
the stylesheet cut, the content-hashed names, the service worker. The languages share one set of
files under /assets/ (theme, our scripts, the Pyodide runtime): a language's pages are pointed at
them, so nothing is stored twice on a phone.

A language is a folder talen/<taal>/ (docs/ with every page, site.json, woordenlijst.yaml,
illustraties.json), calculator/teksten/<taal>.json and one line in mkdocs.yml (extra.talen).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .layout import CACHE, ROOT

DEFAULT = "nl"
BUILD_DIR = CACHE / "talen"  # per language: docs/ (staged), mkdocs.yml (generated), site/ (built)
ENV_PREBUILT = "OPLEIDINGSCHEQUES_TALEN"  # "en,fr": built into BUILD_DIR, for the Dutch build to merge


def read_mkdocs_yml() -> dict:
    """mkdocs.yml as plain data (tagged values such as !ENV become None)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def languages(config: dict | None = None) -> list[dict]:
    """[{code, naam, ...}] from mkdocs.yml extra.talen, Dutch first."""
    if config is None:
        config = read_mkdocs_yml()
    talen = list((config.get("extra") or {}).get("talen") or [{"code": DEFAULT}])
    assert talen[0]["code"] == DEFAULT, "Dutch comes first in extra.talen: it is the default at /"
    return talen


def other_codes(config: dict | None = None) -> list[str]:
    return [t["code"] for t in languages(config)[1:]]


def site_root_url(site_url: str, taal: str) -> str:
    """The Dutch root of a language build's site_url (https://x/gids/en/ -> https://x/gids/)."""
    if taal == DEFAULT:
        return site_url
    return site_url[: -len(f"{taal}/")] if site_url.endswith(f"{taal}/") else site_url


def _nav_in(nav, vertaling: dict):
    """mkdocs.yml's nav with every title translated (talen/<taal>/site.json "nav")."""
    if isinstance(nav, list):
        return [_nav_in(item, vertaling) for item in nav]
    if isinstance(nav, dict):
        return {vertaling.get(titel, titel): _nav_in(doel, vertaling) for titel, doel in nav.items()}
    return nav


def stage(taal: str, site_url: str) -> Path:
    """The docs folder and config of one language's build; returns the config file."""
    import json

    import yaml
    bron = ROOT / "talen" / taal / "docs"
    if not bron.is_dir():
        raise SystemExit(f"talen/{taal}/docs ontbreekt: elke taal in mkdocs.yml (extra.talen) heeft al zijn pagina's nodig.")
    map_ = BUILD_DIR / taal
    docs = map_ / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(bron, docs)
    (docs / "assets").symlink_to(ROOT / "docs" / "assets", target_is_directory=True)
    site = json.loads((ROOT / "talen" / taal / "site.json").read_text(encoding="utf-8"))
    basis = read_mkdocs_yml()
    zoek = {"ar": "ar", "en": "en", "fr": "fr"}.get(taal, "en")
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "site_dir": str(map_ / "site"),
        "site_url": site_url.rstrip("/") + f"/{taal}/",
        "site_name": site["site"]["naam"],
        "site_description": site["site"]["beschrijving"],
        "copyright": site["site"]["copyright"],
        "theme": {"language": taal, "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "build_site.py")],
        "plugins": [{"search": {"lang": zoek}}],
        "nav": _nav_in(basis["nav"], site["nav"]),
    }
    pad = map_ / "mkdocs.yml"
    pad.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def built_site(taal: str) -> Path:
    return BUILD_DIR / taal / "site"


_ASSET_REF = r"""(?<=["'(=\s,])"""


def _point_at_shared_assets(html: str, diepte: int, taal: str) -> str:
    """A language page's references to its own assets/ pointed one level up, at the shared ones."""
    hier = "../" * diepte
    html = re.sub(_ASSET_REF + re.escape(hier) + r"(?:\./)?assets/", "../" * (diepte + 1) + "assets/", html)
    # the calculator's site root (data-site-root, where the runtime's site-relative URLs start)
    html = re.sub(r'(data-site-root=")((?:\.\./)*|\./)(")',
                  lambda m: m.group(1) + ("../" * (diepte + 1)) + m.group(3), html)
    return html.replace(f'"/{taal}/assets/', '"/assets/')  # 404.html: absolute from the site's path


def merge_language_site(site: Path, taal: str, site_path: str = "/") -> None:
    """Move one language's built pages under site/<taal>/, sharing the site's /assets/."""
    bron = built_site(taal)
    doel = site / taal
    shutil.rmtree(doel, ignore_errors=True)
    shutil.copytree(bron, doel, ignore=lambda map_, namen: ["assets"] if Path(map_) == bron else [])
    for pagina in doel.rglob("*.html"):
        diepte = len(pagina.relative_to(doel).parts) - 1
        tekst = pagina.read_text(encoding="utf-8")
        if pagina.name == "404.html" and diepte == 0:
            tekst = tekst.replace(f'"{site_path}{taal}/assets/', f'"{site_path}assets/')
        else:
            tekst = _point_at_shared_assets(tekst, diepte, taal)
        pagina.write_text(tekst, encoding="utf-8")


# Material's bundle fetches sitemap.xml next to every <link rel="alternate"> of a page (to keep
# its language selector on the same page); our alternates are the same page in each language, so
# it would ask /en/stappenplan/sitemap.xml and log a 404 for each. An empty sitemap (120 bytes)
# next to every page answers it; the real sitemaps stay at the root of each language.
LEGE_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def write_empty_sitemaps(site: Path) -> None:
    for pagina in site.rglob("index.html"):
        kaart = pagina.parent / "sitemap.xml"
        if not kaart.exists() and not pagina.relative_to(site).parts[0] == "assets":
            kaart.write_text(LEGE_SITEMAP, encoding="utf-8")


def prebuilt_languages() -> list[str]:
    return [t for t in os.environ.get(ENV_PREBUILT, "").split(",") if t]
