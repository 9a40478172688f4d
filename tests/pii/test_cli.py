"""`bansou pii` through add_arguments/run, as the lead's CLI will call it."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bansou.pii import cli


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(list(argv)))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for d in ("docs", "casebook", "courses/basic"):
        (tmp_path / d).mkdir(parents=True)
    (tmp_path / "docs" / "law.md").write_text("改正法は2024年6月10日施行。\n", encoding="utf-8")
    (tmp_path / "casebook" / "c1.md").write_text(
        "---\nid: case-001\nreviewed: 2025-01-10\n---\nＡさんは０９０ー１２３４ー５６７８に電話した。\n", encoding="utf-8"
    )
    (tmp_path / "courses" / "basic" / "m1.md").write_text("Aさんは30代。\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("電話090-1111-2222\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_output_and_exit_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--format", "json") == 1
    rows = json.loads(capsys.readouterr().out)
    assert {(r["path"], r["kind"], r["severity"]) for r in rows} == {
        ("docs/law.md", "date-day", "warn"),
        ("casebook/c1.md", "phone", "block"),
    }
    phone = next(r for r in rows if r["kind"] == "phone")
    assert (phone["line"], phone["column"], phone["text"]) == (5, 5, "０９０ー１２３４ー５６７８")
    assert {"path", "line", "column", "kind", "severity", "text"} <= phone.keys()


def test_default_scan_covers_only_project_dirs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("--format", "json")
    assert all(r["path"] != "other.md" for r in json.loads(capsys.readouterr().out))


def test_text_output_masks_the_match(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("casebook") == 1
    out = capsys.readouterr().out
    assert "casebook/c1.md:5:5:" in out and "[phone]" in out
    assert "０●●●●●●●●●●●●" in out and "１２３４" not in out
    assert "電話番号のように見えます" in out and "This looks like a phone number" in out


def test_only_warnings_exit_zero(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("docs", "courses") == 0


def test_list_allowed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "law.md").write_text("番号0570-000-111 <!-- pii-allow: 公的機関の番号 -->\n", encoding="utf-8")
    (project / "pii-allow.yml").write_text("- text: 03-0000-1111\n  reason: 代表番号\n", encoding="utf-8")
    assert run("--list-allowed") == 0
    out = capsys.readouterr().out
    assert "pii-allow.yml:1: 代表番号" in out and "docs/law.md:1: 公的機関の番号" in out


def test_undecodable_file_is_left_to_the_encoding_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "casebook" / "bad.md").write_bytes("電話090-1111-2222".encode("cp932"))
    run("--format", "json", "casebook/bad.md")
    assert json.loads(capsys.readouterr().out) == []


def test_mask() -> None:
    assert cli.mask("090-1234-5678") == "0●●●●●●●●●●●●"
    assert cli.mask("a\nb") == "a⏎●"
