"""NFKC normalisation that remembers where every character came from.

Detectors run on the normalised text (full-width digits become ASCII, half-width
katakana become full-width) but findings must point at the author's own text, so
each normalised character keeps the index of the original character it came from.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    # origin[i] is the index in `original` of normalised character i; one extra
    # entry at the end maps the end of the text.
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span to the original text."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str) -> Normalized:
    # Only the few distinct characters that NFKC changes need work; the text
    # between them is copied in slices.
    changed = {ch: n for ch in set(text) if (n := unicodedata.normalize("NFKC", ch)) != ch}
    if not changed:
        return Normalized(text, text, tuple(range(len(text) + 1)))
    out: list[str] = []
    origin: list[int] = []
    prev = 0
    for m in re.finditer("[" + "".join(map(re.escape, changed)) + "]", text):
        i = m.start()
        out.append(text[prev:i])
        origin.extend(range(prev, i))
        n = changed[text[i]]
        out.append(n)
        origin.extend([i] * len(n))
        prev = i + 1
    out.append(text[prev:])
    origin.extend(range(prev, len(text) + 1))
    return Normalized(text, "".join(out), tuple(origin))


class LineIndex:
    """1-based line and column (in characters) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
