// The coordinators' list check (/voor-coordinatoren/controle/). A coordinator chooses (or drops)
// a .csv or .xlsx file; its bytes go to the calculator's own worker, where Python
// (calculator/web_controle.py, the same code as `python -m calculator --csv`) reads the list and
// computes every row. This script only places what comes back: it never reads a cell, never
// formats or adds up an amount (STYLE.md 4), and never chooses its words: every sentence comes
// from the page's texts (#site-teksten, talen/<taal>/site.json "controle") or from Python.
//
// Nothing leaves the computer and nothing stays: the file is read in memory and handed to the
// worker (a transfer, not a copy); no request carries it, no storage holds it, the worker never
// takes a memory snapshot (worker.mjs). "Wissen" empties the table, forgets the list in Python and
// revokes the download links; leaving the page does the same and ends the worker.
//
// The table is text nodes only (never HTML, so a name like <img onerror> is only text), in
// <tbody> groups of 30 rows: print puts each group on its own page. The first 300 rows are shown
// at once, the rest with "Toon alle rijen" (and always in print): building 10,000 rows is quick,
// but Chromium's layout of a 10,000-row table took 8-13 s here, far over the 5 s goal, while 300
// rows fill many screens and the totals and error count above the table cover the whole list.
//
// Instant navigation is off in this site (mkdocs.yml): every page load runs this module afresh.
//
// For tests and the benchmark: window.controle.klaar (Python ready), window.controle.laatste
// ({ms, aantal}: the last list, from the file chosen to the table shown).

import { maakClient, startUrls } from "./client.js";

const RIJEN_PER_BLAD = 30;  // one printed page per group (controle.css)
const EERST_RIJEN = 300;  // on screen at once; "Toon alle rijen" or print shows the rest

const wortel = document.getElementById("controle-vak");
if (wortel) start(wortel);

function start(wortel) {
  const $ = (id) => document.getElementById(id);
  const teksten = leesTeksten();
  const taal = document.documentElement.lang || "nl";
  const invoer = $("controle-bestand");
  const zone = $("controle-zone");
  const status = $("controle-status");
  const foutVak = $("controle-fout");
  const resultaat = $("controle-resultaat");
  const tabel = $("controle-tabel");
  const csvLink = $("download-csv");
  const xlsxKnop = $("download-xlsx");
  const xlsxLink = $("download-xlsx-link");
  let urls = [];  // object URLs of the downloads, revoked by wissen()
  let beurt = 0;  // a newer file makes an older answer stale
  let client = null;

  const api = { laatste: null };
  window.controle = api;
  startClient();

  function startClient() {
    wortel.dataset.toestand = "laden";
    client = maakClient({
      workerUrl: new URL("./worker.mjs", import.meta.url),
      start: startUrls(wortel),
      stallMs: Number(wortel.dataset.stallMs) || 30000,
      opStatus: toonLaden,
    });
    api.klaar = client.klaar;
  }

  function toonLaden(stap, melding, reden) {
    if (stap === "klaar") {
      wortel.dataset.toestand = "klaar";
      if (status.dataset.soort === "laden") zegStatus("");
    } else if (stap === "fout") {
      wortel.dataset.toestand = "fout";
      zegStatus("");
      $("controle-kapot-reden").textContent = teksten[`reden_${reden}`] || teksten.reden_browser;
      $("controle-kapot").hidden = false;
    } else if (invoer.files.length) {
      zegStatus(teksten.laden, "laden");
    }
  }

  function zegStatus(tekst, soort = "") {
    status.textContent = tekst;
    status.dataset.soort = soort;
  }

  // ------------------------------------------------------------ choosing a file

  invoer.addEventListener("change", () => {
    if (invoer.files.length) controleer(invoer.files[0]);
  });
  for (const soort of ["dragenter", "dragover"]) {
    zone.addEventListener(soort, (event) => {
      event.preventDefault();
      zone.classList.add("controle-zone--erboven");
    });
  }
  zone.addEventListener("dragleave", () => zone.classList.remove("controle-zone--erboven"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("controle-zone--erboven");
    const bestand = event.dataTransfer && event.dataTransfer.files[0];
    if (bestand) controleer(bestand);
  });

  async function controleer(bestand) {
    const begin = performance.now();
    const mijn = ++beurt;
    wissen({ houdKeuze: true });
    zegStatus(client.toestand === "klaar" ? teksten.bezig : teksten.laden, client.toestand === "klaar" ? "bezig" : "laden");
    wortel.dataset.bezig = "";
    let antwoord;
    try {
      const data = new Uint8Array(await bestand.arrayBuffer());
      antwoord = await client.vraag({ lijst: { data, naam: bestand.name, taal, vandaag: wortel.dataset.vandaag || null } },
        [data.buffer]);
    } catch (fout) {
      console.error(fout);  // a bug, not a bad file (Python explains those): for whoever debugs
      if (mijn !== beurt) return;
      delete wortel.dataset.bezig;
      toonFout(teksten.onverwacht);
      zegStatus("");
      return;
    }
    if (mijn !== beurt) return;
    const antwoordMs = performance.now() - begin;
    delete wortel.dataset.bezig;
    const { tabel: lijst, csv } = antwoord;
    if (lijst.fout) {
      toonFout(lijst.fout.melding, lijst.fout.code);
      zegStatus("");
      return;
    }
    toonTabel(lijst, bestand.name);
    const tabelMs = performance.now() - begin;
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    urls.push(url);
    csvLink.href = url;
    csvLink.download = lijst.csv_naam;
    xlsxKnop.dataset.naam = lijst.xlsx_naam;
    zegStatus(vul(lijst.aantal_fouten ? teksten.klaar_fouten : teksten.klaar,
      { aantal: getal(lijst.aantal), fouten: getal(lijst.aantal_fouten) }), "klaar");
    // after the browser has laid the table out and painted it (the benchmark's end mark)
    requestAnimationFrame(() => setTimeout(() => {
      if (mijn !== beurt) return;
      api.laatste = {
        ms: Math.round(performance.now() - begin), python_ms: lijst.ms, aantal: lijst.aantal,
        antwoord_ms: Math.round(antwoordMs), tabel_ms: Math.round(tabelMs),
      };
      wortel.dataset.getoond = String(aantalGetoond);
    }));
  }

  function toonFout(melding, code = "onverwacht") {
    foutVak.replaceChildren(Object.assign(document.createElement("p"), { textContent: melding }));
    foutVak.dataset.code = code;
    foutVak.hidden = false;
  }

  // ------------------------------------------------------------ the table

  let getoond = null;  // the list on screen, for "Toon alle rijen" and print; null after wissen()
  let aantalGetoond = 0;

  function toonTabel(lijst, bestandsnaam) {
    $("controle-bestandsnaam").textContent = bestandsnaam;
    $("totaal-aantal").textContent = getal(lijst.aantal);
    $("totaal-fouten").textContent = getal(lijst.aantal_fouten);
    for (const veld of ["terugbetaling", "overheid"]) {
      const plek = $(`totaal-${veld}`);
      plek.textContent = lijst.totalen[veld].tekst;
      plek.dataset.waarde = String(lijst.totalen[veld].waarde);
    }
    $("kolom-naam").textContent = lijst.naam_kolom || teksten.geen_naam;
    for (const oud of tabel.querySelectorAll("tbody")) oud.remove();
    getoond = lijst;
    aantalGetoond = 0;
    toonRijen(EERST_RIJEN);
    resultaat.hidden = false;
    foutVak.hidden = true;
  }

  /** Rows up to `tot` of the list on screen, as one fragment of text nodes in groups of 30. */
  function toonRijen(tot) {
    const lijst = getoond;
    if (!lijst) return;
    const einde = Math.min(tot, lijst.rijen.length);
    const fragment = document.createDocumentFragment();
    let groep = aantalGetoond % RIJEN_PER_BLAD ? tabel.tBodies[tabel.tBodies.length - 1] : null;
    for (let i = aantalGetoond; i < einde; i++) {
      if (i % RIJEN_PER_BLAD === 0) groep = fragment.appendChild(document.createElement("tbody"));
      const rij = lijst.rijen[i];
      const tr = groep.insertRow();
      const fouten = rij[rij.length - 1];
      if (fouten.length) tr.className = "controle-fout";
      for (let k = 0; k < 8; k++) {
        const cel = tr.insertCell();
        cel.textContent = rij[k];
        if (k >= 4 && lijst.waarden[i]) cel.dataset.waarde = lijst.waarden[i][k - 4];
      }
      const opmerking = tr.insertCell();
      if (fouten.length) {
        const label = opmerking.appendChild(document.createElement("strong"));
        label.textContent = teksten.fout;
        for (const melding of fouten) opmerking.append(document.createElement("br"), melding);
      } else {
        opmerking.textContent = teksten.in_orde;
      }
    }
    tabel.append(fragment);
    aantalGetoond = einde;
    const rest = lijst.rijen.length - aantalGetoond;
    alleKnop.hidden = rest <= 0;
    alleKnop.textContent = vul(teksten.alle_rijen, { aantal: getal(lijst.rijen.length) });
    $("controle-meer").textContent = rest > 0
      ? vul(teksten.eerste_rijen, { getoond: getal(aantalGetoond), aantal: getal(lijst.rijen.length) }) : "";
  }

  const alleKnop = $("controle-alle");
  alleKnop.addEventListener("click", () => {
    const volgende = tabel.tBodies.length;
    toonRijen(Infinity);
    const rij = tabel.tBodies[volgende] && tabel.tBodies[volgende].rows[0];
    if (rij) rij.scrollIntoView({ block: "nearest" });
    $("controle-tabel-vak").focus();
  });
  // Print shows every row (30 to a page), not only those on screen.
  window.addEventListener("beforeprint", () => toonRijen(Infinity));

  // ------------------------------------------------------------ downloads, print, clear

  xlsxKnop.addEventListener("click", async () => {
    if (xlsxKnop.getAttribute("aria-disabled") === "true") return;
    const mijn = beurt;
    xlsxKnop.setAttribute("aria-disabled", "true");
    zegStatus(teksten.excel_bezig, "bezig");
    try {
      const { xlsx } = await client.vraag({ xlsx: { taal } });
      if (mijn !== beurt) return;
      const url = URL.createObjectURL(new Blob([xlsx], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      urls.push(url);
      xlsxLink.href = url;
      xlsxLink.download = xlsxKnop.dataset.naam || "lijst-gecontroleerd.xlsx";
      xlsxLink.click();
      zegStatus(teksten.excel_klaar, "klaar");
    } catch (fout) {
      if (mijn === beurt) toonFout(teksten.excel_mislukt);
      zegStatus("");
    } finally {
      xlsxKnop.removeAttribute("aria-disabled");
    }
  });

  $("controle-print").addEventListener("click", () => window.print());
  $("controle-wissen").addEventListener("click", () => {
    beurt++;
    wissen();
    zegStatus(teksten.gewist, "klaar");
    invoer.focus();
  });

  /** Empty table, totals and downloads; Python forgets the list. The file input too, unless a new file was just chosen. */
  function wissen({ houdKeuze = false } = {}) {
    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    csvLink.removeAttribute("href");
    xlsxLink.removeAttribute("href");
    for (const oud of tabel.querySelectorAll("tbody")) oud.remove();
    for (const id of ["controle-bestandsnaam", "totaal-aantal", "totaal-fouten", "totaal-terugbetaling", "totaal-overheid"]) {
      $(id).textContent = "";
      delete $(id).dataset.waarde;
    }
    resultaat.hidden = true;
    foutVak.hidden = true;
    foutVak.replaceChildren();
    delete wortel.dataset.getoond;
    getoond = null;
    aantalGetoond = 0;
    alleKnop.hidden = true;
    $("controle-meer").textContent = "";
    api.laatste = null;
    if (!houdKeuze) invoer.value = "";
    if (client && client.toestand === "klaar") client.vraag({ vergeet: true }).catch(() => {});
  }

  // Leaving the page leaves nothing: no table kept in the back-forward cache, no worker left.
  window.addEventListener("pagehide", () => {
    wissen();
    client.stop();
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) startClient();
  });
  $("controle-opnieuw").addEventListener("click", () => {
    $("controle-kapot").hidden = true;
    startClient();
  });

  function getal(n) {
    return Number(n).toLocaleString("nl-BE");
  }
}

function leesTeksten() {
  try {
    return JSON.parse(document.getElementById("site-teksten").textContent).controle || {};
  } catch {
    return {};
  }
}

function vul(tekst, waarden) {
  return String(tekst || "").replace(/\{(\w+)\}/g, (_, naam) => waarden[naam] ?? "");
}
