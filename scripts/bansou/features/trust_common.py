"""Small helpers shared by the trust features (freshness, changes, lawchanges).

Not a feature itself (it is not listed in FEATURES): dates in the reader's language,
text picked from {lang: text} mappings, links between pages, the handbook sections.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath

from ..ui import t

# Generated trust pages are lists of dates: kept out of search (a date matches nothing a
# reader looks for) and out of the PII gate's search-index scan, whose date rules they trip.
GENERATED_FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n\n"

# Handbook sections in the order of the outline (A–H), then the other trees.
SECTIONS: tuple[str, ...] = ("basics", "residence", "poverty", "health", "children", "work",
                             "referral", "records", "checklists", "casebook", "courses")


def section_of(site_path: str) -> str:
    head = site_path.split("/")[0] if "/" in site_path else ""
    return head if head in SECTIONS else "other"


def section_label(section: str, lang: str) -> str:
    return t(f"changes_section_{section}", lang)


def fmt_date(date: dt.date, lang: str) -> str:
    """A date written the way the reader's language writes it (templates in freshness.yml)."""
    return t("freshness_date", lang, y=date.year, m=date.month, d=date.day,
             mm=f"{date.month:02d}", dd=f"{date.day:02d}")


def localized(value: object, lang: str, default_lang: str) -> str:
    """Text of a `summary: str | {ja: ..., en: ...}` entry in the reader's language.

    Easy Japanese readers fall back to Japanese; everyone else to English, then Japanese."""
    if not isinstance(value, dict):
        return str(value)
    order = [lang, default_lang, "en"] if lang == "ej" else [lang, "en", default_lang]
    for code in order:
        if value.get(code):
            return str(value[code])
    return str(next(iter(value.values()), ""))


def join_names(names, lang: str) -> str:
    return ("、" if lang in ("ja", "ej", "zh") else ", ").join(names)


def lang_prefix(lang: str, default_lang: str) -> str:
    return "" if lang == default_lang else f"{lang}/"


def href_to(page_url: str, lang: str, default_lang: str, site_path: str) -> str:
    """Relative link from a built page (its URL, directory URLs) to a site path in the same language."""
    base = page_url if page_url in ("", ".", "./") or page_url.endswith("/") else posixpath.dirname(page_url)
    target = lang_prefix(lang, default_lang) + site_path.strip("/") + "/"
    return posixpath.relpath(target, base.strip("/") or ".") + "/"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def insert_top(page_html: str, block: str) -> str:
    """Put a block at the top of the content, after a leading <h1> if the page has one."""
    stripped = page_html.lstrip()
    if stripped.startswith("<h1"):
        end = stripped.find("</h1>")
        if end != -1:
            end += len("</h1>")
            return stripped[:end] + "\n" + block + stripped[end:]
    return block + "\n" + page_html
