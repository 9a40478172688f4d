"""When each source file was last committed, asked of git once per project.

Our own small function rather than a MkDocs plugin: the core stays MkDocs-free, one
`git log` call serves every page, and a build without history (a tarball, a shallow
CI clone) says "unknown" instead of failing or showing the build date as if it were
an edit date.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_DIRS = ("docs", "casebook", "courses")
_MARK = "\x1e"  # starts each commit header in our log format


@dataclass(frozen=True)
class Commit:
    date: dt.date
    subject: str
    files: tuple[str, ...]  # project-relative POSIX paths


@dataclass
class GitHistory:
    available: bool  # False: no git, not a repository, or a shallow clone
    commits: list[Commit] = field(default_factory=list)  # newest first
    last_changed: dict[str, dt.date] = field(default_factory=dict)  # path → date of last commit

    def date_of(self, rel: str) -> dt.date | None:
        return self.last_changed.get(rel)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(root), *args],
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def read_history(root: Path) -> GitHistory:
    """Commits touching docs/, casebook/ and courses/ (paths relative to the project root)."""
    if (_git(root, "rev-parse", "--is-inside-work-tree") or "").strip() != "true":
        return GitHistory(False)
    # a shallow clone (CI's default depth 1) would date every file to its one commit: say unknown
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return GitHistory(False)
    out = _git(root, "log", "--no-renames", "--relative", f"--format={_MARK}%cs %s", "--name-only",
               "--", *SOURCE_DIRS)
    if out is None:
        return GitHistory(False)
    history = GitHistory(True)
    for block in out.split(_MARK)[1:]:
        header, _, names = block.partition("\n")
        date_text, _, subject = header.partition(" ")
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            continue
        files = tuple(n.strip() for n in names.splitlines() if n.strip())
        history.commits.append(Commit(date, subject, files))
        for name in files:
            history.last_changed.setdefault(name, date)  # newest commit comes first
    return history


_CACHE: dict[int, tuple[object, GitHistory]] = {}


def history_for(project) -> GitHistory:
    """One git call per loaded project (the MkDocs plugin reloads the project when sources change)."""
    cached = _CACHE.get(id(project))
    if cached is None or cached[0] is not project:
        cached = (project, read_history(project.root))
        _CACHE.clear()
        _CACHE[id(project)] = cached
    return cached[1]
