// The page's side of the worker protocol (see worker.mjs): one worker per page, started at once,
// requests matched by id. A request made while Python loads is answered as soon as it is ready.

/**
 * @param {object} opties
 * @param {URL|string} opties.workerUrl    the module worker (worker.mjs)
 * @param {object} opties.start            {pyodideUrl, indexUrl, wheelUrl}: absolute URLs
 * @param {number} opties.timeoutMs        give up loading after this long (never an endless wait)
 * @param {(stap: string, melding?: string) => void} opties.opStatus   "runtime" | "rekenhulp" | "klaar" | "fout"
 */
export function maakClient({ workerUrl, start, timeoutMs, opStatus }) {
  const wachtend = new Map();
  let volgendeId = 1;
  let toestand = "laden";
  let worker = null;
  let timer = null;
  let klaarGemeld;
  let mislukGemeld;
  const klaar = new Promise((resolve, reject) => { klaarGemeld = resolve; mislukGemeld = reject; });
  klaar.catch(() => {});

  function mislukt(reden) {
    if (toestand === "fout") return;
    toestand = "fout";
    clearTimeout(timer);
    if (worker) worker.terminate();
    const fout = new Error(reden || "De rekenhulp kon niet laden.");
    for (const { reject } of wachtend.values()) reject(fout);
    wachtend.clear();
    mislukGemeld(fout);
    opStatus("fout", fout.message);
  }

  function opBericht(event) {
    const bericht = event.data || {};
    if (bericht.type === "status") {
      if (bericht.stap === "fout") {
        mislukt(bericht.melding);
      } else if (bericht.stap === "klaar") {
        if (toestand !== "laden") return;
        toestand = "klaar";
        clearTimeout(timer);
        klaarGemeld();
        opStatus("klaar");
      } else if (toestand === "laden") {
        opStatus(bericht.stap);
      }
      return;
    }
    const vraag = wachtend.get(bericht.id);
    if (!vraag) return;
    wachtend.delete(bericht.id);
    if ("uitvoer" in bericht) vraag.resolve({ uitvoer: bericht.uitvoer });
    else if ("fouten" in bericht) vraag.resolve({ fouten: bericht.fouten });
    else vraag.reject(new Error(bericht.fout || "Onverwacht antwoord van de rekenhulp."));
  }

  try {
    worker = new Worker(workerUrl, { type: "module" });
    worker.addEventListener("message", opBericht);
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      mislukt(event.message || "De rekenhulp kon niet starten.");
    });
    worker.addEventListener("messageerror", () => mislukt("Onleesbaar bericht van de rekenhulp."));
    worker.postMessage({ type: "start", ...start });
    timer = setTimeout(() => mislukt("Het laden duurde te lang."), timeoutMs);
    opStatus("runtime");
  } catch (fout) {
    queueMicrotask(() => mislukt(String((fout && fout.message) || fout)));
  }

  return {
    /** {uitvoer} or {fouten} from Python's bereken; rejects when the rekenhulp cannot run. */
    bereken(invoer) {
      if (toestand === "fout") return Promise.reject(new Error("De rekenhulp werkt niet op dit toestel."));
      const id = volgendeId++;
      return new Promise((resolve, reject) => {
        wachtend.set(id, { resolve, reject });
        try {
          worker.postMessage({ id, invoer });
        } catch (fout) {
          wachtend.delete(id);
          reject(fout);
        }
      });
    },
    klaar,
    get toestand() { return toestand; },
  };
}
