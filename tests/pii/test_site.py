"""scan_site on small built-site fixtures."""
from __future__ import annotations

import json
from pathlib import Path

from bansou.pii import scan_site
from bansou.pii.html import html_text

PAGE = """<!doctype html>
<html><head><title>t</title>
<style>.x { content: "090-1111-2222"; }</style>
<script>var phone = "090-3333-4444";</script>
</head><body>
<p>Aさんは30代。</p>
<p class="meta" data-pii="skip">最終確認 <span>2025-01-10</span></p>
<p>電話&#12399;090-5555-6666&amp;まで</p>
<td>090</td><td>1234</td>
<p>田中<strong>太郎</strong>さん</p>
</body></html>
"""


def build(site: Path, rel: str, text: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_text_extraction_keeps_lines_and_skips_markup() -> None:
    page = html_text(PAGE)
    lines = page.text.split("\n")
    assert "090-5555-6666" in lines[7] and "電話は" in lines[7]
    assert "090-1111-2222" not in page.text and "090-3333-4444" not in page.text
    assert "2025-01-10" not in page.text and page.skipped == ["最終確認 2025-01-10"]


def test_scan_site_pages(tmp_path: Path) -> None:
    build(tmp_path, "casebook/case-001/index.html", PAGE)
    hits = scan_site(tmp_path)
    assert sorted((h.line, h.kind, h.text) for h in hits) == [
        (8, "phone", "090-5555-6666"),
        (10, "person-name", "田中太郎"),
    ]
    assert all(h.path == "casebook/case-001/index.html" for h in hits)


def test_profile_by_url(tmp_path: Path) -> None:
    body = "<p>2024年6月10日に施行された。</p>"
    build(tmp_path, "docs-page/index.html", body)
    build(tmp_path, "en/casebook/case-002/index.html", body)
    build(tmp_path, "courses/basic/index.html", body)
    severity = {h.path: h.severity for h in scan_site(tmp_path)}
    assert severity == {
        "docs-page/index.html": "warn",
        "en/casebook/case-002/index.html": "block",
        "courses/basic/index.html": "block",
    }


def test_csv_and_json_files(tmp_path: Path) -> None:
    build(tmp_path, "casebook/facets.csv", "id,contact\ncase-1,tran@example.com\n")
    build(tmp_path, "data/cases.json", json.dumps({"cases": [{"id": "c1", "note": "連絡先 090-7777-8888"}]}, indent=1))
    hits = {(h.path, h.line, h.kind) for h in scan_site(tmp_path)}
    assert hits == {("casebook/facets.csv", 2, "email"), ("data/cases.json", 5, "phone")}


def test_json_that_the_parser_would_shorten_is_read_as_text(tmp_path: Path) -> None:
    # a duplicate key keeps only its last value in the parsed tree; invalid JSON has no tree
    build(tmp_path, "data/dup.json", '{\n"note": "連絡先 090-7777-8888",\n"note": "なし"\n}')
    build(tmp_path, "data/broken.json", '{\n"note": "連絡先 080-1111-2222",\n')
    hits = {(h.path, h.line, h.kind) for h in scan_site(tmp_path)}
    assert hits == {("data/dup.json", 2, "phone"), ("data/broken.json", 2, "phone")}


def test_search_index(tmp_path: Path) -> None:
    build(tmp_path, "casebook/case-001/index.html", '<p data-pii="skip">確認日 2025-01-10</p><p>本文</p>')
    index = {
        "config": {"lang": ["ja"]},
        "docs": [
            {"location": "casebook/case-001/", "title": "事例", "text": "<p>確認日 2025-01-10</p><p>本文</p>"},
            {"location": "casebook/case-003/", "title": "事例", "text": "<p>面談は2024年3月15日&amp;翌日</p>"},
            {"location": "law/", "title": "法", "text": "2024年6月10日施行"},
        ],
    }
    build(tmp_path, "search/search_index.json", json.dumps(index, ensure_ascii=False))
    hits = [(h.path, h.kind, h.severity, h.text) for h in scan_site(tmp_path)]
    assert sorted(hits) == [
        ("search/search_index.json", "date-day", "block", "2024年3月15日"),
        ("search/search_index.json", "date-day", "warn", "2024年6月10日"),
    ]


def test_skipped_texts_are_masked_however_many_begin_alike(tmp_path: Path) -> None:
    # every Easy Japanese page has its own facts box (same title, its own dates): each one is
    # masked wherever it appears in the index, and only those
    for day in range(10, 20):
        build(tmp_path, f"ej/p{day}/index.html", f'<p data-pii="skip">かくにんした ひ 2025-01-{day}</p><p>ほんぶん</p>')
    build(tmp_path, "p/index.html", '<p data-pii="skip">確認日 2025-02-03</p>')
    index = {"docs": [
        {"location": "ej/p13/", "title": "a", "text": "<p>まえ かくにんした ひ 2025-01-13 あと</p>"},
        {"location": "p/", "title": "b", "text": "<p>確認日 2025-02-03 と 面談は2024年3月15日</p>"},
        {"location": "ej/p14/", "title": "c", "text": "<p>かくにんした ひ 2025-01-21</p>"},
    ]}
    build(tmp_path, "search/index.ej.json", json.dumps(index, ensure_ascii=False))
    texts = sorted(h.text for h in scan_site(tmp_path) if h.path == "search/index.ej.json")
    assert texts == ["2024年3月15日", "2025-01-21"]


def test_index_entries_made_of_page_text_are_not_scanned_twice(tmp_path: Path) -> None:
    # the page reports its phone number; an index entry of the same paragraphs (other layout)
    # adds nothing, one with a paragraph that is on no page is scanned
    build(tmp_path, "casebook/case-001/index.html",
          '<h2 id="a">連絡<a class="headerlink" href="#a">&para;</a></h2>\n<p>電話は\n090-1234-5678 です</p>\n<ul>\n<li>面談</li>\n</ul>')
    index = {"docs": [
        {"location": "casebook/case-001/#a", "title": "連絡", "text": "<p>電話は 090-1234-5678 です</p><ul> <li>面談</li> </ul>"},
        {"location": "casebook/case-001/#b", "title": "連絡", "text": "<p>電話は 090-1234-5678 です</p><p>控え 080-4444-5555</p>"},
    ]}
    build(tmp_path, "search/index.ja.json", json.dumps(index, ensure_ascii=False))
    hits = sorted((h.path, h.text) for h in scan_site(tmp_path) if h.kind == "phone")
    assert hits == [("casebook/case-001/index.html", "090-1234-5678"),
                    ("search/index.ja.json", "080-4444-5555"), ("search/index.ja.json", "090-1234-5678")]


def test_allow_marker_survives_into_the_page(tmp_path: Path) -> None:
    build(tmp_path, "law/index.html", "<p>窓口 0570-000-111 <!-- pii-allow: 公的機関の番号 --></p>\n")
    [hit] = scan_site(tmp_path)
    assert hit.allowed_reason == "公的機関の番号" and not hit.blocks
