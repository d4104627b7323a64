"""Shared fixtures: the built site, a local static server, and the browser on this machine.

Playwright cannot download its own browser here, so Debian's Chromium is used when present: its
headless shell (package chromium-headless-shell, the same Chromium as the package chromium, the
kind of headless browser Playwright itself runs by default) when installed, as it needs about half
the CPU time of the full browser; the full one with --headed or without the shell. On machines
where Playwright's own browser is installed, that one is used instead.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build_site  # noqa: E402

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]


HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"


def _chromium(headless: bool = True) -> str | None:
    for kandidaat in (os.environ.get("CHROMIUM"), HEADLESS_SHELL if headless else None,
                      "/usr/bin/chromium", shutil.which("chromium")):
        if kandidaat and Path(kandidaat).exists():
            return kandidaat
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = _chromium(headless=browser_type_launch_args.get("headless", True) is not False)
    if executable is None:  # fall back to Playwright's own browser where it is installed
        return {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


def _site_is_stale(site: Path) -> bool:
    stamp = site / ".built"
    if not stamp.exists():
        return True
    built = stamp.stat().st_mtime
    sources = [ROOT / "mkdocs.yml", ROOT / "build_site.py", ROOT / "python_stdlib.txt", ROOT / "python_stdlib_lijst.txt"]
    for folder in ("docs", "calculator", "sitebuild", "templates", "overrides", "talen"):
        sources += [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return any(p.stat().st_mtime > built for p in sources)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; built here when `make` did not (e.g. pytest run by hand after an edit).
    In a parallel run one worker builds while the other waits for it (a lock in .pytest_cache/)."""
    site = ROOT / "site"
    slot = ROOT / ".pytest_cache" / "site-bouwen.lock"
    slot.parent.mkdir(exist_ok=True)
    with slot.open("w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        if _site_is_stale(site):
            build_site.build()
            (site / ".built").touch()
    return site


@pytest.fixture(scope="session")
def live_server(site_dir):
    server = build_site.make_server(site_dir, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


# ---------------------------------------------------------------- parallel runs (pytest-xdist)
# `make test` runs the tests in two worker processes (`-n 2 --dist loadfile`: a module stays on
# one worker, so its module fixtures are made once and its tests run in their order). Each worker
# has its own session: built site (one builds, the other waits), server on a free port, browser.
# The controller runs no test: it checks the checkout before and after the run, and prints the
# summaries the workers fill in and send back at their end (`samenvatting`).

_SAMENVATTINGEN = pytest.StashKey[dict]()


def op_werker(config) -> bool:
    """True in a pytest-xdist worker (it runs tests and sends its summaries to the controller)."""
    return hasattr(config, "workerinput")


def _samenvattingen(config) -> dict:
    return config.stash.setdefault(_SAMENVATTINGEN, {})


@pytest.fixture(scope="session")
def samenvatting(pytestconfig):
    """samenvatting(name, empty, optellen=True) -> the dict that tests fill in for the end-of-run
    summary `name` (made with `empty()` the first time). In a parallel run each worker fills its
    own and the controller merges them: with optellen numbers add up, sets join, lists extend and
    dicts merge key by key (counters); without it a worker's entries replace (one value per key)."""
    def geef(naam: str, leeg=dict, optellen: bool = True) -> dict:
        alle = _samenvattingen(pytestconfig)
        if naam not in alle:
            alle[naam] = {"optellen": optellen, "data": leeg()}
        return alle[naam]["data"]
    return geef


def _voeg_samen(doel: dict, bron: dict) -> None:
    for sleutel, waarde in bron.items():
        if sleutel not in doel:
            doel[sleutel] = waarde
        elif isinstance(waarde, dict):
            _voeg_samen(doel[sleutel], waarde)
        elif isinstance(waarde, (set, frozenset)):
            doel[sleutel] = set(doel[sleutel]) | set(waarde)
        elif isinstance(waarde, list):
            doel[sleutel] = list(doel[sleutel]) + waarde
        elif isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            doel[sleutel] += waarde
        else:
            doel[sleutel] = waarde


# The modules that take longest (measured one by one, --durations) go first in a parallel run: the
# short ones at the end then keep the two workers' finishing times close. Only the order of whole
# modules changes, and only on the workers; a module not listed keeps its place after these.
ZWAAR_EERST = ("test_vertalingen.py", "test_a11y.py", "test_controle_pagina.py", "test_budget.py", "test_voorlezen.py",
               "test_reflow.py", "test_begrippen.py", "test_lighthouse_bevindingen.py",
               "test_rekenhulp_differentieel.py", "test_build.py", "test_illustraties.py")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if op_werker(config):
        rang = {naam: i for i, naam in enumerate(ZWAAR_EERST)}
        items.sort(key=lambda item: rang.get(item.path.name, len(rang)))  # stable: a module's own order stays


def pytest_sessionfinish(session):
    if op_werker(session.config):  # sent after every sessionfinish (terminal summary included) ran
        session.config.workeroutput["samenvattingen"] = _samenvattingen(session.config)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The controller receives a worker's summaries."""
    alle = _samenvattingen(node.config)
    for naam, van_werker in getattr(node, "workeroutput", {}).get("samenvattingen", {}).items():
        if naam not in alle:
            alle[naam] = van_werker
        elif van_werker["optellen"]:
            _voeg_samen(alle[naam]["data"], van_werker["data"])
        else:
            alle[naam]["data"].update(van_werker["data"])


def samenvatting_van(config, naam: str) -> dict:
    """What the run (all workers together) filled in for summary `name`; {} when nothing."""
    return _samenvattingen(config).get(naam, {}).get("data", {})


def _secties(w, config) -> None:
    """Sections a module writes for the end of the run (e.g. test_budget's page weights), as lines."""
    for titel, regels in samenvatting_van(config, "secties").items():
        w.section(titel)
        for regel in regels:
            w.line(regel)


# ---------------------------------------------------------------- the plain-language figures

@pytest.fixture(scope="session")
def taal_cijfers(samenvatting) -> dict:
    """test_taal.py's figures per page (name -> dict), printed at the end of the run."""
    return samenvatting("taal", dict, optellen=False)


def _taal_samenvatting(w, config) -> None:
    cijfers = samenvatting_van(config, "taal")
    if not cijfers:
        return
    w.section("eenvoudige taal (issue 13: tests/test_taal.py)")
    w.line(f"{'pagina':<40} {'zinnen':>6} {'lopend':>6} {'gem.':>5} {'langste':>7} {'uitgelegd':>9} {'toegestaan':>10}")
    for naam, c in cijfers.items():
        w.line(f"{naam:<40} {c['zinnen']:>6} {c['lopend']:>6} {c['gemiddeld']:>5.1f} {c['langste']:>7} "
               f"{c['uitgelegd']:>9} {c['toegestaan']:>10}")
    w.line("zinnen: alle zinnen, ook koppen; lopend en gem.: de lopende tekst (woorden per zin, max. 12); "
           "langste: in woorden (max. 20); uitgelegd / toegestaan: zeldzame woorden (Zipf < 3) "
           "in de woordenlijst / in tests/taal/toegestaan.yaml")


# ---------------------------------------------------------------- accessibility, privacy, hostile input (issue 6)

def _controles_samenvatting(terminalreporter, config) -> None:
    """The checks of the e2e tests (tests/e2e/conftest.py `controles`)."""
    c = samenvatting_van(config, "controles")
    if not c:
        return
    w = terminalreporter
    w.section("toegankelijkheid, privacy en vijandige invoer (issue 6)")
    if c["axe_runs"]:
        w.line(f"axe-core: {len(c['axe_paginas'])} pagina's x {len(c['axe_viewports'])} schermen "
               f"({', '.join(sorted(c['axe_viewports']))}) x {len(c['axe_thema_s'])} thema's "
               f"({', '.join(sorted(c['axe_thema_s']))}), toestanden: {', '.join(sorted(c['axe_toestanden']))}"
               f" = {c['axe_runs']} runs; WCAG 2.0/2.1 A/AA (+ 2.2 doelgrootte)-schendingen: {c['axe_wcag_fouten']}")
        w.line("axe in donker: kleurregels op de hele pagina en alle regels op de themaknop, na een vergelijking "
               "van elk ander element (plaats, maat, zichtbaarheid); alle regels waar meer dan kleur veranderde: "
               f"{c.get('axe_donker_volledig', 0)} keer")
        bp = c["axe_best_practice"]
        w.line("axe best-practice-schendingen: " + (", ".join(f"{k} x{v}" for k, v in sorted(bp.items())) or "geen"))
        uit = c["axe_uitgezonderd"]
        if uit:
            w.line("axe uitzonderingen (thema, zie test_a11y.UITZONDERINGEN): "
                   + ", ".join(f"{k} x{v}" for k, v in sorted(uit.items())))
    if c["focus_stops"]:
        w.line(f"toetsenbord: {c['focus_stops']} focusstops met zichtbare focus gecontroleerd")
    if c["privacy_paginas"]:
        w.line(f"privacy: {c['privacy_paginas']} pagina's, {c['privacy_verzoeken']} verzoeken opgenomen, "
               "alle naar de eigen server; geen cookies; bewaard: alleen de kleurkeuze van het thema "
               "en de offline kopie van de site, nooit antwoorden")
    w.line(f"verzoeken bewaakt door de oorsprong-wacht (alle e2e-tests): {c['verzoeken_bewaakt']}")
    vijandig = c["vijandig_url"] + c["vijandig_formulier"] + c["vijandig_fuzz"]
    if vijandig:
        w.line(f"vijandige invoer: {c['vijandig_url']} via de URL, {c['vijandig_formulier']} in het formulier, "
               f"{c['vijandig_fuzz']} fuzz-verzoeken naar de worker = {vijandig}")


# ---------------------------------------------------------------- tests never write tracked files

_STAAT = pytest.StashKey[dict]()
_SESSIE = pytest.StashKey[pytest.Session]()


def _werkboom() -> dict[str, str] | None:
    """`git status --porcelain` of the checkout, with a hash of each listed file's content (so a
    test that rewrites a file already changed by hand is seen too); None outside a git checkout."""
    try:
        uit = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "-z", "--untracked-files=all"],
                             capture_output=True, check=True, timeout=60).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    staat, velden = {}, iter(uit.split("\0"))
    for regel in velden:
        if not regel:
            continue
        if regel[0] in "RC":
            next(velden, None)  # a rename or copy: its old path follows
        pad = ROOT / regel[3:]
        inhoud = hashlib.sha256(pad.read_bytes()).hexdigest()[:12] if pad.is_file() else "-"
        staat[regel[3:]] = f"{regel[:2]} {inhoud}"
    return staat


def pytest_sessionstart(session):
    session.config.stash[_SESSIE] = session
    if op_werker(session.config):
        return  # the controller checks the checkout, before the workers start and after they end
    staat = _werkboom()
    if staat is not None:
        session.config.stash[_STAAT] = staat


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Prints the modules' sections, the plain-language figures and the checks of the e2e tests;
    fails the run when a test changed, added or removed a file git sees (anything not ignored)."""
    if op_werker(config):
        return  # a worker's summaries go to the controller (pytest_sessionfinish)
    _secties(terminalreporter, config)
    _controles_samenvatting(terminalreporter, config)
    _taal_samenvatting(terminalreporter, config)
    voor = config.stash.get(_STAAT, None)
    na = _werkboom() if voor is not None else None
    if na is None or na == voor:
        return
    veranderd = sorted(p for p in voor.keys() | na.keys() if voor.get(p) != na.get(p))
    terminalreporter.section("tests changed the checkout", red=True)
    for pad in veranderd:
        terminalreporter.line(f"  {pad}: {voor.get(pad, 'clean')} -> {na.get(pad, 'clean')}")
    terminalreporter.line("Tests must write to tmp_path, site/ or an ignored cache, never to tracked files "
                          "(or a file was edited by hand during the run).")
    config.stash[_SESSIE].exitstatus = pytest.ExitCode.TESTS_FAILED
