"""Legal changes: `law_changes:` (date it takes effect, summary, source url) shown on the page
as upcoming / recent, and collected in the 制度改正カレンダー page, upcoming first.

"Upcoming" and "recent" are relative to ProjectConfig.today, so an edition built on a
given day tells the reader what was ahead of them on that day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Article
from ..pages import ExtraPage, suffixed
from ..search_aside import aside
from ..ui import t
from .trust_common import GENERATED_FRONT_MATTER, esc, fmt_date, href_to, insert_top, localized

CALENDAR_PATH = "law-changes"
RECENT_DAYS = 3 * 365  # a change in force for less than this is still "recent" on its page


@dataclass(frozen=True)
class LawChange:
    date: dt.date
    summary: object  # str or {lang: str}
    url: str | None
    article: Article

    def text(self, lang: str, default_lang: str) -> str:
        return localized(self.summary, lang, default_lang)


def changes_of(article: Article, lang: str | None = None) -> list[LawChange]:
    meta = article.meta_in(lang) if lang else article.meta
    out = []
    for item in meta.get("law_changes") or ():
        if not isinstance(item, dict):
            continue
        date = item.get("date")
        if not isinstance(date, dt.date):
            try:
                date = dt.date.fromisoformat(str(date))
            except ValueError:
                continue
        out.append(LawChange(date, item.get("summary", ""), item.get("url"), article))
    return out


def split(changes: list[LawChange], today: dt.date) -> tuple[list[LawChange], list[LawChange]]:
    """(upcoming soonest first, in force newest first). A change taking effect today is in force."""
    upcoming = sorted((c for c in changes if c.date > today), key=lambda c: (c.date, c.article.site_path))
    past = sorted((c for c in changes if c.date <= today), key=lambda c: (c.date, c.article.site_path),
                  reverse=True)
    return upcoming, past


def all_changes(project, lang: str | None = None) -> list[LawChange]:
    out: list[LawChange] = []
    for article in project.articles.values():
        out += changes_of(article, lang)
    return out


# ---------------------------------------------------------------- the box on a page

def _items(changes: list[LawChange], lang: str, default_lang: str) -> str:
    lis = []
    for c in changes:
        source = (f' <a href="{esc(c.url)}" class="bansou-box__source">{esc(t("lawchanges_source", lang))}</a>'
                  if c.url else "")
        lis.append(f'<li><time datetime="{c.date.isoformat()}">{esc(fmt_date(c.date, lang))}</time> '
                   f'{esc(c.text(lang, default_lang))}{source}</li>')
    return "<ul>" + "".join(lis) + "</ul>"


def page_html(project, page, html: str) -> str:
    if page.site_path == CALENDAR_PATH:  # full of dates: keep it out of the PII gate's date rules
        return f'<div data-pii="skip" data-search-exclude>{html}</div>'
    if not isinstance(page.doc, Article):
        return html
    today = project.config.today
    upcoming, past = split(changes_of(page.doc, page.lang), today)
    recent = [c for c in past if (today - c.date).days <= RECENT_DAYS]
    if not upcoming and not recent:
        return html
    lang, default = page.lang, page.default_lang
    parts = [f'<p class="bansou-box__title">{esc(t("lawchanges_box_title", lang))}</p>']
    if upcoming:
        parts.append(f'<p class="bansou-lawchanges__kind bansou-lawchanges__kind--upcoming">'
                     f'{esc(t("lawchanges_upcoming", lang))}</p>{_items(upcoming, lang, default)}')
    if recent:
        parts.append(f'<p class="bansou-lawchanges__kind bansou-lawchanges__kind--recent">'
                     f'{esc(t("lawchanges_recent", lang))}</p>{_items(recent, lang, default)}')
    link = href_to(page.url, lang, default, CALENDAR_PATH)
    parts.append(f'<p class="bansou-box__more"><a href="{esc(link)}">{esc(t("lawchanges_title", lang))}</a></p>')
    return insert_top(html, aside(page, '<aside class="bansou-box bansou-lawchanges bansou-noterms" data-pii="skip" '
                                        'data-search-exclude>' + "".join(parts) + "</aside>"))


# ---------------------------------------------------------------- the calendar page

def _lines(changes: list[LawChange], lang: str, default_lang: str) -> list[str]:
    out = []
    for c in changes:
        line = (f"- **{fmt_date(c.date, lang)}** — {c.text(lang, default_lang)} "
                f"([{c.article.title_in(lang)}]({c.article.site_path}.md))")
        if c.url:
            line += f" · [{t('lawchanges_source', lang)}]({c.url})"
        out.append(line)
    return out


def calendar_markdown(project, lang: str) -> str:
    default = project.config.default_language
    today = project.config.today
    upcoming, past = split(all_changes(project, lang), today)
    out = [GENERATED_FRONT_MATTER + f"# {t('lawchanges_title', lang)}", "",
           t("lawchanges_intro", lang, today=today.isoformat()), ""]
    if not upcoming and not past:
        return "\n".join(out + [t("lawchanges_none", lang)]) + "\n"
    if upcoming:
        out += [f"## {t('lawchanges_upcoming', lang)}", "", *_lines(upcoming, lang, default), ""]
    if past:
        out += [f"## {t('lawchanges_past', lang)}", "", *_lines(past, lang, default), ""]
    return "\n".join(out) + "\n"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    return [ExtraPage(suffixed(CALENDAR_PATH, lang, cfg.default_language), None, calendar_markdown(project, lang))
            for lang in cfg.language_codes]
