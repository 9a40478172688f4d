"""「このページを編集」opens the real file: translation, casebook/ and courses/ files, nothing for generated pages."""
from __future__ import annotations

import re

import pytest

from bansou.features import PageInfo
from bansou.features.edit_links import edit_url
from bansou.project import load_project
from conftest import ROOT

REPO = "https://github.com/bansou-net/handbook/edit/main/"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def info(project, site_path, lang, generated=False):
    doc = None if generated else project.document_at(site_path)
    translated = lang == "ja" or (doc is not None and lang in doc.translations)
    return PageInfo(lang=lang, default_lang="ja", site_path=site_path, src_uri="", url="", doc=doc,
                    translated=translated)


def test_edit_urls(project):
    case = sorted(project.cases)[0]
    module = sorted(project.modules.values(), key=lambda m: m.id)[0]
    assert edit_url(project, info(project, "poverty/public-assistance", "ja")) == REPO + "docs/poverty/public-assistance.md"
    assert edit_url(project, info(project, "poverty/public-assistance", "en")) == REPO + "docs/poverty/public-assistance.en.md"
    assert edit_url(project, info(project, f"casebook/{case}", "en")) == REPO + f"casebook/{case}.en.md"
    assert edit_url(project, info(project, module.site_path, "ja")) == REPO + module.rel
    # no Nepali translation: the page is shown from the Japanese file, which is what to edit
    assert edit_url(project, info(project, "poverty/public-assistance", "ne")) == REPO + "docs/poverty/public-assistance.md"
    assert edit_url(project, info(project, "casebook/index", "ja", generated=True)) is None


def _edit_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)


def test_built_pages_link_their_own_file(built_site, project):
    case = sorted(project.cases)[0]
    module = sorted(project.modules.values(), key=lambda m: m.id)[0]
    expected = {
        "poverty/public-assistance/index.html": "docs/poverty/public-assistance.md",
        "en/poverty/public-assistance/index.html": "docs/poverty/public-assistance.en.md",
        f"en/casebook/{case}/index.html": f"casebook/{case}.en.md",
        f"{module.site_path}/index.html": module.rel,
        "contributing/index.html": "docs/contributing.md",
    }
    for page, rel in expected.items():
        html = (built_site / page).read_text(encoding="utf-8")
        links = _edit_links(html)
        assert links and set(links) == {REPO + rel}, (page, links)  # Material's button and our link agree
    assert "このページを編集" in (built_site / "poverty/public-assistance/index.html").read_text(encoding="utf-8")
    assert "Edit this page" in (built_site / "en/poverty/public-assistance/index.html").read_text(encoding="utf-8")
    assert _edit_links((built_site / "casebook/index.html").read_text(encoding="utf-8")) == []
