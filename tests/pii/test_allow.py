"""Inline pii-allow markers and pii-allow.yml: reviewable, never a blanket switch-off."""
from __future__ import annotations

from pathlib import Path

from bansou.pii import list_allowed, load_allowlist, scan_paths, scan_text


def test_marker_at_end_of_line_allows_that_line_only() -> None:
    text = "窓口 0570-000-111 <!-- pii-allow: 公的機関の代表番号 -->\n電話 090-1234-5678\n"
    hits = scan_text(text, "docs/a.md")
    assert [(h.line, h.allowed_reason, h.blocks) for h in hits] == [
        (1, "公的機関の代表番号", False),
        (2, None, True),
    ]


def test_marker_alone_allows_next_line() -> None:
    text = "<!-- pii-allow: 架空の例 -->\nメールはtran@example.com\n"
    [hit] = scan_text(text, "docs/a.md")
    assert hit.allowed_reason == "架空の例" and not hit.blocks


def test_marker_without_reason_blocks_and_allows_nothing() -> None:
    text = "電話 090-1234-5678 <!-- pii-allow -->\n<!--pii-allow:  -->\n"
    hits = scan_text(text, "docs/a.md")
    assert sorted(h.kind for h in hits) == ["allow-without-reason", "allow-without-reason", "phone"]
    assert all(h.blocks for h in hits)


def write_project(root: Path, allow_yml: str) -> None:
    (root / "docs").mkdir()
    (root / "casebook").mkdir()
    (root / "docs" / "contact.md").write_text("入管の窓口は0570-013-904です。\n", encoding="utf-8")
    (root / "casebook" / "c1.md").write_text("電話0570-013-\n904にかけた。\n", encoding="utf-8")
    (root / "pii-allow.yml").write_text(allow_yml, encoding="utf-8")


def test_allowlist_entry_with_path_glob(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        '- text: "0570-013-904"\n  path: "docs/*"\n  reason: 出入国在留管理庁の公開窓口\n',
    )
    hits = scan_paths([tmp_path / "docs", tmp_path / "casebook"], tmp_path)
    by_path = {h.path: h for h in hits}
    assert by_path["docs/contact.md"].allowed_reason == "出入国在留管理庁の公開窓口"
    assert by_path["casebook/c1.md"].blocks  # the glob does not reach the casebook


def test_allowlist_matches_across_a_line_break(tmp_path: Path) -> None:
    write_project(tmp_path, "- text: 0570-013-904\n  reason: 公開窓口\n")
    hits = scan_paths([tmp_path / "casebook"], tmp_path)
    assert [h.allowed_reason for h in hits] == ["公開窓口"]


def test_allowlist_entry_without_reason_is_an_error(tmp_path: Path) -> None:
    write_project(tmp_path, "- text: 0570-013-904\n  reason: 公開窓口\n- text: 090-1234-5678\n")
    allowlist = load_allowlist(tmp_path)
    assert len(allowlist.entries) == 1
    [problem] = allowlist.problems
    assert (problem.kind, problem.path, problem.line, problem.blocks) == ("allowlist-invalid", "pii-allow.yml", 3, True)
    assert any(h.kind == "allowlist-invalid" for h in scan_paths([tmp_path / "docs"], tmp_path))


def test_pii_allow_yml_itself_is_not_scanned(tmp_path: Path) -> None:
    write_project(tmp_path, "- text: 0570-013-904\n  reason: 公開窓口\n")
    assert all(h.path != "pii-allow.yml" for h in scan_paths([tmp_path], tmp_path))


def test_list_allowed(tmp_path: Path) -> None:
    write_project(tmp_path, "- text: 0570-013-904\n  reason: 公開窓口\n")
    (tmp_path / "docs" / "b.md").write_text("x\n<!-- pii-allow: 判決文の引用 -->\ny\n", encoding="utf-8")
    records = list_allowed(tmp_path)
    assert [(r.path, r.line, r.reason, r.source) for r in records] == [
        ("pii-allow.yml", 1, "公開窓口", "allowlist"),
        ("docs/b.md", 2, "判決文の引用", "inline"),
    ]
