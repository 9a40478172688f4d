"""The コード一覧 / finding codes page: every code a check can report, with meaning, example and fix.

Generated from codes.all_codes() (codes features define included) and the PII kinds table, so
a new code appears here without anyone editing a page. Messages exist in Japanese and English;
Easy Japanese readers get the Japanese text, every other language the English one.
"""
from __future__ import annotations

import html
import re

from .. import codes, ui
from ..pages import ExtraPage, suffixed
from . import PageInfo

SITE_PATH = "finding-codes"
_PARAM = re.compile(r"\{(\w+)\}")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def text_lang(lang: str) -> str:
    return "ja" if lang in ("ja", "ej") else "en"


def _plain(template: str) -> str:
    """A message template as a reader sees it: {field} placeholders become …, HTML stays text."""
    text = _PARAM.sub("…", template).strip()
    out, last = [], 0
    for m in _CODE_SPAN.finditer(text):  # code spans are shown literally by Markdown already
        out.append(_escape(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_escape(text[last:]))
    return " ".join("".join(out).split("\n"))


def _escape(text: str) -> str:
    """Messages are plain text: no HTML, links, images or emphasis may come out of them."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]!#|])", r"\\\1", text)


def _fence(example: str) -> list[str]:
    return ["~~~~text", *example.split("\n"), "~~~~"]


def pii_kinds() -> dict:
    try:
        from ..pii.kinds import KINDS
    except ImportError:  # a fork without the PII gate
        return {}
    return KINDS


def _entry(code: str, severity: str, meaning: str, example: str, fix: str, lang: str,
           anchor: str | None = None) -> list[str]:
    label = ui.t("contrib_severity_error" if severity in ("error", "block") else "contrib_severity_warning", lang)
    lines = [f"### {code} {{#{anchor or code}}}", "", f"**{label}**", "",
             f"**{ui.t('contrib_meaning', lang)}:** {_plain(meaning) or '—'}", ""]
    if example:
        lines += [f"**{ui.t('contrib_example', lang)}:**", "", *_fence(example), ""]
    lines += [f"**{ui.t('contrib_fix', lang)}:** {_plain(fix) or '—'}", ""]
    return lines


def page_markdown_for(lang: str) -> str:
    tl = text_lang(lang)
    # not in the search index: the PII examples are fake personal data, and the site's PII scan reads the index
    lines = ["---", f"title: {ui.t('contrib_codes_title', lang)}", "search:", "  exclude: true", "---", "",
             ui.t("contrib_codes_intro", lang), ""]
    for code, info in sorted(codes.all_codes().items()):
        meaning = info.message_ja if tl == "ja" else info.message_en
        fix = info.hint_ja if tl == "ja" else info.hint_en
        if not _PARAM.sub("", fix).strip():  # the hint is filled in per finding: the message says what to do
            fix = ui.t("contrib_fix_see_message", tl)
        lines += _entry(code, info.severity, meaning, info.example, fix, lang)
    known = codes.all_codes()
    kinds = {k: v for k, v in pii_kinds().items() if f"pii-{k}" not in known}  # kinds `bansou check` has no code for
    if kinds:
        lines += [f"## {ui.t('contrib_pii_title', lang)} {{#pii}}", "", ui.t("contrib_pii_intro", lang), ""]
        for kind, info in sorted(kinds.items()):
            meaning = info.message_ja if tl == "ja" else info.message_en
            fix = info.hint_ja if tl == "ja" else info.hint_en
            anchor = f"pii-{kind}" if kind in known else kind
            lines += _entry(kind, info.severity_default, meaning, info.example, fix, lang, anchor)
    return "\n".join(lines) + "\n"


def extra_pages(project) -> list[ExtraPage]:
    cfg = project.config
    return [ExtraPage(suffixed(SITE_PATH, lang, cfg.default_language), None, page_markdown_for(lang))
            for lang in cfg.language_codes]


def page_html(project, page: PageInfo, html_text: str) -> str:
    if page.site_path == SITE_PATH:  # the examples are fake personal data on purpose: the site scan skips them
        return f'<div data-pii="skip">{html_text}</div>'
    return html_text
