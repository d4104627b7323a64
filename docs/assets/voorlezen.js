// "Lees voor" (issue 13): loads the read-aloud buttons (voorlezer.js, which says more) only where
// the browser has a Dutch voice on the device itself; a network voice does not count.
const spraak = window.speechSynthesis;

function kijk() {
  if (!spraak.getVoices().some((s) => s.localService === true && /^nl([-_]|$)/i.test(s.lang))) return;
  spraak.removeEventListener("voiceschanged", kijk);
  import("./voorlezer.js");
}

if (spraak && window.SpeechSynthesisUtterance && document.getElementById("site-teksten")) {
  spraak.addEventListener("voiceschanged", kijk);  // voices often arrive after the page
  kijk();
}
