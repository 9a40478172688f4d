"""Scan one text: detect, resolve overlaps, apply profile, front matter and exceptions."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .allow import AllowEntry, Allowlist, find_markers, marker_problems
from .hits import PiiHit, Severity
from .kinds import KINDS
from .names import find_names
from .normalize import LineIndex, normalize
from .patterns import Match, find_all
from .profiles import Profile, profile_for

DATE_KINDS = frozenset({"date-day", "date-month"})
# Front-matter values that are dates by design (review and law-change metadata).
EXEMPT_DATE_KEYS = frozenset(
    {
        ("valid_as_of",),
        ("reviewed",),
        ("date",),
        ("review", "date"),
        ("law_changes", "*", "date"),
        ("changes", "*", "date"),
    }
)
# a BOM and CRLF line ends are accepted as they are (the loader accepts them too)
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Candidate:
    start: int  # original-text offsets
    end: int
    kind: str


def _severity(kind: str, profile: Profile) -> Severity | None:
    """The severity in this profile; None drops the finding."""
    if profile == "handbook":
        # The handbook states law dates (2024年6月10日施行): a human looks, nothing blocks.
        # Year-month dates and ages there are rules, not facts about a person.
        if kind == "date-day":
            return "warn"
        if kind in ("date-month", "age"):
            return None  # law thresholds (18歳未満) and change dates, not a person's
    return KINDS[kind].severity_default


def resolve(matches: list[Match]) -> list[Match]:
    """Drop duplicates and matches inside a longer match of the same or higher severity."""
    rank = {"block": 1, "warn": 0}

    def level(m: Match) -> int:
        return rank[KINDS[m.kind].severity_default]

    kept: list[Match] = []
    for m in sorted(set(matches), key=lambda m: (-(m.end - m.start), m.start, -level(m))):
        if any(k.start <= m.start and m.end <= k.end and level(k) >= level(m) for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def exempt_date_spans(text: str) -> list[tuple[int, int]]:
    """Original-text spans of front-matter values whose dates are metadata."""
    fm = FRONT_MATTER.match(text)
    if not fm or fm.group(1) is None:
        return []
    try:
        root = yaml.compose(fm.group(1))
    except yaml.YAMLError:
        return []  # the lead's checker reports broken front matter
    offset = fm.start(1)
    spans: list[tuple[int, int]] = []

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if _exempt(path):
            spans.append((offset + node.start_mark.index, offset + node.end_mark.index))
            return
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, path + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, path + ("*",))

    if root is not None:
        walk(root, ())
    return spans


def _exempt(path: tuple[str, ...]) -> bool:
    return any(path[: len(key)] == key for key in EXEMPT_DATE_KEYS if len(path) >= len(key))


def detect(text: str) -> list[Candidate]:
    """All resolved detections, in original-text offsets."""
    norm = normalize(text)
    matches = resolve([*find_all(norm.text), *find_names(norm.text)])
    candidates = []
    for m in matches:
        start, end = norm.span(m.start, m.end)
        candidates.append(Candidate(start, end, m.kind))
    return candidates


def scan_text(
    text: str, path: str = "", profile: Profile | None = None, allowlist: Allowlist | None = None
) -> list[PiiHit]:
    profile = profile or profile_for(path)
    lines = LineIndex(text)
    exempt = None  # composing the front matter is costly: only done for a date finding
    markers = find_markers(text, yaml_comments=path.endswith((".yml", ".yaml")))
    allowed_lines = {m.target_line: m.reason for m in markers if m.reason}
    entries = [e for e in (allowlist.entries if allowlist else ()) if e.applies_to(path)]
    allowed_spans = _allowlist_spans(text, entries)

    hits = marker_problems(markers, path)
    for c in detect(text):
        severity = _severity(c.kind, profile)
        if severity is None:
            continue
        if c.kind in DATE_KINDS:
            if exempt is None:
                exempt = exempt_date_spans(text) if text.startswith("---") else []
            if any(s <= c.start and c.end <= e for s, e in exempt):
                continue
        line, column = lines.position(c.start)
        end_line, end_column = lines.position(max(c.start, c.end - 1))
        reason = allowed_lines.get(line) or next(
            (r for s, e, r in allowed_spans if s <= c.start and c.end <= e), None
        )
        hits.append(PiiHit(path, line, column, end_line, end_column, c.kind, severity, text[c.start : c.end], reason))
    return sorted(hits, key=lambda h: (h.line, h.column, h.kind))


def _allowlist_spans(text: str, entries: list[AllowEntry]) -> list[tuple[int, int, str]]:
    if not entries:
        return []
    norm = normalize(text)
    spans = []
    for entry in entries:
        for m in entry.pattern().finditer(norm.text):
            start, end = norm.span(m.start(), m.end())
            spans.append((start, end, entry.reason))
    return spans
