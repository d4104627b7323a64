"""Pages that fit a narrow screen at any text size (WCAG 1.4.10 reflow, 1.4.4 resize text).

Two changes to every written page (build_site.py, on_post_page), both in the article only
(and a word joiner that keeps each heading's permalink "#" on the line of its last word):

- long words in headings get soft hyphens (U+00AD) where the page's language allows a break
  (pyphen's nl_NL, en_GB or fr dictionary; on Arabic pages only the Dutch names in Latin letters
  get Dutch ones: Arabic is not hyphenated). A heading at 200 % text on a 320-360 px phone holds about ten
  letters a line: "Opleidingscheques" then breaks as "Oplei-dingscheques" instead of overflowing
  or being cut without a hyphen. CSS `hyphens: auto` does this too, but only where the browser has
  a Dutch dictionary (phones do; Chromium on Linux and some desktops do not). The search index and
  the table of contents are made before this step and keep the plain words.
- every table cell gets its column's header as `data-kolom`, so on a phone (stijl.css) a table
  becomes one card per row, each value under its header, instead of a table to swipe sideways.
"""

from __future__ import annotations

import functools
import html as html_lib
import re

SOFT_HYPHEN = "\u00ad"
# before a heading's permalink "#": with the text, it never wraps to a line of its own (an empty
# line under the heading on a phone, as it is hidden until hovered or focused; stijl.css)
WORD_JOINER = "\u2060"
MIN_LETTERS = 9  # shorter words fit a line of a heading at 200 % text on a 360 px phone

_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
_HEADERLINK = re.compile(r"(<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>)", re.S)
_TAG_OR_ENTITY = re.compile(r"(<[^>]+>|&[#\w]+;)")
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TD = re.compile(r"<td\b")
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)


# the page's language -> pyphen's dictionary; a language without one (Arabic) keeps its own words
# whole and hyphenates only the Dutch names written in Latin letters, with the Dutch dictionary
WOORDENBOEKEN = {"nl": "nl_NL", "en": "en_GB", "fr": "fr"}
_LATIJNS = re.compile(r"[A-Za-z\u00c0-\u024f]+")


@functools.lru_cache(maxsize=None)
def _dictionary(woordenboek: str = "nl_NL"):
    import pyphen
    return pyphen.Pyphen(lang=woordenboek, left=3, right=3)


def _in_article(html: str, transform) -> str:
    return _ARTICLE.sub(lambda m: m.group(1) + transform(m.group(2)) + m.group(3), html, count=1)


def hyphenate(text: str, taal: str = "nl") -> str:
    """Soft hyphens in the long words of a piece of text without tags, by the rules of `taal`."""
    woordenboek = WOORDENBOEKEN.get(taal)

    def woord(m: re.Match) -> str:
        if woordenboek is None and not _LATIJNS.fullmatch(m.group(0)):
            return m.group(0)
        return _dictionary(woordenboek or "nl_NL").inserted(m.group(0), hyphen=SOFT_HYPHEN)
    return _LONG_WORD.sub(woord, text)


def _hyphenate_heading(match: re.Match, taal: str) -> str:
    delen = []
    for stuk in _HEADERLINK.split(match.group(3)):
        if _HEADERLINK.fullmatch(stuk):
            # the permalink "#" stays on the last word's line: a word joiner first, inside the link,
            # so the heading's own text stays as it is
            delen.append(re.sub(r"^(<a\b[^>]*>)", lambda m: m.group(1) + WORD_JOINER, stuk))
            continue
        delen.append("".join(d if _TAG_OR_ENTITY.fullmatch(d) else hyphenate(d, taal)
                             for d in _TAG_OR_ENTITY.split(stuk)))
    return match.group(1) + "".join(delen) + match.group(4)


def hyphenate_headings(html: str, taal: str = "nl") -> str:
    return _in_article(html, lambda article: _HEADING.sub(lambda m: _hyphenate_heading(m, taal), article))


def _plain_text(fragment: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _label_table(match: re.Match) -> str:
    inhoud = match.group(1)
    kop, _, romp = inhoud.partition("</thead>")
    if not romp:
        return match.group(0)
    koppen = [html_lib.escape(_plain_text(th), quote=True) for th in _TH.findall(kop)]

    def rij(m: re.Match) -> str:
        teller = iter(range(len(koppen)))

        def cel(_m: re.Match) -> str:
            i = next(teller, None)
            return f'<td data-kolom="{koppen[i]}"' if i is not None and koppen[i] else "<td"
        return "<tr>" + _TD.sub(cel, m.group(1)) + "</tr>"

    return "<table>" + kop + "</thead>" + _ROW.sub(rij, romp) + "</table>"


def label_table_cells(html: str) -> str:
    return _in_article(html, lambda article: _TABLE.sub(_label_table, article))


# ---------------------------------------------------------------- right-to-left pages
# A Dutch name in quotes or brackets on an Arabic page («Aanvraag opleidingscheques», (Terugbetaling
# van de opleidingskosten)): without isolation the bidi algorithm gives the quotes and brackets the
# direction of the Latin text next to them, and a name that wraps ends with its marks on the wrong
# lines ("opleidingsche-»" / "«ques"). <bdi> isolates the name; the marks then follow the page.
_TOKEN = re.compile(r"(<[^>]+>)")
_RAW = re.compile(r"^<(script|style|code|pre|textarea|svg|kbd)\b", re.I)
_NADRUK = re.compile(r"^</?(?:strong|em|b|i)>$")  # inside a name's marks: "(<strong>...</strong>)"
_ARABISCH = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_BINNEN = r"(?:[^«»()<>]|</?(?:strong|em|b|i)>)*"
_TUSSEN = re.compile(rf"(«)({_BINNEN}[A-Za-z]{_BINNEN})(»)|(\()({_BINNEN}[A-Za-z]{_BINNEN})(\))")


def _isolate(m: re.Match) -> str:
    open_, binnen, dicht = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    if _ARABISCH.search(binnen):
        return m.group(0)
    return f"{open_}<bdi>{binnen}</bdi>{dicht}"


def isolate_latin_in_marks(html: str) -> str:
    """In the article of a right-to-left page: Latin text inside «» or () wrapped in <bdi>."""
    def artikel(tekst: str) -> str:
        uit, loop, ruw = [], [], None  # loop: text and emphasis tags, where a name can be

        def sluit_loop():
            if loop:
                uit.append(_TUSSEN.sub(_isolate, "".join(loop)))
                loop.clear()
        for stuk in _TOKEN.split(tekst):
            if ruw is not None:
                uit.append(stuk)
                if stuk.lower().startswith(f"</{ruw}"):
                    ruw = None
            elif not stuk.startswith("<") or _NADRUK.match(stuk):
                loop.append(stuk)
            else:
                sluit_loop()
                if (m := _RAW.match(stuk)) and not stuk.endswith("/>"):
                    ruw = m.group(1).lower()
                uit.append(stuk)
        sluit_loop()
        return "".join(uit)
    return _in_article(html, artikel)
