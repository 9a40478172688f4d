"""Reviewable exceptions: inline `<!-- pii-allow: REASON -->` markers and pii-allow.yml.

Every exception carries a reason a reviewer can read in the pull request; there
is deliberately no switch that turns the checker off for a file or a kind.
"""
from __future__ import annotations

import fnmatch
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .hits import PiiHit

ALLOWLIST_FILE = "pii-allow.yml"
MARKER = re.compile(r"<!--\s*pii-allow\b(?:\s*:)?(?P<reason>.*?)-->")
YAML_MARKER = re.compile(r"(?:^|\s)#\s*pii-allow\b(?:\s*:)?(?P<reason>.*)$")


@dataclass(frozen=True)
class Marker:
    line: int  # line the marker is written on
    column: int
    target_line: int  # line whose hits it allows
    reason: str  # empty when the author gave none
    text: str


@dataclass(frozen=True)
class AllowEntry:
    text: str
    reason: str
    path: str | None  # glob relative to the project root; None = every file
    line: int  # line in pii-allow.yml

    def pattern(self) -> re.Pattern[str]:
        # Whitespace-insensitive so an entry still matches after Markdown rewraps.
        chars = [re.escape(c) for c in unicodedata.normalize("NFKC", self.text) if not c.isspace()]
        return re.compile("\\s*".join(chars))

    def applies_to(self, path: str) -> bool:
        return self.path is None or fnmatch.fnmatch(path, self.path)


@dataclass(frozen=True)
class Allowlist:
    entries: tuple[AllowEntry, ...] = ()
    problems: tuple[PiiHit, ...] = ()


@dataclass(frozen=True)
class AllowRecord:
    """One exception, for `bansou pii --list-allowed`."""

    path: str
    line: int
    reason: str
    source: str  # "inline" or "allowlist"
    text: str


def find_markers(text: str, yaml_comments: bool = False) -> list[Marker]:
    if "pii-allow" not in text:  # both markers spell it out
        return []
    markers = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = MARKER.search(line) or (YAML_MARKER.search(line) if yaml_comments else None)
        if not found:
            continue
        rest = (line[: found.start()] + line[found.end() :]).strip()
        # A marker alone on its line covers the next line; otherwise its own line.
        target = number if rest else number + 1
        markers.append(
            Marker(number, found.start() + 1, target, found.group("reason").strip(), found.group().strip())
        )
    return markers


def marker_problems(markers: list[Marker], path: str) -> list[PiiHit]:
    return [
        PiiHit(path, m.line, m.column, m.line, m.column + len(m.text) - 1, "allow-without-reason", "block", m.text)
        for m in markers
        if not m.reason
    ]


def load_allowlist(root: str | Path) -> Allowlist:
    """Read pii-allow.yml at the project root; entries without text or reason are problems."""
    path = Path(root) / ALLOWLIST_FILE
    if not path.is_file():
        return Allowlist()
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return Allowlist((), (_problem(line, f"pii-allow.yml: {exc}"),))
    if node is None:
        return Allowlist()
    if not isinstance(node, yaml.SequenceNode):
        return Allowlist((), (_problem(node.start_mark.line + 1, "pii-allow.yml must be a list"),))
    entries, problems = [], []
    for item in node.value:
        line = item.start_mark.line + 1
        fields = (
            {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            if isinstance(item, yaml.MappingNode)
            else {}
        )
        text, reason = str(fields.get("text", "")).strip(), str(fields.get("reason", "")).strip()
        if not text or not reason:
            problems.append(_problem(line, text or "(no text)"))
            continue
        entries.append(AllowEntry(text, reason, fields.get("path") or None, line))
    return Allowlist(tuple(entries), tuple(problems))


def _problem(line: int, text: str) -> PiiHit:
    return PiiHit(ALLOWLIST_FILE, line, 1, line, 1, "allowlist-invalid", "block", text)
