"""Malformed input, as contributors really produce it: every one gives a clear finding that names
the file (and line), exit 1 for an error, never a traceback; the build stops without a partial site.
BOM and CRLF files are accepted as they are."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_site

ARTICLE = """---
title: 壊れ方の見本
summary: テスト用のページです。
keywords: [テスト]
sources:
  - title: 架空の出典
    url: https://www.example.com/source
valid_as_of: 2026-11-01
reviewed: 2026-11-25
owners: [テスト編集チーム]
---

## 見出し

本文です。
"""

CASE = """---
id: case-002
title: 架空の事例
composite: true
year: 2024
region: kanto
age_band: 40s
residence_status: long-term-resident
issue_areas: [labour]
systems: []
outcome: granted
barriers: []
related:
  pages: [poverty/assistance]
consent: composite
review: {anonymised_by: テスト, reviewed_by: テスト, date: 2026-11-20}
---

## 概要

架空の事例です。

## 相談の経緯

架空の経緯です。

## 課題の整理

- 架空の課題

## 伴走の内容

架空の伴走です。

## 結果

架空の結果です。

## ふりかえり(学んだこと)

- 架空のふりかえり

## 討論のための問い

1. 架空の問い

!!! trainer "講師用メモ"
    架空のメモです。
"""

MODULE = """---
id: demo-m02
title: 実践
objectives: [同行の準備ができる]
keypoints: [持ち物を確かめる]
teaching_minutes: 40
exercise_minutes: 40
---

## 準備

持ち物を確かめます。
"""

ART = "docs/poverty/bad.md"
CASE_PATH = "casebook/case-002.md"
MOD = "courses/demo/m02-practice.md"


def body(extra: str) -> str:
    return ARTICLE + "\n" + extra + "\n"


def sub(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def huge_article() -> str:
    filler = "この行は大きなファイルを作るための文です。何度も繰り返します。\n" * 90000  # ~5.7 MB
    return ARTICLE + filler + "[どこにもないページ](no-such-page.md)\n"


# name: (files to write {rel: str | bytes}, expected code or None, exit code, expected line or None)
CASES: dict[str, tuple[dict, str | None, int, int | None]] = {
    # YAML syntax
    "yaml-unclosed-bracket": ({ART: "---\ntitle: [壊れた\n---\n"}, "yaml-syntax", 1, None),
    "yaml-unclosed-quote": ({ART: '---\ntitle: "閉じていない\nsummary: x\n---\n'}, "yaml-syntax", 1, None),
    "yaml-unclosed-brace": ({CASE_PATH: sub(CASE, "review: {anonymised_by: テスト,", "review: {anonymised_by: テスト")
                             .replace("date: 2026-11-20}", "date: 2026-11-20")}, "yaml-syntax", 1, None),
    "yaml-colon-in-value": ({ART: sub(ARTICLE, "summary: テスト用のページです。", "summary: 注意: ここに: が2つ")},
                            "yaml-syntax", 1, 3),
    "yaml-bad-indent": ({ART: sub(ARTICLE, "    url: https://www.example.com/source", "   url: https://www.example.com/source")},
                        "yaml-syntax", 1, None),
    "yaml-list-indent": ({ART: "---\ntitle: t\nkeywords:\n  - a\n - b\n---\n"}, "yaml-syntax", 1, None),
    "yaml-tab-indent": ({ART: sub(ARTICLE, "  - title: 架空の出典", "\t- title: 架空の出典")}, "yaml-tab", 1, 6),
    "yaml-fullwidth-space": ({ART: sub(ARTICLE, "  - title: 架空の出典", "\u3000- title: 架空の出典")}, "yaml-syntax", 1, 6),
    "yaml-undefined-alias": ({ART: sub(ARTICLE, "summary: テスト用のページです。", "summary: *強調")}, "yaml-syntax", 1, 3),
    "yaml-no-space-after-colon": ({ART: "---\ntitle:タイトル\n---\n"}, "front-matter-not-mapping", 1, 2),
    "front-matter-is-a-list": ({ART: "---\n- title\n- summary\n---\n"}, "front-matter-not-mapping", 1, 2),
    "front-matter-never-closed": ({ART: "---\ntitle: 閉じない\n\n## 見出し\n本文\n"}, "front-matter-unclosed", 1, 1),
    "front-matter-missing": ({ART: "# 見出しだけ\n\n本文です。\n"}, "front-matter-missing", 1, 1),
    "front-matter-empty": ({ART: "---\n---\n\n本文\n"}, "field-missing", 1, None),
    # empty and undecodable files
    "empty-file": ({ART: ""}, "file-empty", 1, None),
    "whitespace-only-file": ({ART: "  \n\n\t\n"}, "file-empty", 1, None),
    "invalid-utf8": ({ART: b"---\ntitle: \xff\xfe\n---\n"}, "encoding", 1, 2),
    "shift-jis": ({ART: ARTICLE.encode("shift_jis")}, "encoding", 1, 2),
    "binary-file": ({ART: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))}, "encoding", 1, None),
    # wrong types
    "list-for-string": ({ART: sub(ARTICLE, "title: 壊れ方の見本", "title: [壊れ方, 見本]")}, "field-type", 1, 2),
    "string-for-list": ({ART: sub(ARTICLE, "keywords: [テスト]", "keywords: テスト")}, "field-type", 1, 4),
    "mapping-for-string": ({ART: sub(ARTICLE, "summary: テスト用のページです。", "summary: {ja: 説明}")}, "field-type", 1, 3),
    "number-for-string": ({ART: sub(ARTICLE, "title: 壊れ方の見本", "title: 123")}, "field-type", 1, 2),
    "empty-title": ({ART: sub(ARTICLE, "title: 壊れ方の見本", "title:")}, "field-type", 1, 2),
    "year-as-text": ({CASE_PATH: sub(CASE, "year: 2024", "year: 二〇二四年")}, "field-type", 1, 5),
    "minutes-as-text": ({MOD: sub(MODULE, "teaching_minutes: 40", "teaching_minutes: 40分")}, "field-type", 1, 6),
    # impossible or malformed dates
    "impossible-date": ({ART: sub(ARTICLE, "reviewed: 2026-11-25", "reviewed: 2026-02-30")}, "field-date", 1, 9),
    "slash-date": ({ART: sub(ARTICLE, "valid_as_of: 2026-11-01", "valid_as_of: 2026/11/01")}, "field-date", 1, 8),
    "words-for-date": ({ART: sub(ARTICLE, "reviewed: 2026-11-25", "reviewed: 先週")}, "field-date", 1, 9),
    "month-13": ({CASE_PATH: sub(CASE, "date: 2026-11-20", "date: 2026-13-01")}, "field-date", 1, None),
    # missing or invalid values
    "missing-sources": ({ART: ARTICLE.replace("sources:\n  - title: 架空の出典\n    url: https://www.example.com/source\n", "")},
                        "field-missing", 1, None),
    "empty-sources": ({ART: ARTICLE.replace("sources:\n  - title: 架空の出典\n    url: https://www.example.com/source\n",
                                            "sources: []\n")}, "field-value", 1, 5),
    "source-url-not-web": ({ART: sub(ARTICLE, "url: https://www.example.com/source", "url: www.example.com")},
                           "field-value", 1, 7),
    "composite-false": ({CASE_PATH: sub(CASE, "composite: true", "composite: false")}, "field-value", 1, 4),
    "negative-minutes": ({MOD: sub(MODULE, "exercise_minutes: 40", "exercise_minutes: -40")}, "field-value", 1, 7),
    "bad-case-id": ({CASE_PATH: sub(CASE, "id: case-002", "id: 事例2")}, "field-value", 1, 2),
    "unknown-field-typo": ({ART: sub(ARTICLE, "title: 壊れ方の見本", "title: 壊れ方の見本\ntitel: 見本")}, "field-unknown", 0, 3),
    # controlled vocabularies
    "unknown-region": ({CASE_PATH: sub(CASE, "region: kanto", "region: tokyo")}, "vocab-unknown", 1, 6),
    "unknown-issue-area": ({CASE_PATH: sub(CASE, "issue_areas: [labour]", "issue_areas: [labour, housing]")},
                           "vocab-unknown", 1, 9),
    # ids
    "duplicate-case-id": ({CASE_PATH: sub(CASE, "id: case-002", "id: case-001")}, "id-duplicate", 1, 2),
    "id-does-not-match-file": ({CASE_PATH: sub(CASE, "id: case-002", "id: case-003")}, "id-filename", 1, 2),
    "duplicate-module-id": ({"courses/demo/m03-copy.md": sub(MODULE, "id: demo-m02", "id: demo-m01")}, "id-duplicate", 1, 2),
    "translation-other-id": ({"casebook/case-001.en.md": "---\nid: case-009\ntitle: Other\n---\n\n## Summary\n"},
                             "translation-id", 1, 2),
    "translation-without-source": ({"docs/poverty/nothing.en.md": "---\ntitle: Orphan\ntype: info\n---\n"},
                                   "translation-orphan", 1, 1),
    "unknown-language-suffix": ({"docs/poverty/assistance.xx.md": "---\ntitle: x\n---\n"}, "lang-unknown", 1, None),
    # links and anchors
    "broken-link": ({ART: body("[ない](no-such-page.md)")}, "link-missing", 1, 17),
    "broken-anchor": ({ART: body("[流れ](assistance.md#ない見出し)")}, "anchor-missing", 1, 17),
    "broken-same-page-anchor": ({ART: body("[上へ](#ない)")}, "anchor-missing", 1, 17),
    "broken-related-page": ({CASE_PATH: sub(CASE, "pages: [poverty/assistance]", "pages: [poverty/nothing]")},
                            "ref-missing", 1, 14),
    "broken-image": ({ART: body("![図](../images/none.png)")}, "link-missing", 1, 17),
    # raw HTML and scripts
    "raw-script": ({ART: body("<script>alert('x')</script>")}, "html-script", 1, 17),
    "script-in-front-matter": ({ART: sub(ARTICLE, "summary: テスト用のページです。", "summary: <script>alert(1)</script>")},
                               "html-script", 1, 3),
    "iframe": ({ART: body('<iframe src="https://video.example.com/v"></iframe>')}, "html-iframe", 1, 17),
    "embed": ({ART: body('<embed src="https://files.example.com/x.swf">')}, "html-iframe", 1, 17),
    "onclick-handler": ({ART: body('<a href="#" onclick="steal()">押す</a>')}, "html-event-handler", 1, 17),
    "handler-on-second-line": ({ART: body('<img alt="x"\n     onerror="steal()" src="../x.png">')}, "html-event-handler", 1, 18),
    "javascript-link": ({ART: body("[押す](javascript:alert(1))")}, "link-javascript", 1, 17),
    "javascript-href": ({ART: body('<a href="javascript:alert(1)">押す</a>')}, "link-javascript", 1, 17),
    "external-image": ({ART: body("![地図](https://maps.example.com/map.png)")}, "image-external", 1, 17),
    "external-html-image": ({ART: body('<img src="https://tracker.example.com/p.gif" alt="">')}, "image-external", 1, 17),
    # courses and data files
    "course-minutes-mismatch": ({"courses/demo/course.yml": "id: demo\ntitle: {ja: テスト講座}\nstart_time: \"10:00\"\n"
                                 "total_minutes: 999\nmodules: [demo-m01, demo-m02]\n"}, "course-minutes", 1, 4),
    "course-missing-module": ({"courses/demo/course.yml": "id: demo\ntitle: {ja: テスト講座}\nstart_time: \"10:00\"\n"
                               "total_minutes: 150\nmodules: [demo-m01, demo-m09]\n"}, "course-module-missing", 1, 5),
    "course-bad-time": ({"courses/demo/course.yml": "id: demo\ntitle: {ja: テスト講座}\nstart_time: \"25:00\"\n"
                         "total_minutes: 150\nmodules: [demo-m01, demo-m02]\n"}, "field-value", 1, 3),
    "broken-vocab-file": ({"casebook/vocab/region.yml": "facet: region\nvalues:\n  - {id: kanto\n"}, "yaml-syntax", 1, None),
    "glossary-not-a-list": ({"docs/glossary.yml": "id: x\nterm: y\n"}, "data-file", 1, 1),
    "glossary-katakana-reading": ({"docs/glossary.yml": "- id: test\n  term: テスト\n  reading: テスト\n  definition: 説明です。\n"
                                   "  en: {term: Test, definition: A test.}\n  page: poverty/assistance\n"},
                                  "field-value", 1, 3),
    "huge-file-5mb": ({ART: huge_article()}, "link-missing", 1, 90016),
    # accepted as they are
    "bom": ({ART: "\ufeff" + ARTICLE}, None, 0, None),
    "crlf": ({ART: ARTICLE.replace("\n", "\r\n")}, None, 0, None),
    "bom-and-crlf-case": ({CASE_PATH: "\ufeff" + CASE.replace("\n", "\r\n")}, None, 0, None),
    "html-inside-code-block": ({ART: body("```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n"
                                          "`<a onclick=\"x()\">` と書くと止まります。")}, None, 0, None),
}


def write(root: Path, files: dict) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bansou.cli", "check", "--format", "json"], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "BANSOU_TODAY": "2026-11-25"}, timeout=300)


def test_there_are_at_least_40_malformed_inputs():
    assert len([c for c in CASES.values() if c[1] is not None]) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_input_gives_a_clear_finding(mini_project, name):
    files, code, exit_code, line = CASES[name]
    write(mini_project, files)
    result = check(mini_project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "内部エラー" not in output, output[-3000:]
    assert result.returncode == exit_code, output[-3000:]
    findings = json.loads(result.stdout)
    if code is None:
        assert not [f for f in findings if f["severity"] == "error"], findings
        return
    hits = [f for f in findings if f["code"] == code and f["path"] in files]
    assert hits, f"no {code} finding naming {list(files)}: {findings}"
    hit = hits[0]
    assert hit["message_ja"] and hit["message_en"] and hit["hint"]
    assert not re.search(r"\{[a-z_]+\}", hit["message"] + hit["hint"])  # every template parameter was filled in
    if line is not None:
        assert hit["line"] == line, hit
    if exit_code == 1:
        assert hit["severity"] == "error"


BUILD_SUBSET = ["yaml-unclosed-bracket", "invalid-utf8", "raw-script", "broken-link", "front-matter-never-closed",
                "unknown-region"]


@pytest.mark.parametrize("name", BUILD_SUBSET)
def test_build_stops_without_a_partial_site(mini_project, tmp_path, name):
    files, code, _exit, _line = CASES[name]
    write(mini_project, files)
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert code in output and next(iter(files)) in output  # the same finding, naming the file
    assert not (site / "index.html").exists()


def test_bom_and_crlf_files_build(mini_project, tmp_path):
    write(mini_project, {**CASES["bom"][0]})
    write(mini_project, {"docs/poverty/crlf.md": ARTICLE.replace("\n", "\r\n")})
    result = build_site(mini_project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "壊れ方の見本" in (tmp_path / "site/poverty/bad/index.html").read_text(encoding="utf-8")
    assert "本文です。" in (tmp_path / "site/poverty/crlf/index.html").read_text(encoding="utf-8")
