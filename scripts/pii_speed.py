"""Compare scan_text against an earlier commit: identical hits, and how much faster.

Usage: python scripts/pii_speed.py [--base HEAD] [--repeat 3] [--corpus DIR ...] [--dump FILE]
Loads the pii package of --base (from `git archive`) next to the working tree's,
scans each corpus with both, back to back in this process, and prints the
fastest of --repeat runs as characters/second. Corpora: the project's own sources
(docs, casebook, courses), the labelled evaluation set, and every --corpus
directory (e.g. one made by bansou.bench.generate; its *.md files are scanned).
Exits 1 when any hit differs.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import astuple
from pathlib import Path

import bansou.pii as current
from bansou.pii.evaluation import load

ROOT = Path(__file__).resolve().parent.parent
PII_DIR = "scripts/bansou/pii"

Doc = tuple[str, str, str]  # text, path, profile


def load_base(ref: str, into: Path):  # type: ignore[no-untyped-def]
    """The pii package as it was at `ref`, imported as bansou.pii_base."""
    archive = subprocess.run(["git", "archive", ref, PII_DIR], cwd=ROOT, capture_output=True, check=True).stdout
    tarfile.open(fileobj=io.BytesIO(archive)).extractall(into)
    package = into / PII_DIR
    spec = importlib.util.spec_from_file_location(
        "bansou.pii_base", package / "__init__.py", submodule_search_locations=[str(package)]
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def project_docs() -> list[Doc]:
    files = current.project_files([ROOT / d for d in current.PROJECT_DIRS], ROOT)
    docs = []
    for f in files:
        rel = f.relative_to(ROOT).as_posix()
        docs.append((f.read_bytes().decode("utf-8-sig"), rel, current.profile_for(rel)))
    return docs


def corpus_docs(root: Path) -> list[Doc]:
    files = sorted(root.rglob("*.md"))
    docs = []
    for f in files:
        rel = f.relative_to(root).as_posix()
        docs.append((f.read_text(encoding="utf-8"), rel, current.profile_for(rel)))
    return docs


def eval_docs() -> list[Doc]:
    return [(d.text, d.id, d.profile) for d in load(ROOT / "tests/pii/data/eval.jsonl")]


def scan_all(package, docs: list[Doc]) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [astuple(h) for text, path, profile in docs for h in package.scan_text(text, path, profile)]


def timed(package, docs: list[Doc]) -> tuple[float, list[tuple]]:  # type: ignore[no-untyped-def]
    # Each run starts as a fresh build would: only the dictionary stays loaded.
    for cache in ("_segment_names", "_has_common_reading"):
        getattr(getattr(package.names, cache, None), "cache_clear", lambda: None)()
    for table in ("_TOKENS", "_POS_CLASSES"):
        getattr(package.names, table, {}).clear()
    start = time.perf_counter()
    hits = scan_all(package, docs)
    return time.perf_counter() - start, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="git ref to compare against")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="directory of *.md files")
    parser.add_argument("--dump", type=Path, help="write every hit of the working tree's scan here")
    args = parser.parse_args()

    corpora = {"project": project_docs(), "eval": eval_docs()}
    corpora.update({str(c): corpus_docs(c) for c in args.corpus})
    differ = False
    dump = []
    with tempfile.TemporaryDirectory() as tmp:
        base = load_base(args.base, Path(tmp))
        for name, docs in corpora.items():
            chars = sum(len(text) for text, _, _ in docs)
            scan_all(base, docs[:20]), scan_all(current, docs[:20])  # load dictionaries, fill caches
            best = {"base": float("inf"), "new": float("inf")}
            for _ in range(args.repeat):
                seconds, base_hits = timed(base, docs)
                best["base"] = min(best["base"], seconds)
                seconds, new_hits = timed(current, docs)
                best["new"] = min(best["new"], seconds)
            same = base_hits == new_hits
            differ |= not same
            dump += [f"{name}\t" + "\t".join(map(repr, h)) for h in new_hits]
            print(
                f"{name}: {len(docs)} files, {chars:,} chars, {len(new_hits)} hits, "
                f"{'identical' if same else 'DIFFERENT'}; "
                f"base {best['base']:.2f} s ({chars / best['base']:,.0f} chars/s), "
                f"new {best['new']:.2f} s ({chars / best['new']:,.0f} chars/s), "
                f"x{best['base'] / best['new']:.2f}"
            )
    if args.dump:
        args.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
