"""The contributing page shows every template, generated from the files `bansou new` uses."""
from __future__ import annotations

import html as htmlmod
import re

import yaml

from bansou import scaffold
from bansou.features.templates_page import examples
from bansou.project import load_project
from conftest import ROOT


def test_examples_are_valid_and_come_from_the_template_files():
    project = load_project(ROOT)
    found = examples(project)
    assert set(found) == set(scaffold.KINDS)
    for kind, (_where, text) in found.items():
        template = scaffold.template_text(kind)
        first_comment = next(line for line in template.split("\n") if line.startswith("#"))
        assert first_comment in text
        data = yaml.safe_load(text.split("---\n")[1] if kind != "term" else text)
        assert data, kind
    assert found["case"][0] == f"casebook/{scaffold.next_case_id(project)}.md"


def test_contributing_page_in_the_site(built_site):
    page = (built_site / "contributing/index.html").read_text(encoding="utf-8")
    text = htmlmod.unescape(re.sub(r"<[^>]+>", "", page))
    for marker in ("テンプレート(見本)です", "composite: true", "teaching_minutes:", "reading:"):
        assert marker in text, marker
    assert len(re.findall(r'<div class="copy bansou-template">\s*<(?:div class="(?:language-|highlight)|pre)', page)) == 4
    assert "github.com/bansou-net/handbook/new/main/casebook?filename=case-" in page
    assert "匿名化のチェックリスト" in text and "make test" in text
    en = htmlmod.unescape((built_site / "en/contributing/index.html").read_text(encoding="utf-8"))
    assert "Anonymisation checklist" in en and "Create this file on GitHub" in en
