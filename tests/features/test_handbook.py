"""Handbook articles: required metadata and length, sources-and-dates box, related pages,
checklists, navigation (mkdocs.yml nav + nav_translations) and the home page; links in the
HTML these features write resolve in the built site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bansou.features import PageInfo, handbook
from bansou.render.site_links import page_url, relative
from bansou.project import load_project

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("basics", "residence", "poverty", "health", "children", "work", "referral", "records")
JAPANESE_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆ー]")


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def handbook_pages(project):
    return [a for a in project.articles.values() if a.section in SECTIONS]


def info(doc, lang="ja", translated=True):
    prefix = "" if lang == "ja" else f"{lang}/"
    return PageInfo(lang=lang, default_lang="ja", site_path=doc.site_path, src_uri=f"{doc.site_path}.md",
                    url=f"{prefix}{doc.site_path}/", doc=doc, translated=translated)


# ---------------------------------------------------------------- content requirements


def test_all_38_handbook_pages_have_required_metadata(handbook_pages):
    assert len(handbook_pages) == 38
    for page in handbook_pages:
        assert page.title and page.summary and page.keywords, page.rel
        assert page.sources and all(s.url.startswith("https://") and s.title for s in page.sources), page.rel
        assert page.valid_as_of and page.reviewed and page.owners, page.rel
        assert page.related.pages, f"{page.rel}: related.pages is empty"
        assert "en" in page.translations, page.rel


def test_handbook_bodies_are_at_least_800_japanese_characters(handbook_pages):
    short = {p.site_path: n for p in handbook_pages if (n := len(JAPANESE_CHAR.findall(p.body))) < 800}
    assert short == {}


def test_four_printable_checklists(project):
    checklists = [a for a in project.articles.values() if a.checklist]
    assert sorted(a.site_path for a in checklists) == [
        "checklists/child-allowance", "checklists/labour-inspection", "checklists/nhi-enrolment",
        "checklists/public-assistance"]
    for a in checklists:
        assert re.search(r"^- \[ \] ", a.body, re.M) and "en" in a.translations


# ---------------------------------------------------------------- what the feature writes


def test_site_links():
    assert page_url("index", "ja", "ja") == "" and page_url("index", "en", "ja") == "en/"
    assert page_url("casebook/index", "en", "ja") == "en/casebook/"
    assert relative("poverty/x/", "basics/y/") == "../../basics/y/"
    assert relative("en/poverty/x/", "en/poverty/z/") == "../z/"
    assert relative("", "glossary/#a") == "glossary/#a"
    assert relative("en/glossary/", "en/") == "../"


def test_facts_box_in_reader_language(project):
    doc = project.articles["poverty/public-assistance"]
    ja = handbook.facts_html(doc, info(doc))
    assert ja.startswith('<aside class="bansou-facts bansou-noterms" data-pii="skip" data-search-exclude>')
    assert "出典" in ja and "情報の時点" in ja and "最終確認" in ja
    assert f'datetime="{doc.valid_as_of.isoformat()}"' in ja and f"{doc.reviewed.year}年" in ja
    assert all(f'href="{s.url}"' in ja for s in doc.sources)
    en = handbook.facts_html(doc, info(doc, "en"))
    assert "Sources" in en and "Information as of" in en and "Last reviewed" in en
    assert doc.reviewed.isoformat() in en
    en_titles = [s["title"] for s in doc.translations["en"].meta.get("sources") or []]
    assert en_titles and all(t.replace("&", "&amp;") in en for t in en_titles)


def test_related_pages_in_reader_language(project):
    doc = project.articles["poverty/public-assistance"]
    ja = handbook.related_html(project, doc, info(doc))
    assert "<h2" in ja and "関連ページ" in ja
    for target in doc.related.pages:
        assert project.articles[target].title in ja
    en = handbook.related_html(project, doc, info(doc, "en"))
    assert "Related pages" in en
    first = project.articles[doc.related.pages[0]]
    assert first.title_in("en") in en and first.title not in en
    assert f'href="{relative(doc.site_path + "/", first.site_path + "/")}"' in ja


def test_checklist_page_gets_print_button_and_wrapper(project):
    doc = project.articles["checklists/public-assistance"]
    out = handbook.page_html(project, info(doc), "<h2>本人の書類</h2>")
    assert out.startswith('<div class="bansou-checklist">') and "data-bansou-print" in out
    assert "onclick" not in out and "このチェックリストを印刷する" in out
    plain = handbook.page_html(project, info(project.articles["basics/role-and-limits"]), "<p>x</p>")
    assert "bansou-checklist" not in plain and "bansou-facts" in plain and "bansou-related" in plain
    home = project.articles["index"]
    assert handbook.page_html(project, info(home), "<p>x</p>") == "<p>x</p>"


# ---------------------------------------------------------------- navigation and home


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@pytest.fixture(scope="module")
def mkdocs_yml():
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _sections(nav):
    out = {}
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            out[title] = value
    return out


def test_nav_has_sections_a_to_h_and_every_handbook_page(mkdocs_yml, handbook_pages):
    sections = _sections(mkdocs_yml["nav"])
    assert list(sections)[:8] == ["伴走の基本", "在留・住民登録", "生活困窮", "医療", "出産・子ども", "労働・年金",
                                  "相談先", "記録と提言"]
    assert sections["用語集"] == "glossary.md"
    assert sections["事例集"] == "casebook/index.md" and sections["講座"] == "courses/index.md"
    listed = {p for v in sections.values() for p in (v if isinstance(v, list) else [v])}
    assert {f"{p.site_path}.md" for p in handbook_pages} <= listed
    assert len(sections["チェックリスト"]) == 4
    assert mkdocs_yml["nav"][0] == "index.md"


def test_nav_sections_are_translated_for_every_language(mkdocs_yml):
    sections = [k for k in _sections(mkdocs_yml["nav"])]
    i18n = next(p["i18n"] for p in mkdocs_yml["plugins"] if isinstance(p, dict) and "i18n" in p)
    langs = [lang for lang in i18n["languages"] if not lang.get("default")]
    assert len(langs) == 10
    for lang in langs:
        tr = lang.get("nav_translations") or {}
        assert set(sections) <= set(tr), lang["locale"]
        assert all(tr[s] and tr[s] != s for s in sections), lang["locale"]
    en = next(lang for lang in langs if lang["locale"] == "en")["nav_translations"]
    assert en["伴走の基本"] == "Basics of accompaniment" and en["記録と提言"] == "Records and advocacy"


def test_home_pages_route_three_readers(project):
    home = project.articles["index"]
    assert home.info and "en" in home.translations
    for body in (home.body, home.translations["en"].body):
        assert body.count("{ .bansou-route }") >= 3
        assert "(courses/index.md)" in body and "(records/anonymised-records.md)" in body
        assert "](contributing.md){ .bansou-route }" in body  # contributors go to the contributing page
        assert "(casebook/index.md)" in body and "(glossary.md)" in body
        steps = re.findall(r"^(\d+)\. \[", body, re.M)
        assert steps == [str(i) for i in range(1, len(steps) + 1)] and len(steps) >= 6


# ---------------------------------------------------------------- the built site


def _hrefs(html: str, pattern: str) -> list[str]:
    block = "".join(re.findall(pattern, html, re.S))
    return re.findall(r'href="([^"#]*)(?:#[^"]*)?"', block)


@pytest.mark.parametrize("path", ["poverty/public-assistance", "en/poverty/public-assistance",
                                  "zh/poverty/public-assistance", "basics/eligibility-matrix",
                                  "en/basics/eligibility-matrix", "glossary", "en/glossary", "vi/glossary"])
def test_generated_links_resolve_in_built_site(built_site, path):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    hrefs = (_hrefs(html, r'<nav class="bansou-related.*?</nav>')
             + _hrefs(html, r'<div class="bansou-matrix.*?</table>')
             + _hrefs(html, r'<dl class="bansou-glossary">.*?</dl>')
             + re.findall(r'data-term-href="([^"#]*)#', html))
    assert hrefs, path
    base = built_site / path
    for href in set(hrefs):
        target = (base / href).resolve()
        assert (target / "index.html").exists(), f"{path}: {href}"
        assert str(target).startswith(str(built_site.resolve()))
    lang = path.split("/")[0] if path.split("/")[0] in ("en", "zh", "vi") else "ja"
    if lang != "ja":  # links stay in the reader's language
        assert all((base / h).resolve().relative_to(built_site.resolve()).parts[0] == lang for h in hrefs)


def test_built_pages_have_facts_related_and_terms(built_site):
    html = (built_site / "poverty/public-assistance/index.html").read_text(encoding="utf-8")
    assert html.count('<aside class="bansou-facts') == 1 and "関連ページ" in html
    assert 'class="bansou-term"' in html
    script = re.search(r'<script src="[./]*(assets/bansou/bansou\.[0-9a-f]+\.js)">', html)
    css = re.search(r'<link rel="stylesheet" href="[./]*(assets/bansou/bansou\.[0-9a-f]+\.css)">', html)
    assert "/* assets/bansou/handbook.js */" in (built_site / script.group(1)).read_text(encoding="utf-8")
    assert "/* assets/bansou/handbook.css */" in (built_site / css.group(1)).read_text(encoding="utf-8")
    en = (built_site / "en/poverty/public-assistance/index.html").read_text(encoding="utf-8")
    assert "Related pages" in en and "Information as of" in en and 'class="bansou-term"' in en
    glossary = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    assert 'class="bansou-term"' not in glossary and glossary.count("<dt id=") >= 80


def test_plain_http_source_is_a_warning_with_its_line(mini_project):
    page = mini_project / "docs" / "poverty" / "assistance.md"
    page.write_text(page.read_text(encoding="utf-8").replace("https://www.example.com/source",
                                                             "http://www.example.com/source"), encoding="utf-8")
    found = [f for f in load_project(mini_project).findings if f.code == "source-not-https"]
    assert [(f.path, f.line, f.severity) for f in found] == [("docs/poverty/assistance.md", 7, "warning")]
