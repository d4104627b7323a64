"""The words our page scripts show (button labels ...), from talen/<taal>/site.json.

Page scripts never carry their own words: the build puts the texts a page's scripts need into
the page as a JSON data block, <script type="application/json" id="site-teksten">, which the
scripts read. A translation is another talen/<taal>/site.json with the same keys. A JSON data
block is not executed, so it needs no hash in the Content-Security-Policy (sitebuild/csp.py).
"""

from __future__ import annotations

import json

from .woordenlijst import site_texts  # the one reader of talen/<taal>/site.json

# script (as the page refers to it) -> the groups of texts in site.json it reads
SCRIPTS = {
    "assets/voorlezen.js": ("voorlezen",),
    "assets/rekenhulp/controle.js": ("controle",),
    "assets/coordinatoren.js": ("kopieren",),
    "assets/vergroten.js": ("vergroten",),
}
ID = "site-teksten"


def texts_for(html: str, taal: str = "nl") -> dict:
    """The groups of texts the scripts this page loads need (empty when it loads none of them).
    A group a language does not have yet is left out: its script then shows nothing."""
    alles = site_texts(taal)
    return {groep: alles[groep] for script, groepen in SCRIPTS.items() if script in html
            for groep in groepen if groep in alles}


def embed_texts(html: str, taal: str = "nl") -> str:
    """The page with its scripts' texts as a JSON data block before </body> (unchanged when none)."""
    teksten = texts_for(html, taal)
    if not teksten or "</body>" not in html:
        return html
    data = json.dumps(teksten, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    blok = f'<script type="application/json" id="{ID}">{data}</script>\n'
    i = html.rindex("</body>")
    return html[:i] + blok + html[i:]
