"""Accessibility fixes to Material's own chrome (issue 10 part 5).

Our features style their own markup in their own CSS; this module ships what belongs to
no feature: a theme palette with enough contrast (WCAG AA 4.5:1), an accessible name for
Material's search dialog (a11y.js: the dialog is in the theme template, outside the page
content that page_html sees), and the header's language menu on narrow screens.
"""
from __future__ import annotations

ASSETS = ["assets/bansou/a11y.css", "assets/bansou/a11y.js"]
