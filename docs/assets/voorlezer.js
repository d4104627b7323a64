// Read aloud, "Lees voor" (issue 13): the buttons and the reading. Under each step of
// /stappenplan/ (a step runs from its h2 to the next h2) and under the title of every other page,
// a button reads that part aloud with the browser's own speech (Web Speech API), on a tap only.
//   - Loaded by voorlezen.js (on every page) only where a suitable voice exists, so a device
//     without one downloads nothing more and shows no button (/toegankelijkheid/#voorlezen).
//   - Only a voice on this device (localService) with a tag of the page's language: Dutch (nl,
//     nl-BE, nl-NL, Android's nl_BE), nl-BE first (the "stem" of the texts). A network voice such as Chrome's "Google Nederlands" sends the text to
//     a company's server: never used, even as the only Dutch voice. Voices that change later
//     ("voiceschanged") add or remove the buttons.
//   - One utterance per sentence (Chrome's voices stop after about 15 s); the sentence being read
//     is highlighted (CSS Custom Highlight API, else an outline on its block) and kept on screen.
//   - Pause cancels and remembers the sentence (speechSynthesis.pause() is unreliable in Chrome);
//     "Lees verder" reads it again from its start. Stop, or Escape, ends the reading.
//   - Every word on the buttons comes from talen/<taal>/site.json (#site-teksten, sitebuild/teksten.py).

const spraak = window.speechSynthesis;
const artikel = document.querySelector("article.md-content__inner");
let t = null;
try {
  t = JSON.parse(document.getElementById("site-teksten").textContent).voorlezen;
} catch { /* no texts, no buttons */ }

// "bv." or "max." ends no sentence (the abbreviations are in the texts: they differ per language)
const afkorting = t?.afkortingen?.length
  ? new RegExp(`(^|[\\s(])(${t.afkortingen.map((a) => a.replace(/\./g, "\\.")).join("|")})$`, "i") : null;
const vul = (tekst, waarden) => tekst.replace(/\{(\w+)\}/g, (_, k) => waarden[k] ?? "");

// Material Design icons (Apache 2.0, as in the theme): speaker, pause, play, stop
const ICOON = {
  lees_voor: "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 7.97v8.05c1.48-.73 2.5-2.25 2.5-4.02zM14 3.23v2.06c2.89.86 5 3.54 5 6.71s-2.11 5.85-5 6.71v2.06c4.01-.91 7-4.49 7-8.77s-2.99-7.86-7-8.77z",
  pauzeer: "M6 19h4V5H6v14zm8-14v14h4V5h-4z",
  lees_verder: "M8 5v14l11-7z",
  stop: "M6 6h12v12H6z",
};

// The page's language (<html lang="nl">) and its preferred variant from the texts ("nl-BE").
const taal = new RegExp(`^${document.documentElement.lang.replace(/[^a-z].*/i, "")}([-_]|$)`, "i");
const variant = new RegExp(`^${(t?.stem || "").replace(/[^\w-]/g, "").replace("-", "[-_]")}\\b`, "i");

function kiesStem() {
  const lokaal = spraak.getVoices().filter((s) => s.localService === true && taal.test(s.lang));
  return lokaal.find((s) => variant.test(s.lang)) || lokaal[0] || null;
}

// A sentence never runs from one block into the next. Not read: our buttons and other controls
// (a glossary word's button is read as a word), navigation (steps, languages), permalinks, drawings, and
// whatever is hidden (a closed explanation of a glossary word, a closed <details>).
const BLOK = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,figcaption,legend,label,summary,blockquote,pre,"
  + "div,figure,table,tr,ul,ol,dl,details,fieldset,form,section,article,.begrip-uitleg";
const WEG = "script,style,noscript,template,svg,img,input,select,textarea,progress,button:not(.begrip),"
  + "nav,.headerlink,.illustratie-hint,.voorlezen,[hidden],[aria-hidden=true]";
const weg = (el) => el.matches(WEG) || (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true }));

/** The sentences of these elements: the text to speak, and a Range for each text node it is
    made of (a sentence can run around a hidden explanation, which must not be highlighted). */
function zinnen(elementen) {
  const uit = [];
  let blok = null;
  let stukken = [];  // the text nodes of the current block: {knoop, begin}
  let tekst = "";
  const sluit = () => {
    const grenzen = [0];
    for (const m of tekst.matchAll(/[.!?…؟]+["'”’»)\]]*(?=\s)/g)) {
      const voor = tekst.slice(Math.max(0, m.index - 12), m.index);
      if (m[0] !== "." || !afkorting?.test(voor)) grenzen.push(m.index + m[0].length);
    }
    grenzen.push(tekst.length);
    for (let k = 1; k < grenzen.length; k++) {
      let a = grenzen[k - 1];
      let b = grenzen[k];
      while (a < b && /\s/.test(tekst[a])) a++;
      while (b > a && /\s/.test(tekst[b - 1])) b--;
      const gesproken = tekst.slice(a, b).replace(/\u00ad/g, "").replace(/\s+/g, " ");
      if (!/[\p{L}\p{N}]/u.test(gesproken)) continue;
      const delen = [];
      for (const { knoop, begin } of stukken) {
        const van = Math.max(a, begin) - begin;
        const tot = Math.min(b, begin + knoop.length) - begin;
        if (tot <= van) continue;
        const deel = document.createRange();
        deel.setStart(knoop, van);
        deel.setEnd(knoop, tot);
        delen.push(deel);
      }
      uit.push({ tekst: gesproken, delen, blok });
    }
    stukken = [];
    tekst = "";
  };
  for (const el of elementen) {
    if (weg(el)) continue;
    const lopen = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === 3 || n.tagName === "BR" ? NodeFilter.FILTER_ACCEPT
        : weg(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP),
    });
    for (let n = lopen.nextNode(); n; n = lopen.nextNode()) {
      if (n.nodeType !== 3) { sluit(); continue; }  // <br>: a new line, a new sentence
      const b = n.parentElement.closest(BLOK);
      if (b !== blok) { sluit(); blok = b; }
      stukken.push({ knoop: n, begin: tekst.length });
      tekst += n.data;
    }
  }
  sluit();
  return uit;
}

let stem = null;
let groepen = [];
let actief = null;  // {groep, zinnen, i, pauze, u}
let beurt = 0;      // one more at every start, pause and stop: an older utterance's events are ignored
let omlijnd = null; // the block outlined where CSS.highlights is missing
const markeren = window.CSS && CSS.highlights && typeof Highlight === "function";

function markeer(zin) {
  if (markeren) CSS.highlights.delete("voorlezen");
  omlijnd?.classList.remove("voorlezen-blok");
  omlijnd = null;
  if (!zin) return;
  if (markeren) CSS.highlights.set("voorlezen", new Highlight(...zin.delen));
  else (omlijnd = zin.blok)?.classList.add("voorlezen-blok");
  const vakken = zin.delen.map((d) => d.getBoundingClientRect()).filter((v) => v.height);
  if (!vakken.length) return;
  const top = Math.min(...vakken.map((v) => v.top));
  const boven = document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0;
  if (top < boven || Math.max(...vakken.map((v) => v.bottom)) > innerHeight) {
    const rustig = matchMedia("(prefers-reduced-motion: reduce)").matches;
    scrollBy({ top: top - boven - (innerHeight - boven) / 3, behavior: rustig ? "auto" : "smooth" });
  }
}

function spreek() {
  const a = actief;
  const nu = ++beurt;
  const zin = a.zinnen[a.i];
  if (!zin) return stop();
  markeer(zin);
  const u = new SpeechSynthesisUtterance(zin.tekst);
  u.voice = stem;
  u.lang = stem.lang.replace("_", "-");
  u.onend = () => { if (nu === beurt) { a.i++; spreek(); } };
  u.onerror = () => { if (nu === beurt) stop(); };
  a.u = u;  // keep it: Chrome may forget an utterance nobody refers to, and never end it
  spraak.speak(u);
}

function stop() {
  beurt++;
  spraak.cancel();
  markeer(null);
  const g = actief?.groep;
  actief = null;
  if (g) toon(g);
}

/** Label, name and icon of a group's buttons for its state; Stop only while it reads or pauses. */
function toon(g) {
  const bezig = actief?.groep === g;
  const stand = !bezig ? "lees_voor" : actief.pauze ? "lees_verder" : "pauzeer";
  g.knop.querySelector("path").setAttribute("d", ICOON[stand]);
  g.knop.lastChild.textContent = t[stand];
  if (g.stap) g.knop.setAttribute("aria-label", vul(t.met_stap, { knop: t[stand], stap: g.stap }));
  if (!bezig && g.stop.contains(document.activeElement)) g.knop.focus();
  g.stop.hidden = !bezig;
}

function maakGroep(na, elementen, stap) {
  const el = document.createElement("div");
  el.className = "voorlezen";
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", stap ? vul(t.met_stap, { knop: t.groep, stap }) : t.groep);
  const knop = '<svg viewBox="0 0 24 24" aria-hidden="true"><path/></svg><span></span>';
  el.innerHTML = `<button type="button" class="md-button voorlezen-knop">${knop}</button>`
    + `<button type="button" class="md-button voorlezen-stop" hidden>${knop}</button>`;
  const g = { el, knop: el.children[0], stop: el.children[1], stap, elementen };
  g.stop.querySelector("path").setAttribute("d", ICOON.stop);
  g.stop.lastChild.textContent = t.stop;
  g.knop.addEventListener("click", () => {
    if (actief?.groep === g) {
      actief.pauze = !actief.pauze;
      if (actief.pauze) {
        beurt++;
        spraak.cancel();
      }
      toon(g);
      if (!actief.pauze) spreek();
      return;
    }
    stop();
    const lijst = stem ? zinnen(elementen()) : [];
    if (!lijst.length) return;
    actief = { groep: g, zinnen: lijst, i: 0, pauze: false };
    toon(g);
    spreek();
  });
  g.stop.addEventListener("click", stop);
  na.after(el);
  toon(g);
  return g;
}

function plaats() {
  const stappen = [...artikel.querySelectorAll(":scope > h2[id^='stap-']")];
  for (const h2 of stappen) {
    groepen.push(maakGroep(h2, () => {
      const lijst = [h2];
      for (let e = h2.nextElementSibling; e && e.tagName !== "H2"; e = e.nextElementSibling) lijst.push(e);
      return lijst;
    }, h2.id.slice(5)));
  }
  const h1 = artikel.querySelector("h1");
  if (!stappen.length && h1) {  // the page from its title on (not the language links above it)
    groepen.push(maakGroep(h1, () => {
      const lijst = [];
      for (let e = h1; e; e = e.nextElementSibling) lijst.push(e);
      return lijst;
    }, null));
  }
}

function bijwerken() {
  stem = kiesStem();
  if (stem && !groepen.length) plaats();
  if (!stem && groepen.length) {
    stop();
    for (const g of groepen) g.el.remove();
    groepen = [];
  }
}

if (spraak && window.SpeechSynthesisUtterance && artikel && t) {
  bijwerken();
  spraak.addEventListener("voiceschanged", bijwerken);
  document.addEventListener("keydown", (e) => {
    const focus = document.activeElement;
    if (e.key === "Escape" && actief && (focus === document.body || actief.groep.el.contains(focus))) stop();
  });
  addEventListener("pagehide", () => { if (actief) stop(); });
}
