"""`bansou pii [--format text|json] [--list-allowed] PATH...` (the scanner lives in bansou.pii)."""
from __future__ import annotations

from ..pii import cli


def register(subparsers) -> None:
    parser = subparsers.add_parser("pii", help="個人情報が残っていないか調べる / scan for personal identifiers")
    cli.add_arguments(parser)
    parser.set_defaults(func=cli.run)
