"""Offline after the first visit: the service worker, the web app manifest and the icons.

sw.js (templates/sw.js.j2) at the site root, registered by docs/assets/offline.js on every
page; manifest.webmanifest and icons so the guide can go on a phone's home screen.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

from .content import jinja_templates
from .layout import ROOT, RUNTIME_DIR, TEMPLATES, WHEEL_DIR

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS_DIR = "assets/icons"
THEMA_KLEUR = "#3f51b5"  # Material's indigo, the site's primary colour
_VERWIJZING = re.compile(r"""(?:href|src)=["']([^"'#?]+)""")


def _icoon_vormen(grootte: float) -> list[tuple[str, list[tuple[float, float]]]]:
    """A white mortarboard (the site's logo, material/school-outline) inside the maskable safe zone."""
    def p(*punten):
        return [(x * grootte / 100, y * grootte / 100) for x, y in punten]
    return [
        ("hoed", p((50, 27), (81, 42), (50, 57), (19, 42))),
        ("band", p((30, 53), (50, 62), (70, 53), (70, 66), (50, 74), (30, 66))),
        ("kwast", p((77, 44), (80, 44), (80, 64), (77, 64))),
        ("kwastje", p((75.5, 62), (81.5, 62), (81.5, 70), (75.5, 70))),
    ]


def icon_svg() -> str:
    vormen = "".join(
        f'<polygon points="{" ".join(f"{x:g},{y:g}" for x, y in punten)}" fill="#fff"/>'
        for _, punten in _icoon_vormen(100))
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
            f'<rect width="100" height="100" rx="18" fill="{THEMA_KLEUR}"/>{vormen}</svg>\n')


def icon_png(grootte: int) -> bytes:
    """Full-bleed square (a phone cuts its own shape), drawn 4x larger and scaled down smoothly."""
    from PIL import Image, ImageDraw
    groot = grootte * 4
    beeld = Image.new("RGB", (groot, groot), THEMA_KLEUR)
    teken = ImageDraw.Draw(beeld)
    for _, punten in _icoon_vormen(groot):
        teken.polygon(punten, fill="#ffffff")
    buffer = io.BytesIO()
    beeld.resize((grootte, grootte), Image.LANCZOS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def write_icons(site: Path) -> list[str]:
    doel = site / ICONS_DIR
    doel.mkdir(parents=True, exist_ok=True)
    (doel / "icoon.svg").write_text(icon_svg(), encoding="utf-8")
    for grootte in (192, 512):
        (doel / f"icoon-{grootte}.png").write_bytes(icon_png(grootte))
    return [f"{ICONS_DIR}/{naam}" for naam in ("icoon.svg", "icoon-192.png", "icoon-512.png")]


def manifest(config, taal: str = "nl", richting: str = "ltr") -> dict:
    """The web app manifest: URLs relative to itself, so the site also works in a subfolder. A
    translation has its own (in /<taal>/): its name and description in that language, its `lang`
    and `dir`, and it opens on that language's start page; its scope is the whole site, so the
    link to the Dutch page stays in the app."""
    wortel = "" if taal == "nl" else "../"
    icoon = f"{wortel}{ICONS_DIR}"
    return {
        "name": config["site_name"],
        "short_name": "Opleidingscheques",
        "description": config["site_description"],
        "lang": "nl-BE" if taal == "nl" else taal,
        "dir": richting,
        "start_url": "./",
        "scope": wortel or "./",
        "display": "standalone",
        "theme_color": THEMA_KLEUR,
        "background_color": "#ffffff",
        "icons": [
            {"src": f"{icoon}/icoon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": f"{icoon}/icoon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{icoon}/icoon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": f"{icoon}/icoon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }


def write_manifest(site: Path, config, taal: str = "nl", richting: str = "ltr") -> None:
    """site: the folder of the language's pages (the site itself for Dutch, its build for another)."""
    (site / MANIFEST).write_text(json.dumps(manifest(config, taal, richting), ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")


def _in_language(site: Path, html: Path, taal: str, andere: list[str]) -> bool:
    eerste = html.relative_to(site).parts[0]
    return eerste == taal if taal != "nl" else eerste not in andere


def language_list(site: Path, taal: str, andere: list[str]) -> list[str]:
    """What the service worker stores for a visitor of a translation: its pages (as folder URLs),
    the files they refer to that Dutch does not already bring, its 404 page and its search."""
    site = site.resolve()
    lijst: set[str] = {f"{taal}/search/search_index.json"}
    if (site / taal / "404.html").is_file():
        lijst.add(f"{taal}/404.html")
    for html in sorted(p for p in (site / taal).rglob("index.html")):
        lijst.add(html.parent.relative_to(site).as_posix() + "/")
        lijst.update(_references(site, html))
    lunr = f"assets/javascripts/lunr/min/lunr.{taal}.min.js"
    if (site / lunr).is_file():
        lijst.add(lunr)
    uitgesloten = (f"{RUNTIME_DIR}/", f"{WHEEL_DIR}/")
    return sorted(p for p in lijst if not p.startswith(uitgesloten) and not p.endswith(".map"))


def _references(site: Path, html: Path) -> set[str]:
    uit = set()
    for verwijzing in _VERWIJZING.findall(html.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", verwijzing) or verwijzing.startswith("//"):
            continue  # another scheme or origin: never ours to store
        doel = (html.parent / verwijzing).resolve()
        if doel.is_file() and site in doel.parents and doel.name != "index.html":
            uit.add(doel.relative_to(site).as_posix())
    return uit


def precache_list(site: Path, config, andere: list[str] | None = None) -> list[str]:
    """What the service worker stores at install, relative to the site root: every Dutch page (as
    its folder URL), the files they refer to, our own assets, the search and the manifest. Another
    language is stored only for its visitors (language_list): a phone keeps Dutch and its own."""
    site = site.resolve()
    andere = andere or []
    uitgesloten = (f"{RUNTIME_DIR}/", f"{WHEEL_DIR}/")
    paginas = sorted(p for p in site.rglob("index.html") if _in_language(site, p, "nl", andere))
    lijst: set[str] = {"404.html", MANIFEST} if (site / "404.html").is_file() else {MANIFEST}
    for html in paginas:
        map_ = html.parent.relative_to(site).as_posix()
        lijst.add("" if map_ == "." else f"{map_}/")
        lijst.update(_references(site, html))
    eigen = ROOT / "docs" / "assets"
    for bron in (p for p in eigen.rglob("*") if p.is_file()):
        pad = site / "assets" / bron.relative_to(eigen)
        if not pad.is_file():  # our CSS and JS carry a content hash in the site (sitebuild/assets.py)
            pad = next(pad.parent.glob(f"{pad.stem}.[0-9a-f]*{pad.suffix}"))
        lijst.add(pad.relative_to(site).as_posix())
    lijst.update(p.relative_to(site).as_posix() for p in (site / ICONS_DIR).glob("*"))
    # the search (loaded when used): its worker, index and the lunr files for our languages
    lijst.add("search/search_index.json")
    lijst.update(p.relative_to(site).as_posix() for p in site.glob("assets/javascripts/workers/search.*.min.js"))
    talen = [t for t in _zoektalen(config) if t != "en"]
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    if talen:
        lijst.add("assets/javascripts/lunr/min/lunr.stemmer.support.min.js")
    if len(_zoektalen(config)) > 1:
        lijst.add("assets/javascripts/lunr/min/lunr.multi.min.js")
    lijst.update(f"assets/javascripts/lunr/min/lunr.{t}.min.js" for t in talen if (lunr / f"lunr.{t}.min.js").is_file())
    bestaand = {p for p in lijst if p.endswith("/") or p == "" or (site / p).is_file()}
    return sorted(p for p in bestaand if not p.startswith(uitgesloten) and not p.endswith(".map"))


def _zoektalen(config) -> list[str]:
    plugin = config["plugins"].get("search") or config["plugins"].get("material/search")
    talen = plugin.config.get("lang") if plugin else None
    return [talen] if isinstance(talen, str) else list(talen or ["en"])


def runtime_list(site: Path) -> list[str]:
    """The calculator's runtime and wheel: stored by the service worker once the calculator opened."""
    return sorted(p.relative_to(site).as_posix() for map_ in (RUNTIME_DIR, WHEEL_DIR)
                  for p in (site / map_).rglob("*") if p.is_file())


def write_service_worker(site: Path, config) -> Path:
    from .talen import other_codes
    andere = [t for t in other_codes(config) if (site / t).is_dir()]
    paginas, runtime = precache_list(site, config, andere), runtime_list(site)
    basis = set(paginas)
    talen = {t: [p for p in language_list(site, t, andere) if p not in basis] for t in andere}
    versie = hashlib.sha256()
    for pad in paginas + runtime + [p for lijst in talen.values() for p in lijst]:
        bestand = site / pad / "index.html" if pad.endswith("/") or pad == "" else site / pad
        versie.update(pad.encode() + b"\0" + hashlib.sha256(bestand.read_bytes()).digest())
    sjabloon = (TEMPLATES / "sw.js.j2").read_text(encoding="utf-8")
    versie.update(sjabloon.encode())
    tekst = jinja_templates().get_template("sw.js.j2").render(
        versie=versie.hexdigest()[:12], paginas=paginas, runtime=runtime, talen=talen)
    doel = site / SERVICE_WORKER
    doel.write_text(tekst, encoding="utf-8")
    return doel
