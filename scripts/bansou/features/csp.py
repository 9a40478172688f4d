"""Content-Security-Policy for every generated page (issue 10: private, no third parties).

The policy is a <meta http-equiv> tag, so it works on any static host. Material puts a few
small inline scripts in every page (its storage helpers with a per-page base path, the
palette and tab restorers); they are allowed by their SHA-256 hash, computed from the
finished HTML of each page, so nothing else inline can run. Inline styles stay allowed:
Material and the features set style attributes.

In `mkdocs build` the build's second process (the PII gate's worker, which reads every
written page anyway) adds the policy to each page, after the other rewrites it applies, so
the hashes are those of the page as published; finalize() then only looks at the HTML files
that process did not rewrite (written without a page event).
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ..sitewalk import walk
from .pii_gate import page_digests

# skipped by `mkdocs serve`: mkdocs serve injects an inline live-reload script that the policy would block
SKIP_WHEN_SERVING = True

# Lower-case tags only: a literal search is several times faster than a case-blind one on every
# page, and a script missed here is not in the policy, so the browser blocks it (fails closed).
# Material writes lower case; contributed Markdown may not hold scripts at all (content lint).
_SCRIPT_OPEN = re.compile(r"<script\b([^>]*)>")  # matched where str.find saw "<script"
_SCRIPT_CLOSE = "</script"
_SRC = re.compile(r"\bsrc\s*=", re.I)
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
    pos = 0
    while (start := html.find("<script", pos)) >= 0:
        m = _SCRIPT_OPEN.match(html, start)
        if m is None:
            pos = start + 1
            continue
        end = html.find(_SCRIPT_CLOSE, m.end())
        if end < 0:
            break
        pos = end + len(_SCRIPT_CLOSE)
        attrs = m.group(1)
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue  # JSON data blocks are never executed
        source = _hash_source(html[m.end():end])
        if source not in out:
            out.append(source)
    return out


@lru_cache(maxsize=1024)  # Material's helpers are the same on most pages
def _hash_source(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


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


DEFERRED = f"{__name__}:with_policy"


def page_output(project, page, html: str) -> str:
    if page.deferred is None:
        return with_policy(html)
    page.deferred.append(DEFERRED)  # last of the rewrites: csp is the last feature with page_output
    return html


def finalize(project, site_dir: Path) -> None:
    """HTML the gate's process did not rewrite (404.html, redirects; every page in `mkdocs serve`
    is skipped anyway): checked for its policy, and given one."""
    done = page_digests(site_dir)  # the pages that process left, policy included
    for rel, path in walk(site_dir):
        if not rel.endswith(".html") or rel in done:
            continue
        with open(path, "rb") as f:
            if MARKER.encode() in f.read(4096):  # the policy is the first thing in <head>
                continue
        html = Path(path).read_text(encoding="utf-8")
        new = with_policy(html)
        if new != html:
            Path(path).write_text(new, encoding="utf-8")
