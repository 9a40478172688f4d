"""Print how well the PII checker does on the labelled synthetic set.

Usage: python scripts/pii_eval.py [tests/pii/data/eval.jsonl]
"""
from __future__ import annotations

import sys
from pathlib import Path

from bansou.pii.evaluation import evaluate, load
from bansou.pii.kinds import KINDS

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "pii" / "data" / "eval.jsonl"


def pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    docs = load(path)
    report = evaluate(docs)
    print(f"{len(docs)} documents, {report.clean_docs} clean\n")
    print(f"{'kind':28} {'sev':5} {'gold':>4} {'pred':>4}  {'P strict':>8} {'R strict':>8}  {'P overlap':>9} {'R overlap':>9}  {'doc recall':>10}")
    order = sorted(report.kinds, key=lambda k: (KINDS[k].severity_default != "block", k))
    for kind in order:
        s = report.kinds[kind]
        docs_col = f"{s.docs_caught}/{s.docs} {pct(s.doc_recall)}" if s.docs else "-"
        print(
            f"{kind:28} {KINDS[kind].severity_default:5} {s.gold:4} {s.predicted:4}  {pct(s.strict_precision):>8} "
            f"{pct(s.strict_recall):>8}  {pct(s.overlap_precision):>9} {pct(s.overlap_recall):>9}  {docs_col:>10}"
        )
    print(f"\nfalse-block rate on clean documents: {pct(report.false_block_rate)} ({len(report.clean_blocked)}/{report.clean_docs})")
    missed = {k: s.missed_docs for k, s in report.kinds.items() if s.missed_docs}
    if missed:
        print("missed documents:", missed)
    if report.clean_blocked:
        print("clean documents blocked:", report.clean_blocked)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
