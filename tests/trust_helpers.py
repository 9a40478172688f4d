"""Shared by the trust-over-time tests: the small fixture project tests/fixtures/trust, git repositories with set dates, and a two-edition mike deploy."""
from __future__ import annotations

import http.server
import os
import shutil
import subprocess
from pathlib import Path

from conftest import FIXTURES, ROOT
from conftest import serve as conftest_serve

OWN_OVERRIDES = ("partials/alternate.html", "assets/bansou/editions.js", "assets/bansou/trust.css")



def make_trust_project(dest: Path) -> Path:
    """A copy of tests/fixtures/trust (handbook pages only, so other features' case and course
    rules do not apply) with our current overrides. poverty/assistance declares four legal
    changes and four change notes."""
    shutil.copytree(FIXTURES / "trust", dest)
    for rel in OWN_OVERRIDES:
        (dest / "overrides" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "overrides" / rel, dest / "overrides" / rel)
    return dest


GIT_ENV = {"GIT_AUTHOR_NAME": "テスト", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "テスト", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+09:00"
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def mike(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1", "BANSOU_TODAY": "2026-11-25"}
    return subprocess.run(["mike", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def deploy_two_editions(work: Path) -> Path:
    """A repository with edition 2025, then a change and edition 2026 (alias latest, the default).

    Returns the gh-pages tree checked out into a plain directory."""
    repo = make_trust_project(work / "repo")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "edition 2025", "2025-04-01")
    for args in (("deploy", "2025"),):
        done = mike(repo, *args)
        assert done.returncode == 0, done.stderr
    page = repo / "docs/poverty/assistance.md"
    page.write_text(page.read_text(encoding="utf-8").replace("窓口で申請の意思を伝えます。", "窓口で申請の意思を伝えます(2026年版)。"),
                    encoding="utf-8")
    new_page = repo / "docs/poverty/new-in-2026.md"
    new_page.write_text(page.read_text(encoding="utf-8").replace("title: 架空の生活支援制度", "title: 2026年に加えたページ"),
                        encoding="utf-8")
    (repo / "docs/poverty/new-in-2026.en.md").write_text(
        (repo / "docs/poverty/assistance.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    commit_all(repo, "edition 2026", "2026-04-01")
    for args in (("deploy", "--update-aliases", "2026", "latest"), ("set-default", "latest")):
        done = mike(repo, *args)
        assert done.returncode == 0, done.stderr
    tree = work / "gh-pages"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(repo), "archive", "gh-pages"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: a folder without index.html is 404, not a directory listing."""

    def list_directory(self, path):
        self.send_error(404)
        return None

    def log_message(self, *args) -> None:
        pass


def serve(directory: Path):
    """Like a static host: a folder without index.html is a 404 (see _StaticHostHandler)."""
    return conftest_serve(directory, _StaticHostHandler)
