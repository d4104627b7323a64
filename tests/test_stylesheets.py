"""Cutting the theme's stylesheets down (sitebuild/stylesheets.py): what may go and what must stay.

The browser test (e2e/test_stylesheets_in_browser.py) shows that the real result looks the same; these
cases pin the rules one by one.
"""

from __future__ import annotations

from sitebuild.stylesheets import purge

KLASSEN = {"md-nav", "md-typeset", "admonition", "warning"}
KLEUREN = {("data-md-color-primary", "indigo"), ("data-md-color-scheme", "slate")}


def _purge(css: str, elders: str = "", scripts: str = "") -> str:
    return purge({"main.css": css}, KLASSEN, KLEUREN, elders, scripts)["main.css"]


def test_a_rule_for_a_class_no_page_has_goes_and_the_others_stay_as_written():
    css = ".md-nav{color:red}.md-tabs{color:blue}.md-typeset .admonition.warning{margin:0}"
    assert _purge(css) == ".md-nav{color:red}.md-typeset .admonition.warning{margin:0}"


def test_only_the_selectors_that_cannot_match_leave_a_selector_list():
    assert _purge(".md-tabs,.md-nav>a,.keys kbd{x:1}") == ".md-nav>a{x:1}"


def test_classes_inside_functional_pseudo_classes_are_not_judged():
    # :not(.md-tabs) matches exactly because no element has .md-tabs
    css = ".md-nav:not(.md-tabs){a:1}.md-nav :is(.x,.y){b:2}"
    assert _purge(css) == css


def test_unused_palette_colours_go():
    css = "[data-md-color-primary=pink]{--md-primary-fg-color:#e92063}" \
          "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}" \
          "[data-md-color-scheme=slate]{color-scheme:dark}"
    uit = _purge(css, elders="a{color:var(--md-primary-fg-color)}")
    assert uit == "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}[data-md-color-scheme=slate]{color-scheme:dark}"


def test_media_blocks_are_cut_inside_and_dropped_when_empty():
    css = "@media screen and (max-width:76em){.md-tabs{a:1}.md-nav{b:2}}@media print{.md-tabs{c:3}}"
    assert _purge(css) == "@media screen and (max-width:76em){.md-nav{b:2}}"


def test_font_faces_keyframes_and_imports_are_kept_whole():
    css = '@charset "utf-8";@keyframes md-spin{0%{transform:none}to{transform:rotate(1turn)}}' \
          "@font-face{font-family:x;src:url(x.woff2)}"
    assert _purge(css) == css


def test_custom_properties_nothing_reads_go_also_through_a_chain():
    css = ":root{--md-admonition-icon--bug:url(a.svg);--md-icon-kleur:red;--md-gebruikt:1px;" \
          "--md-ketting:var(--md-admonition-icon--bug)}.md-nav{width:var(--md-gebruikt)}"
    assert _purge(css) == ":root{--md-gebruikt:1px}.md-nav{width:var(--md-gebruikt)}"


def test_a_custom_property_read_by_a_page_or_a_script_stays():
    css = ":root{--md-a:1;--md-b:2;--md-c:3}"
    assert _purge(css, elders='<div style="width:var(--md-a)">', scripts='el.style.getPropertyValue("--md-b")') \
        == ":root{--md-a:1;--md-b:2}"


def test_the_theme_text_is_kept_character_for_character():
    # escapes, strings with braces and semicolons, comments inside values
    css = ".md-nav:before{content:\"a;b}{\";mask-image:url(\"data:image/svg+xml;charset=utf-8,<svg>\\3c !--x--></svg>\")}" \
          ".md-typeset .\\31 0{x:1}"
    assert _purge(css) == ".md-nav:before{content:\"a;b}{\";mask-image:url(\"data:image/svg+xml;charset=utf-8,<svg>\\3c !--x--></svg>\")}"


def test_the_main_and_palette_sheets_are_judged_together():
    sheets = {"main.css": ".md-nav{color:var(--md-primary-fg-color)}",
              "palette.css": "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5;--md-primary-bg-color:#fff}"}
    uit = purge(sheets, KLASSEN, KLEUREN)
    assert uit == {"main.css": ".md-nav{color:var(--md-primary-fg-color)}",
                   "palette.css": "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"}


def test_comments_between_rules_and_the_source_map_line_go():
    assert _purge("/*! licence */.md-nav{a:1}/*# sourceMappingURL=main.css.map*/") == ".md-nav{a:1}"


def test_whitespace_and_comments_around_rules_and_inside_blocks():
    css = " \n.md-nav{a:1}\n  @media print { .md-nav{b:2} .md-tabs{c:3} }\n/* unclosed"
    assert _purge(css) == ".md-nav{a:1}@media print{.md-nav{b:2}}"


def test_the_palette_switch_rule_that_restyles_every_element_goes():
    # the theme sets the attribute on <body> on every page view; `*` under it restyles the whole page
    css = ("[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
           "{transition-duration:0s!important}.md-nav{color:red}[data-md-color-scheme=slate] .md-nav{x:1}")
    assert _purge(css) == ".md-nav{color:red}[data-md-color-scheme=slate] .md-nav{x:1}"
