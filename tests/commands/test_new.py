"""`bansou new` as a new contributor uses it: every kind, interactive and not, in the mini fixture
and in a copy of the real project; what it creates passes `bansou check` with no errors."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

TODAY = "2031-02-03"  # a date no fixture contains, to see it land in the files


def bansou(cwd: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bansou.cli", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, env={**os.environ, "BANSOU_TODAY": TODAY}, timeout=300)


def errors_of(cwd: Path) -> list[dict]:
    result = bansou(cwd, "check", "--format", "json")
    assert "Traceback" not in result.stderr
    return [f for f in json.loads(result.stdout) if f["severity"] == "error"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


NON_INTERACTIVE = {
    "article": ["--title", "窓口での記録の残し方", "--section", "poverty"],
    "case": ["--title", "申請書を渡されなかった相談"],
    "module": ["--title", "記録の取り方", "--course", "demo"],
    "term": ["--title", "申請権", "--page", "poverty/assistance"],
}


@pytest.mark.parametrize("kind", sorted(NON_INTERACTIVE))
def test_each_kind_passes_check_as_created(mini_project, kind):
    result = bansou(mini_project, "new", kind, *NON_INTERACTIVE[kind], "--yes")
    assert result.returncode == 0, result.stderr
    rel = result.stdout.strip()
    assert (mini_project / rel).is_file()
    text = (mini_project / rel).read_text(encoding="utf-8")
    assert TODAY in text or kind in ("term", "module")  # modules have no date field
    assert re.search(r"^\s*# .*[ぁ-んァ-ン一-龥]", text, re.M), "guidance comments in Japanese"
    assert "〔要記入〕" in text
    assert errors_of(mini_project) == []


def test_fields_and_free_ids(mini_project):
    case = bansou(mini_project, "new", "case", "--title", "一つ目", "--yes").stdout.strip()
    second = bansou(mini_project, "new", "case", "--title", "二つ目", "--yes").stdout.strip()
    assert (case, second) == ("casebook/case-002.md", "casebook/case-003.md")
    meta = front_matter(mini_project / case)
    assert meta["id"] == "case-002" and meta["composite"] is True and str(meta["review"]["date"]) == TODAY
    assert meta["region"] in ("kanto", "kinki") and meta["issue_areas"]
    before = yaml.safe_load((mini_project / "courses/demo/course.yml").read_text(encoding="utf-8"))
    module = bansou(mini_project, "new", "module", "--title", "記録", "--course", "demo", "--slug", "records", "--yes")
    assert module.stdout.strip() == "courses/demo/m03-records.md"
    assert front_matter(mini_project / "courses/demo/m03-records.md")["id"] == "demo-m03"
    after = yaml.safe_load((mini_project / "courses/demo/course.yml").read_text(encoding="utf-8"))
    assert after["modules"] == [*before["modules"], "demo-m03"]
    assert after["total_minutes"] == before["total_minutes"] + 60
    article = bansou(mini_project, "new", "article", "--title", "Office visits", "--section", "poverty", "--yes")
    assert article.stdout.strip() == "docs/poverty/office-visits.md"
    meta = front_matter(mini_project / "docs/poverty/office-visits.md")
    assert meta["title"] == "Office visits" and str(meta["reviewed"]) == TODAY and meta["sources"][0]["url"].startswith("https://")
    again = bansou(mini_project, "new", "article", "--title", "Office visits", "--section", "poverty", "--yes")
    assert again.stdout.strip() == "docs/poverty/office-visits-2.md"  # never overwrites
    assert errors_of(mini_project) == []


def test_titles_that_need_quoting(mini_project):
    title = '注意: "引用符" と [角かっこ] #記号'
    rel = bansou(mini_project, "new", "case", "--title", title, "--yes").stdout.strip()
    assert front_matter(mini_project / rel)["title"] == title
    assert errors_of(mini_project) == []


def real_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "real"
    dest.mkdir()
    for name in ("docs", "casebook", "courses", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "pii-allow.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, dest / name)
    return dest


def test_every_kind_in_a_copy_of_the_real_project(tmp_path):
    root = real_copy(tmp_path)
    glossary_before = (root / "docs/glossary.yml").read_bytes()
    course_before = yaml.safe_load((root / "courses/intro/course.yml").read_text(encoding="utf-8"))
    created = {}
    for kind, args in {"article": ["--title", "住まいを失ったときの相談先", "--section", "poverty"],
                       "case": ["--title", "窓口で通訳を断られた相談"],
                       "module": ["--title", "事例検討会の進め方", "--course", "intro"],
                       "term": ["--title", "伴走記録の様式"]}.items():
        result = bansou(root, "new", kind, *args, "--yes")
        assert result.returncode == 0, result.stderr
        created[kind] = result.stdout.strip()
    numbers = [int(p.stem[5:8]) for p in (ROOT / "casebook").glob("case-*.md") if p.stem[5:8].isdigit()]
    assert created["case"] == f"casebook/case-{max(numbers) + 1:03d}.md"
    module_id = front_matter(root / created["module"])["id"]
    assert module_id == f"intro-m{len(course_before['modules']) + 1:02d}"
    # terms are appended: the existing file, comments and all, is untouched
    glossary_after = (root / "docs/glossary.yml").read_bytes()
    assert glossary_after.startswith(glossary_before)
    entries = yaml.safe_load(glossary_after)
    new = entries[-1]
    assert new["term"] == "伴走記録の様式" and re.fullmatch(r"[a-z0-9-]+", new["id"])
    assert new["id"] not in {e["id"] for e in entries[:-1]}
    assert re.fullmatch(r"[ぁ-ゟー]+", new["reading"])
    assert errors_of(root) == []
    # the new case carries no personal data the PII gate would block
    from bansou.pii import scan_paths
    blocking = [h for h in scan_paths([root / created["case"]], root) if h.blocks]
    assert blocking == []


def test_interactive_article(mini_project):
    answers = "\n".join(["在留カードの届出", "residence", "", "y"]) + "\n"
    result = bansou(mini_project, "new", "article", input=answers)
    assert result.returncode == 0, result.stderr
    assert "題名" in result.stderr and "title" in result.stderr  # Japanese questions with English
    rel = result.stdout.strip()
    assert rel.startswith("docs/residence/") and rel.endswith(".md")
    assert front_matter(mini_project / rel)["title"] == "在留カードの届出"
    assert errors_of(mini_project) == []


def test_interactive_case_asks_again_on_a_wrong_value(mini_project):
    # title, year, region (wrong, then right), age band, status, outcome, issue areas, confirm
    answers = "\n".join(["試しの事例", "2025", "tokyo", "kinki", "30s", "student", "pending",
                         "labour, medical-welfare", "y"]) + "\n"
    result = bansou(mini_project, "new", "case", input=answers)
    assert result.returncode == 0, result.stderr
    assert "kanto, kinki" in result.stderr  # the choices were shown after the wrong answer
    meta = front_matter(mini_project / result.stdout.strip())
    assert (meta["region"], meta["year"], meta["issue_areas"]) == ("kinki", 2025, ["labour", "medical-welfare"])
    assert errors_of(mini_project) == []


def test_interactive_term_with_reading_and_cancel(mini_project):
    answers = "\n".join(["申請権", "シンセイケン", "しんせいけん", "", "poverty/assistance", "y"]) + "\n"
    result = bansou(mini_project, "new", "term", input=answers)
    assert result.returncode == 0, result.stderr
    assert "ひらがな" in result.stderr
    entry = yaml.safe_load((mini_project / "docs/glossary.yml").read_text(encoding="utf-8"))[-1]
    assert entry["reading"] == "しんせいけん" and entry["page"] == "poverty/assistance"
    cancelled = bansou(mini_project, "new", "case", input="題名\n\n\n\n\n\n\nn\n")
    assert cancelled.returncode == 2 and "Cancelled" in cancelled.stderr
    assert not (mini_project / "casebook/case-002.md").exists()


@pytest.mark.parametrize("args, words", [
    (["module", "--title", "x", "--course", "nosuch", "--yes"], "demo"),
    (["article", "--title", "x", "--section", "Bad Folder", "--yes"], "--section"),
    (["term", "--title", "x", "--reading", "カタカナ", "--yes"], "--reading"),
    (["term", "--title", "申請", "--page", "no/such", "--yes"], "no/such"),
    (["case", "--yes"], "--title"),
    (["term", "--title", "申請権", "--yes"], None),  # created below first: a second one is refused
])
def test_wrong_options_are_explained(mini_project, args, words):
    if words is None:
        assert bansou(mini_project, "new", *args).returncode == 0
        words = "already in the glossary"
    result = bansou(mini_project, "new", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and words in result.stderr and "エラー / error" in result.stderr
    assert result.stdout == ""
