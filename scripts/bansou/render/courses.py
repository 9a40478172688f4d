"""Course list and per-course pages."""
from __future__ import annotations

from ..ui import label, t


def index_markdown(project, lang: str) -> str:
    out = [f"# {t('courses_title', lang)}", "", t("courses_intro", lang), ""]
    for course in sorted(project.courses.values(), key=lambda c: c.id):
        minutes = sum(m.minutes for m in course.modules)
        out.append(f"- [{label(course.title, lang)}]({course.id}/index.md) — "
                   f"{t('course_total', lang, n=minutes, m=len(course.modules))}")
    return "\n".join(out) + "\n"


def course_markdown(project, course, lang: str) -> str:
    out = [f"# {label(course.title, lang)}", ""]
    if course.audience:
        out += [f"**{t('course_audience', lang)}:** {label(course.audience, lang)}", ""]
    if course.goals:
        out += [f"## {t('course_goals', lang)}", ""]
        out += [f"- {g}" for g in (course.goals.get(lang) or course.goals.get("ja") or [])] + [""]
    if course.prerequisites:
        out += [f"## {t('course_prerequisites', lang)}", ""]
        out += [f"- {p}" for p in (course.prerequisites.get(lang) or course.prerequisites.get("ja") or [])] + [""]
    out += [f"## {t('course_modules', lang)}", "",
            f"| # | {t('col_module', lang)} | {t('col_minutes', lang)} |", "|---|---|---|"]
    for i, module in enumerate(course.modules, start=1):
        name = module.site_path.split("/")[-1]
        out.append(f"| {i} | [{module.title_in(lang)}]({name}.md) | {t('course_minutes', lang, n=module.minutes)} |")
    total = sum(m.minutes for m in course.modules)
    out += ["", t("course_total", lang, n=total, m=len(course.modules))]
    return "\n".join(out) + "\n"


def generated(project, lang: str) -> dict[str, str]:
    """site path → Markdown for every generated course page in this language."""
    pages = {"courses/index": index_markdown(project, lang)}
    for course in project.courses.values():
        pages[f"courses/{course.id}/index"] = course_markdown(project, course, lang)
    return pages
