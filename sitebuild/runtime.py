"""The Pyodide runtime as the site ships it: copied from the pinned npm package, with a trimmed
standard library, in a folder named after its content hash.

Bare Pyodide sends 2.5 MB of standard library (python_stdlib.zip, already compressed) and a
119 kB lock file of packages we never load. The site ships instead:
  - python_stdlib.zip with only the modules Pyodide's own start-up and our calculator import
    (the committed list python_stdlib.txt, traced by `python build_site.py stdlib` and
    re-traced by tests/test_stdlib.py), without comments and docstrings, stored
    uncompressed so that brotli compresses across files;
  - pyodide-lock.json without packages (the wheel goes on sys.path, see laden.mjs).
The stripping runs in Pyodide itself (Node.js), the same Python 3.14 that will import the
files, and keeps a file only when it compiles to exactly the same bytecode as the original.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from .layout import CACHE, PYODIDE_NPM, ROOT, RUNTIME_DIR, WHEEL_DIR
from .wheel import wheel_bytes, wheel_hash, wheel_name


def runtime_urls(config=None) -> dict:
    """Site-relative URLs of the runtime and wheel (each folder is named after its content hash)."""
    return {
        "pyodide_url": f"/{RUNTIME_DIR}/{runtime_hash()}/pyodide.mjs",
        "pyodide_index_url": f"/{RUNTIME_DIR}/{runtime_hash()}/",
        "wheel_url": f"/{WHEEL_DIR}/{wheel_hash()}/{wheel_name()}",
        "stdlib_lijst_url": stdlib_lijst_url(),
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


STDLIB_LIST = ROOT / "python_stdlib.txt"
RUNTIME_COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

# What the calculator is traced with (build-owned data: the build never reads the tests).
TRACE_INVOER = Path(__file__).with_name("trace_invoer.json")
# Pyodide in Node.js (see _pyodide_in_node), with the worker's own loading steps.
NODE_RUNNER = Path(__file__).with_name("pyodide_node.mjs")
LADEN = ROOT / "docs" / "assets" / "rekenhulp" / "laden.mjs"

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
    """Run one job (see pyodide_node.mjs) in Pyodide under Node.js; returns its JSON result."""
    import tempfile
    _require_runtime()
    with tempfile.TemporaryDirectory(prefix="pyodide-node-") as tmp:
        tmp = Path(tmp)
        opdracht = {"indexURL": f"{PYODIDE_NPM}/", **opdracht, "resultaat": str(tmp / "resultaat.json")}
        (tmp / "opdracht.json").write_text(json.dumps(opdracht), encoding="utf-8")
        proc = subprocess.run([_node(), str(NODE_RUNNER), str(tmp / "opdracht.json")], capture_output=True,
                              text=True, timeout=timeout, cwd=tmp)
        if proc.returncode != 0:
            raise RuntimeError(f"Pyodide in Node.js faalde:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        return json.loads((tmp / "resultaat.json").read_text(encoding="utf-8"))


def trace_input() -> dict:
    """sitebuild/trace_invoer.json: golden cases by name (`berekeningen`) and raw texts (`teksten`)."""
    return json.loads(TRACE_INVOER.read_text(encoding="utf-8"))


def trace_teksten() -> list[str]:
    """The JSON texts the calculator is traced with (sitebuild/trace_invoer.json): every route,
    document, warning and kind of refusal, as `bereken_json` receives them from the worker."""
    invoer = trace_input()
    return ([json.dumps(b["invoer"], ensure_ascii=False) for b in invoer["berekeningen"]]
            + [t["tekst"] * t.get("herhaal", 1) for t in invoer["teksten"]])


def trace_stdlib(teksten: list[str] | None = None) -> list[str]:
    """The files of python_stdlib.zip that Pyodide's start-up plus our calculator import.

    Pyodide starts with the complete standard library, loads the wheel the way the worker
    does (laden.mjs), answers every text (by default trace_teksten(): every route, document,
    warning and kind of refusal) and raises one error into JavaScript; then every module in
    sys.modules that came out of the zip is listed.
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
           "# Pyodide's start-up and our calculator import (see sitebuild/runtime.py).\n"
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
    return _trimmed_zip(stdlib_entries(), "python_stdlib")


def _trimmed_zip(entries: list[str], naam: str) -> bytes:
    """These files of Pyodide's python_stdlib.zip, stripped (see _strip_python), as one stored zip."""
    import inspect
    import tempfile
    _require_runtime()
    bron = PYODIDE_NPM / "python_stdlib.zip"
    with zipfile.ZipFile(bron) as z:
        ontbreekt = sorted(set(entries) - set(z.namelist()))
    if ontbreekt:
        raise SystemExit(f"{naam}.txt noemt bestanden die Pyodide niet heeft: {ontbreekt[:5]}; "
                         "maak de lijst opnieuw met `python build_site.py stdlib`.")
    code = inspect.getsource(_strip_python) + inspect.getsource(_same_code) + _STRIP_PYTHON
    sleutel = hashlib.sha256()
    for deel in (bron.read_bytes(), "\n".join(entries).encode(), code.encode(),
                 NODE_RUNNER.read_bytes(), LADEN.read_bytes()):
        sleutel.update(hashlib.sha256(deel).digest())
    cache = CACHE / f"{naam}-{sleutel.hexdigest()[:16]}.zip"
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


# ---------------------------------------------------------------- the list check's extra stdlib
# /voor-coordinatoren/controle/ reads CSV and Excel files: csv, the encodings Excel writes
# (utf_8_sig, cp1252) and, for .xlsx, the XML parser. The calculator page needs none of them and
# its download is already at its limit, so they are not in python_stdlib.zip: they are a second,
# small zip (python_stdlib_lijst.txt) that only the list page's worker downloads, in a folder
# named after its content hash (checked like the wheel's) and put on sys.path like the wheel.

STDLIB_LIJST = ROOT / "python_stdlib_lijst.txt"
STDLIB_LIJST_NAAM = "python_stdlib_lijst.zip"


def stdlib_lijst_entries() -> list[str]:
    """The committed list of extra standard-library files of the list check (python_stdlib_lijst.txt)."""
    regels = STDLIB_LIJST.read_text(encoding="utf-8").splitlines()
    return [r.strip() for r in regels if r.strip() and not r.startswith("#")]


@functools.lru_cache(maxsize=1)
def stdlib_lijst_bytes() -> bytes:
    return _trimmed_zip(stdlib_lijst_entries(), "python_stdlib_lijst")


def stdlib_lijst_hash() -> str:
    return hashlib.sha256(stdlib_lijst_bytes()).hexdigest()[:12]


def stdlib_lijst_url() -> str:
    return f"/{WHEEL_DIR}/{stdlib_lijst_hash()}/{STDLIB_LIJST_NAAM}"


def write_stdlib_lijst(site: Path) -> Path:
    doel = site / stdlib_lijst_url().lstrip("/")
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(stdlib_lijst_bytes())
    return doel


_TRACE_LIJSTEN = r"""
import io, json, zipfile
from calculator import web_controle
from calculator.teksten import TALEN
lijsten = [voorbeeld.encode("utf-8-sig"), voorbeeld.replace(";", ",").encode("utf-8"),
           voorbeeld.encode("cp1252", errors="replace"),
           b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00", b"PK\x03\x04kapot", b"opleiding;inschrijvingsgeld\r\n",
           b"opleiding;opleiding;inschrijvingsgeld\r\nandere;andere;1\r\n", b"naam;x\r\na;b\r\n"]
for data in lijsten:
    for naam in ("lijst.csv", "lijst.xlsx"):
        for taal in TALEN:
            if "fout" in json.loads(web_controle.controleer_bestand(data, naam, taal)):
                continue
            web_controle.csv_bytes(taal)
            werkmap = web_controle.xlsx_bytes(taal)  # written, then read back as a chosen file
            web_controle.controleer_bestand(werkmap, "lijst.xlsx", taal)
            # ... and as Excel zips it: names without the UTF-8 flag, which zipfile reads as cp437
            bron, excel = zipfile.ZipFile(io.BytesIO(werkmap)), io.BytesIO()
            with zipfile.ZipFile(excel, "w", zipfile.ZIP_DEFLATED) as doel:
                for naam in bron.namelist():
                    doel.writestr(naam, bron.read(naam))
            web_controle.controleer_bestand(excel.getvalue(), "lijst.xlsx", taal)
"""


def trace_stdlib_lijst() -> list[str]:
    """The files the list check imports beyond python_stdlib.txt: the trace of trace_stdlib, on the
    example list (every language, ';' and ',', UTF-8 with BOM and Windows-1252) and bad files."""
    import tempfile
    from .content import voorbeeldbestand
    voorbeeld = voorbeeldbestand().decode("utf-8-sig")
    with tempfile.TemporaryDirectory(prefix="wheel-") as tmp:
        wheel = Path(tmp) / wheel_name()
        wheel.write_bytes(wheel_bytes())
        code = f"voorbeeld = {voorbeeld!r}\n" + _TRACE_LIJSTEN + _TRACE_PYTHON
        uit = _pyodide_in_node({"wheel": str(wheel), "teksten": [], "python": code})
    basis = set(stdlib_entries())
    return sorted(set(json.loads(uit["python"])) - basis)


def write_stdlib_lijst_list(entries: list[str]) -> None:
    kop = ("# The extra standard-library files /voor-coordinatoren/controle/ loads (python_stdlib_lijst.zip):\n"
           "# what reading and writing a list needs beyond python_stdlib.txt (see sitebuild/runtime.py).\n"
           "# Generated by `python build_site.py stdlib`; tests/test_stdlib.py re-traces and compares.\n")
    STDLIB_LIJST.write_text(kop + "".join(f"{e}\n" for e in entries), encoding="utf-8")


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
