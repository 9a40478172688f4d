"""Courses that trainers can run and newcomers can study alone.

- module pages: objectives on top (from front matter when the body has none), quiz and
  role-play fences rendered to HTML, a trainer-only timing line, a "done" button;
- course, module and case pages: the trainer-view switch (trainer notes are hidden by CSS
  until it is on; this is a convenience, NOT access control);
- checks for the timetable, module length and practice, quiz and role-play YAML.
The generated course pages (syllabus, key points, trainer page, print page) are in render/courses.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import Case, Module
from ...search_aside import aside
from ...ui import t
from . import blocks, html
from .checks import check  # noqa: F401  (the feature hook)
from .timetable import clock, module_times

ASSETS = ["assets/bansou/courses.css", "assets/bansou/courses.js"]

_CASE_FIRST_PARAGRAPH = re.compile(r"^##[^\n]*\n+(?P<p>(?:[^\n#!][^\n]*\n?)+)", re.M)


def body_in(doc, lang: str) -> str:
    tr = doc.translations.get(lang)
    return tr.body if tr else doc.body


def lang_prefix(lang: str, default_lang: str) -> str:
    return "" if lang == default_lang else f"{lang}/"


def quiz_count(body: str) -> int:
    return sum(f.kind == "quiz" for f in blocks.fences(body))


@lru_cache(maxsize=1024)
def _quiz(text: str):
    return blocks.parse_quiz(blocks.Fence("quiz", 0, 0, text), "", 1)[0]


@lru_cache(maxsize=256)
def _roleplay(text: str, case_ids: frozenset):
    return blocks.parse_roleplay(blocks.Fence("roleplay", 0, 0, text), "", 1, case_ids)[0]


def render_fences(project, body: str, lang: str, page_url: str, quiz_prefix: str | None) -> str:
    """Replace ```quiz / ```roleplay fences with HTML. quiz_prefix None = static print version."""
    found = blocks.fences(body)
    if not found:
        return body
    lines = body.split("\n")
    prefix = lang_prefix(lang, project.config.default_language)
    number = 0
    for fence in reversed(found):
        if fence.kind == "quiz":
            q = _quiz(fence.text)  # findings come from check(); here only the record matters
            if q is None:
                continue  # the check reports it; the block stays visible as code
            number = sum(f.kind == "quiz" for f in found[:found.index(fence) + 1])
            out = (html.quiz_static(q, number, lang) if quiz_prefix is None
                   else html.quiz(q, f"{quiz_prefix}-q{number}", number, lang))
        else:
            rp = _roleplay(fence.text, frozenset(project.cases))
            if rp is None:
                continue
            case = project.cases.get(rp.case) if rp.case else None
            link = None
            situation = rp.situation
            if case is not None:
                link = (html.rel_url(page_url, f"{prefix}{case.site_path}/"), case.title_in(lang))
                if not situation:
                    m = _CASE_FIRST_PARAGRAPH.search(body_in(case, lang))
                    situation = m.group("p").strip() if m else ""
            out = html.roleplay(rp, lang, situation, link)
        lines[fence.start:fence.end + 1] = ["", out, ""]
    return "\n".join(lines)


def _top_blocks(project, module: Module, lang: str, body: str) -> str:
    meta = module.meta_in(lang)
    out: list[str] = []
    if not blocks.has_block(body, "objectives"):
        out.append(f'!!! objectives "{t("crs_objectives", lang)}"')
        out += [f"    - {x}" for x in meta.get("objectives") or module.objectives]
        questions = meta.get("questions") or module.questions
        if questions:
            out += ["", f"    **{t('crs_questions', lang)}**", ""]
            out += [f"    - {x}" for x in questions]
        out.append("")
    course = project.courses.get(module.course_id)
    timing = module_times(course).get(module.id) if course else None
    if timing:
        day, slot = timing
        text = t("crs_timing", lang, day=day, start=clock(slot.start), end=clock(slot.end),
                 teaching=module.teaching_minutes, exercise=module.exercise_minutes)
        out += [f'<p class="bansou-trainer-only bansou-timing">{text}</p>', ""]
    return "\n".join(out)


def _bottom_blocks(module: Module, lang: str, body: str) -> str:
    if blocks.has_block(body, "keypoints"):
        return ""
    points = module.meta_in(lang).get("keypoints") or module.keypoints
    return "\n".join(["", f'!!! keypoints "{t("crs_keypoints", lang)}"', *[f"    - {x}" for x in points], ""])


def page_markdown(project, page, markdown: str) -> str:
    module = page.doc if isinstance(page.doc, Module) else None
    quiz_prefix = module.id if module else page.site_path.replace("/", "-")
    markdown = render_fences(project, markdown, page.lang, page.url, quiz_prefix)
    if module is not None:
        markdown = _top_blocks(project, module, page.lang, markdown) + "\n" + markdown + \
            _bottom_blocks(module, page.lang, markdown)
    return markdown


def _wants_switch(page) -> bool:
    if isinstance(page.doc, Case):
        return True
    return page.site_path.startswith("courses/") and not page.site_path.endswith("/print")


def page_html(project, page, content: str) -> str:
    widgets = 'class="bansou-quiz"' in content
    if _wants_switch(page):
        switch = aside(page, html.trainer_switch(page.lang))
        end = content.find("</h1>")
        content = content[:end + 5] + switch + content[end + 5:] if end >= 0 else switch + content
        widgets = True
    if isinstance(page.doc, Module):
        content += html.done_button(page.doc, page.lang)
        widgets = True
    if widgets or 'class="bansou-progress"' in content:
        content += html.strings_holder(page.lang)
    return content
