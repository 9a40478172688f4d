"""Handbook articles: the sources-and-dates box, the related-pages list and printable checklists.

All three are written from front matter, in the reader's language, at the end of the article
(the checklist print button at the top). Info pages (home, about) get none of them.
"""
from __future__ import annotations

from .. import codes
from ..models import Article
from ..render.site_links import date_text, esc, link
from ..search_aside import aside
from ..ui import t

ASSETS = ["assets/bansou/handbook.css", "assets/bansou/handbook.js"]

codes.define(
    "source-not-https", "warning",
    "出典「{title}」の URL が https:// で始まっていません。",
    "The URL of the source '{title}' does not start with https://.",
    "公的機関のサイトはほぼすべて https に対応しています。ブラウザで https:// の URL を開いて確かめ、書き換えてください。",
    "Almost every official site supports https. Open the https:// address in a browser to confirm it, then update the URL.",
    "sources:\n  - title: 文部科学省\n    url: http://www.mext.go.jp/...")


def check(project) -> list:
    findings = []
    for article in project.articles.values():
        for i, source in enumerate(article.sources):
            if not source.url.startswith("https://"):
                findings.append(codes.make("source-not-https", article.rel, article.line_of("sources", i, "url"),
                                           None, title=source.title))
    return findings


def _article(page) -> Article | None:
    doc = page.doc
    return doc if isinstance(doc, Article) and not doc.info else None


def facts_html(article: Article, page) -> str:
    lang = page.lang
    meta = article.meta if page.fallback else article.meta_in(lang)
    sources = meta.get("sources") or [{"title": s.title, "url": s.url} for s in article.sources]
    out = ['<aside class="bansou-facts bansou-noterms" data-pii="skip" data-search-exclude>',
           f'<p class="bansou-facts__title">{esc(t("hb_facts_title", lang))}</p>', "<dl>"]
    for key, value in (("hb_valid_as_of", article.valid_as_of), ("hb_reviewed", article.reviewed)):
        if value:
            out.append(f'<div><dt>{esc(t(key, lang))}</dt><dd><time datetime="{value.isoformat()}">'
                       f'{esc(date_text(value, lang))}</time></dd></div>')
    out.append(f'<div class="bansou-facts__sources"><dt>{esc(t("hb_sources", lang))}</dt><dd><ul>')
    for source in sources:
        out.append(f'<li><a href="{esc(source["url"])}" rel="noopener">{esc(source["title"])}</a></li>')
    out.append("</ul></dd></div></dl></aside>")
    return "\n".join(out)


def related_html(project, article: Article, page) -> str:
    items = []
    for site_path in article.related.pages:
        target = project.articles.get(site_path)
        if target is None:  # reported as ref-missing by the core checks
            continue
        items.append(f'<li><a href="{esc(link(page, site_path))}">{esc(target.title_in(page.lang))}</a></li>')
    if not items:
        return ""
    return ('<nav class="bansou-related bansou-noterms" aria-labelledby="bansou-related-title" data-search-exclude>'
            f'<h2 id="bansou-related-title">{esc(t("hb_related", page.lang))}</h2>'
            f'<ul>{"".join(items)}</ul></nav>')


def print_bar_html(page) -> str:
    lang = page.lang
    return ('<div class="bansou-print-bar bansou-noterms">'
            f'<button type="button" class="md-button md-button--primary bansou-print-button" data-bansou-print>'
            f'{esc(t("hb_print", lang))}</button>'
            f'<span class="bansou-print-bar__hint">{esc(t("hb_print_hint", lang))}</span></div>')


def page_html(project, page, html: str) -> str:
    article = _article(page)
    if article is None:
        return html
    if article.checklist:
        html = f'<div class="bansou-checklist">{print_bar_html(page)}{html}</div>'
    related = related_html(project, article, page)
    return html + aside(page, facts_html(article, page)) + (aside(page, related) if related else "")
