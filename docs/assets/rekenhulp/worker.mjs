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
  const { loadPyodide } = await import(pyodideUrl);
  const pyodide = await loadPyodide({ indexURL: indexUrl });
  meld("rekenhulp");
  const problemen = [];
  await pyodide.loadPackage(wheelUrl, {
    messageCallback: () => {},
    errorCallback: (tekst) => problemen.push(tekst),
  });
  let web;
  try {
    web = pyodide.pyimport("calculator.web");
  } catch (fout) {
    throw new Error(problemen.join(" ") || tekstVan(fout));
  }
  return web.bereken_json;
}

async function beantwoord({ id, invoer }) {
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
