// The rekenhulp page (/rekenhulp/). It collects the answers, sends them as they are typed to the
// worker (Python's `bereken`, via Pyodide) and shows the JSON answer. It never parses or computes
// an amount (STYLE.md 4): "1.234,50" goes to Python exactly as the participant typed it.
//
// For tests and tools: window.rekenhulp.bereken(invoer) -> Promise<{uitvoer} | {fouten}>, through
// the same worker as the form; window.rekenhulp.klaar resolves when Python is ready.

import { maakClient } from "./client.js";
import { el, leegResultaat, toonResultaat } from "./resultaat.js";

// URL contract (ARCHITECTURE.md §4): these names are printed on coordinators' handouts.
const VELDEN = ["opleiding", "inschrijvingsgeld", "al_aangevraagd", "aanvaardt_cheques", "aanvraag_geweigerd"];
const KEUZEVELDEN = ["opleiding", "aanvaardt_cheques", "aanvraag_geweigerd"];
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
  const siteWortel = new URL(wortel.dataset.siteRoot || "../", location.href);
  const opSite = (pad) => new URL(String(pad).replace(/^\//, ""), siteWortel).href;
  let laatsteVraag = 0;
  let getoond = null;  // the answers behind the result on screen (for "Kopieer link")

  formulier.hidden = false;
  wortel.dataset.toestand = "laden";

  const client = maakClient({
    workerUrl: new URL("./worker.mjs", import.meta.url),
    start: {
      pyodideUrl: opSite(wortel.dataset.pyodideUrl),
      indexUrl: opSite(wortel.dataset.indexUrl),
      wheelUrl: opSite(wortel.dataset.wheelUrl),
    },
    timeoutMs: Number(wortel.dataset.timeoutMs) || 60000,
    opStatus: toonStatus,
  });

  window.rekenhulp = {
    bereken: (invoer) => client.bereken(invoer),
    klaar: client.klaar,
    get toestand() { return client.toestand; },
  };

  formulier.addEventListener("submit", (event) => {
    event.preventDefault();
    reken(leesFormulier(), { doorGebruiker: true });
  });
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
  $("opnieuw-proberen").addEventListener("click", () => location.reload());

  vulInVanuitAdres();

  // ------------------------------------------------------------ loading state

  function toonStatus(stap) {
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
      laadstatus.hidden = true;
      formulier.hidden = true;
      acties.hidden = true;
      leegResultaat(resultaat);
      foutenVak.replaceChildren();
      $("rekenhulp-kapot").hidden = false;
    }
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

  function reken(antwoorden, { doorGebruiker }) {
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
        leegResultaat(resultaat);
        toonFouten(antwoord.fouten, doorGebruiker);
        return;
      }
      wisFouten();
      toonResultaat(resultaat, antwoord.uitvoer, {
        teksten, link: opSite, antwoorden: beschrijf(antwoorden),
      });
      getoond = antwoorden;
      acties.hidden = false;
      history.replaceState(history.state, "", deelUrl(antwoorden));
      if (doorGebruiker || window.scrollY < 50) {
        resultaat.scrollIntoView({ block: "start" });
        if (doorGebruiker) $("resultaat-titel").focus({ preventScroll: true });
      }
    }, () => {
      if (vraag !== laatsteVraag || client.toestand === "fout") return;  // the fallback says it all
      leegResultaat(resultaat);
      toonFouten([{ veld: "invoer", melding: teksten.pagina.iets_mis }], doorGebruiker);
    });
  }

  /** The answers as the participant gave them, with the question names of the texts. */
  function beschrijf(antwoorden) {
    const woord = teksten.antwoorden;
    const jaNee = (w) => woord[String(w).toLowerCase()] || w;
    const opleiding = teksten.opleidingen[antwoorden.opleiding];
    const vraag = teksten.vragen;
    return [
      [vraag.opleiding, opleiding ? opleiding.label : antwoorden.opleiding],
      [vraag.inschrijvingsgeld, antwoorden.inschrijvingsgeld],
      [vraag.al_aangevraagd, antwoorden.al_aangevraagd || woord.niets],
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

  function toonFouten(fouten, focus) {
    wisFouten();
    const perVeld = new Map();
    for (const { veld, melding } of fouten) {
      perVeld.set(veld, [...(perVeld.get(veld) || []), melding]);
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
      }
    }
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
