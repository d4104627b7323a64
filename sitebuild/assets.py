"""Our own stylesheets and scripts under content-hashed names, as the theme's are.

The service worker serves every file that is not a page from its cache first. With fixed names,
the first page view after a deploy mixed builds: new HTML with last week's stijl.css and
rekenhulp/*.js. A name that changes with the content cannot be stale: a new build links new
names, and the cache still holds the old ones only for pages of the old build.

A script's hash covers the hashed names of the modules it imports, so a change deep down (say
laden.mjs) renames every script that leads to it. Pages and scripts refer to each other by
relative paths; only the file name part is rewritten.

Our stylesheets go out without their comments and extra whitespace (minify_css): the comments
say why a rule is there for whoever edits docs/assets/, and a phone on capped data need not
download them (Lighthouse flags the difference as unminified CSS).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2
from tinycss2.ast import CurlyBracketsBlock, FunctionBlock, LiteralToken, ParenthesesBlock, \
    SquareBracketsBlock, WhitespaceToken

OWN_ASSETS = ("assets/stijl.css", "assets/offline.js", "assets/coordinatoren.js", "assets/vergroten.js",
              "assets/begrippen.js", "assets/voorlezen.js", "assets/voorlezer.js", "assets/rekenhulp")
_SUFFIXES = (".css", ".js", ".mjs")
# "./client.js" in `import ... from`, `import("...")` and `new URL("...", import.meta.url)`
_MODULE_REFERENCE = re.compile(r"""(["'])\./([\w-]+\.(?:m?js))\1""")


# Around these a space never changes meaning; around anything else (`a :hover`, `calc(1px + 2px)`)
# one space stays.
_ZONDER_SPATIE = {";", ",", "{", "}", ">"}


def _compact(tokens: list) -> list:
    uit = []
    for token in tokens:
        if isinstance(token, (CurlyBracketsBlock, ParenthesesBlock, SquareBracketsBlock)):
            token.content = _compact(token.content)
        elif isinstance(token, FunctionBlock):
            token.arguments = _compact(token.arguments)
        if isinstance(token, WhitespaceToken):
            if not uit or _grens(uit[-1]):
                continue  # at the start, or after a token that needs no space after it
            token.value = " "
        elif _grens(token) and uit and isinstance(uit[-1], WhitespaceToken):
            uit.pop()  # before a token that needs no space before it
        uit.append(token)
    if uit and isinstance(uit[-1], WhitespaceToken):
        uit.pop()
    return uit


def _grens(token) -> bool:
    return isinstance(token, CurlyBracketsBlock) or (
        isinstance(token, LiteralToken) and token.value in _ZONDER_SPATIE)


def minify_css(css: str) -> str:
    """The stylesheet without comments, with whitespace cut to what the syntax needs."""
    return tinycss2.serialize(_compact(tinycss2.parse_component_value_list(css, skip_comments=True)))


def own_assets(site: Path) -> list[Path]:
    paden = []
    for naam in OWN_ASSETS:
        pad = site / naam
        if pad.is_dir():
            paden += sorted(p for p in pad.iterdir() if p.suffix in _SUFFIXES)
        elif pad.is_file():
            paden.append(pad)
    return paden


def hashed_name(pad: Path, inhoud: bytes) -> str:
    return f"{pad.stem}.{hashlib.sha256(inhoud).hexdigest()[:8]}{pad.suffix}"


def hash_own_assets(site: Path) -> dict[str, str]:
    """Rename our CSS and JS to name.<hash>.ext and rewrite every reference; old -> new site paths."""
    bestanden = {p: p.read_text(encoding="utf-8") for p in own_assets(site)}
    for pad in bestanden:
        if pad.suffix == ".css":
            bestanden[pad] = minify_css(bestanden[pad])
    per_map: dict[Path, dict[str, Path]] = {}
    for pad in bestanden:
        per_map.setdefault(pad.parent, {})[pad.name] = pad
    nieuw: dict[Path, str] = {}  # path -> hashed file name

    def verwijzingen(pad: Path) -> list[Path]:
        buren = per_map[pad.parent]
        return [buren[m.group(2)] for m in _MODULE_REFERENCE.finditer(bestanden[pad]) if m.group(2) in buren]

    bezig: set[Path] = set()

    def hernoem(pad: Path) -> str:
        if pad in nieuw:
            return nieuw[pad]
        if pad in bezig:
            raise ValueError(f"{pad.name}: scripts that import each other in a circle")
        bezig.add(pad)
        for dep in verwijzingen(pad):
            hernoem(dep)
        buren = per_map[pad.parent]
        tekst = _MODULE_REFERENCE.sub(
            lambda m: f"{m.group(1)}./{nieuw[buren[m.group(2)]]}{m.group(1)}" if m.group(2) in buren else m.group(0),
            bestanden[pad])
        bestanden[pad] = tekst
        nieuw[pad] = hashed_name(pad, tekst.encode("utf-8"))
        return nieuw[pad]

    for pad in list(bestanden):
        hernoem(pad)
    hernoemd = {}
    for pad, tekst in bestanden.items():
        doel = pad.with_name(nieuw[pad])
        doel.write_text(tekst, encoding="utf-8")
        pad.unlink()
        hernoemd[pad.relative_to(site).as_posix()] = doel.relative_to(site).as_posix()
    _rewrite_pages(site, hernoemd)
    return hernoemd


def _rewrite_pages(site: Path, hernoemd: dict[str, str]) -> None:
    """Every href/src in every page that points at a renamed file (by whatever relative path)."""
    patroon = re.compile(r"""((?:href|src)=["'])((?:[^"'#?]*/)?)(""" + "|".join(
        re.escape(oud) for oud in sorted(hernoemd, key=len, reverse=True)) + r""")(["'#?])""")
    for html in site.rglob("*.html"):
        tekst = html.read_text(encoding="utf-8")
        nieuw = patroon.sub(lambda m: m.group(1) + m.group(2) + hernoemd[m.group(3)] + m.group(4), tekst)
        if nieuw != tekst:
            html.write_text(nieuw, encoding="utf-8")
