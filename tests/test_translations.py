"""Hash-based detection of translations older than their source."""
from bansou.project import load_project
from bansou.translations import all_statuses, coverage, page_status, source_hash, stamp


def test_hash_changes_with_body_and_title_but_not_trailing_spaces(mini_project):
    project = load_project(mini_project)
    doc = project.articles["poverty/assistance"]
    before = source_hash(doc)
    doc.body = doc.body.replace("\n", "  \n")
    assert source_hash(doc) == before  # whitespace at line ends is not a change
    doc.body = doc.body + "\n新しい段落です。"
    assert source_hash(doc) != before
    doc.meta = {**doc.meta, "title": "別のタイトル"}
    assert len(source_hash(doc)) == 12


def test_translation_without_hash_is_outdated_then_stamped_is_machine(mini_project):
    project = load_project(mini_project)
    doc = project.articles["poverty/assistance"]
    assert page_status(project, doc, "en").status == "outdated"
    path = mini_project / "docs/poverty/assistance.en.md"
    stamp(path, source_hash(doc))
    text = path.read_text(encoding="utf-8")
    assert f'source_hash: "{source_hash(doc)}"' in text and "machine_assisted: true" in text
    project = load_project(mini_project)
    assert [f for f in project.findings if f.severity == "error"] == []
    assert page_status(project, project.articles["poverty/assistance"], "en").status == "machine"


def test_source_edit_makes_a_stamped_translation_outdated(mini_project):
    project = load_project(mini_project)
    stamp(mini_project / "docs/poverty/assistance.en.md", source_hash(project.articles["poverty/assistance"]))
    source = mini_project / "docs/poverty/assistance.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n追記しました。\n", encoding="utf-8")
    project = load_project(mini_project)
    assert page_status(project, project.articles["poverty/assistance"], "en").status == "outdated"


def test_review_marks_reviewed_and_keeps_crlf(mini_project):
    path = mini_project / "casebook/case-001.en.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    project = load_project(mini_project)
    stamp(path, source_hash(project.cases["case-001"]), reviewed=True)
    assert b"\r\n" in path.read_bytes()
    project = load_project(mini_project)
    assert page_status(project, project.cases["case-001"], "en").status == "reviewed"


def test_block_style_translation_field_is_updated_in_place(mini_project):
    path = mini_project / "courses/demo/m02-practice.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "translation: {machine_assisted: true, reviewed: false}",
        "translation:\n  machine_assisted: true\n  reviewed: false\n  source_hash: \"000000000000\""), encoding="utf-8")
    stamp(path, "abcdefabcdef")
    text = path.read_text(encoding="utf-8")
    assert text.count("source_hash") == 1 and 'source_hash: "abcdefabcdef"' in text


def test_missing_language_and_coverage(mini_project):
    (mini_project / "docs/poverty/only-ja.md").write_text(
        "---\ntitle: 日本語だけ\ntype: info\n---\n\n本文です。\n", encoding="utf-8")
    project = load_project(mini_project)
    statuses = all_statuses(project)
    assert page_status(project, project.articles["poverty/only-ja"], "en").status == "missing"
    total = {(c.lang, c.section): c for c in coverage(statuses)}
    en_all = total[("en", "(all)")]
    assert en_all.total == len(project.documents()) and en_all.translated == en_all.total - 1
    assert total[("ja", "(all)")].percent == 100
