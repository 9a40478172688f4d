"""「このページを編集 / Edit this page」: open the file the reader is looking at on GitHub.

MkDocs builds edit_uri from docs/ only, so casebook/ and courses/ pages (added from outside
docs/) and translated pages would point at the wrong file. The adapter asks `edit_url()` for
every page; None hides the button (generated pages have no file to edit). Material's button
is an icon only, so page_html also adds a link in words at the end of the page.
"""
from __future__ import annotations

import html as _html
from urllib.parse import quote

from .. import ui
from ..search_aside import aside
from . import PageInfo


def source_rel(project, page: PageInfo) -> str | None:
    """Project-relative path of the file behind this page in this language."""
    doc = page.doc
    if doc is None:
        return None
    if page.lang != page.default_lang:
        tr = doc.translations.get(page.lang)
        if tr is not None:
            return tr.rel
    return doc.rel  # the original, also for a page shown in Japanese because it has no translation


def edit_url(project, page: PageInfo) -> str | None:
    repo = project.config.repo_url.rstrip("/")
    rel = source_rel(project, page)
    if not repo or rel is None:
        return None
    return f"{repo}/edit/{quote(project.config.edit_branch)}/{quote(rel)}"


def page_html(project, page: PageInfo, html: str) -> str:
    url = edit_url(project, page)
    if url is None:
        return html
    label = _html.escape(ui.t("contrib_edit_page", page.lang))
    # out of the search index: "edit this page" on every page would match every search for "edit"
    return html + "\n" + aside(page, f'<p class="bansou-edit-link" data-search-exclude><a href="{_html.escape(url)}" '
                                     f'rel="edit">{label}</a></p>') + "\n"
