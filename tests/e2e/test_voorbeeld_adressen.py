"""No dead QR codes (issue 12, item 8): a build without SITE_URL says so loudly on stderr, and the
coordinators' page and the folder show that their links are example addresses. With SITE_URL set,
neither the message nor the notice appears, and the links use that address."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from playwright.sync_api import expect

import build_site
from sitebuild.content import is_example_site_url

ROOT = build_site.ROOT

COORDINATOREN = ["/voor-coordinatoren/", "/voor-coordinatoren/folder/"]
ECHT = "https://opleidingscheques.example/"


def _bouw(map_, site_url: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    uit = subprocess.run([sys.executable, str(ROOT / "build_site.py"), "build", "--site-dir", str(map_)],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return uit.stderr


@pytest.mark.parametrize("url,voorbeeld", [
    ("http://127.0.0.1:8000/", True), ("http://localhost:8000/", True), ("http://[::1]:8000/", True),
    ("https://opleidingscheques.example/", False), ("https://www.voorbeeld.be/opleidingscheques/", False),
    ("http://127.example.org/", False)])
def test_which_site_urls_are_example_addresses(url, voorbeeld):
    assert is_example_site_url(url) is voorbeeld


def test_a_build_without_site_url_says_so_on_stderr(tmp_path):
    stderr = _bouw(tmp_path / "zonder", None)
    assert "zonder SITE_URL" in stderr and "http://127.0.0.1:8000/" in stderr
    assert "SITE_URL=https://" in stderr  # says how to do it right


@pytest.mark.parametrize("url", COORDINATOREN)
def test_without_site_url_the_coordinator_pages_show_a_notice(phone, url):
    # the tests' own build has no SITE_URL (conftest.py builds as `make build` does)
    phone.goto(url)
    melding = phone.locator("article .admonition.voorbeeld-adressen")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("alleen een voorbeeld")
    expect(melding).to_contain_text("http://127.0.0.1:8000/")
    box = melding.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    # it comes before the first link or QR code, so nobody prints or shares one unwarned
    eerste = phone.locator("article .deeplink, article .handout-kaart").first
    assert box["y"] < eerste.bounding_box()["y"]
    # and it is on paper too
    phone.emulate_media(media="print")
    expect(melding).to_be_visible()


def test_with_site_url_no_message_and_no_notice(tmp_path, browser, requests_seen):
    site = tmp_path / "met"
    stderr = _bouw(site, ECHT)
    assert "SITE_URL" not in stderr
    server = build_site.make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(base_url=f"http://127.0.0.1:{server.server_address[1]}",
                                      viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
        context.on("request", lambda req: requests_seen.append(req.url))
        page = context.new_page()
        for url in COORDINATOREN:
            page.goto(url)
            expect(page.locator("article h1")).to_be_visible()
            expect(page.locator(".voorbeeld-adressen")).to_have_count(0)
            assert "127.0.0.1:8000" not in page.locator("article").inner_text()
        page.goto("/voor-coordinatoren/")
        assert page.locator("[data-kopieer]").first.get_attribute("data-kopieer").startswith(ECHT)
        context.close()
    finally:
        server.shutdown()
        server.server_close()
