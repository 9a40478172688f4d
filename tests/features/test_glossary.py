"""The glossary: data checks, the generated page in every language, and terms marked in page text."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from bansou.features import PageInfo, glossary
from bansou.models import Article, GlossaryTerm
from bansou.project import load_project

ROOT = Path(__file__).resolve().parents[2]
HIRAGANA = re.compile(r"^[\u3041-\u309f\u30fc・ ]+$")


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def term(id, word, aliases=(), en=None, reading="よみ", line=1, page="poverty/assistance", definition="説明です。"):
    tr = {"en": {"term": en, "definition": f"{en} explained."}} if en else {}
    return GlossaryTerm(id=id, term=word, reading=reading, definition=definition, page=page,
                        aliases=tuple(aliases), translations=tr, line=line)


def fake_project(terms):
    art = Article(rel="docs/poverty/assistance.md", abs_path=Path("x"), site_path="poverty/assistance",
                  title="生活保護", meta={}, body="", body_line=1)
    return SimpleNamespace(glossary=terms, articles={"poverty/assistance": art},
                           config=SimpleNamespace(default_language="ja", language_codes=("ja", "en", "zh")))


def info(lang="ja", site_path="poverty/assistance", translated=True, doc=True):
    prefix = "" if lang == "ja" else f"{lang}/"
    article = Article(rel="docs/x.md", abs_path=Path("x"), site_path=site_path, title="t", meta={}, body="",
                      body_line=1)
    return PageInfo(lang=lang, default_lang="ja", site_path=site_path, src_uri=f"{site_path}.md",
                    url=f"{prefix}{site_path}/", doc=article if doc else None, translated=translated)


# ---------------------------------------------------------------- the real data


def test_real_glossary_is_large_unique_and_valid(project):
    terms = project.glossary
    assert len(terms) >= 80
    assert len({t.id for t in terms}) == len(terms)
    words = [w for t in terms for w in (t.term, *t.aliases)]
    assert len(set(words)) == len(words)
    en = [t.translations["en"]["term"].casefold() for t in terms]
    assert len(set(en)) == len(en)
    for t in terms:
        assert HIRAGANA.match(t.reading), t.id
        assert t.page in project.articles, t.id
        assert t.translations["en"]["definition"]
    assert not [f for f in project.findings if f.path == "docs/glossary.yml" and f.severity == "error"]


def test_duplicate_terms_and_aliases_are_findings():
    p = fake_project([term("a", "国保", line=3, en="NHI"), term("b", "国民健康保険", aliases=["国保"], line=9, en="nhi")])
    found = glossary.check(p)
    assert [(f.code, f.line) for f in found] == [("glossary-term-duplicate", 9), ("glossary-term-duplicate", 9)]
    assert "国保" in found[0].message_ja and "a" in found[0].message_ja


def test_bad_reading_and_missing_page_are_reported(mini_project):
    (mini_project / "docs" / "glossary.yml").write_text(
        "- id: hogo\n  term: 保護\n  reading: ホゴ\n  definition: 説明です。\n  en: {term: Protection, definition: x}\n"
        "  page: poverty/assistance\n"
        "- id: kokuho\n  term: 国保\n  reading: こくほ\n  definition: 説明です。\n  en: {term: NHI, definition: x}\n"
        "  page: poverty/nowhere\n", encoding="utf-8")
    found = [(f.code, f.line) for f in load_project(mini_project).findings if f.path == "docs/glossary.yml"]
    assert ("field-value", 3) in found or ("field-type", 3) in found
    assert ("ref-missing", 7) in found


# ---------------------------------------------------------------- the glossary page


def test_glossary_page_japanese_groups_in_kana_order(project):
    md = glossary.page_markdown_for(project, "ja")
    heads = re.findall(r"^## (\S+)行 \{ #group-(\w+) \}", md, re.M)
    kana = [h for h, _ in heads]
    assert kana == sorted(kana, key="あかさたなはまやらわ".index) and kana[0] == "あ"
    assert md.startswith("# 用語集")
    assert md.count("<dt id=") == len(project.glossary)
    first = project.glossary[0]
    assert f'<dt id="{first.id}">' in md and first.reading in md and first.definition in md
    assert 'href="../residence/residence-card/"' in md  # link to the explaining page, from /glossary/


def test_glossary_page_english_and_fallback_languages(project):
    en = glossary.page_markdown_for(project, "en")
    assert en.startswith("# Glossary")
    first = project.glossary[0]
    assert first.translations["en"]["definition"] in en and first.term in en
    letters = re.findall(r"^## ([A-Z]) \{", en, re.M)
    assert letters == sorted(letters) and len(letters) > 5
    assert 'href="../residence/residence-card/"' in en  # /en/glossary/ → /en/residence/...
    zh = glossary.page_markdown_for(project, "zh")
    assert zh.startswith("# 术语表")
    assert first.translations["zh"]["definition"] in zh and "<h2" not in zh and "## " not in zh
    assert zh.count("<dt id=") == len(project.glossary)
    pages = {p.src_uri for p in glossary.extra_pages(project)}
    assert {"glossary.md", "glossary.en.md", "glossary.zh.md", "glossary.ej.md"} <= pages


# ---------------------------------------------------------------- marking terms


@pytest.fixture
def marking():
    return fake_project([term("hogo", "生活保護", aliases=["生保"], en="public assistance", reading="せいかつほご"),
                         term("hogo-ho", "生活保護法", en="Public Assistance Act"),
                         term("cw", "ケースワーカー", aliases=["CW"], en="caseworker")])


def spans(html):
    return re.findall(r'<span class="bansou-term"[^>]*data-term-id="([^"]+)"[^>]*>([^<]*)</span>', html)


def test_marks_first_occurrence_longest_first(marking):
    html = "<p>生活保護法では生活保護を、生保とも言います。生活保護。CWとCWX。</p>"
    out = glossary.mark_terms(marking, info(), html)
    assert spans(out) == [("hogo-ho", "生活保護法"), ("hogo", "生活保護"), ("cw", "CW")]
    assert out.count("bansou-term") == 3 and "生保とも" in out and "CWX" in out
    span = re.search(r"<span class=\"bansou-term\"[^>]*>", out).group(0)
    assert 'tabindex="0"' in span and 'role="button"' in span
    assert 'data-term-href="../../glossary/#hogo-ho"' in span


def test_skips_headings_links_code_and_own_boxes(marking):
    html = ('<h2 id="x">生活保護</h2><p><a href="#">生活保護</a> <code>生活保護</code></p>'
            '<pre><code>生活保護</code></pre><div class="bansou-noterms"><p>生活保護</p></div>'
            '<p class="admonition-title">生活保護</p><p>本文の生活保護<br>と<img alt="x">生保</p>')
    out = glossary.mark_terms(marking, info(), html)
    assert spans(out) == [("hogo", "生活保護")]
    assert out.index("bansou-term") > out.index("本文の")


def test_reader_language_definitions(marking):
    en = glossary.mark_terms(marking, info("en"), "<p>Apply for public assistance. 生活保護</p>")
    assert spans(en) == [("hogo", "public assistance")]
    assert 'data-term-def="public assistance explained."' in en and 'data-term-title="public assistance (生活保護)"' in en
    # a fallback page shows Japanese text: Japanese words are marked, the definition is English
    zh = glossary.mark_terms(marking, info("zh", translated=False), "<p>生活保護の申請</p>")
    assert spans(zh) == [("hogo", "生活保護")] and 'data-term-def="public assistance explained."' in zh
    ja = glossary.mark_terms(marking, info(), "<p>生活保護</p>")
    assert 'data-term-title="生活保護(せいかつほご)"' in ja and 'data-term-def="説明です。"' in ja


def test_which_pages_are_marked(marking):
    assert glossary.page_html(marking, info(site_path="glossary"), "<p>生活保護</p>") == "<p>生活保護</p>"
    assert glossary.page_html(marking, info(doc=False), "<p>生活保護</p>") == "<p>生活保護</p>"
    assert "bansou-term" in glossary.page_html(marking, info(), "<p>生活保護</p>")


def test_real_pages_get_terms(project):
    doc = project.articles["poverty/public-assistance"]
    page = PageInfo(lang="ja", default_lang="ja", site_path=doc.site_path, src_uri="poverty/public-assistance.md",
                    url="poverty/public-assistance/", doc=doc, translated=True)
    out = glossary.page_html(project, page, "<h2>生活保護とは</h2><p>生活保護の申請は福祉事務所にします。</p>")
    ids = [i for i, _ in spans(out)]
    assert "seikatsu-hogo" in ids and len(ids) == len(set(ids))


def test_translated_terms_match_without_the_japanese_in_brackets():
    t = GlossaryTerm(id="card", term="在留カード", reading="ざいりゅうかあど", definition="説明です。", page="p",
                     aliases=(), line=1, translations={"en": {"term": "Residence card", "definition": "A card."},
                                                       "vi": {"term": "Thẻ lưu trú (在留カード)", "definition": "Thẻ."}})
    p = fake_project([t])
    vi = glossary.mark_terms(p, info("vi"), "<p>Mang theo thẻ lưu trú khi đi.</p>")
    assert spans(vi) == [("card", "thẻ lưu trú")]
    assert 'data-term-title="Thẻ lưu trú (在留カード)"' in vi and 'data-term-def="Thẻ."' in vi
    md = glossary.page_markdown_for(p, "vi")
    assert "Thẻ lưu trú (在留カード)</span>" in md and '<span class="bansou-glossary__reading" lang="ja">(' in md


def test_languages_without_a_translation_show_english_and_japanese():
    p = fake_project([term("hogo", "生活保護", en="Public assistance", reading="せいかつほご")])
    zh = glossary.page_markdown_for(p, "zh")
    assert "英语和日语" in zh  # says why
    assert "Public assistance</span>" in zh and "生活保護(せいかつほご)" in zh
    assert "Public assistance explained." in zh and '<p lang="ja">説明です。</p>' in zh
