// Read aloud, "Lees voor" (issue 13), on every page: loads the buttons (voorlezer.js) only where
// the browser has a Dutch voice of its own (localService; nl, nl-BE, nl-NL or Android's nl_BE).
// A network voice such as Chrome's "Google Nederlands" sends the text to a company's server, so
// it does not count. Voices often arrive after the page: we wait for "voiceschanged". No such
// voice, no buttons and nothing more to download (/toegankelijkheid/#voorlezen says why).

const spraak = window.speechSynthesis;

function kijk() {
  if (!spraak.getVoices().some((s) => s.localService === true && /^nl([-_]|$)/i.test(s.lang))) return;
  spraak.removeEventListener("voiceschanged", kijk);
  import("./voorlezer.js");
}

if (spraak && window.SpeechSynthesisUtterance && document.getElementById("site-teksten")) {
  spraak.addEventListener("voiceschanged", kijk);
  kijk();
}
