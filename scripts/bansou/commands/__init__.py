"""Subcommands of `bansou`. Each module here defines `register(subparsers)`, which adds its
parser and sets `func` (args -> exit code). To add a command, add its module name to COMMANDS."""
from __future__ import annotations

import importlib

COMMANDS: list[str] = [
    "check",
    "pii",
    "i18n",
    "handout",
    "stale",
    "new",
    "serve",
    "bench",
]


def register_all(subparsers) -> None:
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
