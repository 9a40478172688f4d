"""The casebook feature on fixture cases: vocabulary and structure checks, k-anonymity,
aggregates counted by hand, CSV/JSON downloads, and the generated Markdown/HTML."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from bansou.features.casebook import aggregate as agg
from bansou.features.casebook import monitoring, pages
from bansou.features.casebook.facets import BROWSE_FACETS, sorted_cases
from bansou.features.casebook.checks import expected_headings
from bansou.features.__init__ import PageInfo
from bansou.project import load_project
from bansou.render.casebook import index_markdown

ROOT = Path(__file__).resolve().parents[2]
AGG = Path(__file__).resolve().parents[1] / "fixtures" / "casebook-agg"
LANGS = ("ja", "ej", "en", "zh", "vi", "tl", "ne", "id", "pt-BR", "es", "my")
D1 = "申請意思を示した人に申請書を交付すること"
D2 = "通訳を無償で確保すること"


@pytest.fixture
def agg_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "casebook-agg"
    shutil.copytree(AGG, dest)
    return dest


@pytest.fixture(scope="module")
def agg_project():
    return load_project(AGG)


@pytest.fixture(scope="module")
def real_project():
    return load_project(ROOT)


def findings(project, code: str) -> list:
    return [f for f in project.findings if f.code == code]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- vocabulary and schema

def test_unknown_vocabulary_value_is_an_error_listing_the_allowed_values(agg_copy):
    edit(agg_copy / "casebook/case-002.md", "region: kanto", "region: tokyo")
    project = load_project(agg_copy)
    [f] = findings(project, "vocab-unknown")
    assert f.severity == "error" and f.path == "casebook/case-002.md" and f.line == 7
    assert "tokyo" in f.message_ja and "region" in f.message_en
    for allowed in ("hokkaido", "kanto", "kinki", "kyushu-okinawa"):
        assert allowed in f.hint_ja and allowed in f.hint_en
    assert "case-002" not in project.cases


@pytest.mark.parametrize("field,value", [("barriers", "[language, rudeness]"), ("outcome", "won"),
                                         ("issue_areas", "[housing]"), ("residence_status", "tourist")])
def test_every_facet_field_is_checked_against_its_vocabulary(agg_copy, field, value):
    path = agg_copy / "casebook/case-004.md"
    lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line
             for line in path.read_text(encoding="utf-8").split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")
    [f] = findings(load_project(agg_copy), "vocab-unknown")
    assert f.severity == "error" and field in f.message_en


@pytest.mark.parametrize("line,field", [
    ("interpreter: {needed: maybe}", "interpreter.needed"),
    ("application_accepted: sometimes", "application_accepted"),
    ("days_to_decision: -3", "days_to_decision"),
    ("systemic: {demand: 何か}", "systemic.flag"),
    ("composite: false", "composite"),
    ("review: {anonymised_by: テスト}", "review.reviewed_by"),
])
def test_structured_fields_are_validated(agg_copy, line, field):
    path = agg_copy / "casebook/case-004.md"
    key = line.split(":")[0]
    text = path.read_text(encoding="utf-8")
    kept = [x for x in text.split("\n") if not x.startswith(f"{key}:")]
    kept.insert(3, line)
    path.write_text("\n".join(kept), encoding="utf-8")
    project = load_project(agg_copy)
    bad = [f for f in project.findings if f.path == "casebook/case-004.md" and f.severity == "error"]
    assert bad and any(field in f.message_en for f in bad), [f.message_en for f in bad]


def test_all_issue_fields_are_accepted(agg_copy):
    path = agg_copy / "casebook/case-004.md"
    edit(path, "year: 2023\n", "year: 2023\nseason: winter\nmunicipality_type: city\nlanguage: pt\n"
         "interpreter: {needed: true, provided_by_office: false}\nstay_situation: valid\n"
         "resident_registration: true\nhousehold: single\noffices: [school-board]\ndays_to_decision: 30\n"
         "accompaniment_effect: helped\n")
    edit(path, "related: {pages: [index]}", "related: {pages: [index], modules: []}")
    project = load_project(agg_copy)
    assert [f for f in project.findings if f.path == "casebook/case-004.md"] == []
    case = project.cases["case-004"]
    assert case.facets["interpreter"] == {"needed": True, "provided_by_office": False}
    assert case.values("offices") == ["school-board"] and case.facets["days_to_decision"] == 30


def test_vocab_label_missing_for_a_site_language(agg_copy):
    path = agg_copy / "casebook/vocab/outcome.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["values"][2]["label"]["en"]  # refused
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [f] = findings(load_project(agg_copy), "vocab-label-missing")
    assert f.severity == "error" and f.path == "casebook/vocab/outcome.yml"
    assert "id: refused" in f.message_en and "en" in f.message_en and f.line is not None


def test_real_vocabularies_have_a_label_in_every_site_language(real_project):
    assert real_project.config.language_codes == LANGS
    assert findings(real_project, "vocab-label-missing") == []
    for vocab in real_project.vocab.values():
        for value in vocab.values.values():
            assert set(LANGS) <= set(value.label), (vocab.facet, value.id)


def test_the_real_casebook_has_no_casebook_errors(real_project):
    assert len(real_project.cases) == 16
    mine = [f for f in real_project.findings if f.code.startswith(("case-", "vocab-"))]
    assert [f for f in mine if f.severity == "error"] == []


# ---------------------------------------------------------------- body structure

def test_headings_in_order_pass(agg_project):
    assert [f for f in agg_project.findings if f.code.startswith("case-heading")] == []
    assert expected_headings("ja")[0] == "概要" and expected_headings("en")[-1] == "Questions for discussion"


def test_missing_heading(agg_copy):
    edit(agg_copy / "casebook/case-003.md", "## 課題の整理\n", "## 課題\n")
    [f] = findings(load_project(agg_copy), "case-heading-missing")
    assert f.path == "casebook/case-003.md" and "課題の整理" in f.message_ja
    assert "## 概要 → ## 相談の経緯" in f.hint_ja


def test_heading_out_of_order(agg_copy):
    path = agg_copy / "casebook/case-003.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("## 結果\n\n架空の結果です。\n\n", "")
    text = text.replace("## 概要\n", "## 結果\n\n架空の結果です。\n\n## 概要\n")
    path.write_text(text, encoding="utf-8")
    [f] = findings(load_project(agg_copy), "case-heading-order")
    assert f.path == "casebook/case-003.md" and "## 結果" in f.message_ja
    assert "before '## Reflection (what we learned)'" not in f.message_en  # Japanese file: Japanese headings
    assert "「## ふりかえり(学んだこと)」の前" in f.message_ja
    assert f.line == text.split("\n").index("## 結果") + 1


def test_english_translation_headings_and_teaching_note(agg_copy):
    edit(agg_copy / "casebook/case-001.en.md", "## Outcome\n", "## Result\n")
    edit(agg_copy / "casebook/case-001.en.md", '!!! trainer "Teaching notes"', '!!! note "Teaching notes"')
    project = load_project(agg_copy)
    [missing] = findings(project, "case-heading-missing")
    assert missing.path == "casebook/case-001.en.md" and "## Outcome" in missing.message_en
    [note] = findings(project, "case-trainer-note")
    assert note.path == "casebook/case-001.en.md" and '!!! trainer "Teaching notes"' in note.hint_en


def test_translation_may_change_title_and_demand_but_not_facts(agg_copy):
    assert findings(load_project(agg_copy), "case-translation-facet") == []
    edit(agg_copy / "casebook/case-001.en.md", "title:", "year: 2020\ntitle:")
    [f] = findings(load_project(agg_copy), "case-translation-facet")
    assert f.path == "casebook/case-001.en.md" and "year" in f.message_en and f.severity == "warning"


# ---------------------------------------------------------------- k-anonymity

def test_k_anonymity_warns_with_combination_and_count(agg_project):
    found = findings(agg_project, "case-k-anonymity")
    assert sorted(f.path for f in found) == [f"casebook/case-00{n}.md" for n in (3, 5, 6, 7)]
    assert all(f.severity == "warning" for f in found)
    by_path = {f.path: f for f in found}
    f6 = by_path["casebook/case-006.md"]
    assert "Only 2 case(s)" in f6.message_en and "threshold is 3" in f6.message_en
    assert "Region of origin=Southeast Asia" in f6.message_en and "Year=2025" in f6.message_en
    assert "出身地域=東南アジア" in f6.message_ja and "年=2025年" in f6.message_ja and "2 件" in f6.message_ja
    # case-001, -002, -004 share one combination: three cases, not reported
    assert not any(f.path in ("casebook/case-001.md", "casebook/case-002.md", "casebook/case-004.md")
                   for f in agg_project.findings if f.code.startswith("case-k"))


def test_rare_combination_with_a_place_name_is_an_error(agg_copy):
    edit(agg_copy / "casebook/case-005.md", "region: kanto", "region: kanto\nprefecture: tokyo")
    project = load_project(agg_copy)
    [f] = findings(project, "case-k-anonymity-place")
    assert f.severity == "error" and f.path == "casebook/case-005.md" and f.line == 8
    assert "tokyo" in f.message_en and "prefecture" in f.message_en and "1 case(s)" in f.message_en
    assert "casebook/case-005.md" not in [x.path for x in findings(project, "case-k-anonymity")]


def test_municipality_in_a_shared_combination_is_not_a_k_anonymity_error(agg_copy):
    edit(agg_copy / "casebook/case-001.md", "region: kanto", "region: kanto\nmunicipality: 架空市")
    assert findings(load_project(agg_copy), "case-k-anonymity-place") == []


def test_k_threshold_comes_from_the_plugin_option(agg_copy):
    edit(agg_copy / "mkdocs.yml", "k_anonymity: 3", "k_anonymity: 2")
    project = load_project(agg_copy)
    assert project.config.k_anonymity == 2
    assert sorted(f.path for f in findings(project, "case-k-anonymity")) == \
        ["casebook/case-003.md", "casebook/case-005.md"]


# ---------------------------------------------------------------- aggregates (hand-counted)

def test_issue_area_by_year(agg_project):
    t = monitoring.tables(agg_project)["issue_areas_by_year"]
    assert t.cols == ("2023", "2024", "2025")
    assert t.rows == ("labour", "technical-interns", "women-gender", "immigration-registration",
                      "refugees-detention", "children-youth", "medical-welfare")
    expected = {"labour": (2, 0, 1), "medical-welfare": (1, 2, 1), "children-youth": (1, 0, 0),
                "refugees-detention": (0, 1, 0), "technical-interns": (0, 0, 0)}
    for row, counts in expected.items():
        assert tuple(t.cell(row, y) for y in t.cols) == counts, row
    assert [t.col_total(y) for y in t.cols] == [4, 3, 2] and t.total == 9
    assert t.row_total("medical-welfare") == 4


def test_barriers(agg_project):
    t = monitoring.tables(agg_project)["barriers"]
    counts = {r: t.cell(r, agg.CASES_COL) for r in t.rows}
    assert counts == {"excluded-by-law": 1, "excluded-in-practice": 1, "language": 4, "excessive-documents": 1,
                      "discrimination": 0, "retaliation": 1, "cost": 1, "other": 0}


def test_system_by_outcome(agg_project):
    t = monitoring.tables(agg_project)["systems_by_outcome"]
    assert t.rows == ("public-assistance", "rhq-protection", "national-health-insurance", "school-enrolment",
                      "labour-inspection")
    assert t.cols == ("granted", "refused", "pending")
    grid = [[t.cell(r, c) for c in t.cols] for r in t.rows]
    assert grid == [[2, 1, 0], [0, 0, 1], [0, 2, 0], [1, 0, 0], [0, 1, 0]]
    assert [t.col_total(c) for c in t.cols] == [3, 4, 1]


def test_not_accepted_share(agg_project):
    t = monitoring.tables(agg_project)["application_accepted"]
    assert [t.cell(r, agg.CASES_COL) for r in t.rows] == [3, 3, 1]  # accepted, not accepted, no record
    assert agg.not_accepted_share(t) == (3, 6, 0.5)


def test_demands_grouped(agg_project):
    demands = agg.demands(sorted_cases(agg_project))
    assert [(d.key, d.case_ids) for d in demands] == [(D1, ("case-001", "case-003", "case-005")),
                                                       (D2, ("case-002", "case-007"))]
    assert agg.demand_text(agg_project.cases, demands[0], "en") == \
        "Hand out an application form to anyone who wants to apply"
    assert agg.demand_text(agg_project.cases, demands[1], "en") == D2  # no translation: the source text


# ---------------------------------------------------------------- CSV / JSON

def test_json_export(agg_project):
    data = json.loads(monitoring.to_json(agg_project, "en"))
    assert data["case_count"] == 7 and data["language"] == "en"
    tables = {t["id"]: t for t in data["tables"]}
    iy = tables["issue_areas_by_year"]
    assert [c["label"] for c in iy["columns"]] == ["2023", "2024", "2025"]
    assert iy["rows"][0] == {"id": "labour", "label": "Labour"} and iy["cells"][0] == [2, 0, 1]
    assert data["not_accepted_share"] == {"not_accepted": 3, "with_record": 6, "share": 0.5}
    assert [d["cases"] for d in data["demands"]] == [3, 2]
    text = json.dumps(data, ensure_ascii=False)
    assert "case-00" not in text and "架空の集計用事例" not in text  # no per-case data


def test_csv_export(agg_project):
    raw = monitoring.to_csv(agg_project, "ja")
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert list(rows[0]) == monitoring.CSV_HEADER
    cell = {(r["table"], r["row_id"], r["column_id"]): int(r["count"]) for r in rows}
    assert cell[("issue_areas_by_year", "medical-welfare", "2024")] == 2
    assert cell[("barriers", "language", "cases")] == 4
    assert cell[("systems_by_outcome", "national-health-insurance", "refused")] == 2
    assert cell[("application_accepted", "not-accepted", "cases")] == 3
    assert cell[("systemic_demands", "demand-1", "cases")] == 3
    labour = next(r for r in rows if r["row_id"] == "labour")
    assert labour["row_label"] == "労働" and labour["column_label"] == "2023年"
    assert len(rows) == 7 * 3 + 8 + 5 * 3 + 3 + 2
    assert not any("case-" in v for r in rows for v in r.values())


def test_csv_and_json_in_every_language(real_project):
    for lang in LANGS:
        data = json.loads(monitoring.to_json(real_project, lang))
        labels = {r["label"] for t in data["tables"] for r in t["rows"]}
        assert data["case_count"] == 16 and labels
        assert monitoring.to_csv(real_project, lang).count("\n") > 20
    zh = json.loads(monitoring.to_json(real_project, "zh"))
    assert zh["tables"][0]["rows"][0]["label"] == "劳动"


# ---------------------------------------------------------------- generated pages

def test_monitoring_page_charts_are_accessible_svg_with_tables(agg_project):
    md = monitoring.page_markdown(agg_project, "en")
    assert md.count('role="img"') == 4 and md.count("<table>") == 5
    assert md.count("<title id=") == 4 and md.count("<desc id=") == 4
    assert "Of the 6 cases with a record, 3 (50%)" in md
    assert 'href="casebook-monitoring.csv"' in md and 'href="casebook-monitoring.json"' in md
    assert "Labour × 2023: 2" in md  # the chart's text description
    assert "Number of cases" in md  # axis label
    ja = monitoring.page_markdown(agg_project, "ja")
    assert "## 課題分野 × 年" in ja and "労働" in ja and "事例数" in ja


def test_index_lists_every_case_server_side_with_a_hidden_filter(real_project):
    for lang in LANGS:
        md = index_markdown(real_project, lang)
        assert md.count('class="bansou-cb-item"') == 16
        assert '<form class="bansou-cb-filter" hidden' in md
        for facet in BROWSE_FACETS:
            assert f'data-facet="{facet}"' in md
    en = index_markdown(real_project, "en")
    assert 'name="issue_areas" value="labour"' in en and "Labour" in en
    assert 'data-status="Showing {shown} of {total} cases"' in en


def test_facet_pages_link_every_case(real_project):
    md = pages.facet_page_markdown(real_project, "barriers", "en")
    assert "## Language (14 case(s)) { #v-language }" in md
    assert "## Discriminatory treatment (1 case(s)) { #v-discrimination }" in md
    total = sum(1 for c in real_project.cases.values() if "language" in c.values("barriers"))
    assert total == 14


def test_related_cases_section_uses_translated_titles(real_project):
    article = real_project.articles["poverty/public-assistance"]
    en = pages.related_cases_markdown(real_project, article, "en")
    assert "## Cases related to this page" in en
    assert "(../casebook/case-001.md)" in en and "Public assistance application by a long-term resident" in en
    ej = pages.related_cases_markdown(real_project, article, "ej")
    assert "この ページに かんけいする じれい" in ej and "派遣切りで住まいを失った" in ej  # Japanese title fallback


def test_case_page_gets_notice_and_fact_chips(real_project):
    case = real_project.cases["case-001"]
    def info(lang: str, url: str) -> PageInfo:
        return PageInfo(lang, "ja", case.site_path, "casebook/case-001.md", url, case, True)

    for lang in LANGS:
        html = pages.case_page_html(real_project, info(lang, f"{lang}/casebook/case-001/"), case, "<p>body</p>")
        assert html.index("bansou-cb-composite") < html.index("bansou-cb-facts") < html.index("<p>body</p>")
    ja = pages.case_page_html(real_project, info("ja", "casebook/case-001/"), case, "")
    assert "この事例は研修用の創作事例です" in ja
    assert 'href="../facets/region/#v-kanto">関東</a>' in ja
    assert 'href="../facets/year/#v-2022">2022年</a>' in ja
    assert 'href="../facets/barriers/#v-excessive-documents">過剰な書類要求</a>' in ja


def test_feature_hooks_apply_to_the_right_pages(real_project):
    import bansou.features.casebook as feature
    case = real_project.cases["case-001"]
    info = PageInfo("en", "ja", case.site_path, "casebook/case-001.en.md", "en/casebook/case-001/", case, True)
    assert "bansou-cb-facts" in feature.page_html(real_project, info, "<p>x</p>")
    article = real_project.articles["poverty/public-assistance"]
    info = PageInfo("ja", "ja", article.site_path, "poverty/public-assistance.md", "poverty/public-assistance/",
                    article, True)
    assert "このページに関連する事例" in feature.page_markdown(real_project, info, "## x\n")
    assert feature.page_html(real_project, info, "<p>x</p>") == "<p>x</p>"
    srcs = {p.src_uri for p in feature.extra_pages(real_project)}
    assert {"casebook/monitoring.md", "casebook/monitoring.my.md", "casebook/facets/year.pt-BR.md",
            "casebook/facets/index.ej.md"} <= srcs
    assert len(srcs) == 11 * (2 + len(BROWSE_FACETS))


def test_post_build_writes_aggregates_per_language(agg_project, tmp_path):
    import bansou.features.casebook as feature
    for lang in ("ja", "en"):
        feature.post_build(agg_project, tmp_path, lang)
    ja = json.loads((tmp_path / "casebook/monitoring/casebook-monitoring.json").read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "en/casebook/monitoring/casebook-monitoring.json").read_text(encoding="utf-8"))
    assert ja["language"] == "ja" and en["language"] == "en"
    assert (tmp_path / "en/casebook/monitoring/casebook-monitoring.csv").read_text(encoding="utf-8-sig") \
        .startswith("table,table_title")
