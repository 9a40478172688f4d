"""Freshness: review due dates, the overdue notice in the reader's language, the review
queue page, and last-updated dates from git (or "unknown" without git)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

from conftest import TRUST_TODAY, build_site
from trust_helpers import commit_all, git, make_trust_project

from bansou.config import load_config
from bansou.features import freshness
from bansou.githistory import read_history
from bansou.project import load_project

# trust_site (conftest): the fixture project, not in git, built as if today were far in the future
FAR_FUTURE = TRUST_TODAY


def _html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_months_between():
    assert freshness.months_between(dt.date(2026, 11, 25), dt.date(2030, 6, 1)) == 42
    assert freshness.months_between(dt.date(2026, 11, 25), dt.date(2027, 11, 25)) == 12
    assert freshness.months_between(dt.date(2026, 11, 25), dt.date(2027, 11, 24)) == 11


def test_due_date_uses_page_then_plugin_then_default(tmp_path, monkeypatch):
    mini_project = make_trust_project(tmp_path / "p")
    monkeypatch.setenv("BANSOU_TODAY", "2026-11-25")
    project = load_project(mini_project)
    item = freshness.review_item(project.articles["poverty/assistance"], project.config)
    assert item.due == dt.date(2027, 11, 25)  # default 365 days
    yml = mini_project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace('today: "2026-11-25"', 'today: "2026-11-25"\n      review_interval_days: 10'),
                   encoding="utf-8")
    assert load_config(mini_project).review_interval_days == 10
    project = load_project(mini_project)
    assert freshness.review_item(project.articles["poverty/assistance"], project.config).due == dt.date(2026, 12, 5)
    page = mini_project / "docs/poverty/assistance.md"
    page.write_text(page.read_text(encoding="utf-8").replace("owners:", "review_interval_days: 30\nowners:"),
                    encoding="utf-8")
    project = load_project(mini_project)
    assert freshness.review_item(project.articles["poverty/assistance"], project.config).due == dt.date(2026, 12, 25)
    monkeypatch.setenv("BANSOU_TODAY", "2026-12-25")
    assert freshness.overdue(load_project(mini_project)) == []  # due today is not overdue yet
    monkeypatch.setenv("BANSOU_TODAY", "2026-12-26")
    assert [i.site_path for i in freshness.overdue(load_project(mini_project))] == ["poverty/assistance"]


def test_overdue_notice_in_each_language_with_date_and_owners(trust_site):
    ja = _html(trust_site, "poverty/assistance")
    notice = re.search(r'<div class="admonition warning bansou-stale[^"]*"[^>]*>.*?</div>', ja, re.S)
    assert notice, "no overdue notice on the Japanese page"
    assert 'data-pii="skip"' in notice.group(0)
    assert "この情報は 2026年11月1日時点のものです。最終確認から 42 か月以上たっています" in notice.group(0)
    assert "テスト編集チーム" in notice.group(0)
    en = _html(trust_site, "en/poverty/assistance")
    assert "This information is as of 2026-11-01. It was last reviewed 42 or more months ago" in en
    # non-article pages carry no notice
    assert "bansou-stale" not in _html(trust_site, "")  # the home page is not a factual article


def test_no_notice_before_the_due_date(tmp_path):
    mini_project = make_trust_project(tmp_path / "p")
    site = tmp_path / "site"
    result = build_site(mini_project, site, {"BANSOU_TODAY": "2027-11-25"})
    assert result.returncode == 0, result.stderr[-3000:]
    html = _html(site, "poverty/assistance")
    assert "bansou-stale" not in html and "bansou-dates" in html


def test_review_queue_page_in_every_language(trust_site):
    ja = _html(trust_site, "maintainers/review-queue")
    assert "確認期限を過ぎたページ(1 件)" in ja
    assert "架空の生活支援制度" in ja and "2027-11-25" in ja and f"基準日: {FAR_FUTURE}" in ja
    assert 'href="../../poverty/assistance/"' in ja
    en = _html(trust_site, "en/maintainers/review-queue")
    assert "Pages past their review date (1)" in en and 'href="../../poverty/assistance/"' in en
    assert '<div data-pii="skip" data-search-exclude>' in ja


def test_no_git_build_says_unknown(trust_site):
    ja = _html(trust_site, "poverty/assistance")
    assert re.search(r"最終更新 <time>不明</time>", ja), "a build without git must say 不明"
    en = _html(trust_site, "en/poverty/assistance")
    assert "Last updated <time>unknown</time>" in en
    assert "最終確認 <time>2026-11-25</time>" in ja and "情報の時点 <time>2026-11-01</time>" in ja
    assert "git の履歴がないため" in _html(trust_site, "changes")


def test_git_dates_per_file_translation_uses_its_own_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BANSOU_TODAY", "2026-11-25")
    repo = make_trust_project(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "first", "2026-02-03")
    en = repo / "docs/poverty/assistance.en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    commit_all(repo, "translation edit", "2026-05-06")
    history = read_history(repo)
    assert history.available
    assert history.date_of("docs/poverty/assistance.md") == dt.date(2026, 2, 3)
    assert history.date_of("docs/poverty/assistance.en.md") == dt.date(2026, 5, 6)
    assert [c.subject for c in history.commits] == ["translation edit", "first"]

    site = tmp_path / "site"
    result = build_site(repo, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "最終更新 <time>2026-02-03(git)</time>" in _html(site, "poverty/assistance")
    assert "Last updated <time>2026-05-06 (git)</time>" in _html(site, "en/poverty/assistance")
    assert "2026-05-06 — " in _html(site, "en/changes")  # the changelog lists the newest file of the page


def test_shallow_clone_and_no_repository_are_unknown(tmp_path):
    assert not read_history(tmp_path).available  # not a repository
    repo = make_trust_project(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "one", "2026-01-01")
    (repo / "docs/poverty/assistance.md").write_text(
        (repo / "docs/poverty/assistance.md").read_text(encoding="utf-8") + "\n追記\n", encoding="utf-8")
    commit_all(repo, "two", "2026-02-01")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   capture_output=True)
    assert not read_history(clone).available  # would date every file to the one commit it has
    assert read_history(repo).available


def test_missing_git_binary_is_unknown(tmp_path, monkeypatch):
    repo = make_trust_project(tmp_path / "repo")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert shutil.which("git") is None
    assert not read_history(repo).available
