"""The generated course pages in the real site build (every language) and what learners get."""
import re

import pytest

from bansou.config import load_config
from conftest import ROOT

LANGS = load_config(ROOT).language_codes
PAGES = ("syllabus", "keypoints", "trainer", "print")


def page(site, lang, path):
    prefix = "" if lang == "ja" else f"{lang}/"
    return (site / f"{prefix}{path}/index.html").read_text(encoding="utf-8")


def article(html):
    return re.search(r"<article.*?</article>", html, re.S).group(0)


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_every_course_page(built_site, lang):
    for name in ("courses", "courses/guide", "courses/intro", *[f"courses/intro/{p}" for p in PAGES]):
        assert page(built_site, lang, name), name


@pytest.mark.parametrize("lang,day2,lunch", [("ja", "2日目", "昼休み"), ("en", "Day 2", "Lunch break")])
def test_syllabus_timetable(built_site, lang, day2, lunch):
    html = article(page(built_site, lang, "courses/intro/syllabus"))
    assert day2 in html and lunch in html and "Day 5" not in html and "5日目" not in html
    assert "10:00–11:30" in html and "13:10–14:10" in html  # module 1, then the first lunch
    assert html.count("<td>10:00–") == 4  # every day starts at the start time again


def test_keypoints_page_lists_every_module(built_site):
    html = article(page(built_site, "en", "courses/intro/keypoints"))
    assert html.count("<h2") == 11 and "Module 11:" in html


def test_trainer_page_collects_the_notes_hidden_by_default(built_site):
    html = article(page(built_site, "ja", "courses/intro/trainer"))
    assert html.count('class="admonition trainer"') >= 11
    assert "講義は20分で切り上げます" in html  # a note from module 9
    assert 'href="../m09-roleplay/"' in html and "bansou-trainer-switch" in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_print_page_has_all_modules_no_trainer_notes_and_open_solutions(built_site, lang):
    html = article(page(built_site, lang, "courses/intro/print"))
    assert html.count("bansou-print-module") == 11
    assert "admonition trainer" not in html and "<details" not in html and "<form" not in html
    assert html.count('class="admonition solution"') >= 11
    assert "講義は20分で切り上げます" not in html


def test_module_pages_hide_trainer_notes_by_css_and_carry_the_widgets(built_site):
    html = article(page(built_site, "ja", "courses/intro/m09-roleplay"))
    assert 'class="admonition trainer"' in html and 'class="admonition objectives"' in html
    assert "bansou-trainer-switch" in html and "アクセス制限ではありません" in html
    assert html.count('<form class="bansou-quiz"') == 5 and 'class="bansou-roleplay"' in html
    assert 'href="../../../casebook/case-001/"' in html and 'class="bansou-done"' in html
    assert "<details" in html and "<details open" not in html  # solutions start collapsed
    css = next((built_site / "assets/bansou").glob("bansou.*.css")).read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset \.admonition\.trainer, [^{]*\{ display: none; \}", css)


def test_case_pages_get_the_switch(built_site):
    html = article(page(built_site, "en", "casebook/case-001"))
    assert 'class="admonition trainer"' in html and "bansou-trainer-switch" in html


def test_course_page_states_it_is_not_access_control_and_links_the_handout(built_site):
    ja = article(page(built_site, "ja", "courses/intro"))
    en = article(page(built_site, "en", "courses/intro"))
    assert "アクセス制限ではなく" in ja and "not access control" in en
    assert 'href="../../courses/intro/handout.pdf"' in ja and 'href="../../../courses/intro/handout.pdf"' in en
    assert "make handouts" in ja and 'class="bansou-progress"' in ja
    assert ja.count("<tr data-module=") == 11
