"""Our own stylesheets go out minified (sitebuild/assets.py): comments and whitespace the syntax
does not need go, and nothing that changes a rule's meaning. The browser tests run on the
minified files; these cases pin the edges one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.assets import minify_css


@pytest.mark.parametrize("css, uit", [
    ("/* why */ .a { color: red; }\n\n.b{x:1}", ".a{color: red;}.b{x:1}"),
    # a space that is a descendant combinator, or that calc() needs, stays
    ("a :hover{x:1} a:hover{y:2}", "a :hover{x:1}a:hover{y:2}"),
    (".x { width: calc(1px + 2px - 1%); }", ".x{width: calc(1px + 2px - 1%);}"),
    # what looks like a comment inside a string is text
    ('.y::after { content: "/* ? */" / ""; }', '.y::after{content: "/* ? */" / "";}'),
    ("@media (max-width: 30em) {\n  .a > .b , .c { grid: repeat(2, 1fr) / auto; }\n}",
     "@media (max-width: 30em){.a>.b,.c{grid: repeat(2,1fr) / auto;}}"),
    (".a { background: url(x.svg) no-repeat; color: red !important; }",
     ".a{background: url(x.svg) no-repeat;color: red !important;}"),
    (".a{margin:-0.5rem .5em}", ".a{margin:-0.5rem .5em}"),
])
def test_minify_keeps_the_meaning(css, uit):
    assert minify_css(css) == uit


def test_our_stylesheet_gets_much_smaller():
    bron = (Path(__file__).resolve().parents[1] / "docs" / "assets" / "stijl.css").read_text(encoding="utf-8")
    klein = minify_css(bron)
    assert "/*" not in klein and "\n" not in klein
    assert len(klein) < 0.75 * len(bron)
    assert minify_css(klein) == klein  # stable
