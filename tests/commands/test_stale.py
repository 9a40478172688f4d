"""`bansou stale`: overdue pages as text or JSON; always exits 0."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from trust_helpers import make_trust_project


def _stale(project_dir, today, *args):
    env = {**os.environ, "BANSOU_TODAY": today}
    return subprocess.run([sys.executable, "-m", "bansou.cli", "stale", *args], cwd=project_dir, env=env,
                          capture_output=True, text=True, timeout=120)


def test_text_lists_overdue_pages_and_exits_0(tmp_path):
    mini_project = make_trust_project(tmp_path / "p")
    done = _stale(mini_project, "2030-06-01")
    assert done.returncode == 0, done.stderr
    assert "確認期限を過ぎたページ: 1 件(基準日 2030-06-01)" in done.stdout
    line = next(li for li in done.stdout.splitlines() if li.startswith("docs/"))
    assert line.startswith("docs/poverty/assistance.md  架空の生活支援制度")
    assert "reviewed 2026-11-25" in line and "due 2027-11-25" in line and "テスト編集チーム" in line


def test_json_and_nothing_overdue(tmp_path):
    mini_project = make_trust_project(tmp_path / "p")
    done = _stale(mini_project, "2030-06-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["today"] == "2030-06-01" and data["count"] == 1
    assert data["pages"] == [{"path": "docs/poverty/assistance.md", "site_path": "poverty/assistance",
                              "title": "架空の生活支援制度", "valid_as_of": "2026-11-01", "reviewed": "2026-11-25",
                              "due": "2027-11-25", "owners": ["テスト編集チーム"]}]
    fresh = _stale(mini_project, "2026-11-25")
    assert fresh.returncode == 0 and "確認期限を過ぎたページはありません" in fresh.stdout
    assert json.loads(_stale(mini_project, "2026-11-25", "--format", "json").stdout)["pages"] == []
