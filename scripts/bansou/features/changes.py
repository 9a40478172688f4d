"""What changed: the 更新履歴 page of an edition and each page's recent-changes box.

Two sources: `changes:` entries in a page's front matter (date + summary, a str or
{ja: ..., en: ...}), written by people for readers; and git history (when each page's
file was last committed), which needs no writing but says only "updated".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import codes
from ..githistory import history_for
from ..models import Document
from ..pages import ExtraPage, suffixed
from ..search_aside import aside
from ..ui import t
from .trust_common import (GENERATED_FRONT_MATTER, SECTIONS, esc, fmt_date, href_to, localized, section_label,
                           section_of)

CHANGES_PATH = "changes"
BOX_ENTRIES = 3  # entries in a page's own box
GIT_PER_SECTION = 5  # recently committed pages listed per section

codes.define(
    "change-future", "warning",
    "変更の記録({index} 番目)の日付 {date} が今日({today})より後になっています。",
    "Change note {index} is dated {date}, after today ({today}).",
    "`changes:` には、すでに行った変更を書きます。日付の書き間違いでないか確かめてください。"
    "これから施行される制度の改正は `law_changes:` に書きます。",
    "`changes:` records edits already made: check the date. Legal changes that take effect later belong in `law_changes:`.",
    "changes:\n  - date: 2099-01-01\n    summary: 書き直しました")


@dataclass(frozen=True)
class ChangeEntry:
    date: dt.date
    summary: object  # str or {lang: str}
    doc: Document

    def text(self, lang: str, default_lang: str) -> str:
        return localized(self.summary, lang, default_lang)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def entries_of(doc: Document, lang: str | None = None) -> list[ChangeEntry]:
    """A page's change notes, newest first (a translation may carry its own list)."""
    meta = doc.meta_in(lang) if lang else doc.meta
    out = []
    for item in meta.get("changes") or ():
        date = _as_date(item.get("date")) if isinstance(item, dict) else None
        if date is not None and item.get("summary"):
            out.append(ChangeEntry(date, item["summary"], doc))
    return sorted(out, key=lambda e: e.date, reverse=True)


def check(project) -> list:
    today = project.config.today
    findings = []
    for doc in project.articles.values():
        for i, item in enumerate(doc.meta.get("changes") or ()):
            date = _as_date(item.get("date")) if isinstance(item, dict) else None
            if date is not None and date > today:
                findings.append(codes.make("change-future", doc.rel, doc.line_of("changes", i, "date") or
                                           doc.line_of("changes", i), None, index=i + 1,
                                           date=date.isoformat(), today=today.isoformat()))
    return findings


# ---------------------------------------------------------------- the 更新履歴 page

def _last_committed(history, doc: Document, lang: str) -> dt.date | None:
    files = [doc.rel] + ([doc.translations[lang].rel] if lang in doc.translations else [])
    dates = [d for d in (history.date_of(f) for f in files) if d]
    return max(dates) if dates else None


def changes_markdown(project, lang: str) -> str:
    default = project.config.default_language
    history = history_for(project)
    recorded: dict[str, list[ChangeEntry]] = {}
    committed: dict[str, list[tuple[dt.date, Document]]] = {}
    for doc in project.documents():
        section = section_of(doc.site_path)
        recorded.setdefault(section, []).extend(entries_of(doc, lang))
        date = _last_committed(history, doc, lang) if history.available else None
        if date is not None:
            committed.setdefault(section, []).append((date, doc))
    out = [GENERATED_FRONT_MATTER + f"# {t('changes_title', lang)}", "", t("changes_intro", lang), ""]
    if not history.available:
        out += [f"*{t('changes_no_git', lang)}*", ""]
    if not any(recorded.values()) and not committed:
        out += [t("changes_none", lang), ""]
    for section in (*SECTIONS, "other"):
        notes = sorted(recorded.get(section, []), key=lambda e: (e.date, e.doc.site_path), reverse=True)
        recent = sorted(committed.get(section, []), key=lambda x: (x[0], x[1].site_path), reverse=True)
        if not notes and not recent:
            continue
        out += [f"## {section_label(section, lang)}", ""]
        if notes:
            out += [f"### {t('changes_recorded', lang)}", ""]
            out += [f"- **{e.date.isoformat()}** — [{e.doc.title_in(lang)}]({e.doc.site_path}.md): "
                    f"{e.text(lang, default)}" for e in notes]
            out.append("")
        if recent:
            out += [f"### {t('changes_git', lang)}", ""]
            out += [f"- {date.isoformat()} — [{doc.title_in(lang)}]({doc.site_path}.md)"
                    for date, doc in recent[:GIT_PER_SECTION]]
            out.append("")
    return "\n".join(out) + "\n"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    return [ExtraPage(suffixed(CHANGES_PATH, lang, cfg.default_language), None, changes_markdown(project, lang))
            for lang in cfg.language_codes]


# ---------------------------------------------------------------- each page's box

def page_html(project, page, html: str) -> str:
    if page.site_path == CHANGES_PATH:  # full of dates: keep it out of the PII gate's date rules
        return f'<div data-pii="skip" data-search-exclude>{html}</div>'
    if page.doc is None:
        return html
    entries = entries_of(page.doc, page.lang)[:BOX_ENTRIES]
    if not entries:
        return html
    items = "".join(f'<li><time datetime="{e.date.isoformat()}">{esc(fmt_date(e.date, page.lang))}</time> '
                    f'{esc(e.text(page.lang, page.default_lang))}</li>' for e in entries)
    link = href_to(page.url, page.lang, page.default_lang, CHANGES_PATH)
    return html + "\n" + aside(
        page, f'<aside class="bansou-box bansou-changes bansou-noterms" data-pii="skip" data-search-exclude>'
              f'<p class="bansou-box__title">{esc(t("changes_box_title", page.lang))}</p><ul>{items}</ul>'
              f'<p class="bansou-box__more"><a href="{esc(link)}">{esc(t("changes_all", page.lang))}</a></p></aside>')
