// Hard words explained in place. The build (sitebuild/woordenlijst.py) makes the first use of a
// glossary word a link to its entry, followed by its explanation, hidden. Here the link becomes a
// real button: a tap, Enter or Space shows the explanation right after the word (aria-expanded
// tells a screen reader), Escape closes it and puts the focus back on the word. Without
// JavaScript the link simply opens the entry on /woordenlijst/. No title or abbr tooltips: they
// open on hover only and cannot be reached by touch or keyboard.

function knop(link) {
  const uitleg = document.getElementById(link.nextElementSibling?.id || "");
  if (!uitleg || !uitleg.classList.contains("begrip-uitleg")) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "begrip";
  button.dataset.begrip = link.dataset.begrip;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", uitleg.id);
  button.textContent = link.textContent;
  link.replaceWith(button);
  const zet = (open) => {
    uitleg.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => zet(uitleg.hidden));
  const sluit = (event) => {
    if (event.key !== "Escape" || uitleg.hidden) return;
    event.preventDefault();
    event.stopPropagation();  // the theme's search or a dialog must not close as well
    zet(false);
    button.focus();
  };
  button.addEventListener("keydown", sluit);
  uitleg.addEventListener("keydown", sluit);
}

// A module runs once the page is parsed; instant navigation is off (mkdocs.yml), so once is enough.
for (const link of document.querySelectorAll("article a.begrip")) knop(link);
