"""Bytes as a production static host sends them: brotli (quality 11) or gzip per file of site/.

Shared by the page-weight budgets (tests/e2e/test_budget.py), the benchmark server and the
benchmark's transfer table. Compressing the 9.6 MB wasm at quality 11 takes a minute or more, so:
  - the compressed sizes of the pinned npm runtime's files (the site ships the wasm and the two
    .mjs files unchanged) are committed in pyodide-groottes.json, keyed by each file's SHA-256
    and recorded with the package-lock's version and integrity of `pyodide`; a fresh clone needs
    no compression for them. tests/test_gewicht.py checks the table against the lock and the
    installed files; after a Pyodide update it fails with the command that rewrites it:
        .venv/bin/python -m benchmarks.gewicht
  - anything else (our pages, the trimmed stdlib) is compressed once and kept in a cache keyed
    by its content hash (node_modules/.cache/opleidingscheques/compressed/).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "node_modules" / ".cache" / "opleidingscheques" / "compressed"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
LOCK = ROOT / "package-lock.json"
GROOTTES = Path(__file__).resolve().parent / "pyodide-groottes.json"
# The npm package's runtime files: what the site ships unchanged, and what the benchmark's bare
# Pyodide page loads (the whole stdlib, the full lock file).
RUNTIME_BESTANDEN = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", "pyodide.js",
                     "python_stdlib.zip", "pyodide-lock.json")

# What a host compresses: text and the (uncompressed inside) wasm; not PNGs or zip files... except
# ours: python_stdlib.zip and the wheel are stored zips that brotli shrinks a lot, so every file
# is offered compressed when that makes it smaller, as nginx's brotli_static/gzip_static would.
NIET_COMPRIMEREN = {".png", ".jpg", ".jpeg", ".webp", ".gz", ".br", ".woff2"}


def _cached(data: bytes, soort: str, maak) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    pad = CACHE / f"{digest}.{soort}"
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        pass
    uit = maak(data)
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f"{pad.name}.{os.getpid()}.tmp")
    tijdelijk.write_bytes(uit)
    tijdelijk.replace(pad)
    return uit


def brotli_bytes(data: bytes) -> bytes:
    import brotli
    return _cached(data, "br", lambda d: brotli.compress(d, quality=11))


def gzip_bytes(data: bytes) -> bytes:
    return _cached(data, "gz", lambda d: gzip.compress(d, compresslevel=9, mtime=0))


def comprimeerbaar(pad: Path) -> bool:
    return pad.suffix.lower() not in NIET_COMPRIMEREN


def verzonden(pad: Path, codering: str = "br") -> int:
    """Bytes of the body a host sends for this file (compressed only when that is smaller)."""
    data = pad.read_bytes()
    if not comprimeerbaar(pad) or codering == "identity":
        return len(data)
    sleutel = "br" if codering == "br" else "gz"
    bekend = _bekende_groottes().get(hashlib.sha256(data).hexdigest())
    if bekend is not None:
        return min(bekend[sleutel], len(data))
    klein = brotli_bytes(data) if codering == "br" else gzip_bytes(data)
    return min(len(klein), len(data))


# ---------------------------------------------------------------- the pinned runtime's sizes

def pyodide_in_lock() -> dict:
    """The package-lock's entry for pyodide: {"version", "integrity"}."""
    pakket = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]["node_modules/pyodide"]
    return {"version": pakket["version"], "integrity": pakket["integrity"]}


@functools.lru_cache(maxsize=1)
def _bekende_groottes() -> dict[str, dict]:
    """sha256 -> {"br", "gz"} from pyodide-groottes.json. Keyed by content: a file that is not
    byte for byte the recorded one (another Pyodide, a trimmed copy) is simply not found."""
    try:
        tabel = json.loads(GROOTTES.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {b["sha256"]: b for b in tabel["bestanden"].values()}


def meet_runtime_groottes() -> dict:
    """The table for the installed npm runtime (compresses each file: minutes for the wasm)."""
    bestanden = {}
    for naam in RUNTIME_BESTANDEN:
        data = (PYODIDE_NPM / naam).read_bytes()
        bestanden[naam] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
                           "br": len(brotli_bytes(data)), "gz": len(gzip_bytes(data))}
    return {"eenheid": "bytes; br = brotli quality 11, gz = gzip -9, as benchmarks/gewicht.py compresses",
            "pyodide": pyodide_in_lock(), "bestanden": bestanden}


def main() -> int:
    """python -m benchmarks.gewicht: rewrite pyodide-groottes.json for the installed runtime."""
    lock = pyodide_in_lock()
    installed = json.loads((PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != lock["version"]:
        print(f"node_modules has pyodide {installed}, the lock {lock['version']}: run `npm ci` first",
              file=sys.stderr)
        return 1
    tabel = meet_runtime_groottes()
    GROOTTES.write_text(json.dumps(tabel, indent=1) + "\n", encoding="utf-8")
    for naam, b in tabel["bestanden"].items():
        print(f"{naam:20} {b['bytes']:>9} bytes, brotli {b['br']:>8}, gzip {b['gz']:>8}")
    print(f"written: {GROOTTES.relative_to(ROOT)} (pyodide {lock['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def bestand_voor(site: Path, url: str) -> Path | None:
    """The file of site/ a URL of our server serves (a folder serves its index.html)."""
    pad = unquote(urlparse(url).path)
    doel = (site / pad.lstrip("/")).resolve()
    if site.resolve() not in doel.parents and doel != site.resolve():
        return None
    if doel.is_dir():
        doel = doel / "index.html"
    return doel if doel.is_file() else None


def kb(n: int) -> str:
    return f"{n / 1000:.1f} kB"


def mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB"
