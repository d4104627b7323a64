// How Python and the calculator start: the steps the rekenhulp's worker (worker.mjs) and the
// build's Node.js runner (sitebuild/pyodide_node.mjs) share, so that the Node.js tests run the
// code the browser runs. Nothing here fetches, checks or stores: the worker downloads and
// verifies the wheel and keeps the snapshot in Cache Storage; the Node.js runner reads files.
//
// The snapshot options (`_makeSnapshot`, `_loadSnapshot`, `makeMemorySnapshot`) are Pyodide's
// private API, pinned with the runtime (package-lock.json): they live here and nowhere else.

// A calculation whose answer shows that a restored Python really has the calculator.
const PROEF = '{"opleiding": "andere", "inschrijvingsgeld": 400, "datum": "2026-09-15"}';

/** Where the wheel goes in Pyodide's file system: /lib/<its file name> (from a URL path or a file path). */
export function wheelPad(pad) {
  return "/lib/" + String(pad).split(/[\\/]/).pop();
}

/** Python started the normal way; with `snapshotMaken`, ready for one `neemSnapshot` later. */
export function startVers(loadPyodide, opties, { snapshotMaken = false } = {}) {
  return loadPyodide(snapshotMaken ? { ...opties, _makeSnapshot: true } : opties);
}

/** Python restored from a snapshot `neemSnapshot` took (the wheel's file must be put back). */
export function startVanSnapshot(loadPyodide, opties, snapshot) {
  return loadPyodide({ ...opties, _loadSnapshot: snapshot });
}

/**
 * The wheel (a zip) as it is on sys.path: no package manager, which alone would import tarfile,
 * email, importlib.metadata, ... A snapshot already has the path on sys.path, not the file.
 */
export function zetWheelOpSysPath(pyodide, pad, bytes) {
  pyodide.FS.writeFile(pad, bytes);
  const sys = pyodide.pyimport("sys");
  const paden = sys.path;
  if (!paden.has(pad)) paden.insert(0, pad);
  paden.destroy();
  sys.destroy();
}

/**
 * The list check (/voor-coordinatoren/controle/): its extra standard library (a zip like the
 * wheel) on sys.path, then its Python door `calculator.web_controle`. Its codecs
 * (encodings/utf_8_sig.py, cp1252.py) belong to the `encodings` package, which looks only in its
 * own folder of python_stdlib.zip: the extra zip's encodings/ folder joins that package's __path__.
 */
export function importeerLijstcontrole(pyodide, pad, bytes) {
  zetWheelOpSysPath(pyodide, pad, bytes);
  const encodings = pyodide.pyimport("encodings");
  const paden = encodings.__path__;
  paden.append(pad + "/encodings");
  paden.destroy();
  encodings.destroy();
  return pyodide.pyimport("calculator.web_controle");
}

/** Imports the calculator; returns `calculator.web.bereken_json` (JSON text in, JSON text out). */
export function importeerRekenhulp(pyodide) {
  return pyodide.pyimport("calculator.web").bereken_json;
}

/** Python's memory as it is now (taken right after the import: nobody's input in it). */
export function neemSnapshot(pyodide) {
  return pyodide.makeMemorySnapshot();
}

/** Throws unless the calculator answers a known question (after a restore from a snapshot). */
export function proefberekening(berekenJson) {
  if (!JSON.parse(berekenJson(PROEF)).uitvoer) throw new Error("proefberekening");
}
