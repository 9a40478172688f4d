"""`bansou stale [--format text|json]`: handbook pages past their review date.

Lists, does not judge: it always exits 0 so it can run in CI or a weekly job without
failing the build. "Today" is BANSOU_TODAY or the plugin option `today`, else the date.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("stale", help="確認期限を過ぎたページの一覧 / pages past their review date")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..features.freshness import overdue
    from ..project import load_project
    project = load_project(Path.cwd())
    items = overdue(project)
    today = project.config.today.isoformat()
    if args.format == "json":
        print(json.dumps({"today": today, "count": len(items), "pages": [i.to_json() for i in items]},
                         ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(f"確認期限を過ぎたページはありません(基準日 {today})。 / No page is past its review date (as of {today}).")
        return 0
    print(f"確認期限を過ぎたページ: {len(items)} 件(基準日 {today}) / "
          f"{len(items)} page(s) past their review date (as of {today})")
    for i in items:
        print(f"{i.path}  {i.title}  最終確認 reviewed {i.reviewed.isoformat()}  "
              f"期限 due {i.due.isoformat()}  担当 owners: {'、'.join(i.owners)}")
    return 0
