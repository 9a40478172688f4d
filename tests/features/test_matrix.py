"""The eligibility matrix: the real data validates, bad data becomes findings with lines,
and the rendered table is accessible in every language."""
from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bansou.eligibility import STATUSES, load_matrix
from bansou.features import PageInfo, matrix as matrix_feature
from bansou.project import load_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def real_matrix(project):
    matrix, findings = load_matrix(project.config.docs_dir, project.root, set(project.articles))
    assert findings == []
    return matrix


def page(lang: str, url: str | None = None, translated: bool = True) -> PageInfo:
    prefix = "" if lang == "ja" else f"{lang}/"
    return PageInfo(lang=lang, default_lang="ja", site_path="basics/eligibility-matrix",
                    src_uri="basics/eligibility-matrix.md", url=url or f"{prefix}basics/eligibility-matrix/",
                    doc=None, translated=translated)


# ---------------------------------------------------------------- the real data

def test_real_matrix_is_complete_and_valid(project, real_matrix):
    assert len(real_matrix.statuses) >= 10 and len(real_matrix.systems) >= 8
    assert len(real_matrix.cells) == len(real_matrix.statuses) * len(real_matrix.systems)
    for cell in real_matrix.cells.values():
        assert cell.status in STATUSES
        assert cell.note.get("ja") and cell.note.get("en")
    for system in real_matrix.systems:
        assert system.page in project.articles, system.id
        for status in real_matrix.statuses:
            assert real_matrix.page_of(system, status) in project.articles
    assert not [f for f in project.findings if f.code.startswith("matrix-") or f.path == "docs/eligibility.yml"]


def test_real_matrix_uses_all_four_statuses(real_matrix):
    assert {c.status for c in real_matrix.cells.values()} == set(STATUSES)


# ---------------------------------------------------------------- bad data → findings with lines

GOOD = """\
statuses:
  - id: permanent
    label: {ja: 永住者, en: Permanent resident}
  - id: student
    label: {ja: 留学, en: Student}
systems:
  - id: public-assistance
    label: {ja: 生活保護, en: Public assistance}
    page: poverty/assistance
cells:
  public-assistance:
    permanent:
      status: 可
      note: {ja: 対象, en: Covered}
    student:
      status: 不可
      note: {ja: 対象外, en: Not covered}
      page: poverty/other
"""
PAGES = {"poverty/assistance", "poverty/other"}


def load(tmp_path: Path, text: str, pages=PAGES):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "eligibility.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_matrix(docs, tmp_path, pages)


def codes_lines(findings):
    return [(f.code, f.line) for f in findings]


def test_good_fixture_loads(tmp_path):
    matrix, findings = load(tmp_path, GOOD)
    assert findings == []
    assert matrix.cell("public-assistance", "student").page == "poverty/other"
    assert matrix.page_of(matrix.systems[0], matrix.statuses[1]) == "poverty/other"  # the cell overrides
    assert matrix.page_of(matrix.systems[0], matrix.statuses[0]) == "poverty/assistance"


def test_unknown_status_word(tmp_path):
    _, findings = load(tmp_path, GOOD.replace("status: 不可", "status: たぶん"))
    assert codes_lines(findings) == [("matrix-status", 16)]
    assert "たぶん" in findings[0].message_ja and "要確認" in findings[0].hint_ja
    assert findings[0].severity == "error" and findings[0].message_en


def test_missing_cell(tmp_path):
    text = GOOD.split("    student:")[0]
    _, findings = load(tmp_path, text)
    assert codes_lines(findings) == [("matrix-cell-missing", 11)]
    assert "student" in findings[0].message_ja


def test_unknown_ids_in_cells(tmp_path):
    _, findings = load(tmp_path, GOOD.replace("    student:\n", "    studnt:\n"))
    assert ("matrix-id-unknown", 15) in codes_lines(findings)
    assert ("matrix-cell-missing", 11) in codes_lines(findings)
    _, findings = load(tmp_path, GOOD.replace("  public-assistance:\n    permanent", "  public-asistance:\n    permanent"))
    assert ("matrix-id-unknown", 11) in codes_lines(findings)


def test_page_links_must_resolve(tmp_path):
    _, findings = load(tmp_path, GOOD, pages={"poverty/assistance"})
    assert codes_lines(findings) == [("ref-missing", 18)]
    assert "poverty/other" in findings[0].message_ja
    _, findings = load(tmp_path, GOOD, pages={"poverty/other"})
    assert codes_lines(findings) == [("ref-missing", 9)]


def test_labels_and_notes_need_ja_and_en(tmp_path):
    _, findings = load(tmp_path, GOOD.replace("{ja: 留学, en: Student}", "{ja: 留学}"))
    assert codes_lines(findings) == [("matrix-label", 5)]
    _, findings = load(tmp_path, GOOD.replace("{ja: 対象外, en: Not covered}", "{ja: 対象外}"))
    assert codes_lines(findings) == [("matrix-note", 17)]
    assert findings[0].severity == "warning"


def test_duplicate_row_and_broken_structure(tmp_path):
    _, findings = load(tmp_path, GOOD.replace("id: student", "id: permanent"))
    assert ("id-duplicate", 4) in codes_lines(findings)
    _, findings = load(tmp_path, "statuses: []\nsystems: []\n")
    assert codes_lines(findings) == [("data-file", 1)]
    _, findings = load(tmp_path, "statuses: [\n")
    assert [f.code for f in findings] == ["yaml-syntax"]


# ---------------------------------------------------------------- rendering


class TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.caption, self.cols, self.rows, self.cells, self.links = [], "", [], [], [], []
        self._text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs))
        if tag in ("th", "td", "caption"):
            self._text = []
        if tag == "a":
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        tag_, attrs = self.stack.pop()
        text = "".join(self._text or []).strip()
        if tag == "caption":
            self.caption = text
        elif tag == "th":
            (self.cols if attrs.get("scope") == "col" else self.rows).append((attrs.get("scope"), text))
        elif tag == "td":
            self.cells.append((attrs.get("data-status"), text))

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def parse(html: str) -> TableParser:
    p = TableParser()
    p.feed(html)
    return p


def test_render_japanese(real_matrix):
    html = matrix_feature.render(real_matrix, page("ja"))
    t = parse(html)
    assert t.caption == "在留資格別「使える制度」早見表"
    assert len(t.cols) == len(real_matrix.systems) + 1 and all(s == "col" for s, _ in t.cols)
    assert [txt for _, txt in t.rows] == [s.label["ja"] for s in real_matrix.statuses]
    assert all(s == "row" for s, _ in t.rows)
    assert len(t.cells) == len(real_matrix.cells)
    # status as a word and a symbol, not colour only
    words = {"yes": "○ 可", "cond": "△ 条件付き", "no": "× 不可", "check": "? 要確認"}
    for status, text in t.cells:
        assert text.startswith(words[status]), text
    assert "生活保護" in [txt for _, txt in t.cols]
    assert 'aria-hidden="true">○' in html and "記号の見かた" in html
    # links go to the explaining pages, relative to the matrix page
    assert "../../poverty/public-assistance/" in t.links
    assert 'data-pii="skip"' in html and "bansou-noterms" in html


def test_render_english_and_fallbacks(real_matrix):
    en = parse(matrix_feature.render(real_matrix, page("en")))
    assert en.caption.startswith("Which public systems")
    assert [txt for _, txt in en.rows] == [s.label["en"] for s in real_matrix.statuses]
    assert any(txt.startswith("○ Yes") for _, txt in en.cells)
    first_note = real_matrix.cell(real_matrix.systems[0].id, real_matrix.statuses[0].id).note["en"]
    assert first_note in en.cells[0][1]
    # other languages: their own status words, English labels and notes from the data
    zh_html = matrix_feature.render(real_matrix, page("zh", translated=False))
    zh = parse(zh_html)
    assert [txt for _, txt in zh.rows] == [s.label["en"] for s in real_matrix.statuses]
    assert any(txt.startswith("○ 可以") for _, txt in zh.cells)
    assert "英语和日语" in zh_html  # says why the labels are not in Chinese
    # Easy Japanese reads Japanese labels
    ej = parse(matrix_feature.render(real_matrix, page("ej")))
    assert [txt for _, txt in ej.rows] == [s.label["ja"] for s in real_matrix.statuses]


def test_marker_is_replaced(project):
    md = "## 表\n\n<!-- bansou:eligibility-matrix -->\n\n## 注意\n"
    out = matrix_feature.page_markdown(project, page("ja"), md)
    assert matrix_feature.MARKER not in out
    assert re.search(r"\n\n<div class=\"bansou-matrix", out) and re.search(r"</table></div></div>\n\n+## 注意", out)
    assert matrix_feature.page_markdown(project, page("ja"), "no marker") == "no marker"
