"""The committed compressed sizes of the pinned Pyodide runtime (benchmarks/pyodide-groottes.json).

The page-weight budgets count the wasm as brotli 11 sends it; compressing it takes a minute or
more, so its size is data, recorded with the lock's version and integrity. These tests make sure
the data belongs to the runtime `npm ci` installs from package-lock.json, and that its numbers are
what the compression gives (exactly, where that is cheap or already cached).
"""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest

from benchmarks import gewicht

OPNIEUW = "rewrite it with `.venv/bin/python -m benchmarks.gewicht` (after `npm ci`) and commit it"


@pytest.fixture(scope="module")
def tabel() -> dict:
    return json.loads(gewicht.GROOTTES.read_text(encoding="utf-8"))


def test_table_is_for_the_pyodide_of_the_lock(tabel):
    assert tabel["pyodide"] == gewicht.pyodide_in_lock(), \
        f"{gewicht.GROOTTES.name} is for another pyodide than package-lock.json: {OPNIEUW}"
    assert set(tabel["bestanden"]) == set(gewicht.RUNTIME_BESTANDEN), OPNIEUW


def test_table_describes_the_installed_files(tabel):
    installed = json.loads((gewicht.PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == gewicht.pyodide_in_lock()["version"], "node_modules is not the lock's: run `npm ci`"
    for naam, b in tabel["bestanden"].items():
        data = (gewicht.PYODIDE_NPM / naam).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (b["sha256"], b["bytes"]), f"{naam}: {OPNIEUW}"
        assert 0 < b["br"] <= b["gz"] <= len(data) + 64, (naam, b)


def test_recorded_sizes_are_what_compression_gives(tabel):
    """Computed here for the small files (gzip up to 3 MB, brotli up to 200 kB); for the wasm
    compared with the content-keyed cache when an earlier run (or `make bench`) filled it."""
    import brotli

    for naam, b in tabel["bestanden"].items():
        data = (gewicht.PYODIDE_NPM / naam).read_bytes()
        if len(data) <= 3_000_000:
            assert len(gzip.compress(data, compresslevel=9, mtime=0)) == b["gz"], f"{naam} gzip: {OPNIEUW}"
        if len(data) <= 200_000:
            assert len(brotli.compress(data, quality=11)) == b["br"], f"{naam} brotli: {OPNIEUW}"
        for soort in ("br", "gz"):
            gecomprimeerd = gewicht.CACHE / f"{b['sha256']}.{soort}"
            if gecomprimeerd.is_file():
                assert gecomprimeerd.stat().st_size == b[soort], f"{naam} {soort} (cache): {OPNIEUW}"


def test_sizes_of_the_runtime_come_from_the_table_not_from_compressing(tmp_path, monkeypatch):
    """The budget test's heaviest file costs nothing: verzonden() finds it by content."""
    wasm = gewicht.PYODIDE_NPM / "pyodide.asm.wasm"
    kopie = tmp_path / "pyodide.asm.wasm"
    kopie.write_bytes(wasm.read_bytes())

    def niet_comprimeren(data):
        raise AssertionError("compressed although its size is recorded")

    monkeypatch.setattr(gewicht, "brotli_bytes", niet_comprimeren)
    monkeypatch.setattr(gewicht, "gzip_bytes", niet_comprimeren)
    b = json.loads(gewicht.GROOTTES.read_text(encoding="utf-8"))["bestanden"]["pyodide.asm.wasm"]
    assert gewicht.verzonden(kopie) == b["br"]
    assert gewicht.verzonden(kopie, "gzip") == b["gz"]
    assert gewicht.verzonden(kopie, "identity") == b["bytes"]
