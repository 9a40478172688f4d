"""URLs between built pages, for HTML the handbook features write themselves.

MkDocs rewrites links in Markdown, not in raw HTML, so features that emit HTML compute the
relative URL here (directory URLs, the default language at the root, others under /<lang>/).
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath

from ..ui import t


def page_url(site_path: str, lang: str, default_lang: str) -> str:
    """URL of a page relative to the site root, e.g. en/poverty/public-assistance/."""
    prefix = "" if lang == default_lang else f"{lang}/"
    if site_path == "index":
        return prefix
    if site_path.endswith("/index"):
        return f"{prefix}{site_path[:-len('index')]}"
    return f"{prefix}{site_path}/"


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at from_url to to_url (both root-relative, directory style)."""
    base = "/" + from_url
    base = base if base.endswith("/") else posixpath.dirname(base) + "/"
    target, _, anchor = to_url.partition("#")
    rel = _relpath("/" + target, base)
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for absolute paths, without its normalising (a third of a facts box's time)."""
    to = [p for p in path.split("/") if p]
    base = [p for p in start.split("/") if p]
    if "." in to or ".." in to or "." in base or ".." in base:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def link(page, site_path: str, anchor: str = "") -> str:
    """Relative link from the page being built (a PageInfo) to another page in the reader's language."""
    to = page_url(site_path, page.lang, page.default_lang) + (f"#{anchor}" if anchor else "")
    return relative(page.url, to)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def date_text(value: dt.date, lang: str) -> str:
    return t("hb_date", lang, y=value.year, m=value.month, d=value.day)
