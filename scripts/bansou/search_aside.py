"""Parts of a page that stay out of the search index, set aside while it is built.

Boxes marked data-search-exclude (dates, sources, related pages, the edit link, language
notices) are a third of a handbook page's tags. Material's search plugin parses every one
of them only to drop them again. They are replaced by a short comment before the search
plugin reads the page and put back when the page is written: the index is the same, and
the build does not pay for reading them.

Features that add such a box call aside() with it and put its mark in the page themselves:
finding a box again in the page costs more than writing it. set_aside() finds the rest
(readings and notes written in Markdown).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .pii.html import VOID_TAGS

_ATTR = "data-search-exclude"
_EXCLUDED = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sdata-search-exclude\b[^>]*>")
_PREFIX = "<!--bansou-aside:"
_MARK = re.compile(r"<!--bansou-aside:(\d+)-->")


@lru_cache(maxsize=None)
def _tags_named(tag: str) -> re.Pattern:
    return re.compile(rf"<(/?){tag}\b[^>]*>", re.I)


def _element_end(html: str, start: int, tag: str) -> int | None:
    """Where the element whose start tag ends at `start` ends, or None if it is not closed."""
    if tag in VOID_TAGS:
        return start
    depth = 1
    for m in _tags_named(tag).finditer(html, start):  # from `start`, without copying the page
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return None


def _mark(index: int) -> str:
    return f"<!--bansou-aside:{index}-->"


def aside(page, element: str) -> str:
    """A mark for an element that stays out of the search index (it carries data-search-exclude),
    kept on the page being built (a PageInfo); the element itself where the page keeps no list."""
    if page.asides is None:
        return element
    page.asides.append(element)
    return _mark(len(page.asides) - 1)


def set_aside(html: str, parts: list[str] | None = None) -> tuple[str, list[str]]:
    """The page with each excluded element replaced by a mark, and the elements (after `parts`,
    those aside() already took)."""
    parts = [] if parts is None else parts
    if _ATTR not in html:
        return html, parts
    out: list[str] = []
    pos = 0
    # found by its attribute name (a literal search), then the tag around it: a pattern that
    # looks into every tag of the page costs three times as much
    hit = html.find(_ATTR)
    while hit >= 0:
        start = html.rfind("<", pos, hit)
        m = _EXCLUDED.match(html, start) if start >= 0 else None
        if m is None or html.find(">", start, hit) >= 0:  # text, or another attribute's value
            hit = html.find(_ATTR, hit + 1)
            continue
        end = _element_end(html, m.end(), m.group("tag").lower())
        # not closed, or a whole page kept out of the index: Material's template adds a title
        # when it finds no <h1> in the content, so the page's own must stay in sight
        if end is None or "<h1" in html[m.start():end]:
            out.append(html[pos:m.end()])
            pos = m.end()
        else:
            out += [html[pos:m.start()], _mark(len(parts))]
            parts.append(html[m.start():end])
            pos = end
        hit = html.find(_ATTR, pos)
    out.append(html[pos:])
    return "".join(out), parts


def put_back(html: str, parts: list[str]) -> str:
    if not parts:
        return html

    def element(m: re.Match) -> str:
        part = parts[int(m.group(1))]
        # a box set aside whole may hold the marks of boxes that aside() took before
        return put_back(part, parts) if _PREFIX in part else part

    return _MARK.sub(element, html)
