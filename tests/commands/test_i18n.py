"""`bansou i18n`: coverage report and recording a review."""
import json
import os
import subprocess
import sys


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "bansou.cli", "i18n", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "BANSOU_TODAY": "2026-11-25"})


def test_json_report_and_update(mini_project):
    result = run(mini_project, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    en = next(c for c in data["coverage"] if c["lang"] == "en" and c["section"] == "(all)")
    assert en["translated"] == en["total"] and en["percent"] == 100
    assert {s["rel"] for s in data["outdated"]} >= {"docs/poverty/assistance.en.md"}
    updated = run(mini_project, "--update", "docs/poverty/assistance.en.md")
    assert updated.returncode == 0 and "source_hash" in updated.stdout
    data = json.loads(run(mini_project, "--format", "json").stdout)
    assert "docs/poverty/assistance.en.md" not in {s["rel"] for s in data["outdated"]}
    assert "docs/poverty/assistance.en.md" in {s["rel"] for s in data["unreviewed"]}


def test_text_report_names_languages(mini_project):
    result = run(mini_project)
    assert result.returncode == 0
    assert "Translation coverage" in result.stdout and "en" in result.stdout


def test_update_rejects_a_non_translation(mini_project):
    result = run(mini_project, "--update", "docs/poverty/assistance.md")
    assert result.returncode == 1 and "not a translation" in result.stdout
