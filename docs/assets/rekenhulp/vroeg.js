// Starts the rekenhulp's worker, and with it the downloads of the runtime, as soon as the
// calculator's first tag is parsed: an async module right after it, long before the rest of the
// page (and the theme's script) is parsed and the page script (rekenhulp.js, at the end of the
// calculator) can run. rekenhulp.js takes this worker over (client.js: neemVroegeClient), with
// whatever it already said and every answer still to come. On slow 4G and 4x CPU that is about
// half a second earlier (benchmarks/tijdlijn.py).

import { startUrls, startVroeg } from "./client.js";

const wortel = document.getElementById("rekenhulp-vak");
if (wortel && typeof WebAssembly === "object") {
  startVroeg({
    workerUrl: new URL("./worker.mjs", import.meta.url),
    start: startUrls(wortel),
    stallMs: Number(wortel.dataset.stallMs) || 30000,
  });
}
