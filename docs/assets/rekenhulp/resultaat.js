// Rendering the calculator's answer (DOM contract: ARCHITECTURE.md §5). Every amount is a number
// from Python's `bereken`, and every sentence a text from calculator/teksten/ (the page embeds
// them), chosen by the ids the answer gives: `zinnen`, `tijdlijn`, `documenten`, `waarschuwingen`.
// This file fills the texts in and arranges them; it never computes an amount and never decides
// what to say from one (STYLE.md 14). The CLI (`--uitleg`) and the build render the same texts.

/** "€ 1.234,50": always two decimals, dot between thousands (same as calculator.bedragen.euro). */
export function euro(waarde) {
  const [geheel, cent] = Math.abs(waarde).toFixed(2).split(".");
  const teken = waarde < 0 ? "-" : "";
  return `€ ${teken}${geheel.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${cent}`;
}

/** A small DOM builder: el("p", {class: "x"}, "text", otherNode). */
export function el(tag, eigenschappen = {}, ...kinderen) {
  const node = document.createElement(tag);
  for (const [naam, waarde] of Object.entries(eigenschappen)) {
    if (waarde === undefined || waarde === null || waarde === false) continue;
    if (naam === "dataset") Object.assign(node.dataset, waarde);
    else node.setAttribute(naam, waarde === true ? "" : String(waarde));
  }
  for (const kind of kinderen.flat()) {
    if (kind === undefined || kind === null || kind === false) continue;
    node.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  }
  return node;
}

/**
 * Make `ouder`'s children equal to `nieuwe` (freshly built nodes), touching only what differs:
 * after a changed amount most of the answer is the same, and a phone then only lays out and
 * paints the changed figures instead of the whole answer (benchmark at 4x CPU: 57 -> 25-34 ms).
 * The built nodes carry no event listeners, so reusing an existing node loses nothing.
 */
export function vervang(ouder, nieuwe) {
  const oude = [...ouder.childNodes];
  nieuwe.forEach((nieuw, i) => {
    const oud = oude[i];
    if (!oud) {
      ouder.append(nieuw);
    } else if (oud.nodeType !== nieuw.nodeType || oud.nodeName !== nieuw.nodeName) {
      ouder.replaceChild(nieuw, oud);
    } else if (oud.nodeType === Node.TEXT_NODE) {
      if (oud.data !== nieuw.data) oud.data = nieuw.data;
    } else {
      for (const { name } of [...oud.attributes]) if (!nieuw.hasAttribute(name)) oud.removeAttribute(name);
      for (const { name, value } of nieuw.attributes) if (oud.getAttribute(name) !== value) oud.setAttribute(name, value);
      vervang(oud, [...nieuw.childNodes]);
    }
  });
  for (const oud of oude.slice(nieuwe.length)) oud.remove();
}

/**
 * A text with its placeholders filled in (calculator/teksten/): `{veld}` becomes the amount of
 * that answer field, `**{veld}**` the same amount stressed. Returns nodes and strings for el().
 */
export function vulIn(sjabloon, uitvoer) {
  const delen = [];
  let rest = 0;
  for (const m of String(sjabloon).matchAll(/\*\*\{(\w+)\}\*\*|\{(\w+)\}/g)) {
    delen.push(sjabloon.slice(rest, m.index));
    const waarde = uitvoer[m[1] || m[2]];
    if (typeof waarde === "number") delen.push(el(m[1] ? "strong" : "span", { class: "bedrag" }, euro(waarde)));
    else delen.push(waarde instanceof Node ? waarde : String(waarde ?? ""));
    rest = m.index + m[0].length;
  }
  delen.push(String(sjabloon).slice(rest));
  return delen.filter((deel) => deel !== "");
}

/** "1 september 2020" from "2020-09-01", with the month names of the texts ("1er" in French). */
export function datumInWoorden(iso, teksten) {
  const [jaar, maand, dag] = String(iso).split("-").map(Number);
  const naam = teksten.maanden && teksten.maanden[maand - 1];
  if (!naam || !dag) return String(iso);
  const eerste = dag === 1 && teksten.eerste_dag ? teksten.eerste_dag : dag;
  return teksten.datum.replace("{dag}", eerste).replace("{maand}", naam).replace("{jaar}", jaar);
}

/**
 * Fill `sectie` (#resultaat) with the answer.
 * @param {HTMLElement} sectie
 * @param {object} uitvoer   the calculator's output
 * @param {object} context   {teksten, link(path) -> href, antwoorden: [[vraag, antwoord], ...]}
 */
export function toonResultaat(sectie, uitvoer, { teksten, link, antwoorden }) {
  const u = uitvoer;
  const r = teksten.resultaat;
  sectie.dataset.route = u.route;
  vervang(sectie, [
    el("h2", { id: "resultaat-titel", tabindex: "-1" }, r.titel),
    el("p", { class: "resultaat-schooljaar" }, vulIn(r.schooljaar, {
      schooljaar: el("span", { dataset: { veld: "schooljaar" } }, u.schooljaar) })),
    el("ul", { class: "resultaat-zinnen" },
      (u.zinnen || []).map((id) => el("li", { dataset: { zin: id } }, vulIn(teksten.zinnen[id] ?? id, u)))),
    verdeling(u, teksten),
    el("h3", {}, r.tijdlijn),
    el("ol", { class: "tijdlijn" }, (u.tijdlijn || []).map((id) => {
      const stap = teksten.tijdlijn[id] || { tekst: id };
      return el("li", { dataset: { stap: id } }, vulIn(stap.tekst, u),
        stap.link ? [" ", el("a", { class: "meer", href: link(stap.link) }, r.hoe)] : []);
    })),
    documenten(u, teksten, link),
    waarschuwingen(u, teksten, link),
    el("h3", {}, r.bedragen),
    el("dl", { class: "bedragen" }, Object.entries(teksten.bedragen).map(([veld, naam]) => el("div", {},
      el("dt", {}, naam),
      el("dd", { dataset: { veld, waarde: String(u[veld]) } }, euro(u[veld])),
    ))),
    antwoordenLijst(antwoorden, r.antwoorden),
    regels(u, teksten),
  ].flat().filter(Boolean));
}

export function leegResultaat(sectie, tekst) {
  delete sectie.dataset.route;
  vervang(sectie, tekst ? [el("p", { class: "resultaat-wacht" }, tekst)] : []);
}

function verdeling(u, teksten) {
  // who pays the registration in the end: three answer fields, named by the texts
  const delen = Object.entries(teksten.verdeling).map(([veld, naam]) => [veld, naam, u[veld]]);
  const balk = el("div", { class: "verdeling-balk", "aria-hidden": "true" });
  for (const [veld, , bedrag] of delen) {
    if (bedrag > 0) {  // a zero share gets no piece of the bar (layout, not wording)
      const stuk = el("span", { class: `verdeling-${veld}` });
      stuk.style.flexGrow = String(bedrag);  // proportions only: flex shares the width
      balk.append(stuk);
    }
  }
  return el("div", { class: "verdeling" },
    el("h3", { id: "verdeling-titel" }, teksten.resultaat.verdeling),
    balk.childElementCount ? balk : null,
    el("ul", { class: "verdeling-legende", "aria-labelledby": "verdeling-titel" },
      delen.map(([veld, naam, bedrag]) => el("li", {},
        el("span", { class: `verdeling-staal verdeling-${veld}`, "aria-hidden": "true" }),
        el("span", { class: "verdeling-naam" }, `${naam}:`), " ", el("span", { class: "bedrag" }, euro(bedrag))))),
  );
}

function documenten(u, teksten, link) {
  if (!u.documenten.length) return null;
  return [
    el("h3", {}, teksten.resultaat.documenten),
    el("ol", { class: "documenten" }, u.documenten.map((id) => {
      const tekst = teksten.documenten[id] || { titel: id, uitleg: "" };
      return el("li", { dataset: { document: id } },
        tekst.link ? el("a", { href: link(tekst.link) }, tekst.titel) : tekst.titel,
        tekst.uitleg ? [" ", el("span", { class: "uitleg" }, tekst.uitleg)] : []);
    })),
  ];
}

function waarschuwingen(u, teksten, link) {
  if (!u.waarschuwingen.length) return null;
  return [
    el("h3", {}, teksten.resultaat.waarschuwingen),
    el("ul", { class: "waarschuwingen" }, u.waarschuwingen.map((id) => {
      const tekst = teksten.waarschuwingen[id] || { titel: id, uitleg: "" };
      return el("li", { dataset: { waarschuwing: id } },
        el("strong", {}, tekst.titel), ". ", tekst.uitleg,
        tekst.link ? [" ", el("a", { class: "meer", href: link(tekst.link) }, teksten.resultaat.meer_uitleg)] : []);
    })),
  ];
}

function antwoordenLijst(antwoorden, kop) {
  if (!antwoorden || !antwoorden.length) return null;
  return el("details", { class: "resultaat-antwoorden", open: true },
    el("summary", {}, kop),
    el("dl", {}, antwoorden.map(([vraag, antwoord]) => el("div", {}, el("dt", {}, vraag), el("dd", {}, antwoord)))));
}

function regels(u, teksten) {
  if (!u.regels) return null;
  const r = teksten.resultaat;
  const start = datumInWoorden(u.regels.start, teksten);
  const zin = u.regels.gecontroleerd_op
    ? r.regels_gecontroleerd.replace("{gecontroleerd_op}", datumInWoorden(u.regels.gecontroleerd_op, teksten))
    : r.regels;
  return el("p", { class: "resultaat-regels" }, zin.replace("{start}", start), " ", r.wie_beslist);
}
