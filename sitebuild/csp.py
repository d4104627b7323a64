"""The Content-Security-Policy of a page (a <meta> the hook adds to every page)."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)


def content_security_policy(html: str, wasm: bool = False) -> str:
    """A strict policy for one page: our origin only, plus the hashes of the theme's inline scripts.

    JSON data blocks are not executed, so they need no hash. `wasm-unsafe-eval` only where
    Pyodide runs (the calculator page).
    """
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if "application/json" in match.group("attrs"):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    script_src = " ".join(["'self'", *sorted(set(hashes)), *(["'wasm-unsafe-eval'"] if wasm else [])])
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])
