// Copy buttons and the print button of the coordinators' pages.
// Works without instant navigation (off in this site); a full page load runs it again.
// Its words come from the page's texts (#site-teksten, talen/<taal>/site.json "kopieren").

const blok = document.getElementById("site-teksten");
const t = (blok && JSON.parse(blok.textContent).kopieren) || {};

function toon(melding) {
  const status = document.querySelector(".kopieer-status");
  if (status) status.textContent = melding;
}

async function kopieer(tekst) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(tekst);
    return;
  }
  // Plain http on a LAN is not a secure context: fall back to a hidden text field.
  const veld = document.createElement("textarea");
  veld.value = tekst;
  veld.setAttribute("readonly", "");
  veld.className = "kopieer-verborgen";
  document.body.append(veld);
  veld.select();
  const gelukt = document.execCommand("copy");
  veld.remove();
  if (!gelukt) throw new Error("kopiëren mislukt");
}

document.addEventListener("click", async (event) => {
  const knop = event.target.closest("[data-kopieer]");
  if (knop) {
    knop.dataset.label ??= knop.textContent;  // the button's own words, in the page's language
    try {
      await kopieer(knop.dataset.kopieer);
      if (t.gekopieerd) knop.textContent = t.gekopieerd;
      toon((t.gelukt || "").replace("{link}", knop.dataset.kopieer));
      setTimeout(() => { knop.textContent = knop.dataset.label; }, 3000);
    } catch {
      toon(t.mislukt || "");
    }
    return;
  }
  if (event.target.closest("[data-afdrukken]")) window.print();
});
