"""Measure the checker against a labelled JSONL set (tests/pii/data/eval.jsonl).

Each line: {"id", "text", "profile", "spans": [{"kind", "text"}]}. A span's text
is located in order of appearance. Reports per kind:
- strict: exact span and kind;
- overlap: any overlap, kind ignored (any hit stops the pull request);
- document level: share of documents holding that kind where every labelled span
  is covered by a hit at least as severe as the kind's severity in the profile;
and the false-block rate: clean documents with any blocking hit.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .hits import PiiHit
from .kinds import KINDS
from .normalize import LineIndex
from .scan import _severity, scan_text


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    profile: str
    gold: tuple[Span, ...]


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    strict_tp_gold: int = 0
    strict_tp_pred: int = 0
    overlap_tp_gold: int = 0
    overlap_tp_pred: int = 0
    docs: int = 0
    docs_caught: int = 0
    missed_docs: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    @property
    def strict_precision(self) -> float | None:
        return self._ratio(self.strict_tp_pred, self.predicted)

    @property
    def strict_recall(self) -> float | None:
        return self._ratio(self.strict_tp_gold, self.gold)

    @property
    def overlap_precision(self) -> float | None:
        return self._ratio(self.overlap_tp_pred, self.predicted)

    @property
    def overlap_recall(self) -> float | None:
        return self._ratio(self.overlap_tp_gold, self.gold)

    @property
    def doc_recall(self) -> float | None:
        return self._ratio(self.docs_caught, self.docs)


@dataclass
class Report:
    kinds: dict[str, KindScore]
    clean_docs: int
    clean_blocked: list[str]

    @property
    def false_block_rate(self) -> float:
        return len(self.clean_blocked) / self.clean_docs if self.clean_docs else 0.0


def load(path: str | Path) -> list[Doc]:
    docs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text, spans, cursor = row["text"], [], defaultdict(int)
        for s in row["spans"]:
            start = text.find(s["text"], cursor[s["text"]])
            if start < 0:
                raise ValueError(f"{row['id']}: span {s['text']!r} not in text")
            cursor[s["text"]] = start + 1
            spans.append(Span(start, start + len(s["text"]), s["kind"]))
        docs.append(Doc(row["id"], text, row["profile"], tuple(spans)))
    return docs


def _offsets(text: str, hits: list[PiiHit]) -> list[tuple[Span, str]]:
    lines = LineIndex(text)
    out = []
    for h in hits:
        start = lines.line_start(h.line) + h.column - 1
        end = lines.line_start(h.end_line) + h.end_column
        out.append((Span(start, end, h.kind), h.severity))
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def evaluate(docs: list[Doc]) -> Report:
    rank = {"warn": 0, "block": 1}
    kinds: dict[str, KindScore] = defaultdict(KindScore)
    clean_docs, clean_blocked = 0, []
    for doc in docs:
        predicted = _offsets(doc.text, scan_text(doc.text, "", doc.profile))  # type: ignore[arg-type]
        for span, _ in predicted:
            score = kinds[span.kind]
            score.predicted += 1
            score.strict_tp_pred += span in doc.gold
            score.overlap_tp_pred += any(_overlaps(span, g) for g in doc.gold)
        for g in doc.gold:
            score = kinds[g.kind]
            score.gold += 1
            score.strict_tp_gold += any(p == g for p, _ in predicted)
            score.overlap_tp_gold += any(_overlaps(p, g) for p, _ in predicted)
        for kind in {g.kind for g in doc.gold}:
            need = rank[_severity(kind, doc.profile) or KINDS[kind].severity_default]  # type: ignore[arg-type]
            caught = all(
                any(_overlaps(p, g) and rank[sev] >= need for p, sev in predicted)
                for g in doc.gold
                if g.kind == kind
            )
            kinds[kind].docs += 1
            kinds[kind].docs_caught += caught
            if not caught:
                kinds[kind].missed_docs.append(doc.id)
        if not doc.gold:
            clean_docs += 1
            if any(sev == "block" for _, sev in predicted):
                clean_blocked.append(doc.id)
    return Report(dict(kinds), clean_docs, clean_blocked)
