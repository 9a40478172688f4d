"""The finding record every scanner returns."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["block", "warn"]


@dataclass(frozen=True)
class PiiHit:
    path: str
    line: int  # 1-based
    column: int  # 1-based, in characters of the original text
    end_line: int
    end_column: int  # 1-based column of the last character (inclusive)
    kind: str
    severity: Severity
    text: str
    allowed_reason: str | None = None

    @property
    def blocks(self) -> bool:
        return self.severity == "block" and self.allowed_reason is None
