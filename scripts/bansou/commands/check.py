"""`bansou check [PATH...] [--format text|json|github]`"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..findings import FORMATTERS, has_errors


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="内容を確かめる / check the content")
    parser.add_argument("paths", nargs="*", help="確かめるファイルやフォルダ(省略時は全体) / files or folders (default: all)")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..project import load_project
    project = load_project(Path.cwd())
    findings = project.findings
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        findings = [f for f in findings if _under((project.root / f.path).resolve(), wanted)]
    print(FORMATTERS[args.format](findings))
    return 1 if has_errors(findings) else 0


def _under(path: Path, wanted: list[Path]) -> bool:
    return any(path == w or w in path.parents for w in wanted)
