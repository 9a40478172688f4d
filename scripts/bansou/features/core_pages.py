"""Casebook and course sources, and their index pages, added to the site."""
from __future__ import annotations

from ..pages import ExtraPage, suffixed
from ..render import casebook, courses


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    pages: list[ExtraPage] = []
    for doc in [*project.cases.values(), *project.modules.values()]:
        pages.append(ExtraPage(f"{doc.site_path}.md", doc.abs_path, None))
        for lang, tr in doc.translations.items():
            pages.append(ExtraPage(f"{doc.site_path}.{lang}.md", tr.abs_path, None))
    for lang in cfg.language_codes:
        pages.append(ExtraPage(suffixed("casebook/index", lang, cfg.default_language), None,
                               casebook.index_markdown(project, lang)))
        for site_path, text in courses.generated(project, lang).items():
            pages.append(ExtraPage(suffixed(site_path, lang, cfg.default_language), None, text))
    return pages
