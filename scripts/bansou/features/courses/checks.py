"""Course checks: timetable entries, module length and practice, quiz and role-play blocks."""
from __future__ import annotations

from ... import codes
from ...findings import Finding
from ...sourcefile import read_yaml_file
from . import blocks

MIN_MODULE_MINUTES, MAX_MODULE_MINUTES = 60, 120
MIN_QUIZZES = 4


def check(project) -> list[Finding]:
    findings: list[Finding] = []
    for course in project.courses.values():
        findings += _check_timetable(project, course)
        for module in course.modules:
            findings += _check_module(module)
    case_ids = set(project.cases)
    for doc in [*project.modules.values(), *project.cases.values()]:
        for rel, body, body_line in _bodies(doc):
            findings += _check_blocks(rel, body, body_line, case_ids)
    return findings


def _bodies(doc):
    yield doc.rel, doc.body, doc.body_line
    for tr in doc.translations.values():
        yield tr.rel, tr.body, tr.body_line


def _check_blocks(rel: str, body: str, body_line: int, case_ids) -> list[Finding]:
    out: list[Finding] = []
    for fence in blocks.fences(body):
        if fence.kind == "quiz":
            out += blocks.parse_quiz(fence, rel, body_line)[1]
        else:
            out += blocks.parse_roleplay(fence, rel, body_line, case_ids)[1]
    return out


def _check_module(module) -> list[Finding]:
    out: list[Finding] = []
    line = module.line_of("teaching_minutes") or 1
    if not MIN_MODULE_MINUTES <= module.minutes <= MAX_MODULE_MINUTES:
        out.append(codes.make("course-module-length", module.rel, line, None, minutes=module.minutes,
                              low=MIN_MODULE_MINUTES, high=MAX_MODULE_MINUTES))
    found = blocks.fences(module.body)
    if not blocks.has_block(module.body, "exercise") and not any(f.kind == "roleplay" for f in found):
        out.append(codes.make("course-module-practice", module.rel, module.body_line, None))
    quizzes = sum(f.kind == "quiz" for f in found)
    if quizzes < MIN_QUIZZES:
        out.append(codes.make("course-module-quizzes", module.rel, module.body_line, None, count=quizzes,
                              minimum=MIN_QUIZZES))
    return out


def _check_timetable(project, course) -> list[Finding]:
    doc, _ = read_yaml_file(project.root / course.rel, course.rel)
    line = (lambda *key: doc.line_of(key, 1)) if doc else (lambda *key: 1)
    order = {mid: i for i, mid in enumerate(course.module_ids)}
    day_ends = set(course.day_breaks_after)
    last = course.module_ids[-1] if course.module_ids else None
    out: list[Finding] = []
    for i, b in enumerate(course.breaks):
        if b.after not in order:
            out.append(codes.make("course-break-module", course.rel, line("breaks", i, "after"), None,
                                  field="breaks", module=b.after, allowed=", ".join(course.module_ids)))
        elif b.after in day_ends or b.after == last:
            out.append(codes.make("course-break-day-end", course.rel, line("breaks", i, "after"), None,
                                  module=b.after))
    for i, mid in enumerate(course.day_breaks_after):
        if mid not in order:
            out.append(codes.make("course-break-module", course.rel, line("day_breaks_after", i), None,
                                  field="day_breaks_after", module=mid, allowed=", ".join(course.module_ids)))
        elif mid == last:
            out.append(codes.make("course-break-day-end", course.rel, line("day_breaks_after", i), None,
                                  module=mid))
    return out


codes.define("course-break-module", "error",
             "course.yml の {field} にある「{module}」は、この講座のモジュールではありません。",
             "'{module}' in course.yml's {field} is not a module of this course.",
             "この講座のモジュール ID を書いてください:{allowed}",
             "Use one of this course's module ids: {allowed}",
             "breaks:\n  - {after: intro-m99, minutes: 10}")
codes.define("course-break-day-end", "warning",
             "「{module}」のあとは一日(または講座)の終わりなので、ここに書いた休憩・日の区切りは時間割に入りません。",
             "'{module}' ends a day (or the course), so the break or day break written here is not used in the timetable.",
             "この行を消すか、別のモジュールのあとに移してください。",
             "Delete this entry or move it after another module.",
             "day_breaks_after: [intro-m03] と breaks: [{after: intro-m03, minutes: 10}]")
codes.define("course-module-length", "warning",
             "モジュールの時間(講義+演習)が {minutes} 分です。一回の研修として {low}〜{high} 分にしてください。",
             "The module takes {minutes} minutes (teaching + exercise). Keep one session between {low} and {high} minutes.",
             "teaching_minutes と exercise_minutes を見直すか、モジュールを二つに分けてください。",
             "Adjust teaching_minutes and exercise_minutes, or split the module in two.",
             "teaching_minutes: 20\nexercise_minutes: 20")
codes.define("course-module-practice", "warning",
             "このモジュールには演習(!!! exercise)もロールプレイ(```roleplay)もありません。",
             "This module has no exercise (!!! exercise) and no role play (```roleplay).",
             "受講者が手を動かす演習かロールプレイを一つ以上入れてください。",
             "Add at least one exercise or role play where learners practise.",
             "講義だけのモジュール")
codes.define("course-module-quizzes", "warning",
             "確認クイズ(```quiz)が {count} 問しかありません(目安は {minimum} 問以上)。",
             "The module has only {count} quiz question(s) (```quiz); aim for at least {minimum}.",
             "モジュールの要点を確かめる問いを、{minimum} 問以上にしてください。",
             "Add questions that check the module's key points, {minimum} or more.",
             "```quiz が2つだけ")
