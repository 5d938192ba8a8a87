"""A Content-Security-Policy in every HTML file the build writes, allowing only its own origin.

GitHub Pages (and many internal web servers) cannot send response headers, so the policy is a
``<meta http-equiv="Content-Security-Policy">`` at the top of ``<head>``. It lets a page load
scripts, styles, images, fonts, workers and data only from the site's own origin (plus
``data:`` images: Material's icons are data-URL SVGs in its CSS), so that an injected link or
script tag cannot load anything from elsewhere, and nothing the site ships can quietly call
another origin. Inline scripts (Material's page-specific bootstrap lines, the 404 page's
language forward, the redirect stubs' fragment keeper) are allowed by the SHA-256 hash of
their exact text, computed here per file, never by ``'unsafe-inline'``; a script that is not
in the file when it is written cannot run. Non-executable scripts (``type="application/json"``,
Material's config block) need no hash.

A policy in a meta element cannot set ``frame-ancestors``, ``report-uri`` or ``sandbox``
(browsers ignore them there), so those are left out.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Script types a browser executes (an absent or empty type is JavaScript).
_EXECUTABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'

FIXED_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): (value or "").strip("\"'") for name, value in _ATTRIBUTE.findall(text)}


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source (``'sha256-...'``) of every executable inline script, in order, once each."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        if "src" in attributes or attributes.get("type", "").strip().lower() not in _EXECUTABLE_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in found:
            found.append(source)
    return found


def policy(html: str) -> str:
    """The policy for one HTML file: own origin only, its inline scripts by hash."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join([FIXED_DIRECTIVES[0], f"script-src {scripts}", *FIXED_DIRECTIVES[1:]])


def apply(html: str) -> str:
    """``html`` with its policy as the first element after ``<meta charset>`` (or ``<head>``),
    so that it governs every script and style that follows. Applied to a file that already
    has one (a second pass over it), the policy is computed afresh."""
    html = re.sub(r"\s*<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", html, count=1)
    tag = f'<meta {MARKER} content="{policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("an HTML file without <head>: cannot give it a Content-Security-Policy")
    return html[: anchor.end()] + "\n  " + tag + html[anchor.end():]
