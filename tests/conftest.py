"""Shared fixtures: the built site, a local static server, and the browser on this machine.

Playwright cannot download its own browser here, so Debian's chromium is used when present;
on machines where Playwright's own browser is installed, that one is used instead.
"""

from __future__ import annotations

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


def _chromium() -> str | None:
    for kandidaat in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if kandidaat and Path(kandidaat).exists():
            return kandidaat
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = _chromium()
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
    """The built site; built here when `make` did not (e.g. pytest run by hand after an edit)."""
    site = ROOT / "site"
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


# ---------------------------------------------------------------- the plain-language figures

_TAAL = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def taal_cijfers(pytestconfig) -> dict:
    """test_taal.py's figures per page (name -> dict), printed at the end of the run."""
    return pytestconfig.stash.setdefault(_TAAL, {})


def _taal_samenvatting(w, config) -> None:
    cijfers = config.stash.get(_TAAL, None)
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
    staat = _werkboom()
    if staat is not None:
        session.config.stash[_STAAT] = staat


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Prints the plain-language figures; fails the run when a test changed, added or removed a
    file git sees (anything not ignored)."""
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
