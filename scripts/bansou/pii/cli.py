"""`bansou pii`: scan sources for personal data (wired into bansou.cli by the lead)."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from . import PROJECT_DIRS, list_allowed, scan_paths
from .hits import PiiHit
from .kinds import KINDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: docs casebook courses)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--list-allowed", action="store_true", help="list every pii-allow marker and pii-allow.yml entry with its reason"
    )
    parser.add_argument("--root", default=".", help="project root holding pii-allow.yml (default: .)")


def mask(text: str) -> str:
    """Keep the first character so the author can find the spot; hide the rest."""
    text = text.replace("\n", "⏎")
    return text[:1] + "".join(c if c in " ⏎" else "●" for c in text[1:])


def _targets(args: argparse.Namespace, root: Path) -> list[Path]:
    if args.paths:
        return [Path(p) for p in args.paths]
    return [root / d for d in PROJECT_DIRS if (root / d).is_dir()]


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    out = sys.stdout
    if args.list_allowed:
        records = list_allowed(root, _targets(args, root))
        if args.format == "json":
            json.dump([asdict(r) for r in records], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for r in records:
                out.write(f"{r.path}:{r.line}: {r.reason or '(理由なし / no reason)'}  [{r.source}] {r.text}\n")
        return 0
    hits = scan_paths(_targets(args, root), root)
    if args.format == "json":
        json.dump([_as_json(h) for h in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _write_text(hits, out)
    return 1 if any(h.blocks for h in hits) else 0


def _as_json(hit: PiiHit) -> dict[str, object]:
    return {
        "path": hit.path,
        "line": hit.line,
        "column": hit.column,
        "end_line": hit.end_line,
        "end_column": hit.end_column,
        "kind": hit.kind,
        "severity": hit.severity,
        "text": hit.text,
        "allowed_reason": hit.allowed_reason,
    }


def _write_text(hits: list[PiiHit], out) -> None:  # type: ignore[no-untyped-def]
    shown = [h for h in hits if h.allowed_reason is None]
    for h in shown:
        info = KINDS[h.kind]
        label = "エラー/error" if h.severity == "block" else "警告/warning"
        out.write(f"{h.path}:{h.line}:{h.column}: {label} [{h.kind}] {mask(h.text)}\n")
        out.write(f"    {info.message_ja} / {info.message_en}\n")
        out.write(f"    {info.hint_ja}\n    {info.hint_en}\n")
    blocking = sum(h.blocks for h in shown)
    allowed = len(hits) - len(shown)
    out.write(
        f"PII: {blocking} 件のエラー, {len(shown) - blocking} 件の警告, {allowed} 件は許可済み "
        f"/ {blocking} blocking, {len(shown) - blocking} warnings, {allowed} allowed\n"
    )
