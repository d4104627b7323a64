// Drawings open large: a tap on a drawing (a.illustratie-zoom, templates/illustratie.md.j2)
// opens it in a dialog over the whole screen instead of the bare SVG file.
//   - as wide as the screen, pinch to zoom (the page's own zoom), and buttons for larger and
//     smaller for who cannot pinch or uses a keyboard; the drawing scrolls in its own box;
//   - closes with its close button ("Sluiten"), Escape and the back gesture or button (the dialog
//     has its own history entry, so "back" never leaves the page, also in the app on the home screen);
//   - a <dialog> opened with showModal(): the browser keeps the focus inside and screen readers
//     announce a dialog, named after the drawing's caption; focus returns to the drawing after.
// Without JavaScript the link still opens the SVG file itself.
// Its words come from the page's texts (#site-teksten, talen/<taal>/site.json "vergroten").

const blok = document.getElementById("site-teksten");
const t = (blok && JSON.parse(blok.textContent).vergroten) || {};

const ZOOM = [1, 1.5, 2, 3];
let dialoog = null;
let herkomst = null;
let stand = 0;

function maakDialoog() {
  const d = document.createElement("dialog");
  d.className = "vergroting md-typeset";
  d.setAttribute("aria-labelledby", "vergroting-titel");
  d.innerHTML = `
    <div class="vergroting-balk">
      <p class="vergroting-titel" id="vergroting-titel"></p>
      <div class="vergroting-knoppen">
        <button type="button" class="md-button" data-zoom="-1">−</button>
        <button type="button" class="md-button" data-zoom="1">+</button>
        <button type="button" class="md-button md-button--primary" data-sluit autofocus></button>
      </div>
    </div>
    <div class="vergroting-vak" tabindex="0" role="region">
      <img alt="" decoding="async">
    </div>`;
  d.querySelector("[data-zoom='-1']").setAttribute("aria-label", t.kleiner || "−");
  d.querySelector("[data-zoom='1']").setAttribute("aria-label", t.groter || "+");
  d.querySelector("[data-sluit]").textContent = t.sluiten || "×";
  d.querySelector(".vergroting-vak").setAttribute("aria-label", t.vak || "");
  d.querySelector("[data-sluit]").addEventListener("click", () => d.close());
  for (const knop of d.querySelectorAll("[data-zoom]")) {
    knop.addEventListener("click", () => zoom(stand + Number(knop.dataset.zoom)));
  }
  d.addEventListener("close", () => {
    const terug = herkomst;
    herkomst = null;
    const focus = () => { if (terug && terug.isConnected) terug.focus({ preventScroll: true }); };
    if (history.state && history.state.vergroting) {
      // closed here, not by "back": take its history entry away again; the browser moves the
      // focus to the page when it goes back, so the drawing gets it after that
      window.addEventListener("popstate", () => setTimeout(focus, 0), { once: true });
      history.back();
    } else {
      focus();
    }
  });
  document.body.append(d);
  return d;
}

function zoom(nieuw) {
  stand = Math.max(0, Math.min(ZOOM.length - 1, nieuw));
  const vak = dialoog.querySelector(".vergroting-vak");
  // keep the middle of what is on screen in the middle
  const midX = (vak.scrollLeft + vak.clientWidth / 2) / Math.max(vak.scrollWidth, 1);
  const midY = (vak.scrollTop + vak.clientHeight / 2) / Math.max(vak.scrollHeight, 1);
  dialoog.style.setProperty("--zoom", String(ZOOM[stand]));
  vak.scrollLeft = midX * vak.scrollWidth - vak.clientWidth / 2;
  vak.scrollTop = midY * vak.scrollHeight - vak.clientHeight / 2;
  dialoog.querySelector("[data-zoom='-1']").disabled = stand === 0;
  dialoog.querySelector("[data-zoom='1']").disabled = stand === ZOOM.length - 1;
}

function bijschrift(link) {
  const figcaption = link.closest("figure")?.querySelector("figcaption");
  if (!figcaption) return t.tekening || "";
  const kopie = figcaption.cloneNode(true);
  for (const hint of kopie.querySelectorAll(".illustratie-hint")) hint.remove();
  return kopie.textContent.trim() || t.tekening || "";
}

function open(link) {
  dialoog = dialoog || maakDialoog();
  herkomst = link;
  const klein = link.querySelector("img");
  const groot = dialoog.querySelector("img");
  groot.src = link.href;
  groot.alt = klein ? klein.alt : "";
  for (const maat of ["width", "height"]) {
    if (klein && klein.getAttribute(maat)) groot.setAttribute(maat, klein.getAttribute(maat));
  }
  dialoog.querySelector(".vergroting-titel").textContent = bijschrift(link);
  zoom(0);
  dialoog.showModal();
  dialoog.querySelector(".vergroting-vak").scrollTo(0, 0);
  history.pushState({ ...(history.state || {}), vergroting: true }, "");
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a.illustratie-zoom");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey || typeof HTMLDialogElement !== "function") return;
  event.preventDefault();
  open(link);
});

// The theme's keyboard shortcuts (n, p, s, /: on window) must not act on the page behind the
// dialog; the keys' own actions (Tab, Enter, Escape, arrows) still happen.
window.addEventListener("keydown", (event) => {
  if (dialoog && dialoog.open) event.stopPropagation();
}, true);

// "back" (gesture, button, Alt+Left) closes the dialog instead of leaving the page
window.addEventListener("popstate", () => {
  if (dialoog && dialoog.open) dialoog.close();
});

for (const link of document.querySelectorAll("a.illustratie-zoom")) link.setAttribute("aria-haspopup", "dialog");

// after a reload with the dialog open, its history entry is an ordinary one again
if (history.state && history.state.vergroting) history.replaceState({ ...history.state, vergroting: false }, "");
