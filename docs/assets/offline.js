// Offline after the first visit: registers the service worker (sw.js at the site root, made by
// build_site.py) once the page has loaded, so that storing the guide never slows the page down.
// On the calculator page it waits until Python is ready (the runtime has the line to itself)
// and then until nobody has typed for a few seconds (storing over 3 MB must not slow down an
// answer on a phone), then asks the service worker to keep the runtime too. When the calculator
// cannot load (a slow or broken connection), the guide is still stored for offline at once.
// Nothing happens with "Databesparing" (Save-Data) on, or where service workers are not available.

const wortel = new URL("../", import.meta.url);

function registreer() {
  navigator.serviceWorker.register(new URL("sw.js", wortel), { scope: wortel.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registratie) => {
      // the list check runs on the same runtime (and its own small extra zip, stored with it)
      if ((document.getElementById("rekenhulp-vak") || document.getElementById("controle-vak")) && registratie.active) {
        registratie.active.postMessage({ type: "rekenhulp-bewaren" });
      }
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

function naLaden() {
  const rekenhulp = document.getElementById("rekenhulp-vak") && window.rekenhulp;
  const controle = document.getElementById("controle-vak") && window.controle;
  if (rekenhulp && rekenhulp.klaar) rekenhulp.klaar.then(() => naStilte(registreer), registreer);
  else if (controle && controle.klaar) controle.klaar.then(registreer, registreer);
  else registreer();
}

if ("serviceWorker" in navigator && !(navigator.connection && navigator.connection.saveData)) {
  if (document.readyState === "complete") naLaden();
  else window.addEventListener("load", naLaden, { once: true });
}
