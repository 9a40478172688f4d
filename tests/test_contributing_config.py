"""GitHub configuration and pre-commit hooks: parsed, with the jobs and steps we rely on."""
from __future__ import annotations

import json
import re

import yaml

from conftest import ROOT

GH = ROOT / ".github"


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def runs(job) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def triggers(workflow) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on:` as True


def test_pull_request_workflow():
    wf = load(GH / "workflows/checks.yml")
    assert "pull_request" in triggers(wf)
    jobs = wf["jobs"]
    content, tests = runs(jobs["content"]), runs(jobs["tests"])
    assert "bansou check --format github" in content
    assert re.search(r"^\s*bansou pii", content, re.M) and "add-matcher" in content
    assert "mkdocs build --strict" in content
    assert "apt-get install" in tests and "chromium" in tests and "test -x /usr/bin/chromium" in tests
    assert "python -m pytest" in tests
    for job in jobs.values():
        assert any(s.get("uses", "").startswith("actions/checkout@") for s in job["steps"])
    matcher = json.loads((GH / "bansou-pii-matcher.json").read_text(encoding="utf-8"))
    sample = "casebook/case-001.md:12:5: エラー/error [phone] 0●●●"
    regexes = [m["pattern"][0]["regexp"] for m in matcher["problemMatcher"]]
    assert any(re.match(r, sample) for r in regexes)


def test_deploy_workflow():
    wf = load(GH / "workflows/deploy.yml")
    on = triggers(wf)
    assert on["push"]["branches"] == ["main"] and on["push"]["tags"]
    assert wf["permissions"]["contents"] == "write"
    job = wf["jobs"]["deploy"]
    text = runs(job)
    assert "make deploy VERSION=" in text and "git push origin gh-pages" in text and "mike" in text
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # mike needs the gh-pages history


def test_casebook_review_workflow_and_codeowners():
    wf = load(GH / "workflows/casebook-review.yml")
    assert "pull_request_review" in triggers(wf)
    assert "casebook/" in runs(wf["jobs"]["two-reviewers"]) and '-lt 2' in runs(wf["jobs"]["two-reviewers"])
    owners = {}
    for line in (GH / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    assert len(owners["/casebook/"]) >= 2 and all(t.startswith("@") for t in owners["/casebook/"])


def test_dependabot():
    data = load(GH / "dependabot.yml")
    assert {u["package-ecosystem"] for u in data["updates"]} == {"pip", "github-actions"}


def test_issue_forms():
    forms = {p.name: load(p) for p in (GH / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert set(forms) == {"case-submission.yml", "correction.yml", "translation-review.yml"}
    for form in forms.values():
        assert form["name"] and form["description"] and form["body"]
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids))
    case = forms["case-submission.yml"]
    boxes = next(i for i in case["body"] if i.get("id") == "anonymisation")
    assert boxes["type"] == "checkboxes" and len(boxes["attributes"]["options"]) >= 6
    assert all(o["required"] for o in boxes["attributes"]["options"])


def test_pull_request_template():
    text = (GH / "pull_request_template.md").read_text(encoding="utf-8")
    for word in ("匿名化", "Anonymised", "出典", "Sources", "valid_as_of", "translation:", "- [ ]"):
        assert word in text


def test_pre_commit_config():
    data = load(ROOT / ".pre-commit-config.yaml")
    repo = data["repos"][0]
    assert repo["repo"] == "local"
    hooks = {h["id"]: h for h in repo["hooks"]}
    assert hooks["bansou-check"]["entry"] == "bansou check" and hooks["bansou-pii"]["entry"] == "bansou pii"
    for hook in hooks.values():
        assert hook["pass_filenames"] is True and hook["language"] == "system"
        assert re.match(hook["files"], "casebook/case-001.md") and not re.match(hook["files"], "scripts/x.py")


def test_contributing_documents():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## 日本語" in text and "## English" in text
    for word in ("make serve", "make test", "bansou new", "匿名化", "Anonymisation", "CODEOWNERS", "2人"):
        assert word in text
    for name in ("contributing.md", "contributing.en.md"):
        page = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "type: info" in page and "<!-- bansou:templates -->" in page and "finding-codes.md" in page
