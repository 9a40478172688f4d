"""Findings: what every check returns. Checks never print; the CLI and the plugin present these."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    path: str  # project-relative, POSIX
    line: int | None
    column: int | None
    code: str
    severity: Severity
    message_ja: str
    message_en: str
    hint_ja: str = ""
    hint_en: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        return f"{self.message_ja} / {self.message_en}"

    @property
    def hint(self) -> str:
        if self.hint_ja and self.hint_en:
            return f"{self.hint_ja} / {self.hint_en}"
        return self.hint_ja or self.hint_en

    @property
    def location(self) -> str:
        loc = self.path
        if self.line:
            loc += f":{self.line}"
            if self.column:
                loc += f":{self.column}"
        return loc

    def to_json(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "message_ja": self.message_ja,
            "message_en": self.message_en,
            "hint_ja": self.hint_ja,
            "hint_en": self.hint_en,
        }
        return data


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_key(f: Finding) -> tuple:
    return (f.path, f.line or 0, f.column or 0, f.code)


def format_text(findings: list[Finding]) -> str:
    lines: list[str] = []
    for f in sorted(findings, key=sort_key):
        label = "エラー error" if f.severity == "error" else "注意 warning"
        lines.append(f"{f.location}: {label} [{f.code}]")
        lines.append(f"  {f.message_ja}")
        lines.append(f"  {f.message_en}")
        if f.hint_ja:
            lines.append(f"  → 直し方: {f.hint_ja}")
        if f.hint_en:
            lines.append(f"  → How to fix: {f.hint_en}")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    lines.append(f"エラー {errors} 件、注意 {warnings} 件 / {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    return json.dumps([f.to_json() for f in sorted(findings, key=sort_key)], ensure_ascii=False, indent=2)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(findings: list[Finding]) -> str:
    out = []
    for f in sorted(findings, key=sort_key):
        level = "error" if f.severity == "error" else "warning"
        props = [f"file={_gh_escape(f.path, True)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_gh_escape(f.code, True)}")
        body = f"{f.message}" + (f" — {f.hint}" if f.hint else "")
        out.append(f"::{level} {','.join(props)}::{_gh_escape(body)}")
    return "\n".join(out)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
