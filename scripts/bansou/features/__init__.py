"""Site features: each module adds pages, rewrites page Markdown/HTML, ships assets or checks.

A feature module may define any of these (all optional, all MkDocs-free):

    ASSETS: list[str]                          # files under overrides/, e.g. "assets/bansou/quiz.js"
    check(project) -> list[Finding]            # run by load_project (so `bansou check` and the build agree)
    extra_pages(project) -> list[ExtraPage]    # generated pages (every language)
    page_markdown(project, page: PageInfo, markdown: str) -> str
    page_html(project, page: PageInfo, html: str) -> str
    search_entries(project, site_dir: Path, lang: str, entries: list[dict]) -> None
                                               # a language's search index entries, once written
    post_build(project, site_dir: Path, lang: str) -> None   # after each language's build (after search_entries)
    finalize(project, site_dir: Path) -> list[Finding] | None # once, after every language; errors delete the site
    page_output(project, page: PageInfo, html: str) -> str    # the finished page, just before it is written
    SKIP_WHEN_SERVING: bool                  # finalize() and page_output() are not run by `mkdocs serve`
    BACKGROUND_CHECK: bool       # `mkdocs build` does not run check() while loading; instead:
    build_start(project, site_dir: Path) -> None              # a build (not serve) begins: start the check aside
    page_written(project, dest: Path, html: str, deferred: list[str]) -> None  # each page as it is written,
                                                              # with the rewrites page_output left (PageInfo.deferred)
    build_error(project, site_dir: Path) -> None              # the build failed: stop what build_start began

The MkDocs adapter calls them in the order of FEATURES. To add a feature, create
features/<name>.py and add its name here.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

FEATURES: list[str] = [
    "core_pages",
    "courses",
    "lawchanges",  # page_html: its box goes on top, then freshness puts its dates above it
    "freshness",
    "changes",
    "editions",
    "search",
    "i18n",
    "pii_gate",
    "content_lint",
    "matrix",
    "handbook",
    "glossary",
    "codes_page",
    "templates_page",
    "edit_links",
    "a11y",
    "casebook",  # page_html: last, so the composite notice and facts box open every case page
    "csp",  # finalize: hashes the finished pages' inline scripts, so after every HTML writer
    "offline",  # finalize: build id over the finished site, so after csp
]


@dataclass(frozen=True)
class PageInfo:
    """What a feature needs to know about the page being built."""
    lang: str  # language of this build (the reader's language)
    default_lang: str
    site_path: str  # e.g. poverty/public-assistance, casebook/case-001, casebook/index
    src_uri: str  # the file MkDocs read, relative to its tree, e.g. casebook/case-001.en.md
    url: str  # page URL relative to the site root, e.g. en/casebook/case-001/
    doc: object | None  # the core record (Article, Case, Module) or None for generated pages
    translated: bool  # a translation file exists for this language (or lang is the default)
    # `mkdocs build` only (else None): "module:function" rewrites (html -> html) that page_output
    # leaves to the build's second process, which applies them to the written page
    deferred: list[str] | None = None
    # elements kept out of the search index until the page is written (search_aside.aside); None:
    # not building a site (features then leave the elements in place)
    asides: list[str] | None = None

    @property
    def fallback(self) -> bool:
        """Shown from the Japanese original because no translation exists."""
        return self.lang != self.default_lang and not self.translated


@lru_cache(maxsize=1)
def modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in FEATURES)


@lru_cache(maxsize=None)
def with_hook(name: str) -> tuple[ModuleType, ...]:
    """The features that define `name`, in order (asked once, not on every page)."""
    return tuple(mod for mod in modules() if hasattr(mod, name))


def assets() -> list[str]:
    out: list[str] = []
    for mod in modules():
        out += getattr(mod, "ASSETS", [])
    return out
