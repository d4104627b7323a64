"""Our calculator as a standard pure-Python wheel, for the browser."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import re
import zipfile
from pathlib import Path

from .layout import ROOT, WHEEL_DIR


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
