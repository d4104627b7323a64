// "Lees voor" (issue 13): loads the read-aloud buttons (voorlezer.js, which says more) only where
// the browser has a voice for the page's language (Dutch: nl, nl-BE, nl-NL, Android's nl_BE) on
// the device itself; a network voice does not count.
const spraak = window.speechSynthesis;
const taal = new RegExp(`^${document.documentElement.lang.replace(/[^a-z].*/i, "")}([-_]|$)`, "i");

function kijk() {
  if (!spraak.getVoices().some((s) => s.localService === true && taal.test(s.lang))) return;
  spraak.removeEventListener("voiceschanged", kijk);
  import("./voorlezer.js");
}

if (spraak && window.SpeechSynthesisUtterance && document.documentElement.lang
    && document.getElementById("site-teksten")) {
  spraak.addEventListener("voiceschanged", kijk);  // voices often arrive after the page
  kijk();
}
