"""Honest language status on every page, the translation status page, and furigana.

- A page shown from the Japanese original (no translation), a machine-assisted
  unreviewed translation, and a translation older than its source each get a notice in
  the reader's language with a link to the original.
- `{漢字|かんじ}` is ruby in every language; Easy Japanese pages (ej) get readings on
  every kanji automatically, and the reader can switch them off.
"""
from __future__ import annotations

import html as html_lib
import posixpath

from ..furigana import annotate_page, ruby_markdown
from ..pages import ExtraPage, suffixed
from ..search_aside import aside
from ..translations import all_statuses, coverage, page_status
from ..ui import t

ASSETS = ["assets/bansou/i18n.css", "assets/bansou/i18n.js"]
EASY = "ej"
STATUS_PAGE = "translation-status"
DEFERRED_FURIGANA = "bansou.furigana:annotate_page"
LIST_LIMIT = 20  # pages listed per language and list on the status page


def site_url(site_path: str) -> str:
    """URL of a page (relative to the site root of the default language)."""
    if site_path == "index":
        return ""
    if site_path.endswith("/index"):
        return site_path[: -len("index")]
    return site_path + "/"


def _relative(page, target: str) -> str:
    depth = page.url.count("/") if page.url else 0
    return posixpath.join(*([".."] * depth), target) if depth else (target or "./")


def notice(page, project) -> str:
    doc = page.doc
    if doc is None or page.lang == page.default_lang:
        return ""
    status = page_status(project, doc, page.lang)
    keys = {"missing": ["i18n_fallback"], "machine": ["i18n_machine"],
            "outdated": ["i18n_outdated", "i18n_machine"]}.get(status.status, [])
    if status.status == "outdated" and not doc.translations[page.lang].machine_assisted:
        keys = ["i18n_outdated"]
    if not keys:
        return ""
    original = _relative(page, site_url(doc.site_path))
    text = " ".join(html_lib.escape(t(k, page.lang)) for k in keys)
    link = f'<a href="{original}" hreflang="ja" lang="ja">{html_lib.escape(t("i18n_original_link", page.lang))}</a>'
    kind = status.status
    # out of the search index: the same sentence on every untranslated page would match them all
    return (f'<div class="admonition bansou-i18n-notice bansou-i18n-{kind}" role="note" '
            f'data-translation-status="{kind}" data-search-exclude><p>{text} {link}</p></div>')


def page_markdown(project, page, markdown: str) -> str:
    return ruby_markdown(markdown)


def page_html(project, page, html: str) -> str:
    if page.lang == EASY:
        toggle = (f'<button type="button" class="md-button bansou-furigana-toggle" '
                  f'data-label-off="{html_lib.escape(t("furigana_toggle_off", page.lang))}" '
                  f'data-label-on="{html_lib.escape(t("furigana_toggle_on", page.lang))}">'
                  f'{html_lib.escape(t("furigana_toggle_off", page.lang))}</button>\n')
        html = toggle + html
    box = notice(page, project)
    return aside(page, box) + "\n" + html if box else html


def page_output(project, page, html: str) -> str:
    """Furigana on the finished page's article (title included). Added after the search plugin
    has read the content, so readings never reach the index and its HTML parser does not
    wade through a <ruby> per word. In `mkdocs build` the build's second process adds them to
    the written page (page.deferred), while MkDocs renders the next ones."""
    if page.lang != EASY:
        return html
    if page.deferred is not None:
        page.deferred.append(DEFERRED_FURIGANA)
        return html
    return annotate_page(html)


def status_markdown(project, lang: str, statuses: list | None = None) -> str:
    statuses = all_statuses(project) if statuses is None else statuses
    table = [c for c in coverage(statuses) if c.section == "(all)"]
    out = [f"# {t('i18n_status_title', lang)}", "", t("i18n_status_intro", lang), "",
           f"| {t('i18n_col_language', lang)} | {t('i18n_col_translated', lang)} | "
           f"{t('i18n_col_reviewed', lang)} | {t('i18n_col_outdated', lang)} |", "|---|---|---|---|"]
    names = {lang_.code: lang_.name for lang_ in project.config.languages}
    for c in table:
        out.append(f"| {names.get(c.lang, c.lang)} (`{c.lang}`) | {c.translated}/{c.total} ({c.percent}%) | "
                   f"{c.reviewed} | {c.outdated} |")
    for key, wanted in (("i18n_outdated_list", "outdated"), ("i18n_unreviewed_list", "machine")):
        items = [s for s in statuses if s.status == wanted]
        out += ["", f"## {t(key, lang)}", ""]
        if not items:
            out.append(t("i18n_none", lang))
        by_lang: dict[str, list] = {}
        for s in items:
            by_lang.setdefault(s.lang, []).append(s)
        for code, group in by_lang.items():
            # the first few per language: a list of every page would grow with the site
            for s in group[:LIST_LIMIT]:
                out.append(f"- `{s.lang}` — {s.title.replace('|', '/')} (`{s.rel}`)")
            if len(group) > LIST_LIMIT:
                out.append(f"- `{code}` — {t('i18n_more', lang, count=len(group) - LIST_LIMIT)}")
    return "\n".join(out) + "\n"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    statuses = all_statuses(project)  # hashes every translation's source: once, not per language
    return [ExtraPage(suffixed(STATUS_PAGE, lang, cfg.default_language), None, status_markdown(project, lang, statuses))
            for lang in cfg.language_codes]
