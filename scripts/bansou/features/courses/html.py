"""HTML for the course widgets: quizzes, role plays, the trainer switch, the done button,
the progress view. Labels come from data/ui/courses.yml; scripts read them from a data
attribute (no inline scripts, no network)."""
from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from html import escape

import markdown as _markdown

from ...ui import all_for, t
from .blocks import Quiz, Roleplay

_P = re.compile(r"^<p>(.*)</p>$", re.S)


_MD = _markdown.Markdown(extensions=["nl2br", "sane_lists"], output_format="html")


@lru_cache(maxsize=4096)
def md(text: str, inline: bool = False) -> str:
    """A snippet of Markdown (from quiz or role-play YAML) as HTML; single line breaks kept.
    One converter, reset per snippet, and a cache: the same snippets recur in every language."""
    html = _MD.reset().convert(text.strip())
    m = _P.match(html)
    return m.group(1) if inline and m and "<p>" not in m.group(1) else html


def rel_url(from_url: str, to_url: str) -> str:
    """Relative link between two directory-style page URLs (as MkDocs writes them)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    out = posixpath.relpath("/" + to_url, "/" + base)
    return out + "/" if to_url.endswith("/") and not out.endswith("/") else out


def quiz(q: Quiz, quiz_id: str, number: int, lang: str) -> str:
    kind = "radio" if q.type == "single" else "checkbox"
    hint = t("crs_quiz_choose_one" if q.type == "single" else "crs_quiz_choose_all", lang)
    correct = ",".join(str(i) for i, o in enumerate(q.options) if o.correct)
    options = "".join(
        f'<label class="bansou-quiz__option"><input type="{kind}" name="{quiz_id}" value="{i}">'
        f'<span class="bansou-quiz__text">{md(o.text, inline=True)}</span></label>'
        for i, o in enumerate(q.options))
    return (f'<form class="bansou-quiz" id="{quiz_id}" data-quiz-id="{quiz_id}" data-type="{q.type}" '
            f'data-correct="{correct}" action="#{quiz_id}">'
            f'<fieldset class="bansou-quiz__fieldset"><legend class="bansou-quiz__question">'
            f'<span class="bansou-quiz__n">{escape(t("crs_quiz_n", lang, n=number))}</span> {md(q.question, inline=True)}'
            f'</legend><p class="bansou-quiz__hint">{escape(hint)}</p>{options}</fieldset>'
            f'<button type="submit" class="md-button md-button--primary bansou-quiz__check">{escape(t("crs_quiz_check", lang))}</button>'
            f'<div class="bansou-quiz__feedback" role="status" aria-live="polite">'
            f'<p class="bansou-quiz__verdict"></p>'
            f'<div class="bansou-quiz__explanation" hidden>{md(q.explanation)}</div></div></form>')


def quiz_static(q: Quiz, number: int, lang: str) -> str:
    """Print version: options as boxes, the answer and explanation written out."""
    options = "".join(f"<li>{md(o.text, inline=True)}</li>" for o in q.options)
    answer = " / ".join(md(o.text, inline=True) for o in q.options if o.correct)
    return (f'<div class="bansou-quiz bansou-quiz--static"><p class="bansou-quiz__question">'
            f'<span class="bansou-quiz__n">{escape(t("crs_quiz_n", lang, n=number))}</span> {md(q.question, inline=True)}</p>'
            f'<ul class="bansou-quiz__options">{options}</ul>'
            f'<div class="bansou-quiz__answer"><p><strong>{escape(t("crs_quiz_answer", lang))}:</strong> {answer}</p>'
            f'{md(q.explanation)}</div></div>')


def roleplay(rp: Roleplay, lang: str, situation: str, case_link: tuple[str, str] | None) -> str:
    title = f' <span class="bansou-roleplay__title">{md(rp.title, inline=True)}</span>' if rp.title else ""
    case = ""
    if case_link:
        href, case_title = case_link
        case = (f'<p class="bansou-roleplay__case">{escape(t("crs_roleplay_case", lang))}: '
                f'<a href="{escape(href)}">{escape(case_title)}</a></p>')
    cards = "".join(f'<div class="bansou-roleplay__card"><p class="bansou-roleplay__role">{md(r.name, inline=True)}</p>'
                    f'{md(r.card)}</div>' for r in rp.roles)
    observer = ""
    if rp.observer:
        items = "".join(f"<li>{md(x, inline=True)}</li>" for x in rp.observer)
        observer = (f'<p class="bansou-roleplay__heading">{escape(t("crs_roleplay_observer", lang))}</p>'
                    f'<ul class="bansou-roleplay__observer">{items}</ul>')
    return (f'<section class="bansou-roleplay"><p class="bansou-roleplay__label">{escape(t("crs_roleplay", lang))}{title}</p>'
            f'{case}<p class="bansou-roleplay__heading">{escape(t("crs_roleplay_situation", lang))}</p>'
            f'<div class="bansou-roleplay__situation">{md(situation)}</div>'
            f'<p class="bansou-roleplay__heading">{escape(t("crs_roleplay_roles", lang))}</p>'
            f'<div class="bansou-roleplay__cards">{cards}</div>{observer}</section>')


def strings_holder(lang: str) -> str:
    """Every courses label for the page's script, as a data attribute (not indexed by search)."""
    data = {k: v for k, v in all_for(lang).items() if k.startswith("crs_")}
    return f'<div id="bansou-courses-strings" hidden data-strings="{escape(json.dumps(data, ensure_ascii=False))}"></div>'


def trainer_switch(lang: str) -> str:
    # data-search-exclude: the same help text on every module would match every search for its words
    return (f'<div class="bansou-trainer-switch" data-search-exclude>'
            f'<button type="button" class="bansou-trainer-switch__button" role="switch" aria-checked="false" '
            f'aria-describedby="bansou-trainer-help">'
            f'<span class="bansou-trainer-switch__track" aria-hidden="true"></span>'
            f'<span class="bansou-trainer-switch__label">{escape(t("crs_switch_label", lang))}</span>'
            f'<span class="bansou-trainer-switch__state">{escape(t("crs_switch_off", lang))}</span></button>'
            f'<p class="bansou-trainer-switch__help" id="bansou-trainer-help">{escape(t("crs_switch_help", lang))}</p></div>')


def done_button(module, lang: str) -> str:
    return (f'<div class="bansou-done" data-module="{escape(module.id)}">'
            f'<button type="button" class="md-button bansou-done__button" aria-pressed="false">'
            f'{escape(t("crs_done_button", lang))}</button>'
            f'<span class="bansou-done__state" role="status" aria-live="polite"></span></div>')


def progress_view(course, quiz_counts: dict[str, int], module_links: dict[str, str], lang: str) -> str:
    rows = "".join(
        f'<tr data-module="{escape(m.id)}" data-quizzes="{quiz_counts.get(m.id, 0)}">'
        f'<td><a href="{escape(module_links[m.id])}">{escape(m.title_in(lang))}</a></td>'
        f'<td class="bansou-progress__done">–</td><td class="bansou-progress__score">–</td></tr>'
        for m in course.modules)
    return (f'<div class="bansou-progress" data-course="{escape(course.id)}" data-total="{len(course.modules)}">'
            f'<p class="bansou-progress__intro">{escape(t("crs_progress_intro", lang))}</p>'
            f'<p class="bansou-progress__summary" role="status" aria-live="polite"></p>'
            f'<div class="md-typeset__table"><table><thead><tr><th>{escape(t("crs_col_module", lang))}</th>'
            f'<th>{escape(t("crs_col_done", lang))}</th><th>{escape(t("crs_col_score", lang))}</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div>'
            f'<p class="bansou-progress__actions"><button type="button" class="md-button bansou-progress__reset">'
            f'{escape(t("crs_progress_reset", lang))}</button> '
            f'<button type="button" class="md-button bansou-progress__confirm" hidden>'
            f'{escape(t("crs_progress_reset_confirm", lang))}</button></p></div>')
