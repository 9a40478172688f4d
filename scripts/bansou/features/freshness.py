"""Freshness: review dates, an overdue notice on the page, last-updated dates from git,
and the review queue (a generated page and `bansou stale`).

A handbook page is due for review `review_interval_days` after `reviewed` (front matter,
else the plugin option, else 365). "Today" is ProjectConfig.today (BANSOU_TODAY or the
plugin's `today`), never the wall clock in tests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..githistory import history_for
from ..models import Article, Document
from ..pages import ExtraPage, suffixed
from ..search_aside import aside
from ..ui import t
from .trust_common import GENERATED_FRONT_MATTER, esc, fmt_date, insert_top, join_names

ASSETS = ["assets/bansou/trust.css"]
QUEUE_PATH = "maintainers/review-queue"
QUEUE_NEXT = 10  # how many not-yet-due pages the queue page lists


@dataclass(frozen=True)
class ReviewItem:
    path: str  # project-relative source file
    site_path: str
    title: str
    valid_as_of: dt.date | None
    reviewed: dt.date
    due: dt.date
    owners: tuple[str, ...]

    def to_json(self) -> dict:
        return {"path": self.path, "site_path": self.site_path, "title": self.title,
                "valid_as_of": self.valid_as_of.isoformat() if self.valid_as_of else None,
                "reviewed": self.reviewed.isoformat(), "due": self.due.isoformat(),
                "owners": list(self.owners)}


def interval_days(article: Article, config) -> int:
    return int(article.review_interval_days or config.review_interval_days)


def review_item(article: Article, config) -> ReviewItem | None:
    if article.info or article.reviewed is None:
        return None
    due = article.reviewed + dt.timedelta(days=interval_days(article, config))
    return ReviewItem(article.rel, article.site_path, article.title, article.valid_as_of,
                      article.reviewed, due, article.owners)


def review_items(project) -> list[ReviewItem]:
    """Every reviewable handbook page, soonest due first."""
    items = [review_item(a, project.config) for a in project.articles.values()]
    return sorted((i for i in items if i), key=lambda i: (i.due, i.path))


def overdue(project) -> list[ReviewItem]:
    """Pages whose review date has passed ("today" is after the due date)."""
    today = project.config.today
    return [i for i in review_items(project) if i.due < today]


def months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


# ---------------------------------------------------------------- on each page

def _source_rel(doc: Document, lang: str, translated: bool) -> str:
    """The file the reader's text comes from: the translation's own file if there is one."""
    tr = doc.translations.get(lang)
    return tr.rel if (translated and tr is not None) else doc.rel


def _notice(item: ReviewItem, today: dt.date, lang: str) -> str:
    months = months_between(item.reviewed, today)
    params = dict(valid_as_of=fmt_date(item.valid_as_of or item.reviewed, lang),
                  reviewed=fmt_date(item.reviewed, lang), owners=join_names(item.owners, lang))
    text = (t("freshness_notice", lang, months=months, **params) if months >= 1
            else t("freshness_notice_days", lang, days=(today - item.reviewed).days, **params))
    return (f'<div class="admonition warning bansou-stale bansou-noterms" role="note" data-pii="skip" data-search-exclude>'
            f'<p class="admonition-title">{esc(t("freshness_notice_title", lang))}</p>'
            f'<p>{esc(text)}</p></div>')


def _dates_line(project, doc: Document, page, item: ReviewItem | None) -> str:
    lang = page.lang
    parts = []
    if item is not None:
        if item.valid_as_of:
            parts.append((t("freshness_valid_as_of", lang), item.valid_as_of.isoformat(), "valid-as-of"))
        parts.append((t("freshness_reviewed", lang), item.reviewed.isoformat(), "reviewed"))
    history = history_for(project)
    updated = history.date_of(_source_rel(doc, lang, page.translated)) if history.available else None
    parts.append((t("freshness_updated", lang),
                  t("freshness_git_date", lang, date=updated.isoformat()) if updated
                  else t("freshness_unknown", lang), "updated"))
    spans = " ".join(f'<span class="bansou-dates__{cls}">{esc(label)} <time>{esc(value)}</time></span>'
                     for label, value, cls in parts)
    return f'<p class="bansou-dates bansou-noterms" data-pii="skip" data-search-exclude>{spans}</p>'


def page_html(project, page, html: str) -> str:
    doc = page.doc
    if page.site_path == QUEUE_PATH:  # full of dates: keep it out of the PII gate's date rules
        return f'<div data-pii="skip" data-search-exclude>{html}</div>'
    if doc is None or (isinstance(doc, Article) and doc.info):
        return html
    item = review_item(doc, project.config) if isinstance(doc, Article) else None
    block = aside(page, _dates_line(project, doc, page, item))
    if item is not None and item.due < project.config.today:
        block = aside(page, _notice(item, project.config.today, page.lang)) + block
    return insert_top(html, f'<div class="bansou-freshness">{block}</div>')


# ---------------------------------------------------------------- the review queue page

def _table(items: list[ReviewItem], lang: str) -> list[str]:
    out = [f"| {t('freshness_col_page', lang)} | {t('freshness_reviewed', lang)} | "
           f"{t('freshness_col_due', lang)} | {t('freshness_col_owners', lang)} |", "|---|---|---|---|"]
    for i in items:
        title = i.title.replace("|", "\\|")
        out.append(f"| [{title}](../{i.site_path}.md) | {i.reviewed.isoformat()} | {i.due.isoformat()} | "
                   f"{join_names(i.owners, lang)} |")
    return out


def queue_markdown(project, lang: str) -> str:
    cfg = project.config
    late = overdue(project)
    rest = [i for i in review_items(project) if i.due >= cfg.today][:QUEUE_NEXT]
    out = [GENERATED_FRONT_MATTER + f"# {t('freshness_queue_title', lang)}", "",
           t("freshness_queue_intro", lang, days=cfg.review_interval_days, today=cfg.today.isoformat()), "",
           f"## {t('freshness_queue_overdue', lang, n=len(late))}", ""]
    out += _table(late, lang) if late else [t("freshness_queue_none", lang)]
    out += ["", f"## {t('freshness_queue_next', lang)}", ""]
    out += _table(rest, lang) if rest else [t("freshness_queue_none_next", lang)]
    return "\n".join(out) + "\n"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    return [ExtraPage(suffixed(QUEUE_PATH, lang, cfg.default_language), None, queue_markdown(project, lang))
            for lang in cfg.language_codes]
