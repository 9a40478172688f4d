"""What changed (更新履歴) and legal changes (制度改正カレンダー): generated pages and the
boxes on a page, on the fixture project (injected today) and on the real site."""
from __future__ import annotations

import re

from trust_helpers import make_trust_project

from bansou import codes
from bansou.project import load_project


def _html(site, path):
    """The page's content (the <article>), without the navigation and table of contents."""
    text = (site / path / "index.html").read_text(encoding="utf-8")
    start = text.index("<article")
    return text[start:text.index("</article>", start)]


def _positions(text, *needles):
    found = [text.find(n) for n in needles]
    assert all(p >= 0 for p in found), [n for n, p in zip(needles, found) if p < 0]
    return found


def test_calendar_lists_upcoming_first_soonest_first_then_past_newest_first(trust_site):
    ja = _html(trust_site, "law-changes")
    upcoming, second, third, past, first, start = _positions(
        ja, 'id="予定されている改正"', "2031年4月1日", "2032年1月1日", 'id="施行済みの改正"', "2029年10月1日",
        "2020年4月1日")
    assert upcoming < second < third < past < first < start
    assert "架空制度の第二次改正" in ja and 'href="https://www.example.com/reform-2"' in ja
    assert 'href="../poverty/assistance/"' in ja  # link to the page that declares it
    en = _html(trust_site, "en/law-changes")
    up, s2, s3, done, f1 = _positions(en, "Upcoming changes", "2031-04-01", "2032-01-01", "Changes already in force",
                                      "2029-10-01")
    assert up < s2 < s3 < done < f1
    assert "Second reform of the fictional scheme" in en
    assert "架空制度の第三次改正" in en  # a plain-string summary is shown as written
    assert 'href="../../en/poverty/assistance/"' in en or 'href="../poverty/assistance/"' in en


def test_page_box_shows_upcoming_and_recent_only(trust_site):
    ja = _html(trust_site, "poverty/assistance")
    box = re.search(r'<aside class="bansou-box bansou-lawchanges[^"]*".*?</aside>', ja, re.S).group(0)
    assert 'data-pii="skip"' in box
    up, s2, s3, recent, f1 = _positions(box, "予定されている改正", "2031年4月1日", "2032年1月1日", "最近の改正",
                                        "2029年10月1日")
    assert up < s2 < s3 < recent < f1
    assert "2020年4月1日" not in box  # in force for more than three years: only in the calendar
    assert 'href="../../law-changes/"' in box
    # the box sits above the text, below the dates line
    assert ja.find("bansou-dates") < ja.find("bansou-lawchanges") < ja.find('id="対象になる人"')
    en = _html(trust_site, "en/poverty/assistance")
    assert "Changes to this system" in en and "First reform of the fictional scheme" in en
    assert 'href="../../law-changes/"' in en  # en/poverty/assistance/ → en/law-changes/


def test_page_shows_its_last_three_changes(trust_site):
    ja = _html(trust_site, "poverty/assistance")
    box = re.search(r'<aside class="bansou-box bansou-changes[^"]*".*?</aside>', ja, re.S).group(0)
    four, three, two = _positions(box, "変更記録4", "変更記録3", "変更記録2")
    assert four < three < two
    assert "変更記録1" not in box
    assert 'href="../../changes/"' in box and 'data-pii="skip"' in box
    en = _html(trust_site, "en/poverty/assistance")
    assert "Change note 4" in en and "Recent changes to this page" in en


def test_changelog_page_grouped_by_section_in_every_language(trust_site):
    ja = _html(trust_site, "changes")
    assert "更新履歴" in ja and "C. 生活困窮" in ja
    four, one = _positions(ja, "変更記録4", "変更記録1")
    assert four < one
    assert 'href="../poverty/assistance/"' in ja
    en = _html(trust_site, "en/changes")
    assert "What changed" in en and "C. Poverty" in en and "Change note 4" in en


def test_summary_language_fallbacks():
    from bansou.features.trust_common import localized
    value = {"ja": "日本語", "en": "English"}
    assert localized(value, "en", "ja") == "English"
    assert localized(value, "vi", "ja") == "English"
    assert localized(value, "ej", "ja") == "日本語"  # Easy Japanese readers read Japanese, not English
    assert localized("そのまま", "en", "ja") == "そのまま"


def test_future_change_note_is_a_warning(tmp_path, monkeypatch):
    mini_project = make_trust_project(tmp_path / "p")
    monkeypatch.setenv("BANSOU_TODAY", "2026-11-25")
    page = mini_project / "docs/poverty/assistance.md"
    text = page.read_text(encoding="utf-8").replace(
        "en: Change note 4}\n", "en: Change note 4}\n  - date: 2099-01-01\n    summary: 未来の変更\n")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - date: 2099-01-01") + 1
    findings = [f for f in load_project(mini_project).findings if f.code == "change-future"]
    assert len(findings) == 1
    f = findings[0]
    assert f.severity == "warning" and f.path == "docs/poverty/assistance.md" and f.line == line
    assert "2099-01-01" in f.message_ja and "5 番目" in f.message_ja and "law_changes" in f.hint_ja
    assert "change-future" in codes.all_codes()


# ---------------------------------------------------------------- the real handbook

def test_real_site_legal_changes(built_site):
    cal = _html(built_site, "law-changes")
    upcoming, ikusei, past, child, immig = _positions(
        cal, 'id="予定されている改正"', "2027年4月1日", 'id="施行済みの改正"', "2024年10月1日", "2024年6月10日")
    assert upcoming < ikusei < past < child < immig
    assert "要確認" in cal[ikusei:past]  # 育成就労's start date is not verified
    child_page = _html(built_site, "children/child-allowance")
    assert "最近の改正" in child_page and "2024年10月1日" in child_page
    training = _html(built_site, "residence/training-employment")
    assert "予定されている改正" in training and "2027年4月1日" in training
    for lang in ("en", "zh", "ej", "my"):
        assert (built_site / lang / "law-changes/index.html").exists(), lang
    assert "Calendar of legal changes" in _html(built_site, "en/law-changes")


def test_real_site_changelog_and_review_queue(built_site):
    log = _html(built_site, "changes")
    assert "E. 出産・子ども" in log and "2024年10月分からの改正後の制度" in log
    assert "(git の記録)" in log  # the real site is built from a git checkout
    en = _html(built_site, "en/changes")
    assert "Written for the scheme as reformed from the October 2024 payment" in en
    queue = _html(built_site, "maintainers/review-queue")
    assert "確認期限を過ぎたページ(0 件)" in queue  # everything was reviewed on 2026-11-25
    for lang in ("ej", "en", "zh", "vi", "tl", "ne", "id", "pt-BR", "es", "my"):
        for path in ("changes", "maintainers/review-queue", "law-changes"):
            assert (built_site / lang / path / "index.html").exists(), (lang, path)


def test_real_site_dates_line_from_git(built_site):
    page = _html(built_site, "children/child-allowance")
    assert re.search(r"最終更新 <time>\d{4}-\d{2}-\d{2}\(git\)</time>", page)
    assert "最終確認 <time>2026-11-25</time>" in page
