"""`bansou i18n [--format text|json] [--update FILE... | --update-all] [--reviewed]`

Coverage per language and section, outdated and unreviewed translations. `--update`
records the source's current hash in a translation after it has been checked.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from ..translations import all_statuses, coverage, source_hash, stamp


def register(subparsers) -> None:
    parser = subparsers.add_parser("i18n", help="翻訳の状況 / translation status")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--update", nargs="+", metavar="FILE",
                        help="確認した翻訳に元ファイルの現在のハッシュを記録 / record the source hash after a review")
    parser.add_argument("--update-all", action="store_true",
                        help="すべての翻訳にハッシュを記録(初回のみ) / stamp every translation (first set-up only)")
    parser.add_argument("--reviewed", action="store_true",
                        help="--update と一緒に:人が確認済みにする / with --update: mark as reviewed by a person")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..project import load_project
    project = load_project(Path.cwd())
    if args.update or args.update_all:
        return _update(project, args)
    statuses = all_statuses(project)
    table = coverage(statuses)
    outdated = [s for s in statuses if s.status == "outdated"]
    unreviewed = [s for s in statuses if s.status == "machine"]
    if args.format == "json":
        print(json.dumps({"coverage": [asdict(c) | {"percent": c.percent} for c in table],
                          "outdated": [asdict(s) for s in outdated],
                          "unreviewed": [asdict(s) for s in unreviewed]}, ensure_ascii=False, indent=2))
        return 0
    print("翻訳の状況 / Translation coverage (翻訳あり / pages translated, 確認済み / reviewed)")
    for c in table:
        if c.section == "(all)":
            print(f"  {c.lang:6} {c.translated:4}/{c.total:<4} {c.percent:3}%  確認済み reviewed {c.reviewed:4}  "
                  f"古い outdated {c.outdated}")
    print("\n分野ごと / by section:")
    for c in table:
        if c.section != "(all)" and c.lang != project.config.default_language:
            print(f"  {c.lang:6} {c.section:12} {c.translated}/{c.total}")
    print(f"\n原文より古い翻訳 / outdated translations: {len(outdated)}")
    for s in outdated:
        print(f"  {s.rel}")
    print(f"\n未確認の機械翻訳 / machine-assisted, unreviewed: {len(unreviewed)}")
    for s in unreviewed:
        print(f"  {s.rel}")
    return 0


def _update(project, args) -> int:
    by_file = {}
    for doc in project.documents():
        for tr in doc.translations.values():
            by_file[tr.abs_path.resolve()] = (doc, tr)
    targets = list(by_file) if args.update_all else [Path(p).resolve() for p in args.update]
    status = 0
    for path in targets:
        if path not in by_file:
            print(f"{path}: 翻訳ファイルではありません / not a translation file of this project")
            status = 1
            continue
        doc, _tr = by_file[path]
        stamp(path, source_hash(doc), reviewed=True if args.reviewed else None)
        print(f"{path.relative_to(project.root)}: source_hash {source_hash(doc)}")
    return status
