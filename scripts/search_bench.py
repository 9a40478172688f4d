#!/usr/bin/env python3
"""Search-quality benchmark: recall@5 and MRR per language, before and after, side by side.

"after":  the site as built — our worker, one index per language, query segmentation.
"before": Material's own worker on one combined index of all languages with the
          multi-language lunr settings static-i18n configures (the default set-up).
Both run the real worker code in Node (scripts/search/harness.js).

    python scripts/search_bench.py [--site DIR] [--json]
Without --site the site is built into a temporary directory first.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "scripts" / "search" / "harness.js"
QUERIES = ROOT / "scripts" / "search" / "queries.yml"
K = 5
# What static-i18n sets for Material's search with our languages is [ja, en, zh, vi, es];
# with zh, Material's worker fails to build any index in a browser (lunr.zh needs jieba),
# so "before" leaves zh out: that is the most favourable default set-up.
MATERIAL_LANGS = ["ja", "en", "vi", "es"]


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def combined_index(site: Path, out: Path) -> None:
    docs = []
    for path in sorted((site / "search").glob("index.*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["docs"]
    for d in docs:
        d.pop("tags", None)  # keywords are our addition
    config = {"lang": MATERIAL_LANGS, "separator": r"[\s\-\u3000、。，．]+", "pipeline": ["stemmer"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
    out.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8")


def run_queries(site: Path, lang: str, queries: list[str], material_index: Path | None) -> list[list[str]]:
    args = ["node", str(HARNESS), str(site), lang] + ([str(material_index)] if material_index else [])
    if material_index:
        args[3] = "-"
    stdin = "\n".join(json.dumps(q, ensure_ascii=False) for q in queries) + "\n"
    result = subprocess.run(args, input=stdin, capture_output=True, text=True, check=True)
    return [json.loads(line)["locations"] for line in result.stdout.splitlines() if line.strip()]


def score(results: list[list[str]], cases: list[dict], lang: str, default: str) -> dict:
    prefix = "" if lang == default else f"{lang}/"
    found, rr = 0, 0.0
    misses = []
    for locations, case in zip(results, cases):
        wanted = {f"{prefix}{p}/" for p in case["expect"]}
        pages = list(dict.fromkeys(locations))  # distinct pages in rank order
        rank = next((i + 1 for i, loc in enumerate(pages) if loc in wanted), None)
        if rank is not None and rank <= K:
            found += 1
        else:
            misses.append(case["q"])
        rr += 1 / rank if rank else 0.0
    n = len(cases)
    return {"queries": n, "recall_at_5": round(found / n, 3), "mrr": round(rr / n, 3), "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cases_by_lang = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        combined = Path(tmp) / "combined.json"
        combined_index(site, combined)
        report = {}
        for lang, cases in cases_by_lang.items():
            queries = [c["q"] for c in cases]
            after = score(run_queries(site, lang, queries, None), cases, lang, "ja")
            before = score(run_queries(site, lang, queries, combined), cases, lang, "ja")
            report[lang] = {"before": before, "after": after}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{'lang':6} {'n':>3}  {'recall@5 before':>15} {'after':>6}  {'MRR before':>10} {'after':>6}")
    total = {"n": 0, "rb": 0.0, "ra": 0.0, "mb": 0.0, "ma": 0.0}
    for lang, r in report.items():
        b, a = r["before"], r["after"]
        print(f"{lang:6} {a['queries']:>3}  {b['recall_at_5']:>15.2f} {a['recall_at_5']:>6.2f}  "
              f"{b['mrr']:>10.2f} {a['mrr']:>6.2f}")
        total["n"] += a["queries"]
        for key, src, field in (("rb", b, "recall_at_5"), ("ra", a, "recall_at_5"), ("mb", b, "mrr"), ("ma", a, "mrr")):
            total[key] += src[field] * a["queries"]
    n = total["n"]
    print(f"{'all':6} {n:>3}  {total['rb'] / n:>15.2f} {total['ra'] / n:>6.2f}  {total['mb'] / n:>10.2f} {total['ma'] / n:>6.2f}")
    for lang, r in report.items():
        if r["after"]["misses"]:
            print(f"  misses after ({lang}): {', '.join(r['after']['misses'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
