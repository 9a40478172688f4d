"""`bansou check` as a contributor runs it: output formats, exit codes, no tracebacks."""
import json
import os
import subprocess
import sys

import pytest


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "bansou.cli", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "BANSOU_TODAY": "2026-11-25"})


def test_clean_project_exits_0(mini_project):
    result = run(mini_project, "check")
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout


BAD_INPUTS = {
    "broken-yaml": ("docs/poverty/bad.md", "---\ntitle: [壊れた\n---\n", "yaml-syntax"),
    "no-front-matter": ("docs/poverty/bad.md", "# 見出しだけ\n", "front-matter-missing"),
    "invalid-utf8": ("docs/poverty/bad.md", b"---\ntitle: \x82\xa0\n---\n", "encoding"),
    "unknown-language": ("casebook/case-001.xx.md", "---\ntitle: x\n---\n", "lang-unknown"),
    "missing-page-link": ("docs/poverty/bad.md",
                          "---\ntitle: t\ntype: info\n---\n\n[リンク](no-such-page.md)\n", "link-missing"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_finding_and_exit_1(mini_project, name):
    rel, content, code = BAD_INPUTS[name]
    path = mini_project / rel
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run(mini_project, "check", "--format", "json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    findings = json.loads(result.stdout)
    hit = [f for f in findings if f["code"] == code]
    assert hit and hit[0]["path"] == rel
    assert set(hit[0]) >= {"path", "line", "column", "code", "severity", "message", "hint"}
    assert hit[0]["severity"] == "error"


def test_duplicate_id_exit_1(mini_project):
    src = mini_project / "casebook/case-001.md"
    (mini_project / "casebook/case-002.md").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(mini_project, "check")
    assert result.returncode == 1
    assert "casebook/case-002.md:2" in result.stdout and "[id-duplicate]" in result.stdout
    # text output carries both languages and a hint
    assert "重複" in result.stdout and "used twice" in result.stdout and "直し方" in result.stdout


def test_github_annotations(mini_project):
    (mini_project / "docs/poverty/bad.md").write_text("# no front matter\n", encoding="utf-8")
    result = run(mini_project, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=docs/poverty/bad.md,line=1,")


def test_paths_limit_the_report(mini_project):
    (mini_project / "docs/poverty/bad.md").write_text("# no front matter\n", encoding="utf-8")
    assert run(mini_project, "check", "casebook").returncode == 0
    assert run(mini_project, "check", "docs/poverty/bad.md").returncode == 1
