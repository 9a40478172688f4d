"""The `bansou` command. Subcommands present core results; no traceback reaches a contributor."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .findings import FORMATTERS, has_errors


def _cmd_check(args: argparse.Namespace) -> int:
    from .project import load_project
    project = load_project(Path.cwd())
    findings = project.findings
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        findings = [f for f in findings
                    if any((project.root / f.path).resolve() == w or w in (project.root / f.path).resolve().parents
                           for w in wanted)]
    print(FORMATTERS[args.format](findings))
    return 1 if has_errors(findings) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bansou", description="伴走支援ハンドブックの道具 / tools for the accompaniment handbook")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="内容を確かめる / check the content")
    check.add_argument("paths", nargs="*", help="確かめるファイルやフォルダ(省略時は全体) / files or folders (default: all)")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check.set_defaults(func=_cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: say so plainly instead of a traceback
        print(f"bansou の内部エラーです。お手数ですが、この表示を添えて編集チームに知らせてください。\n"
              f"Internal error in bansou; please report it with this message: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
