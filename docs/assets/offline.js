// Offline after the first visit: registers the service worker (sw.js at the site root, made by
// build_site.py) once the page has loaded, so that storing the guide never slows the page down.
// On the calculator page it waits until Python is ready (the runtime has the line to itself)
// and then until nobody has typed for a few seconds (storing over 3 MB must not slow down an
// answer on a phone), then asks the service worker to keep the runtime too. When the calculator
// cannot load (a slow or broken connection), the guide is still stored for offline at once, but
// the runtime only once a new try ("Opnieuw proberen") got Python going: the service worker
// must not download 3 MB in the background over the connection that just failed, next to the
// page's own new try.
// Nothing happens with "Databesparing" (Save-Data) on, or where service workers are not available.

const wortel = new URL("../", import.meta.url);

/** Register the service worker (it stores the guide); `metRuntime`: also ask it to keep Python's files. */
function registreer(metRuntime) {
  navigator.serviceWorker.register(new URL("sw.js", wortel), { scope: wortel.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registratie) => {
      // the list check runs on the same runtime (and its own small extra zip, stored with it)
      if (metRuntime && registratie.active) registratie.active.postMessage({ type: "rekenhulp-bewaren" });
      // a translation: keep this language too (the worker stores Dutch for everyone)
      const taal = document.documentElement.lang;
      if (taal && taal !== "nl" && registratie.active) registratie.active.postMessage({ type: "taal-bewaren", taal });
    })
    .catch(() => {});  // no offline copy this time: the site works as before
}

const STIL_MS = 3000;

/** Run `doe` once the calculator's form has had no input or question for STIL_MS. */
function naStilte(doe) {
  const formulier = document.getElementById("rekenhulp-formulier");
  let timer = null;
  const klaar = () => {
    for (const soort of ["input", "submit"]) formulier?.removeEventListener(soort, opnieuw);
    doe();
  };
  const opnieuw = () => {
    clearTimeout(timer);
    timer = setTimeout(klaar, STIL_MS);
  };
  for (const soort of ["input", "submit"]) formulier?.addEventListener(soort, opnieuw);
  opnieuw();
}

/** Run `doe` once the calculator's box says Python is ready (after a new try, too). */
function alsKlaar(vak, doe) {
  if (vak.dataset.toestand === "klaar") return doe();
  const kijker = new MutationObserver(() => {
    if (vak.dataset.toestand !== "klaar") return;
    kijker.disconnect();
    doe();
  });
  kijker.observe(vak, { attributes: true, attributeFilter: ["data-toestand"] });
}

function naLaden() {
  const rekenhulp = document.getElementById("rekenhulp-vak");
  const controle = document.getElementById("controle-vak");
  const api = (rekenhulp && window.rekenhulp) || (controle && window.controle);
  if (!api || !api.klaar) return registreer(false);
  const bewaar = rekenhulp ? () => naStilte(() => registreer(true)) : () => registreer(true);
  api.klaar.then(bewaar, () => {
    registreer(false);  // the guide now; the runtime once a new try has Python ready
    alsKlaar(rekenhulp || controle, bewaar);
  });
}

if ("serviceWorker" in navigator && !(navigator.connection && navigator.connection.saveData)) {
  if (document.readyState === "complete") naLaden();
  else window.addEventListener("load", naLaden, { once: true });
}
