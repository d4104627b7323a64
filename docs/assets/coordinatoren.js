// Copy buttons and the print button of the coordinators' pages.
// Works without instant navigation (off in this site); a full page load runs it again.

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
    try {
      await kopieer(knop.dataset.kopieer);
      knop.textContent = "Gekopieerd";
      toon(`De link is gekopieerd: ${knop.dataset.kopieer}`);
      setTimeout(() => { knop.textContent = "Kopieer link"; }, 3000);
    } catch {
      toon("Kopiëren lukte niet. Houd je vinger op de link en kies 'Link kopiëren'.");
    }
    return;
  }
  if (event.target.closest("[data-afdrukken]")) window.print();
});
