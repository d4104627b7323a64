#!/usr/bin/env python3
"""The one build entry of the site, and its single MkDocs hook.

    python build_site.py build [--site-dir DIR]   build the site (mkdocs --strict) into site/
    python build_site.py serve [--port 8000]      build, then serve it on http://127.0.0.1:PORT
    python build_site.py check                    build, then verify every contract URL and anchor
    python build_site.py stdlib                   re-trace the standard-library files the site ships

As a hook (mkdocs.yml `hooks:`), it renders every Markdown page through jinja2 with the
calculator as context, so the guide's tables and worked examples are computed by the same
`bereken` as the calculator page and can never disagree with it; after the build it adds the
Pyodide runtime (from the pinned npm package) and our calculator wheel to the site, cuts the
theme's stylesheets down to what the pages use (sitebuild/stylesheets.py) and writes the service
worker.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads this file as a hook, not as a module
from sitebuild.stylesheets import purge_theme_stylesheets  # noqa: E402

ROOT = Path(__file__).resolve().parent
TEMPLATES = ROOT / "templates"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
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
    write_icons(site)
    write_manifest(site, config)
    purge_theme_stylesheets(site)  # after every page is written: it reads which classes they use
    write_service_worker(site, config)  # last: it stores (and hashes) what the others wrote


def runtime_urls(config=None) -> dict:
    """Site-relative URLs of the runtime and wheel (each folder is named after its content hash)."""
    return {
        "pyodide_url": f"/{RUNTIME_DIR}/{runtime_hash()}/pyodide.mjs",
        "pyodide_index_url": f"/{RUNTIME_DIR}/{runtime_hash()}/",
        "wheel_url": f"/{WHEEL_DIR}/{wheel_hash()}/{wheel_name()}",
    }


def _require_runtime() -> None:
    if not PYODIDE_NPM.is_dir():
        raise SystemExit("node_modules/pyodide ontbreekt: voer eerst `npm ci` uit (of `make build`).")


def copy_runtime(site: Path) -> Path:
    """The runtime as the calculator page loads it, in assets/pyodide/<content hash>/."""
    doel = site / RUNTIME_DIR / runtime_hash()
    doel.mkdir(parents=True, exist_ok=True)
    for naam, data in runtime_files().items():
        if isinstance(data, Path):
            shutil.copy2(data, doel / naam)
        else:
            (doel / naam).write_bytes(data)
    return doel


# ---------------------------------------------------------------- the trimmed runtime
#
# Bare Pyodide sends 2.5 MB of standard library (python_stdlib.zip, already compressed) and a
# 119 kB lock file of packages we never load. The site ships instead:
#   - python_stdlib.zip with only the modules Pyodide's own start-up and our calculator import
#     (the committed list python_stdlib.txt, traced by `python build_site.py stdlib` and
#     re-traced by tests/test_stdlib.py), without comments and docstrings, stored
#     uncompressed so that brotli compresses across files;
#   - pyodide-lock.json without packages (the wheel goes on sys.path, see worker.mjs).
# The stripping runs in Pyodide itself (Node.js), the same Python 3.14 that will import the
# files, and keeps a file only when it compiles to exactly the same bytecode as the original.

STDLIB_LIST = ROOT / "python_stdlib.txt"
CACHE = ROOT / "node_modules" / ".cache" / "opleidingscheques"
RUNTIME_COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

# Input the calculator is traced with besides the golden cases: every way `bereken_json` refuses.
TRACE_TEKSTEN = [
    "{kapot", "", "[]", "null", "42", '"andere"', "{}",
    '{"opleiding": "andere", "inschrijvingsgeld": NaN}',
    '{"opleiding": "andere", "inschrijvingsgeld": Infinity, "al_aangevraagd": -Infinity}',
    '{"opleiding": "andere", "inschrijvingsgeld": 1e400}',
    '{"opleiding": "andere", "inschrijvingsgeld": "\\u0662\\u0665\\u0660"}',
    '{"opleiding": "andere", "inschrijvingsgeld": "\\uff12\\uff15\\uff10"}',
    '{"opleiding": "andere", "inschrijvingsgeld": "1 234,50 EUR", "al_aangevraagd": "€ 12,-"}',
    '{"opleiding": "andere", "inschrijvingsgeld": true, "aanvaardt_cheques": "misschien"}',
    '{"opleiding": 3, "inschrijvingsgeld": [1], "datum": "2026-02-30"}',
    '{"opleiding": "nt2", "inschrijvingsgeld": 250.125, "datum": "15-09-2026"}',
    '{"opleiding": "graduaat_bachelor", "inschrijvingsgeld": "12,345.67", "datum": 20260915}',
    "[" * 5000,
]

_NODE_RUNNER = r"""
// Runs Pyodide from node_modules (or a built site) in Node.js for build_site.py: see _pyodide_in_node.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const opdracht = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const { loadPyodide } = await import(pathToFileURL(opdracht.indexURL + "pyodide.mjs").href);
const opties = { indexURL: opdracht.indexURL };
if (opdracht.stdLibURL) opties.stdLibURL = opdracht.stdLibURL;
const wielPad = opdracht.wheel ? "/lib/" + opdracht.wheel.split("/").pop() : null;
function zetWiel(py) {  // as worker.mjs does it: the wheel (a zip) on sys.path
  py.FS.writeFile(wielPad, readFileSync(opdracht.wheel));
  const sys = py.pyimport("sys");
  sys.path.insert(0, wielPad);
  sys.destroy();
}
let pyodide;
if (opdracht.momentopname) {
  // as a returning visitor's worker: Python restored from a snapshot taken after the import
  const eerste = await loadPyodide({ ...opties, _makeSnapshot: true });
  zetWiel(eerste);
  eerste.pyimport("calculator.web");
  const geheugen = eerste.makeMemorySnapshot();
  pyodide = await loadPyodide({ ...opties, _loadSnapshot: geheugen });
  pyodide.FS.writeFile(wielPad, readFileSync(opdracht.wheel));
} else {
  pyodide = await loadPyodide(opties);
}
const uit = {};
for (const [doel, bron] of Object.entries(opdracht.bestanden || {})) {
  pyodide.FS.writeFile(doel, readFileSync(bron));
}
if (opdracht.wheel) {
  // bereken_json called from JavaScript, for every text
  if (!opdracht.momentopname) zetWiel(pyodide);
  const web = pyodide.pyimport("calculator.web");
  uit.antwoorden = opdracht.teksten.map((tekst) => web.bereken_json(tekst));
  try { web.bereken_json(); } catch (fout) { uit.fout = String(fout.type); }  // an error's way out
}
if (opdracht.python) uit.python = pyodide.runPython(opdracht.python);
for (const [bron, doel] of Object.entries(opdracht.ophalen || {})) {
  writeFileSync(doel, pyodide.FS.readFile(bron));
}
writeFileSync(opdracht.resultaat, JSON.stringify(uit));
"""

_TRACE_PYTHON = r"""
import json, sys
zip_pad = next(p for p in sys.path if p.endswith(".zip")) + "/"
gevonden = set()
for naam, module in list(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    bestand = getattr(module, "__file__", None) or ""
    if spec is not None and spec.origin == "frozen":
        continue  # compiled into the runtime: needs no file
    if type(getattr(module, "__loader__", None)).__name__ == "FrozenImporter":
        continue
    if bestand.startswith(zip_pad):
        gevonden.add(bestand[len(zip_pad):])
json.dumps(sorted(gevonden))
"""


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise SystemExit("Node.js ontbreekt: het is nodig voor de Pyodide-runtime (npm) en de build.")
    return node


def _pyodide_in_node(opdracht: dict, timeout: int = 300) -> dict:
    """Run one job (see _NODE_RUNNER) in Pyodide under Node.js; returns its JSON result."""
    import tempfile
    _require_runtime()
    with tempfile.TemporaryDirectory(prefix="pyodide-node-") as tmp:
        tmp = Path(tmp)
        script = tmp / "runner.mjs"
        script.write_text(_NODE_RUNNER, encoding="utf-8")
        opdracht = {"indexURL": f"{PYODIDE_NPM}/", **opdracht, "resultaat": str(tmp / "resultaat.json")}
        (tmp / "opdracht.json").write_text(json.dumps(opdracht), encoding="utf-8")
        proc = subprocess.run([_node(), str(script), str(tmp / "opdracht.json")], capture_output=True,
                              text=True, timeout=timeout, cwd=tmp)
        if proc.returncode != 0:
            raise RuntimeError(f"Pyodide in Node.js faalde:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        return json.loads((tmp / "resultaat.json").read_text(encoding="utf-8"))


def trace_teksten() -> list[str]:
    """The JSON texts the calculator is traced with: every golden case plus TRACE_TEKSTEN."""
    sys.path.insert(0, str(ROOT / "tests"))
    from golden import load_cases  # the golden cases live with the tests (needs pyyaml)
    return [json.dumps(case["invoer"], ensure_ascii=False) for case in load_cases()] + TRACE_TEKSTEN


def trace_stdlib(teksten: list[str] | None = None) -> list[str]:
    """The files of python_stdlib.zip that Pyodide's start-up plus our calculator import.

    Pyodide starts with the complete standard library, loads the wheel the way the worker
    does, answers every text (every golden case, every kind of refusal) and raises one error
    into JavaScript; then every module in sys.modules that came out of the zip is listed.
    """
    import tempfile
    with tempfile.TemporaryDirectory(prefix="wheel-") as tmp:
        wheel = Path(tmp) / wheel_name()
        wheel.write_bytes(wheel_bytes())
        uit = _pyodide_in_node({"wheel": str(wheel), "teksten": teksten if teksten is not None
                                else trace_teksten(), "python": _TRACE_PYTHON})
    return json.loads(uit["python"])


def stdlib_entries() -> list[str]:
    """The committed list of standard-library files the site ships (python_stdlib.txt)."""
    if not STDLIB_LIST.is_file():
        raise SystemExit(f"{STDLIB_LIST.name} ontbreekt: maak hem met `python build_site.py stdlib`.")
    regels = STDLIB_LIST.read_text(encoding="utf-8").splitlines()
    return [r.strip() for r in regels if r.strip() and not r.startswith("#")]


def write_stdlib_list(entries: list[str]) -> None:
    kop = ("# The standard-library files of Pyodide's python_stdlib.zip that the site ships: what\n"
           "# Pyodide's start-up and our calculator import (see build_site.py, 'the trimmed runtime').\n"
           "# Generated by `python build_site.py stdlib`; tests/test_stdlib.py re-traces and compares.\n")
    STDLIB_LIST.write_text(kop + "".join(f"{e}\n" for e in entries), encoding="utf-8")


def _strip_python(source: bytes, rstrip: bool = True) -> bytes:
    """Python source without comments and docstrings, every line where it was.

    Runs inside Pyodide (the same Python as the browser's); a docstring that is a whole body
    becomes `...`.
    """
    import ast
    import io
    import tokenize
    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    text = source.decode(encoding)
    lines = text.splitlines(keepends=True)

    def kolom(lineno, byte_col):  # ast counts UTF-8 bytes, tokenize counts characters
        return len(lines[lineno - 1].encode("utf-8")[:byte_col].decode("utf-8"))

    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                doc = body[0]
                edits.append(((doc.lineno, kolom(doc.lineno, doc.col_offset)),
                              (doc.end_lineno, kolom(doc.end_lineno, doc.end_col_offset)),
                              "..." if len(body) == 1 else ""))
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            edits.append((token.start, token.end, ""))
    for (sl, sc), (el, ec), nieuw in sorted(edits, reverse=True):
        lines[sl - 1:el] = [lines[sl - 1][:sc] + nieuw + "\n" * (el - sl) + lines[el - 1][ec:]]
    out = "".join(lines)
    if rstrip:
        out = "\n".join(line.rstrip() for line in out.split("\n"))
    return out.encode("utf-8")


def _same_code(a, b) -> bool:
    """Same bytecode, names and constants, recursively (line numbers may differ)."""
    if (a.co_code, a.co_names, a.co_varnames, a.co_freevars, a.co_cellvars, a.co_flags) != (
            b.co_code, b.co_names, b.co_varnames, b.co_freevars, b.co_cellvars, b.co_flags):
        return False
    if len(a.co_consts) != len(b.co_consts):
        return False
    for x, y in zip(a.co_consts, b.co_consts):
        if hasattr(x, "co_code") and hasattr(y, "co_code"):
            if not _same_code(x, y):
                return False
        elif type(x) is not type(y) or repr(x) != repr(y):
            return False
    return True


_STRIP_PYTHON = r"""
import io, json, zipfile
bron = zipfile.ZipFile("/tmp/bron.zip")
namen = json.loads(open("/tmp/lijst.json").read())
gestript = []
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as doel:
    for naam in namen:
        data = bron.read(naam)
        if naam.endswith(".py"):
            optie = lambda d: compile(d, naam, "exec", dont_inherit=True, optimize=2)
            origineel = optie(data)
            for rstrip in (True, False):
                kandidaat = _strip_python(data, rstrip)
                if _same_code(origineel, optie(kandidaat)):
                    data = kandidaat
                    gestript.append(naam)
                    break
        info = zipfile.ZipInfo(naam, date_time=(2020, 9, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        doel.writestr(info, data)
open("/tmp/doel.zip", "wb").write(buffer.getvalue())
json.dumps(gestript)
"""


@functools.lru_cache(maxsize=1)
def stdlib_bytes() -> bytes:
    """The trimmed python_stdlib.zip (cached per runtime, list and stripping code)."""
    import inspect
    import tempfile
    _require_runtime()
    bron = PYODIDE_NPM / "python_stdlib.zip"
    entries = stdlib_entries()
    with zipfile.ZipFile(bron) as z:
        ontbreekt = sorted(set(entries) - set(z.namelist()))
    if ontbreekt:
        raise SystemExit(f"{STDLIB_LIST.name} noemt bestanden die Pyodide niet heeft: {ontbreekt[:5]}; "
                         "maak de lijst opnieuw met `python build_site.py stdlib`.")
    code = inspect.getsource(_strip_python) + inspect.getsource(_same_code) + _STRIP_PYTHON
    sleutel = hashlib.sha256()
    for deel in (bron.read_bytes(), "\n".join(entries).encode(), code.encode(), _NODE_RUNNER.encode()):
        sleutel.update(hashlib.sha256(deel).digest())
    cache = CACHE / f"python_stdlib-{sleutel.hexdigest()[:16]}.zip"
    if cache.is_file():
        return cache.read_bytes()
    with tempfile.TemporaryDirectory(prefix="stdlib-") as tmp:
        lijst = Path(tmp) / "lijst.json"
        lijst.write_text(json.dumps(entries), encoding="utf-8")
        _pyodide_in_node({"bestanden": {"/tmp/bron.zip": str(bron), "/tmp/lijst.json": str(lijst)},
                          "python": code, "ophalen": {"/tmp/doel.zip": str(Path(tmp) / "doel.zip")}})
        data = (Path(tmp) / "doel.zip").read_bytes()
    cache.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = cache.with_suffix(".tmp")
    tijdelijk.write_bytes(data)
    tijdelijk.replace(cache)
    return data


def lock_bytes() -> bytes:
    """Pyodide's lock file without its 357 packages: the calculator loads none of them."""
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, indent=1).encode()


def runtime_files() -> dict[str, Path | bytes]:
    """File name -> source file (copied as is) or bytes (generated), for assets/pyodide/<hash>/."""
    _require_runtime()
    files: dict[str, Path | bytes] = {naam: PYODIDE_NPM / naam for naam in RUNTIME_COPIED}
    files["pyodide-lock.json"] = lock_bytes()
    files["python_stdlib.zip"] = stdlib_bytes()
    return files


@functools.lru_cache(maxsize=1)
def runtime_hash() -> str:
    digest = hashlib.sha256()
    for naam, data in sorted(runtime_files().items()):
        digest.update(naam.encode() + b"\0")
        digest.update(hashlib.sha256(data.read_bytes() if isinstance(data, Path) else data).digest())
    return digest.hexdigest()[:12]


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
    # stored, not deflated: the host's brotli then compresses across files (14.0 -> 10.1 kB)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as whl:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 9, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            whl.writestr(info, data)
    return buffer.getvalue()


def wheel_hash() -> str:
    return hashlib.sha256(wheel_bytes()).hexdigest()[:12]


def write_wheel(site: Path) -> Path:
    doel = site / WHEEL_DIR / wheel_hash() / wheel_name()
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(wheel_bytes())
    return doel


# ---------------------------------------------------------------- offline: service worker, manifest, icons
#
# sw.js (templates/sw.js.j2) at the site root, registered by docs/assets/offline.js on every
# page; manifest.webmanifest and icons so the guide can go on a phone's home screen.

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


def manifest(config) -> dict:
    """The web app manifest: URLs relative to itself, so the site also works in a subfolder."""
    return {
        "name": config["site_name"],
        "short_name": "Opleidingscheques",
        "description": config["site_description"],
        "lang": "nl-BE",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEMA_KLEUR,
        "background_color": "#ffffff",
        "icons": [
            {"src": f"{ICONS_DIR}/icoon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": f"{ICONS_DIR}/icoon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{ICONS_DIR}/icoon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": f"{ICONS_DIR}/icoon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }


def write_manifest(site: Path, config) -> None:
    (site / MANIFEST).write_text(json.dumps(manifest(config), ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")


def precache_list(site: Path, config) -> list[str]:
    """What the service worker stores at install, relative to the site root: every page (as its
    folder URL), the files they refer to, our own assets, the search and the manifest."""
    site = site.resolve()
    uitgesloten = (f"{RUNTIME_DIR}/", f"{WHEEL_DIR}/")
    paginas = sorted(p for p in site.rglob("index.html"))
    lijst: set[str] = {"404.html", MANIFEST} if (site / "404.html").is_file() else {MANIFEST}
    for html in paginas:
        map_ = html.parent.relative_to(site).as_posix()
        lijst.add("" if map_ == "." else f"{map_}/")
        for verwijzing in _VERWIJZING.findall(html.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", verwijzing) or verwijzing.startswith("//"):
                continue  # another scheme or origin: never ours to store
            doel = (html.parent / verwijzing).resolve()
            if doel.is_file() and site in doel.parents and doel.name != "index.html":
                lijst.add(doel.relative_to(site).as_posix())
    eigen = ROOT / "docs" / "assets"
    lijst.update(f"assets/{p.relative_to(eigen).as_posix()}" for p in eigen.rglob("*") if p.is_file())
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
    paginas, runtime = precache_list(site, config), runtime_list(site)
    versie = hashlib.sha256()
    for pad in paginas + runtime:
        bestand = site / pad / "index.html" if pad.endswith("/") or pad == "" else site / pad
        versie.update(pad.encode() + b"\0" + hashlib.sha256(bestand.read_bytes()).digest())
    sjabloon = (TEMPLATES / "sw.js.j2").read_text(encoding="utf-8")
    versie.update(sjabloon.encode())
    tekst = _templates().get_template("sw.js.j2").render(
        versie=versie.hexdigest()[:12], paginas=paginas, runtime=runtime)
    doel = site / SERVICE_WORKER
    doel.write_text(tekst, encoding="utf-8")
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
    if not list((site / RUNTIME_DIR).glob("*/pyodide.asm.wasm")):
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


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the browser went away mid-answer (a closed tab, a service worker stopped)
        super().handle_error(request, client_address)


def make_server(site: Path, port: int = 8000, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(StaticHandler, directory=str(site))
    server = _Server((host, port), handler)
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
    sub.add_parser("stdlib", help=f"spoor opnieuw op welke modules Pyodide en de rekenhulp laden ({STDLIB_LIST.name})")
    args = parser.parse_args(argv)

    if args.command == "stdlib":
        oud = set(stdlib_entries()) if STDLIB_LIST.is_file() else set()
        nieuw = trace_stdlib()
        write_stdlib_list(nieuw)
        for naam in sorted(set(nieuw) - oud):
            print("+", naam)
        for naam in sorted(oud - set(nieuw)):
            print("-", naam)
        print(f"{STDLIB_LIST.name}: {len(nieuw)} bestanden")
        return 0

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
