// The rekenhulp page (/rekenhulp/). It collects the answers, sends them as they are typed to the
// worker (Python's `bereken`, via Pyodide) and shows the JSON answer. It never parses or computes
// an amount (STYLE.md 4): "1.234,50" goes to Python exactly as the participant typed it.
//
// The form is usable from the first paint (the worker loads meanwhile); the answer follows the
// form by itself about 300 ms after typing stops, and the address bar follows the answer, so a
// copied link is always the answer on screen. Bereken stays, for those who look for it.
//
// For tests and tools: window.rekenhulp.bereken(invoer) -> Promise<{uitvoer} | {fouten}>, through
// the same worker as the form; window.rekenhulp.klaar resolves when Python is ready.

import { maakClient, neemVroegeClient, startUrls } from "./client.js";
import { el, euro, leegResultaat, toonResultaat } from "./resultaat.js";

// URL contract (ARCHITECTURE.md §4): these names are printed on coordinators' handouts.
const VELDEN = ["opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "aanvraag_geweigerd"];
const KEUZEVELDEN = ["opleiding", "aanvaardt_cheques", "aanvraag_geweigerd"];
const WACHT_MS = 300;  // after the last keystroke: then the answer follows the form
const STAPPEN = {  // loading steps: the text id (calculator/teksten/) and the progress bar's value
  runtime: { tekst: "laden_runtime", waarde: 0.5 },
  rekenhulp: { tekst: "laden_rekenhulp", waarde: 1.5 },
};

const wortel = document.getElementById("rekenhulp-vak");
if (wortel) start(wortel);

function start(wortel) {
  const $ = (id) => document.getElementById(id);
  const formulier = $("rekenhulp-formulier");
  const resultaat = $("resultaat");
  const acties = $("resultaat-acties");
  const foutenVak = $("fouten");
  const teksten = leesTeksten($("rekenhulp-teksten"));
  // Links in the answer go to the pages of this page's language (data-pagina-root: the language's
  // root, /en/ on /en/rekenhulp/); data-site-root is the shared runtime's root (always the site's).
  const paginaWortel = new URL(wortel.dataset.paginaRoot || wortel.dataset.siteRoot || "../", location.href);
  const opPagina = (pad) => new URL(String(pad).replace(/^\//, ""), paginaWortel).href;
  let laatsteVraag = 0;
  let getoond = null;  // the answers behind the result on screen (for "Kopieer link")
  let wachtTimer = null;
  let client = null;

  wortel.dataset.toestand = "laden";
  startClient();

  /** The worker vroeg.js already started (the first time), else a new one. */
  function startClient() {
    const opties = {
      workerUrl: new URL("./worker.mjs", import.meta.url),
      start: startUrls(wortel),
      stallMs: Number(wortel.dataset.stallMs) || 30000,
      opStatus: toonStatus,
      onleesbaar: teksten.fouten.onleesbaar,
    };
    client = neemVroegeClient(opties) || maakClient(opties);
  }

  window.rekenhulp = {
    bereken: (invoer) => client.bereken(invoer),
    get klaar() { return client.klaar; },
    get toestand() { return client.toestand; },
  };

  formulier.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(wachtTimer);
    reken(leesFormulier(), { doorGebruiker: true });
  });
  // The answer follows the form: once typing stops, without a tap on Bereken. Before the first
  // complete answer nobody is told off for a field they have not reached yet.
  for (const soort of ["input", "change"]) {
    formulier.addEventListener(soort, () => {
      clearTimeout(wachtTimer);
      wachtTimer = setTimeout(() => {
        const antwoorden = leesFormulier();
        const iets = getoond || foutenVak.childElementCount || formulier.querySelector("[aria-invalid]");
        if (!iets && !(antwoorden.opleiding && antwoorden.inschrijvingsgeld.trim())) return;
        reken(antwoorden, { doorGebruiker: false, vanzelf: true });
      }, WACHT_MS);
    });
  }
  foutenVak.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const doel = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!doel) return;
    event.preventDefault();
    doel.scrollIntoView({ block: "center" });
    doel.focus({ preventScroll: true });
  });
  $("kopieer-link").addEventListener("click", kopieerLink);
  $("print-resultaat").addEventListener("click", () => window.print());
  $("opnieuw-proberen").addEventListener("click", opnieuwProberen);

  vulInVanuitAdres();

  // ------------------------------------------------------------ loading state

  function toonStatus(stap, melding, reden) {
    const laadstatus = $("laadstatus");
    if (STAPPEN[stap]) {
      $("laadstatus-tekst").textContent = teksten.pagina[STAPPEN[stap].tekst];
      $("laadstatus-balk").value = STAPPEN[stap].waarde;
      laadstatus.hidden = false;
    } else if (stap === "klaar") {
      laadstatus.hidden = true;
      wortel.dataset.toestand = "klaar";
    } else if (stap === "fout") {
      wortel.dataset.toestand = "fout";
      wortel.dataset.reden = reden || "browser";
      laadstatus.hidden = true;
      formulier.hidden = true;
      acties.hidden = true;
      leegResultaat(resultaat);
      foutenVak.replaceChildren();
      $("rekenhulp-kapot-reden").textContent = teksten.pagina[`reden_${reden}`] || teksten.pagina.reden_browser;
      $("rekenhulp-kapot").hidden = false;
    }
  }

  /** A new worker that starts from what already arrived (Cache Storage); the answers stay. */
  function opnieuwProberen() {
    $("rekenhulp-kapot").hidden = true;
    formulier.hidden = false;
    wortel.dataset.toestand = "laden";
    delete wortel.dataset.reden;
    startClient();
    const antwoorden = leesFormulier();
    if (antwoorden.opleiding || antwoorden.inschrijvingsgeld.trim()) reken(antwoorden, { doorGebruiker: false, vanzelf: true });
  }

  // ------------------------------------------------------------ form and URL

  function leesFormulier() {
    const data = new FormData(formulier);
    return Object.fromEntries(VELDEN.map((veld) => [veld, String(data.get(veld) ?? "")]));
  }

  function vulInVanuitAdres() {
    const params = new URLSearchParams(location.search);
    if (!VELDEN.some((veld) => params.has(veld))) return;
    const onbekend = {};
    for (const veld of VELDEN) {
      if (!params.has(veld)) continue;
      const waarde = params.get(veld);
      if (KEUZEVELDEN.includes(veld)) {
        const keuze = veld === "opleiding" ? waarde.trim() : waarde.trim().toLowerCase();
        const radio = [...formulier.elements[veld]].find((r) => r.value === keuze);
        if (radio) radio.checked = true;
        else if (waarde !== "") {
          for (const r of formulier.elements[veld]) r.checked = false;
          onbekend[veld] = waarde;  // let Python explain what is wrong with it, next to the field
        }
      } else {
        formulier.elements[veld].value = waarde;
      }
    }
    // A shared link is opened for its answer: go there now, with a screen of room kept for it,
    // so the answer arriving later pushes nothing the reader sees (no layout shift).
    if (window.scrollY < 50 && !location.hash) {
      resultaat.dataset.wacht = "";
      resultaat.scrollIntoView({ block: "start" });
    }
    reken({ ...leesFormulier(), ...onbekend }, { doorGebruiker: false });
  }

  function deelUrl(antwoorden) {
    const url = new URL(location.href);
    url.hash = "";
    url.search = VELDEN
      .filter((veld) => antwoorden[veld] !== undefined && antwoorden[veld] !== "")
      .map((veld) => `${veld}=${encodeURIComponent(antwoorden[veld]).replace(/%2C/gi, ",")}`)
      .join("&");
    return url.href;
  }

  async function kopieerLink() {
    if (!getoond) return;
    const url = deelUrl(getoond);
    history.replaceState(history.state, "", url);
    const status = $("kopieer-status");
    const handmatig = $("kopieer-handmatig");
    try {
      await navigator.clipboard.writeText(url);
      handmatig.hidden = true;
      status.textContent = teksten.pagina.link_gekopieerd;
    } catch {
      status.textContent = "";
      handmatig.hidden = false;
      const veld = $("kopieer-veld");
      veld.value = url;
      veld.focus();
      veld.select();
    }
  }

  // ------------------------------------------------------------ asking and showing

  /**
   * Ask Python and show its answer. `doorGebruiker`: Bereken was tapped (the answer or the error
   * summary gets the focus); `vanzelf`: the form changed (nothing moves, errors show next to
   * their field); neither: a shared link was opened.
   */
  function reken(antwoorden, { doorGebruiker, vanzelf = false }) {
    const vraag = ++laatsteVraag;
    $("kopieer-status").textContent = "";
    $("kopieer-handmatig").hidden = true;
    if (client.toestand === "laden") {
      acties.hidden = true;
      leegResultaat(resultaat, teksten.pagina.even_geduld);
    }
    client.bereken(antwoorden).then((antwoord) => {
      if (vraag !== laatsteVraag) return;
      if (antwoord.fouten) {
        getoond = null;
        acties.hidden = true;
        delete resultaat.dataset.wacht;
        leegResultaat(resultaat);  // never a stale answer next to an error
        toonFouten(antwoord.fouten, { focus: doorGebruiker, samenvatting: !vanzelf });
        if (!doorGebruiker && !vanzelf) foutenVak.scrollIntoView({ block: "start" });  // a link: show what is wrong
        history.replaceState(history.state, "", deelUrl(antwoorden));
        return;
      }
      wisFouten();
      delete resultaat.dataset.wacht;
      toonResultaat(resultaat, antwoord.uitvoer, {
        teksten, link: opPagina, antwoorden: beschrijf(antwoorden, antwoord.uitvoer.gelezen),
      });
      getoond = antwoorden;
      acties.hidden = false;
      history.replaceState(history.state, "", deelUrl(antwoorden));
      if (doorGebruiker) {
        resultaat.scrollIntoView({ block: "start" });
        if (doorGebruiker) $("resultaat-titel").focus({ preventScroll: true });
      }
    }, () => {
      if (vraag !== laatsteVraag || client.toestand === "fout") return;  // the fallback says it all
      leegResultaat(resultaat);
      toonFouten([{ veld: "invoer", melding: teksten.pagina.iets_mis }], { focus: doorGebruiker, samenvatting: true });
    });
  }

  /** The answers as the participant gave them, with the question names of the texts. */
  function beschrijf(antwoorden, gelezen) {
    const woord = teksten.antwoorden;
    const jaNee = (w) => woord[String(w).toLowerCase()] || w;
    const opleiding = teksten.opleidingen[antwoorden.opleiding];
    const vraag = teksten.vragen;
    return [
      [vraag.opleiding, opleiding ? opleiding.label : antwoorden.opleiding],
      [vraag.inschrijvingsgeld, gelezen ? euro(gelezen.inschrijvingsgeld) : antwoorden.inschrijvingsgeld],
      [vraag.al_aangevraagd, gelezen && gelezen.al_aangevraagd ? euro(gelezen.al_aangevraagd)
        : antwoorden.al_aangevraagd || woord.niets],
      [vraag.aanvaardt_cheques, jaNee(antwoorden.aanvaardt_cheques || "ja")],
      [vraag.aanvraag_geweigerd, jaNee(antwoorden.aanvraag_geweigerd || "nee")],
    ];
  }

  function wisFouten() {
    foutenVak.replaceChildren();
    for (const veld of VELDEN) {
      const melding = $(`fout-${veld}`);
      melding.hidden = true;
      melding.replaceChildren();
      $(`veld-${veld}`).classList.remove("veld-met-fout");
      for (const invoer of invoerVan(veld)) {
        invoer.removeAttribute("aria-invalid");
        beschrevenDoor(invoer, `fout-${veld}`, false);
      }
    }
  }

  /** An error in the page's language: by its code from the texts (Python's Dutch `melding` is
   *  the contract's fallback), with its values filled in. */
  function meldingVan({ code, waarden = {}, melding }) {
    const sjabloon = teksten.fouten?.[code];
    if (!sjabloon) return melding || teksten.pagina.iets_mis;
    return sjabloon.replace(/\{(\w+)\}/g, (geheel, naam) => (naam in waarden ? String(waarden[naam]) : geheel));
  }

  /** Each message next to its field; with `samenvatting` also the list above the form (role=alert). */
  function toonFouten(fouten, { focus = false, samenvatting = true } = {}) {
    wisFouten();
    const perVeld = new Map();
    for (const fout of fouten) {
      perVeld.set(fout.veld, [...(perVeld.get(fout.veld) || []), meldingVan(fout)]);
    }
    const items = [];
    for (const [veld, meldingen] of perVeld) {
      const tekst = meldingen.join(" ");
      const invoer = VELDEN.includes(veld) ? invoerVan(veld) : [];
      if (invoer.length) {
        const melding = $(`fout-${veld}`);
        melding.replaceChildren(el("span", { class: "sr-only" }, teksten.pagina.fout), tekst);
        melding.hidden = false;
        $(`veld-${veld}`).classList.add("veld-met-fout");
        for (const i of invoer) {
          i.setAttribute("aria-invalid", "true");
          beschrevenDoor(i, `fout-${veld}`, true);  // also each radio button, not only its fieldset
        }
        items.push(el("li", { dataset: { veld } }, el("a", { href: `#${invoer[0].id}` }, tekst)));
      } else {
        items.push(el("li", { dataset: { veld } }, tekst));
        samenvatting = true;  // no field to show it next to
      }
    }
    if (!samenvatting) return;
    foutenVak.replaceChildren(
      el("h2", {}, teksten.pagina.kijk_na),
      el("ul", {}, items),
    );
    if (focus) foutenVak.focus();
  }

  /** Add or remove one id in a field's aria-describedby, keeping the others (hints). */
  function beschrevenDoor(invoer, id, aan) {
    const ids = (invoer.getAttribute("aria-describedby") || "").split(/\s+/).filter((x) => x && x !== id);
    if (aan) ids.push(id);
    if (ids.length) invoer.setAttribute("aria-describedby", ids.join(" "));
    else invoer.removeAttribute("aria-describedby");
  }

  function invoerVan(veld) {
    const invoer = formulier.elements[veld];
    if (!invoer) return [];
    return invoer instanceof RadioNodeList ? [...invoer] : [invoer];
  }
}

/** The texts of calculator/teksten/ the build put into the page (one JSON block). */
function leesTeksten(blok) {
  return JSON.parse(blok.textContent);
}
