// The rekenhulp's module Web Worker: loads the Pyodide runtime and our calculator wheel, then
// answers {id, invoer} with {id, uitvoer} or {id, fouten}, straight from Python's `bereken`.
//
// Protocol (STYLE.md 8):
//   page -> worker  {type: "start", pyodideUrl, indexUrl, wheelUrl, lijstUrl?}   once, first message
//   page -> worker  {id, invoer}                                      any time, even before ready
// The coordinators' list check (/voor-coordinatoren/controle/) starts its own worker with lijstUrl,
// the list check's extra standard library (sitebuild/runtime.py: csv, encodings), checked like the
// wheel and put on sys.path like it; that worker never takes a memory snapshot (so a list can never
// end up in one) and also answers, with Python's calculator.web_controle:
//   page -> worker  {id, lijst: {data: Uint8Array, naam, taal, vandaag?}}  -> {id, antwoord: {tabel, csv}}
//                   tabel: the table as JSON data, or {fout: {code, melding}}; csv: Uint8Array
//   page -> worker  {id, xlsx: {taal}}                                 -> {id, antwoord: {xlsx}}
//   page -> worker  {id, vergeet: true}                                -> {id, antwoord: {}}
//   worker -> page  {type: "status", stap: "runtime"|"rekenhulp"|"klaar"|"fout", melding?, reden?}
//   worker -> page  {type: "voortgang", bytes, binnen?}   data keeps arriving (the page's stall
//                                                         limit); binnen: every big file is in
//   worker -> page  {id, uitvoer} | {id, fouten} | {id, fout}         fout: an unexpected error
// Requests that arrive while Python is loading wait for it and are answered as soon as it is
// ready. Only JSON text crosses into Python: the page never sends Python source.
// Loading: the site's trimmed runtime (build_site.py), the wheel straight on sys.path, and on a
// returning visit Python restored from a memory snapshot this device kept (see below); the steps
// themselves are in laden.mjs, shared with the Node.js tests.
// Slow and flaky data: the big files (wasm, stdlib, wheel) are downloaded here, as a stream that
// reports progress, and kept in Cache Storage as soon as each one is complete, so a second try
// starts from what already arrived; Pyodide then gets them from memory (see `vooraf`), except the
// wasm fresh from the network: Pyodide gets that response itself while it still arrives, so the
// browser compiles it as it streams in instead of after the last byte (see `stromen`).
// Performance marks (start, pyodide.mjs, binnen <file>, python gestart, rekenhulp geimporteerd,
// snapshot genomen) show where the time goes: benchmarks/tijdlijn.py prints them.

let beginLaden;
const berekenJson = new Promise((resolve) => { beginLaden = resolve; }).then(laad);

berekenJson.then(
  () => meld("klaar"),
  // what did arrive is in Cache Storage before the page ends this worker: a next try resumes
  async (fout) => {
    await Promise.allSettled(bezigMetBewaren);
    meld("fout", tekstVan(fout), redenVan(fout));
  },
);

self.addEventListener("message", (event) => {
  const bericht = event.data || {};
  if (bericht.type === "start") {
    beginLaden(bericht);
  } else if (bericht.id !== undefined && (bericht.lijst || bericht.xlsx || bericht.vergeet)) {
    beantwoordLijst(bericht);
  } else if (bericht.id !== undefined) {
    beantwoord(bericht);
  }
});

let lijstDeur = null;  // calculator.web_controle, in a worker started with lijstUrl

async function laad({ pyodideUrl, indexUrl, wheelUrl, lijstUrl }) {
  performance.mark("start");
  meld("runtime");
  if (typeof WebAssembly !== "object") throw metReden(new Error("geen WebAssembly"), "browser");
  // Everything big downloads at once, while Pyodide's own script loads; the wheel is a zip, so
  // it goes on sys.path as it is.
  haalVooraf(new URL("pyodide.asm.wasm", indexUrl).href, { stroom: true });
  haalVooraf(new URL("python_stdlib.zip", indexUrl).href);
  const wheel = haalWheel(wheelUrl);
  wheel.catch(() => {});
  const lijstZip = lijstUrl ? haalWheel(lijstUrl) : null;  // same check: its folder is its hash
  if (lijstZip) lijstZip.catch(() => {});
  Promise.all([...vooraf.values(), wheel, ...(lijstZip ? [lijstZip] : [])]).then(
    () => self.postMessage({ type: "voortgang", bytes: ontvangen, binnen: true }), () => {});
  const sleutel = snapshotSleutel(indexUrl, wheelUrl);
  const bewaard = leesSnapshot(sleutel);
  // laden.mjs: the loading steps the build's Node.js runner shares (its tests run this code);
  // imported here, next to the runtime, rather than statically, which would cost a round trip
  // before this worker even reads its first message.
  const [{ loadPyodide }, laden] = await Promise.all([import(pyodideUrl), import("./laden.mjs")]);
  performance.mark("pyodide.mjs");
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
      if (lijstZip) lijstDeur = await laadLijst(laden, pyodide, lijstUrl, lijstZip);
      return berekenJson;
    } catch (fout) {
      vergeetSnapshot(sleutel);
    }
  }

  const bewaren = kanBewaren() && !lijstZip;  // the list check never keeps a snapshot
  const pyodide = await laden.startVers(loadPyodide, opties, { snapshotMaken: bewaren });
  performance.mark("python gestart");
  meld("rekenhulp");
  laden.zetWheelOpSysPath(pyodide, pad, await wheel);
  const berekenJson = laden.importeerRekenhulp(pyodide);
  performance.mark("rekenhulp geimporteerd");
  self.rekenhulpStart = "vers";
  if (lijstZip) lijstDeur = await laadLijst(laden, pyodide, lijstUrl, lijstZip);
  if (bewaren) {
    try {
      const snapshot = laden.neemSnapshot(pyodide);
      performance.mark("snapshot genomen");
      bewaarLater = () => bewaarSnapshot(sleutel, snapshot);
      stil();
    } catch (fout) { /* no snapshot this time: the next visit starts the normal way */ }
  }
  return berekenJson;
}

/** The list check's extra standard library and its Python door (the steps: laden.mjs). */
async function laadLijst(laden, pyodide, lijstUrl, lijstZip) {
  const pad = laden.wheelPad(new URL(lijstUrl).pathname);
  return laden.importeerLijstcontrole(pyodide, pad, await lijstZip);
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
    if (!kanBewaren() || !(await caches.has(SNAPSHOTS))) return null;  // has(): open() would make one
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

// ---------------------------------------------------------------- downloads
// The runtime's files go into the service worker's runtime cache (sw.js keeps what the current
// build uses and removes the rest), each one as soon as it is complete.

const RUNTIME_CACHE = "rekenhulp";
const VOORTGANG_MS = 250;
const vooraf = new Map();  // URL -> Promise<Uint8Array>: what Pyodide's own fetch gets from memory
// URL -> Promise<Response|null>: the response itself, not yet read, when it comes from the network
// (null when it came from Cache Storage or failed: then Pyodide gets the bytes). The worker reads
// a clone of it for progress and Cache Storage; Pyodide's WebAssembly.instantiateStreaming reads
// the original as it arrives, so compiling overlaps the download.
const stromen = new Map();
let laatsteVoortgang = 0;
let ontvangen = 0;

const gewoneFetch = self.fetch.bind(self);
self.fetch = (bron, opties) => {
  const url = new URL(bron instanceof Request ? bron.url : String(bron), self.location.href).href;
  const bytes = vooraf.get(url);
  if (!bytes) return gewoneFetch(bron, opties);
  const soort = url.endsWith(".wasm") ? "application/wasm" : "application/zip";
  const uitBytes = () => bytes.then((data) => new Response(data, { headers: { "Content-Type": soort } }));
  const stroom = stromen.get(url);
  if (!stroom) return uitBytes();
  stromen.delete(url);  // a body can be read once; a second fetch gets the bytes
  return stroom.then((antwoord) => antwoord || uitBytes());
};

function haalVooraf(url, { stroom = false } = {}) {
  let geefStroom = null;
  if (stroom) stromen.set(url, new Promise((resolve) => { geefStroom = resolve; }));
  const bytes = haal(url, { geefStroom });
  bytes.catch(() => {});
  const geenStroom = () => geefStroom && geefStroom(null);  // nothing handed on: Pyodide gets the bytes
  bytes.then(geenStroom, geenStroom);
  vooraf.set(url, bytes);
  return bytes;
}

async function haal(url, { bewaar = true, geefStroom = null } = {}) {
  const cache = await openCache();
  const bewaard = cache && await cache.match(url).catch(() => null);
  if (bewaard) return new Uint8Array(await bewaard.arrayBuffer());
  let antwoord;
  try {
    antwoord = await gewoneFetch(url);
  } catch (fout) {
    throw metReden(fout, "verbinding");
  }
  if (!antwoord.ok) throw metReden(new Error(`${url}: HTTP ${antwoord.status}`), "verbinding");
  // Pyodide gets the original (it keeps its URL), this worker reads the copy. Only with the type
  // streaming compilation requires: a host that sends another one still works, from the bytes.
  if (geefStroom && /^application\/wasm\b/i.test(antwoord.headers.get("Content-Type") || "")) {
    const origineel = antwoord;
    antwoord = antwoord.clone();
    geefStroom(origineel);
  }
  const delen = [];
  let lengte = 0;
  try {
    const lezer = antwoord.body.getReader();
    for (;;) {
      const { done, value } = await lezer.read();
      if (done) break;
      delen.push(value);
      lengte += value.length;
      voortgang(value.length);
    }
  } catch (fout) {
    throw metReden(fout, "verbinding");  // the connection broke off halfway
  }
  const bytes = new Uint8Array(lengte);
  let plek = 0;
  for (const deel of delen) {
    bytes.set(deel, plek);
    plek += deel.length;
  }
  if (bewaar) bewaarInCache(cache, url, bytes, antwoord.headers.get("Content-Type"));
  performance.mark("binnen " + url.split("/").pop());
  return bytes;
}

const bezigMetBewaren = new Set();

function bewaarInCache(cache, url, bytes, soort) {
  if (!cache) return;
  const bewaren = cache.put(url, new Response(bytes, { headers: { "Content-Type": soort || "application/octet-stream" } }))
    .catch(() => {});  // full or private storage: the next try downloads it again
  bezigMetBewaren.add(bewaren);
  bewaren.finally(() => bezigMetBewaren.delete(bewaren));
}

async function openCache() {
  try {
    return typeof caches === "undefined" ? null : await caches.open(RUNTIME_CACHE);
  } catch (fout) {
    return null;
  }
}

function voortgang(bytes) {
  ontvangen += bytes;
  const nu = performance.now();
  if (nu - laatsteVoortgang < VOORTGANG_MS) return;
  laatsteVoortgang = nu;
  self.postMessage({ type: "voortgang", bytes: ontvangen });
}

/** A failure with the reason the page explains: verbinding, traag, download or browser. */
function metReden(fout, reden) {
  const uit = fout instanceof Error ? fout : new Error(String(fout));
  if (!uit.reden) uit.reden = reden;
  downloadFout = downloadFout || uit;
  return uit;
}
let downloadFout = null;  // the first failed download: Pyodide may wrap it in an error of its own

function redenVan(fout) {
  if (fout && fout.reden) return fout.reden;
  if (downloadFout) return downloadFout.reden;
  return self.navigator && navigator.onLine === false ? "verbinding" : "browser";
}

// The wheel's folder is named after the start of its SHA-256 (build_site.py), so a broken or
// altered download is refused here, as Pyodide's loadPackage would refuse a package whose
// checksum does not match its lock file. (crypto.subtle exists only on https and localhost.)
async function haalWheel(url) {
  const bytes = await haal(url, { bewaar: false });  // kept only once its checksum is right
  if (self.crypto && self.crypto.subtle) {
    const map = new URL(url).pathname.split("/").slice(-2, -1)[0];
    const som = new Uint8Array(await self.crypto.subtle.digest("SHA-256", bytes));
    const hex = Array.from(som, (b) => b.toString(16).padStart(2, "0")).join("");
    if (!hex.startsWith(map)) {
      openCache().then((cache) => cache && cache.delete(url));
      throw metReden(new Error("de rekenhulp is niet goed gedownload (controlesom klopt niet)"), "download");
    }
  }
  bewaarInCache(await openCache(), url, bytes, "application/zip");
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

/**
 * A coordinator's list: its bytes go into Python as they are (a Uint8Array), the table comes back
 * as JSON text and the result files as bytes. Nothing is written to Pyodide's file system and
 * nothing is kept here; Python keeps the last list only to make its XLSX, until `vergeet`.
 */
async function beantwoordLijst({ id, lijst, xlsx, vergeet }) {
  try {
    await berekenJson;
  } catch (fout) {
    self.postMessage({ id, fout: tekstVan(fout) });
    return;
  }
  try {
    if (!lijstDeur) throw new Error("lijstUrl ontbreekt");
    if (vergeet) {
      lijstDeur.vergeet();
      self.postMessage({ id, antwoord: {} });
    } else if (xlsx) {
      const bytes = naarBytes(lijstDeur.xlsx_bytes(xlsx.taal || "nl"));
      self.postMessage({ id, antwoord: { xlsx: bytes } }, [bytes.buffer]);
    } else {
      const begin = performance.now();
      const tabel = JSON.parse(lijstDeur.controleer_bestand(lijst.data, lijst.naam || "", lijst.taal || "nl",
        lijst.vandaag || null));
      const csv = tabel.fout ? new Uint8Array(0) : naarBytes(lijstDeur.csv_bytes(lijst.taal || "nl"));
      tabel.ms = Math.round(performance.now() - begin);
      self.postMessage({ id, antwoord: { tabel, csv } }, [csv.buffer]);
    }
  } catch (fout) {
    self.postMessage({ id, fout: tekstVan(fout) });
  }
}

/** Python bytes (a PyProxy) as a Uint8Array of its own; the proxy is released. */
function naarBytes(proxy) {
  try {
    return new Uint8Array(proxy.toJs());
  } finally {
    proxy.destroy();
  }
}

function meld(stap, melding, reden) {
  const bericht = { type: "status", stap };
  if (melding !== undefined) bericht.melding = melding;
  if (reden !== undefined) bericht.reden = reden;
  self.postMessage(bericht);
}

function tekstVan(fout) {
  return String((fout && fout.message) || fout);
}
