"""The labelled synthetic set (data/eval.jsonl) sets the bar for recall and false blocks."""
from __future__ import annotations

from pathlib import Path

import pytest

from bansou.pii.evaluation import Report, evaluate, load
from bansou.pii.kinds import KINDS

DATA = Path(__file__).parent / "data" / "eval.jsonl"
IDENTIFIER_KINDS = {k for k, info in KINDS.items() if info.severity_default == "block"} - {"person-name"}


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load(DATA))


def test_set_is_large_and_covers_every_detector_kind() -> None:
    docs = load(DATA)
    assert len(docs) >= 160
    assert sum(1 for d in docs if not d.gold) >= 60
    labelled = {g.kind for d in docs for g in d.gold}
    assert set(KINDS) - {"allow-without-reason", "allowlist-invalid"} <= labelled


def test_identifier_classes_are_always_blocked(report: Report) -> None:
    missed = {k: s.missed_docs for k, s in report.kinds.items() if k in IDENTIFIER_KINDS and s.missed_docs}
    assert missed == {}


def test_names_document_recall(report: Report) -> None:
    assert report.kinds["person-name"].doc_recall >= 0.90


def test_false_block_rate_on_clean_snippets(report: Report) -> None:
    assert report.false_block_rate <= 0.05, report.clean_blocked
