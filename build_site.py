#!/usr/bin/env python3
"""The one build entry of the site, and its single MkDocs hook.

    python build_site.py build [--site-dir DIR]   build the site (mkdocs --strict) into site/
    python build_site.py serve [--port 8000]      build, then serve it on http://127.0.0.1:PORT
    python build_site.py check                    build, then verify every contract URL and anchor

As a hook (mkdocs.yml `hooks:`), it renders every Markdown page through jinja2 with the
calculator as context, so the guide's tables and worked examples are computed by the same
`bereken` as the calculator page and can never disagree with it; after the build it adds the
Pyodide runtime (from the pinned npm package) and our calculator wheel to the site.
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TEMPLATES = ROOT / "templates"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
# Only what the browser needs: no micropip, no other wheels exist in the npm package.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
RUNTIME_DIR = "assets/pyodide"
WHEEL_DIR = "assets/calculator"

# URL contract (ARCHITECTURE.md §4): coordinators print these, so the build refuses to lose one.
CONTRACT_URLS = {
    "/": [],
    "/stappenplan/": ["stap-1", "stap-2", "stap-3", "stap-3a", "stap-3b", "stap-3c", "stap-3d",
                      "stap-4", "stap-5", "stap-6", "stap-7", "stap-8"],
    "/waar-heb-ik-recht-op/": [],
    "/rekenhulp/": [],
    "/terugbetaling/": [],
    "/bijlagen/bevestigingsmail/": [],
    "/bijlagen/goedkeuringsmail/": [],
    "/bijlagen/inschrijvingsbewijs/": [],
    "/voor-coordinatoren/": [],
    "/over/": [],
    "/toegankelijkheid/": [],
}

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


# ---------------------------------------------------------------- generated content (jinja2)

def _calculator():
    sys.path.insert(0, str(ROOT))
    import calculator  # noqa: F401  (imported lazily: the hook module loads before anything else)
    from calculator import bedragen, berekening, regels, teksten
    return calculator, bedragen, berekening, regels, teksten


@functools.lru_cache(maxsize=1)
def _templates():
    import jinja2
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _markdown_env():
    """Markdown pages use {{ }} and {% %}; `{#` stays free for attribute lists like `{ #stap-1 }`."""
    import jinja2
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
    )


def context(datum=None, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """What every page and template may use: rules, amounts and texts, all from calculator/."""
    import datetime as dt
    _, bedragen, berekening, regels_mod, teksten = _calculator()
    datum = datum or dt.date.today()
    regels = regels_mod.regels_op(datum)
    opleidingen = regels.opleidingen

    def bereken(opleiding, inschrijvingsgeld, al_aangevraagd=0, aanvaardt_cheques=True,
                aanvraag_geweigerd=False):
        return berekening.bereken({
            "opleiding": opleiding, "inschrijvingsgeld": str(inschrijvingsgeld),
            "al_aangevraagd": str(al_aangevraagd), "aanvaardt_cheques": aanvaardt_cheques,
            "aanvraag_geweigerd": aanvraag_geweigerd, "datum": datum.isoformat(),
        })

    rijen = [
        {
            "code": o.code, "opleiding": o, "maximum": regels.maximum(o.code),
            "aandeel": regels.aandeel(o.code),
            "eigen_bijdrage_max": regels.maximum(o.code) * regels.aandeel(o.code),
            "overheid_max": regels.maximum(o.code) * (1 - regels.aandeel(o.code)),
        }
        for o in opleidingen.values()
    ]
    ctx = {
        "regels": regels,
        "opleidingen": opleidingen,
        "rijen": rijen,
        "euro": bedragen.euro_kort,
        "md_link": md_link,
        "euro_lang": bedragen.euro,
        "procent": lambda x: f"{int(x * 100)} %",
        "plafond_basis": regels.plafonds["basis"],
        "plafond_hoger": regels.plafonds["hoger_onderwijs"],
        "aandeel_gewoon": regels.aandelen["gewoon"],
        "documenten": teksten.DOCUMENTEN,
        "waarschuwingen": teksten.WAARSCHUWINGEN,
        "bereken": bereken,
        "schooljaar": regels.schooljaar(datum),
        "gecontroleerd_op": regels.gecontroleerd_op,
        "site_url": site_url,
    }

    def render(template, **extra):
        return _templates().get_template(template).render(**ctx, **extra)

    ctx["rechten_tabel"] = lambda: render("rechten_tabel.md.j2")
    ctx["voorbeeld"] = lambda *a, **k: render(
        "voorbeeld.md.j2", invoer={"opleiding": a[0], "inschrijvingsgeld": a[1], **k},
        opleiding=opleidingen[a[0]], uitvoer=bereken(*a, **k))
    ctx["documenten_lijst"] = lambda route="cheques": render(
        "documenten_lijst.md.j2", ids=_documenten_voor(bereken, route))
    ctx["deeplinks"] = lambda: render("deeplinks.md.j2", links=deeplinks(ctx["site_url"]))
    ctx["handout"] = lambda: render("handout.md.j2", links=[
        link for link in deeplinks(ctx["site_url"]) if link["url"].startswith("/stappenplan/#")
        or link["url"] in ("/waar-heb-ik-recht-op/", "/rekenhulp/", "/terugbetaling/")])
    ctx["illustratie"] = lambda naam: render("illustratie.md.j2", naam=naam, **illustraties()[naam])
    ctx["teksten_json"] = lambda: json.dumps(
        {"documenten": teksten.DOCUMENTEN, "waarschuwingen": teksten.WAARSCHUWINGEN,
         "opleidingen": {c: {"label": o.label, "voorbeelden": o.voorbeelden} for c, o in opleidingen.items()}},
        ensure_ascii=False).replace("</", "<\\/")
    return ctx


def illustraties() -> dict:
    """Alt text and caption per drawing in docs/assets/illustraties/ (one place to keep them)."""
    return json.loads((TEMPLATES / "illustraties.json").read_text(encoding="utf-8"))


def md_link(url: str) -> str:
    """A site URL of the contract ('/terugbetaling/#formulier') as a link MkDocs validates."""
    pad, _, anker = url.partition("#")
    pad = pad.strip("/")
    doel = f"/{pad}.md" if pad else "/index.md"
    if pad and not (ROOT / "docs" / f"{pad}.md").exists() and (ROOT / "docs" / pad / "index.md").exists():
        doel = f"/{pad}/index.md"
    return doel + (f"#{anker}" if anker else "")


def deeplinks(site_url: str) -> list[dict]:
    """Every deep link of the URL contract with its title (read from the pages themselves) and QR code."""
    import segno
    basis = site_url.rstrip("/")
    links = []
    for url, anchors in CONTRACT_URLS.items():
        pad = url.strip("/")
        bron = ROOT / "docs" / (f"{pad}.md" if pad else "index.md")
        if not bron.exists():
            bron = ROOT / "docs" / pad / "index.md"
        tekst = bron.read_text(encoding="utf-8")
        titel = re.search(r"^# (.+)$", tekst, re.M).group(1).strip()
        links.append({"url": url, "titel": titel, "niveau": 1})
        for anchor in anchors:
            kop = re.search(rf"^#+ (.+?)\s*\{{ *#{re.escape(anchor)} *\}}\s*$", tekst, re.M)
            links.append({"url": f"{url}#{anchor}", "titel": kop.group(1).strip(), "niveau": 2})
    for link in links:
        link["volledig"] = basis + link["url"]
        link["qr"] = qr_svg(link["volledig"])
    return links


def qr_svg(data: str) -> str:
    """An inline SVG QR code (no file, no request), readable by any phone camera."""
    import segno
    svg = segno.make(data, error="m").svg_inline(scale=4, border=4, dark="#000", light="#fff",
                                                  omitsize=True, title=None, svgclass="qr")
    return svg.replace("<svg ", f'<svg role="img" aria-label="QR-code voor {data}" ', 1)


def _documenten_voor(bereken, route: str) -> list[str]:
    """The document list of a typical case of a route, straight from `bereken`."""
    if route == "cheques":
        return bereken("andere", 400)["documenten"]
    return bereken("andere", 400, aanvaardt_cheques=False, aanvraag_geweigerd=True)["documenten"]


# ---------------------------------------------------------------- MkDocs hook

_page_context: dict = {}


def on_pre_build(config, **kwargs):
    _page_context.clear()
    _page_context.update(context(site_url=config["site_url"]))
    _page_context.update(runtime_urls(config))


def on_page_markdown(markdown, page, config, files, **kwargs):
    return _markdown_env().from_string(markdown).render(**_page_context, page=page)


_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)


def content_security_policy(html: str, wasm: bool = False) -> str:
    """A strict policy for one page: our origin only, plus the hashes of the theme's inline scripts.

    JSON data blocks are not executed, so they need no hash. `wasm-unsafe-eval` only where
    Pyodide runs (the calculator page).
    """
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if "application/json" in match.group("attrs"):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    script_src = " ".join(["'self'", *sorted(set(hashes)), *(["'wasm-unsafe-eval'"] if wasm else [])])
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def on_post_page(output, page, config, **kwargs):
    wasm = bool(page.meta.get("pyodide"))
    csp = content_security_policy(output, wasm=wasm)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    copy_runtime(site)
    write_wheel(site)


def runtime_urls(config=None) -> dict:
    """Site-relative URLs of the runtime and wheel (the wheel's folder carries its content hash)."""
    return {
        "pyodide_url": f"/{RUNTIME_DIR}/pyodide.mjs",
        "pyodide_index_url": f"/{RUNTIME_DIR}/",
        "wheel_url": f"/{WHEEL_DIR}/{wheel_hash()}/{wheel_name()}",
    }


def copy_runtime(site: Path) -> None:
    if not PYODIDE_NPM.is_dir():
        raise SystemExit("node_modules/pyodide ontbreekt: voer eerst `npm ci` uit (of `make build`).")
    doel = site / RUNTIME_DIR
    doel.mkdir(parents=True, exist_ok=True)
    for naam in PYODIDE_FILES:
        shutil.copy2(PYODIDE_NPM / naam, doel / naam)


# ---------------------------------------------------------------- our pure-Python wheel

def wheel_name() -> str:
    return f"calculator-{_version()}-py3-none-any.whl"


def _version() -> str:
    text = (ROOT / "calculator" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def _wheel_files() -> list[tuple[str, bytes]]:
    pkg = ROOT / "calculator"
    files = sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".json")
                   and "__pycache__" not in p.parts)
    return [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in files]


@functools.lru_cache(maxsize=1)
def wheel_bytes() -> bytes:
    """A standard, reproducible py3-none-any wheel built with the stdlib alone.

    `pyodide build` cannot run offline (it downloads a cross-build environment first); a
    pure-Python wheel needs no cross-building, and Pyodide's loadPackage accepts it as is.
    """
    version = _version()
    dist = f"calculator-{version}.dist-info"
    entries = _wheel_files()
    entries.append((f"{dist}/METADATA", (
        f"Metadata-Version: 2.1\nName: calculator\nVersion: {version}\n"
        "Summary: Rekenhulp opleidingscheques (JoJo/VeVe)\nRequires-Python: >=3.11\n").encode()))
    entries.append((f"{dist}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: build_site.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n").encode()))
    entries.append((f"{dist}/top_level.txt", b"calculator\n"))
    record = []
    for name, data in entries:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{dist}/RECORD,,")
    entries.append((f"{dist}/RECORD", ("\n".join(record) + "\n").encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as whl:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 9, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(info, data)
    return buffer.getvalue()


def wheel_hash() -> str:
    return hashlib.sha256(wheel_bytes()).hexdigest()[:12]


def write_wheel(site: Path) -> Path:
    doel = site / WHEEL_DIR / wheel_hash() / wheel_name()
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(wheel_bytes())
    return doel


# ---------------------------------------------------------------- commands

def build(site_dir: Path | None = None) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
           "-f", str(ROOT / "mkdocs.yml")]
    if site_dir:
        cmd += ["--site-dir", str(site_dir)]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    return Path(site_dir) if site_dir else ROOT / "site"


def check(site: Path) -> list[str]:
    """Problems with the URL contract in a built site (empty when everything is there)."""
    problemen = []
    for url, anchors in CONTRACT_URLS.items():
        page = site / url.strip("/") / "index.html"
        if not page.is_file():
            problemen.append(f"{url}: pagina ontbreekt")
            continue
        html = page.read_text(encoding="utf-8")
        if 'name="viewport"' not in html:
            problemen.append(f"{url}: viewport-meta ontbreekt")
        for anchor in anchors:
            if f'id="{anchor}"' not in html:
                problemen.append(f"{url}#{anchor}: anker ontbreekt")
    if not (site / RUNTIME_DIR / "pyodide.asm.wasm").is_file():
        problemen.append("Pyodide-runtime ontbreekt in de site")
    return problemen


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the MIME types Pyodide needs (wasm, module scripts)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        if os.environ.get("SERVE_LOG"):
            super().log_message(format, *args)

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def make_server(site: Path, port: int = 8000, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(StaticHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="bouw de site")
    p_build.add_argument("--site-dir", type=Path)
    p_serve = sub.add_parser("serve", help="bouw en toon de site op 127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument("--no-build", action="store_true", help="toon de bestaande site/ zonder te bouwen")
    sub.add_parser("check", help="bouw en controleer de URL's en ankers")
    args = parser.parse_args(argv)

    if args.command == "build":
        site = build(args.site_dir)
        print(f"Site gebouwd in {site}")
        return 0
    if args.command == "check":
        problemen = check(build())
        for p in problemen:
            print("FOUT:", p)
        print("Alle URL's en ankers van het contract zijn er." if not problemen else "")
        return 1 if problemen else 0
    site = ROOT / "site"
    if not args.no_build:
        build()
    server = make_server(site, args.port)
    print(f"De site draait op http://127.0.0.1:{args.port}/ (stoppen: Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
