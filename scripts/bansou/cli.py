"""The `bansou` command. Subcommands present core results; no traceback reaches a contributor."""
from __future__ import annotations

import argparse
import sys

from .commands import register_all


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bansou", description="伴走支援ハンドブックの道具 / tools for the accompaniment handbook")
    sub = parser.add_subparsers(dest="command", required=True)
    register_all(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except Exception as exc:  # a bug of ours: say so plainly instead of a traceback
        print(f"bansou の内部エラーです。お手数ですが、この表示を添えて編集チームに知らせてください。\n"
              f"Internal error in bansou; please report it with this message: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
