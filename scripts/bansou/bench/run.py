"""Build synthetic projects at several scales with our plugin and with bare Material; compare.

Timings are wall-clock seconds of `python -m mkdocs build` subprocesses (what a contributor waits
for). They are reported and compared with budgets, never asserted. CPU seconds of the same builds
are reported next to them: work moved to a second process would not show in wall-clock time.
Each build runs several rounds, bare and ours in turn, and the fastest of each counts (other work
on the machine only ever adds time). Every timed build of ours starts without the PII result
cache, as on a fresh checkout; one more build with the cache is reported as the warm rebuild.
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from . import measure
from .generate import TODAY, generate

KB = 1024
BUDGETS = {
    "overhead_ratio_max": 1.15,
    "html_bytes_per_page_max_at_largest": 60 * KB,
    "search_index_bytes_per_language": int(1.5 * 1024 * KB),
    "first_visit_gzip_bytes": 120 * KB,
    "repeat_visit_gzip_bytes": 30 * KB,
}


@dataclass(frozen=True)
class Scale:
    factor: float
    languages: list[str]  # default first
    translated_fraction: float


@dataclass
class Plan:
    scales: list[Scale]
    check_all_scales: bool = True  # quick: `bansou check` timed at the first scale only
    notes: list[str] = field(default_factory=list)


QUICK_FACTORS = [1, 3, 10]
FULL_FACTORS = [1, 10, 30]
QUICK_ROUNDS, FULL_ROUNDS = 2, 3


def plan(all_languages: list[str], quick: bool, factors: list[float] | None = None) -> Plan:
    """quick: the first scale in every language (all translated), the others Japanese only.

    A 30x build in every language takes many minutes on two cores: quick stops at 10x and
    extrapolates the page size. The Japanese-only scales measure page size; their build time is
    reported, not judged (see run_bench).
    """
    if quick:
        f = factors or QUICK_FACTORS
        return Plan([Scale(f[0], all_languages, 1.0), *(Scale(x, all_languages[:1], 0.0) for x in f[1:])],
                    check_all_scales=False,
                    notes=[f"quick: {f[0]:g}x = every language, every article translated (overhead budget); "
                           + ", ".join(f"{x:g}x" for x in f[1:]) + " = Japanese only (no translations; page size); "
                           f"bansou check timed at {f[0]:g}x only"])
    f = factors or FULL_FACTORS
    return Plan([Scale(x, all_languages, 1.0 if i == 0 else 0.1) for i, x in enumerate(f)],
                notes=[f"full: every language at {', '.join(f'{x:g}x' for x in f)}; translations for all articles "
                       f"at {f[0]:g}x, 10% of articles at larger scales (the rest fall back to Japanese)"])


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BANSOU_TODAY": os.environ.get("BANSOU_TODAY", TODAY)}


@dataclass(frozen=True)
class Timing:
    seconds: float  # wall clock
    cpu_seconds: float  # user + sys of the child and of every process it waited for


def _timed(run: Callable[[], subprocess.CompletedProcess]) -> tuple[subprocess.CompletedProcess, Timing]:
    """Run one child process; its CPU time is the RUSAGE_CHILDREN delta (we run one child at a time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, Timing(seconds, cpu)


def build_rounds(root: Path, rounds: int) -> tuple[list[Timing], list[Timing]]:
    """(bare, ours): `rounds` alternating builds each, in order; ours always from a cold cache."""
    bare: list[Timing] = []
    ours: list[Timing] = []
    for _ in range(rounds):
        bare.append(build(root, "mkdocs-bare.yml", root / "site-bare"))
        shutil.rmtree(root / ".cache" / "bansou", ignore_errors=True)
        ours.append(build(root, "mkdocs.yml", root / "site"))
    return bare, ours


def _fastest(timings: list[Timing]) -> Timing:
    return min(timings, key=lambda t: t.seconds)  # other work on the machine only ever adds time


# a synthetic article's page, in any language: a/p01/, en/c/s02/p12/ (not a generated page)
_ARTICLE_PAGE = re.compile(r"^(?:[a-z]{2}(?:-[A-Z]{2})?/)?[a-h]/(?:s\d+/)?p\d+/index\.html$")


def is_article_page(rel: str) -> bool:
    return _ARTICLE_PAGE.match(rel) is not None


def build(root: Path, config: str, site: Path) -> Timing:
    result, timing = _timed(lambda: subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
        cwd=root, env=_env(), capture_output=True, text=True))
    if result.returncode != 0:
        raise BenchError(f"mkdocs build -f {config} failed in {root}:\n{result.stderr[-3000:]}")
    return timing


class BenchError(Exception):
    pass


def _timed_check(root: Path) -> tuple[float, int]:
    from ..findings import has_errors
    from ..project import load_project
    start = time.perf_counter()
    project = load_project(root)
    seconds = time.perf_counter() - start
    errors = sum(1 for f in project.findings if f.severity == "error")
    if has_errors(project.findings):
        raise BenchError(f"the generated project has {errors} error(s) in bansou check: {project.findings[:3]}")
    return seconds, errors


def _pii_throughput(root: Path) -> tuple[int, float]:
    from ..pii.scan import scan_text
    texts = [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8")) for p in sorted((root / "docs").rglob("*.md"))]
    start = time.perf_counter()
    for path, text in texts:
        scan_text(text, path)
    seconds = time.perf_counter() - start
    chars = sum(len(t) for _, t in texts)
    return chars, seconds


def measure_scale(real_root: Path, scale: Scale, dest: Path, time_check: bool, rounds: int) -> dict:
    syn = generate(real_root, dest, scale.factor, scale.languages, scale.translated_fraction)
    bare_site, our_site = syn.root / "site-bare", syn.root / "site"
    bare_rounds, our_rounds = build_rounds(syn.root, rounds)
    bare, ours = _fastest(bare_rounds), _fastest(our_rounds)
    warm = build(syn.root, "mkdocs.yml", our_site)  # the cache from the last round: a contributor's rebuild
    ours_html, bare_html = measure.html_stats(our_site), measure.html_stats(bare_site)
    articles = measure.html_stats(our_site, only=is_article_page)
    # the ratio compares our overhead only if both builds rendered the very same pages
    differing = sorted(measure.page_names(our_site) ^ measure.page_names(bare_site))
    out = {
        "factor": scale.factor, "languages": scale.languages, "articles": syn.articles,
        "translation_files": syn.translations, "generated_pages": syn.extra_pages,
        "pages_built": ours_html.pages, "bare_pages_built": bare_html.pages,
        "same_pages": not differing, "pages_in_one_build_only": differing[:10],
        "rounds": rounds,
        "bare_build_seconds": round(bare.seconds, 2), "build_seconds": round(ours.seconds, 2),
        # every round, to show how much identical builds vary on this machine
        "bare_build_seconds_each": [round(t.seconds, 2) for t in bare_rounds],
        "build_seconds_each": [round(t.seconds, 2) for t in our_rounds],
        "overhead_ratio": round(ours.seconds / bare.seconds, 2),
        "bare_cpu_seconds": round(bare.cpu_seconds, 2), "cpu_seconds": round(ours.cpu_seconds, 2),
        "cpu_overhead_ratio": round(ours.cpu_seconds / bare.cpu_seconds, 2),
        "warm_build_seconds": round(warm.seconds, 2), "warm_overhead_ratio": round(warm.seconds / bare.seconds, 2),
        "html_bytes_per_article_page_max": articles.max_bytes,
        "html_bytes_per_article_page_median": articles.median_bytes,
        "seconds_per_page": round(ours.seconds / max(1, ours_html.pages), 4),
        "bare_seconds_per_page": round(bare.seconds / max(1, bare_html.pages), 4),
        "site_bytes": measure.site_bytes(our_site), "bare_site_bytes": measure.site_bytes(bare_site),
        "html_bytes_per_page_max": ours_html.max_bytes, "html_max_page": ours_html.max_page,
        "html_bytes_per_page_median": ours_html.median_bytes,
        "bare_html_bytes_per_page_median": bare_html.median_bytes,
        "search_index_bytes": measure.search_index_bytes(our_site),
    }
    if time_check:
        out["check_seconds"] = round(_timed_check(syn.root)[0], 2)
    return out


def preview_timing(root: Path, site: Path) -> Timing:
    from ..commands.serve import build_one_language
    result, timing = _timed(lambda: build_one_language(root, "ja", site, env=_env()))
    if result.returncode != 0:
        raise BenchError(f"preview build failed:\n{result.stderr[-3000:]}")
    return timing


def article_page(site: Path) -> Path:
    """A typical Japanese article page of the real site (the first handbook section page)."""
    for candidate in ("residence/residence-card/index.html", "basics/role-and-limits/index.html"):
        if (site / candidate).is_file():
            return site / candidate
    pages = [p for p in measure.html_pages(site) if p.parent.parent != site and len(p.relative_to(site).parts) == 3]
    if not pages:
        raise BenchError(f"no article page found in {site}")
    return pages[0]


def run_bench(real_root: Path, quick: bool = False, real_site: Path | None = None, factors: list[float] | None = None,
              languages: list[str] | None = None, work: Path | None = None, rounds: int | None = None) -> dict:
    """Every measurement as one JSON-ready dict. `factors`/`languages` override the plan (tests use tiny scales)."""
    from ..config import load_config
    all_languages = languages or load_config(real_root).language_codes
    p = plan(all_languages, quick, factors)
    with tempfile.TemporaryDirectory(prefix="bansou-bench-") as tmp:
        work_dir = work or Path(tmp)
        dirs = [work_dir / f"{i + 1}-x{s.factor:g}" for i, s in enumerate(p.scales)]
        n = rounds or (QUICK_ROUNDS if quick else FULL_ROUNDS)
        scales = [measure_scale(real_root, s, d, time_check=p.check_all_scales or i == 0, rounds=n)
                  for i, (s, d) in enumerate(zip(p.scales, dirs))]
        first = dirs[0]
        most, over = measure.page_growth(first / "site", dirs[-1] / "site", BUDGETS["html_bytes_per_page_max_at_largest"])
        chars, pii_s = _pii_throughput(first)
        preview = preview_timing(first, work_dir / "preview-site")
        if real_site is None:
            real_site = work_dir / "real-site"
            build(real_root, "mkdocs.yml", real_site)
        real_index = measure.search_index_bytes(real_site)
        tr = measure.transfer(real_site, article_page(real_site))
    medians = [s["html_bytes_per_article_page_median"] for s in scales]
    # The budget is about the site as configured: every language. A one-language build (quick's
    # larger scales, which are there for page size) has no other language to render while the
    # gate's process works, so its ratio is reported on its own.
    every = [s for s in scales if len(s["languages"]) == len(all_languages)] or scales
    single = [s for s in scales if len(s["languages"]) == 1 and len(all_languages) > 1]
    result = {
        "overhead_ratio": max(s["overhead_ratio"] for s in every),
        "cpu_overhead_ratio": max(s["cpu_overhead_ratio"] for s in every),
        "warm_overhead_ratio": max(s["warm_overhead_ratio"] for s in every),
        "single_language_overhead_ratio": max((s["overhead_ratio"] for s in single), default=None),
        "same_pages": all(s["same_pages"] for s in scales),
        "seconds_per_page": {f"{s['factor']:g}x": s["seconds_per_page"] for s in scales},
        "check_seconds": scales[0]["check_seconds"],
        "pii_chars_per_second": round(chars / pii_s) if pii_s else None,
        "site_bytes": {f"{s['factor']:g}x": s["site_bytes"] for s in scales},
        "html_bytes_per_page_max": {f"{s['factor']:g}x": s["html_bytes_per_page_max"] for s in scales},
        "html_max_page": {f"{s['factor']:g}x": s["html_max_page"] for s in scales},
        "html_bytes_per_article_page_max": {f"{s['factor']:g}x": s["html_bytes_per_article_page_max"] for s in scales},
        "html_bytes_per_page_median": {f"{s['factor']:g}x": s["html_bytes_per_page_median"] for s in scales},
        "html_median_growth": round(medians[-1] / medians[0], 2) if medians[0] else None,
        # every page built at the smallest and the largest scale: which grew most, and which are
        # over the page budget at the largest (each with its size at the smallest scale)
        "page_growth_max": asdict(most) if most else None,
        "pages_over_limit_at_largest": {"count": len(over),
                                        "over_at_smallest_too": sum(g.small_bytes > BUDGETS["html_bytes_per_page_max_at_largest"]
                                                                    for g in over),
                                        "largest": [asdict(g) for g in over[:10]]},
        "html_bytes_per_page_median_at_30x": _at_30x(scales, "html_bytes_per_page_median"),
        "html_bytes_per_article_page_max_at_30x": _at_30x(scales, "html_bytes_per_article_page_max"),
        "search_index_bytes": real_index,
        "preview_rebuild_seconds": round(preview.seconds, 2),
        "preview_rebuild_cpu_seconds": round(preview.cpu_seconds, 2),
        "transfer": {"page": tr.page, "first_visit_gzip_bytes": tr.first_visit_gzip_bytes,
                     "repeat_visit_gzip_bytes": tr.repeat_visit_gzip_bytes, "assets": tr.assets},
        "scales": scales,
        "plan": p.notes,
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    result["budgets"] = budgets(result)
    return result


def _at_30x(scales: list[dict], key: str) -> dict:
    """Measured at 30x, or a straight line through the two largest scales (a part's sub-sections grow linearly)."""
    for s in scales:
        if s["factor"] == 30:
            return {"bytes": s[key], "estimated": False}
    if len(scales) < 2:
        return {"bytes": None, "estimated": True}
    a, b = scales[-2], scales[-1]
    slope = (b[key] - a[key]) / (b["factor"] - a["factor"])
    return {"bytes": round(b[key] + slope * (30 - b["factor"])), "estimated": True}


def budgets(result: dict) -> dict:
    """Pass/fail per budget. Page size is judged on the articles: a handbook page's HTML is what must
    not grow with the site. Reference pages (finding codes, glossary, matrix, a course's print view)
    are large because of their content at every scale; the largest page of each scale is reported."""
    def item(value, limit) -> dict:
        return {"value": value, "limit": limit, "pass": value is not None and value <= limit}
    index_max = max(result["search_index_bytes"].values(), default=0)
    page_limit = BUDGETS["html_bytes_per_page_max_at_largest"]
    article_max = result["html_bytes_per_article_page_max_at_30x"]
    return {
        "overhead_ratio": item(result["overhead_ratio"], BUDGETS["overhead_ratio_max"]),
        "html_bytes_per_article_page_max_at_30x": {**item(article_max["bytes"], page_limit),
                                                   "estimated": article_max["estimated"]},
        "search_index_bytes_per_language": item(index_max, BUDGETS["search_index_bytes_per_language"]),
        "first_visit_gzip_bytes": item(result["transfer"]["first_visit_gzip_bytes"], BUDGETS["first_visit_gzip_bytes"]),
        "repeat_visit_gzip_bytes": item(result["transfer"]["repeat_visit_gzip_bytes"], BUDGETS["repeat_visit_gzip_bytes"]),
        # not a hard number in the issue: the median article should not grow with the site (≤ 1.25× from 1x to largest)
        "html_per_page_flat": item(result["html_median_growth"], 1.25),
    }
