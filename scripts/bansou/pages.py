"""What the site adds to docs/: casebook and course sources, and generated pages.

Returns plain data (site-relative source names → file path or Markdown text) so the
MkDocs adapter only has to hand them over.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .render import casebook, courses


@dataclass(frozen=True)
class ExtraPage:
    src_uri: str  # as MkDocs sees it, e.g. casebook/case-001.en.md
    abs_path: Path | None  # a real file, or
    content: str | None  # generated Markdown


def _suffixed(site_path: str, lang: str, default: str) -> str:
    return f"{site_path}.md" if lang == default else f"{site_path}.{lang}.md"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    pages: list[ExtraPage] = []
    for doc in [*project.cases.values(), *project.modules.values()]:
        pages.append(ExtraPage(f"{doc.site_path}.md", doc.abs_path, None))
        for lang, tr in doc.translations.items():
            pages.append(ExtraPage(f"{doc.site_path}.{lang}.md", tr.abs_path, None))
    for lang in cfg.language_codes:
        pages.append(ExtraPage(_suffixed("casebook/index", lang, cfg.default_language), None,
                               casebook.index_markdown(project, lang)))
        for site_path, text in courses.generated(project, lang).items():
            pages.append(ExtraPage(_suffixed(site_path, lang, cfg.default_language), None, text))
    return pages
