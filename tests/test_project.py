"""Loading and validating a whole project (good and bad inputs)."""
from pathlib import Path

from bansou.config import load_config
from bansou.project import load_project, split_lang


def codes_of(project) -> list[tuple[str, str]]:
    return sorted((f.code, f.path) for f in project.findings)


def test_good_fixture_loads_without_findings(mini_project):
    project = load_project(mini_project)
    assert [f for f in project.findings if f.severity == "error"] == []
    article = project.articles["poverty/assistance"]
    assert article.sources[0].url.startswith("https://")
    assert str(article.valid_as_of) == "2026-11-01"
    assert set(article.translations) == {"en"}
    assert article.translations["en"].machine_assisted is True
    case = project.cases["case-001"]
    assert case.year == 2024 and case.values("issue_areas") == ["medical-welfare"]
    assert case.translations["en"].meta["title"].startswith("Fictional")
    course = project.courses["demo"]
    assert [m.id for m in course.modules] == ["demo-m01", "demo-m02"]
    assert sum(m.minutes for m in course.modules) == 150


def test_language_suffix_is_recognised():
    assert split_lang("case-001.en.md") == ("case-001", "en")
    assert split_lang("page.pt-BR.md") == ("page", "pt-BR")
    assert split_lang("m01-ethics.md") == ("m01-ethics", None)


def test_config_reads_languages_from_mkdocs_yml(mini_project):
    config = load_config(mini_project)
    assert config.language_codes == ("ja", "en") and config.default_language == "ja"


def test_unknown_language_suffix(mini_project):
    (mini_project / "casebook/case-001.xx.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    project = load_project(mini_project)
    assert ("lang-unknown", "casebook/case-001.xx.md") in codes_of(project)


def test_duplicate_id(mini_project):
    text = (mini_project / "casebook/case-001.md").read_text(encoding="utf-8")
    (mini_project / "casebook/case-002.md").write_text(text, encoding="utf-8")
    project = load_project(mini_project)
    found = [f for f in project.findings if f.code == "id-duplicate"]
    assert found and found[0].path == "casebook/case-002.md" and found[0].line == 2
    assert any(f.code == "id-filename" for f in project.findings)


def test_missing_page_link_and_anchor(mini_project):
    page = mini_project / "docs/poverty/assistance.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](../nowhere.md) [y](#ない見出し)\n", encoding="utf-8")
    project = load_project(mini_project)
    found = {(f.code, f.path, f.line) for f in project.findings}
    last_line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    assert ("link-missing", "docs/poverty/assistance.md", last_line) in found
    assert ("anchor-missing", "docs/poverty/assistance.md", last_line) in found


def test_anchor_in_translation_checked_against_translated_headings(mini_project):
    page = mini_project / "casebook/case-001.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("#how-to-apply", "#申請の流れ"), encoding="utf-8")
    project = load_project(mini_project)
    errors = [(f.code, f.path) for f in project.findings if f.severity == "error"]
    assert errors == [("anchor-missing", "casebook/case-001.en.md")]


def test_schema_errors_name_field_and_line(mini_project):
    page = mini_project / "docs/poverty/assistance.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("keywords: [架空制度, かくうせいど]", "keywords: 架空制度")
    text = text.replace("reviewed: 2026-11-25", "reviewed: 2026-02-30")
    text = text.replace("    url: https://www.example.com/source", "    url: www.example.com")
    page.write_text(text, encoding="utf-8")
    project = load_project(mini_project)
    found = {(f.code, f.line) for f in project.findings if f.path == "docs/poverty/assistance.md"}
    assert ("field-type", 4) in found
    assert ("field-date", 9) in found
    assert ("field-value", 7) in found


def test_missing_required_field_and_unknown_vocab(mini_project):
    case = mini_project / "casebook/case-001.md"
    text = case.read_text(encoding="utf-8").replace("composite: true\n", "").replace("region: kanto", "region: tokyo")
    case.write_text(text, encoding="utf-8")
    project = load_project(mini_project)
    by_code = {f.code: f for f in project.findings}
    assert "composite" in by_code["field-missing"].message_ja
    vocab = by_code["vocab-unknown"]
    assert vocab.line == 5 and "kanto" in vocab.hint_ja and "kinki" in vocab.hint_en


def test_translation_without_source(mini_project):
    (mini_project / "docs/poverty/orphan.en.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    project = load_project(mini_project)
    assert ("translation-orphan", "docs/poverty/orphan.en.md") in codes_of(project)


def test_course_minutes_mismatch(mini_project):
    course = mini_project / "courses/demo/course.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("total_minutes: 150", "total_minutes: 160"),
                      encoding="utf-8")
    project = load_project(mini_project)
    found = [f for f in project.findings if f.code == "course-minutes"]
    assert found and found[0].line == 4 and "150" in found[0].message_ja and "160" in found[0].message_en


def test_related_references_resolve(mini_project):
    module = mini_project / "courses/demo/m02-practice.md"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "exercise_minutes: 40\n", "exercise_minutes: 40\nrelated:\n  cases: [case-404]\n"), encoding="utf-8")
    project = load_project(mini_project)
    found = [f for f in project.findings if f.code == "ref-missing"]
    assert found and found[0].line == 9 and "case-404" in found[0].message_en


def test_real_project_loads(tmp_path):
    project = load_project(Path(__file__).resolve().parents[1])
    assert project.articles and project.cases and project.courses
