// The page's side of the worker protocol (see worker.mjs): one worker per page, started at once,
// requests matched by id. A request made while Python loads is answered as soon as it is ready.
// Loading may take minutes on a slow prepaid connection, and that is fine as long as data keeps
// arriving: the limit is a stall (no progress for `stallMs`), never a total time.

const ONGELDIG = Symbol("ongeldig");
const MAX_DIEPTE = 64;  // the contract is one flat object; a worker's stack gives out near 3000

/** The request as plain JSON data (what the worker would make of it anyway), or ONGELDIG. */
function alsJson(invoer) {
  let json;
  try {
    json = JSON.parse(JSON.stringify(invoer === undefined ? null : invoer));
  } catch {
    return ONGELDIG;  // a cycle, a BigInt, or too deep for this page's own stack
  }
  let laag = [json];
  for (let diepte = 0; laag.length; diepte++) {
    if (diepte > MAX_DIEPTE) return ONGELDIG;
    laag = laag.flatMap((w) => (w !== null && typeof w === "object" ? Object.values(w) : []));
  }
  return json;
}

/**
 * @param {object} opties
 * @param {URL|string} opties.workerUrl    the module worker (worker.mjs)
 * @param {object} opties.start            {pyodideUrl, indexUrl, wheelUrl}: absolute URLs
 * @param {number} opties.stallMs          give up when loading makes no progress for this long
 * @param {(stap: string, melding?: string, reden?: string) => void} opties.opStatus
 * @param {string} opties.onleesbaar        the message for a request that is no JSON data, in the
 *                                         page's language (its texts' fouten.onleesbaar)
 *        stap "runtime" | "rekenhulp" | "klaar" | "fout"; with "fout" a reden: "verbinding" (no
 *        connection), "traag" (nothing arrived for stallMs), "download" (broken file) or "browser"
 */
export function maakClient({ workerUrl, start, stallMs, opStatus = () => {}, onleesbaar = "" }) {
  let laatsteStatus = null;
  let melder = opStatus;
  let onleesbaarTekst = onleesbaar;  // can arrive later, with the page that takes this client over
  const meldStatus = (...status) => { laatsteStatus = status; melder(...status); };
  const wachtend = new Map();
  let volgendeId = 1;
  let toestand = "laden";
  let worker = null;
  let timer = null;
  let klaarGemeld;
  let mislukGemeld;
  const klaar = new Promise((resolve, reject) => { klaarGemeld = resolve; mislukGemeld = reject; });
  klaar.catch(() => {});

  function mislukt(melding, reden = "browser") {
    if (toestand === "fout") return;
    toestand = "fout";
    clearTimeout(timer);
    if (worker) worker.terminate();
    const fout = new Error(melding || "De rekenhulp kon niet laden.");
    fout.reden = reden;
    for (const { reject } of wachtend.values()) reject(fout);
    wachtend.clear();
    mislukGemeld(fout);
    meldStatus("fout", fout.message, reden);
  }

  /**
   * (Re)start the stall limit: called whenever the worker shows it is still getting somewhere.
   * Once every big file is in, only the device is working (compiling, starting Python): then a
   * much longer limit, and if even that passes, it is the device, not the connection.
   */
  let allesBinnen = false;
  function nogBezig() {
    clearTimeout(timer);
    if (toestand !== "laden") return;
    if (allesBinnen) {
      timer = setTimeout(() => mislukt("Python start niet op dit toestel.", "browser"), Math.max(4 * stallMs, 120000));
      return;
    }
    timer = setTimeout(() => {
      if (self.navigator && navigator.onLine === false) mislukt("Geen internetverbinding.", "verbinding");
      else mislukt("Er kwam te lang niets binnen.", "traag");
    }, stallMs);
  }

  function opBericht(event) {
    const bericht = event.data || {};
    if (bericht.type === "voortgang") {
      if (bericht.binnen) allesBinnen = true;
      nogBezig();
      return;
    }
    if (bericht.type === "status") {
      if (bericht.stap === "fout") {
        mislukt(bericht.melding, bericht.reden);
      } else if (bericht.stap === "klaar") {
        if (toestand !== "laden") return;
        toestand = "klaar";
        clearTimeout(timer);
        klaarGemeld();
        meldStatus("klaar");
      } else if (toestand === "laden") {
        nogBezig();
        meldStatus(bericht.stap);
      }
      return;
    }
    const vraag = wachtend.get(bericht.id);
    if (!vraag) return;
    wachtend.delete(bericht.id);
    if ("antwoord" in bericht) vraag.resolve(bericht.antwoord);
    else if ("uitvoer" in bericht) vraag.resolve({ uitvoer: bericht.uitvoer });
    else if ("fouten" in bericht) vraag.resolve({ fouten: bericht.fouten });
    else vraag.reject(new Error(bericht.fout || "Onverwacht antwoord van de rekenhulp."));
  }

  try {
    if (typeof WebAssembly !== "object") throw new Error("Deze browser kan geen WebAssembly uitvoeren.");
    worker = new Worker(workerUrl, { type: "module" });
    worker.addEventListener("message", opBericht);
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      mislukt(event.message || "De rekenhulp kon niet starten.", navigator.onLine === false ? "verbinding" : "browser");
    });
    worker.addEventListener("messageerror", () => mislukt("Onleesbaar bericht van de rekenhulp."));
    worker.postMessage({ type: "start", ...start });
    nogBezig();
    meldStatus("runtime");
  } catch (fout) {
    queueMicrotask(() => mislukt(String((fout && fout.message) || fout)));
  }

  return {
    /** {uitvoer} or {fouten} from Python's bereken; rejects when the rekenhulp cannot run. */
    bereken(invoer) {
      if (toestand === "fout") return Promise.reject(new Error("De rekenhulp werkt niet op dit toestel."));
      const id = volgendeId++;
      const json = alsJson(invoer);
      if (json === ONGELDIG) {
        // No JSON data (a cycle, a BigInt, nested hundreds deep: the worker could not even
        // receive it, and would never answer): invalid input, answered as Python answers text
        // that is not JSON.
        // Its words come from the page's texts (fouten.onleesbaar), as Python's do.
        return Promise.resolve({ fouten: [{ veld: "invoer", melding: onleesbaarTekst, code: "onleesbaar" }] });
      }
      return new Promise((resolve, reject) => {
        wachtend.set(id, { resolve, reject });
        try {
          worker.postMessage({ id, invoer: json });
        } catch (fout) {
          wachtend.delete(id);
          reject(fout);
        }
      });
    },
    /**
     * Another kind of request of the worker protocol (the list check: {lijst}, {xlsx}, {vergeet});
     * `overdragen`: buffers handed to the worker instead of copied. Resolves with its `antwoord`.
     */
    vraag(bericht, overdragen = []) {
      if (toestand === "fout") return Promise.reject(new Error("De rekenhulp werkt niet op dit toestel."));
      const id = volgendeId++;
      return new Promise((resolve, reject) => {
        wachtend.set(id, { resolve, reject });
        try {
          worker.postMessage({ ...bericht, id }, overdragen);
        } catch (fout) {
          wachtend.delete(id);
          reject(fout);
        }
      });
    },
    /** Ends the worker, and with it Python and everything in its memory. */
    stop() {
      toestand = "fout";
      clearTimeout(timer);
      if (worker) worker.terminate();
    },
    klaar,
    get toestand() { return toestand; },
    /** From now on statuses go to `opStatus`, starting with the latest one. */
    volg(opStatus, onleesbaar) {
      melder = opStatus;
      if (onleesbaar !== undefined) onleesbaarTekst = onleesbaar;
      if (laatsteStatus) opStatus(...laatsteStatus);
    },
  };
}

/** What the worker needs to start, from the calculator's element: absolute URLs of the runtime, its folder and the wheel. */
export function startUrls(wortel) {
  const siteWortel = new URL(wortel.dataset.siteRoot || "../", location.href);
  const opSite = (pad) => new URL(String(pad).replace(/^\//, ""), siteWortel).href;
  return {
    pyodideUrl: opSite(wortel.dataset.pyodideUrl),
    indexUrl: opSite(wortel.dataset.indexUrl),
    wheelUrl: opSite(wortel.dataset.wheelUrl),
    ...(wortel.dataset.lijstUrl ? { lijstUrl: opSite(wortel.dataset.lijstUrl) } : {}),
  };
}

// A client started before the page script ran (vroeg.js: as soon as the calculator's first tag
// is parsed, so the downloads start then); the page script takes it over once, for the same URLs.
let vroeg = null;

/** Start a client now, without anyone to tell its statuses to yet (see `neemVroegeClient`). */
export function startVroeg({ workerUrl, start, stallMs }) {
  vroeg = { sleutel: JSON.stringify([String(workerUrl), start]), client: maakClient({ workerUrl, start, stallMs }) };
}

/** The client `startVroeg` started for these URLs (once), now telling `opStatus`; else null. */
export function neemVroegeClient({ workerUrl, start, opStatus, onleesbaar }) {
  if (!vroeg || vroeg.sleutel !== JSON.stringify([String(workerUrl), start])) return null;
  const { client } = vroeg;
  vroeg = null;
  client.volg(opStatus, onleesbaar);
  return client;
}
