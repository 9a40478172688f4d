"""Courses: timetable arithmetic, block syntax, quiz / role-play findings, the real content."""
from pathlib import Path

import pytest

from bansou.features.courses import blocks, render_fences
from bansou.features.courses.timetable import clock, module_times, schedule
from bansou.models import Break, Course, Module
from bansou.project import load_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_project():
    return load_project(ROOT)


def module(mid: str, teaching: int, exercise: int) -> Module:
    return Module(rel=f"courses/t/{mid}.md", abs_path=Path(), site_path=f"courses/t/{mid}", title=mid, meta={},
                  body="", body_line=1, id=mid, course_id="t", teaching_minutes=teaching, exercise_minutes=exercise)


def course(mods, breaks=(), day_breaks=(), start="09:30") -> Course:
    return Course(id="t", rel="courses/t/course.yml", title={"ja": "t"}, audience={}, goals={}, prerequisites={},
                  start_time=start, total_minutes=sum(m.minutes for m in mods),
                  module_ids=tuple(m.id for m in mods), breaks=tuple(breaks), day_breaks_after=tuple(day_breaks),
                  modules=list(mods))


def rows(day):
    return [(s.kind, clock(s.start), clock(s.end)) for s in day.slots]


# ---------------------------------------------------------------- timetable

def test_breaks_are_counted_between_modules():
    c = course([module("a", 30, 30), module("b", 40, 50)], [Break("a", 15, {})])
    (day,) = schedule(c)
    assert rows(day) == [("module", "9:30", "10:30"), ("break", "10:30", "10:45"), ("module", "10:45", "12:15")]


def test_a_long_unlabelled_break_is_lunch_and_a_labelled_one_keeps_its_label():
    c = course([module("a", 60, 0), module("b", 60, 0), module("c", 60, 0)],
               [Break("a", 60, {}), Break("b", 50, {"ja": "移動", "en": "Travel"})])
    (day,) = schedule(c)
    assert [s.kind for s in day.slots] == ["module", "lunch", "module", "break", "module"]
    assert day.slots[3].label == {"ja": "移動", "en": "Travel"}
    assert clock(day.end) == "14:20"  # 180 min of modules + 110 min of breaks after 9:30


def test_day_breaks_start_the_next_day_at_the_start_time_again():
    mods = [module("a", 45, 45), module("b", 60, 30), module("c", 30, 30), module("d", 60, 60)]
    c = course(mods, [Break("a", 10, {}), Break("c", 10, {})], ["b"], start="10:00")
    day1, day2 = schedule(c)
    assert rows(day1) == [("module", "10:00", "11:30"), ("break", "11:30", "11:40"), ("module", "11:40", "13:10")]
    assert rows(day2) == [("module", "10:00", "11:00"), ("break", "11:00", "11:10"), ("module", "11:10", "13:10")]
    assert module_times(c)["d"][0] == 2


def test_a_break_at_the_end_of_a_day_is_not_scheduled():
    c = course([module("a", 60, 0), module("b", 60, 0)], [Break("a", 30, {}), Break("b", 30, {})], ["a"])
    day1, day2 = schedule(c)
    assert [s.kind for s in day1.slots] == ["module"] and [s.kind for s in day2.slots] == ["module"]


def test_the_real_course_timetable(real_project):
    project = real_project
    days = schedule(project.courses["intro"])
    assert len(days) == 4
    assert [clock(d.start) for d in days] == ["10:00"] * 4
    assert clock(days[0].end) == "15:40"  # 90+10+90+60(lunch)+90 min after 10:00
    assert sum(s.minutes for d in days for s in d.module_slots) == project.courses["intro"].total_minutes


# ---------------------------------------------------------------- course.yml findings

def write_course(mini: Path, extra: str, total: int = 150) -> None:
    (mini / "courses/demo/course.yml").write_text(
        f'id: demo\ntitle: {{ja: テスト講座, en: Test course}}\nstart_time: "10:00"\ntotal_minutes: {total}\n'
        f"modules: [demo-m01, demo-m02]\n{extra}", encoding="utf-8")


def by_code(project, code):
    return [f for f in project.findings if f.code == code]


def test_minutes_mismatch_is_a_finding_with_the_line(mini_project):
    write_course(mini_project, "", total=140)
    (f,) = by_code(load_project(mini_project), "course-minutes")
    assert (f.path, f.line, f.severity) == ("courses/demo/course.yml", 4, "error")
    assert "150" in f.message_ja and "140" in f.message_en


def test_break_after_an_unknown_module(mini_project):
    write_course(mini_project, "breaks:\n  - {after: demo-m09, minutes: 10}\nday_breaks_after: [demo-m77]\n")
    found = by_code(load_project(mini_project), "course-break-module")
    assert [(f.line, f.severity) for f in found] == [(7, "error"), (8, "error")]
    assert "demo-m09" in found[0].message_en and "demo-m01" in found[0].hint_en


def test_break_at_the_end_of_the_course_is_a_warning(mini_project):
    write_course(mini_project, "breaks:\n  - {after: demo-m02, minutes: 10}\n")
    (f,) = by_code(load_project(mini_project), "course-break-day-end")
    assert (f.line, f.severity) == (7, "warning")


def test_good_fixture_has_no_course_findings(mini_project):
    assert load_project(mini_project).findings == []


# ---------------------------------------------------------------- quiz and role-play findings

def append(mini: Path, text: str, name: str = "m02-practice.md") -> tuple[str, int]:
    path = mini / "courses/demo" / name
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\n" + text, encoding="utf-8")
    return f"courses/demo/{name}", before.count("\n") + 2  # file line of the appended text's first line


def test_single_choice_needs_exactly_one_correct_answer(mini_project):
    rel, line = append(mini_project, "```quiz\ntype: single\nquestion: どれ?\noptions:\n  - text: A\n    correct: true\n"
                                     "  - text: B\n    correct: true\nexplanation: 説明\n```\n")
    (f,) = by_code(load_project(mini_project), "quiz-answer-count")
    assert (f.path, f.line, f.severity) == (rel, line + 3, "error")
    assert "2" in f.message_ja and "type: multiple" in f.hint_en


def test_invalid_quiz_yaml_points_at_the_line(mini_project):
    rel, line = append(mini_project, "```quiz\nquestion: [壊れた\noptions: x\n```\n")
    found = [f for f in load_project(mini_project).findings if f.path == rel and f.code == "yaml-syntax"]
    assert found and line + 1 <= found[0].line <= line + 3


def test_quiz_without_options(mini_project):
    rel, line = append(mini_project, "```quiz\nquestion: どれ?\noptions: できる\nexplanation: 説明\n```\n")
    (f,) = by_code(load_project(mini_project), "quiz-invalid")
    assert (f.path, f.line) == (rel, line + 2) and "options" in f.message_ja


def test_roleplay_with_a_missing_case(mini_project):
    rel, line = append(mini_project, "```roleplay\ncase: case-999\nroles:\n  - name: 相談者\n    card: 困っています\n```\n")
    (f,) = by_code(load_project(mini_project), "roleplay-case-missing")
    assert (f.path, f.line, f.severity) == (rel, line + 1, "error") and "case-999" in f.message_en


def test_roleplay_role_without_a_card(mini_project):
    rel, line = append(mini_project, "```roleplay\nsituation: 窓口で\nroles:\n  - name: 相談者\n```\n")
    (f,) = by_code(load_project(mini_project), "roleplay-invalid")
    assert (f.path, f.line) == (rel, line + 3)


def test_translations_are_checked_too(mini_project):
    rel, line = append(mini_project, "```quiz\ntype: single\nquestion: Which?\noptions:\n  - text: A\n  - text: B\n"
                                     "explanation: none\n```\n", name="m02-practice.en.md")
    (f,) = by_code(load_project(mini_project), "quiz-answer-count")
    assert f.path == rel and "0" in f.message_en


def test_check_and_build_agree_bansou_check_exits_with_error(mini_project):
    import subprocess
    import sys
    append(mini_project, "```quiz\ntype: single\nquestion: どれ?\noptions:\n  - text: A\n  - text: B\nexplanation: x\n```\n")
    result = subprocess.run([sys.executable, "-m", "bansou.cli", "check"], cwd=mini_project, capture_output=True,
                            text=True, env={**__import__("os").environ, "BANSOU_TODAY": "2026-11-25"})
    assert result.returncode == 1 and "quiz-answer-count" in result.stdout


# ---------------------------------------------------------------- block helpers

BODY = """## A

!!! trainer "講師メモ"
    秘密のメモ。

    二段落目。

!!! exercise "演習"
    やってみる。

    ??? solution "解答例"
        答え。

````markdown
```quiz
question: これは見本なので変換しない
```
````

```quiz
type: single
question: 本物?
options:
  - text: はい
    correct: true
  - text: いいえ
explanation: 本物です。
```
"""


def test_fences_inside_a_longer_fence_are_examples_not_blocks():
    found = blocks.fences(BODY)
    assert [(f.kind, f.start) for f in found] == [("quiz", 19)]


def test_trainer_blocks_are_found_removed_and_solutions_expanded():
    (note,) = blocks.admonitions(BODY, "trainer")
    assert note.title == "講師メモ" and note.content == "秘密のメモ。\n\n二段落目。"
    printed = blocks.expand_collapsed(blocks.without_blocks(BODY, "trainer"))
    assert "秘密のメモ" not in printed and '!!! solution "解答例"' in printed and "???" not in printed


def test_quiz_fence_becomes_an_accessible_form(mini_project):
    project = load_project(mini_project)
    html = render_fences(project, BODY, "en", "courses/demo/m01-basics/", "demo-m01")
    assert '<form class="bansou-quiz" id="demo-m01-q1"' in html and 'type="radio"' in html
    assert 'data-correct="0"' in html and "Check answer" in html
    assert "これは見本なので変換しない" in html  # the example stays a code block
    static = render_fences(project, BODY, "ja", "courses/demo/print/", None)
    assert "<form" not in static and "正解" in static and "本物です。" in static


def test_roleplay_draws_its_link_and_situation_from_the_case(mini_project):
    project = load_project(mini_project)
    body = project.modules["demo-m01"].body
    html = render_fences(project, body, "en", "en/courses/demo/m01-basics/", "demo-m01")
    assert 'href="../../../casebook/case-001/"' in html
    assert project.cases["case-001"].title_in("en") in html
    assert "Role cards" in html and "Observer checklist" in html
    ja = render_fences(project, body, "ja", "courses/demo/m01-basics/", "demo-m01")
    assert "申請書を渡されませんでした" in ja  # situation taken from the case's first section


# ---------------------------------------------------------------- the real content

def test_real_content_is_clean_and_every_module_is_teachable(real_project):
    project = real_project
    ours = ("course-", "quiz-", "roleplay-")
    assert [f.location + " " + f.code for f in project.findings if f.code.startswith(ours)] == []
    course = project.courses["intro"]
    assert len(course.modules) == 11
    for m in course.modules:
        for lang, body in [("ja", m.body), *[(k, tr.body) for k, tr in m.translations.items()]]:
            found = blocks.fences(body)
            assert 60 <= m.minutes <= 120, m.id
            assert blocks.has_block(body, "exercise") or any(f.kind == "roleplay" for f in found), (m.id, lang)
            assert sum(f.kind == "quiz" for f in found) >= 4, (m.id, lang)
        assert "en" in m.translations, m.id


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_real_quiz_parses(lang, real_project):
    project = real_project
    for m in project.courses["intro"].modules:
        body = m.body if lang == "ja" else m.translations["en"].body
        for fence in blocks.fences(body):
            if fence.kind == "quiz":
                quiz, findings = blocks.parse_quiz(fence, m.rel, 1)
                assert quiz is not None and not findings, (m.id, findings)
