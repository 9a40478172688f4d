"""Editions published with mike: switching edition keeps the reader's language and page.

The script is only active when mkdocs.yml sets `extra.version.provider: mike`; the
language switcher's relative links are in overrides/partials/alternate.html.
"""
from __future__ import annotations

ASSETS = ["assets/bansou/editions.js"]
