"""Pages that fit a narrow screen at any text size (WCAG 1.4.10 reflow, 1.4.4 resize text).

Two changes to every written page (build_site.py, on_post_page), both in the article only
(and a word joiner that keeps each heading's permalink "#" on the line of its last word):

- long words in headings get soft hyphens (U+00AD) where the page's language allows a break
  (pyphen's nl_NL, en_GB or fr dictionary; on Arabic pages only the Dutch names in Latin letters
  get Dutch ones: Arabic is not hyphenated). A heading at 200 % text on a 320-360 px phone holds
  about ten letters a line: "Opleidingscheques" then breaks as "Oplei-dingscheques" instead of overflowing
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
