"""The theme's stylesheets, cut down to the rules that can match something on our pages.

mkdocs-material sends one main.css for every extension it supports (code highlighting, content
tabs, diagrams, keyboard keys, annotations ...) and a palette.css with every colour it offers. A
participant on mobile data pays for all of it on the first visit: about a third of a guide page.

After the build every page is known, so a rule that needs a class no page has and no script can
add, or a colour the site does not use, can never apply. Only those rules go; the rest is kept as
it was, in the theme's order. The result gets its own content hash in its file name, because a
later build can keep other rules (hashed assets are cached for a year).
tests/e2e/test_stylesheets_in_browser.py compares every element's computed style with the theme's own file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2
from tinycss2.ast import IdentToken, LiteralToken, SquareBracketsBlock, StringToken

STYLESHEETS = "assets/stylesheets"
THEME_SHEETS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
_CLASS_ATTR = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)')""")
_COLOUR_ATTR = re.compile(r"""\b(data-md-color-[a-z]+)=["']([^"']*)["']""")
_CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")
# What the theme's script can put in a class attribute: its own md-* names and the literals it
# hands to classList or to the element builder (focus-visible, js, mermaid, tabbed-* ...).
_THEME_SCRIPT_CLASSES = (re.compile(r"\bmd-[\w-]+"),
                         re.compile(r"""classList\.(?:add|remove|toggle|contains)\(\s*["']([\w-]+)["']"""),
                         re.compile(r"""\bclass(?:Name)?:\s*["']([\w\s-]+)["']"""))


def classes_in_use(paginas: list[str], thema_script: str, eigen_scripts: str) -> set[str]:
    """Every class a page has or a script can give it.

    The theme's bundle is read for the class names it can add; our own scripts (which build
    the calculator's answer) count with every word in them, to be safe.
    """
    klassen: set[str] = set()
    for html in paginas:
        for match in _CLASS_ATTR.finditer(html):
            klassen.update((match.group(1) or match.group(2) or "").split())
    for patroon in _THEME_SCRIPT_CLASSES:
        for match in patroon.finditer(thema_script):
            klassen.update((match.group(match.lastindex or 0)).split())
    klassen.update(re.findall(r"[A-Za-z_][\w-]*", eigen_scripts))
    return klassen


def colours_in_use(paginas: list[str]) -> set[tuple[str, str]]:
    """(attribute, value) of every data-md-color-* the pages set (the palette toggle copies them)."""
    return {(m.group(1), m.group(2)) for html in paginas for m in _COLOUR_ATTR.finditer(html)}


def _lees(paden) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paden]


def _own_scripts(site: Path) -> list[Path]:
    theme_or_runtime = {"javascripts", "pyodide", "calculator"}
    return [p for p in (site / "assets").rglob("*") if p.suffix in (".js", ".mjs") and p.is_file()
            and not theme_or_runtime & set(p.relative_to(site / "assets").parts)]


def _scan(css: str, i: int, stops: str) -> int:
    """Index of the first character of `stops` at nesting depth 0 from i on (len(css) if none),
    stepping over strings, escapes, comments and (), [] and {} blocks."""
    diepte = 0
    while i < len(css):
        c = css[i]
        if c == "\\":
            i += 2
            continue
        if c in "\"'":
            j = i + 1
            while j < len(css) and css[j] != c and css[j] != "\n":
                j += 2 if css[j] == "\\" else 1
            i = j + 1
            continue
        if css.startswith("/*", i):
            einde = css.find("*/", i + 2)
            i = len(css) if einde < 0 else einde + 2
            continue
        if diepte == 0 and c in stops:
            return i
        if c in "([{":
            diepte += 1
        elif c in ")]}":
            diepte -= 1
        i += 1
    return len(css)


def _split(css: str, teken: str) -> list[str]:
    """css split at its top-level `teken` (a comma between selectors, a semicolon between declarations)."""
    delen, i = [], 0
    while i <= len(css):
        j = _scan(css, i, teken)
        delen.append(css[i:j])
        i = j + 1
    return delen


def _items(css: str) -> list[tuple[str, str | None]]:
    """The top-level rules of a stylesheet or block, exactly as written: (prelude, body), where
    body is None for a statement such as @import ...; comments between rules are left out."""
    items, i = [], 0
    while True:
        while i < len(css) and (css[i].isspace() or css.startswith("/*", i)):
            if css.startswith("/*", i):
                einde = css.find("*/", i + 2)
                i = len(css) if einde < 0 else einde + 2  # an unclosed comment runs to the end
            else:
                i += 1
        if i >= len(css):
            return items
        j = _scan(css, i, "{;")
        if j >= len(css) or css[j] == ";":
            items.append((css[i:j].strip(), None))
            i = j + 1
            continue
        k = _scan(css, j + 1, "}")
        items.append((css[i:j].strip(), css[j + 1:k]))
        i = k + 1


def _can_match(selector: str, klassen: set[str], kleuren: set[tuple[str, str]]) -> bool:
    """False only when the selector needs a class or a colour that never occurs.

    Classes inside functional pseudo-classes are not judged: `:not(.x)` matches when .x is absent.
    """
    tokens = tinycss2.parse_component_value_list(selector)
    for vorige, token in zip([None, *tokens], tokens):
        if (isinstance(token, IdentToken) and isinstance(vorige, LiteralToken) and vorige.value == "."
                and token.value not in klassen):
            return False
        if isinstance(token, SquareBracketsBlock):
            delen = [t for t in token.content if t.type != "whitespace"]
            if (len(delen) == 3 and isinstance(delen[0], IdentToken)
                    and delen[0].value.startswith("data-md-color-")
                    and isinstance(delen[1], LiteralToken) and delen[1].value == "="
                    and isinstance(delen[2], (IdentToken, StringToken))
                    and (delen[0].value, delen[2].value) not in kleuren):
                return False
    return True


_GROUPING = ("@media", "@supports", "@container", "@layer", "@document")

# The one rule that can match but goes anyway: while the palette switches, the theme sets
# data-md-color-switching on <body> to turn every transition off, with a universal selector
# (`[data-md-color-switching] *`). That selector makes the attribute restyle every element of
# the page, and the theme's start-up sets and removes it once on every page view: two extra
# whole-page style recalculations inside bundle.js's long task (on /stappenplan/ about 730
# elements each; with them gone the start-up restyles 2,400-2,900 element styles instead of
# 4,000-4,400, Chromium's own trace). Without it, a visitor who switches between light
# and dark sees the header and links fade for the theme's 125-250 ms instead of at once.
_TE_DUUR = re.compile(r"^\[data-md-color-switching\](?=[\s>+~])")


def _purge_block(css: str, klassen: set[str], kleuren: set[tuple[str, str]], weg: set[str]) -> str:
    uit = []
    for prelude, body in _items(css):
        if body is None:
            uit.append(prelude + ";")
        elif prelude.lower().startswith(_GROUPING):
            binnen = _purge_block(body, klassen, kleuren, weg)
            if binnen:
                uit.append(f"{prelude}{{{binnen}}}")
        elif prelude.startswith("@"):  # @font-face, @keyframes, @page ...: kept whole
            uit.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in _split(prelude, ",")
                         if _can_match(s, klassen, kleuren) and not _TE_DUUR.match(s.strip())]
            declaraties = [d for d in _split(body, ";")
                           if d.strip() and d.split(":", 1)[0].strip() not in weg]
            if selectors and declaraties:
                uit.append(f"{','.join(selectors)}{{{';'.join(declaraties)}}}")
    return "".join(uit)


def purge(sheets: dict[str, str], klassen: set[str], kleuren: set[tuple[str, str]], elders: str = "",
          scripts: str = "") -> dict[str, str]:
    """The stylesheets without the rules that cannot match, and without the declarations of
    --custom-properties nothing reads any more (the icons of admonition types we do not use ...).
    What stays is the theme's own text, character for character.

    The sheets are judged together (main.css reads what palette.css sets). `elders` is every
    other text that may read a custom property with var() (pages, our stylesheets); in `scripts`
    any --name counts as read.
    """
    weg: set[str] = set()
    gelezen_door_scripts = set(re.findall(r"--[\w-]+", scripts))
    while True:
        uit = {naam: _purge_block(css, klassen, kleuren, weg) for naam, css in sheets.items()}
        alles = "".join(uit.values())
        gebruikt = set(_CUSTOM_PROPERTY_USE.findall(alles + elders)) | gelezen_door_scripts
        ongebruikt = set(re.findall(r"(?<=[{;])\s*(--[\w-]+)\s*:", alles)) - gebruikt
        if not ongebruikt:
            return uit
        weg |= ongebruikt


def purge_theme_stylesheets(site: Path) -> dict[str, str]:
    """Replace the theme's stylesheets in a built site by their purged versions (new names, every
    page's <link> rewritten). Returns old name -> new name."""
    map_ = site / STYLESHEETS
    thema = sorted(p for p in map_.glob("*.min.css") if THEME_SHEETS.match(p.name))
    if not thema:
        return {}
    paden = sorted(site.rglob("*.html"))
    paginas = _lees(paden)
    thema_script = "".join(_lees((site / "assets" / "javascripts").glob("bundle.*.js")))
    eigen_scripts = "".join(_lees(_own_scripts(site)))
    klassen, kleuren = classes_in_use(paginas, thema_script, eigen_scripts), colours_in_use(paginas)
    elders = "".join(paginas) + "".join(_lees(p for p in (site / "assets").rglob("*.css") if p.parent != map_))
    scripts = eigen_scripts + thema_script
    hernoemd = {}
    gesnoeid = purge({p.name: p.read_text(encoding="utf-8") for p in thema}, klassen, kleuren, elders, scripts)
    for oud, css in gesnoeid.items():
        digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
        nieuw = f"{oud.split('.')[0]}.{digest}.min.css"
        (map_ / nieuw).write_text(css, encoding="utf-8")
        hernoemd[oud] = nieuw
    for bestand in thema:
        bestand.unlink()
        bestand.with_name(bestand.name + ".map").unlink(missing_ok=True)
    for pad, oud in zip(paden, paginas):
        tekst = oud
        for van, naar in hernoemd.items():
            tekst = tekst.replace(f"{STYLESHEETS}/{van}", f"{STYLESHEETS}/{naar}")
        if tekst != oud:
            pad.write_text(tekst, encoding="utf-8")
    return hernoemd
