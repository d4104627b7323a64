"""Shared fixtures: the built site, a local static server, and the browser on this machine.

Playwright cannot download its own browser here, so Debian's chromium is used when present;
on machines where Playwright's own browser is installed, that one is used instead.
"""

from __future__ import annotations

import os
import shutil
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
    sources = [ROOT / "mkdocs.yml", ROOT / "build_site.py", ROOT / "python_stdlib.txt"]
    for folder in ("docs", "calculator", "sitebuild", "templates", "overrides"):
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
