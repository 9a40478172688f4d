"""The casebook feature: checks on cases and vocabularies, case pages (composite notice,
facts box), related cases on handbook pages, facet listing pages, the filterable index
(rendered by render/casebook.py, driven by casebook.js) and the issue-monitoring page with
its CSV/JSON aggregates."""
from __future__ import annotations

from pathlib import Path

from ...models import Article, Case
from ...pages import ExtraPage, suffixed
from . import monitoring, pages
from .checks import check  # noqa: F401  (the feature hook)
from .facets import BROWSE_FACETS, facet_page

ASSETS = ["assets/bansou/casebook.css", "assets/bansou/casebook.js"]


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    out = []
    for lang in cfg.language_codes:
        def add(site_path: str, text: str) -> None:
            out.append(ExtraPage(suffixed(site_path, lang, cfg.default_language), None, text))
        add(monitoring.SITE_PATH, monitoring.page_markdown(project, lang))
        add("casebook/facets/index", pages.facets_index_markdown(project, lang))
        for facet in BROWSE_FACETS:
            add(facet_page(facet), pages.facet_page_markdown(project, facet, lang))
    return out


def page_markdown(project, page, markdown: str) -> str:
    if isinstance(page.doc, Article):
        return markdown + pages.related_cases_markdown(project, page.doc, page.lang)
    return markdown


def page_html(project, page, html: str) -> str:
    if isinstance(page.doc, Case):
        return pages.case_page_html(project, page, page.doc, html)
    return html


def post_build(project, site_dir: Path, lang: str) -> None:
    """The monitoring aggregates next to the monitoring page of this language's build.
    site_dir is the site's root in every language build (static-i18n nests the others)."""
    root = Path(site_dir)
    lang_root = root if lang == project.config.default_language or root.name == lang else root / lang
    target = lang_root / monitoring.SITE_PATH
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{monitoring.DATA_NAME}.csv").write_text(monitoring.to_csv(project, lang), encoding="utf-8")
    (target / f"{monitoring.DATA_NAME}.json").write_text(monitoring.to_json(project, lang), encoding="utf-8")
