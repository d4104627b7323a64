"""The trimmed Python standard library the site ships (sitebuild/runtime.py).

python_stdlib.txt is committed: these tests trace it again in Pyodide (Node.js) and run the
calculator in Node.js on the site's own trimmed runtime, with every golden case and every kind
of refusal, against native Python. The browser tests (e2e/test_rekenhulp_differentieel.py)
then run the same worker code on the same files in Chromium.
"""

from __future__ import annotations

import shutil
import zipfile

import pytest

import build_site
from sitebuild import layout, runtime
from calculator import web

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js ontbreekt")


@pytest.fixture(scope="module")
def teksten():
    return runtime.trace_teksten()


def test_committed_module_list_is_what_pyodide_and_the_calculator_import(teksten):
    getraceerd = runtime.trace_stdlib(teksten)
    vastgelegd = runtime.stdlib_entries()
    erbij, eraf = sorted(set(getraceerd) - set(vastgelegd)), sorted(set(vastgelegd) - set(getraceerd))
    assert getraceerd == vastgelegd, (
        f"python_stdlib.txt is out of date (missing {erbij}, no longer needed {eraf}): "
        "run `.venv/bin/python build_site.py stdlib` and commit the list")


@pytest.mark.parametrize("momentopname", [False, True], ids=["vers", "uit-momentopname"])
def test_site_runtime_answers_like_native_python(site_dir, teksten, momentopname):
    """Started fresh, and restored from a memory snapshot as a returning visitor's worker does."""
    map_ = next((site_dir / build_site.RUNTIME_DIR).glob("*/pyodide.asm.wasm")).parent
    wheel = next((site_dir / layout.WHEEL_DIR).rglob("*.whl"))
    uit = runtime._pyodide_in_node({"indexURL": f"{map_}/", "stdLibURL": str(map_ / "python_stdlib.zip"),
                                       "wheel": str(wheel), "teksten": teksten, "momentopname": momentopname})
    verschillen = [(tekst, antwoord, web.bereken_json(tekst))  # the same JSON text, types and all
                   for tekst, antwoord in zip(teksten, uit["antwoorden"])
                   if antwoord != web.bereken_json(tekst)]
    assert len(uit["antwoorden"]) == len(teksten)
    assert not verschillen, f"{len(verschillen)} differ, e.g. {verschillen[:2]}"
    assert uit["fout"] == "TypeError"  # a Python error still reaches JavaScript as itself


def test_trimmed_stdlib_is_small_and_only_the_listed_files(site_dir):
    zip_pad = next((site_dir / build_site.RUNTIME_DIR).glob("*/python_stdlib.zip"))
    with zipfile.ZipFile(zip_pad) as z:
        namen = z.namelist()
        assert all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())  # brotli does better
        bron = z.read("json/decoder.py").decode()
    assert namen == runtime.stdlib_entries()
    assert not any(line.lstrip().startswith("#") for line in bron.splitlines())  # no comments
    assert '"""' not in bron  # docstrings gone, code kept
    assert zip_pad.stat().st_size < 2_000_000
