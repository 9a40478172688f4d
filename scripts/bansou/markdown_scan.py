"""Light Markdown scanning shared by checks: links and headings, outside code."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pymdownx.slugs import slugify as _make_slugify

# the same slug function mkdocs.yml configures for the toc extension (Unicode kept, lower case)
_slugify = _make_slugify(case="lower")

_FENCE = re.compile(r"^\s*(```+|~~~+)")
_LINK = re.compile(r"!?\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
_INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Link:
    target: str
    text: str
    line: int  # 1-based file line
    column: int  # 1-based character column


def _code_mask(lines: list[str]) -> list[bool]:
    """True for lines inside fenced code blocks (including fence lines)."""
    if not any("```" in line or "~~~" in line for line in lines):
        return [False] * len(lines)  # no fence at all: most pages
    mask, fence = [], None
    for line in lines:
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * 3
            mask.append(True)
        elif fence is not None:
            mask.append(True)
            if line.strip().startswith(fence):
                fence = None
        else:
            mask.append(False)
    return mask


def links(body: str, first_line: int) -> list[Link]:
    lines = body.split("\n")
    out = []
    for i, (line, in_code) in enumerate(zip(lines, _code_mask(lines))):
        if in_code or "](" not in line:  # every link has "](": most lines are looked at no further
            continue
        masked = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line
        for m in _LINK.finditer(masked):
            target = m.group("target").strip("<>")
            out.append(Link(target, m.group("text"), first_line + i, m.start() + 1))
    return out


def _plain(text: str) -> str:
    text = _ATTR_ID.sub("", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return text.strip()


def heading_ids(body: str) -> list[str]:
    """Anchor ids the toc extension will give the headings (with _1, _2 for repeats)."""
    lines = body.split("\n")
    seen: dict[str, int] = {}
    ids = []
    for line, in_code in zip(lines, _code_mask(lines)):
        if in_code:
            continue
        m = _HEADING.match(line)
        if not m:
            continue
        explicit = _ATTR_ID.search(m.group("text"))
        slug = explicit.group("id") if explicit else _slugify(_plain(m.group("text")), "-")
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}_{seen[slug]}"
        else:
            seen[slug] = 0
        ids.append(slug)
    return ids


def slugify(text: str) -> str:
    return _slugify(_plain(text), "-")
