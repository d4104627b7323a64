#!/usr/bin/env python3
"""The one build entry of the site, and its single MkDocs hook.

    python build_site.py build [--site-dir DIR]   build the site (mkdocs --strict) into site/
    python build_site.py serve [--port 8000]      build, then serve it on http://127.0.0.1:PORT
    python build_site.py check                    build, then verify every contract URL and anchor
    python build_site.py stdlib                   re-trace the standard-library files the site ships

As a hook (mkdocs.yml `hooks:`), it renders every Markdown page through jinja2 with the
calculator as context, so the guide's tables and worked examples are computed by the same
`bereken` as the calculator page and can never disagree with it; after the build it adds the
Pyodide runtime (from the pinned npm package) and our calculator wheel to the site, cuts the
theme's stylesheets down to what the pages use (sitebuild/stylesheets.py) and writes the service
worker.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads this file as a hook, not as a module
# ruff: noqa: E402
from sitebuild.assets import hash_own_assets
from sitebuild.content import _markdown_env, context, is_example_site_url, voorbeeldbestand
from sitebuild.csp import content_security_policy
from sitebuild.layout import CONTRACT_URLS, GLOSSARY_ANCHORS, ROOT, RUNTIME_DIR
from sitebuild.offline import write_icons, write_manifest, write_service_worker
from sitebuild.reflow import hyphenate_headings, label_table_cells
from sitebuild.runtime import (STDLIB_LIJST, STDLIB_LIST, copy_runtime, runtime_urls, stdlib_entries,
                               stdlib_lijst_entries, trace_stdlib, trace_stdlib_lijst, write_stdlib_lijst,
                               write_stdlib_lijst_list, write_stdlib_list)
from sitebuild.server import make_server
from sitebuild.stylesheets import purge_theme_stylesheets
from sitebuild.talen import (DEFAULT, ENV_PREBUILT, merge_language_site, other_codes, prebuilt_languages,
                             site_root_url, stage, write_empty_sitemaps)
from sitebuild.teksten import embed_texts
from sitebuild.wheel import write_wheel
from sitebuild.woordenlijst import mark_first_uses, rendered as woordenlijst_rendered, site_texts

# ---------------------------------------------------------------- MkDocs hook

_page_context: dict = {}


def page_language(config) -> str:
    return config["theme"]["language"]


def on_config(config, **kwargs):
    """Templates (404.html) get the site's texts in the build's language, and so do the theme's
    light/dark switch and the headings' permalinks (talen/<taal>/site.json "thema")."""
    teksten = site_texts(page_language(config))
    config["extra"]["site_teksten"] = teksten
    config["extra"]["site_wortel"] = site_root_url(config["site_url"], page_language(config))
    for stand in config["theme"]["palette"] or []:
        if stand.get("toggle"):
            stand["toggle"]["name"] = teksten["thema"]["licht" if stand.get("scheme") == "slate" else "donker"]
    config["mdx_configs"]["toc"]["permalink_title"] = teksten["thema"]["link_naar_deel"]
    return config


def on_pre_build(config, **kwargs):
    _page_context.clear()
    _page_context.update(context(site_url=config["site_url"], taal=page_language(config)))
    _page_context.update(runtime_urls(config))
    _page_context["woordenlijst"] = woordenlijst_rendered(_page_context, page_language(config))


def on_page_markdown(markdown, page, config, files, **kwargs):
    return _markdown_env().from_string(markdown).render(**_page_context, page=page)


def on_post_page(output, page, config, **kwargs):
    # hard words explained where they first appear (sitebuild/woordenlijst.py), before the
    # reflow step adds soft hyphens and table labels (sitebuild/reflow.py)
    output = mark_first_uses(output, page.url, _page_context["woordenlijst"], _page_context["site"]["begrippen"])
    output = label_table_cells(hyphenate_headings(output, page_language(config)))
    output = embed_texts(output, page_language(config))  # the words of its scripts (sitebuild/teksten.py)
    wasm = bool(page.meta.get("pyodide"))
    csp = content_security_policy(output, wasm=wasm)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_template(output, template_name, config, **kwargs):
    """404.html is a theme template, not a page: it gets its Content-Security-Policy here."""
    if template_name != "404.html":
        return output
    output = embed_texts(output, page_language(config))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_build(config, **kwargs):
    if page_language(config) != DEFAULT:  # a translation: the Dutch build merges it and finishes the site
        taal = page_language(config)
        richting = next((t.get("richting", "ltr") for t in config["extra"]["talen"] if t["code"] == taal), "ltr")
        write_manifest(Path(config["site_dir"]), config, taal, richting)  # its own, in its language
        return
    site = Path(config["site_dir"])
    for taal in prebuilt_languages():  # under /<taal>/, sharing /assets/ (sitebuild/talen.py)
        merge_language_site(site, taal, urlsplit(config["site_url"]).path or "/")
    if prebuilt_languages():
        write_empty_sitemaps(site)
    copy_runtime(site)
    write_wheel(site)
    write_stdlib_lijst(site)  # only /voor-coordinatoren/controle/ loads it (sitebuild/runtime.py)
    write_example_list(site)
    write_icons(site)
    write_manifest(site, config)
    purge_theme_stylesheets(site)  # after every page is written: it reads which classes they use
    hash_own_assets(site)  # our CSS and JS under content-hashed names, as the theme's are
    write_service_worker(site, config)  # last: it stores (and hashes) what the others wrote
    if is_example_site_url(config["site_url"]):
        warn_example_site_url(config["site_url"])


VOORBEELDBESTAND = "assets/controle/voorbeeldbestand.csv"


def write_example_list(site: Path) -> Path:
    """The example list of /voor-coordinatoren/controle/ (every language links this one file: its
    columns are the Dutch names the check reads), made from calculator/ at every build."""
    doel = site / VOORBEELDBESTAND
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(voorbeeldbestand())
    return doel


def warn_example_site_url(site_url: str) -> None:
    """Loud, on stderr, but not a WARNING log: MkDocs runs with --strict, and a local build for
    trying things out must still work. The pages themselves show a notice too."""
    regel = "=" * 72
    print(f"""
{regel}
LET OP: de site is gebouwd zonder SITE_URL (site_url = {site_url}).
Alle QR-codes en links op /voor-coordinatoren/ en in de folder wijzen naar
deze computer. Op een andere computer of smartphone werken ze niet.
Die pagina's tonen daarom een melding. Zet de site zo niet online en druk
de folder zo niet af. Bouw voor publicatie met het echte adres, bijvoorbeeld:
    SITE_URL=https://www.voorbeeld.be/opleidingscheques/ make build
{regel}
""", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- commands

def build(site_dir: Path | None = None) -> Path:
    """Every other language first (into a cache folder), then Dutch, whose hook merges them under
    /<taal>/ and finishes the whole site (sitebuild/talen.py)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    site_url = os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
    talen = other_codes()
    for taal in talen:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
                        "-f", str(stage(taal, site_url))], check=True, env=env, cwd=ROOT)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
           "-f", str(ROOT / "mkdocs.yml")]
    if site_dir:
        cmd += ["--site-dir", str(site_dir)]
    subprocess.run(cmd, check=True, env={**env, ENV_PREBUILT: ",".join(talen)}, cwd=ROOT)
    return Path(site_dir) if site_dir else ROOT / "site"


def check(site: Path) -> list[str]:
    """Problems with the URL contract in a built site (empty when everything is there)."""
    problemen = []
    for url, anchors in CONTRACT_URLS.items():
        page = site / url.strip("/") / "index.html"
        if not page.is_file():
            problemen.append(f"{url}: pagina ontbreekt")
            continue
        html = page.read_text(encoding="utf-8")
        if 'name="viewport"' not in html:
            problemen.append(f"{url}: viewport-meta ontbreekt")
        for anchor in anchors:
            if f'id="{anchor}"' not in html:
                problemen.append(f"{url}#{anchor}: anker ontbreekt")
    woordenlijst = site / "woordenlijst" / "index.html"
    if woordenlijst.is_file():
        html = woordenlijst.read_text(encoding="utf-8")
        problemen += [f"/woordenlijst/#{a}: anker ontbreekt" for a in GLOSSARY_ANCHORS if f'id="{a}"' not in html]
    if not list((site / RUNTIME_DIR).glob("*/pyodide.asm.wasm")):
        problemen.append("Pyodide-runtime ontbreekt in de site")
    return problemen


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="bouw de site")
    p_build.add_argument("--site-dir", type=Path)
    p_serve = sub.add_parser("serve", help="bouw en toon de site op 127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument("--no-build", action="store_true", help="toon de bestaande site/ zonder te bouwen")
    sub.add_parser("check", help="bouw en controleer de URL's en ankers")
    sub.add_parser("stdlib", help=f"spoor opnieuw op welke modules Pyodide en de rekenhulp laden ({STDLIB_LIST.name})")
    args = parser.parse_args(argv)

    if args.command == "stdlib":
        # the calculator's trimmed stdlib, then the list check's extra zip: re-traced the same way
        for lijst, huidig, spoor, schrijf in (
                (STDLIB_LIST, stdlib_entries, trace_stdlib, write_stdlib_list),
                (STDLIB_LIJST, stdlib_lijst_entries, trace_stdlib_lijst, write_stdlib_lijst_list)):
            oud = set(huidig()) if lijst.is_file() else set()
            nieuw = spoor()
            schrijf(nieuw)
            for naam in sorted(set(nieuw) - oud):
                print("+", naam)
            for naam in sorted(oud - set(nieuw)):
                print("-", naam)
            print(f"{lijst.name}: {len(nieuw)} bestanden")
        return 0

    if args.command == "build":
        site = build(args.site_dir)
        print(f"Site gebouwd in {site}")
        return 0
    if args.command == "check":
        problemen = check(build())
        for p in problemen:
            print("FOUT:", p)
        print("Alle URL's en ankers van het contract zijn er." if not problemen else "")
        return 1 if problemen else 0
    site = ROOT / "site"
    if not args.no_build:
        build()
    server = make_server(site, args.port)
    print(f"De site draait op http://127.0.0.1:{args.port}/ (stoppen: Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
