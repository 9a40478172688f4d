"""Generated course pages, in every language: the course list, a guide, and per course the
course page, syllabus with timetable, key points, trainer page and all-in-one print page."""
from __future__ import annotations

from ..features.courses import blocks, body_in, html, lang_prefix, quiz_count, render_fences
from ..features.courses import _bottom_blocks, _top_blocks
from ..features.courses.timetable import clock, module_times, schedule
from ..ui import label, t

PAGES = ("syllabus", "keypoints", "trainer", "print")


def _name(module) -> str:
    return module.site_path.split("/")[-1]


def _module_title(module, n: int, lang: str) -> str:
    return f"{t('crs_module_n', lang, n=n)} {module.title_in(lang)}"


def _list(value: dict, lang: str) -> list[str]:
    return list(value.get(lang) or value.get("en") or value.get("ja") or [])


def index_markdown(project, lang: str) -> str:
    out = [f"# {t('crs_courses_title', lang)}", "", t("crs_courses_intro", lang), "",
           f"[{t('crs_guide_title', lang)}](guide.md)", ""]
    for course in sorted(project.courses.values(), key=lambda c: c.id):
        minutes = sum(m.minutes for m in course.modules)
        out.append(f"- [{label(course.title, lang)}]({course.id}/index.md) — "
                   f"{t('crs_total', lang, n=minutes, m=len(course.modules))}")
    return "\n".join(out) + "\n"


def guide_markdown(project, lang: str) -> str:
    out = [f"# {t('crs_guide_title', lang)}", ""]
    for key in ("crs_guide_learners", "crs_guide_trainers", "crs_guide_not_access_control",
                "crs_guide_progress", "crs_guide_print"):
        out += [t(key, lang), ""]
    return "\n".join(out)


def course_markdown(project, course, lang: str) -> str:
    prefix = lang_prefix(lang, project.config.default_language)
    root = "../" * (len(f"{prefix}courses/{course.id}/".split("/")) - 1)
    out = [f"# {label(course.title, lang)}", "", t("crs_course_intro", lang), ""]
    if course.audience:
        out += [f"**{t('crs_audience', lang)}:** {label(course.audience, lang)}", ""]
    out += [f"## {t('crs_course_pages', lang)}", "",
            f"- [{t('crs_syllabus', lang)}](syllabus.md)",
            f"- [{t('crs_keypoints_page', lang)}](keypoints.md)",
            f"- [{t('crs_trainer_page', lang)}](trainer.md)",
            f"- [{t('crs_print_page', lang)}](print.md)",
            f'- <a href="{root}courses/{course.id}/handout.pdf">{t("crs_handout", lang)}</a>'
            f" — {t('crs_handout_note', lang)}", ""]
    if course.goals:
        out += [f"## {t('crs_goals', lang)}", ""] + [f"- {g}" for g in _list(course.goals, lang)] + [""]
    if course.prerequisites:
        out += [f"## {t('crs_prerequisites', lang)}", ""] + [f"- {p}" for p in _list(course.prerequisites, lang)] + [""]
    out += [f"## {t('crs_modules', lang)}", "",
            f"| # | {t('crs_col_module', lang)} | {t('crs_col_length', lang)} |", "|---|---|---|"]
    for i, module in enumerate(course.modules, start=1):
        out.append(f"| {i} | [{module.title_in(lang)}]({_name(module)}.md) | {t('crs_minutes', lang, n=module.minutes)} |")
    total = sum(m.minutes for m in course.modules)
    out += ["", t("crs_total", lang, n=total, m=len(course.modules)), ""]
    counts = {m.id: quiz_count(body_in(m, lang)) for m in course.modules}
    links = {m.id: f"{_name(m)}/" for m in course.modules}
    out += [f"## {t('crs_progress_title', lang)}", "", html.progress_view(course, counts, links, lang), ""]
    return "\n".join(out)


def _break_label(slot, lang: str) -> str:
    return label(slot.label, lang) if slot.label else t("crs_lunch" if slot.kind == "lunch" else "crs_break", lang)


def syllabus_markdown(project, course, lang: str) -> str:
    days = schedule(course)
    number = {m.id: i for i, m in enumerate(course.modules, start=1)}
    total = sum(m.minutes for m in course.modules)
    out = [f"# {label(course.title, lang)}: {t('crs_syllabus', lang)}", "",
           t("crs_timetable_intro", lang, start=clock(days[0].start) if days else course.start_time,
             days=len(days), minutes=total), ""]
    for day in days:
        out += [f"## {t('crs_day', lang, n=day.number)}", "",
                t("crs_day_summary", lang, start=clock(day.start), end=clock(day.end)), "",
                f"| {t('crs_col_time', lang)} | {t('crs_col_item', lang)} | {t('crs_col_length', lang)} |",
                "|---|---|---|"]
        for slot in day.slots:
            span = f"{clock(slot.start)}–{clock(slot.end)}"
            if slot.kind == "module":
                m = slot.module
                item = f"[{_module_title(m, number[m.id], lang)}]({_name(m)}.md)"
            else:
                item = f"*{_break_label(slot, lang)}*"
            out.append(f"| {span} | {item} | {t('crs_minutes', lang, n=slot.minutes)} |")
        out.append("")
    out += [f"## {t('crs_objectives_all', lang)}", ""]
    for i, module in enumerate(course.modules, start=1):
        out += [f"### {_module_title(module, i, lang)}", ""]
        out += [f"- {x}" for x in module.meta_in(lang).get("objectives") or module.objectives] + [""]
    return "\n".join(out)


def keypoints_markdown(project, course, lang: str) -> str:
    out = [f"# {label(course.title, lang)}: {t('crs_keypoints_page', lang)}", ""]
    for i, module in enumerate(course.modules, start=1):
        out += [f"## [{_module_title(module, i, lang)}]({_name(module)}.md)", ""]
        out += [f"- {x}" for x in module.meta_in(lang).get("keypoints") or module.keypoints] + [""]
    return "\n".join(out)


def trainer_markdown(project, course, lang: str) -> str:
    times = module_times(course)
    out = [f"# {label(course.title, lang)}: {t('crs_trainer_page', lang)}", "",
           t("crs_trainer_page_intro", lang), "",
           f'<p class="bansou-learner-only bansou-trainer-hint">{t("crs_trainer_hidden", lang)}</p>', ""]
    for i, module in enumerate(course.modules, start=1):
        out += [f"## {_module_title(module, i, lang)}", "",
                f"[{t('crs_open_module', lang)}]({_name(module)}.md)", ""]
        if module.id in times:
            day, slot = times[module.id]
            out += [t("crs_timing", lang, day=day, start=clock(slot.start), end=clock(slot.end),
                      teaching=module.teaching_minutes, exercise=module.exercise_minutes), ""]
        materials = module.meta_in(lang).get("materials") or module.materials
        if materials:
            out += [f"**{t('crs_materials', lang)}**", ""] + [f"- {x}" for x in materials] + [""]
        notes = blocks.admonitions(body_in(module, lang), "trainer")
        if not notes:
            out += [t("crs_no_trainer_notes", lang), ""]
        for note in notes:
            title = f' "{note.title}"' if note.title else ""
            out += [f"!!! trainer{title}", *[f"    {x}" if x else "" for x in note.content.split("\n")], ""]
    return "\n".join(out)


def print_markdown(project, course, lang: str) -> str:
    prefix = lang_prefix(lang, project.config.default_language)
    url = f"{prefix}courses/{course.id}/print/"
    out = [f"# {label(course.title, lang)}", "", f"*{t('crs_print_intro', lang)}*", ""]
    if course.goals:
        out += [f"## {t('crs_goals', lang)}", ""] + [f"- {g}" for g in _list(course.goals, lang)] + [""]
    for i, module in enumerate(course.modules, start=1):
        body = body_in(module, lang)
        body = blocks.without_blocks(body, "trainer")
        body = blocks.expand_collapsed(body)
        body = blocks.demote_headings(body)
        body = render_fences(project, body, lang, url, None)
        top = "\n".join(line for line in _top_blocks(project, module, lang, body).split("\n")
                        if "bansou-trainer-only" not in line)
        out += [f'## {_module_title(module, i, lang)} {{ .bansou-print-module }}', "", top, body,
                _bottom_blocks(module, lang, body), ""]
    return "\n".join(out)


def generated(project, lang: str) -> dict[str, str]:
    """site path → Markdown for every generated course page in this language."""
    pages = {"courses/index": index_markdown(project, lang), "courses/guide": guide_markdown(project, lang)}
    for course in project.courses.values():
        base = f"courses/{course.id}"
        pages[f"{base}/index"] = course_markdown(project, course, lang)
        pages[f"{base}/syllabus"] = syllabus_markdown(project, course, lang)
        pages[f"{base}/keypoints"] = keypoints_markdown(project, course, lang)
        pages[f"{base}/trainer"] = trainer_markdown(project, course, lang)
        pages[f"{base}/print"] = print_markdown(project, course, lang)
    return pages
