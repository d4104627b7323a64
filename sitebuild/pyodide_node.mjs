// Pyodide in Node.js, for the build and the tests (sitebuild/runtime.py: _pyodide_in_node):
//
//   node sitebuild/pyodide_node.mjs opdracht.json
//
// opdracht.json: {indexURL, stdLibURL?, wheel?, teksten?, snapshot?, bestanden?, python?, ophalen?,
// resultaat}. Python and the calculator start with the worker's own loading steps
// (docs/assets/rekenhulp/laden.mjs), so what the tests check here is what the browser runs:
//   - wheel (a file): put on sys.path and `calculator.web` imported; every text of `teksten` is
//     answered by bereken_json (called from JavaScript), and one call without an argument shows
//     how a Python error reaches JavaScript;
//   - snapshot: Python is first started to take a snapshot after the import, then restored from
//     it, as a returning visitor's worker does;
//   - bestanden {path in Pyodide: file}: copied in; python: run, its value returned;
//     ophalen {path in Pyodide: file}: copied out. The result goes to `resultaat` as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  importeerRekenhulp, neemSnapshot, proefberekening, startVanSnapshot, startVers, wheelPad, zetWheelOpSysPath,
} from "../docs/assets/rekenhulp/laden.mjs";

const opdracht = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const { loadPyodide } = await import(pathToFileURL(opdracht.indexURL + "pyodide.mjs").href);
const opties = { indexURL: opdracht.indexURL };
if (opdracht.stdLibURL) opties.stdLibURL = opdracht.stdLibURL;

let pyodide;
let berekenJson = null;
if (opdracht.wheel) {
  const pad = wheelPad(opdracht.wheel);
  const wheel = readFileSync(opdracht.wheel);
  if (opdracht.snapshot) {
    const eerste = await startVers(loadPyodide, opties, { snapshotMaken: true });
    zetWheelOpSysPath(eerste, pad, wheel);
    importeerRekenhulp(eerste);
    const snapshot = neemSnapshot(eerste);
    pyodide = await startVanSnapshot(loadPyodide, opties, snapshot);
    zetWheelOpSysPath(pyodide, pad, wheel);
    berekenJson = importeerRekenhulp(pyodide);
    proefberekening(berekenJson);
  } else {
    pyodide = await startVers(loadPyodide, opties);
    zetWheelOpSysPath(pyodide, pad, wheel);
    berekenJson = importeerRekenhulp(pyodide);
  }
} else {
  pyodide = await startVers(loadPyodide, opties);
}

const uit = {};
for (const [doel, bron] of Object.entries(opdracht.bestanden || {})) {
  pyodide.FS.writeFile(doel, readFileSync(bron));
}
if (berekenJson) {
  uit.antwoorden = (opdracht.teksten || []).map((tekst) => berekenJson(tekst));
  try { berekenJson(); } catch (fout) { uit.fout = String(fout.type); }  // an error's way out
}
if (opdracht.python) uit.python = pyodide.runPython(opdracht.python);
for (const [bron, doel] of Object.entries(opdracht.ophalen || {})) {
  writeFileSync(doel, pyodide.FS.readFile(bron));
}
writeFileSync(opdracht.resultaat, JSON.stringify(uit));
