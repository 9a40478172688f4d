"""Ruby syntax, automatic furigana and the status notices' logic."""
from bansou.features import PageInfo
from bansou.features.i18n import DEFERRED_FURIGANA, notice, page_output, site_url
from bansou.furigana import annotate_html, ruby_markdown
from bansou.project import load_project


def test_ruby_syntax_outside_code():
    md = "{生活保護|せいかつほご}です\n```\n{x|y}\n```\n"
    out = ruby_markdown(md)
    assert "<ruby>生活保護<rt data-search-exclude>せいかつほご</rt></ruby>です" in out and "{x|y}" in out


def test_automatic_readings_only_on_kanji_and_not_inside_code_or_ruby():
    html = "<p>申請を使えます。<code>漢字</code><ruby>国<rt>くに</rt></ruby>在留カード</p><p>届出</p>"
    out = annotate_html(html)
    assert "<ruby>申請<rt>しんせい</ruby>" in out  # </rt> left out: </ruby> ends it
    assert "<ruby>使<rt>つか</ruby>えます" in out  # okurigana stays outside the ruby
    assert "<ruby>在留<rt>ざいりゅう</ruby>カード" in out  # katakana stays outside too
    assert "<code>漢字</code>" in out and out.count("<rt>くに</rt>") == 1
    assert "<ruby>届出<rt>とどけで</ruby>" in annotate_html(out)  # its own output does not stop it


def test_furigana_now_or_left_to_the_builds_second_process():
    html = "<html><head><title>在留</title></head><body><article><h1>在留カード</h1></article></body></html>"
    info = PageInfo(lang="ej", default_lang="ja", site_path="x", src_uri="x.ej.md", url="ej/x/", doc=None,
                    translated=True)
    served = page_output(None, info, html)  # mkdocs serve: no second process
    assert "<h1><ruby>在留<rt>ざいりゅう</ruby>カード</h1>" in served and "<title>在留</title>" in served
    deferred: list[str] = []
    built = PageInfo(**{**info.__dict__, "deferred": deferred})  # mkdocs build
    assert page_output(None, built, html) == html and deferred == [DEFERRED_FURIGANA]
    module, _, name = DEFERRED_FURIGANA.partition(":")
    assert getattr(__import__(module, fromlist=[name]), name)(html) == served
    assert page_output(None, PageInfo(**{**info.__dict__, "lang": "en", "deferred": []}), html) == html


def page(project, site_path, lang, translated):
    return PageInfo(lang=lang, default_lang="ja", site_path=site_path, src_uri="", url=f"{lang}/{site_path}/",
                    doc=project.document_at(site_path), translated=translated)


def test_notices(mini_project):
    (mini_project / "docs/poverty/only-ja.md").write_text(
        "---\ntitle: 日本語だけ\ntype: info\n---\n\n本文です。\n", encoding="utf-8")
    project = load_project(mini_project)
    fallback = notice(page(project, "poverty/only-ja", "en", False), project)
    assert 'data-translation-status="missing"' in fallback and 'href="../../../poverty/only-ja/"' in fallback
    outdated = notice(page(project, "poverty/assistance", "en", True), project)
    assert 'data-translation-status="outdated"' in outdated and "machine-assisted" in outdated
    assert notice(page(project, "poverty/assistance", "ja", True), project) == ""
    assert site_url("index") == "" and site_url("casebook/index") == "casebook/"


def test_boilerplate_and_readings_stay_out_of_the_search_index(built_site):
    """The same sentence on every page (notices, edit links, the trainer switch's help, the
    related-cases intro, the composite notice) would match every search for its words."""
    import json
    from bansou.ui import t
    for lang in ("en", "vi", "ej"):
        text = (built_site / f"search/index.{lang}.json").read_text(encoding="utf-8")
        docs = json.loads(text)["docs"]
        assert len(docs) > 100
        for key in ("i18n_fallback", "i18n_machine", "crs_switch_help", "casebook_related_intro"):
            assert t(key, lang)[:20] not in text, (lang, key)
        # the composite notice is on every case page; the casebook's own introduction may say it once
        notice = t("casebook_composite_notice", lang)
        assert sum(notice[:30] in d["text"] for d in docs) <= 1, lang
        # the contributing guide names the link in its steps; no page carries the link itself
        label = t("contrib_edit_page", lang)
        assert sum(label in d["text"] for d in docs) <= 2, lang
        # the related-pages box's heading made an empty section on every handbook page
        assert not any(d["location"].endswith("#bansou-related-title") for d in docs), lang
    ej = json.loads((built_site / "search/index.ej.json").read_text(encoding="utf-8"))["docs"]
    assert not any("<rt" in d["text"] or "<ruby" in d["text"] for d in ej)  # furigana is added after indexing
    assert "<ruby>" in (built_site / "ej/index.html").read_text(encoding="utf-8")


def test_status_page_lists_a_few_pages_per_language_whatever_the_size(mini_project):
    """The list would otherwise grow with the site (202 KB in Easy Japanese at 30x)."""
    from bansou.features.i18n import LIST_LIMIT, status_markdown
    from bansou.translations import PageStatus
    project = load_project(mini_project)
    machine = [PageStatus(f"p/{i}", "p", lang, "machine", f"docs/p/{i}.{lang}.md", f"ページ {i}")
               for lang in ("en", "vi") for i in range(LIST_LIMIT + 7)]
    text = status_markdown(project, "en", machine)
    assert text.count("- `en` — ページ") == LIST_LIMIT and text.count("- `vi` — ページ") == LIST_LIMIT
    assert text.count("and 7 more (full list: `bansou i18n --format json`)") == 2
    small = status_markdown(project, "ja", machine[:3])
    assert small.count("- `en` — ページ") == 3 and "ほか" not in small
