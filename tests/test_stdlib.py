"""The trimmed Python standard library the site ships (sitebuild/runtime.py).

python_stdlib.txt is committed: these tests trace it again in Pyodide (Node.js) with the build's
own inputs (sitebuild/trace_invoer.json), check that those inputs still reach everything the
golden cases reach, and run the calculator in Node.js on the site's own trimmed runtime, with
every golden case and every kind of refusal, against native Python. Node.js loads Python with
the worker's own steps (docs/assets/rekenhulp/laden.mjs, through sitebuild/pyodide_node.mjs);
the browser tests (e2e/test_rekenhulp_differentieel.py) then run the worker itself on the same
files in Chromium.
"""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

import build_site
from sitebuild import layout, runtime
from calculator import web
from golden import CASES, load_cases

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js ontbreekt")


@pytest.fixture(scope="module")
def teksten():
    """Every golden case, then the build's own trace inputs (every kind of refusal among them)."""
    return [json.dumps(case["invoer"], ensure_ascii=False) for case in load_cases()] + runtime.trace_teksten()


def _bereikt(tekst: str) -> set[tuple[str, str]]:
    """What one answer reaches: its route, documents, warnings and rule set, or its refusals."""
    antwoord = json.loads(web.bereken_json(tekst))
    if "fouten" in antwoord:
        return {("fout", f"{f['veld']}: {f['melding']}") for f in antwoord["fouten"]}
    uitvoer = antwoord["uitvoer"]
    return ({("route", uitvoer["route"]), ("regels", json.dumps(uitvoer["regels"], sort_keys=True))}
            | {("document", d) for d in uitvoer["documenten"]}
            | {("waarschuwing", w) for w in uitvoer["waarschuwingen"]})


def test_trace_input_reaches_everything_the_golden_cases_reach():
    """sitebuild/trace_invoer.json is the build's own, compact copy: it must not fall behind the
    golden cases (a new route, document, warning, rule set or refusal needs a case there too)."""
    golden = load_cases()
    verwacht = set().union(*(_bereikt(json.dumps(c["invoer"], ensure_ascii=False)) for c in golden))
    verwacht |= {("opleiding", c["invoer"]["opleiding"]) for c in golden
                 if isinstance(c["invoer"].get("opleiding"), str) and "uitvoer" in c}
    invoer = runtime.trace_input()
    bereikt = set().union(*(_bereikt(tekst) for tekst in runtime.trace_teksten()))
    bereikt |= {("opleiding", b["invoer"]["opleiding"]) for b in invoer["berekeningen"]
                if "uitvoer" in json.loads(web.bereken_json(json.dumps(b["invoer"])))}
    ontbreekt = sorted(verwacht - bereikt)
    assert not ontbreekt, (f"sitebuild/trace_invoer.json misses {ontbreekt}: add a golden case that reaches "
                           "it, then run `.venv/bin/python build_site.py stdlib`")
    # at least one case of every golden file's theme, each named after its golden case and as it is there
    assert {b["thema"] for b in invoer["berekeningen"]} >= {p.stem for p in CASES.glob("*.yaml")}
    per_naam = {c["name"]: c for c in golden}
    for b in invoer["berekeningen"]:
        case = per_naam.get(b["naam"])
        assert case is not None, f"{b['naam']}: no golden case of that name"
        assert (case["bestand"], case["invoer"]) == (f"{b['thema']}.yaml", b["invoer"]), b["naam"]


def test_committed_module_list_is_what_pyodide_and_the_calculator_import():
    getraceerd = runtime.trace_stdlib()  # what `build_site.py stdlib` traces
    vastgelegd = runtime.stdlib_entries()
    erbij, eraf = sorted(set(getraceerd) - set(vastgelegd)), sorted(set(vastgelegd) - set(getraceerd))
    assert getraceerd == vastgelegd, (
        f"python_stdlib.txt is out of date (missing {erbij}, no longer needed {eraf}): "
        "run `.venv/bin/python build_site.py stdlib` and commit the list")


@pytest.mark.parametrize("snapshot", [False, True], ids=["vers", "uit-snapshot"])
def test_site_runtime_answers_like_native_python(site_dir, teksten, snapshot):
    """Started fresh, and restored from a memory snapshot as a returning visitor's worker does."""
    map_ = next((site_dir / build_site.RUNTIME_DIR).glob("*/pyodide.asm.wasm")).parent
    wheel = next((site_dir / layout.WHEEL_DIR).rglob("*.whl"))
    uit = runtime._pyodide_in_node({"indexURL": f"{map_}/", "stdLibURL": str(map_ / "python_stdlib.zip"),
                                       "wheel": str(wheel), "teksten": teksten, "snapshot": snapshot})
    verschillen = [(tekst, antwoord, web.bereken_json(tekst))  # the same JSON text, types and all
                   for tekst, antwoord in zip(teksten, uit["antwoorden"])
                   if antwoord != web.bereken_json(tekst)]
    assert len(uit["antwoorden"]) == len(teksten)
    assert not verschillen, f"{len(verschillen)} differ, e.g. {verschillen[:2]}"
    assert uit["fout"] == "TypeError"  # a Python error still reaches JavaScript as itself


def test_node_runner_loads_python_with_the_workers_own_code():
    """The Node.js runner has no loading code of its own: it imports the worker's (laden.mjs),
    and the worker imports the same file."""
    runner = runtime.NODE_RUNNER.read_text(encoding="utf-8")
    worker = (runtime.LADEN.parent / "worker.mjs").read_text(encoding="utf-8")
    assert 'from "../docs/assets/rekenhulp/laden.mjs"' in runner
    assert 'import("./laden.mjs")' in worker
    laden = runtime.LADEN.read_text(encoding="utf-8")
    for stap in ("_loadSnapshot", "_makeSnapshot", "makeMemorySnapshot", "pyimport"):
        assert stap in laden and stap not in runner and stap not in worker, stap


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


def test_committed_list_check_module_list_is_what_the_list_check_imports():
    """python_stdlib_lijst.txt: what the list check (CSV and Excel, every language, bad files)
    imports beyond python_stdlib.txt; only /voor-coordinatoren/controle/ downloads it."""
    getraceerd = runtime.trace_stdlib_lijst()
    assert getraceerd == runtime.stdlib_lijst_entries(), (
        f"{runtime.STDLIB_LIJST.name} is out of date: run `.venv/bin/python build_site.py stdlib`")
    assert not set(getraceerd) & set(runtime.stdlib_entries())
