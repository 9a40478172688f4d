"""Boxes kept out of the search index are set aside while it is built, and come back whole."""
from __future__ import annotations

from bansou.search_aside import put_back, set_aside

PAGE = ('<h1>在留カード</h1>\n<div class="bansou-freshness"><p class="bansou-dates" data-search-exclude>'
        '<span>情報の時点</span></p></div>\n<p>本文です。<ruby>在留<rt data-search-exclude>ざいりゅう</rt></ruby></p>\n'
        '<aside class="bansou-facts" data-pii="skip" data-search-exclude><div><div>出典</div></div></aside>\n'
        '<nav class="bansou-related" data-search-exclude><h2 id="bansou-related-title">関連ページ</h2></nav>')


def test_boxes_leave_and_come_back_unchanged() -> None:
    html, parts = set_aside(PAGE)
    assert "data-search-exclude" not in html and "関連ページ" not in html and "出典" not in html
    assert "本文です。<ruby>在留<!--bansou-aside:1--></ruby>" in html  # text around them stays in place
    assert parts[2].endswith("</div></div></aside>")  # nested elements of the same name end at the right tag
    assert put_back(html, parts) == PAGE


def test_a_page_without_boxes_is_untouched() -> None:
    assert set_aside("<p>本文</p>") == ("<p>本文</p>", [])
    assert put_back("<p>本文</p>", []) == "<p>本文</p>"


def test_whole_pages_and_unclosed_elements_stay_for_the_search_plugin() -> None:
    # Material adds a title to content without <h1>: a page wrapped whole must keep its own in sight
    whole = '<div data-pii="skip" data-search-exclude><h1>更新履歴</h1><p>2026-11-25</p></div>'
    assert set_aside(whole) == (whole, [])
    broken = '<div data-search-exclude><p>閉じていない</p>'
    assert set_aside(broken) == (broken, [])


def test_boxes_a_feature_sets_aside_itself_come_back_with_the_others() -> None:
    from bansou.features import PageInfo
    from bansou.search_aside import aside

    info = PageInfo(lang="ja", default_lang="ja", site_path="a", src_uri="a.md", url="a/", doc=None,
                    translated=True, asides=[])
    box = '<aside class="bansou-facts" data-search-exclude><p>出典</p></aside>'
    html = "<h1>題</h1>\n" + aside(info, box) + "\n" + PAGE
    assert box not in html and info.asides == [box]
    html, parts = set_aside(html, info.asides)
    assert parts is info.asides and len(parts) == 5  # numbered after the box aside() took
    assert "data-search-exclude" not in html
    assert put_back(html, parts) == "<h1>題</h1>\n" + box + "\n" + PAGE


def test_without_a_list_the_box_stays_in_place() -> None:
    from bansou.features import PageInfo
    from bansou.search_aside import aside

    info = PageInfo(lang="ja", default_lang="ja", site_path="a", src_uri="a.md", url="a/", doc=None, translated=True)
    assert aside(info, "<p data-search-exclude>x</p>") == "<p data-search-exclude>x</p>"


def test_a_box_set_aside_whole_brings_back_the_boxes_inside_it() -> None:
    from bansou.features import PageInfo
    from bansou.search_aside import aside

    info = PageInfo(lang="ja", default_lang="ja", site_path="a", src_uri="a.md", url="a/", doc=None,
                    translated=True, asides=[])
    inner = '<p class="bansou-dates" data-search-exclude>日付</p>'
    page = '<h1>題</h1><div data-search-exclude>' + aside(info, inner) + '<p>注</p></div>'
    html, parts = set_aside(page, info.asides)
    assert html == "<h1>題</h1><!--bansou-aside:1-->"
    assert put_back(html, parts) == '<h1>題</h1><div data-search-exclude>' + inner + '<p>注</p></div>'
