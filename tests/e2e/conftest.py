"""Browser fixtures: phone-sized pages, and a guard that fails any test whose page talks to
anything but our own local server (no CDN, no fonts, no analytics)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

PHONE = {
    "viewport": {"width": 360, "height": 780},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "nl-BE",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-BE"}


@pytest.fixture
def requests_seen():
    return []


@pytest.fixture(autouse=True)
def _only_our_origin(request, requests_seen):
    """Records every request of the test's browser context(s); fails on any other host."""
    yield
    vreemd = [u for u in requests_seen if urlparse(u).scheme in ("http", "https", "ws", "wss")
              and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert not vreemd, f"requests to another origin: {vreemd[:5]}"


@pytest.fixture
def context(context, requests_seen):
    context.on("request", lambda req: requests_seen.append(req.url))
    return context


@pytest.fixture
def phone(browser, base_url, requests_seen):
    """A page in a 360 px wide phone context (the narrowest screen we promise to support)."""
    ctx = browser.new_context(base_url=base_url, **PHONE)
    ctx.on("request", lambda req: requests_seen.append(req.url))
    page = ctx.new_page()
    yield page
    ctx.close()
