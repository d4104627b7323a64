// The rekenhulp's module Web Worker: loads the Pyodide runtime and our calculator wheel, then
// answers {id, invoer} with {id, uitvoer} or {id, fouten}, straight from Python's `bereken`.
//
// Protocol (STYLE.md 8):
//   page -> worker  {type: "start", pyodideUrl, indexUrl, wheelUrl}   once, first message
//   page -> worker  {id, invoer}                                      any time, even before ready
//   worker -> page  {type: "status", stap: "runtime"|"rekenhulp"|"klaar"|"fout", melding?}
//   worker -> page  {id, uitvoer} | {id, fouten} | {id, fout}         fout: an unexpected error
// Requests that arrive while Python is loading wait for it and are answered as soon as it is
// ready. Only JSON text crosses into Python: the page never sends Python source.
// Loading: the site's trimmed runtime (build_site.py), the wheel straight on sys.path, and on a
// returning visit Python restored from a memory snapshot this device kept (see below); the steps
// themselves are in laden.mjs, shared with the Node.js tests.

let beginLaden;
const berekenJson = new Promise((resolve) => { beginLaden = resolve; }).then(laad);

berekenJson.then(
  () => meld("klaar"),
  (fout) => meld("fout", tekstVan(fout)),
);

self.addEventListener("message", (event) => {
  const bericht = event.data || {};
  if (bericht.type === "start") {
    beginLaden(bericht);
  } else if (bericht.id !== undefined) {
    beantwoord(bericht);
  }
});

async function laad({ pyodideUrl, indexUrl, wheelUrl }) {
  meld("runtime");
  // The wheel downloads while Pyodide starts; it is a zip, so it goes on sys.path as it is.
  const wheel = haalWheel(wheelUrl);
  wheel.catch(() => {});
  const sleutel = snapshotSleutel(indexUrl, wheelUrl);
  const bewaard = leesSnapshot(sleutel);
  // laden.mjs: the loading steps the build's Node.js runner shares (its tests run this code);
  // imported here, next to the runtime, rather than statically, which would cost a round trip
  // before this worker even reads its first message.
  const [{ loadPyodide }, laden] = await Promise.all([import(pyodideUrl), import("./laden.mjs")]);
  // python_stdlib.zip next to the runtime is the site's trimmed standard library (build_site.py).
  const opties = { indexURL: indexUrl, stdLibURL: new URL("python_stdlib.zip", indexUrl).href };
  const pad = laden.wheelPad(new URL(wheelUrl).pathname);

  // A returning visitor: Python as it was right after the calculator was imported (no input
  // of anyone in it), from this device's own cache. Anything odd: start the normal way.
  const snapshot = await bewaard;
  if (snapshot) {
    try {
      const pyodide = await laden.startVanSnapshot(loadPyodide, opties, snapshot);
      meld("rekenhulp");
      laden.zetWheelOpSysPath(pyodide, pad, await wheel);  // the same wheel the snapshot imported from
      const berekenJson = laden.importeerRekenhulp(pyodide);
      laden.proefberekening(berekenJson);
      self.rekenhulpStart = "snapshot";  // how Python started, for tests and the benchmark
      return berekenJson;
    } catch (fout) {
      vergeetSnapshot(sleutel);
    }
  }

  const bewaren = kanBewaren();
  const pyodide = await laden.startVers(loadPyodide, opties, { snapshotMaken: bewaren });
  meld("rekenhulp");
  laden.zetWheelOpSysPath(pyodide, pad, await wheel);
  const berekenJson = laden.importeerRekenhulp(pyodide);
  self.rekenhulpStart = "vers";
  if (bewaren) {
    try {
      const snapshot = laden.neemSnapshot(pyodide);
      bewaarLater = () => bewaarSnapshot(sleutel, snapshot);
      stil();
    } catch (fout) { /* no snapshot this time: the next visit starts the normal way */ }
  }
  return berekenJson;
}

// ---------------------------------------------------------------- snapshot
// Pyodide's (private, version-bound) memory snapshot: ~31 MB of wasm memory, ~5 MB gzipped,
// kept in Cache Storage under a key made of the runtime folder and the wheel (both named after
// their content hash), so a new runtime or new rules never meet an old snapshot. The service
// worker removes snapshots of runtimes a new build no longer has.

const SNAPSHOTS = "rekenhulp-snapshot";
const BEWAAR_NA_MS = 5000;  // of quiet: compressing takes ~1 s of CPU, never in an answer's way
let bewaarLater = null;
let bewaarTimer = null;

/** (Re)start the quiet period; when it passes, the snapshot is compressed and stored once. */
function stil() {
  if (!bewaarLater) return;
  clearTimeout(bewaarTimer);
  bewaarTimer = setTimeout(() => {
    const bewaar = bewaarLater;
    bewaarLater = null;
    bewaar();
  }, BEWAAR_NA_MS);
}

function kanBewaren() {
  return typeof caches !== "undefined" && typeof CompressionStream !== "undefined";
}

function snapshotSleutel(indexUrl, wheelUrl) {
  return new URL(`snapshot.bin?wheel=${encodeURIComponent(wheelUrl)}`, indexUrl).href;
}

async function leesSnapshot(sleutel) {
  try {
    if (!kanBewaren()) return null;
    const antwoord = await (await caches.open(SNAPSHOTS)).match(sleutel);
    if (!antwoord) return null;
    const uitgepakt = antwoord.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(uitgepakt).arrayBuffer());
  } catch (fout) {
    return null;
  }
}

async function bewaarSnapshot(sleutel, snapshot) {
  const begin = performance.now();
  try {
    const cache = await caches.open(SNAPSHOTS);
    const ingepakt = new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip"));
    const blob = await new Response(ingepakt).blob();
    for (const oud of await cache.keys()) await cache.delete(oud);
    await cache.put(sleutel, new Response(blob, { headers: { "Content-Type": "application/octet-stream" } }));
    self.rekenhulpSnapshot = { ms: Math.round(performance.now() - begin), bytes: blob.size };
  } catch (fout) { /* full or private storage: no snapshot, nothing else changes */ }
}

function vergeetSnapshot(sleutel) {
  caches.open(SNAPSHOTS).then((cache) => cache.delete(sleutel)).catch(() => {});
}

async function haal(url) {
  const antwoord = await fetch(url);
  if (!antwoord.ok) throw new Error(`${url}: HTTP ${antwoord.status}`);
  return new Uint8Array(await antwoord.arrayBuffer());
}

// The wheel's folder is named after the start of its SHA-256 (build_site.py), so a broken or
// altered download is refused here, as Pyodide's loadPackage would refuse a package whose
// checksum does not match its lock file. (crypto.subtle exists only on https and localhost.)
async function haalWheel(url) {
  const bytes = await haal(url);
  if (!self.crypto || !self.crypto.subtle) return bytes;
  const map = new URL(url).pathname.split("/").slice(-2, -1)[0];
  const som = new Uint8Array(await self.crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(som, (b) => b.toString(16).padStart(2, "0")).join("");
  if (!hex.startsWith(map)) throw new Error("de rekenhulp is niet goed gedownload (controlesom klopt niet)");
  return bytes;
}

async function beantwoord({ id, invoer }) {
  stil();
  let bereken;
  try {
    bereken = await berekenJson;
  } catch (fout) {
    self.postMessage({ id, fout: "De rekenhulp kon niet laden: " + tekstVan(fout) });
    return;
  }
  try {
    const tekst = bereken(JSON.stringify(invoer === undefined ? null : invoer));
    self.postMessage({ id, ...JSON.parse(tekst) });
  } catch (fout) {
    self.postMessage({ id, fout: tekstVan(fout) });
  }
}

function meld(stap, melding) {
  self.postMessage(melding === undefined ? { type: "status", stap } : { type: "status", stap, melding });
}

function tekstVan(fout) {
  return String((fout && fout.message) || fout);
}
