// Rendering the calculator's answer (DOM contract: ARCHITECTURE.md §5). Every amount shown here
// is a number from Python's `bereken`; this file only formats and arranges them. It chooses which
// sentences to show (routing, STYLE.md 4) but never computes an amount.

export const BEDRAG_VELDEN = [
  "maximum", "beschikbaar", "chequebedrag", "eigen_bijdrage", "overheid",
  "bijbetalen", "terugbetaling", "voorschieten", "netto_kost",
];

const BEDRAG_NAMEN = {
  maximum: "Je maximum voor dit schooljaar",
  beschikbaar: "Wat je dit schooljaar nog kan aanvragen",
  chequebedrag: "Opleidingscheques aanvragen voor",
  eigen_bijdrage: "Jij betaalt aan Edenred",
  overheid: "De Vlaamse overheid betaalt",
  bijbetalen: "Jij betaalt bij aan je opleidingsinstelling",
  terugbetaling: "De JoJo/VeVe-coördinatie betaalt je terug",
  voorschieten: "Jij schiet voor",
  netto_kost: "Wat je uiteindelijk zelf betaalt",
};

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

const vet = (waarde) => el("strong", { class: "bedrag" }, euro(waarde));
const gewoon = (waarde) => el("span", { class: "bedrag" }, euro(waarde));

/**
 * Fill `sectie` (#resultaat) with the answer.
 * @param {HTMLElement} sectie
 * @param {object} uitvoer   the calculator's output
 * @param {object} context   {teksten, link(path) -> href, antwoorden: [[vraag, antwoord], ...]}
 */
export function toonResultaat(sectie, uitvoer, { teksten, link, antwoorden }) {
  const u = uitvoer;
  const cheques = u.route === "cheques";
  sectie.dataset.route = u.route;
  vervang(sectie, [
    el("h2", { id: "resultaat-titel", tabindex: "-1" }, "Jouw resultaat"),
    el("p", { class: "resultaat-schooljaar" },
      "Schooljaar ", el("span", { dataset: { veld: "schooljaar" } }, u.schooljaar)),
    el("ul", { class: "resultaat-zinnen" }, zinnen(u, cheques)),
    verdeling(u),
    el("h3", {}, "Wat gebeurt er wanneer?"),
    el("ol", { class: "tijdlijn" }, tijdlijn(u, cheques, link)),
    documenten(u, teksten, link),
    waarschuwingen(u, teksten, link),
    el("h3", {}, "Alle bedragen"),
    el("dl", { class: "bedragen" }, BEDRAG_VELDEN.map((veld) => el("div", {},
      el("dt", {}, BEDRAG_NAMEN[veld]),
      el("dd", { dataset: { veld, waarde: String(u[veld]) } }, euro(u[veld])),
    ))),
    antwoordenLijst(antwoorden),
    regels(u),
  ].flat().filter(Boolean));
}

export function leegResultaat(sectie, tekst) {
  delete sectie.dataset.route;
  vervang(sectie, tekst ? [el("p", { class: "resultaat-wacht" }, tekst)] : []);
}

function zinnen(u, cheques) {
  const li = (...delen) => el("li", {}, ...delen);
  if (!cheques) {
    return [
      li("Je gebruikt geen opleidingscheques."),
      li("Betaal ", vet(u.bijbetalen), " zelf aan je opleidingsinstelling."),
      li("Vraag een bewijs op papier. Daarmee betaalt de JoJo/VeVe-coördinatie je ",
        vet(u.terugbetaling), " terug."),
      li("Wat je uiteindelijk zelf betaalt: ", vet(u.netto_kost), "."),
    ];
  }
  const lijst = [];
  if (u.chequebedrag > 0) {
    lijst.push(li("Vraag ", vet(u.chequebedrag), " aan opleidingscheques aan."));
    lijst.push(u.eigen_bijdrage > 0
      ? li("Betaal ", vet(u.eigen_bijdrage), " aan Edenred. De Vlaamse overheid betaalt ",
        gewoon(u.overheid), ".")
      : li("Je betaalt niets aan Edenred. De Vlaamse overheid betaalt je cheques: ",
        gewoon(u.overheid), "."));
  } else {
    lijst.push(li("Je kan dit schooljaar geen opleidingscheques meer aanvragen."));
  }
  if (u.bijbetalen > 0) {
    lijst.push(li("Betaal ", vet(u.bijbetalen), " zelf aan je opleidingsinstelling",
      u.chequebedrag > 0 ? ", bovenop je cheques." : "."));
  }
  lijst.push(u.terugbetaling > 0
    ? li("De JoJo/VeVe-coördinatie betaalt je ", vet(u.terugbetaling), " terug.")
    : li("Je hoeft niets terug te vragen."));
  lijst.push(li("Wat je uiteindelijk zelf betaalt: ", vet(u.netto_kost), "."));
  return lijst;
}

function verdeling(u) {
  const delen = [
    ["overheid", "De Vlaamse overheid (opleidingscheques)", u.overheid],
    ["coordinatie", "De JoJo/VeVe-coördinatie (terugbetaling)", u.terugbetaling],
    ["jij", "Jij, na de terugbetaling", u.netto_kost],
  ];
  const balk = el("div", { class: "verdeling-balk", "aria-hidden": "true" });
  for (const [soort, , bedrag] of delen) {
    if (bedrag > 0) {
      const stuk = el("span", { class: `verdeling-${soort}` });
      stuk.style.flexGrow = String(bedrag);  // proportions only: flex shares the width
      balk.append(stuk);
    }
  }
  return el("div", { class: "verdeling" },
    el("h3", { id: "verdeling-titel" }, "Wie betaalt je inschrijving?"),
    balk.childElementCount ? balk : null,
    el("ul", { class: "verdeling-legende", "aria-labelledby": "verdeling-titel" },
      delen.map(([soort, naam, bedrag]) => el("li", {},
        el("span", { class: `verdeling-staal verdeling-${soort}`, "aria-hidden": "true" }),
        el("span", { class: "verdeling-naam" }, `${naam}:`), " ", gewoon(bedrag)))),
  );
}

function tijdlijn(u, cheques, link) {
  const stap = (pad, ...delen) => el("li", {}, ...delen,
    pad ? [" ", el("a", { class: "meer", href: link(pad) }, "Hoe?")] : []);
  if (!cheques) {
    return [
      stap(null, "Betaal ", gewoon(u.voorschieten), " aan je opleidingsinstelling."),
      stap("/terugbetaling/#let-op-bewijs", "Vraag een bewijs op papier."),
      stap("/terugbetaling/", "Stuur je documenten naar de JoJo/VeVe-coördinatie."),
      stap(null, "Je krijgt ", gewoon(u.terugbetaling), " terug."),
    ];
  }
  const lijst = [];
  if (u.chequebedrag > 0) {
    lijst.push(stap("/stappenplan/#stap-3", "Vraag ", gewoon(u.chequebedrag),
      " aan opleidingscheques aan in het WSE-loket, vóór je opleiding begint."));
    if (u.eigen_bijdrage > 0) {
      lijst.push(stap("/stappenplan/#stap-6", "Betaal ", gewoon(u.eigen_bijdrage), " aan Edenred."));
    }
    lijst.push(stap("/stappenplan/#stap-7", "Betaal je opleidingsinstelling met je opleidingscheques",
      u.bijbetalen > 0 ? [" en ", gewoon(u.bijbetalen), " zelf."] : "."));
  } else if (u.bijbetalen > 0) {
    lijst.push(stap(null, "Betaal ", gewoon(u.bijbetalen), " aan je opleidingsinstelling."));
  }
  if (u.terugbetaling > 0) {
    lijst.push(stap("/terugbetaling/", "Stuur je documenten naar de JoJo/VeVe-coördinatie."));
    lijst.push(stap(null, "Je krijgt ", gewoon(u.terugbetaling), " terug."));
  } else {
    lijst.push(stap(null, "Klaar: je hoeft niets terug te vragen."));
  }
  return lijst;
}

function documenten(u, teksten, link) {
  if (!u.documenten.length) return null;
  return [
    el("h3", {}, "Deze documenten stuur je naar de JoJo/VeVe-coördinatie"),
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
    el("h3", {}, "Let op"),
    el("ul", { class: "waarschuwingen" }, u.waarschuwingen.map((id) => {
      const tekst = teksten.waarschuwingen[id] || { titel: id, uitleg: "" };
      return el("li", { dataset: { waarschuwing: id } },
        el("strong", {}, tekst.titel), ". ", tekst.uitleg,
        tekst.link ? [" ", el("a", { class: "meer", href: link(tekst.link) }, "Meer uitleg")] : []);
    })),
  ];
}

function antwoordenLijst(antwoorden) {
  if (!antwoorden || !antwoorden.length) return null;
  return el("details", { class: "resultaat-antwoorden", open: true },
    el("summary", {}, "Jouw antwoorden"),
    el("dl", {}, antwoorden.map(([vraag, antwoord]) => el("div", {}, el("dt", {}, vraag), el("dd", {}, antwoord)))));
}

function regels(u) {
  if (!u.regels) return null;
  const datum = (iso) => String(iso).split("-").reverse().join("-");
  return el("p", { class: "resultaat-regels" },
    `Berekend met de regels van ${datum(u.regels.start)}`,
    u.regels.gecontroleerd_op ? `, laatst gecontroleerd op ${datum(u.regels.gecontroleerd_op)}` : "",
    ". Het WSE-loket en de JoJo/VeVe-coördinatie beslissen over je aanvraag.");
}
