"""Content-Security-Policy for every generated page (issue 10: private, no third parties).

The policy is a <meta http-equiv> tag, so it works on any static host. Material puts a few
small inline scripts in every page (its storage helpers with a per-page base path, the
palette and tab restorers); they are allowed by their SHA-256 hash, computed from the
finished HTML of each page, so nothing else inline can run. Inline styles stay allowed:
Material and the features set style attributes.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# skipped by `mkdocs serve`: mkdocs serve injects an inline live-reload script that the policy would block
SKIP_WHEN_SERVING = True

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'

BASE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "font-src 'self' data:; script-src 'self'{hashes}; worker-src 'self' blob:; "
               "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
               "form-action 'self'")


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the executable inline scripts of a page."""
    out: list[str] = []
    for m in _SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue  # JSON data blocks are never executed
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in out:
            out.append(source)
    return out


def policy_for(html: str) -> str:
    hashes = inline_script_hashes(html)
    return BASE_POLICY.format(hashes="".join(" " + h for h in hashes))


def with_policy(html: str) -> str:
    """The page with its CSP meta as the first thing in <head> (a policy covers what follows it)."""
    if MARKER in html:
        return html
    m = _HEAD.search(html)
    if m is None:
        return html  # not a full page (fragments, redirects without <head>)
    meta = f'<meta {MARKER} content="{policy_for(html)}">'
    return html[:m.end()] + meta + html[m.end():]


def page_output(project, page, html: str) -> str:
    return with_policy(html)


def finalize(project, site_dir: Path) -> None:
    """HTML written without a page event (404.html, redirects): pages already have their policy."""
    for path in site_dir.rglob("*.html"):
        with path.open("rb") as f:
            if MARKER.encode() in f.read(4096):  # the policy is the first thing in <head>
                continue
        html = path.read_text(encoding="utf-8")
        new = with_policy(html)
        if new != html:
            path.write_text(new, encoding="utf-8")
