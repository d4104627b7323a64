"""The glossary: one data file per language (talen/<taal>/woordenlijst.yaml) makes both the page
/woordenlijst/ and the explanation that opens where a hard word first appears on a page, so the
two can never disagree.

Why at the build and not in the browser: without JavaScript the word is still a plain link to its
entry, the explanation is in the page (no request when it opens, offline too), and a test can
check every built page. The search index is made before on_post_page, so it keeps the plain text.

Where a word counts as "used": text in the article that a reader meets as prose (paragraphs, list
items, table cells, notes). Not in headings, table headers, small print (the theme dims it,
and an explanation in it would be too pale), forms (a keyboard user tabs from field to
field), links, buttons, form labels, code or drawings: a
button cannot sit inside a link, a label or a heading. On /stappenplan/ every step is its own
part: coordinators send a link to one step, so a word is explained again in each step that uses
it; elsewhere once per page.
"""

from __future__ import annotations

import functools
import html as html_lib
import posixpath
import re
import unicodedata
from pathlib import Path

from .layout import ROOT

TALEN = ROOT / "talen"
PAGINA = "woordenlijst/"
ANCHOR_RULE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Elements whose text is never marked (see the module docstring).
_SKIP = {"a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "svg",
         "label", "legend", "summary", "select", "option", "textarea", "noscript", "template", "title",
         "nav", "figure", "kbd", "dialog", "th", "caption", "small", "form"}
_SKIP_CLASSES = {"admonition-title", "begrip-uitleg", "laadstatus", "deeplink-titel", "vertaling-melding"}
_SKIP_IDS = {"resultaat", "fouten"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TOKEN = re.compile(r"<!--.*?-->|<[^>]+>|[^<]+", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_ATTR_CLASS = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_ATTR_ID = re.compile(r"""\bid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
_STEP_HEADING = re.compile(r"""<h2\b[^>]*\bid=["']stap-""")


def anchor_for(woord: str) -> str:
    """The anchor rule of the URL contract: lowercase, hyphens, no accents."""
    zonder = unicodedata.normalize("NFKD", woord).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", zonder.lower()).strip("-")


@functools.lru_cache(maxsize=None)
def load(taal: str = "nl") -> tuple[dict, ...]:
    """The entries as written in the data file (uitleg and voorbeeld still jinja2 sources)."""
    import yaml
    data = yaml.safe_load((TALEN / taal / "woordenlijst.yaml").read_text(encoding="utf-8"))
    woorden = []
    for item in data["woorden"]:
        item = dict(item)
        item.setdefault("vormen", [item["woord"]])
        woorden.append(item)
    return tuple(woorden)


@functools.lru_cache(maxsize=None)
def site_texts(taal: str = "nl") -> dict:
    """The texts the site's own scripts and build steps show (talen/<taal>/site.json)."""
    import json
    return json.loads((TALEN / taal / "site.json").read_text(encoding="utf-8"))


def sort_key(woord: str) -> str:
    return anchor_for(woord)


def rendered(context: dict, taal: str = "nl") -> list[dict]:
    """The entries with their texts filled in from the rules (the same context as every page),
    sorted as a reader looks them up: alphabetically, ignoring case and accents."""
    from .content import _markdown_env
    env = _markdown_env()

    def vul(tekst):
        # folded YAML lines joined; a no-break space (€ 250) stays
        return re.sub(r"[ \t\r\n]+", " ", env.from_string(tekst).render(**context)).strip() if tekst else ""

    woorden = []
    for item in load(taal):
        # a translation keeps the Dutch word the participant meets, with its translation after it
        # (not a name that stays the same in every language: "AGODI (AGODI)")
        vertaling = item.get("vertaling")
        anders = vertaling and vertaling.casefold() != item["woord"].casefold()
        kop = f'{item["woord"]} ({vertaling})' if anders else item["woord"]
        woorden.append({**item, "woord": kop, "woord_nl": item["woord"],
                        "uitleg": vul(item["uitleg"]), "voorbeeld": vul(item.get("voorbeeld")),
                        "tekening": item.get("tekening", ""), "tekening_alt": vul(item.get("tekening_alt"))})
    return sorted(woorden, key=lambda w: sort_key(w["woord_nl"]))


def _pattern(woorden: list[dict]) -> re.Pattern:
    vormen = sorted({v for w in woorden for v in w["vormen"]}, key=len, reverse=True)
    alternatief = "|".join(re.escape(v) for v in vormen)
    # a whole word: no letter, digit or hyphen right before or after (VeVe-coördinatie is not VeVe),
    # and not part of an address (www.agodi.be, info@edenred.be)
    return re.compile(rf"(?<![\w./@-])(?:{alternatief})(?![\w@-]|[./]\w)", re.I)


def _attr(pattern: re.Pattern, attrs: str) -> str:
    m = pattern.search(attrs)
    return next((g for g in m.groups() if g is not None), "") if m else ""


class _Marker:
    """Marks the first use of each word in a part of one page."""

    def __init__(self, woorden: list[dict], page_url: str, teksten: dict):
        self.pattern = _pattern(woorden)
        self.by_form = {v.lower(): w for w in woorden for v in w["vormen"]}
        depth = len([d for d in posixpath.dirname(page_url.rstrip("/") + "/").split("/") if d])
        self.href = "../" * depth + PAGINA
        self.teksten = teksten
        self.used: set[str] = set()
        self.count = 0

    def new_part(self):
        self.used = set()

    def mark(self, text: str) -> str:
        def vervang(m: re.Match) -> str:
            woord = self.by_form[m.group(0).lower()]
            if woord["anker"] in self.used:
                return m.group(0)
            self.used.add(woord["anker"])
            self.count += 1
            href = f'{self.href}#{woord["anker"]}'
            meer = html_lib.escape(self.teksten["meer"].replace("{woord}", woord["woord"]))
            return (f'<a class="begrip" href="{href}" data-begrip="{woord["anker"]}">{m.group(0)}</a>'
                    f'<span class="begrip-uitleg" id="begrip-{self.count}" hidden>'
                    f'{html_lib.escape(woord["uitleg"], quote=False)} <a href="{href}">{meer}</a></span>')
        return self.pattern.sub(vervang, text)


def mark_first_uses(html: str, page_url: str, woorden: list[dict], teksten: dict) -> str:
    """The page with the first use of each glossary word (per step on /stappenplan/) made into a
    link to its entry, followed by its hidden explanation; begrippen.js turns the link into a
    button that shows the explanation in place."""
    if page_url.strip("/") == PAGINA.strip("/") or not woorden:
        return html
    marker = _Marker(woorden, page_url, teksten)

    def in_article(article: str) -> str:
        uit, stack = [], []  # stack: (tag, skipped) of the open elements
        for token in _TOKEN.findall(article):
            tag = _TAG.fullmatch(token)
            if tag:
                sluit, naam, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
                if sluit:
                    while stack:
                        if stack.pop()[0] == naam:
                            break
                elif naam not in _VOID and not attrs.rstrip().endswith("/"):
                    klassen = set(_attr(_ATTR_CLASS, attrs).split())
                    skip = (naam in _SKIP or bool(klassen & _SKIP_CLASSES)
                            or _attr(_ATTR_ID, attrs) in _SKIP_IDS or "hidden" in attrs.split())
                    stack.append((naam, skip))
                if not sluit and _STEP_HEADING.match(token):
                    marker.new_part()
                uit.append(token)
            elif token.startswith("<") or any(skip for _, skip in stack):
                uit.append(token)
            else:
                uit.append(marker.mark(token))
        return "".join(uit)

    return _ARTICLE.sub(lambda m: m.group(1) + in_article(m.group(2)) + m.group(3), html, count=1)


def drawing_path(naam: str) -> Path:
    return ROOT / "docs" / "assets" / "illustraties" / "woorden" / f"{naam}.svg"
