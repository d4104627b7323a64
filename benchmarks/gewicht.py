"""Bytes as a production static host sends them: brotli (quality 11) or gzip per file of site/.

Shared by the page-weight budgets (tests/e2e/test_budget.py), the benchmark server and the
benchmark's transfer table. Compressing the 9.6 MB wasm at quality 11 takes half a minute, so
compressed files are kept in a cache keyed by their content hash
(node_modules/.cache/opleidingscheques/compressed/: it goes with the runtime it compresses).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "node_modules" / ".cache" / "opleidingscheques" / "compressed"

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
    klein = brotli_bytes(data) if codering == "br" else gzip_bytes(data)
    return min(len(klein), len(data))


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
