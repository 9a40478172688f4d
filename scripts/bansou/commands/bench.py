"""`bansou bench [--quick] [--json] [--scales 1,10,30] [--site DIR]`: how fast and how heavy the site is as it grows.

Generates synthetic projects at 1×, 10× and 30× the real handbook, builds each with our plugin and
with bare Material + static-i18n (the same pages: those our plugin generates are written out as
files for bare), and measures build wall-clock and CPU time, page sizes, search index, `bansou
check`, PII scan throughput and a one-language preview. --quick (bench/run.py: plan()): 1× in every
language with every article translated, 3× and 10× in Japanese only, `bansou check` timed at 1×
only, the page size at 30× extrapolated from 3× and 10×. --scales overrides the factors.
The overhead budget is judged on the builds in every language (the site as configured); the
ratio of one-language builds is reported beside it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("bench", help="サイトの速さと重さを測る / measure build speed and page weight",
                                   description="合成の記事で 1×・10×・30× の規模を作り、素の Material と比べます。 / "
                                               "Builds synthetic content at 1x, 10x, 30x and compares with bare Material.")
    parser.add_argument("--quick", action="store_true",
                        help="1×・3×・10×、大きい規模は日本語だけ / 1x, 3x, 10x; larger scales in Japanese only")
    parser.add_argument("--json", action="store_true", help="結果を JSON で出す / print one JSON object")
    parser.add_argument("--scales", default=None, metavar="1,3,10",
                        help="規模の倍率(カンマ区切り) / scale factors, comma-separated")
    parser.add_argument("--rounds", type=int, default=None, metavar="N",
                        help="各ビルドの回数(最速を採用。既定: quick 2、通常 3) / "
                             "builds per measurement, the fastest counts (default: 2 quick, 3 full)")
    parser.add_argument("--site", metavar="DIR", default=None,
                        help="本物のサイトの書き出し先(検索索引と転送量を測る。省略時は作る) / "
                             "an existing build of the real site (default: build it)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..bench.run import BenchError, run_bench
    from ..scaffold import ScaffoldError
    from .new import find_root
    try:
        root = find_root(Path.cwd())
        result = run_bench(root, quick=args.quick, real_site=Path(args.site).resolve() if args.site else None,
                           factors=[float(x) for x in args.scales.split(",")] if args.scales else None,
                           rounds=args.rounds)
    except (BenchError, ScaffoldError) as exc:
        print(f"エラー / error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else table(result))
    return 0


def table(result: dict) -> str:
    rows = ["scale  langs  pages   bare  bare_s  ours_s  ratio  cpu_ratio  warm_s  s/page  "
            "article_median  article_max  html_max  site_MB"]
    for s in result["scales"]:
        rows.append(f"{s['factor']:>4g}x  {len(s['languages']):>5}  {s['pages_built']:>5}  {s['bare_pages_built']:>5}  "
                    f"{s['bare_build_seconds']:>6}  {s['build_seconds']:>6}  {s['overhead_ratio']:>5}  "
                    f"{s['cpu_overhead_ratio']:>9}  {s['warm_build_seconds']:>6}  {s['seconds_per_page']:>6}  "
                    f"{s['html_bytes_per_article_page_median']:>14}  {s['html_bytes_per_article_page_max']:>11}  "
                    f"{s['html_bytes_per_page_max']:>8}  {s['site_bytes'] / 1e6:>7.1f}")
        rows.append(f"  largest page: {s['html_max_page']}; fastest of {s['rounds']} rounds each "
                    f"(bare {', '.join(map(str, s['bare_build_seconds_each']))}; "
                    f"ours {', '.join(map(str, s['build_seconds_each']))})")
        if not s["same_pages"]:
            rows.append(f"  pages in one build only: {', '.join(s['pages_in_one_build_only'])}")
    rows.append(f"overhead_ratio={result['overhead_ratio']} (budget, builds in every language)  "
                f"cpu_overhead_ratio={result['cpu_overhead_ratio']} (reported)  "
                f"warm_overhead_ratio={result['warm_overhead_ratio']} (rebuild with the PII result cache)")
    if result["single_language_overhead_ratio"] is not None:
        rows.append(f"single_language_overhead_ratio={result['single_language_overhead_ratio']} (reported: "
                    "a Japanese-only build has no other language to render while the PII gate's process works)")
    rows.append(f"check_seconds={result['check_seconds']}  pii_chars_per_second={result['pii_chars_per_second']}  "
                f"preview_rebuild_seconds={result['preview_rebuild_seconds']}")
    if result["page_growth_max"]:
        g, over = result["page_growth_max"], result["pages_over_limit_at_largest"]
        rows.append(f"page that grew most from the smallest to the largest scale: {g['page']} "
                    f"{g['small_bytes']} -> {g['large_bytes']} B; pages over the page budget at the largest scale: "
                    f"{over['count']} ({over['over_at_smallest_too']} of them over it at the smallest scale too)")
    rows.append("search_index_bytes: " + ", ".join(f"{k}={v}" for k, v in result["search_index_bytes"].items()))
    t = result["transfer"]
    rows.append(f"transfer ({t['page']}): first visit {t['first_visit_gzip_bytes']} B gzip, "
                f"repeat {t['repeat_visit_gzip_bytes']} B gzip")
    rows += [f"budget {name}: {'PASS' if b['pass'] else 'FAIL'} ({b['value']} / {b['limit']})"
             for name, b in result["budgets"].items()]
    rows += result["plan"]
    return "\n".join(rows)
